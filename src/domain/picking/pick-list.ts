/**
 * Batch picking: one walk through the shelves for many orders, each order into its own
 * tote. Pure: the app layer reads open order lines and pickable stock, calls planPickList,
 * then writes the pick list.
 *
 * Rules (DESIGN section 5, USERS: Amira's one walk, Raj's rack paths, FEFO):
 * - Orders are served oldest first: by order date (an order's date is the earliest date on
 *   its lines; an order with no date is served after every dated order), ties by order id
 *   in natural order (#999 before #1000). Lines of one order are served in input order.
 * - Each order line takes stock first-expired-first-out across lots (expiry '' = never
 *   expires = last); among equal expiry, from the bin that comes first in the walk
 *   (compareBins); then from the fullest (most left) row; then by lot in natural order.
 * - With `today`, lots whose expiry is before today are never picked (a lot expiring
 *   today is still picked); the units they would have given are reported as shortages and
 *   the expired stock of the SKUs asked for is listed in `expired`, so it can be written
 *   off instead of found on the shelf.
 * - A line that cannot be fully served takes what there is and reports a Shortage for the
 *   rest. A partially served order stays on the pick list (its tote gets what there is):
 *   the seller decides at packing time whether to ship part now or hold the tote; the
 *   reservation of the missing part stays open on the order line.
 * - An order gets a tote only if it gets at least one unit; totes are numbered from
 *   `firstTote` (default 1) in service order, with no gaps.
 * - The walk has one line per (bin, SKU, lot), sorted by bin (compareBins), then SKU, then
 *   lot (natural order), numbered 1..n; its allocations are listed in tote order.
 * - SKUs match case-insensitively (skuKey); allocations and the walk carry the stock row's
 *   spelling (the Items spelling), shortages the order line's.
 * - Stock rows with the same (SKU, bin, lot) are one place on the shelf: their quantities
 *   are added (keeping the earliest expiry if they disagree). Rows with a quantity that
 *   is not a positive finite number, and order lines whose open quantity is not a positive
 *   finite number, are ignored. An expiry that is not a valid yyyy-MM-dd counts as none.
 * - Quantities are summed cleanly (no 0.1 + 0.2 drift); stock never goes below zero and no
 *   unit is allocated twice.
 */
import { parseYmd } from '../dates';
import { roundQty } from '../quantity';
import { skuKey } from '../text';
import { compareBins, compareNatural } from './bins';

export interface OpenLine {
  orderId: string;
  lineKey: string;
  sku: string;
  openQty: number;
  /** epoch ms */
  orderDate: number | null;
}

export interface PickableStock {
  sku: string;
  bin: string;
  lot: string;
  /** yyyy-MM-dd or '' */
  expiry: string;
  /** in the 'available' state, minus what other open pick lists already planned from this sku/bin/lot */
  qty: number;
}

export interface Allocation {
  orderId: string;
  lineKey: string;
  sku: string;
  bin: string;
  lot: string;
  expiry: string;
  qty: number;
  tote: number;
}

export interface WalkAllocation {
  tote: number;
  orderId: string;
  lineKey: string;
  qty: number;
}

export interface WalkLine {
  seq: number;
  bin: string;
  sku: string;
  lot: string;
  expiry: string;
  qty: number;
  allocations: WalkAllocation[];
}

export interface Shortage {
  orderId: string;
  lineKey: string;
  sku: string;
  missing: number;
}

export interface ExpiredStock {
  sku: string;
  bin: string;
  lot: string;
  expiry: string;
  qty: number;
}

export interface PickPlan {
  walk: WalkLine[];
  /** in service order: oldest order first, its lines in input order */
  allocations: Allocation[];
  /** in tote order */
  totes: { tote: number; orderId: string }[];
  /** in service order */
  shortages: Shortage[];
  /** expired stock (before `today`) of the SKUs asked for, in walk order; never picked */
  expired: ExpiredStock[];
}

export interface PlanOptions {
  firstTote?: number;
  /** yyyy-MM-dd: lots expired before today are not picked (reported as shortage) */
  today?: string;
}

/** Sums of decimal quantities drift (0.1 + 0.2); 9 decimals is beyond any item's. */
export function cleanQty(n: number): number {
  return roundQty(n, 9);
}

function isPositive(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

interface Place {
  sku: string;
  skuKey: string;
  bin: string;
  lot: string;
  expiry: string;
  left: number;
}

function placeKey(sku: string, bin: string, lot: string): string {
  return [skuKey(sku), bin, lot].join('\u0001');
}

/** Walk order of places: bin, then SKU, then lot. */
function compareWalk(a: { bin: string; sku: string; lot: string }, b: { bin: string; sku: string; lot: string }): number {
  return compareBins(a.bin, b.bin) || compareNatural(skuKey(a.sku), skuKey(b.sku)) || compareNatural(a.lot, b.lot);
}

/** Which place an order line takes from first. */
function compareTake(a: Place, b: Place): number {
  if (a.expiry !== b.expiry) {
    if (a.expiry === '') return 1;
    if (b.expiry === '') return -1;
    return a.expiry < b.expiry ? -1 : 1;
  }
  return compareBins(a.bin, b.bin) || b.left - a.left || compareNatural(a.lot, b.lot);
}

interface OrderGroup {
  orderId: string;
  date: number | null;
  lines: OpenLine[];
}

function compareOrders(a: OrderGroup, b: OrderGroup): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date - b.date;
  }
  return compareNatural(a.orderId, b.orderId);
}

