/**
 * Valuation reports: pure builders over ledger rows, stock levels and order lines (DESIGN
 * section 5). Money in integer minor units; costs and consumption are reported POSITIVE.
 *
 * Conventions:
 *  - COGS of a month = value of the ship rows (cost of the goods that left to customers)
 *    minus the value of customer returns (type return: they come back at the cost they left
 *    with, or at the current cost without an order), plus/minus reversals of ship and return
 *    rows. Packaging and component consumption (consume rows), write-offs, count adjustments
 *    and returns to vendor are NOT in COGS: each is reported in its own column, so the seller
 *    can add them to cost of sales or to overheads as their accounts want. A damaged return
 *    that is later written off therefore shows once in COGS (as a return, reducing it) and
 *    once in write-offs.
 *  - Consumption value per SKU (for ABC and turnover) = ships + consume - returns (the use of
 *    the item, including packaging), over the period.
 *  - Turnover = COGS / ((opening value + closing value) / 2); days of inventory = period
 *    days / turnover.
 *  - ABC by annual consumption value: sorted descending, ties by SKU; cumulative share
 *    INCLUDING the item <= a -> A, <= b -> B, else C; items with no (or negative) consumption
 *    are C. Shares of integer amounts are exact enough: cum / total is the correctly rounded
 *    quotient, so exactly 80% compares equal to 0.8.
 *  - Dead stock: on-hand SKUs with no stock flow (receipt, ship, consume, return by default;
 *    internal moves and counts do not count: a stocktake would otherwise revive everything)
 *    in the last N days.
 */
import type { Movement, MovementType, OrderLine, StockLevel } from '../types';
import { skuKey } from '../text';
import { toMinor } from '../money';
import { referencedMovementId } from './policy';

const DAY_MS = 86400000;

function clean(n: number): number {
  return Number(n.toFixed(9));
}

type Keyed<V> = ReadonlyMap<string, V> | Readonly<Record<string, V>>;

function entries<V>(m: Keyed<V>): [string, V][] {
  if (m instanceof Map) return Array.from(m.entries());
  return Object.keys(m).map((k) => [k, (m as Record<string, V>)[k]] as [string, V]);
}

function lookup<V>(m: Keyed<V>, k: string): V | undefined {
  if (m instanceof Map) return m.get(k);
  return Object.prototype.hasOwnProperty.call(m, k) ? (m as Record<string, V>)[k] : undefined;
}

