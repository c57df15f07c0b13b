/**
 * Carrier detection with the project's own sample numbers. Valid numbers are built here
 * by computing their check digits with small implementations written for the test (not
 * the module's), so a wrong weight in the module fails here; invalid ones change the
 * check digit or break the shape.
 */
import { describe, expect, it } from 'vitest';
import {
  CARRIERS,
  FORMATS,
  TRACKING_STATUSES,
  detectCarrier,
  isTrackingStatus,
  normalizeTrackingNumber,
  trackingUrl,
  type CarrierCandidate,
} from '../../src/domain/carriers';

// --- check digits, computed independently -------------------------------------------

const nums = (s: string): number[] => s.split('').map((c) => Number(c));

/** GS1 mod 10: weights 3, 1, 3... from the rightmost payload digit. */
function gs1(payload: string): string {
  const sum = nums(payload).reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

/** UPS: letters as (code - 63) % 10, weights 1, 2, 1... from the left. */
function ups(payload: string): string {
  let sum = 0;
  payload.split('').forEach((c, i) => {
    const v = /[0-9]/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += v * (i % 2 === 0 ? 1 : 2);
  });
  return String((10 - (sum % 10)) % 10);
}

/** FedEx Express: 11 digits, weights 3, 1, 7 from the left, sum mod 11 mod 10. */
function fedex(payload: string): string {
  const w = [3, 1, 7];
  const sum = nums(payload).reduce((acc, d, i) => acc + d * w[i % 3], 0);
  return String((sum % 11) % 10);
}

/** UPU S10 (and TNT): weights 8 6 4 2 3 5 9 7, 11 - sum mod 11, 10 -> 0, 11 -> 5. */
function s10(payload: string): string {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const r = 11 - (nums(payload).reduce((acc, d, i) => acc + d * w[i], 0) % 11);
  return String(r === 10 ? 0 : r === 11 ? 5 : r);
}

const mod7 = (payload: string): string => String(Number(payload) % 7);

function luhn(payload: string): string {
  const sum = nums(payload)
    .reverse()
    .reduce((acc, d, i) => {
      const v = i % 2 === 0 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
  return String((10 - (sum % 10)) % 10);
}

/** ISO/IEC 7064 MOD 37,36. */
function mod3736(payload: string): string {
  const A = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let p = 36;
  for (const c of payload) {
    const s = (p + A.indexOf(c)) % 36 || 36;
    p = (s * 2) % 37;
  }
  return A[(37 - p) % 36];
}

/** The same number with a different check character (the last one unless told). */
function wrongCheck(n: string, at = n.length - 1): string {
  const c = n[at];
  const other = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
  return n.slice(0, at) + other + n.slice(at + 1);
}

function top(n: string): CarrierCandidate | undefined {
  return detectCarrier(n)[0];
}
function find(n: string, carrier: string): CarrierCandidate | undefined {
  return detectCarrier(n).find((c) => c.carrier === carrier);
}

// --- our sample numbers --------------------------------------------------------------

const UPS_PAYLOAD = 'A1B2C3' + '01' + '7654321';
const UPS = '1Z' + UPS_PAYLOAD + ups(UPS_PAYLOAD);
const UPS_WAYBILL = 'K' + '240613579' + ups('240613579');
const FEDEX_12 = '70112233445' + fedex('70112233445');
const FEDEX_34 = '1' + '000000000000' + '75001' + '0000' + FEDEX_12; // 1 + 12 + ZIP 5 + 4 + 12
const FEDEX_96 = '96' + '12' + '345' + '7654321' + '1234567' + gs1('76543211234567');
const FEDEX_GROUND_15 = '12345678901234' + gs1('12345678901234');
const TNT = '17263549' + s10('17263549');
const TNT_GE = 'GE' + TNT + 'WW';
const IMPB_94 = '94' + '001' + '123456' + '1234567890'; // 6-digit mailer ID (starts 0-8)
const IMPB = IMPB_94 + gs1(IMPB_94);
const IMPB_92_BODY = '92' + '612' + '912345678' + '7654321'; // 92 needs a 9-digit mailer ID
const IMPB_92 = IMPB_92_BODY + gs1(IMPB_92_BODY);
const IMPB_ROUTED = '420' + '75001' + IMPB;
const IMPB_ROUTED_ZIP4 = '420' + '750011234' + IMPB;
const USPS_91_BODY = '91' + '0312345678912345678';
const USPS_91 = USPS_91_BODY + gs1(USPS_91_BODY);
const USPS_20 = '0312345678912345678' + gs1('0312345678912345678');
const CANADA_POST = '700123456789012' + gs1('700123456789012');
const DHL_EXPRESS = '123456789' + mod7('123456789');
const DPD_14 = '05123456789012' + mod3736('05123456789012');
const DPD_28 = '0075001' + '05123456789012' + '101250' + mod3736('0075001' + '05123456789012' + '101250');
const ONTRAC = 'C1234567890123' + ups('C1234567890123');
const PUROLATOR = '31234567890' + luhn('31234567890');
const OLD_DOMINION = '7801234567' + luhn('7801234567');
const s10Number = (service: string, serial: string, country: string): string => service + serial + s10(serial) + country;

describe('normalizeTrackingNumber', () => {
  it('drops spaces, dashes and invisible separators and upper-cases', () => {
    expect(normalizeTrackingNumber(' 1z 5r8-939 0357 567127 ')).toBe('1Z5R89390357567127');
    expect(normalizeTrackingNumber('9400\u00a01000\u20130000\u200b0000')).toBe('9400100000000000');
    expect(normalizeTrackingNumber('rr\t123 456 785\nfr')).toBe('RR123456785FR');
    expect(normalizeTrackingNumber('')).toBe('');
  });

  it('is what every candidate reports', () => {
    const typed = UPS.toLowerCase().replace(/(.{4})/g, '$1 ');
    const candidates = detectCarrier(typed);
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.normalized).toBe(UPS);
  });
});

describe('detectCarrier: each carrier, valid and invalid', () => {
  it('UPS 1Z (letters read as digits) and waybill', () => {
    expect(top(UPS)).toMatchObject({ carrier: 'ups', checkDigitValid: true, confidence: 0.95 });
    // 1Z is distinctive: a bad check digit is a mistyped UPS number, shown flagged.
    expect(detectCarrier(wrongCheck(UPS))).toEqual([expect.objectContaining({ carrier: 'ups', checkDigitValid: false })]);
    expect(detectCarrier('2Z' + UPS.slice(2)).find((c) => c.carrier === 'ups')).toBeUndefined();
    expect(find(UPS_WAYBILL, 'ups')).toMatchObject({ checkDigitValid: true, service: 'Waybill' });
    expect(find(wrongCheck(UPS_WAYBILL), 'ups')).toBeUndefined();
  });

  it('FedEx Express 12, 34-digit barcode, Ground 96, Ground 15', () => {
    expect(top(FEDEX_12)).toMatchObject({ carrier: 'fedex', checkDigitValid: true, service: 'Express' });
    expect(find(wrongCheck(FEDEX_12), 'fedex')).toBeUndefined();
    expect(find(FEDEX_34, 'fedex')).toMatchObject({ checkDigitValid: true, trackingUrl: expect.stringContaining(FEDEX_12) });
    expect(find(FEDEX_34, 'fedex')!.trackingUrl).not.toContain(FEDEX_34);
    expect(top(FEDEX_96)).toMatchObject({ carrier: 'fedex', checkDigitValid: true, service: 'Ground' });
    expect(top(wrongCheck(FEDEX_96))).toMatchObject({ carrier: 'fedex', checkDigitValid: false });
    expect(find(FEDEX_GROUND_15, 'fedex')).toMatchObject({ checkDigitValid: true, service: 'Ground' });
  });

  it('TNT consignment numbers (S10 check digit), bare and as GE...WW', () => {
    expect(top(TNT_GE)).toMatchObject({ carrier: 'tnt', checkDigitValid: true, trackingUrl: expect.stringContaining(`cons=${TNT}`) });
    expect(top(wrongCheck(TNT_GE, 10))).toMatchObject({ carrier: 'tnt', checkDigitValid: false });
    expect(find(TNT, 'tnt')).toMatchObject({ checkDigitValid: true });
    expect(find(wrongCheck(TNT), 'tnt')).toBeUndefined();
  });

  it('USPS IMpb 92-95, behind 420 + ZIP, the 91 form and 20 digits', () => {
    expect(top(IMPB)).toMatchObject({ carrier: 'usps', checkDigitValid: true, service: 'IMpb' });
    expect(top(IMPB_92)).toMatchObject({ carrier: 'usps', checkDigitValid: true });
    expect(top(wrongCheck(IMPB))).toMatchObject({ carrier: 'usps', checkDigitValid: false });
    // AI 93 goes with a 6-digit mailer ID: a 9-digit one (starting with 9) is not IMpb.
    const bad93 = '93' + IMPB_92_BODY.slice(2);
    expect(find(bad93 + gs1(bad93), 'usps')).toBeUndefined();
    for (const routedNumber of [IMPB_ROUTED, IMPB_ROUTED_ZIP4]) {
      expect(top(routedNumber)).toMatchObject({ carrier: 'usps', checkDigitValid: true });
      expect(top(routedNumber)!.trackingUrl).toBe(`https://tools.usps.com/go/TrackConfirmAction?tLabels=${IMPB}`);
      expect(top(routedNumber)!.normalized).toBe(routedNumber);
    }
    expect(top(USPS_91)).toMatchObject({ carrier: 'usps', checkDigitValid: true });
    expect(find(USPS_20, 'usps')).toMatchObject({ checkDigitValid: true });
    // Printed without its 91, the check digit may still include it.
    expect(find(USPS_91.slice(2), 'usps')).toMatchObject({ checkDigitValid: true });
    const neither = USPS_20.slice(0, 19) + String((Number(gs1(USPS_20.slice(0, 19))) + 5) % 10);
    expect(find(neither, 'usps')).toBeUndefined();
  });

  it('S10 items go to the issuing post, with its country and service class', () => {
    const serial = '47120583';
    expect(top(s10Number('EE', serial, 'IN'))).toMatchObject({ carrier: 'india_post', country: 'IN', service: 'EMS', checkDigitValid: true });
    expect(top(s10Number('RR', serial, 'FR'))).toMatchObject({ carrier: 'la_poste', country: 'FR', service: 'Registered letter' });
    expect(top(s10Number('CP', serial, 'FR'))).toMatchObject({ carrier: 'colissimo', country: 'FR', service: 'Parcel' });
    expect(top(s10Number('EE', serial, 'FR'))).toMatchObject({ carrier: 'chronopost', country: 'FR' });
    expect(top(s10Number('RR', serial, 'GB'))).toMatchObject({ carrier: 'royal_mail', country: 'GB' });
    expect(top(s10Number('LZ', serial, 'US'))).toMatchObject({ carrier: 'usps', country: 'US' });
    expect(top(s10Number('CA', serial, 'CA'))).toMatchObject({ carrier: 'canada_post', country: 'CA' });
    expect(top(s10Number('RR', serial, 'CF'))).toMatchObject({ carrier: 's10', country: 'CF', checkDigitValid: true });
    // Not an ISO country: not S10 at all.
    expect(detectCarrier(s10Number('RR', serial, 'XX'))).toEqual([]);
    // A failing check digit is flagged, not dropped (the letters make the shape unmistakable).
    expect(top(wrongCheck(s10Number('RR', serial, 'GB'), 10))).toMatchObject({ carrier: 'royal_mail', checkDigitValid: false });
    // The two special results: 11 - sum % 11 = 11 gives 5, = 10 gives 0.
    const serialWithSumMod11 = (r: number): string => {
      for (let i = 0; ; i++) {
        const serial = String(i * 37).padStart(8, '0');
        if (nums(serial).reduce((acc, d, k) => acc + d * [8, 6, 4, 2, 3, 5, 9, 7][k], 0) % 11 === r) return serial;
      }
    };
    for (const [r, digit] of [[0, '5'], [1, '0']] as const) {
      const serial = serialWithSumMod11(r);
      expect(s10(serial)).toBe(digit);
      expect(top(serial.replace(/^/, 'RR') + digit + 'DE')).toMatchObject({ carrier: 'deutsche_post', checkDigitValid: true });
    }
  });

  it('Canada Post 16 digits', () => {
    expect(find(CANADA_POST, 'canada_post')).toMatchObject({ checkDigitValid: true });
    expect(find(wrongCheck(CANADA_POST), 'canada_post')).toBeUndefined();
  });

  it('DHL Express (mod 7), piece IDs, DHL eCommerce', () => {
    expect(top(DHL_EXPRESS)).toMatchObject({ carrier: 'dhl_express', checkDigitValid: true });
    expect(find(wrongCheck(DHL_EXPRESS), 'dhl_express')).toBeUndefined();
    expect(top('JJD0012345678')).toMatchObject({ carrier: 'dhl_express', checkDigitValid: null, service: 'Piece ID' });
    expect(top('GM6045123456789012')).toMatchObject({ carrier: 'dhl_ecommerce', checkDigitValid: null });
    expect(find('GMABCDEFGHIJKLMNOP', 'dhl_ecommerce')).toBeUndefined(); // needs a digit
  });

  it('DPD 14 + check character and the 28-character barcode (ISO 7064 MOD 37,36)', () => {
    expect(find(DPD_14, 'dpd')).toMatchObject({ checkDigitValid: true });
    expect(find(wrongCheck(DPD_14), 'dpd')).toBeUndefined();
    expect(top(DPD_28)).toMatchObject({ carrier: 'dpd', checkDigitValid: true, trackingUrl: 'https://tracking.dpd.de/status/en_US/parcel/05123456789012' });
    expect(top(wrongCheck(DPD_28))).toMatchObject({ carrier: 'dpd', checkDigitValid: false });
  });

  it('Amazon Logistics', () => {
    expect(top('TBA123456789012')).toMatchObject({ carrier: 'amazon', checkDigitValid: null, confidence: 0.9 });
    expect(top('tbc 123456789012')).toMatchObject({ carrier: 'amazon' });
    expect(detectCarrier('TBB123456789012')).toEqual([]);
  });

  it('OnTrac: the C/D prefix is read as a digit in the check', () => {
    expect(top(ONTRAC)).toMatchObject({ carrier: 'ontrac', checkDigitValid: true });
    expect(top(wrongCheck(ONTRAC))).toMatchObject({ carrier: 'ontrac', checkDigitValid: false });
  });

  it('LaserShip formats (no check digit)', () => {
    for (const n of ['LX21234567', '1LS721234567890', '1LS7119011123456-1', '1LSCXAB12345678']) {
      expect(top(n)).toMatchObject({ carrier: 'lasership', checkDigitValid: null });
    }
    expect(find('1LS7119011123456-2', 'lasership')).toBeUndefined();
    expect(find('LX91234567', 'lasership')).toBeUndefined();
  });

  it('Purolator 12 digits (Luhn) and alphanumeric', () => {
    expect(find(PUROLATOR, 'purolator')).toMatchObject({ checkDigitValid: true });
    expect(find(wrongCheck(PUROLATOR), 'purolator')).toBeUndefined();
    expect(find('ABC123456789', 'purolator')).toMatchObject({ checkDigitValid: null });
  });

  it('Old Dominion, Canpar, Spee-Dee, Yodel, YunExpress, GOFO, Landmark', () => {
    expect(find(OLD_DOMINION, 'old_dominion')).toMatchObject({ checkDigitValid: true });
    expect(find(wrongCheck(OLD_DOMINION), 'old_dominion')).toBeUndefined();
    expect(top('D123456789012345678901')).toMatchObject({ carrier: 'canpar' });
    expect(top('SP123456789012345678')).toMatchObject({ carrier: 'speedee' });
    expect(top('JJD1234567890123456')).toMatchObject({ carrier: 'yodel' });
    expect(top('YT1234567890123456')).toMatchObject({ carrier: 'yunexpress' });
    expect(top('GFUS12345678901234')).toMatchObject({ carrier: 'gofo' });
    expect(top('LTN12345678N1')).toMatchObject({ carrier: 'landmark' });
  });

  it('French domestic heuristics: Colissimo, Chronopost, Mondial Relay', () => {
    expect(top('6A12345678901')).toMatchObject({ carrier: 'colissimo', checkDigitValid: null, trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' });
    // X...FR: Chronopost; with a verifying S10 check digit it is reported as checked.
    const chronoChecked = s10Number('XA', '31415926', 'FR');
    expect(top(chronoChecked)).toMatchObject({ carrier: 'chronopost', checkDigitValid: true, country: 'FR' });
    expect(top(wrongCheck(chronoChecked, 10))).toMatchObject({ carrier: 'chronopost', checkDigitValid: null });
    expect(detectCarrier('12345678')).toEqual([expect.objectContaining({ carrier: 'mondial_relay', checkDigitValid: null, confidence: 0.2 })]);
  });

  it('Indian domestic heuristics: Delhivery, Blue Dart (ranked low, no check digit)', () => {
    const delhivery = detectCarrier('1234567890123');
    expect(delhivery).toEqual([expect.objectContaining({ carrier: 'delhivery', checkDigitValid: null })]);
    expect(delhivery[0].confidence).toBeLessThan(0.5);
    expect(find('98765432109', 'bluedart')).toMatchObject({ checkDigitValid: null, confidence: 0.25 });
  });

  it('returns [] for nothing recognisable', () => {
    expect(detectCarrier('')).toEqual([]);
    expect(detectCarrier('   ')).toEqual([]);
    expect(detectCarrier('hello world')).toEqual([]);
    expect(detectCarrier('12345')).toEqual([]);
  });
});

describe('ranking', () => {
  const rank = (c: CarrierCandidate): number => (c.checkDigitValid === true ? 0 : c.checkDigitValid === null ? 1 : 2);
  const isRanked = (list: CarrierCandidate[]): boolean =>
    list.every((c, i) => i === 0 || rank(list[i - 1]) < rank(c) || (rank(list[i - 1]) === rank(c) && list[i - 1].confidence >= c.confidence));

  it('a number matching several formats returns several candidates, verified ones first', () => {
    // An 11-digit number valid for DHL Express (mod 7) is also the shape of a Blue Dart waybill.
    const both = '1234567890' + mod7('1234567890');
    const list = detectCarrier(both);
    expect(list.map((c) => [c.carrier, c.checkDigitValid])).toEqual([
      ['dhl_express', true],
      ['bluedart', null],
    ]);
  });

  it('two verified candidates are ordered by confidence', () => {
    // Find a 12-digit number that both FedEx Express (mod 11) and Purolator (Luhn) accept.
    let n = '';
    for (let i = 0; !n; i++) {
      const payload = String(30000000000 + i * 7919);
      if (fedex(payload) === luhn(payload)) n = payload + fedex(payload);
    }
    const list = detectCarrier(n);
    expect(list.map((c) => c.carrier)).toEqual(['fedex', 'purolator']);
    expect(list.every((c) => c.checkDigitValid === true)).toBe(true);
    expect(list[0].confidence).toBeGreaterThan(list[1].confidence);
  });

  it('unchecked candidates outrank failed checks, which keep a lowered confidence', () => {
    // RX + 11 characters: DHL eCommerce's shape (no check) and an S10 item of Deutsche Post.
    const good = s10Number('RX', '27182818', 'DE');
    expect(detectCarrier(good).map((c) => [c.carrier, c.checkDigitValid])).toEqual([
      ['deutsche_post', true],
      ['dhl_ecommerce', null],
    ]);
    const typo = detectCarrier(wrongCheck(good, 10));
    expect(typo.map((c) => [c.carrier, c.checkDigitValid])).toEqual([
      ['dhl_ecommerce', null],
      ['deutsche_post', false],
    ]);
    expect(typo[1].confidence).toBeLessThan(0.5);
  });

  it('one candidate per carrier, and every list is ranked', () => {
    const samples = [UPS, FEDEX_12, FEDEX_34, FEDEX_96, IMPB, IMPB_ROUTED, USPS_20, USPS_91, CANADA_POST, DHL_EXPRESS, DPD_14, DPD_28, ONTRAC, PUROLATOR, TNT, '6A12345678901', '12345678901234'];
    for (const n of samples) {
      const list = detectCarrier(n);
      expect(new Set(list.map((c) => c.carrier)).size).toBe(list.length);
      expect(isRanked(list)).toBe(true);
      for (const c of list) {
        expect(c.confidence).toBeGreaterThan(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(c.trackingUrl).toMatch(/^https:\/\//);
      }
    }
  });
});

describe('trackingUrl', () => {
  it('builds the carrier page with the normalized, encoded number', () => {
    expect(trackingUrl('ups', UPS.toLowerCase())).toBe(`https://www.ups.com/track?tracknum=${UPS}`);
    expect(trackingUrl('dhl_express', 'a/b c?')).toBe('https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=A%2FBC%3F');
  });

  it('uses the trackable part of long barcodes', () => {
    expect(trackingUrl('fedex', FEDEX_34)).toBe(`https://www.fedex.com/fedextrack/?trknbr=${FEDEX_12}`);
    expect(trackingUrl('usps', IMPB_ROUTED)).toBe(`https://tools.usps.com/go/TrackConfirmAction?tLabels=${IMPB}`);
    expect(trackingUrl('tnt', TNT_GE)).toContain(`cons=${TNT}`);
  });

  it('honours an override to a carrier the number does not look like', () => {
    expect(trackingUrl('la_poste', s10Number('RR', '12345678', 'GB'))).toBe(`https://www.laposte.fr/outils/suivre-vos-envois?code=${s10Number('RR', '12345678', 'GB')}`);
    expect(trackingUrl('delhivery', '1234567890')).toBe('https://www.delhivery.com/track/package/1234567890');
  });

  it("sends 's10' to the issuing post's page when known, else to a postal tracker", () => {
    expect(trackingUrl('s10', s10Number('RR', '12345678', 'GB'))).toMatch(/^https:\/\/www\.royalmail\.com\//);
    expect(trackingUrl('s10', s10Number('RR', '12345678', 'CF'))).toBe(`https://t.17track.net/en#nums=${s10Number('RR', '12345678', 'CF')}`);
    expect(top(s10Number('RR', '12345678', 'CF'))!.trackingUrl).toBe(trackingUrl('s10', s10Number('RR', '12345678', 'CF')));
  });

  it('is null for an unknown carrier or an empty number', () => {
    expect(trackingUrl('pigeon', UPS)).toBeNull();
    expect(trackingUrl('ups', ' - ')).toBeNull();
  });
});

describe('tables', () => {
  it('carriers have unique codes, names and an https page taking the number', () => {
    const codes = CARRIERS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CARRIERS) {
      expect(c.code).toMatch(/^[a-z0-9_]+$/);
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.url).toMatch(/^https:\/\/[^{]*\{number\}/);
    }
    for (const code of ['ups', 'fedex', 'usps', 'dhl_express', 'dhl_ecommerce', 's10', 'colissimo', 'chronopost', 'la_poste', 'amazon', 'dpd', 'canada_post', 'ontrac', 'lasership', 'purolator', 'tnt', 'delhivery', 'bluedart', 'india_post', 'royal_mail', 'mondial_relay']) {
      expect(codes).toContain(code);
    }
  });

  it('every format names a known carrier, a confidence in (0, 1] and anchored pattern; checked formats capture payload and check', () => {
    const codes = new Set(CARRIERS.map((c) => c.code));
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FORMATS) {
      expect(codes.has(f.carrier), f.id).toBe(true);
      expect(f.confidence, f.id).toBeGreaterThan(0);
      expect(f.confidence, f.id).toBeLessThanOrEqual(1);
      expect(f.pattern.source.startsWith('^') && f.pattern.source.endsWith('$'), f.id).toBe(true);
      expect(f.pattern.global || f.pattern.sticky, f.id).toBe(false);
      if (f.check) expect(f.pattern.source.includes('(?<payload>') && f.pattern.source.includes('(?<check>'), f.id).toBe(true);
      // Heuristics (no check digit, no fixed prefix) stay below the checked formats.
      if (!f.check && !f.distinctive) expect(f.confidence, f.id).toBeLessThan(0.7);
    }
  });

  it('tracking statuses are the normalized list', () => {
    expect(TRACKING_STATUSES).toEqual(['pending', 'info_received', 'in_transit', 'out_for_delivery', 'attempt_fail', 'available_for_pickup', 'delivered', 'exception', 'expired']);
    expect(isTrackingStatus('delivered')).toBe(true);
    expect(isTrackingStatus('Delivered')).toBe(false);
    expect(isTrackingStatus(3)).toBe(false);
  });
});
