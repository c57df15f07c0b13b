/**
 * The low-stock rule and the quantity to order (DESIGN section 5, "Low stock"):
 * low when inventory position (IP = available to sell + incoming) <= reorder point; to
 * order = round up to pack_size of max(min_order_qty, reorder point + Q - IP).
 */
import { clean } from './stats';

/** Low when IP <= reorder point; never low without a reorder point. */
export function isLow(inventoryPosition: number, reorderPoint: number | null): boolean {
  return reorderPoint !== null && Number.isFinite(reorderPoint) && inventoryPosition <= reorderPoint;
}

/** qty rounded up to a whole number of `step` (float noise ignored: 12.000000001 packs is 12). */
export function roundUpToMultiple(qty: number, step: number): number {
  if (!(step > 0)) throw new RangeError(`step must be > 0: ${String(step)}`);
  return clean(Math.ceil(clean(qty / step)) * step);
}

export interface ToOrderInput {
  reorderPoint: number | null;
  /** Q: Items reorder_qty, else EOQ; null counts as 0 (order up to the reorder point) */
  q: number | null;
  inventoryPosition: number;
  minOrderQty: number | null;
  /** units per pack; null or <= 0: no pack, the item's unit */
  packSize: number | null;
  /** the item's decimals: without a pack size the quantity is rounded up to this unit (default 0) */
  decimals?: number;
}

/**
 * Quantity to order now: 0 when the item is not low (IP above the reorder point) or the
 * need (reorder point + Q - IP) is 0 or less; else the need raised to min_order_qty, then
 * rounded up to a multiple of pack_size.
 */
export function toOrder(input: ToOrderInput): number {
  const { reorderPoint, inventoryPosition } = input;
  if (reorderPoint === null || !isLow(inventoryPosition, reorderPoint)) return 0;
  const q = input.q !== null && input.q > 0 ? input.q : 0;
  const need = clean(reorderPoint + q - inventoryPosition);
  if (need <= 0) return 0;
  const moq = input.minOrderQty !== null && input.minOrderQty > 0 ? input.minOrderQty : 0;
  const wanted = Math.max(moq, need);
  const pack = input.packSize !== null && input.packSize > 0 ? input.packSize : Math.pow(10, -Math.max(0, Math.min(9, Math.floor(input.decimals ?? 0))));
  return roundUpToMultiple(wanted, pack);
}
