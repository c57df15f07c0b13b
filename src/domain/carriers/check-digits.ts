/**
 * Check-digit algorithms used by carriers' tracking numbers. Each one computes the
 * expected check character from the payload (the characters the check covers); the
 * format table (formats.ts) says which algorithm and parameters a format uses.
 *
 * Pure functions of strings: a payload that holds a character the algorithm cannot
 * read yields null, which the caller treats as "does not verify".
 */

/**
 * How a format's check character is computed.
 * - mod10: weighted sum of the digits, check = (10 - sum % 10) % 10. `weights` cycle
 *   from the end named by `from` (GS1 / USPS / Canada Post: [3, 1] from the right).
 *   `letters: 'ups'` maps letters to digits as UPS does ((char code - 63) % 10, so
 *   A=2 ... H=9, I=0 ...), which also serves OnTrac's C/D prefix.
 * - luhn: ISO/IEC 7812 (every second digit from the right doubled, digits of the product summed).
 * - mod11_10: weighted sum % 11 % 10 (FedEx Express).
 * - s10: UPU S10 weights 8 6 4 2 3 5 9 7 on eight digits, 11 - sum % 11 with 10 -> 0 and 11 -> 5
 *   (also TNT consignment numbers).
 * - mod7: the payload read as a number, modulo 7 (DHL Express).
 * - mod37_36: ISO/IEC 7064 MOD 37,36 hybrid system, an alphanumeric check character (DPD).
 * `prefix` is prepended to the payload before computing: some numbers are printed without
 * characters the check still covers (USPS numbers printed without their "91").
 */
export type CheckDigitSpec =
  | { algorithm: 'mod10'; weights: readonly number[]; from: 'left' | 'right'; letters?: 'ups'; prefix?: string }
  | { algorithm: 'luhn' }
  | { algorithm: 'mod11_10'; weights: readonly number[]; from: 'left' | 'right' }
  | { algorithm: 's10' }
  | { algorithm: 'mod7' }
  | { algorithm: 'mod37_36' };

const ALNUM36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const S10_WEIGHTS: readonly number[] = [8, 6, 4, 2, 3, 5, 9, 7];

function digitValue(c: string): number | null {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : null;
}

/** UPS reads a letter as (ASCII code - 63) mod 10; digits are themselves. */
function upsValue(c: string): number | null {
  const d = digitValue(c);
  if (d !== null) return d;
  return c >= 'A' && c <= 'Z' ? (c.charCodeAt(0) - 63) % 10 : null;
}

/** The weight of position i (0-based) counted from the chosen end, the weights cycling. */
function weightAt(weights: readonly number[], i: number, length: number, from: 'left' | 'right'): number {
  const k = from === 'left' ? i : length - 1 - i;
  return weights[k % weights.length];
}

function weightedSum(payload: string, weights: readonly number[], from: 'left' | 'right', value: (c: string) => number | null): number | null {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const v = value(payload[i]);
    if (v === null) return null;
    sum += v * weightAt(weights, i, payload.length, from);
  }
  return sum;
}

export function mod10CheckDigit(payload: string, weights: readonly number[], from: 'left' | 'right', letters?: 'ups'): string | null {
  const sum = weightedSum(payload, weights, from, letters === 'ups' ? upsValue : digitValue);
  return sum === null ? null : String((10 - (sum % 10)) % 10);
}

export function luhnCheckDigit(payload: string): string | null {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const d = digitValue(payload[payload.length - 1 - i]);
    if (d === null) return null;
    // The rightmost payload digit sits next to the check digit, so it is the one doubled.
    const v = i % 2 === 0 ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  }
  return String((10 - (sum % 10)) % 10);
}

export function mod11CheckDigit(payload: string, weights: readonly number[], from: 'left' | 'right'): string | null {
  const sum = weightedSum(payload, weights, from, digitValue);
  return sum === null ? null : String((sum % 11) % 10);
}

export function s10CheckDigit(payload: string): string | null {
  if (payload.length !== S10_WEIGHTS.length) return null;
  const sum = weightedSum(payload, S10_WEIGHTS, 'left', digitValue);
  if (sum === null) return null;
  const r = 11 - (sum % 11);
  return String(r === 10 ? 0 : r === 11 ? 5 : r);
}

export function mod7CheckDigit(payload: string): string | null {
  // Digit by digit: an 11-digit payload would still fit a double, but longer ones need not.
  let r = 0;
  for (const c of payload) {
    const d = digitValue(c);
    if (d === null) return null;
    r = (r * 10 + d) % 7;
  }
  return payload.length ? String(r) : null;
}

export function mod37_36CheckChar(payload: string): string | null {
  const m = 36;
  let p = m;
  for (const c of payload) {
    const v = ALNUM36.indexOf(c);
    if (v < 0) return null;
    let s = (p + v) % m;
    if (s === 0) s = m;
    p = (2 * s) % (m + 1);
  }
  return ALNUM36[(m + 1 - p) % m];
}

/** The check character a spec expects for a payload, or null when the payload cannot be read. */
export function expectedCheck(spec: CheckDigitSpec, payload: string): string | null {
  switch (spec.algorithm) {
    case 'mod10':
      return mod10CheckDigit((spec.prefix ?? '') + payload, spec.weights, spec.from, spec.letters);
    case 'luhn':
      return luhnCheckDigit(payload);
    case 'mod11_10':
      return mod11CheckDigit(payload, spec.weights, spec.from);
    case 's10':
      return s10CheckDigit(payload);
    case 'mod7':
      return mod7CheckDigit(payload);
    case 'mod37_36':
      return mod37_36CheckChar(payload);
  }
}

export function verifyCheck(spec: CheckDigitSpec, payload: string, check: string): boolean {
  const expected = expectedCheck(spec, payload);
  return expected !== null && expected === check;
}
