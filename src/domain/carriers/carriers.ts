/**
 * The carriers the add-on knows: a stable code (stored in the Shipments tab, never
 * renamed), a display name (a brand, so not localized) and the carrier's public
 * tracking page with `{number}` where the tracking number goes.
 *
 * Build links with trackingUrl() (detect.ts) rather than from `url` directly: it
 * encodes the number, extracts the trackable part of long barcodes and, for 's10',
 * picks the issuing post's own page.
 */
export interface CarrierInfo {
  code: string;
  name: string;
  url: string;
}

/**
 * Postal items from a post we have no page for are followed on a multi-carrier tracker:
 * UPU S10 numbers are shared by every post, but no post-neutral official page exists.
 */
export const UNIVERSAL_POSTAL_TRACKER = 'https://t.17track.net/en#nums={number}';

export const CARRIERS: readonly CarrierInfo[] = [
  { code: 'ups', name: 'UPS', url: 'https://www.ups.com/track?tracknum={number}' },
  { code: 'fedex', name: 'FedEx', url: 'https://www.fedex.com/fedextrack/?trknbr={number}' },
  // TNT is part of FedEx; its consignment numbers are still followed on TNT's page.
  { code: 'tnt', name: 'TNT (FedEx)', url: 'https://www.tnt.com/express/en_gb/site/shipping-tools/tracking.html?searchType=con&cons={number}' },
  { code: 'usps', name: 'USPS', url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}' },
  { code: 'dhl_express', name: 'DHL Express', url: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}' },
  { code: 'dhl_ecommerce', name: 'DHL eCommerce', url: 'https://www.dhl.com/global-en/home/tracking/tracking-ecommerce.html?submit=1&tracking-id={number}' },
  { code: 's10', name: 'Postal service (UPU S10)', url: UNIVERSAL_POSTAL_TRACKER },
  { code: 'la_poste', name: 'La Poste', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code={number}' },
  // Colissimo is La Poste's parcel brand; La Poste's tracking page covers it.
  { code: 'colissimo', name: 'Colissimo', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code={number}' },
  { code: 'chronopost', name: 'Chronopost', url: 'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={number}' },
  // Mondial Relay's page also asks for the recipient's postal code.
  { code: 'mondial_relay', name: 'Mondial Relay', url: 'https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={number}' },
  { code: 'royal_mail', name: 'Royal Mail', url: 'https://www.royalmail.com/track-your-item#/tracking-results/{number}' },
  { code: 'india_post', name: 'India Post', url: UNIVERSAL_POSTAL_TRACKER },
  { code: 'canada_post', name: 'Canada Post', url: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}' },
  { code: 'deutsche_post', name: 'Deutsche Post', url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={number}' },
  { code: 'australia_post', name: 'Australia Post', url: 'https://auspost.com.au/mypost/track/#/details/{number}' },
  { code: 'amazon', name: 'Amazon Logistics', url: 'https://track.amazon.com/tracking/{number}' },
  { code: 'dpd', name: 'DPD', url: 'https://tracking.dpd.de/status/en_US/parcel/{number}' },
  { code: 'ontrac', name: 'OnTrac', url: 'https://www.ontrac.com/tracking/?number={number}' },
  // LaserShip merged into OnTrac, whose page follows LaserShip numbers too.
  { code: 'lasership', name: 'LaserShip', url: 'https://www.ontrac.com/tracking/?number={number}' },
  { code: 'purolator', name: 'Purolator', url: 'https://www.purolator.com/en/shipping/tracker?pin={number}' },
  { code: 'canpar', name: 'Canpar', url: 'https://www.canpar.com/en/track/tracking.jsp?reference={number}' },
  { code: 'delhivery', name: 'Delhivery', url: 'https://www.delhivery.com/track/package/{number}' },
  { code: 'bluedart', name: 'Blue Dart', url: 'https://www.bluedart.com/web/guest/trackdartresultthirdparty?trackFor=0&trackNo={number}' },
  { code: 'old_dominion', name: 'Old Dominion Freight Line', url: 'https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers={number}' },
  { code: 'speedee', name: 'Spee-Dee Delivery', url: 'https://www.speedeedelivery.com/track/?tracking={number}' },
  { code: 'yodel', name: 'Yodel', url: 'https://www.yodel.co.uk/tracking/{number}' },
  { code: 'yunexpress', name: 'YunExpress', url: 'https://www.yuntrack.com/parcelTracking?id={number}' },
  { code: 'gofo', name: 'GOFO Express', url: 'https://www.gofoexpress.com/tracking.html?searchID={number}' },
  { code: 'landmark', name: 'Landmark Global', url: 'https://track.landmarkglobal.com/?search={number}' },
];

export function carrierInfo(code: string): CarrierInfo | undefined {
  for (const c of CARRIERS) if (c.code === code) return c;
  return undefined;
}
