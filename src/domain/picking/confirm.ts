/**
 * Confirming a pick: the picker's form lists every walk line with the planned quantity
 * prefilled; they change the lines where the shelf held less. Pure: the app layer turns
 * the result into pick movements (available -> picked) per allocation.
 *
 * Rules:
 * - Every walk line must be sent exactly once. The form always sends all of them (an
 *   untouched line arrives with its prefilled planned quantity, i.e. "picked as planned"),
 *   so a line missing from the payload means a stale or truncated form, not a decision of
 *   the picker: it is refused ('missing_line') rather than guessed, because guessing
 *   "as planned" would move stock nobody confirmed and guessing 0 would report false
 *   shortages. A seq that is not on the walk is 'unknown_line'; the same seq twice is
 *   'duplicate_line'.
 * - A picked quantity is a number (or a typed string with "." or "," decimals); anything
 *   else, blank included, is 'invalid_number' (the picker types 0 for "found none").
 *   Below zero is 'negative'; above the planned quantity is 'over_pick' (the list
 *   asked for that much: more belongs to no order).
 * - With any problem nothing is distributed (allocations and short are empty): a bad
 *   form writes nothing.
 * - A walk line's picked quantity is split across its allocations in tote order, lowest
 *   tote first: earlier orders were served first when planning, so they keep their units
 *   when the shelf held less. Allocations that get nothing are still returned
 *   (picked 0), so their order lines stay open.
 * - What was not picked is reported per walk line in `short`.
 */
import { parseDecimal } from '../quantity';
import { cleanQty, type Allocation, type WalkLine } from './pick-list';

export interface PickedLine {
  seq: number;
  picked: number;
}

export type PickProblemCode = 'unknown_line' | 'missing_line' | 'duplicate_line' | 'over_pick' | 'negative' | 'invalid_number';

export interface PickProblem {
  seq: number;
  code: PickProblemCode;
}

export interface PickedAllocation extends Allocation {
  picked: number;
}

export interface PickShort {
  seq: number;
  sku: string;
  bin: string;
  lot: string;
  missing: number;
}

export interface DistributeResult {
  /** in walk order, then tote order */
  allocations: PickedAllocation[];
  short: PickShort[];
  problems: PickProblem[];
}

export function distributePicked(walk: readonly WalkLine[], picked: readonly PickedLine[]): DistributeResult {
  const bySeq = new Map<number, WalkLine>();
  for (const w of walk) bySeq.set(w.seq, w);
  const problems: PickProblem[] = [];
  const qtyBySeq = new Map<number, number>();
  const seen = new Set<number>();
  for (const p of picked) {
    const seq = p.seq;
    const line = bySeq.get(seq);
    if (!line) {
      problems.push({ seq, code: 'unknown_line' });
      continue;
    }
    if (seen.has(seq)) {
      problems.push({ seq, code: 'duplicate_line' });
      continue;
    }
    seen.add(seq);
    const qty = parseDecimal(p.picked as unknown);
    if (qty === null) problems.push({ seq, code: 'invalid_number' });
    else if (qty < 0) problems.push({ seq, code: 'negative' });
    else if (cleanQty(qty) > line.qty) problems.push({ seq, code: 'over_pick' });
    else qtyBySeq.set(seq, cleanQty(qty));
  }
  for (const w of walk) if (!seen.has(w.seq)) problems.push({ seq: w.seq, code: 'missing_line' });
  if (problems.length > 0) return { allocations: [], short: [], problems };

  const allocations: PickedAllocation[] = [];
  const short: PickShort[] = [];
  const ordered = walk.slice().sort((a, b) => a.seq - b.seq);
  for (const w of ordered) {
    const got = qtyBySeq.get(w.seq) as number;
    let left = got;
    const entries = w.allocations.slice().sort((a, b) => a.tote - b.tote);
    for (const e of entries) {
      const take = Math.min(left, e.qty);
      left = cleanQty(left - take);
      allocations.push({
        orderId: e.orderId, lineKey: e.lineKey, sku: w.sku, bin: w.bin, lot: w.lot, expiry: w.expiry, qty: e.qty, tote: e.tote, picked: take,
      });
    }
    const missing = cleanQty(w.qty - got);
    if (missing > 0) short.push({ seq: w.seq, sku: w.sku, bin: w.bin, lot: w.lot, missing });
  }
  return { allocations, short, problems };
}
