/**
 * Money in the domain is integer minor units (cents). Cells hold decimal numbers; the
 * sheets adapter converts with these helpers. ISO 4217 minor units for the currencies
 * that differ from 2; everything else has 2.
 */
const MINOR_UNITS: Record<string, number> = {
  BHD: 3, BIF: 0, CLP: 0, DJF: 0, GNF: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KMF: 0, KRW: 0,
  KWD: 3, LYD: 3, OMR: 3, PYG: 0, RWF: 0, TND: 3, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0,
  XOF: 0, XPF: 0,
};

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export function minorDigits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** Half-up (away from zero) rounding of a decimal amount to minor units. */
export function toMinor(amount: number, currency: string): number {
  const scaled = amount * Math.pow(10, minorDigits(currency));
  // Nudge by a relative epsilon so 1.005 * 100 = 100.49999... still rounds to 101.
  const nudged = Math.abs(scaled) * (1 + 1e-12);
  return Math.sign(scaled) * Math.round(nudged) || 0;
}

export function fromMinor(minor: number, currency: string): number {
  const digits = minorDigits(currency);
  return Number((minor / Math.pow(10, digits)).toFixed(digits));
}

/** Value of qty at an unrounded unit cost, half-up to the minor unit (DESIGN section 5). */
export function lineValueMinor(qty: number, unitCost: number, currency: string): number {
  return toMinor(qty * unitCost, currency);
}

/** Unit costs are kept unrounded up to 6 decimals. */
export function roundUnitCost(cost: number): number {
  return Number(cost.toFixed(6));
}

/** A Sheets number format for the currency, e.g. [$EUR] #,##0.00 */
export function currencyFormat(currency: string, extraDecimals = 0): string {
  const digits = minorDigits(currency);
  const decimals = digits > 0 ? '.' + '0'.repeat(digits) + '#'.repeat(extraDecimals) : extraDecimals ? '.' + '#'.repeat(extraDecimals) : '';
  return `#,##0${decimals} [$${currency}]`;
}
