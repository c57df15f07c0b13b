import { describe, expect, it } from 'vitest';
import { api, codes, okValue, Sheet } from '../support/harness';

const DAY = 24 * 3600 * 1000;

/**
 * A shop selling 4 jars a day of JAR-1 (lead time 5 days, supplier Verre & Co, packs of 6)
 * for 10 days, plus a slow BOX-S (no supplier). Settings: 95% service, 10-day window.
 */
function shop(): Sheet {
  const s = Sheet.setUp({ now: '2026-03-01T08:00:00Z' });
  s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'demand_window_days') + 3, 2, '10');
  s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'alert_recipients') + 3, 2, 'amira@example.com, raj@example.com');
  okValue(s.receive({ requestId: 'r0', lines: [
    { sku: 'JAR-1', qty: 60, unitCost: 1.5, bin: 'A-1', newItem: { name: 'Jar 50 ml', supplier: 'Verre & Co' } },
    { sku: 'BOX-S', qty: 100, unitCost: 0.2, bin: 'D-1', newItem: { name: 'Box S', kind: 'packaging' } },
  ] }));
  const items = s.sheetOf('items');
  const row = s.table('items').findIndex((r) => r.sku === 'JAR-1') + 3;
  items.userEdit(row, 9, '5'); // lead_time_days
  items.userEdit(row, 16, '6'); // pack_size
  for (let d = 0; d < 10; d++) {
    s.emu.clock.advance(DAY);
    okValue(s.run(() => api.addOrder({ requestId: `o${d}`, orderId: `#${d}`, lines: [{ sku: 'JAR-1', qty: 4 }] })));
    okValue(s.run(() => api.shipOrders({ requestId: `s${d}`, shipments: [{ orderId: `#${d}`, trackingNumber: '1Z999AA10123456784' }] })));
  }
  s.emu.clock.advance(DAY);
  return s;
}

