/**
 * Cycle counts: which stock goes on a count sheet (a bin range, an ABC class, items not
 * counted for N days), and what a counted line becomes (posted, recount, stale). Pure.
 *
 * Counts cover the available state: picked and packed goods belong to orders, and goods in
 * quarantine, repair, rtv or damaged are counted through their own flows.
 */
import type { Item, StockLevel } from '../types';
import { problem, type Problem } from '../result';
import { cleanText, MAX_ID, normalizeBin, skuKey } from '../text';
import { decimalPlaces, MAX_QTY, parseDecimal } from '../quantity';
import { compareBins } from '../picking/bins';
import { isAfter } from '../movement-id';
import { positiveQty, requestIdOf, text } from '../form-input';
import { ItemIndex, resolveCode } from '../items';
import { checkLotExpiry, knownExpiries, lotAndExpiry } from '../lots';

export const COUNT_STATUSES = ['open', 'posted', 'stale', 'recount'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

export const MAX_COUNT_LINES = 1000;
const DAY_MS = 86400000;

export interface CountSheetPayload {
  requestId?: unknown;
  /** inclusive, in walk order; one bound alone is open-ended */
  binFrom?: unknown;
  binTo?: unknown;
  abcClass?: unknown;
  /** items not counted for this many days (never counted included) */
  notCountedDays?: unknown;
  /** hide the expected quantity from the form (default true) */
  blind?: unknown;
}

export interface CountCriteria {
  binFrom: string;
  binTo: string;
  abcClass: AbcClass | '';
  notCountedDays: number | null;
  blind: boolean;
}

export function planCriteria(payload: CountSheetPayload): { criteria?: CountCriteria; problems: Problem[] } {
  const problems = requestIdOf(payload);
  const binFrom = normalizeBin(payload.binFrom);
  const binTo = normalizeBin(payload.binTo);
  text(problems, binFrom, 'binFrom', MAX_ID);
  text(problems, binTo, 'binTo', MAX_ID);
  const abc = cleanText(payload.abcClass).toUpperCase();
  if (abc && !(ABC_CLASSES as readonly string[]).includes(abc)) {
    problems.push(problem('invalid_choice', 'abcClass', undefined, { value: abc, choices: ABC_CLASSES.join(', ') }));
  }
  let days: number | null = null;
  const rawDays = payload.notCountedDays;
  if (rawDays !== undefined && rawDays !== null && rawDays !== '') {
    const d = parseDecimal(rawDays);
    if (d === null || !Number.isInteger(d) || d < 0) problems.push(problem('invalid_number', 'notCountedDays', undefined, { value: String(rawDays) }));
    else days = d;
  }
  if (binFrom && binTo && compareBins(binFrom, binTo) > 0) problems.push(problem('invalid_choice', 'binTo', undefined, { value: binTo, choices: `>= ${binFrom}` }));
  if (!binFrom && !binTo && !abc && days === null) problems.push(problem('required', 'criteria'));
  if (problems.length) return { problems };
  return { criteria: { binFrom, binTo, abcClass: abc as AbcClass | '', notCountedDays: days, blind: payload.blind !== false }, problems };
}

export interface CountLine {
  bin: string;
  sku: string;
  lot: string;
  expiry: string;
  expected: number;
}

export function inBinRange(bin: string, from: string, to: string): boolean {
  if (from && compareBins(bin, from) < 0) return false;
  if (to && compareBins(bin, to) > 0) return false;
  return true;
}

/**
 * The lines of a count sheet, in walk order: available stock matching every criterion, plus
 * (for a bin range) the items whose default bin is in the range and hold nothing there, so a
 * count can find stock the sheet did not expect. `abc` is null when the workbook holds no
 * ABC classes: asking for a class is then refused (abc_unavailable).
 */
export function selectCountLines(input: {
  criteria: CountCriteria;
  levels: readonly StockLevel[];
  items: readonly Item[];
  /** epoch ms of the last posted count per SKU key */
  lastCounted: ReadonlyMap<string, number>;
  now: number;
  abc: ReadonlyMap<string, AbcClass> | null;
}): { lines: CountLine[]; problems: Problem[] } {
  const c = input.criteria;
  if (c.abcClass && input.abc === null) return { lines: [], problems: [problem('abc_unavailable', 'abcClass')] };
  const items = new Map(input.items.map((i) => [skuKey(i.sku), i]));
  const skuOk = (sku: string) => {
    const k = skuKey(sku);
    if (c.abcClass && input.abc?.get(k) !== c.abcClass) return false;
    if (c.notCountedDays !== null) {
      const last = input.lastCounted.get(k);
      if (last !== undefined && input.now - last < c.notCountedDays * DAY_MS) return false;
    }
    return true;
  };
  const ranged = Boolean(c.binFrom || c.binTo);
  const lines: CountLine[] = [];
  const held = new Set<string>();
  for (const l of input.levels) {
    if (l.state !== 'available' || l.qty === 0) continue;
    if (ranged && !inBinRange(l.bin, c.binFrom, c.binTo)) continue;
    if (!skuOk(l.sku)) continue;
    held.add(skuKey(l.sku) + '\u0001' + l.bin);
    lines.push({ bin: l.bin, sku: items.get(skuKey(l.sku))?.sku ?? l.sku, lot: l.lot, expiry: l.expiry, expected: l.qty });
  }
  if (ranged) {
    for (const i of input.items) {
      if (!i.active || !i.defaultBin || !inBinRange(i.defaultBin, c.binFrom, c.binTo) || !skuOk(i.sku)) continue;
      if (held.has(skuKey(i.sku) + '\u0001' + i.defaultBin) || i.tracksExpiry) continue;
      lines.push({ bin: i.defaultBin, sku: i.sku, lot: '', expiry: '', expected: 0 });
    }
  }
  lines.sort((a, b) => compareBins(a.bin, b.bin) || skuKey(a.sku).localeCompare(skuKey(b.sku)) || a.lot.localeCompare(b.lot));
  if (lines.length === 0) return { lines, problems: [problem('nothing_to_count', 'criteria')] };
  if (lines.length > MAX_COUNT_LINES) return { lines: [], problems: [problem('too_many_lines', 'criteria', undefined, { max: MAX_COUNT_LINES })] };
  return { lines, problems: [] };
}

export function nextCountId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = /^CNT-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return 'CNT-' + String(max + 1).padStart(5, '0');
}

