/**
 * Valuation policy for outbound and internal movements: moving average per SKU (across bins
 * and states) until FIFO arrives with the valuation issue (DESIGN section 5).
 *
 * The average unit cost is kept unrounded and changes only when stock comes in (receipt,
 * return, count gain, positive reversal): it is then the SKU's total value over its total
 * quantity. A take costs qty x average rounded half-up to the minor unit; the take that
 * empties the SKU takes exactly the value left, so 3 units received for 10.00 leave at
 * 3.33, 3.33 and 3.34, and the stock value returns to exactly 0.
 */
import type { Movement, MovementType } from '../types';
import { minorDigits, toMinor } from '../money';

export interface SkuTotals {
  qty: number;
  valueMinor: number;
  /** unrounded average unit cost in currency units; null before any stock came in */
  avgUnitCost: number | null;
}

const INBOUND: readonly MovementType[] = ['receipt', 'return', 'count', 'reversal'];

function clean(n: number): number {
  return Number(n.toFixed(9));
}

/** Totals after one ledger row, in ledger order. */
export function applyToTotals(t: SkuTotals, m: Pick<Movement, 'type' | 'qty' | 'valueMinor'>, currency: string): SkuTotals {
  const qty = clean(t.qty + m.qty);
  const valueMinor = t.valueMinor + m.valueMinor;
  let avgUnitCost = t.avgUnitCost;
  if (m.qty > 0 && INBOUND.includes(m.type) && qty > 0) {
    avgUnitCost = Number((valueMinor / Math.pow(10, minorDigits(currency)) / qty).toFixed(6));
  }
  return { qty, valueMinor, avgUnitCost };
}

/** Value (minor units, positive) of taking qty out of the SKU's stock. */
export function takeValueMinor(t: SkuTotals, qty: number, currency: string): number {
  if (qty <= 0 || t.qty <= 0) return 0;
  if (qty >= t.qty) return t.valueMinor;
  const unit = t.avgUnitCost ?? t.valueMinor / Math.pow(10, minorDigits(currency)) / t.qty;
  return toMinor(qty * unit, currency);
}

/** The unit cost recorded on an outbound row. */
export function takeUnitCost(t: SkuTotals): number | null {
  return t.avgUnitCost;
}

/**
 * The average after a batch of rows of one SKU, from the totals at the end of the batch:
 * the totals just after the batch's last inbound row are the end totals minus the rows that
 * followed it. Idempotent (the end totals come from levels that apply each row once), so a
 * write that heals after a crash computes the same average again.
 */
export function averageAfterBatch(
  end: { qty: number; valueMinor: number },
  batch: readonly Pick<Movement, 'type' | 'qty' | 'valueMinor'>[],
  previous: number | null,
  currency: string,
): number | null {
  let last = -1;
  batch.forEach((m, i) => {
    if (m.qty > 0 && INBOUND.includes(m.type)) last = i;
  });
  if (last < 0) return previous;
  let qty = end.qty;
  let value = end.valueMinor;
  for (const m of batch.slice(last + 1)) {
    qty = clean(qty - m.qty);
    value -= m.valueMinor;
  }
  if (qty <= 0) return previous;
  return Number((value / Math.pow(10, minorDigits(currency)) / qty).toFixed(6));
}