describe('replenishment', () => {
  it('computes demand, safety stock, reorder point and days of cover with the formula, and marks the item low', () => {
    const s = shop();
    expect(okValue(s.run(() => api.rebuildReplenishment())).rows).toBe(2);
    const jar = s.table('replenishment').find((r) => r.sku === 'JAR-1') as Record<string, unknown>;
    // 40 units over the 10-day window: mean 4/day, no variation -> safety stock 0, ROP = 4 x 5 = 20
    expect(jar).toMatchObject({ mean_daily: 4, sd_daily: 0, lead_time_days: 5, safety_stock: 0, reorder_point: 20, reorder_point_source: 'computed', days_of_cover: 5 });
    expect(String(jar.explain)).toContain('reorder point = d × L + safety stock = 4 × 5 + 0 = 20');
    // 20 left: inventory position 20 <= reorder point 20 -> low
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')).toMatchObject({ on_hand: 20, reorder_point: 20, status: 'low' });
  });

  it('emails one digest grouped by supplier, once per crossing, and again after a recovery and a new crossing', () => {
    const s = shop();
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    expect(s.emu.mail).toHaveLength(1);
    const mail = s.emu.mail[0];
    expect(mail.to).toBe('amira@example.com,raj@example.com');
    expect(mail.subject).toBe('Stock to reorder: 1 items');
    expect(mail.body).toContain('Verre & Co');
    expect(mail.htmlBody).toContain('Verre &amp; Co');
    expect(mail.body).toMatch(/JAR-1 \| Jar 50 ml \| 20 \| 0 \| 20 \| 0 \| 20 \|/);
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')?.alerted_at).not.toBe('');
    // next hour: still low, nothing new
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    expect(s.emu.mail).toHaveLength(1);
    // a receipt brings it back up: the stamp clears; selling down again alerts again
    okValue(s.receive({ requestId: 'back', lines: [{ sku: 'JAR-1', qty: 30 }] }));
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')).toMatchObject({ status: 'ok', alerted_at: '' });
    okValue(s.run(() => api.addOrder({ requestId: 'big', orderId: '#big', lines: [{ sku: 'JAR-1', qty: 31 }] })));
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    expect(s.emu.mail).toHaveLength(2);
  });

  it('makes draft purchase orders per supplier in pack sizes; sent lines count as incoming; receipts against the PO complete it', () => {
    const s = shop();
    const items = s.sheetOf('items');
    items.userEdit(s.table('items').findIndex((r) => r.sku === 'JAR-1') + 3, 14, '25'); // reorder_qty
    const created = okValue(s.run(() => api.createPurchaseOrders({ requestId: 'po-1' })));
    expect(created.orders.map((o) => [o.poId, o.supplier, o.status, o.lines.map((l) => [l.sku, l.qty])])).toEqual([
      ['PO-00001', 'Verre & Co', 'draft', [['JAR-1', 30]]], // 20 + 25 - 20 = 25 -> 30 in packs of 6
    ]);
    expect(okValue(s.run(() => api.createPurchaseOrders({ requestId: 'po-1' }))).replayed).toBe(true);
    expect(codes(s.run(() => api.receive({ requestId: 'early', poId: 'PO-00001', lines: [{ sku: 'JAR-1', qty: 10 }] })))).toEqual([['po_status', 'poId', undefined]]);
    okValue(s.run(() => api.updatePurchaseOrder({ requestId: 'u1', poId: 'PO-00001', status: 'sent', lines: [{ sku: 'JAR-1', expectedDate: '2026-03-20' }] })));
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')).toMatchObject({ incoming: 30, inventory_position: 50, status: 'ok' });
    expect(codes(s.run(() => api.updatePurchaseOrder({ requestId: 'u2', poId: 'PO-00001', status: 'draft' })))).toEqual([['po_status', 'status', undefined]]);
    okValue(s.run(() => api.receive({ requestId: 'part', poId: 'PO-00001', lines: [{ sku: 'JAR-1', qty: 12 }] })));
    expect(s.table('purchase_orders')[0]).toMatchObject({ qty_received: 12, status: 'sent' });
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')).toMatchObject({ on_hand: 32, incoming: 18 });
    expect(okValue(s.run(() => api.receive({ requestId: 'part', poId: 'PO-00001', lines: [{ sku: 'JAR-1', qty: 12 }] }))).replayed).toBe(true);
    expect(s.table('purchase_orders')[0].qty_received).toBe(12);
    okValue(s.run(() => api.receive({ requestId: 'rest', poId: 'PO-00001', lines: [{ sku: 'JAR-1', qty: 18 }] })));
    expect(s.table('purchase_orders')[0]).toMatchObject({ qty_received: 30, status: 'received' });
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')).toMatchObject({ on_hand: 50, incoming: 0 });
    expect(s.table('ledger').filter((m) => m.ref_type === 'po').map((m) => m.ref_id)).toEqual(['PO-00001', 'PO-00001']);
    expect(s.stockVersusProjection()).toEqual([]);

    // the last receipt was a mistake: voiding it takes it off the PO, which is open again and incoming again
    const last = s.table('ledger').filter((m) => m.ref_type === 'po').at(-1) as Record<string, unknown>;
    const voided = s.run(() => api.voidMovement({ requestId: 'v1', movementId: last.movement_id }));
    expect(okValue(voided).voided).toEqual([last.movement_id]);
    expect(voided.ok && voided.changes.map((c) => c.message)).toContain('PO-00001: JAR-1 received 12 (12 of 30).');
    expect(s.table('purchase_orders')[0]).toMatchObject({ qty_received: 12, status: 'confirmed' });
    expect(s.table('stock_summary').find((r) => r.sku === 'JAR-1')).toMatchObject({ on_hand: 32, incoming: 18 });
    expect(okValue(s.run(() => api.voidMovement({ requestId: 'v1', movementId: last.movement_id }))).replayed).toBe(true);
    expect(s.table('purchase_orders')[0].qty_received).toBe(12);
    okValue(s.run(() => api.receive({ requestId: 'again', poId: 'PO-00001', lines: [{ sku: 'JAR-1', qty: 18 }] })));
    expect(s.table('purchase_orders')[0]).toMatchObject({ qty_received: 30, status: 'received' });
    expect(s.stockVersusProjection()).toEqual([]);
  });
});