function validDate(d: unknown): number | null {
  return typeof d === 'number' && Number.isFinite(d) ? d : null;
}

export function planPickList(lines: readonly OpenLine[], stock: readonly PickableStock[], opts: PlanOptions = {}): PickPlan {
  const firstTote = opts.firstTote === undefined ? 1 : opts.firstTote;
  if (!Number.isSafeInteger(firstTote) || firstTote < 0) throw new RangeError('firstTote must be a whole number >= 0');
  let today = '';
  if (opts.today !== undefined) {
    const t = parseYmd(opts.today);
    if (t === null) throw new RangeError('today must be a yyyy-MM-dd date');
    today = t;
  }

  // Places on the shelf, one per (SKU, bin, lot); expired ones are set apart.
  const places = new Map<string, Place>();
  for (const row of stock) {
    if (!isPositive(row.qty) || typeof row.sku !== 'string' || skuKey(row.sku) === '') continue;
    const bin = String(row.bin ?? '');
    const lot = String(row.lot ?? '');
    const expiry = parseYmd(row.expiry) ?? '';
    const key = placeKey(row.sku, bin, lot);
    const known = places.get(key);
    if (known) {
      known.left = cleanQty(known.left + row.qty);
      if (expiry !== '' && (known.expiry === '' || expiry < known.expiry)) known.expiry = expiry;
    } else {
      places.set(key, { sku: row.sku, skuKey: skuKey(row.sku), bin, lot, expiry, left: cleanQty(row.qty) });
    }
  }
  const wanted = new Set<string>();
  for (const l of lines) if (isPositive(l.openQty)) wanted.add(skuKey(String(l.sku ?? '')));
  const bySku = new Map<string, Place[]>();
  const expired: ExpiredStock[] = [];
  places.forEach((p) => {
    if (today !== '' && p.expiry !== '' && p.expiry < today) {
      if (wanted.has(p.skuKey)) expired.push({ sku: p.sku, bin: p.bin, lot: p.lot, expiry: p.expiry, qty: p.left });
      return;
    }
    const list = bySku.get(p.skuKey);
    if (list) list.push(p);
    else bySku.set(p.skuKey, [p]);
  });
  expired.sort(compareWalk);

  // Orders, oldest first.
  const groups = new Map<string, OrderGroup>();
  for (const l of lines) {
    if (!isPositive(l.openQty)) continue;
    const date = validDate(l.orderDate);
    const g = groups.get(l.orderId);
    if (!g) groups.set(l.orderId, { orderId: l.orderId, date, lines: [l] });
    else {
      g.lines.push(l);
      if (date !== null && (g.date === null || date < g.date)) g.date = date;
    }
  }
  const orders: OrderGroup[] = [];
  groups.forEach((g) => orders.push(g));
  orders.sort(compareOrders);

  const allocations: Allocation[] = [];
  const totes: { tote: number; orderId: string }[] = [];
  const shortages: Shortage[] = [];
  let nextTote = firstTote;
  for (const order of orders) {
    const taken: Omit<Allocation, 'tote'>[] = [];
    for (const line of order.lines) {
      let need = cleanQty(line.openQty);
      const candidates = (bySku.get(skuKey(String(line.sku ?? ''))) || []).filter((p) => p.left > 0).sort(compareTake);
      for (const p of candidates) {
        if (need <= 0) break;
        const qty = Math.min(need, p.left);
        p.left = cleanQty(p.left - qty);
        need = cleanQty(need - qty);
        taken.push({ orderId: line.orderId, lineKey: line.lineKey, sku: p.sku, bin: p.bin, lot: p.lot, expiry: p.expiry, qty });
      }
      if (need > 0) shortages.push({ orderId: line.orderId, lineKey: line.lineKey, sku: line.sku, missing: need });
    }
    if (taken.length === 0) continue;
    const tote = nextTote++;
    totes.push({ tote, orderId: order.orderId });
    for (const a of taken) allocations.push({ ...a, tote });
  }

  return { walk: buildWalk(allocations), allocations, totes, shortages, expired };
}

/** One walk line per (bin, SKU, lot), in walk order, numbered 1..n. */
export function buildWalk(allocations: readonly Allocation[]): WalkLine[] {
  const byPlace = new Map<string, WalkLine>();
  for (const a of allocations) {
    const key = placeKey(a.sku, a.bin, a.lot);
    let w = byPlace.get(key);
    if (!w) {
      w = { seq: 0, bin: a.bin, sku: a.sku, lot: a.lot, expiry: a.expiry, qty: 0, allocations: [] };
      byPlace.set(key, w);
    }
    w.qty = cleanQty(w.qty + a.qty);
    w.allocations.push({ tote: a.tote, orderId: a.orderId, lineKey: a.lineKey, qty: a.qty });
  }
  const walk: WalkLine[] = [];
  byPlace.forEach((w) => walk.push(w));
  walk.sort(compareWalk);
  walk.forEach((w, i) => {
    w.seq = i + 1;
    w.allocations.sort((x, y) => x.tote - y.tote);
  });
  return walk;
}