function bySku(a: { sku: string }, b: { sku: string }): number {
  const x = skuKey(a.sku);
  const y = skuKey(b.sku);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------- stock value

export interface SkuValue {
  sku: string;
  qty: number;
  valueMinor: number;
}

/** Stock value per SKU (summing its bins, states and lots) and in total, sorted by SKU. */
export function stockValueBySku(levels: Iterable<Pick<StockLevel, 'sku' | 'qty' | 'valueMinor'>>): { rows: SkuValue[]; totalMinor: number } {
  const map = new Map<string, SkuValue>();
  let totalMinor = 0;
  for (const l of levels) {
    const k = skuKey(l.sku);
    const row = map.get(k);
    if (row) {
      row.qty = clean(row.qty + l.qty);
      row.valueMinor += l.valueMinor;
    } else {
      map.set(k, { sku: l.sku, qty: l.qty, valueMinor: l.valueMinor });
    }
    totalMinor += l.valueMinor;
  }
  return { rows: Array.from(map.values()).sort(bySku), totalMinor };
}

// ---------------------------------------------------------------- COGS

export interface CogsMonth {
  /** yyyy-MM */
  month: string;
  /** ships - returns (net of their reversals) */
  cogsMinor: number;
  shippedMinor: number;
  returnedMinor: number;
  shippedQty: number;
  returnedQty: number;
  /** packaging and component consumption (consume rows) */
  consumedMinor: number;
  writeOffMinor: number;
  /** count adjustments, net loss positive (a net gain is negative) */
  countLossMinor: number;
  /** value sent back to vendors */
  rtvMinor: number;
}

type CogsRow = Pick<Movement, 'movementId' | 'time' | 'type' | 'qty' | 'valueMinor' | 'reverses' | 'refType' | 'refId'>;

function emptyMonth(month: string): CogsMonth {
  return { month, cogsMinor: 0, shippedMinor: 0, returnedMinor: 0, shippedQty: 0, returnedQty: 0, consumedMinor: 0, writeOffMinor: 0, countLossMinor: 0, rtvMinor: 0 };
}

const COGS_TYPES: readonly MovementType[] = ['ship', 'return', 'consume', 'write_off', 'count', 'rtv'];

/**
 * COGS and the other outflows per month (monthOf gives the month of an epoch-ms time in the
 * spreadsheet's time zone). A reversal row counts in the category of the row it reverses,
 * in the month of the reversal; it must come after that row in `movements` (ledger order).
 */
export function cogsByMonth(movements: Iterable<CogsRow>, monthOf: (ms: number) => string): CogsMonth[] {
  const months = new Map<string, CogsMonth>();
  // ids of rows a reversal may refer to, with their type: only the categories reported here
  const typeOf = new Map<string, MovementType>();
  for (const m of movements) {
    let type = m.type;
    if (COGS_TYPES.indexOf(type) >= 0) {
      typeOf.set(m.movementId, type);
    } else if (type === 'reversal') {
      const t = typeOf.get(referencedMovementId(m));
      if (!t) continue;
      type = t;
    } else {
      continue;
    }
    const month = monthOf(m.time);
    let row = months.get(month);
    if (!row) {
      row = emptyMonth(month);
      months.set(month, row);
    }
    switch (type) {
      case 'ship':
        row.shippedMinor -= m.valueMinor;
        row.shippedQty = clean(row.shippedQty - m.qty);
        break;
      case 'return':
        row.returnedMinor += m.valueMinor;
        row.returnedQty = clean(row.returnedQty + m.qty);
        break;
      case 'consume':
        row.consumedMinor -= m.valueMinor;
        break;
      case 'write_off':
        row.writeOffMinor -= m.valueMinor;
        break;
      case 'count':
        row.countLossMinor -= m.valueMinor;
        break;
      default:
        row.rtvMinor -= m.valueMinor;
    }
    row.cogsMinor = row.shippedMinor - row.returnedMinor;
  }
  return Array.from(months.values()).sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

// ---------------------------------------------------------------- gross margin

type ShipRow = Pick<Movement, 'type' | 'sku' | 'qty' | 'valueMinor' | 'refId'>;

/**
 * Sale unit prices by order line (`orderId#lineKey`, the ship rows' ref_id), from order
 * lines in the workbook currency with a known price. Lines in another currency are left
 * out: their margin cannot be computed without an exchange rate.
 */
export function salePrices(lines: Iterable<Pick<OrderLine, 'orderId' | 'lineKey' | 'unitPrice' | 'currency'>>, currency: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    if (l.unitPrice === null || !Number.isFinite(l.unitPrice)) continue;
    if (l.currency && l.currency.toUpperCase() !== currency.toUpperCase()) continue;
    out.set(`${l.orderId}#${l.lineKey}`, l.unitPrice);
  }
  return out;
}

export interface MarginRow {
  sku: string;
  qty: number;
  revenueMinor: number;
  cogsMinor: number;
  marginMinor: number;
  /** margin / revenue, null when revenue is 0 */
  marginRate: number | null;
}

export interface GrossMargin {
  bySku: MarginRow[];
  total: MarginRow;
  /** ship rows whose order line has no known sale price: not in the margin */
  unpricedRows: number;
  unpricedCogsMinor: number;
}

function rate(margin: number, revenue: number): number | null {
  return revenue ? margin / revenue : null;
}

/**
 * Gross margin of shipped goods where the sale price is known: revenue = shipped qty x the
 * line's unit price (half-up to the minor unit, per ship row), COGS = the ship rows' value.
 * Rows that are not ships are ignored; refunds are not in the ledger and not counted.
 */
export function grossMargin(shipRows: Iterable<ShipRow>, salePriceByOrderLine: Keyed<number>, currency: string): GrossMargin {
  const map = new Map<string, MarginRow>();
  const total: MarginRow = { sku: '', qty: 0, revenueMinor: 0, cogsMinor: 0, marginMinor: 0, marginRate: null };
  let unpricedRows = 0;
  let unpricedCogsMinor = 0;
  for (const r of shipRows) {
    if (r.type !== 'ship') continue;
    const price = lookup(salePriceByOrderLine, r.refId);
    if (price === undefined || price === null) {
      unpricedRows++;
      unpricedCogsMinor -= r.valueMinor;
      continue;
    }
    const qty = -r.qty;
    const revenue = toMinor(qty * price, currency);
    const k = skuKey(r.sku);
    let row = map.get(k);
    if (!row) {
      row = { sku: r.sku, qty: 0, revenueMinor: 0, cogsMinor: 0, marginMinor: 0, marginRate: null };
      map.set(k, row);
    }
    for (const t of [row, total]) {
      t.qty = clean(t.qty + qty);
      t.revenueMinor += revenue;
      t.cogsMinor -= r.valueMinor;
      t.marginMinor = t.revenueMinor - t.cogsMinor;
      t.marginRate = rate(t.marginMinor, t.revenueMinor);
    }
  }
  return { bySku: Array.from(map.values()).sort(bySku), total, unpricedRows, unpricedCogsMinor };
}

// ---------------------------------------------------------------- turnover

/** COGS / average inventory value; null when the average value is not positive. */
export function turnover(p: { cogs: number; openingValue: number; closingValue: number }): number | null {
  const average = (p.openingValue + p.closingValue) / 2;
  if (!(average > 0)) return null;
  return p.cogs / average;
}

/** Days the average inventory lasts at the period's pace; null when nothing was consumed. */
export function daysOfInventory(t: number | null, periodDays: number): number | null {
  if (t === null || !(t > 0)) return null;
  return periodDays / t;
}

export interface SkuTurnover {
  sku: string;
  openingValueMinor: number;
  closingValueMinor: number;
  /** consumption value over the period: ships + consume - returns */
  cogsMinor: number;
  turnover: number | null;
  daysOfInventory: number | null;
}

type ValueRow = Pick<Movement, 'time' | 'type' | 'sku' | 'valueMinor'>;

function consumptionOf(m: Pick<Movement, 'type' | 'valueMinor'>): number {
  if (m.type === 'ship' || m.type === 'consume' || m.type === 'return') return -m.valueMinor;
  return 0;
}

/**
 * Turnover and days of inventory per SKU over [fromMs, toMs): opening value = sum of the
 * SKU's value deltas before fromMs, closing = before toMs; consumption value in between.
 * Days = (toMs - fromMs) / 1 day.
 */
export function turnoverBySku(movements: Iterable<ValueRow>, fromMs: number, toMs: number): SkuTurnover[] {
  const map = new Map<string, SkuTurnover>();
  for (const m of movements) {
    if (m.time >= toMs) continue;
    const k = skuKey(m.sku);
    let row = map.get(k);
    if (!row) {
      row = { sku: m.sku, openingValueMinor: 0, closingValueMinor: 0, cogsMinor: 0, turnover: null, daysOfInventory: null };
      map.set(k, row);
    }
    if (m.time < fromMs) row.openingValueMinor += m.valueMinor;
    else row.cogsMinor += consumptionOf(m);
    row.closingValueMinor += m.valueMinor;
  }
  const days = (toMs - fromMs) / DAY_MS;
  const rows = Array.from(map.values()).sort(bySku);
  for (const r of rows) {
    r.turnover = turnover({ cogs: r.cogsMinor, openingValue: r.openingValueMinor, closingValue: r.closingValueMinor });
    r.daysOfInventory = daysOfInventory(r.turnover, days);
  }
  return rows;
}

/** Consumption value per SKU over [fromMs, toMs) (ships + consume - returns): the ABC input. */
export function consumptionBySku(movements: Iterable<ValueRow>, fromMs: number, toMs: number): Map<string, number> {
  const out = new Map<string, number>();
  const names = new Map<string, string>();
  for (const m of movements) {
    if (m.time < fromMs || m.time >= toMs) continue;
    const v = consumptionOf(m);
    const k = skuKey(m.sku);
    if (!names.has(k)) names.set(k, m.sku);
    const sku = names.get(k) as string;
    out.set(sku, (out.get(sku) ?? 0) + v);
  }
  return out;
}

// ---------------------------------------------------------------- ABC

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcThresholds {
  /** cumulative share up to which items are A (0.8) */
  a: number;
  /** cumulative share up to which items are B (0.95) */
  b: number;
}

export const DEFAULT_ABC: AbcThresholds = { a: 0.8, b: 0.95 };

/**
 * Thresholds from the Settings percentages (A share, B share; C is the rest): 80 / 15 -> a 0.8,
 * b 0.95. Null when they do not make sense (each > 0, A + B <= 100).
 */
export function abcThresholds(aPct: number, bPct: number): AbcThresholds | null {
  if (!Number.isFinite(aPct) || !Number.isFinite(bPct) || aPct <= 0 || bPct < 0 || aPct + bPct > 100) return null;
  return { a: aPct / 100, b: (aPct + bPct) / 100 };
}

export interface AbcRow {
  sku: string;
  valueMinor: number;
  /** the item's share of the total consumption value */
  share: number;
  /** cumulative share including the item */
  cumulativeShare: number;
  class: AbcClass;
}

/** ABC classes by annual consumption value (minor units), rows in rank order. */
export function abcClasses(annualConsumptionBySku: Keyed<number>, thresholds: AbcThresholds = DEFAULT_ABC): AbcRow[] {
  const items = entries(annualConsumptionBySku).map(([sku, v]) => ({ sku, valueMinor: v > 0 ? v : 0 }));
  items.sort((x, y) => y.valueMinor - x.valueMinor || bySku(x, y) || (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0));
  let total = 0;
  for (const i of items) total += i.valueMinor;
  let cum = 0;
  return items.map((i) => {
    cum += i.valueMinor;
    const share = total > 0 ? i.valueMinor / total : 0;
    const cumulativeShare = total > 0 ? cum / total : 0;
    let cls: AbcClass = 'C';
    if (i.valueMinor > 0) cls = cumulativeShare <= thresholds.a ? 'A' : cumulativeShare <= thresholds.b ? 'B' : 'C';
    return { sku: i.sku, valueMinor: i.valueMinor, share, cumulativeShare, class: cls };
  });
}

// ---------------------------------------------------------------- dead stock

export const FLOW_TYPES: readonly MovementType[] = ['receipt', 'ship', 'consume', 'return'];

/** The time of each SKU's last stock flow (by default receipt, ship, consume, return). */
export function lastMovementBySku(movements: Iterable<Pick<Movement, 'time' | 'type' | 'sku'>>, types: readonly MovementType[] = FLOW_TYPES): Map<string, number> {
  const out = new Map<string, number>();
  const names = new Map<string, string>();
  for (const m of movements) {
    if (types.indexOf(m.type) < 0) continue;
    const k = skuKey(m.sku);
    if (!names.has(k)) names.set(k, m.sku);
    const sku = names.get(k) as string;
    const t = out.get(sku);
    if (t === undefined || m.time > t) out.set(sku, m.time);
  }
  return out;
}

export interface DeadStockRow {
  sku: string;
  /** epoch ms of the last flow; null when the SKU never had one (stock from counts only) */
  lastMovementAt: number | null;
  /** whole days since the last flow; null when never */
  daysIdle: number | null;
}

/**
 * SKUs with no flow in the last `days` days (idle for `days` whole days or more), oldest
 * first. With `onHand` (qty per SKU), only SKUs with stock (qty > 0) are listed, and on-hand
 * SKUs that never had a flow are listed first with nulls. SKUs match case-insensitively.
 */
export function deadStock(lastMovementBySku: Keyed<number>, today: number, days: number, onHand?: Keyed<number>): DeadStockRow[] {
  const stock = new Map<string, { sku: string; qty: number }>();
  if (onHand) for (const [sku, q] of entries(onHand)) stock.set(skuKey(sku), { sku, qty: q });
  const out: DeadStockRow[] = [];
  for (const [sku, last] of entries(lastMovementBySku)) {
    const k = skuKey(sku);
    if (onHand) {
      const s = stock.get(k);
      stock.delete(k);
      if (!s || !(s.qty > 0)) continue;
    }
    const daysIdle = Math.floor((today - last) / DAY_MS);
    if (daysIdle >= days) out.push({ sku, lastMovementAt: last, daysIdle });
  }
  stock.forEach((s) => {
    if (s.qty > 0) out.push({ sku: s.sku, lastMovementAt: null, daysIdle: null });
  });
  return out.sort((x, y) => (x.lastMovementAt ?? -Infinity) - (y.lastMovementAt ?? -Infinity) || bySku(x, y));
}
