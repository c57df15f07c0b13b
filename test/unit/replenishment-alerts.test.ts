/**
 * The low-stock rule of DESIGN section 5: low when IP <= reorder point; the digest reports
 * low items whose alerted_at is empty and sets it; a write that makes the item no longer
 * low clears it; to order = round up to pack_size of max(min_order_qty, ROP + Q - IP).
 */
import { describe, expect, it } from 'vitest';
import {
  alertAfterWrite, buildDigest, expiringLots, groupBySupplier, isLow, newlyLow, nextAlertState, toOrder,
  type AlertState, type DigestLine,
} from '../../src/domain/replenishment';
import type { Item, StockLevel, StockSummary } from '../../src/domain/types';

describe('isLow and toOrder', () => {
  it('is low at or below the reorder point, never without one', () => {
    expect(isLow(9, 10)).toBe(true);
    expect(isLow(10, 10)).toBe(true);
    expect(isLow(11, 10)).toBe(false);
    expect(isLow(-5, null)).toBe(false);
  });

  it('orders ROP + Q - IP, raised to the minimum order quantity, rounded up to packs', () => {
    const base = { reorderPoint: 20, q: 50, inventoryPosition: 12, minOrderQty: null, packSize: null };
    expect(toOrder(base)).toBe(58); // 20 + 50 - 12
    expect(toOrder({ ...base, packSize: 12 })).toBe(60); // 58 -> 5 packs of 12
    expect(toOrder({ ...base, packSize: 12, minOrderQty: 100 })).toBe(108); // max(100, 58) = 100 -> 9 packs
    expect(toOrder({ ...base, minOrderQty: 100 })).toBe(100);
    expect(toOrder({ ...base, packSize: 29 })).toBe(58); // exactly 2 packs: no extra pack
    expect(toOrder({ ...base, inventoryPosition: -5, packSize: 12 })).toBe(84); // 75 -> 7 packs (oversold)
  });

  it('orders nothing when not low or when the need is 0', () => {
    const base = { reorderPoint: 20, q: 50, inventoryPosition: 21, minOrderQty: 100, packSize: 12 };
    expect(toOrder(base)).toBe(0); // IP above ROP: not low, the minimum order does not apply
    expect(toOrder({ ...base, inventoryPosition: 20, q: 0 })).toBe(0); // low, but ROP + 0 - IP = 0
    expect(toOrder({ ...base, reorderPoint: null })).toBe(0);
  });

  it('rounds up to the item unit when there is no pack size', () => {
    // 2.5 + 1.234 - 1.1 = 2.634 -> 2.64 at 2 decimals, 3 at 0
    expect(toOrder({ reorderPoint: 2.5, q: 1.234, inventoryPosition: 1.1, minOrderQty: null, packSize: null, decimals: 2 })).toBe(2.64);
    expect(toOrder({ reorderPoint: 2.5, q: 1.234, inventoryPosition: 1.1, minOrderQty: null, packSize: null })).toBe(3);
    // 0.1 + 0.2 style noise does not add a pack: 0.3 / 0.1 packs is 3 packs
    expect(toOrder({ reorderPoint: 0.2, q: 0.1, inventoryPosition: 0, minOrderQty: null, packSize: 0.1, decimals: 1 })).toBe(0.3);
    // 2.1 / 0.7 is 3.0000000000000004 in floating point: still 3 packs, not 4
    expect(toOrder({ reorderPoint: 2.1, q: null, inventoryPosition: 0, minOrderQty: null, packSize: 0.7, decimals: 1 })).toBe(2.1);
  });
});

