/**
 * The project's format table: one entry per published tracking-number format.
 *
 * Patterns run on the normalized number (no spaces or dashes, upper case) and are
 * anchored. Named groups:
 *   payload  - the characters the check digit covers
 *   check    - the check character
 *   tracking - the part the carrier's tracking page takes, when the printed barcode
 *              carries more (routing prefix, shipper data); absent = the whole number
 *   service, country - the S10 service indicator and issuing country
 *
 * Confidence (0..1) says how much the shape alone points to the carrier:
 *   0.9+      fixed prefix or letters and a check digit (1Z..., S10, IMpb 92-95...)
 *   0.7-0.89  fixed prefix without check digit (TBA..., YT..., 1LS...)
 *   0.5-0.7   bare digits of a given length with a check digit (FedEx 12, Canada Post 16)
 *   0.2-0.45  heuristics: a length or shape only, no check digit (Delhivery, Blue Dart,
 *             Mondial Relay...). These are guesses; the user confirms or overrides.
 *
 * `distinctive`: the shape alone identifies the carrier, so a failing check digit most
 * likely means a mistyped number of this carrier: the candidate is kept, flagged
 * invalid. For bare digit runs a failing check means "some other carrier's number" and
 * the candidate is dropped.
 *
 * Sources: the carriers' and the UPU's public descriptions of their formats (check-digit
 * rules are published facts); where a public sample corpus disagreed with a rule we
 * followed the samples and say so beside the entry.
 */
import type { CheckDigitSpec } from './check-digits';

export interface TrackingFormat {
  id: string;
  /** Carrier code; S10 entries ('postal') resolve the issuing post from the country. */
  carrier: string;
  service?: string;
  pattern: RegExp;
  check: CheckDigitSpec | null;
  confidence: number;
  distinctive: boolean;
  postal?: boolean;
}

const GS1_MOD10: CheckDigitSpec = { algorithm: 'mod10', weights: [3, 1], from: 'right' };
const UPS_MOD10: CheckDigitSpec = { algorithm: 'mod10', weights: [1, 2], from: 'left', letters: 'ups' };
const FEDEX_MOD11: CheckDigitSpec = { algorithm: 'mod11_10', weights: [1, 3, 7], from: 'right' };

/**
 * USPS Intelligent Mail package barcode (Publication 199): application identifier 92,
 * 93, 94 or 95, a 3-digit service type code, the mailer ID (9 digits when it starts with
 * 9, else 6), a serial, and a GS1 mod-10 check digit; 22 or 26 digits, and 30 for the
 * 94 online/vendor constructs with a 15-digit serial. AI 92 goes with a 9-digit mailer
 * ID and 93 with a 6-digit one, which the lookaheads require.
 */
const IMPB = '(?<payload>(?:(?:92(?=\\d{3}9)|93(?=\\d{3}[0-8])|95)\\d{19}(?:\\d{4})?|94\\d{19}(?:\\d{4}){0,2}))(?<check>\\d)';
/** The older 22-digit form with application identifier 91 (Delivery/Signature Confirmation). */
const USPS_91 = '(?<payload>91\\d{19})(?<check>\\d)';
/** A label's barcode may start with the routing code: 420 + destination ZIP or ZIP+4. */
function routed(zipDigits: 5 | 9, inner: string): RegExp {
  return new RegExp(`^420\\d{${zipDigits}}(?<tracking>${inner})$`);
}

