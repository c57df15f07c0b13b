/**
 * UPU S10: the item identifier every post uses for tracked international mail (and many
 * posts for domestic mail too): two letters for the service, eight serial digits, a check
 * digit, and the ISO 3166-1 alpha-2 code of the issuing post, e.g. RB123456785GB.
 */

/**
 * ISO 3166-1 alpha-2, all 249 assigned codes. S10 ends with the issuing post's code, so a
 * number ending in anything else (XX, WW...) is not an S10 item. Territories with posts
 * of their own (GI, JE, PF, NC...) issue S10 numbers, so the whole list is accepted, not
 * only UPU members.
 */
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET ' +
    'FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ' +
    'ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
    'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export function isIsoCountry(code: string): boolean {
  return ISO_COUNTRIES.has(code);
}

/** The first letter of the service indicator names the class of item (S10 annex). */
const SERVICE_CLASSES: Readonly<Record<string, string>> = {
  E: 'EMS',
  C: 'Parcel',
  H: 'E-commerce parcel',
  L: 'Letter, express',
  R: 'Registered letter',
  V: 'Insured letter',
  U: 'Letter',
  M: 'M-bag',
  Q: 'Business reply',
};

export function s10ServiceName(serviceIndicator: string): string {
  return SERVICE_CLASSES[serviceIndicator[0]] ?? 'Postal item';
}

/**
 * The post that issued an S10 number, by country, for the posts the add-on has a carrier
 * code for; other countries stay 's10'. France splits by service: parcels (C, H) are
 * Colissimo, EMS (E) is carried by Chronopost, France's EMS operator, and X-prefixed
 * numbers are Chronopost's own; the rest is La Poste.
 */
const POSTS: Readonly<Record<string, string>> = {
  US: 'usps',
  CA: 'canada_post',
  GB: 'royal_mail',
  IN: 'india_post',
  DE: 'deutsche_post',
  AU: 'australia_post',
  FR: 'la_poste',
};

export function postalCarrierFor(country: string, serviceIndicator: string): string {
  if (country === 'FR') {
    const cls = serviceIndicator[0];
    if (cls === 'C' || cls === 'H') return 'colissimo';
    if (cls === 'E' || cls === 'X') return 'chronopost';
  }
  return POSTS[country] ?? 's10';
}
