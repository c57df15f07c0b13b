import { describe, expect, it } from 'vitest';
import {
  abcClasses, abcThresholds, cogsByMonth, consumptionBySku, daysOfInventory, deadStock, grossMargin, lastMovementBySku, salePrices,
  stockValueBySku, turnover, turnoverBySku,
} from '../../src/domain/valuation/reports';
import { movementId } from '../../src/domain/movement-id';
import type { Movement, OrderLine } from '../../src/domain/types';

const EUR = 'EUR';
const T = (iso: string) => Date.parse(iso);
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

function mv(n: number, over: Partial<Movement>): Movement {
  return {
    movementId: movementId(n), requestId: 'r', time: T('2026-01-10T10:00:00Z'), user: 'u', type: 'receipt', sku: 'A', bin: 'B1',
    state: 'available', lot: '', expiry: '', qty: 1, unitCost: 1, valueMinor: 100, refType: '', refId: '', externalRef: '', note: '',
    reverses: '', ...over,
  };
}

describe('stock value', () => {
  it('sums levels per SKU (case-insensitively) and in total', () => {
    const r = stockValueBySku([
      { sku: 'B', qty: 1, valueMinor: 100 },
      { sku: 'A', qty: 5, valueMinor: 500 },
      { sku: 'a', qty: 2, valueMinor: 250 },
    ]);
    expect(r.rows).toEqual([{ sku: 'A', qty: 7, valueMinor: 750 }, { sku: 'B', qty: 1, valueMinor: 100 }]);
    expect(r.totalMinor).toBe(850);
  });
});

describe('COGS per month', () => {
  it('is ships minus returns; consumption, write-offs, counts and rtv apart; reversals in their category', () => {
    const jan = T('2026-01-20T12:00:00Z');
    const feb = T('2026-02-03T12:00:00Z');
    const rows = [
      mv(1, { type: 'receipt', qty: 50, valueMinor: 5000, time: jan }),
      mv(2, { type: 'ship', qty: -2, valueMinor: -1000, time: jan }),
      mv(3, { type: 'ship', qty: -1, valueMinor: -500, time: jan }),
      mv(4, { type: 'return', qty: 1, valueMinor: 300, time: jan, reverses: 'M00000003' }),
      mv(5, { type: 'consume', qty: -5, valueMinor: -50, time: jan }),
      mv(6, { type: 'write_off', qty: -1, valueMinor: -200, time: jan }),
      mv(7, { type: 'count', qty: -1, valueMinor: -100, time: jan }),
      mv(8, { type: 'count', qty: 1, valueMinor: 40, time: jan }),
      mv(9, { type: 'rtv', qty: -6, valueMinor: -600, time: jan }),
      mv(10, { type: 'pick', qty: -1, valueMinor: -100, time: jan }),
      mv(11, { type: 'pick', qty: 1, valueMinor: 100, time: jan }),
      mv(12, { type: 'reversal', qty: 2, valueMinor: 1000, time: feb, reverses: 'M00000002' }), // voids the January ship
      mv(13, { type: 'reversal', qty: -50, valueMinor: -5000, time: feb, reverses: 'M00000001' }), // a receipt: not COGS
    ];
    // January: shipped 10.00 + 5.00 = 15.00, returned 3.00 -> COGS 12.00; consume 0.50, write-off 2.00,
    // counts -1.00 + 0.40 -> net loss 0.60, rtv 6.00
    // February: the reversal of the 10.00 ship -> shipped -10.00, COGS -10.00
    expect(cogsByMonth(rows, monthOf)).toEqual([
      { month: '2026-01', cogsMinor: 1200, shippedMinor: 1500, returnedMinor: 300, shippedQty: 3, returnedQty: 1, consumedMinor: 50, writeOffMinor: 200, countLossMinor: 60, rtvMinor: 600 },
      { month: '2026-02', cogsMinor: -1000, shippedMinor: -1000, returnedMinor: 0, shippedQty: -2, returnedQty: 0, consumedMinor: 0, writeOffMinor: 0, countLossMinor: 0, rtvMinor: 0 },
    ]);
  });
});