export const FORMATS: readonly TrackingFormat[] = [
  // UPS: 1Z + shipper (6) + service (2) + package (7) + check; letters read as digits.
  { id: 'ups_1z', carrier: 'ups', pattern: /^1Z(?<payload>[0-9A-Z]{15})(?<check>\d)$/, check: UPS_MOD10, confidence: 0.95, distinctive: true },
  // UPS waybill / Mail Innovations style: a service letter + 9 digits + check. The
  // samples we checked verify without the letter in the sum.
  { id: 'ups_waybill', carrier: 'ups', service: 'Waybill', pattern: /^[AHJKTV](?<payload>\d{9})(?<check>\d)$/, check: { algorithm: 'mod10', weights: [1, 2], from: 'left' }, confidence: 0.6, distinctive: false },

  // FedEx Express: 12 digits, weights 1 3 7 from the right, sum mod 11 mod 10.
  { id: 'fedex_express_12', carrier: 'fedex', service: 'Express', pattern: /^(?<payload>\d{11})(?<check>\d)$/, check: FEDEX_MOD11, confidence: 0.7, distinctive: false },
  // FedEx Express 34-digit barcode: the last 12 digits are the tracking number.
  { id: 'fedex_express_34', carrier: 'fedex', service: 'Express', pattern: /^[0-8]\d{21}(?<tracking>(?<payload>\d{11})(?<check>\d))$/, check: FEDEX_MOD11, confidence: 0.8, distinctive: false },
  // FedEx ASTRA 32-digit barcode: positions 17-28 hold the Express tracking number.
  { id: 'fedex_astra_32', carrier: 'fedex', service: 'Express (ASTRA)', pattern: /^3\d{15}(?<tracking>(?<payload>\d{11})(?<check>\d))\d{4}$/, check: FEDEX_MOD11, confidence: 0.7, distinctive: false },
  // FedEx Ground 96 (22): 96 + SCNC (2) + service (3) + shipper (7) + package (7) + check;
  // the check covers shipper and package only.
  { id: 'fedex_ground_96', carrier: 'fedex', service: 'Ground', pattern: /^96\d{5}(?<payload>\d{14})(?<check>\d)$/, check: GS1_MOD10, confidence: 0.9, distinctive: true },
  // FedEx Ground 34-digit barcode (96 + SCNC + shipper number ...): ends with the Express-style 12-digit number.
  { id: 'fedex_ground_gsn', carrier: 'fedex', service: 'Ground', pattern: /^96\d{20}(?<tracking>(?<payload>\d{11})(?<check>\d))$/, check: FEDEX_MOD11, confidence: 0.9, distinctive: true },
  // FedEx Ground 15 digits, GS1 mod 10.
  { id: 'fedex_ground_15', carrier: 'fedex', service: 'Ground', pattern: /^(?<payload>\d{14})(?<check>\d)$/, check: GS1_MOD10, confidence: 0.6, distinctive: false },
  // FedEx Ground SSCC-18 (container type 00, 01, 02 or 04 first), GS1 mod 10.
  { id: 'fedex_ground_sscc18', carrier: 'fedex', service: 'Ground (SSCC)', pattern: /^(?<payload>0\d{16})(?<check>\d)$/, check: GS1_MOD10, confidence: 0.5, distinctive: false },

  // TNT (FedEx): 9-digit consignment number, S10 check digit; its barcode reads GE...WW.
  { id: 'tnt_ge', carrier: 'tnt', pattern: /^GE(?<tracking>(?<payload>\d{8})(?<check>\d))WW$/, check: { algorithm: 's10' }, confidence: 0.95, distinctive: true },
  { id: 'tnt_9', carrier: 'tnt', pattern: /^(?<payload>\d{8})(?<check>\d)$/, check: { algorithm: 's10' }, confidence: 0.5, distinctive: false },

  // USPS IMpb, bare and behind the 420 + ZIP routing code (both ZIP lengths are tried:
  // 420 + ZIP5 + 26 digits and 420 + ZIP+4 + 22 digits are both 34 long).
  { id: 'usps_impb', carrier: 'usps', service: 'IMpb', pattern: new RegExp(`^${IMPB}$`), check: GS1_MOD10, confidence: 0.95, distinctive: true },
  { id: 'usps_impb_zip5', carrier: 'usps', service: 'IMpb', pattern: routed(5, IMPB), check: GS1_MOD10, confidence: 0.95, distinctive: true },
  { id: 'usps_impb_zip9', carrier: 'usps', service: 'IMpb', pattern: routed(9, IMPB), check: GS1_MOD10, confidence: 0.95, distinctive: true },
  { id: 'usps_91', carrier: 'usps', service: 'Delivery Confirmation', pattern: new RegExp(`^${USPS_91}$`), check: GS1_MOD10, confidence: 0.9, distinctive: true },
  { id: 'usps_91_zip5', carrier: 'usps', service: 'Delivery Confirmation', pattern: routed(5, USPS_91), check: GS1_MOD10, confidence: 0.9, distinctive: true },
  { id: 'usps_91_zip9', carrier: 'usps', service: 'Delivery Confirmation', pattern: routed(9, USPS_91), check: GS1_MOD10, confidence: 0.9, distinctive: true },
  // USPS 20 digits, printed without the 91 identifier. Both conventions occur in real
  // numbers: the check digit computed without the 91, or still including it.
  { id: 'usps_20', carrier: 'usps', service: 'Delivery Confirmation', pattern: /^(?<payload>\d{19})(?<check>\d)$/, check: GS1_MOD10, confidence: 0.6, distinctive: false },
  { id: 'usps_20_with_91', carrier: 'usps', service: 'Delivery Confirmation', pattern: /^(?<payload>\d{19})(?<check>\d)$/, check: { algorithm: 'mod10', weights: [3, 1], from: 'right', prefix: '91' }, confidence: 0.6, distinctive: false },

  // UPU S10: every post's international (and often domestic) items. The carrier is the
  // issuing post when the add-on knows it (s10.ts), else 's10'.
  { id: 's10', carrier: 's10', pattern: /^(?<service>[A-Z]{2})(?<payload>\d{8})(?<check>\d)(?<country>[A-Z]{2})$/, check: { algorithm: 's10' }, confidence: 0.9, distinctive: true, postal: true },

  // Canada Post 16 digits, GS1 mod 10 (international and many domestic items are S10).
  { id: 'canada_post_16', carrier: 'canada_post', pattern: /^(?<payload>\d{15})(?<check>\d)$/, check: GS1_MOD10, confidence: 0.6, distinctive: false },

  // DHL Express waybill: 10 (or 11) digits, check = the rest modulo 7.
  { id: 'dhl_express', carrier: 'dhl_express', pattern: /^(?<payload>\d{9,10})(?<check>\d)$/, check: { algorithm: 'mod7' }, confidence: 0.55, distinctive: false },
  // DHL Express piece ID (license plate): J + 2-3 letters + 9-10 digits, no check digit.
  { id: 'dhl_express_piece', carrier: 'dhl_express', service: 'Piece ID', pattern: /^J[A-Z]{2,3}\d{9,10}$/, check: null, confidence: 0.7, distinctive: true },
  // DHL eCommerce: a 2-letter account/origin prefix + 10-39 characters with a digit. No check digit.
  { id: 'dhl_ecommerce', carrier: 'dhl_ecommerce', pattern: /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?=[0-9A-Z]*\d)[0-9A-Z]{10,39}$/, check: null, confidence: 0.6, distinctive: true },
  // DHL eCommerce 14 digits: heuristic (length only, no check digit).
  { id: 'dhl_ecommerce_14', carrier: 'dhl_ecommerce', pattern: /^\d{14}$/, check: null, confidence: 0.3, distinctive: false },

  // DPD: 14-digit parcel number + ISO 7064 MOD 37,36 check character; the 28-character
  // barcode adds the destination postcode (7) before, service (3) and country (3) after.
  { id: 'dpd_28', carrier: 'dpd', pattern: /^(?<payload>\d{7}(?<tracking>\d{14})\d{6})(?<check>[0-9A-Z])$/, check: { algorithm: 'mod37_36' }, confidence: 0.85, distinctive: true },
  { id: 'dpd_14', carrier: 'dpd', pattern: /^(?<payload>(?<tracking>\d{14}))(?<check>[0-9A-Z])$/, check: { algorithm: 'mod37_36' }, confidence: 0.55, distinctive: false },

  // Amazon Logistics: TBA (US, EU), TBC (Canada), TBM (Mexico) + 12 digits. No check digit.
  { id: 'amazon_tba', carrier: 'amazon', pattern: /^TB[ACM]\d{12}$/, check: null, confidence: 0.9, distinctive: true },
  // Amazon international shipments: A, C or F + 10 digits. Heuristic, no check digit.
  { id: 'amazon_intl', carrier: 'amazon', service: 'International', pattern: /^[ACF]\d{10}$/, check: null, confidence: 0.4, distinctive: false },

  // OnTrac: C or D + 13 digits + check; UPS-style mod 10 with the letter read as a digit (C=4, D=5).
  { id: 'ontrac', carrier: 'ontrac', pattern: /^(?<payload>[CD]\d{13})(?<check>\d)$/, check: UPS_MOD10, confidence: 0.9, distinctive: true },

  // LaserShip (now OnTrac): no check digits in any of its formats.
  { id: 'lasership_l', carrier: 'lasership', pattern: /^L[AEHINX][1-3]\d{7}$/, check: null, confidence: 0.7, distinctive: true },
  { id: 'lasership_1ls7', carrier: 'lasership', pattern: /^1LS7[12]\d{10}$/, check: null, confidence: 0.85, distinctive: true },
  // The piece form is printed with a "-1" suffix, whose dash normalization removes; only
  // piece 1 is published, so the trailing 1 is required.
  { id: 'lasership_1ls7_piece', carrier: 'lasership', pattern: /^1LS7[12]\d{2}01[1-4]\d{6}1$/, check: null, confidence: 0.8, distinctive: true },
  { id: 'lasership_1lscx', carrier: 'lasership', pattern: /^1LSCX[0-9A-Z]{10}$/, check: null, confidence: 0.85, distinctive: true },

  // Purolator: 12 digits starting 0-5 with a Luhn check digit, or 3 letters + 9 digits (no check).
  { id: 'purolator_12', carrier: 'purolator', pattern: /^(?<payload>[0-5]\d{10})(?<check>\d)$/, check: { algorithm: 'luhn' }, confidence: 0.5, distinctive: false },
  { id: 'purolator_alpha', carrier: 'purolator', pattern: /^[A-Z]{3}\d{9}$/, check: null, confidence: 0.4, distinctive: false },

  // Canpar: a letter + 21 digits. No check digit.
  { id: 'canpar', carrier: 'canpar', pattern: /^[CDKLSUXZ]\d{21}$/, check: null, confidence: 0.7, distinctive: true },

  // Old Dominion PRO numbers: 11 digits with a Luhn check digit; regular PROs start
  // 072, 777, 778 or 780, guaranteed shipments 80.
  { id: 'old_dominion', carrier: 'old_dominion', pattern: /^(?<payload>(?:072|77[78]|780)\d{7})(?<check>\d)$/, check: { algorithm: 'luhn' }, confidence: 0.55, distinctive: false },
  { id: 'old_dominion_guaranteed', carrier: 'old_dominion', service: 'Guaranteed', pattern: /^(?<payload>80\d{8})(?<check>\d)$/, check: { algorithm: 'luhn' }, confidence: 0.5, distinctive: false },

  // Prefixed formats without a check digit.
  { id: 'speedee', carrier: 'speedee', pattern: /^SP\d{18}$/, check: null, confidence: 0.8, distinctive: true },
  { id: 'yodel', carrier: 'yodel', pattern: /^J{1,2}D\d{16}$/, check: null, confidence: 0.8, distinctive: true },
  { id: 'yunexpress', carrier: 'yunexpress', pattern: /^YT\d{16}$/, check: null, confidence: 0.85, distinctive: true },
  { id: 'gofo', carrier: 'gofo', pattern: /^GFUS\d{14}$/, check: null, confidence: 0.85, distinctive: true },
  { id: 'landmark', carrier: 'landmark', pattern: /^LTN\d{8}N1$/, check: null, confidence: 0.85, distinctive: true },

  // France, domestic. Colissimo and La Poste tracked letters: 13 characters, a digit, a
  // product letter, 11 digits (e.g. 6A..., 8R... returns). La Poste publishes the shape but
  // no check-digit rule we could confirm: heuristic.
  { id: 'colissimo_domestic', carrier: 'colissimo', pattern: /^\d[A-Z]\d{11}$/, check: null, confidence: 0.6, distinctive: false },
  // Chronopost's own S10-shaped numbers (X + letter + 9 digits + FR). Heuristic: when the
  // S10 check digit also verifies, the S10 entry reports it for Chronopost as checked.
  { id: 'chronopost_x', carrier: 'chronopost', pattern: /^X[A-Z]\d{9}FR$/, check: null, confidence: 0.5, distinctive: false },
  // Mondial Relay: 8-digit shipment number. Heuristic, length only.
  { id: 'mondial_relay_8', carrier: 'mondial_relay', pattern: /^\d{8}$/, check: null, confidence: 0.2, distinctive: false },

  // India, domestic. India Post's items are S10 (EE...IN Speed Post, RK...IN registered).
  // Delhivery waybills: 13 or 14 digits; Blue Dart air waybills: 11 digits. Neither
  // publishes a check-digit rule: heuristics, length only.
  { id: 'delhivery', carrier: 'delhivery', pattern: /^\d{13,14}$/, check: null, confidence: 0.25, distinctive: false },
  { id: 'bluedart_11', carrier: 'bluedart', pattern: /^\d{11}$/, check: null, confidence: 0.25, distinctive: false },
];