/** "10%", "10" and "0.1" all mean 10%; empty or unusable: no recount prompt. */
export function parseThreshold(raw: string): number | null {
  const s = String(raw ?? '').trim();
  if (!s) return null;
  const percent = s.endsWith('%');
  const n = parseDecimal(percent ? s.slice(0, -1) : s);
  if (n === null || n < 0) return null;
  return percent || n > 1 ? n / 100 : n;
}

/** A variance above the threshold (relative to what was expected; any variance on 0) asks for a recount. */
export function needsRecount(expected: number, counted: number, threshold: number | null): boolean {
  if (threshold === null || counted === expected) return false;
  if (expected === 0) return true;
  return Math.abs(counted - expected) / Math.abs(expected) > threshold;
}

export function parseCounted(value: unknown, decimals: number, line: number, problems: Problem[]): number | null {
  if (value === undefined || value === null || value === '') {
    problems.push(problem('required', 'counted', line));
    return null;
  }
  const n = parseDecimal(value);
  if (n === null) problems.push(problem('invalid_number', 'counted', line, { value: String(value) }));
  else if (n < 0) problems.push(problem('negative', 'counted', line));
  else if (n > MAX_QTY) problems.push(problem('too_large', 'counted', line, { max: MAX_QTY }));
  else if (decimalPlaces(n) > decimals) problems.push(problem('too_many_decimals', 'counted', line, { max: decimals }));
  else return n;
  return null;
}

/** What a counted line becomes. */
export type CountOutcome =
  | { kind: 'post'; variance: number }
  | { kind: 'recount'; variance: number }
  | { kind: 'stale' };

/**
 * `appliedThrough` is the last movement applied to the line's stock row now; anything after
 * the sheet's watermark means the stock moved while it was counted: the line is not posted.
 * A line already asked to recount is posted whatever its variance (or when `accept`).
 */
export function countOutcome(input: {
  expected: number;
  counted: number;
  status: CountStatus;
  watermark: string;
  appliedThrough: string;
  threshold: number | null;
  accept: boolean;
}): CountOutcome {
  if (input.appliedThrough && isAfter(input.appliedThrough, input.watermark)) return { kind: 'stale' };
  const variance = Number((input.counted - input.expected).toFixed(9));
  if (input.status !== 'recount' && !input.accept && needsRecount(input.expected, input.counted, input.threshold)) return { kind: 'recount', variance };
  return { kind: 'post', variance };
}