describe('alert crossings over a sequence of days', () => {
  /**
   * Each day: stock writes (the IP after each), then the digest run. ROP = 10.
   * Returns the days on which the digest reports the item.
   */
  function simulate(days: number[][], opts: { writesClear: boolean } = { writesClear: true }): number[] {
    let state: AlertState = { alertedAt: null };
    let ip = 15;
    const alerts: number[] = [];
    days.forEach((writes, i) => {
      for (const w of writes) {
        ip = w;
        if (opts.writesClear) state = alertAfterWrite(state, { low: isLow(ip, 10) });
      }
      const runAt = Date.UTC(2026, 0, i + 1, 8);
      const next = nextAlertState(state, { low: isLow(ip, 10) }, runAt);
      if (next.alert) {
        alerts.push(i + 1);
        expect(next.alertedAt).toBe(runAt);
      }
      state = { alertedAt: next.alertedAt };
    });
    return alerts;
  }

  it('alerts once per crossing, clears on recovery, alerts again on the next crossing', () => {
    const days = [
      [], // day 1: IP 15, ok
      [9], // day 2: crosses -> alert
      [8], // day 3: still low -> nothing
      [7, 6], // day 4: still low -> nothing
      [20], // day 5: recovered -> cleared
      [10], // day 6: at the reorder point = low -> alert again
      [25, 5, 30], // day 7: recovers, dips, recovers between two runs -> nothing
      [7], // day 8: low -> alert
    ];
    expect(simulate(days)).toEqual([2, 6, 8]);
    expect(simulate(days, { writesClear: false })).toEqual([2, 6, 8]);
  });

  it('a dip that recovers between two runs sends nothing, even right after an alert', () => {
    expect(simulate([[9], [20, 3, 11], [12]])).toEqual([1]);
    // but a recovery and a new dip still low at the run is a new crossing
    expect(simulate([[9], [20, 3]])).toEqual([1, 2]);
  });

  it('writes never set alerted_at; only the digest does', () => {
    expect(alertAfterWrite({ alertedAt: null }, { low: true })).toEqual({ alertedAt: null });
    expect(alertAfterWrite({ alertedAt: 5 }, { low: true })).toEqual({ alertedAt: 5 });
    expect(alertAfterWrite({ alertedAt: 5 }, { low: false })).toEqual({ alertedAt: null });
    expect(nextAlertState({ alertedAt: 5 }, { low: true }, 9)).toEqual({ alertedAt: 5, alert: false });
  });
});

function summary(over: Partial<StockSummary>): StockSummary {
  return {
    sku: 'A', name: 'A', onHand: 10, inAvailableState: 10, reserved: 2, availableToSell: 8, incoming: 0, inventoryPosition: 8,
    reorderPoint: 10, status: 'low', valueMinor: 0, avgUnitCost: 1, alertedAt: null, appliedThrough: '', ...over,
  };
}

describe('newlyLow', () => {
  it('selects low items (IP <= ROP) whose alerted_at is empty', () => {
    const rows = [
      summary({ sku: 'NEW' }),
      summary({ sku: 'ALERTED', alertedAt: 123 }),
      summary({ sku: 'OK', inventoryPosition: 11, availableToSell: 11, status: 'ok' }),
      summary({ sku: 'OUT-LOW', availableToSell: 0, inventoryPosition: 4, status: 'out' }),
      summary({ sku: 'OUT-ORDERED', availableToSell: 0, incoming: 40, inventoryPosition: 40, status: 'out' }),
      summary({ sku: 'INACTIVE', status: 'inactive' }),
      summary({ sku: 'NO-ROP', reorderPoint: null, status: 'ok' }),
    ];
    expect(newlyLow(rows).map((s) => s.sku)).toEqual(['NEW', 'OUT-LOW']);
  });
});

function line(sku: string, supplier: string): DigestLine {
  return { sku, name: sku, supplier, onHand: 0, reserved: 0, availableToSell: 0, incoming: 0, reorderPoint: 1, toOrder: 1, daysOfCover: null };
}

describe('groupBySupplier', () => {
  it('groups case-insensitively, suppliers in order, items without supplier last, SKUs in natural order', () => {
    const groups = groupBySupplier([
      line('SKU-10', 'acme'), line('Z-1', ''), line('SKU-2', 'ACME '), line('B-1', 'Zeta'), line('C-1', 'Beta'), line('A-1', '  '),
    ]);
    expect(groups.map((g) => g.supplier)).toEqual(['ACME', 'Beta', 'Zeta', '']); // the spelling of the group's first SKU (SKU-2)
    expect(groups.map((g) => g.lines.map((l) => l.sku))).toEqual([['SKU-2', 'SKU-10'], ['C-1'], ['B-1'], ['A-1', 'Z-1']]);
  });
});

function level(over: Partial<StockLevel>): StockLevel {
  return { sku: 'A', bin: 'A-1', state: 'available', lot: 'L1', expiry: '', qty: 5, valueMinor: 0, appliedThrough: '', ...over };
}

