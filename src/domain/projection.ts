/**
 * The stock projection: stock per (sku, bin, state, lot) is the sum of the ledger rows with
 * that key, and a summary per SKU is derived from those levels. Pure functions; the caches
 * in the sheet are this projection written down.
 */
import type { Item, Movement, StockKey, StockLevel, StockState, StockStatus, StockSummary } from './types';
import { isAfter } from './movement-id';
import { skuKey } from './text';

export function keyOf(k: StockKey): string {
  return [skuKey(k.sku), k.bin, k.state, k.lot].join('\u0001');
}

export function emptyLevel(k: StockKey): StockLevel {
  return { sku: k.sku, bin: k.bin, state: k.state, lot: k.lot, expiry: '', qty: 0, valueMinor: 0, appliedThrough: '' };
}

/** Float sums of decimal quantities drift (0.1 + 0.2); 9 decimals is beyond any item's. */
function clean(n: number): number {
  return Number(n.toFixed(9));
}

/**
 * Apply ledger rows to levels, in place. A row applies to a level only if its id is after
 * the level's applied_through, so applying the same rows twice is harmless.
 * Returns the keys that changed.
 */
export function applyMovements(levels: Map<string, StockLevel>, movements: readonly Movement[]): Set<string> {
  const changed = new Set<string>();
  for (const m of movements) {
    const key = keyOf(m);
    let level = levels.get(key);
    if (!level) {
      level = emptyLevel(m);
      levels.set(key, level);
    }
    if (!isAfter(m.movementId, level.appliedThrough)) continue;
    level.qty = clean(level.qty + m.qty);
    level.valueMinor += m.valueMinor;
    if (m.expiry) level.expiry = m.expiry;
    level.appliedThrough = m.movementId;
    changed.add(key);
  }
  return changed;
}

/** Project levels from scratch. */
export function project(movements: readonly Movement[]): Map<string, StockLevel> {
  const levels = new Map<string, StockLevel>();
  applyMovements(levels, movements);
  return levels;
}

export interface SummaryInputs {
  item: Item | undefined;
  sku: string;
  levels: readonly StockLevel[];
  reserved: number;
  incoming: number;
  previousAlertedAt: number | null;
  avgUnitCost: number | null;
  /** the reorder point computed by the replenishment rebuild; an Items value wins */
  computedReorderPoint?: number | null;
}

export function statusOf(active: boolean, availableToSell: number, inventoryPosition: number, reorderPoint: number | null): StockStatus {
  if (!active) return 'inactive';
  if (availableToSell <= 0) return 'out';
  if (reorderPoint !== null && inventoryPosition <= reorderPoint) return 'low';
  return 'ok';
}

const IN_AVAILABLE: StockState = 'available';

export function summarize(input: SummaryInputs): StockSummary {
  let onHand = 0;
  let inAvailableState = 0;
  let valueMinor = 0;
  let appliedThrough = '';
  for (const l of input.levels) {
    onHand += l.qty;
    if (l.state === IN_AVAILABLE) inAvailableState += l.qty;
    valueMinor += l.valueMinor;
    if (isAfter(l.appliedThrough, appliedThrough)) appliedThrough = l.appliedThrough;
  }
  const availableToSell = clean(inAvailableState - input.reserved);
  const inventoryPosition = clean(availableToSell + input.incoming);
  const reorderPoint = input.item?.reorderPoint ?? input.computedReorderPoint ?? null;
  const status = statusOf(input.item?.active ?? true, availableToSell, inventoryPosition, reorderPoint);
  // alerted_at is kept while the item stays low or out, and cleared when it recovers, so
  // each crossing of the threshold alerts once (DESIGN section 5).
  const stillLow = status === 'low' || status === 'out';
  return {
    sku: input.item?.sku ?? input.sku,
    name: input.item?.name ?? '',
    onHand: clean(onHand),
    inAvailableState: clean(inAvailableState),
    reserved: input.reserved,
    availableToSell,
    incoming: input.incoming,
    inventoryPosition,
    reorderPoint,
    status,
    valueMinor,
    avgUnitCost: input.avgUnitCost,
    alertedAt: stillLow ? input.previousAlertedAt : null,
    appliedThrough,
  };
}

/** Group levels by SKU key. */
export function levelsBySku(levels: Iterable<StockLevel>): Map<string, StockLevel[]> {
  const out = new Map<string, StockLevel[]>();
  for (const l of levels) {
    const k = skuKey(l.sku);
    const list = out.get(k);
    if (list) list.push(l);
    else out.set(k, [l]);
  }
  return out;
}