/** Stock found during a count at a place the sheet does not list ("an item found here"). */
export interface FoundLineInput {
  /** a SKU or a barcode */
  sku?: unknown;
  bin?: unknown;
  lot?: unknown;
  expiry?: unknown;
  counted?: unknown;
}

export interface FoundLine {
  sku: string;
  bin: string;
  lot: string;
  expiry: string;
  counted: number;
}

export const MAX_FOUND_LINES = 200;

/**
 * Validate the found lines of a count submission (fields `found.sku`, `found.bin`,
 * `found.lot`, `found.expiry`, `found.counted`; `line` = 1-based found line). The item is
 * known (SKU or barcode) and active; the bin as receiving takes it (else the item's default
 * bin); counted a positive quantity; expiry for expiry-tracked items (lot EXP-<date> by
 * default; one lot, one expiry). The place must not be a line of the sheet (it is counted
 * there), nor given twice, nor hold stock in the ledger (`checkStock`: off on a retry of a
 * request that already posted).
 */
export function planFoundLines(raw: readonly Record<string, unknown>[], ctx: {
  items: readonly Item[];
  levels: readonly StockLevel[];
  /** the count sheet's places, in sheet order (line = index + 1) */
  sheet: readonly { sku: string; bin: string; lot: string }[];
  /** sheet lines counted in the same submission */
  sent: ReadonlySet<number>;
  checkStock: boolean;
}): { lines: FoundLine[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const index = new ItemIndex(ctx.items);
  const placeKey = (sku: string, bin: string, lot: string) => skuKey(sku) + '\u0001' + bin + '\u0001' + lot;
  const onSheet = new Map<string, number>();
  ctx.sheet.forEach((r, i) => onSheet.set(placeKey(r.sku, r.bin, r.lot), i + 1));
  const lotExpiry = knownExpiries(ctx.levels);
  const held = new Map<string, number>();
  for (const l of ctx.levels) if (l.state === 'available' && l.qty !== 0) held.set(placeKey(l.sku, l.bin, l.lot), l.qty);
  const seen = new Map<string, number>();
  const lines: FoundLine[] = [];
  raw.forEach((input, i) => {
    const n = i + 1;
    const before = problems.length;
    const code = text(problems, input.sku, 'found.sku', MAX_ID, n);
    let item: Item | undefined;
    if (problems.length === before) {
      const resolved = resolveCode(index, code, 'found.sku', n, problems);
      if (resolved && !resolved.active) problems.push(problem('inactive_item', 'found.sku', n, { sku: resolved.sku }));
      else item = resolved;
    }
    const bin = normalizeBin(input.bin) || (item ? item.defaultBin : '');
    if (!bin) problems.push(problem('required', 'found.bin', n));
    else text(problems, bin, 'found.bin', MAX_ID, n);
    const counted = positiveQty(problems, input.counted, item ? item.decimals : null, 'found.counted', n);
    const { lot, expiry } = lotAndExpiry(problems, item, input, { lot: 'found.lot', expiry: 'found.expiry' }, n);
    if (item) checkLotExpiry(problems, lotExpiry, item.sku, lot, expiry, 'found.expiry', n);
    if (problems.length > before || !item || counted === null) return;
    const key = placeKey(item.sku, bin, lot);
    const sheetLine = onSheet.get(key);
    const where = { sku: item.sku, bin, lot: lot || '-' };
    if (sheetLine !== undefined) {
      problems.push(ctx.sent.has(sheetLine)
        ? problem('found_counted_on_line', 'found.sku', n, { ...where, line: sheetLine })
        : problem('found_on_sheet', 'found.sku', n, { ...where, line: sheetLine }));
      return;
    }
    const twice = seen.get(key);
    if (twice !== undefined) return void problems.push(problem('found_duplicate', 'found.sku', n, { ...where, line: twice }));
    seen.set(key, n);
    const qty = held.get(key);
    if (ctx.checkStock && qty !== undefined) return void problems.push(problem('found_has_stock', 'found.bin', n, { ...where, qty }));
    lines.push({ sku: item.sku, bin, lot, expiry, counted });
  });
  return { lines, problems };
}
