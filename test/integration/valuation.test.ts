import { describe, expect, it } from 'vitest';
import { api, okValue, Sheet } from '../support/harness';

/** Two receipts of SOAP at different costs, then shipments; the Settings method decides. */
function twoReceipts(method: 'fifo' | 'moving_average'): Sheet {
  const s = Sheet.setUp();
  s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'valuation_method') + 3, 2, method);
  okValue(s.receive({ requestId: 'r1', lines: [{ sku: 'SOAP', qty: 10, unitCost: 1, bin: 'A-1', newItem: { name: 'Soap' } }] }));
  okValue(s.receive({ requestId: 'r2', lines: [{ sku: 'SOAP', qty: 10, unitCost: 2, bin: 'A-2' }] }));
  return s;
}

function ship(s: Sheet, id: string, qty: number) {
  okValue(s.run(() => api.addOrder({ requestId: 'o' + id, orderId: id, lines: [{ sku: 'SOAP', qty }] })));
  return okValue(s.run(() => api.shipOrders({ requestId: 's' + id, shipments: [{ orderId: id, trackingNumber: '1Z999AA10123456784' }] })));
}

describe('valuation method', () => {
  it('FIFO takes the oldest layers first, and the stock value returns to exactly 0', () => {
    const s = twoReceipts('fifo');
    expect(ship(s, '#1', 15).shipments[0].cost).toBe(20); // 10 x 1.00 + 5 x 2.00
    expect(ship(s, '#2', 5).shipments[0].cost).toBe(10); // 5 x 2.00
    const summary = s.table('stock_summary')[0];
    expect(summary).toMatchObject({ on_hand: 0, value: 0 });
    const state = JSON.parse(String(s.table('valuation')[0].state));
    expect(state.fifo.layers).toEqual([]);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('moving average takes 15 at 1.50 and the rest exactly', () => {
    const s = twoReceipts('moving_average');
    expect(ship(s, '#1', 15).shipments[0].cost).toBe(22.5);
    expect(ship(s, '#2', 5).shipments[0].cost).toBe(7.5);
    expect(s.table('stock_summary')[0]).toMatchObject({ on_hand: 0, value: 0 });
  });

  it('is fixed by the first outbound movement: a later change in Settings does not apply', () => {
    const s = twoReceipts('fifo');
    ship(s, '#1', 5); // 5 x 1.00, locks FIFO
    s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'valuation_method') + 3, 2, 'moving_average');
    expect(ship(s, '#2', 10).shipments[0].cost).toBe(15); // still FIFO: 5 x 1.00 + 5 x 2.00
    expect(s.emu.documentProperties().valuation_method_locked).toBe('fifo');
  });

  it('FIFO set before any outbound builds its layers from receipts made under moving average', () => {
    const s = twoReceipts('moving_average');
    s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'valuation_method') + 3, 2, 'fifo');
    expect(ship(s, '#1', 12).shipments[0].cost).toBe(14); // 10 x 1.00 + 2 x 2.00
  });

  it('packaging consumed at packing follows the same method', () => {
    const s = twoReceipts('fifo');
    okValue(s.receive({ requestId: 'b1', lines: [{ sku: 'BOX', qty: 2, unitCost: 0.1, bin: 'D-1', newItem: { name: 'Box', kind: 'packaging' } }] }));
    okValue(s.receive({ requestId: 'b2', lines: [{ sku: 'BOX', qty: 2, unitCost: 0.3, bin: 'D-1' }] }));
    okValue(s.run(() => api.addOrder({ requestId: 'o', orderId: '#p', lines: [{ sku: 'SOAP', qty: 1 }] })));
    okValue(s.run(() => api.buildPickList({ requestId: 'pl' })));
    okValue(s.run(() => api.confirmPick({ requestId: 'c', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 1 }] })));
    okValue(s.run(() => api.packOrder({ requestId: 'p', orderId: '#p', packaging: [{ sku: 'BOX', qty: 3 }] })));
    const consume = s.table('ledger').find((m) => m.type === 'consume');
    expect(consume?.value).toBe(-0.5); // 2 x 0.10 + 1 x 0.30
  });
});

describe('FIFO layers', () => {
  it('are named by the receipt that made them, and a write-off takes the oldest', () => {
    const s = twoReceipts('fifo');
    const state = JSON.parse(String(s.table('valuation')[0].state));
    expect(state.fifo.layers.map((l: { receiptId: string; unitCost: number }) => [l.receiptId, l.unitCost])).toEqual([['M00000001', 1], ['M00000002', 2]]);
    okValue(s.run(() => api.writeOff({ requestId: 'w', reason: 'damaged', lines: [{ sku: 'SOAP', bin: 'A-1', state: 'available', qty: 1 }] })));
    const layersAfter = JSON.parse(String(s.table('valuation')[0].state)).fifo.layers;
    expect(layersAfter[0]).toMatchObject({ receiptId: 'M00000001', qty: 9 }); // the write-off took the oldest unit
  });
});

describe('returns under FIFO', () => {
  it('a restocked return comes back at the cost it left with; a return to vendor leaves at its receipt layer', () => {
    const s = Sheet.setUp();
    s.sheetOf('settings').userEdit(s.table('settings').findIndex((r) => r.key === 'valuation_method') + 3, 2, 'fifo');
    okValue(s.receive({ requestId: 'r1', lines: [{ sku: 'CREAM', qty: 2, unitCost: 4, bin: 'A-1', newItem: { name: 'Cream' } }] }));
    okValue(s.receive({ requestId: 'r2', lines: [{ sku: 'CREAM', qty: 2, unitCost: 6, bin: 'A-1' }] }));
    okValue(s.run(() => api.addOrder({ requestId: 'oA', orderId: '#A', lines: [{ sku: 'CREAM', qty: 1 }] })));
    // FIFO: 4.00 from the first receipt
    expect(okValue(s.run(() => api.shipOrders({ requestId: 'sA', shipments: [{ orderId: '#A', trackingNumber: '1Z999AA10123456784' }] }))).shipments[0].cost).toBe(4);
    okValue(s.run(() => api.createReturn({ requestId: 'rma', orderId: '#A', reason: 'wrong_item', lines: [{ lineKey: '1', qty: 1 }] })));
    const back = s.table('ledger').find((m) => m.type === 'return');
    expect(back).toMatchObject({ qty: 1, value: 4 });
    okValue(s.run(() => api.inspectReturn({ requestId: 'i1', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'rtv', qty: 1 }] })));
    okValue(s.run(() => api.inspectReturn({ requestId: 'i2', rmaId: 'RMA-00001', lines: [{ lineKey: '1', from: 'inspected', disposition: 'rtv', qty: 1, vendorRef: 'V-1' }] })));
    const rtv = s.table('ledger').find((m) => m.type === 'rtv') as Record<string, unknown>;
    // it references the latest receipt of the SKU (6.00 a unit) and leaves at that layer's cost
    expect(rtv).toMatchObject({ qty: -1, reverses: 'M00000002', value: -6 });
    const layers = JSON.parse(String(s.table('valuation')[0].state)).fifo.layers as { receiptId: string; qty: number; valueMinor: number }[];
    const summary = s.table('stock_summary')[0];
    expect(Number(summary.value) * 100).toBe(layers.reduce((a, l) => a + l.valueMinor, 0)); // no residue
    expect(s.stockVersusProjection()).toEqual([]);
  });
});
