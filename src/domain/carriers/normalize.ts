/**
 * Tracking numbers arrive typed, pasted from emails or scanned: grouped with spaces or
 * dashes ("1Z 999 AA1 ...", "9400-1000-..."), in lower case, with no-break or zero-width
 * spaces from web pages. The normalized form drops all of those and upper-cases the rest;
 * it is what detection reads and what the Shipments tab stores.
 */
const SEPARATORS = /[\s\u00ad\u200b-\u200d\u2060\ufeff\-\u2010-\u2015\u2212]+/g;

export function normalizeTrackingNumber(input: string): string {
  return String(input ?? '').replace(SEPARATORS, '').toUpperCase();
}
