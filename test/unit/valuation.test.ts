import { expect, it } from 'vitest';
import { applyToTotals, takeValueMinor, type SkuTotals } from '../../src/domain/valuation';

const receipt = (qty: number, valueMinor: number) => ({ type: 'receipt' as const, qty, valueMinor });
const ship = (qty: number, valueMinor: number) => ({ type: 'ship' as const, qty: -qty, valueMinor: -valueMinor });

it('takes 3 units received for 10.00 out at 3.33, 3.33, 3.34 and ends at exactly 0', () => {
  let t: SkuTotals = { qty: 0, valueMinor: 0, avgUnitCost: null };
  t = applyToTotals(t, receipt(3, 1000), 'EUR');
  const takes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const v = takeValueMinor(t, 1, 'EUR');
    takes.push(v);
    t = applyToTotals(t, ship(1, v), 'EUR');
  }
  expect(takes).toEqual([333, 333, 334]);
  expect(t).toMatchObject({ qty: 0, valueMinor: 0 });
});

it('moves the average only when stock comes in', () => {
  let t: SkuTotals = { qty: 0, valueMinor: 0, avgUnitCost: null };
  t = applyToTotals(t, receipt(10, 1000), 'EUR'); // 10 @ 1.00
  t = applyToTotals(t, ship(4, takeValueMinor(t, 4, 'EUR')), 'EUR');
  expect(t).toEqual({ qty: 6, valueMinor: 600, avgUnitCost: 1 });
  t = applyToTotals(t, receipt(6, 1200), 'EUR'); // 6 @ 2.00 -> 12 units for 18.00
  expect(t.avgUnitCost).toBe(1.5);
  expect(takeValueMinor(t, 5, 'EUR')).toBe(750);
  // an internal move (pick) does not change the average
  const moved = applyToTotals(applyToTotals(t, { type: 'pick', qty: -2, valueMinor: -300 }, 'EUR'), { type: 'pick', qty: 2, valueMinor: 300 }, 'EUR');
  expect(moved).toEqual(t);
});

it('rounds half up in currencies without minor units', () => {
  const t = applyToTotals({ qty: 0, valueMinor: 0, avgUnitCost: null }, receipt(4, 10), 'JPY');
  expect(t.avgUnitCost).toBe(2.5);
  expect(takeValueMinor(t, 1, 'JPY')).toBe(3);
  expect(takeValueMinor(t, 4, 'JPY')).toBe(10);
});

it('recomputes the average after a batch from the end totals', async () => {
  const { averageAfterBatch } = await import('../../src/domain/valuation');
  // before: 10 @ 1.00; batch: receive 6 for 12.00, then ship 5 at 1.50 (750)
  const batch = [{ type: 'receipt' as const, qty: 6, valueMinor: 1200 }, { type: 'ship' as const, qty: -5, valueMinor: -750 }];
  expect(averageAfterBatch({ qty: 11, valueMinor: 1450 }, batch, 1, 'EUR')).toBe(1.375);
  expect(averageAfterBatch({ qty: 5, valueMinor: 250 }, [{ type: 'ship', qty: -5, valueMinor: -750 }], 1.5, 'EUR')).toBe(1.5);
});
