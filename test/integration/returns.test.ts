import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { shipped, UPS } from '../support/returns-fixtures';

const rma = { requestId: 'r-1', orderId: '#A', reason: 'damaged_in_transit', note: 'box crushed', lines: [{ lineKey: '1', qty: 2 }, { lineKey: '2', qty: 1, reason: 'wrong_item' }] };
const ledger = (s: Sheet) => s.table('ledger');
const summary = (s: Sheet, sku: string) => s.table('stock_summary').find((r) => r.sku === sku) as Record<string, unknown>;

describe('finding what can come back', () => {
  it('finds an order by id, tracking number or customer, with what each line can still return', () => {
    const s = shipped();
    const byId = okValue(s.run(() => api.findReturnable({ query: '#a' })));
    expect(byId).toMatchObject({ matchedBy: 'order', returnsBin: 'RETURNS' });
    expect(byId.orders[0].lines.map((l) => [l.lineKey, l.sku, l.qtyShipped, l.returnable])).toEqual([['1', 'SOAP-LAV', 3, 3], ['2', 'CREAM-50', 1, 1]]);
    expect(byId.orders[0].shipments[0]).toMatchObject({ trackingNumber: UPS, carrier: 'UPS' });
    expect(byId.reasons.map((r) => r.code)).toEqual(['damaged_in_transit', 'wrong_item', 'not_as_described', 'changed_mind', 'other']);
    expect(okValue(s.run(() => api.findReturnable({ query: '1Z999 AA1 0123456784' }))).matchedBy).toBe('tracking');
    expect(okValue(s.run(() => api.findReturnable({ query: 'martin' }))).orders.map((o) => o.orderId)).toEqual(['#A']);
    expect(okValue(s.run(() => api.findReturnable({ query: 'nobody' }))).orders).toEqual([]);
    expect(codes(s.run(() => api.findReturnable({ query: ' ' })))).toEqual([['required', 'query', undefined]]);
    okValue(s.run(() => api.createReturn(rma)));
    const after = okValue(s.run(() => api.findReturnable({ query: '#A' })));
    expect(after.orders[0].lines.map((l) => [l.qtyReturned, l.returnable])).toEqual([[2, 1], [1, 0]]);
    expect(after.orders[0].rmaIds).toEqual(['RMA-00001']);
    // the RMA as the inspection form needs it, also found by its id
    const byRma = okValue(s.run(() => api.findReturnable({ query: 'rma-00001' })));
    expect(byRma.matchedBy).toBe('rma');
    expect(byRma.returns).toEqual(after.returns);
    expect(byRma.returns[0].lines.map((l) => [l.lineKey, l.sku, l.reason, l.rows.map((r) => [r.status, r.statusLabel, r.bin, r.qty])])).toEqual([
      ['1', 'SOAP-LAV', 'damaged_in_transit', [['received', 'Received, to inspect', 'RETURNS', 2]]],
      ['2', 'CREAM-50', 'wrong_item', [['received', 'Received, to inspect', 'RETURNS', 1]]],
    ]);
    expect(byRma.dispositions.map((d) => d.code)).toEqual(['restock', 'repair', 'defective', 'rtv', 'write_off']);
  });
});

