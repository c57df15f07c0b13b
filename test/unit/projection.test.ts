import { describe, expect, it } from 'vitest';
import { applyMovements, keyOf, project, statusOf, summarize } from '../../src/domain/projection';
import type { Item, Movement } from '../../src/domain/types';
import { movementId } from '../../src/domain/movement-id';

function mv(n: number, over: Partial<Movement>): Movement {
  return {
    movementId: movementId(n), requestId: 'r', time: 0, user: 'u', type: 'receipt', sku: 'A', bin: 'B1', state: 'available',
    lot: '', expiry: '', qty: 1, unitCost: 1, valueMinor: 100, refType: '', refId: '', externalRef: '', note: '', reverses: '', ...over,
  };
}

const item: Item = {
  sku: 'A', name: 'Jar', barcode: '', kind: 'product', unit: '', decimals: 0, defaultBin: '', supplier: '', leadTimeDays: null,
  leadTimeSdDays: null, unitCost: 1, safetyStock: null, reorderPoint: 5, reorderQty: null, minOrderQty: null, packSize: null,
  tracksExpiry: false, active: true,
};

describe('stock projection', () => {
  it('sums rows per sku, bin, state and lot, matching SKUs case-insensitively', () => {
    const levels = project([mv(1, { qty: 5, valueMinor: 500 }), mv(2, { sku: 'a', qty: 2, valueMinor: 200 }), mv(3, { bin: 'B2', qty: 1 })]);
    expect(levels.size).toBe(2);
    const l = levels.get(keyOf({ sku: 'A', bin: 'B1', state: 'available', lot: '' }));
    expect(l?.qty).toBe(7);
    expect(l?.valueMinor).toBe(700);
    expect(l?.appliedThrough).toBe('M00000002');
  });

  it('applies a row once: re-applying is harmless', () => {
    const rows = [mv(1, { qty: 5 }), mv(2, { qty: 3 })];
    const levels = project(rows);
    const changed = applyMovements(levels, rows);
    expect(changed.size).toBe(0);
    expect(levels.get(keyOf(rows[0]))?.qty).toBe(8);
  });

  it('keeps decimal sums clean', () => {
    const levels = project([mv(1, { qty: 0.1 }), mv(2, { qty: 0.2 })]);
    expect(levels.get(keyOf(mv(1, {})))?.qty).toBe(0.3);
  });

  it('derives status from ATS, inventory position and reorder point', () => {
    expect(statusOf(false, 10, 10, 5)).toBe('inactive');
    expect(statusOf(true, 0, 10, 5)).toBe('out');
    expect(statusOf(true, 5, 5, 5)).toBe('low');
    expect(statusOf(true, 6, 6, 5)).toBe('ok');
    expect(statusOf(true, 6, 6, null)).toBe('ok');
  });

  it('summarizes per SKU and clears alerted_at when the item recovers', () => {
    const levels = [...project([mv(1, { qty: 4 }), mv(2, { state: 'damaged', qty: 2 })]).values()];
    const low = summarize({ item, sku: 'A', levels, reserved: 1, incoming: 0, previousAlertedAt: 123, avgUnitCost: 1 });
    expect(low).toMatchObject({ onHand: 6, inAvailableState: 4, availableToSell: 3, inventoryPosition: 3, status: 'low', alertedAt: 123 });
    const ok = summarize({ item, sku: 'A', levels, reserved: 0, incoming: 10, previousAlertedAt: 123, avgUnitCost: 1 });
    expect(ok.status).toBe('ok');
    expect(ok.alertedAt).toBeNull();
  });
});
