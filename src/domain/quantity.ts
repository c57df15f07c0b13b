/** Parsing of numbers typed in a form: numbers as they are, strings with "." or "," decimals. */
export function parseDecimal(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string') return null;
  const s = input.trim().replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

export function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  return s.split('.')[1]?.length ?? 0;
}

/** Round a quantity to the item's decimals, removing floating-point noise from sums. */
export function roundQty(n: number, decimals: number): number {
  return Number(n.toFixed(Math.max(0, Math.min(decimals, 9))));
}

export const MAX_QTY = 1e9;
