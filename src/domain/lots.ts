/**
 * The lot and expiry of a line that brings stock in (a receipt, a return without an order,
 * an item found during a count): one rule for all of them. An expiry-tracked item needs an
 * expiry and its lot defaults to EXP-<expiry>; another item takes no expiry; and within a
 * workbook one lot of a SKU has one expiry.
 */
import type { Item } from './types';
import { problem, type Problem } from './result';
import { cleanText, MAX_ID, skuKey } from './text';
import { parseYmd } from './dates';
import { text } from './form-input';

export function defaultLot(expiry: string): string {
  return 'EXP-' + expiry;
}

/** `item` is undefined when the line's SKU did not resolve: the dates are still checked. */
export function lotAndExpiry(
  problems: Problem[], item: Item | undefined, input: { lot?: unknown; expiry?: unknown }, fields: { lot: string; expiry: string }, line: number,
): { lot: string; expiry: string } {
  let lot = text(problems, input.lot, fields.lot, MAX_ID, line);
  const raw = cleanText(input.expiry);
  let expiry = '';
  if (raw) {
    const parsed = parseYmd(raw);
    if (!parsed) problems.push(problem('invalid_date', fields.expiry, line, { value: raw }));
    else if (item && !item.tracksExpiry) problems.push(problem('expiry_not_tracked', fields.expiry, line, { sku: item.sku }));
    else expiry = parsed;
  } else if (item?.tracksExpiry) problems.push(problem('expiry_required', fields.expiry, line));
  if (item?.tracksExpiry && expiry && !lot) lot = defaultLot(expiry);
  return { lot, expiry };
}

/** `known`: expiry by SKU and lot (from stock, then from earlier lines, which it learns). */
export function checkLotExpiry(problems: Problem[], known: Map<string, string>, sku: string, lot: string, expiry: string, field: string, line: number): void {
  if (!lot || !expiry) return;
  const key = lotKey(sku, lot);
  const before = known.get(key);
  if (before && before !== expiry) problems.push(problem('lot_expiry_conflict', field, line, { lot, sku, expiry: before }));
  else known.set(key, expiry);
}

export function lotKey(sku: string, lot: string): string {
  return skuKey(sku) + '\u0001' + lot;
}

/** The expiry of every lot in stock, keyed for checkLotExpiry. */
export function knownExpiries(levels: readonly { sku: string; lot: string; expiry: string }[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const l of levels) if (l.lot && l.expiry) known.set(lotKey(l.sku, l.lot), l.expiry);
  return known;
}