describe('a return (RMA)', () => {
  it('takes goods back into quarantine at the returns bin, at the cost they left with, reversing the ship rows', () => {
    const s = shipped();
    const ships = ledger(s).filter((m) => m.type === 'ship');
    const r = okValue(s.run(() => api.createReturn(rma)));
    expect(r).toMatchObject({ rmaId: 'RMA-00001', orderId: '#A', bin: 'RETURNS', replayed: false });
    expect(r.lines.map((l) => [l.lineKey, l.sku, l.qty, l.reason, l.value])).toEqual([['1', 'SOAP-LAV', 2, 'damaged_in_transit', 4.2], ['2', 'CREAM-50', 1, 'wrong_item', 4.35]]);
    const back = ledger(s).filter((m) => m.type === 'return');
    expect(back.map((m) => [m.sku, m.bin, m.state, m.lot, m.qty, m.value, m.ref_type, m.ref_id, m.external_ref, m.reverses])).toEqual([
      ['SOAP-LAV', 'RETURNS', 'quarantine', '', 2, 4.2, 'return', 'RMA-00001#1', '#A#1', ships[0].movement_id],
      ['CREAM-50', 'RETURNS', 'quarantine', 'EXP-2027-03-31', 1, 4.35, 'return', 'RMA-00001#2', '#A#2', ships[1].movement_id],
    ]);
    expect(s.table('returns').map((x) => [x.rma_id, x.order_id, x.line_key, x.shipment_id, x.sku, x.qty, x.reason, x.note, x.status, x.bin])).toEqual([
      ['RMA-00001', '#A', '1', 'SH-00001', 'SOAP-LAV', 2, 'damaged_in_transit', 'box crushed', 'received', 'RETURNS'],
      ['RMA-00001', '#A', '2', 'SH-00001', 'CREAM-50', 1, 'wrong_item', 'box crushed', 'received', 'RETURNS'],
    ]);
    expect(s.table('orders').map((l) => [l.line_key, l.qty_shipped, l.qty_returned])).toEqual([['1', 3, 2], ['2', 1, 1]]);
    // quarantine is on hand, not available to sell
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 23, in_available_state: 21 });
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('refuses more than shipped minus already returned, a bad reason, an unknown line: naming field and line, writing nothing', () => {
    const s = shipped();
    okValue(s.run(() => api.createReturn(rma)));
    const before = s.snapshot();
    const r = s.run(() => api.createReturn({ requestId: 'r-2', orderId: '#A', lines: [{ lineKey: '1', qty: 2 }, { lineKey: '9', qty: 1 }, { lineKey: '2', qty: 1, reason: 'bored' }] }));
    expect(codes(r)).toEqual([['over_return', 'qty', 1], ['unknown_line', 'lineKey', 2], ['invalid_choice', 'reason', 3], ['over_return', 'qty', 3]]);
    expect(!r.ok && r.errors[0].message).toBe('Line 1, quantity: 2 of SOAP-LAV is more than can come back: 1 shipped and not returned yet.');
    expect(codes(s.run(() => api.createReturn({ requestId: 'r-3', orderId: '#NOPE', lines: [{ lineKey: '1', qty: 1 }] })))).toEqual([['unknown_order', 'orderId', undefined]]);
    expect(codes(s.run(() => api.createReturn({ requestId: 'r-4', orderId: '#A', lines: [] })))).toEqual([['no_lines', 'lines', undefined]]);
    expect(s.snapshot()).toBe(before);
  });

  it('is written once for a retried request, and refuses the same request id with other lines', () => {
    const s = shipped();
    okValue(s.run(() => api.createReturn(rma)));
    const again = okValue(s.run(() => api.createReturn(rma)));
    expect(again).toMatchObject({ rmaId: 'RMA-00001', replayed: true });
    expect(ledger(s).filter((m) => m.type === 'return')).toHaveLength(2);
    expect(s.table('returns')).toHaveLength(2);
    expect(codes(s.run(() => api.createReturn({ ...rma, lines: [{ lineKey: '1', qty: 1 }] })))).toEqual([['request_reused', 'requestId', undefined]]);
  });

  it('takes back goods without an order at the current cost, with the lot an expiry-tracked item needs', () => {
    const s = shipped();
    const r = okValue(s.run(() => api.createReturn({ requestId: 'r-n', reason: 'other', lines: [{ sku: 'soap-lav', qty: 1 }, { sku: 'CREAM-50', qty: 2, expiry: '2027-03-31' }] })));
    expect(r.lines.map((l) => [l.lineKey, l.sku, l.value])).toEqual([['1', 'SOAP-LAV', 2.1], ['2', 'CREAM-50', 8.7]]);
    expect(ledger(s).filter((m) => m.type === 'return').map((m) => [m.lot, m.reverses, m.external_ref])).toEqual([['', '', ''], ['EXP-2027-03-31', '', '']]);
    expect(codes(s.run(() => api.createReturn({ requestId: 'r-x', lines: [{ sku: 'CREAM-50', qty: 1 }, { sku: 'NOPE', qty: 1 }] })))).toEqual([['expiry_required', 'expiry', 1], ['unknown_sku', 'sku', 2]]);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('brings 3 units shipped for 10.00 back at 3.33, 3.33 and 3.34 across returns', () => {
    const s = stocked();
    okValue(s.receive({ requestId: 'odd', lines: [{ sku: 'ODD', qty: 3, unitCost: 10 / 3, bin: 'C-1', newItem: { name: 'Odd' } }] }));
    okValue(s.run(() => api.addOrder({ requestId: 'o', orderId: '#O', lines: [{ sku: 'ODD', qty: 3 }] })));
    okValue(s.run(() => api.shipOrders({ requestId: 's', shipments: [{ orderId: '#O', trackingNumber: UPS }] })));
    const values = [1, 2, 3].map((i) => okValue(s.run(() => api.createReturn({ requestId: `r${i}`, orderId: '#O', lines: [{ lineKey: '1', qty: 1 }] }))).lines[0].value);
    expect(values).toEqual([3.33, 3.33, 3.34]);
    expect(summary(s, 'ODD')).toMatchObject({ on_hand: 3, value: 10 });
  });
});

describe('inspection and dispositions', () => {
  function received(): Sheet {
    const s = shipped();
    okValue(s.run(() => api.createReturn(rma)));
    return s;
  }

  it('splits a line across dispositions; the Returns tab shows each part', () => {
    const s = received();
    const r = okValue(s.run(() => api.inspectReturn({
      requestId: 'i-1', rmaId: 'RMA-00001',
      lines: [{ lineKey: '1', disposition: 'restock', qty: 1 }, { lineKey: '1', disposition: 'repair', qty: 1 }, { lineKey: '2', disposition: 'rtv', qty: 1 }],
    })));
    expect(r.lines.map((l) => [l.lineKey, l.from, l.disposition, l.qty, l.bin])).toEqual([['1', 'received', 'restock', 1, 'A-1-1'], ['1', 'received', 'repair', 1, 'RETURNS'], ['2', 'received', 'rtv', 1, 'RETURNS']]);
    expect(r.statuses.map((x) => [x.lineKey, x.rows.map((v) => [v.status, v.bin, v.qty])])).toEqual([
      ['1', [['repair', 'RETURNS', 1], ['restocked', 'A-1-1', 1]]],
      ['2', [['inspected', 'RETURNS', 1]]],
    ]);
    expect(s.table('returns').map((x) => [x.line_key, x.status, x.disposition, x.bin, x.qty])).toEqual([
      ['1', 'repair', 'repair', 'RETURNS', 1], ['2', 'inspected', 'rtv', 'RETURNS', 1], ['1', 'restocked', 'restock', 'A-1-1', 1],
    ]);
    // the restocked unit carries the cost it came back with
    const restock = ledger(s).filter((m) => m.type === 'inspect' && m.state === 'available');
    expect(restock.map((m) => [m.sku, m.bin, m.qty, m.value])).toEqual([['SOAP-LAV', 'A-1-1', 1, 2.1]]);
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 23, in_available_state: 22 });

    // later: the repair fails (damaged), the RTV goes back to the vendor, referencing its receipt
    const later = okValue(s.run(() => api.inspectReturn({
      requestId: 'i-2', rmaId: 'RMA-00001',
      lines: [{ lineKey: '1', from: 'repair', disposition: 'defective', qty: 1, bin: 'Q-1' }, { lineKey: '2', from: 'inspected', disposition: 'rtv', qty: 1, vendorRef: 'VRMA-77' }],
    })));
    expect(later.statuses.map((x) => [x.lineKey, x.rows.map((v) => [v.status, v.qty])])).toEqual([['1', [['restocked', 1], ['damaged', 1]]], ['2', [['rtv', 1]]]]);
    const rtv = ledger(s).find((m) => m.type === 'rtv') as Record<string, unknown>;
    expect(rtv).toMatchObject({ sku: 'CREAM-50', state: 'rtv', qty: -1, value: -4.35, reverses: 'M00000002', external_ref: 'VRMA-77', ref_id: 'RMA-00001#2' });
    expect(s.table('returns').map((x) => [x.line_key, x.status, x.bin, x.qty])).toEqual([
      ['1', 'damaged', 'Q-1', 1], ['2', 'rtv', '', 1], ['1', 'restocked', 'A-1-1', 1],
    ]);
    expect(s.stockVersusProjection()).toEqual([]);
    expect(okValue(s.run(() => api.checkStock())).differences).toEqual([]);
  });

  it('writes off part of a line with a reason; refuses more than the line holds and dispositions its status does not allow', () => {
    const s = received();
    const before = s.snapshot();
    const bad = s.run(() => api.inspectReturn({
      requestId: 'i-x', rmaId: 'RMA-00001',
      lines: [{ lineKey: '1', disposition: 'restock', qty: 3 }, { lineKey: '2', from: 'repair', disposition: 'repair', qty: 1 }, { lineKey: '7', disposition: 'restock', qty: 1 }, { lineKey: '2', disposition: 'sell', qty: 1 }],
    }));
    expect(codes(bad)).toEqual([
      ['over_inspect', 'qty', 1], ['disposition_not_allowed', 'disposition', 2], ['over_inspect', 'qty', 2], ['unknown_line', 'lineKey', 3], ['invalid_choice', 'disposition', 4],
    ]);
    expect(codes(s.run(() => api.inspectReturn({ requestId: 'i-y', rmaId: 'RMA-9', lines: [{ lineKey: '1', disposition: 'restock', qty: 1 }] })))).toEqual([['unknown_return', 'rmaId', undefined]]);
    expect(s.snapshot()).toBe(before);
    const r = okValue(s.run(() => api.inspectReturn({ requestId: 'i-w', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'write_off', qty: 2, reason: 'damaged', note: 'leaking' }] })));
    expect(r.statuses[0].rows).toEqual([{ status: 'written_off', bin: '', qty: 2 }]);
    expect(ledger(s).find((m) => m.type === 'write_off')).toMatchObject({ qty: -2, value: -4.2, note: 'damaged: leaking', ref_id: 'RMA-00001#1' });
    expect(okValue(s.run(() => api.inspectReturn({ requestId: 'i-w', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'write_off', qty: 2 }] }))).replayed).toBe(true);
    expect(ledger(s).filter((m) => m.type === 'write_off')).toHaveLength(1);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('records the credit note with its tax, and the order shows the refund total', () => {
    const s = received();
    const cn = okValue(s.run(() => api.recordCreditNote({ requestId: 'cn-1', rmaId: 'RMA-00001', reference: 'AV-2026-001', amount: '12,00', taxRate: '20%' })));
    expect(cn).toMatchObject({ reference: 'AV-2026-001', amount: 12, taxRate: 20, taxAmount: 2, refundTotal: 12 });
    expect(s.table('returns').map((x) => [x.credit_note_ref, x.refund_amount, x.tax_rate, x.tax_amount])).toEqual([['AV-2026-001', 12, 20, 2], ['AV-2026-001', '', '', '']]);
    expect(s.table('orders').map((l) => l.refund_total)).toEqual([12, '']);
    // GST given as an amount; a second RMA on the same order adds to the order's refunds
    okValue(s.run(() => api.createReturn({ requestId: 'r-2', orderId: '#A', lines: [{ lineKey: '1', qty: 1 }] })));
    okValue(s.run(() => api.recordCreditNote({ requestId: 'cn-2', rmaId: 'RMA-00002', reference: 'CN-9', amount: 5.9, taxAmount: 0.9 })));
    expect(s.table('orders')[0].refund_total).toBe(17.9);
    expect(codes(s.run(() => api.recordCreditNote({ requestId: 'cn-3', rmaId: 'RMA-00001', reference: '', amount: -1, taxRate: 300 })))).toEqual([
      ['required', 'reference', undefined], ['negative', 'amount', undefined], ['too_large', 'taxRate', undefined],
    ]);
    expect(codes(s.run(() => api.recordCreditNote({ requestId: 'cn-4', rmaId: 'RMA-404', reference: 'X', amount: 1 })))).toEqual([['unknown_return', 'rmaId', undefined]]);
  });
});