describe('gross margin', () => {
  it('prices ship rows by their order line, half-up, and leaves unpriced rows out', () => {
    const lines: Pick<OrderLine, 'orderId' | 'lineKey' | 'unitPrice' | 'currency'>[] = [
      { orderId: '#1', lineKey: '1', unitPrice: 9.99, currency: 'EUR' },
      { orderId: '#1', lineKey: '2', unitPrice: 0.335, currency: '' },
      { orderId: '#2', lineKey: '1', unitPrice: null, currency: 'EUR' },
      { orderId: '#3', lineKey: '1', unitPrice: 20, currency: 'USD' },
    ];
    const prices = salePrices(lines, EUR);
    expect(Array.from(prices.keys())).toEqual(['#1#1', '#1#2']);
    const rows = [
      mv(1, { type: 'ship', sku: 'A', qty: -2, valueMinor: -1000, refId: '#1#1' }), // 2 x 9.99 = 19.98, cost 10.00
      mv(2, { type: 'ship', sku: 'B', qty: -3, valueMinor: -60, refId: '#1#2' }), // 3 x 0.335 = 1.005 -> 1.01 (half-up), cost 0.60
      mv(3, { type: 'ship', sku: 'A', qty: -1, valueMinor: -500, refId: '#2#1' }), // no price
      mv(4, { type: 'ship', sku: 'A', qty: -1, valueMinor: -500, refId: '#3#1' }), // USD: no price
      mv(5, { type: 'return', sku: 'A', qty: 1, valueMinor: 500, refId: '#1#1' }), // not a ship: ignored
    ];
    const m = grossMargin(rows, prices, EUR);
    expect(m.bySku).toEqual([
      { sku: 'A', qty: 2, revenueMinor: 1998, cogsMinor: 1000, marginMinor: 998, marginRate: 998 / 1998 },
      { sku: 'B', qty: 3, revenueMinor: 101, cogsMinor: 60, marginMinor: 41, marginRate: 41 / 101 },
    ]);
    // total: revenue 20.99, cost 10.60, margin 10.39
    expect(m.total).toMatchObject({ qty: 5, revenueMinor: 2099, cogsMinor: 1060, marginMinor: 1039 });
    expect(m.total.marginRate).toBeCloseTo(0.495, 3);
    expect([m.unpricedRows, m.unpricedCogsMinor]).toEqual([2, 1000]);
    // a plain record works too
    expect(grossMargin(rows.slice(0, 1), { '#1#1': 10 }, EUR).total.revenueMinor).toBe(2000);
  });
});

describe('turnover and days of inventory', () => {
  it('is COGS over the average of opening and closing value', () => {
    // COGS 1,200.00 in a year; opening 200.00, closing 400.00 -> average 300.00 -> 4 turns -> 365 / 4 = 91.25 days
    const t = turnover({ cogs: 120000, openingValue: 20000, closingValue: 40000 });
    expect(t).toBe(4);
    expect(daysOfInventory(t, 365)).toBe(91.25);
    expect(turnover({ cogs: 100, openingValue: 0, closingValue: 0 })).toBeNull();
    expect(daysOfInventory(0, 365)).toBeNull();
    expect(daysOfInventory(null, 365)).toBeNull();
  });

  it('per SKU from the ledger over a period', () => {
    const from = T('2026-01-01T00:00:00Z');
    const to = T('2027-01-01T00:00:00Z');
    const rows = [
      mv(1, { sku: 'A', type: 'receipt', qty: 100, valueMinor: 10000, time: T('2025-12-15T00:00:00Z') }), // opening 100.00
      mv(2, { sku: 'A', type: 'ship', qty: -60, valueMinor: -6000, time: T('2026-03-01T00:00:00Z') }),
      mv(3, { sku: 'A', type: 'return', qty: 5, valueMinor: 500, time: T('2026-04-01T00:00:00Z') }),
      mv(4, { sku: 'A', type: 'consume', qty: -5, valueMinor: -500, time: T('2026-04-02T00:00:00Z') }),
      mv(5, { sku: 'A', type: 'receipt', qty: 20, valueMinor: 2000, time: T('2026-05-01T00:00:00Z') }),
      mv(6, { sku: 'A', type: 'write_off', qty: -10, valueMinor: -1000, time: T('2026-06-01T00:00:00Z') }),
      mv(7, { sku: 'A', type: 'ship', qty: -10, valueMinor: -1000, time: T('2027-01-05T00:00:00Z') }), // after the period
      mv(8, { sku: 'B', type: 'receipt', qty: 1, valueMinor: 100, time: T('2026-02-01T00:00:00Z') }),
    ];
    // A: opening 100.00; consumption 60.00 - 5.00 + 5.00 = 60.00 (the write-off is not consumption);
    // closing 100 - 60 + 5 - 5 + 20 - 10 = 50.00; turnover 60 / ((100 + 50) / 2) = 0.8; 365 / 0.8 = 456.25 days
    const [a, b] = turnoverBySku(rows, from, to);
    expect(a).toEqual({ sku: 'A', openingValueMinor: 10000, closingValueMinor: 5000, cogsMinor: 6000, turnover: 0.8, daysOfInventory: 456.25 });
    // B: nothing consumed -> 0 turns, days undefined
    expect(b).toEqual({ sku: 'B', openingValueMinor: 0, closingValueMinor: 100, cogsMinor: 0, turnover: 0, daysOfInventory: null });
  });
});

