/**
 * Customer demand per SKU and per day, from ledger rows (issue: replenishment, point 1).
 *
 * What counts, per ledger row (see `demandEffect`):
 * - `ship` rows (stock leaving to a customer; qty is negative): +|qty| demand.
 * - `consume` rows (packaging used when packing customer orders; qty is negative):
 *   +|qty| demand. Boxes and envelopes have no other outbound flow, so without this their
 *   demand would always be 0 and they could never be reordered on time.
 * - Returns that end in the `available` state net out demand on the day they get there:
 *   a `return` row with qty > 0 into `available` (restocked on arrival), or an `inspect`
 *   row with qty > 0 into `available` whose ref_type is `return` (restocked after
 *   inspection). A return into quarantine counts nothing until its inspection puts it back
 *   in `available`; one that ends damaged, in repair or back to the vendor never counts.
 * - Voided rows count nothing: a `reversal` row and the row it reverses (by movement id, in
 *   `reverses`) are both left out, wherever the reversal falls, provided it is in the input.
 * - Everything else (receipts, moves, picks, packs, counts, write-offs, returns to vendor)
 *   is not customer demand.
 *
 * Every day of the window counts, days without movement as 0, so the mean is per calendar
 * day and the deviation sees the quiet days. A day's net demand may be negative (more
 * restocked than shipped that day); it is kept as it is so the window's total stays exact.
 */
import type { Movement } from '../types';
import { skuKey } from '../text';
import { daysFrom } from './calendar';
import { clean, mean, sampleSd } from './stats';

/** ref_type the returns flow puts on inspection rows; such a row into `available` is a restock. */
export const RETURN_REF_TYPE = 'return';

/** Longest window accepted (ten years); longer is a mistake, not a forecast. */
export const MAX_WINDOW_DAYS = 3660;

export interface DemandOptions {
  /** first day of the window, yyyy-MM-dd, included */
  fromDay: string;
  /** last day of the window, yyyy-MM-dd, included */
  toDay: string;
  /** the yyyy-MM-dd day of an epoch-ms time in the spreadsheet's time zone (injected) */
  dayOf: (ms: number) => string;
}

export interface DemandStats {
  /** the SKU as first seen (ledger rows carry the Items spelling) */
  sku: string;
  fromDay: string;
  toDay: string;
  /** number of days in the window */
  days: number;
  /** net demand of each day of the window, in day order; days without movement are 0 */
  daily: number[];
  /** units shipped or consumed in the window */
  shipped: number;
  /** units returned into the available state in the window */
  restocked: number;
  /** shipped - restocked */
  total: number;
  /** mean net demand per day */
  mean: number;
  /** sample standard deviation of daily net demand (n - 1); null when the window has 1 day */
  sd: number | null;
}

/**
 * The demand a row stands for: > 0 outbound to customers, < 0 restocked return, 0 for
 * anything else. Reversals are handled by the callers (they need the whole input).
 */
export function demandEffect(m: Pick<Movement, 'type' | 'qty' | 'state' | 'refType'>): number {
  if ((m.type === 'ship' || m.type === 'consume') && m.qty < 0) return -m.qty;
  if (m.type === 'return' && m.qty > 0 && m.state === 'available') return -m.qty;
  if (m.type === 'inspect' && m.qty > 0 && m.state === 'available' && m.refType === RETURN_REF_TYPE) return -m.qty;
  return 0;
}

/** Movement ids voided by reversal rows in the input. */
export function reversedIds(movements: readonly Movement[]): Set<string> {
  const out = new Set<string>();
  for (const m of movements) {
    if (m.type !== 'reversal' || !m.reverses) continue;
    for (const id of m.reverses.split(/[\s,;]+/)) if (id) out.add(id);
  }
  return out;
}

interface Acc {
  sku: string;
  daily: number[];
  shipped: number;
  restocked: number;
}

function windowDays(opts: DemandOptions): string[] {
  if (!opts || typeof opts.dayOf !== 'function') throw new TypeError('dayOf is required');
  const days = daysFrom(opts.fromDay, opts.toDay);
  if (days.length === 0) throw new RangeError(`toDay ${opts.toDay} is before fromDay ${opts.fromDay}`);
  if (days.length > MAX_WINDOW_DAYS) throw new RangeError(`window longer than ${MAX_WINDOW_DAYS} days`);
  return days;
}

function finish(acc: Acc, opts: DemandOptions): DemandStats {
  const daily = acc.daily.map(clean);
  const m = mean(daily) ?? 0;
  const sd = sampleSd(daily);
  return {
    sku: acc.sku,
    fromDay: opts.fromDay,
    toDay: opts.toDay,
    days: daily.length,
    daily,
    shipped: clean(acc.shipped),
    restocked: clean(acc.restocked),
    total: clean(acc.shipped - acc.restocked),
    mean: clean(m),
    sd: sd === null ? null : clean(sd),
  };
}

/**
 * Demand of every SKU in one pass over the rows, keyed by skuKey (upper-cased, trimmed).
 * `skus` (e.g. every active item) get an entry even without any demand in the window, so
 * an item that did not sell has mean 0 rather than no figure at all.
 */
export function demandBySku(movements: readonly Movement[], opts: DemandOptions, skus: Iterable<string> = []): Map<string, DemandStats> {
  const days = windowDays(opts);
  const index = new Map<string, number>();
  days.forEach((d, i) => index.set(d, i));
  const zeros = (): number[] => days.map(() => 0);
  const accs = new Map<string, Acc>();
  const accOf = (sku: string): Acc => {
    const k = skuKey(sku);
    let a = accs.get(k);
    if (!a) {
      a = { sku: sku.trim(), daily: zeros(), shipped: 0, restocked: 0 };
      accs.set(k, a);
    }
    return a;
  };
  for (const s of skus) accOf(s);
  const voided = reversedIds(movements);
  for (const m of movements) {
    if (m.type === 'reversal' || voided.has(m.movementId)) continue;
    const effect = demandEffect(m);
    if (effect === 0) continue;
    const i = index.get(opts.dayOf(m.time));
    if (i === undefined) continue;
    const a = accOf(m.sku);
    a.daily[i] += effect;
    if (effect > 0) a.shipped += effect;
    else a.restocked -= effect;
  }
  const out = new Map<string, DemandStats>();
  accs.forEach((a, k) => out.set(k, finish(a, opts)));
  return out;
}

/** Demand of one SKU (matched case-insensitively) over the window. */
export function dailyDemand(movements: readonly Movement[], sku: string, opts: DemandOptions): DemandStats {
  const k = skuKey(sku);
  const own = movements.filter((m) => skuKey(m.sku) === k || m.type === 'reversal');
  const stats = demandBySku(own, opts, [sku]).get(k);
  // demandBySku always returns the seeded SKU.
  return stats as DemandStats;
}
