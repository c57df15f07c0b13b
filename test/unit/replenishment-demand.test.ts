/**
 * Customer demand per day from ledger rows: ships (and packaging consumption) count,
 * returns that end in `available` net out on their day, voided rows count nothing, every
 * day of the window counts (quiet days are zeros), sd is the sample one (n - 1).
 */
import { describe, expect, it } from 'vitest';
import { dailyDemand, demandBySku, windowBefore, addDays, daysFrom } from '../../src/domain/replenishment';
import { movementId } from '../../src/domain/movement-id';
import type { Movement } from '../../src/domain/types';

let seq = 0;
function mv(day: string, hhmm: string, over: Partial<Movement>): Movement {
  seq += 1;
  return {
    movementId: movementId(seq), requestId: 'r', time: Date.parse(`${day}T${hhmm}:00Z`), user: 'u', type: 'ship', sku: 'A', bin: 'B1',
    state: 'packed', lot: '', expiry: '', qty: -1, unitCost: 1, valueMinor: -100, refType: 'order_line', refId: 'o1', externalRef: '',
    note: '', reverses: '', ...over,
  };
}

/** The sheet's zone is UTC+1 here (Europe/Paris in winter): 23:30Z is the next day. */
const dayOf = (ms: number) => new Date(ms + 3600000).toISOString().slice(0, 10);
const window7 = { fromDay: '2026-01-01', toDay: '2026-01-07', dayOf };

function ledger(): Movement[] {
  seq = 0;
  const rows = [
    mv('2025-12-31', '10:00', { qty: -40 }), // before the window
    mv('2026-01-01', '09:00', { qty: -3 }), // day 1: 3
    // day 2: nothing
    mv('2026-01-03', '09:00', { qty: -5 }), // day 3: 5 shipped ...
    mv('2026-01-03', '15:00', { type: 'return', state: 'available', qty: 1, refType: 'return' }), // ... 1 restocked -> 4
    mv('2026-01-04', '08:00', { type: 'return', state: 'quarantine', qty: 2, refType: 'return' }), // day 4: returned to quarantine: 0
    mv('2026-01-04', '10:00', { sku: 'a', qty: -2 }), // same SKU, other case: 2
    mv('2026-01-05', '09:00', { type: 'inspect', state: 'quarantine', qty: -2, refType: 'return' }), // day 5: inspection ...
    mv('2026-01-05', '09:00', { type: 'inspect', state: 'available', qty: 2, refType: 'return' }), // ... back to stock: -2
    mv('2026-01-05', '23:30', { qty: -6 }), // 23:30Z is 00:30 on day 6 in the sheet's zone: day 6
    mv('2026-01-06', '10:00', { qty: -10 }), // voided below
    mv('2026-01-06', '11:00', { type: 'receipt', state: 'available', qty: 50 }), // not demand
    mv('2026-01-07', '09:00', { type: 'consume', state: 'available', qty: -1, refType: 'order' }), // day 7: 1
    mv('2026-01-07', '10:00', { type: 'inspect', state: 'available', qty: 3, refType: 'qc' }), // not a return: ignored
    mv('2026-01-07', '11:00', { type: 'write_off', state: 'available', qty: -4 }), // a loss, not demand
    mv('2026-01-07', '12:00', { type: 'return', state: 'damaged', qty: 1, refType: 'return' }), // not restocked
    mv('2026-01-07', '22:59', { sku: 'B', qty: -7 }), // another SKU, day 7 (23:59 local)
    mv('2026-01-07', '23:00', { qty: -9 }), // 00:00 on the 8th local: after the window
  ];
  rows.push(mv('2026-01-09', '09:00', { type: 'reversal', state: 'packed', qty: 10, reverses: rows[9].movementId })); // voids the -10
  return rows;
}

describe('dailyDemand', () => {
  it('nets restocked returns on their day and counts every day of the window', () => {
    // days:  1  2  3  4   5  6  7
    // ship   3  0  5  2   0  6  1 (consume)  = 17
    // back   0  0  1  0   2  0  0            =  3
    // net    3  0  4  2  -2  6  1            = 14 -> mean 2
    // deviations 1 -2 2 0 -4 4 -1; squares 1 4 4 0 16 16 1 = 42; / (7 - 1) = 7 -> sd sqrt(7)
    const d = dailyDemand(ledger(), 'a', window7);
    expect(d.daily).toEqual([3, 0, 4, 2, -2, 6, 1]);
    expect(d).toMatchObject({ days: 7, shipped: 17, restocked: 3, total: 14, mean: 2, fromDay: '2026-01-01', toDay: '2026-01-07' });
    expect(d.sd).toBeCloseTo(Math.sqrt(7), 9); // n - 1; with n it would be sqrt(6)
  });

  it('gives zeros, mean 0 and sd 0 to a SKU without movement; null sd for a one-day window', () => {
    const d = dailyDemand(ledger(), 'NOPE', window7);
    expect(d).toMatchObject({ daily: [0, 0, 0, 0, 0, 0, 0], mean: 0, sd: 0, total: 0 });
    const one = dailyDemand(ledger(), 'A', { fromDay: '2026-01-03', toDay: '2026-01-03', dayOf });
    expect(one).toMatchObject({ daily: [4], mean: 4, sd: null });
  });

  it('counts a voided shipment only if its reversal is missing from the input', () => {
    const rows = ledger();
    const withoutReversal = rows.filter((m) => m.type !== 'reversal');
    expect(dailyDemand(withoutReversal, 'A', window7).daily[5]).toBe(16);
    expect(dailyDemand(rows, 'A', window7).daily[5]).toBe(6);
  });

  it('refuses a window that ends before it starts or a bad date', () => {
    expect(() => dailyDemand([], 'A', { fromDay: '2026-01-07', toDay: '2026-01-01', dayOf })).toThrow(RangeError);
    expect(() => dailyDemand([], 'A', { fromDay: '2026-02-30', toDay: '2026-03-01', dayOf })).toThrow(RangeError);
  });
});

describe('demandBySku', () => {
  it('computes every SKU in one pass, seeding SKUs without demand', () => {
    const map = demandBySku(ledger(), window7, ['A', 'C']);
    expect([...map.keys()].sort()).toEqual(['A', 'B', 'C']);
    expect(map.get('A')?.daily).toEqual(dailyDemand(ledger(), 'A', window7).daily);
    expect(map.get('B')).toMatchObject({ total: 7, daily: [0, 0, 0, 0, 0, 0, 7], mean: 1 });
    expect(map.get('B')?.sd).toBeCloseTo(Math.sqrt(7), 9); // deviations -1 x6, 6: 6 + 36 = 42; / 6
    expect(map.get('C')).toMatchObject({ total: 0, mean: 0, sd: 0 });
  });
});

describe('demand window', () => {
  it('takes the complete days before today, across month and year ends', () => {
    expect(windowBefore('2026-03-01', 90)).toEqual({ fromDay: '2025-12-01', toDay: '2026-02-28' });
    expect(daysFrom('2025-12-01', '2026-02-28')).toHaveLength(90);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(() => windowBefore('2026-03-01', 0)).toThrow(RangeError);
  });
});
