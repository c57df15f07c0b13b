import { describe, expect, it } from 'vitest';
import {
  cloneFifo, emptyFifo, fifoQty, fifoValueMinor, peekFifo, peekFromLayer, receiveLayer, returnAtCost, returnValueMinor, takeFifo,
  takeFromLayer, type FifoState,
} from '../../src/domain/valuation/fifo';

const EUR = 'EUR';
const rc = (id: string, qty: number, unitCost: number | null, valueMinor: number) => ({ movementId: id, qty, unitCost, valueMinor });

function state(...layers: [string, number, number, number][]): FifoState {
  const s = emptyFifo();
  for (const [id, qty, cost, value] of layers) receiveLayer(s, rc(id, qty, cost, value), EUR);
  return s;
}

describe('FIFO layers', () => {
  it('consumes receipts at different costs oldest first, with partial takes', () => {
    // R1: 10 @ 1.00 = 10.00; R2: 5 @ 1.20 = 6.00
    const s = state(['R1', 10, 1, 1000], ['R2', 5, 1.2, 600]);
    // take 4: all from R1, 4 x 1.00 = 4.00; R1 keeps 6 units, 6.00
    const a = takeFifo(s, 4, EUR);
    expect(a).toEqual({ valueMinor: 400, unitCost: 1, consumed: [{ receiptId: 'R1', qty: 4, valueMinor: 400 }], shortQty: 0 });
    // take 8: R1's last 6 units empty it -> exactly 6.00; then 2 x 1.20 = 2.40 from R2. 8.40 in all,
    // weighted unit cost (6 x 1.00 + 2 x 1.20) / 8 = 1.05
    const b = takeFifo(s, 8, EUR);
    expect(b.valueMinor).toBe(840);
    expect(b.unitCost).toBe(1.05);
    expect(b.consumed).toEqual([{ receiptId: 'R1', qty: 6, valueMinor: 600 }, { receiptId: 'R2', qty: 2, valueMinor: 240 }]);
    expect(s.layers).toEqual([{ receiptId: 'R2', unitCost: 1.2, qty: 3, valueMinor: 360 }]);
    // the last 3 empty R2 and the item: exactly 3.60 -> value 0, no layers
    expect(takeFifo(s, 3, EUR).valueMinor).toBe(360);
    expect(s.layers).toEqual([]);
    expect(fifoValueMinor(s)).toBe(0);
    expect(s.lastReceiptCost).toBe(1.2);
  });

  it('takes 3 units received for 10.00 out at 3.33, 3.33, 3.34 (the last take empties the layer)', () => {
    // unit cost 10 / 3 = 3.333333 (6 decimals); 1 x 3.333333 = 3.333 -> 3.33; the third takes what is left: 10.00 - 6.66
    const s = state(['R1', 3, 3.333333, 1000]);
    expect([1, 1, 1].map((q) => takeFifo(s, q, EUR).valueMinor)).toEqual([333, 333, 334]);
    expect(fifoValueMinor(s)).toBe(0);
    // 2 at once: 6.666666 -> 6.67 (half-up), then the last unit takes 3.33
    const t = state(['R1', 3, 3.333333, 1000]);
    expect(takeFifo(t, 2, EUR).valueMinor).toBe(667);
    expect(takeFifo(t, 1, EUR).valueMinor).toBe(333);
  });

  it('rounds each layer take half-up to the minor unit', () => {
    // 4 @ 0.125 = 0.50: 1 x 0.125 = 0.125 -> 0.13 (half-up, not banker's 0.12); 3 takes of 0.13, the last takes 0.50 - 0.39 = 0.11
    const s = state(['R1', 4, 0.125, 50]);
    expect([1, 1, 1, 1].map((q) => takeFifo(s, q, EUR).valueMinor)).toEqual([13, 13, 13, 11]);
  });

  it('never takes more than a layer holds, even below one minor unit per item', () => {
    // 4 screws @ 0.005 = 0.02: takes of 1 cost 0.005 -> 0.01 each; after two the layer holds 0.00 for
    // 2 units: the third take is clamped to 0, the fourth takes exactly 0 (without the clamp: 1 and -1)
    const s = state(['R1', 4, 0.005, 2]);
    expect([1, 1, 1, 1].map((q) => takeFifo(s, q, EUR).valueMinor)).toEqual([1, 1, 0, 0]);
    expect(s.layers).toEqual([]);
  });

  it('reports what the layers cannot supply', () => {
    const s = state(['R1', 2, 1, 200]);
    const t = takeFifo(s, 5, EUR);
    expect(t).toMatchObject({ valueMinor: 200, shortQty: 3 });
  });

  it('handles decimal quantities without floating-point leftovers', () => {
    // 0.3 kg @ 10.00 = 3.00; takes of 0.1 kg: 1.00 each, the third empties the layer (0.1+0.1+0.1 in floats is 0.30000000000000004)
    const s = state(['R1', 0.3, 10, 300]);
    expect([0.1, 0.1, 0.1].map((q) => takeFifo(s, q, EUR).valueMinor)).toEqual([100, 100, 100]);
    expect(s.layers).toEqual([]);
    expect(fifoQty(s)).toBe(0);
  });

  it('returns to vendor from the referenced receipt layer at its cost', () => {
    // R1 10 @ 1.00, R2 10 @ 1.50 (15.00), R3 10 @ 2.00 (20.00)
    const s = state(['R1', 10, 1, 1000], ['R2', 10, 1.5, 1500], ['R3', 10, 2, 2000]);
    // RTV of 4 from R2: 4 x 1.50 = 6.00, R1 untouched
    expect(takeFromLayer(s, 'R2', 4, EUR)).toEqual({ valueMinor: 600, unitCost: 1.5, consumed: [{ receiptId: 'R2', qty: 4, valueMinor: 600 }], shortQty: 0 });
    expect(s.layers.map((l) => [l.receiptId, l.qty, l.valueMinor])).toEqual([['R1', 10, 1000], ['R2', 6, 900], ['R3', 10, 2000]]);
    // ship 13: R1 10 -> 10.00, R2 3 x 1.50 = 4.50 -> R2 keeps 3 units, 4.50
    expect(takeFifo(s, 13, EUR).valueMinor).toBe(1450);
    // RTV of 5 more from R2: it holds 3 -> exactly 4.50; the other 2 leave FIFO from R3 at 2 x 2.00 = 4.00.
    // 8.50 in all, unit cost (3 x 1.50 + 2 x 2.00) / 5 = 1.70
    const peek = peekFromLayer(s, 'R2', 5, EUR);
    const before = cloneFifo(s);
    expect(s).toEqual(before);
    const t = takeFromLayer(s, 'R2', 5, EUR);
    expect(t).toEqual(peek);
    expect(t).toMatchObject({ valueMinor: 850, unitCost: 1.7 });
    expect(t.consumed).toEqual([{ receiptId: 'R2', qty: 3, valueMinor: 450 }, { receiptId: 'R3', qty: 2, valueMinor: 400 }]);
    // an unknown receipt id is an ordinary FIFO take
    expect(peekFromLayer(s, 'nope', 1, EUR)).toEqual(peekFifo(s, 1, EUR));
  });

  it('puts a restocked return at the end as a new layer, at the value it came back with', () => {
    const s = state(['R1', 2, 1, 200], ['R2', 2, 3, 600]);
    returnAtCost(s, rc('RET1', 1, null, 100), EUR); // unit cost derived from its value: 1.00
    expect(s.layers.map((l) => l.receiptId)).toEqual(['R1', 'R2', 'RET1']);
    expect(s.layers[2]).toEqual({ receiptId: 'RET1', unitCost: 1, qty: 1, valueMinor: 100 });
    // a return is not a receipt: the last receipt cost stays 3.00
    expect(s.lastReceiptCost).toBe(3);
    // take 5: R1 2.00 + R2 6.00 + RET1 1.00
    expect(takeFifo(s, 5, EUR).consumed.map((c) => c.receiptId)).toEqual(['R1', 'R2', 'RET1']);
  });

  it('brings a return back at the cost it left with, pro rata, the rest exactly', () => {
    // shipped 3 for 10.00: returns of 1 at a time: 1 x 3.333 -> 3.33, 3.33, then the rest 10.00 - 6.66 = 3.34
    const left = { qty: 3, valueMinor: 1000 };
    expect(returnValueMinor(left, { qty: 0, valueMinor: 0 }, 1, EUR)).toBe(333);
    expect(returnValueMinor(left, { qty: 1, valueMinor: 333 }, 1, EUR)).toBe(333);
    expect(returnValueMinor(left, { qty: 2, valueMinor: 666 }, 1, EUR)).toBe(334);
    // more than was shipped: the excess at the given current cost (2 x 5.00)
    expect(returnValueMinor(left, { qty: 2, valueMinor: 666 }, 3, EUR, 5)).toBe(334 + 1000);
  });

  it('does not change the state when peeking, and the state survives JSON', () => {
    const s = state(['R1', 10, 1.234567, 1235], ['R2', 5, 2, 1000]);
    const copy = JSON.parse(JSON.stringify(s)) as FifoState;
    expect(copy).toEqual(s);
    const p = peekFifo(s, 12, EUR);
    expect(s).toEqual(copy);
    expect(takeFifo(copy, 12, EUR)).toEqual(p);
    // 10 empty R1 -> 12.35; 2 x 2.00 = 4.00
    expect(p.valueMinor).toBe(1635);
  });
});