describe('ABC classes', () => {
  it('ranks by value, ties by SKU, cumulative share including the item, the boundaries included', () => {
    // total 100.00: X 50% (cum 50%) A; Y 30% (cum exactly 80%) A; Z 10% (90%) B;
    // V and W tie at 5%: V first by SKU, cum exactly 95% -> B; W 100% -> C; U has none -> C
    const rows = abcClasses(new Map([['W', 500], ['U', 0], ['Z', 1000], ['X', 5000], ['V', 500], ['Y', 3000]]));
    expect(rows.map((r) => [r.sku, r.class, r.cumulativeShare])).toEqual([
      ['X', 'A', 0.5], ['Y', 'A', 0.8], ['Z', 'B', 0.9], ['V', 'B', 0.95], ['W', 'C', 1], ['U', 'C', 1],
    ]);
    expect(rows[1].share).toBe(0.3);
  });

  it('puts an item just past 80% in B and handles shares that are not round', () => {
    // 24 / 30 is exactly 80% -> A; 2400001 / 3000000 is just above -> B
    expect(abcClasses({ P: 24, Q: 6 }).map((r) => r.class)).toEqual(['A', 'C']);
    expect(abcClasses({ P: 2400001, Q: 599999 }).map((r) => r.class)).toEqual(['B', 'C']);
    // the first item alone above 80%: B even though it is the biggest (the rule is the cumulative share)
    expect(abcClasses({ P: 90, Q: 10 }).map((r) => r.class)).toEqual(['B', 'C']);
  });

  it('uses thresholds from Settings percentages, and puts zero or negative consumption in C', () => {
    const t = abcThresholds(50, 30); // A up to 50%, B up to 80%
    expect(t).toEqual({ a: 0.5, b: 0.8 });
    expect(abcClasses({ A1: 50, B1: 30, C1: 20, N: -5 }, t ?? undefined).map((r) => [r.sku, r.class, r.valueMinor])).toEqual([
      ['A1', 'A', 50], ['B1', 'B', 30], ['C1', 'C', 20], ['N', 'C', 0],
    ]);
    expect(abcThresholds(80, 15)?.b).toBe(0.95);
    expect(abcThresholds(90, 20)).toBeNull();
    expect(abcThresholds(0, 20)).toBeNull();
    expect(abcClasses({ A: 0, B: 0 }).map((r) => r.class)).toEqual(['C', 'C']);
  });

  it('takes its input from the consumption value per SKU', () => {
    const from = T('2026-01-01T00:00:00Z');
    const to = T('2027-01-01T00:00:00Z');
    const rows = [
      mv(1, { sku: 'A', type: 'ship', qty: -8, valueMinor: -800 }),
      mv(2, { sku: 'a', type: 'return', qty: 1, valueMinor: 100 }),
      mv(3, { sku: 'B', type: 'consume', qty: -3, valueMinor: -300 }),
      mv(4, { sku: 'C', type: 'write_off', qty: -9, valueMinor: -900 }), // not consumption
      mv(5, { sku: 'B', type: 'ship', qty: -1, valueMinor: -100, time: T('2025-12-31T23:59:59Z') }), // before the year
    ];
    const c = consumptionBySku(rows, from, to);
    // A 8.00 - 1.00 = 7.00 (70%: A), B 3.00 (cum 100%: C), C nothing (C)
    expect(Array.from(c.entries())).toEqual([['A', 700], ['B', 300], ['C', 0]]);
    expect(abcClasses(c).map((r) => [r.sku, r.class])).toEqual([['A', 'A'], ['B', 'C'], ['C', 'C']]);
  });
});

describe('dead stock', () => {
  it('lists on-hand SKUs with no flow for N days or more, oldest first', () => {
    const today = T('2026-03-01T09:00:00Z');
    const rows = [
      mv(1, { sku: 'A', type: 'receipt', time: T('2025-11-01T09:00:00Z') }), // 120 days
      mv(2, { sku: 'a', type: 'count', time: T('2026-02-20T09:00:00Z') }), // a count is not a flow
      mv(3, { sku: 'B', type: 'ship', time: T('2026-01-15T09:00:00Z') }), // 45 days
      mv(4, { sku: 'C', type: 'ship', time: T('2025-12-01T09:00:00Z') }), // exactly 90 days
      mv(5, { sku: 'C', type: 'pick', time: T('2026-02-01T09:00:00Z') }), // an internal move is not a flow
      mv(6, { sku: 'E', type: 'receipt', time: T('2025-01-01T09:00:00Z') }), // old, but nothing on hand
      mv(7, { sku: 'F', type: 'ship', time: T('2025-12-01T09:00:01Z') }), // one second short of 90 days
    ];
    const last = lastMovementBySku(rows);
    expect(last.get('A')).toBe(T('2025-11-01T09:00:00Z'));
    const onHand = { A: 5, B: 1, C: 2, D: 3, E: 0, F: 1 };
    expect(deadStock(last, today, 90, onHand)).toEqual([
      { sku: 'D', lastMovementAt: null, daysIdle: null }, // on hand, never a flow
      { sku: 'A', lastMovementAt: T('2025-11-01T09:00:00Z'), daysIdle: 120 },
      { sku: 'C', lastMovementAt: T('2025-12-01T09:00:00Z'), daysIdle: 90 },
    ]);
    // without on-hand figures every SKU with an old flow is listed, E included
    expect(deadStock(last, today, 90).map((r) => r.sku)).toEqual(['E', 'A', 'C']);
  });
});
