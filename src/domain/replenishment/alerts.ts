/**
 * Low-stock alerts and the digest (DESIGN section 5, "Low stock"; issue points 5 and 6).
 *
 * The crossing rule: the digest reports the items that are low and whose alerted_at is
 * empty, and sets alerted_at to the run time; while the item stays low nothing more is
 * sent; a write (or a run) that finds the item no longer low clears alerted_at, so the
 * next crossing alerts again. Only the digest sets alerted_at, so a dip that recovers
 * between two runs sends nothing.
 */
import type { Item, StockLevel, StockState, StockSummary } from '../types';
import { skuKey } from '../text';
import { compareNatural } from '../picking/bins';
import { parseYmd } from '../dates';
import { daysBetween } from './calendar';
import { daysOfCover } from './policy';
import { isLow, toOrder } from './to-order';

export interface AlertState {
  /** epoch ms of the digest that reported the current crossing; null when none */
  alertedAt: number | null;
}

export interface AlertDecision extends AlertState {
  /** true when this run must report the item */
  alert: boolean;
}

/** At a digest run: alert once per crossing. */
export function nextAlertState(previous: AlertState, now: { low: boolean }, runAt: number): AlertDecision {
  if (!now.low) return { alertedAt: null, alert: false };
  if (previous.alertedAt !== null && previous.alertedAt !== undefined) return { alertedAt: previous.alertedAt, alert: false };
  return { alertedAt: runAt, alert: true };
}

/** After a stock write: clear alerted_at when the item is no longer low; never set it. */
export function alertAfterWrite(previous: AlertState, now: { low: boolean }): AlertState {
  return { alertedAt: now.low ? previous.alertedAt ?? null : null };
}

/** Low for alerting: an active item with a reorder point and IP <= reorder point. */
export function isLowSummary(s: Pick<StockSummary, 'status' | 'inventoryPosition' | 'reorderPoint'>): boolean {
  return s.status !== 'inactive' && isLow(s.inventoryPosition, s.reorderPoint);
}

/** The summaries the digest reports: low, with alerted_at empty. */
export function newlyLow<T extends Pick<StockSummary, 'status' | 'inventoryPosition' | 'reorderPoint' | 'alertedAt'>>(summaries: readonly T[]): T[] {
  return summaries.filter((s) => isLowSummary(s) && (s.alertedAt === null || s.alertedAt === undefined));
}

export interface DigestLine {
  sku: string;
  name: string;
  /** supplier as typed in Items ('' when none) */
  supplier: string;
  onHand: number;
  reserved: number;
  availableToSell: number;
  incoming: number;
  reorderPoint: number | null;
  toOrder: number;
  /** null when there is no demand (or no demand figure) */
  daysOfCover: number | null;
}

/** What the digest needs from the item's policy (see itemPolicy). */
export interface DigestPolicy {
  reorderPoint: number | null;
  reorderQty: number | null;
  meanDaily: number | null;
}

/**
 * One digest line. The reorder point is the summary's (the one that made the item low),
 * else the policy's; Q is the policy's reorder quantity (Items reorder_qty or EOQ).
 */
export function digestLine(summary: StockSummary, item: Item | undefined, policy: DigestPolicy | null): DigestLine {
  const rop = summary.reorderPoint ?? policy?.reorderPoint ?? null;
  const mean = policy?.meanDaily ?? null;
  return {
    sku: summary.sku,
    name: summary.name || item?.name || '',
    supplier: (item?.supplier ?? '').trim(),
    onHand: summary.onHand,
    reserved: summary.reserved,
    availableToSell: summary.availableToSell,
    incoming: summary.incoming,
    reorderPoint: rop,
    toOrder: toOrder({
      reorderPoint: rop, q: policy?.reorderQty ?? null, inventoryPosition: summary.inventoryPosition,
      minOrderQty: item?.minOrderQty ?? null, packSize: item?.packSize ?? null, decimals: item?.decimals ?? 0,
    }),
    daysOfCover: mean === null ? null : daysOfCover(summary.availableToSell, mean),
  };
}

export interface SupplierGroup {
  /** the supplier as typed (the spelling of the group's first SKU); '' for items without one */
  supplier: string;
  lines: DigestLine[];
}

/**
 * Lines grouped by supplier: suppliers match case-insensitively after trimming, groups in
 * natural order of supplier, the group without supplier last; lines by SKU, natural order.
 */
export function groupBySupplier(lines: readonly DigestLine[]): SupplierGroup[] {
  const sorted = lines.slice().sort((a, b) => compareNatural(a.sku, b.sku));
  const groups = new Map<string, SupplierGroup>();
  for (const l of sorted) {
    const key = l.supplier.trim().toUpperCase();
    const g = groups.get(key);
    if (g) g.lines.push(l);
    else groups.set(key, { supplier: l.supplier.trim(), lines: [l] });
  }
  const keys = Array.from(groups.keys()).sort((a, b) => {
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    return compareNatural(a, b);
  });
  return keys.map((k) => groups.get(k) as SupplierGroup);
}

export interface ExpiringLot {
  sku: string;
  bin: string;
  state: StockState;
  lot: string;
  /** yyyy-MM-dd */
  expiry: string;
  qty: number;
  /** days from today to the expiry day; 0 = expires today, negative = already expired */
  daysLeft: number;
}

/**
 * Lots with stock (qty > 0) whose expiry is at most `days` days after `today`, already
 * expired ones included (they are the most urgent), sorted by expiry, then SKU, bin and
 * lot in natural order. `states` limits the states looked at (default: all).
 */
export function expiringLots(levels: Iterable<StockLevel>, today: string, days: number, states?: readonly StockState[]): ExpiringLot[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0: ${String(days)}`);
  if (parseYmd(today) === null) throw new RangeError(`today: not a yyyy-MM-dd date: ${String(today)}`);
  const out: ExpiringLot[] = [];
  for (const l of levels) {
    if (!(l.qty > 0) || !l.expiry || parseYmd(l.expiry) === null) continue;
    if (states && states.indexOf(l.state) < 0) continue;
    const daysLeft = daysBetween(today, l.expiry);
    if (daysLeft > days) continue;
    out.push({ sku: l.sku, bin: l.bin, state: l.state, lot: l.lot, expiry: l.expiry, qty: l.qty, daysLeft });
  }
  return out.sort((a, b) =>
    a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : compareNatural(a.sku, b.sku) || compareNatural(a.bin, b.bin) || compareNatural(a.lot, b.lot));
}

export interface Digest {
  groups: SupplierGroup[];
  expiring: ExpiringLot[];
  /** SKUs reported, whose alerted_at the run sets */
  alerted: string[];
}

/**
 * The digest of one run: the newly low items grouped by supplier and the lots expiring
 * within `expiryDays`. `items` and `policies` are keyed by skuKey.
 */
export function buildDigest(input: {
  summaries: readonly StockSummary[];
  items: ReadonlyMap<string, Item>;
  policies: ReadonlyMap<string, DigestPolicy>;
  levels: Iterable<StockLevel>;
  today: string;
  expiryDays: number;
}): Digest {
  const low = newlyLow(input.summaries);
  const lines = low.map((s) => digestLine(s, input.items.get(skuKey(s.sku)), input.policies.get(skuKey(s.sku)) ?? null));
  return {
    groups: groupBySupplier(lines),
    expiring: expiringLots(input.levels, input.today, input.expiryDays),
    alerted: low.map((s) => s.sku),
  };
}