describe('expiringLots', () => {
  it('lists lots with stock expiring within N days, expired ones first, by expiry', () => {
    const lots = expiringLots([
      level({ lot: 'L31', expiry: '2026-04-01' }), // 31 days: out
      level({ lot: 'L30', expiry: '2026-03-31' }), // 30 days: in
      level({ sku: 'B', lot: 'OLD', expiry: '2026-02-20', qty: 2 }), // expired 9 days ago: in
      level({ lot: 'EMPTY', expiry: '2026-03-05', qty: 0 }), // no stock: out
      level({ lot: 'NONE', expiry: '' }), // no expiry: out
      level({ sku: 'A', bin: 'A-10', lot: 'T', expiry: '2026-03-01' }), // today
      level({ sku: 'A', bin: 'A-2', lot: 'T', expiry: '2026-03-01' }),
    ], '2026-03-01', 30);
    expect(lots.map((l) => [l.sku, l.bin, l.lot, l.daysLeft])).toEqual([
      ['B', 'A-1', 'OLD', -9], ['A', 'A-2', 'T', 0], ['A', 'A-10', 'T', 0], ['A', 'A-1', 'L30', 30],
    ]);
    expect(expiringLots([level({ expiry: '2026-03-01', state: 'damaged' })], '2026-03-01', 0, ['available'])).toEqual([]);
    expect(() => expiringLots([], '2026-03-01', -1)).toThrow(RangeError);
  });
});

describe('buildDigest', () => {
  const item = (sku: string, supplier: string, over: Partial<Item> = {}): Item => ({
    sku, name: `Item ${sku}`, barcode: '', kind: 'product', unit: '', decimals: 0, defaultBin: '', supplier, leadTimeDays: 7,
    leadTimeSdDays: null, unitCost: 1, safetyStock: null, reorderPoint: null, reorderQty: null, minOrderQty: null, packSize: null,
    tracksExpiry: false, active: true, ...over,
  });

  it('reports newly low items by supplier with what to order and days of cover', () => {
    const items = new Map([
      ['JAR', item('JAR', 'Verre & Co', { packSize: 24, minOrderQty: 48 })],
      ['BOX-S', item('BOX-S', '', { packSize: 50 })],
      ['LID', item('LID', 'Verre & Co')],
    ]);
    const policies = new Map([
      ['JAR', { reorderPoint: 30, reorderQty: 40, meanDaily: 4 }],
      ['BOX-S', { reorderPoint: 20, reorderQty: 100, meanDaily: 5 }],
      ['LID', { reorderPoint: 30, reorderQty: 40, meanDaily: 4 }],
    ]);
    const digest = buildDigest({
      summaries: [
        summary({ sku: 'JAR', name: 'Jar', onHand: 14, reserved: 2, availableToSell: 12, incoming: 6, inventoryPosition: 18, reorderPoint: 30 }),
        summary({ sku: 'BOX-S', name: 'Box S', onHand: 10, reserved: 0, availableToSell: 10, incoming: 0, inventoryPosition: 10, reorderPoint: 20 }),
        summary({ sku: 'LID', alertedAt: 1, inventoryPosition: 5, reorderPoint: 30 }), // already alerted
      ],
      items, policies,
      levels: [level({ sku: 'JAR', lot: 'J1', expiry: '2026-03-10' })],
      today: '2026-03-01', expiryDays: 14,
    });
    // JAR: 30 + 40 - 18 = 52, max(48, 52) = 52 -> 3 packs of 24 = 72; cover 12 / 4 = 3
    // BOX-S: 20 + 100 - 10 = 110 -> 3 packs of 50 = 150; cover 10 / 5 = 2
    expect(digest.groups).toEqual([
      { supplier: 'Verre & Co', lines: [{ sku: 'JAR', name: 'Jar', supplier: 'Verre & Co', onHand: 14, reserved: 2, availableToSell: 12, incoming: 6, reorderPoint: 30, toOrder: 72, daysOfCover: 3 }] },
      { supplier: '', lines: [{ sku: 'BOX-S', name: 'Box S', supplier: '', onHand: 10, reserved: 0, availableToSell: 10, incoming: 0, reorderPoint: 20, toOrder: 150, daysOfCover: 2 }] },
    ]);
    expect(digest.alerted).toEqual(['JAR', 'BOX-S']);
    expect(digest.expiring.map((l) => [l.sku, l.lot, l.daysLeft])).toEqual([['JAR', 'J1', 9]]);
  });
});
