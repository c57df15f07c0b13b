import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { s10CheckDigit } from '../../src/domain/carriers/check-digits';

/** A Colissimo international number with a correct S10 check digit. */
const COLISSIMO = 'CB12345678' + s10CheckDigit('12345678') + 'FR';

function withOrders(): Sheet {
  const s = stocked();
  okValue(s.receive({ requestId: 'boxes', lines: [{ sku: 'BOX-S', qty: 50, unitCost: 0.18, bin: 'D-1-1', newItem: { name: 'Box S', kind: 'packaging' } }] }));
  okValue(s.run(() => api.addOrder({ requestId: 'o-a', orderId: '#A', orderDate: '2026-01-02', customerName: 'Élodie <b>', email: 'elodie@example.fr', country: 'FR', lines: [{ sku: 'SOAP-LAV', qty: 2 }, { sku: 'CREAM-50', qty: 1 }] })));
  okValue(s.run(() => api.addOrder({ requestId: 'o-b', orderId: '#B', orderDate: '2026-01-03', customerName: 'Ben', email: 'ben@example.com', country: 'US', lines: [{ sku: 'SOAP-LAV', qty: 30 }] })));
  return s;
}

const summary = (s: Sheet, sku: string) => s.table('stock_summary').find((r) => r.sku === sku) as Record<string, unknown>;

describe('orders reserve stock', () => {
  it('updates reserved and available to sell at once', () => {
    const s = withOrders();
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 24, reserved: 32, available_to_sell: -8, status: 'out' });
    expect(summary(s, 'CREAM-50')).toMatchObject({ reserved: 1, available_to_sell: 11 });
    const lines = s.table('orders');
    expect(lines.map((l) => [l.order_id, l.line_key, l.sku, l.qty, l.status, l.reserved, l.language])).toEqual([
      ['#A', '1', 'SOAP-LAV', 2, 'open', 2, 'fr'], ['#A', '2', 'CREAM-50', 1, 'open', 1, 'fr'], ['#B', '1', 'SOAP-LAV', 30, 'open', 30, ''],
    ]);
  });

  it('refuses a bad order with codes per field and line, writing nothing', () => {
    const s = withOrders();
    const before = s.snapshot();
    const r = s.run(() => api.addOrder({ requestId: 'bad', orderId: '#A', email: 'not-an-email', lines: [{ sku: 'NOPE', qty: 1 }, { sku: 'SOAP-LAV', qty: 0 }] }));
    expect(codes(r)).toEqual([['invalid_email', 'email', undefined], ['unknown_sku', 'sku', 1], ['not_positive', 'qty', 2]]);
    expect(codes(s.run(() => api.addOrder({ requestId: 'dup', orderId: '#A', lines: [{ sku: 'SOAP-LAV', qty: 1 }] })))).toEqual([['order_exists', 'orderId', undefined]]);
    expect(s.snapshot()).toBe(before);
  });

  it('a retried order is written once', () => {
    const s = withOrders();
    const again = okValue(s.run(() => api.addOrder({ requestId: 'o-a', orderId: '#A', lines: [{ sku: 'SOAP-LAV', qty: 2 }] })));
    expect(again).toMatchObject({ replayed: true, orderId: '#A' });
    expect(s.table('orders')).toHaveLength(3);
  });
});

describe('batch pick, pack, ship', () => {
  it('walks the racks once, FEFO, oldest order first, and never claims a line twice', () => {
    const s = withOrders();
    const list = okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
    expect(list.pickListId).toBe('PL-00001');
    expect(list.walk.map((w) => [w.seq, w.bin, w.sku, w.lot, w.qty, w.totes])).toEqual([
      [1, 'A-1-1', 'SOAP-LAV', '', 24, 'T1×2 T2×22'],
      [2, 'A-2-1', 'CREAM-50', 'EXP-2027-03-31', 1, 'T1×1'],
    ]);
    expect(list.totes).toEqual([{ tote: 1, orderId: '#A' }, { tote: 2, orderId: '#B' }]);
    expect(list.shortages.map((x) => [x.orderId, x.sku, x.missing])).toEqual([['#B', 'SOAP-LAV', 8]]);
    expect(s.table('orders').map((l) => [l.order_id, l.status, l.pick_list_id, l.tote])).toEqual([
      ['#A', 'picking', 'PL-00001', 1], ['#A', 'picking', 'PL-00001', 1], ['#B', 'picking', 'PL-00001', 2],
    ]);
    // nothing moved yet
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 24, in_available_state: 24 });
    expect(okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' }))).replayed).toBe(true);
    expect(codes(s.run(() => api.buildPickList({ requestId: 'pl-2' })))).toEqual([['nothing_to_pick', '', undefined]]);
    expect(new Set(s.table('pick_lists').map((r) => r.pick_list_id))).toEqual(new Set(['PL-00001']));
  });

  it('confirms a short pick, packs with packaging stock, ships with a tracking email in the customer language', () => {
    const s = withOrders();
    okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
    const over = s.run(() => api.confirmPick({ requestId: 'c-0', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 25 }, { seq: 2, picked: 1 }] }));
    expect(codes(over)).toEqual([['over_pick', 'picked', 1]]);
    const confirmed = s.run(() => api.confirmPick({ requestId: 'c-1', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 23 }, { seq: 2, picked: 1 }] }));
    expect(okValue(confirmed).short.map((x) => [x.seq, x.sku, x.missing])).toEqual([[1, 'SOAP-LAV', 1]]);
    expect(s.table('orders').map((l) => [l.order_id, l.sku, l.qty_picked, l.status, l.reserved, l.pick_list_id])).toEqual([
      ['#A', 'SOAP-LAV', 2, 'picked', 0, ''], ['#A', 'CREAM-50', 1, 'picked', 0, ''], ['#B', 'SOAP-LAV', 21, 'open', 9, ''],
    ]);
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 24, in_available_state: 1, reserved: 9, available_to_sell: -8 });
    expect(s.table('stock').filter((r) => r.state === 'picked').map((r) => [r.sku, r.qty])).toEqual([['SOAP-LAV', 23], ['CREAM-50', 1]]);
    expect(okValue(s.run(() => api.confirmPick({ requestId: 'c-1', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 23 }, { seq: 2, picked: 1 }] }))).replayed).toBe(true);
    expect(s.table('ledger').filter((m) => m.type === 'pick')).toHaveLength(6);

    const pack = okValue(s.run(() => api.packOrder({ requestId: 'p-a', orderId: '#A', packaging: [{ sku: 'BOX-S', qty: 1 }] })));
    expect(pack).toMatchObject({ packed: 3, packaging: [{ sku: 'BOX-S', qty: 1 }] });
    expect(summary(s, 'BOX-S')).toMatchObject({ on_hand: 49 });
    expect(codes(s.run(() => api.packOrder({ requestId: 'p-x', orderId: '#A', packaging: [{ sku: 'SOAP-LAV', qty: 1 }] })))).toEqual([['nothing_to_pack', 'orderId', undefined]]);

    const shipped = okValue(s.run(() => api.shipOrders({ requestId: 's-a', shipments: [{ orderId: '#A', trackingNumber: COLISSIMO }] })));
    expect(shipped.shipments[0]).toMatchObject({ orderId: '#A', carrier: 'Colissimo', trackingNumber: COLISSIMO, units: 3, cost: 8.55 });
    expect(shipped.shipments[0].trackingUrl).toContain(COLISSIMO);
    const ship = s.table('ledger').filter((m) => m.type === 'ship');
    expect(ship.map((m) => [m.sku, m.state, m.qty, m.value, m.external_ref])).toEqual([
      ['SOAP-LAV', 'packed', -2, -4.2, 'SH-00001'], ['CREAM-50', 'packed', -1, -4.35, 'SH-00001'],
    ]);
    expect(s.table('shipments')[0]).toMatchObject({ order_id: '#A', carrier: 'Colissimo', tracking_number: COLISSIMO, email: 'elodie@example.fr' });
    expect(s.table('orders').filter((l) => l.order_id === '#A').map((l) => [l.status, l.qty_shipped, l.shipment_id])).toEqual([['shipped', 2, 'SH-00001'], ['shipped', 1, 'SH-00001']]);

    expect(s.emu.mail).toHaveLength(1);
    const mail = s.emu.mail[0];
    expect(mail.to).toBe('elodie@example.fr');
    expect(mail.subject).toBe('Votre commande #A est expédiée');
    expect(mail.body).toContain(COLISSIMO);
    expect(mail.htmlBody).toContain('Élodie &lt;b&gt;');
    expect(mail.htmlBody).not.toContain('<b>');
    expect(s.table('shipments')[0].notified_at).not.toBe('');
    // a retry neither ships nor emails twice
    expect(okValue(s.run(() => api.shipOrders({ requestId: 's-a', shipments: [{ orderId: '#A', trackingNumber: COLISSIMO }] }))).replayed).toBe(true);
    expect(s.emu.mail).toHaveLength(1);
    expect(s.table('ledger').filter((m) => m.type === 'ship')).toHaveLength(2);
    expect(s.stockVersusProjection()).toEqual([]);
    expect(okValue(s.run(() => api.checkStock())).differences).toEqual([]);
  });

  it('ships a pasted list from an outsourced warehouse: good rows go, bad rows come back', () => {
    const s = withOrders();
    const r = okValue(s.run(() => api.shipOrders({ requestId: 'bulk', text: `order,carrier,tracking\n#A,UPS,1Z999AA10123456784\n#NOPE,UPS,1Z999AA10123456784\n#B,,\n` })));
    expect(r.shipments.map((x) => [x.orderId, x.carrier, x.units])).toEqual([['#A', 'UPS', 3]]);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[2, 'unknown_order'], [3, 'required']]);
    // shipped straight from available stock (never picked here), first-expired-first-out
    expect(s.table('orders').filter((l) => l.order_id === '#A').map((l) => [l.qty_picked, l.qty_shipped, l.status, l.reserved])).toEqual([[2, 2, 'shipped', 0], [1, 1, 'shipped', 0]]);
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 22, reserved: 30 });
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('cancels the unpicked part and puts picked goods back to available', () => {
    const s = withOrders();
    okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
    expect(codes(s.run(() => api.cancelOrder({ requestId: 'x-0', orderId: '#B' })))).toEqual([['on_pick_list', 'orderId', undefined]]);
    okValue(s.run(() => api.confirmPick({ requestId: 'c-1', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 24 }, { seq: 2, picked: 1 }] })));
    const c = okValue(s.run(() => api.cancelOrder({ requestId: 'x-1', orderId: '#B' })));
    expect(c).toMatchObject({ released: 8, returned: 22 });
    expect(s.table('orders').find((l) => l.order_id === '#B')).toMatchObject({ status: 'cancelled', qty_cancelled: 30, qty_picked: 0, reserved: 0 });
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 24, in_available_state: 22, reserved: 0, available_to_sell: 22 });
    expect(okValue(s.run(() => api.cancelOrder({ requestId: 'x-1', orderId: '#B' }))).replayed).toBe(true);
    expect(codes(s.run(() => api.cancelOrder({ requestId: 'x-2', orderId: '#B' })))).toEqual([['nothing_to_cancel', 'orderId', undefined]]);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('exports orders to ship as CSV with formula-leading cells neutralised', () => {
    const s = withOrders();
    okValue(s.run(() => api.addOrder({ requestId: 'o-c', orderId: '=HYPERLINK("x")', customerName: '+33 Bob', lines: [{ sku: 'CREAM-50', qty: 1 }] })));
    const out = okValue(s.run(() => api.exportReadyToShip()));
    expect(out.lines).toBe(4);
    expect(out.csv.split('\r\n')[0]).toBe('order_id,line,sku,item,qty,customer,email,country,shipping_method');
    expect(out.csv).toContain(`"'=HYPERLINK(""x"")",1,CREAM-50,Face cream,1,'+33 Bob`);
  });
});

describe('detectCarrier', () => {
  it('ranks candidates with check digits', () => {
    const s = stocked();
    const r = okValue(s.run(() => api.detectCarrier(' 1z999aa1 0123456784 ')));
    expect(r.candidates[0]).toMatchObject({ carrier: 'ups', checkDigitValid: true });
    expect(codes(s.run(() => api.detectCarrier('')))).toEqual([['tracking_required', 'trackingNumber', undefined]]);
  });
});

describe('cost of a pick list', () => {
  function pickListCalls(orders: number) {
    const s = stocked();
    const skus = Array.from({ length: 40 }, (_, i) => `P-${i}`);
    okValue(s.receive({ requestId: 'many', lines: skus.map((sku, i) => ({ sku, qty: 500, unitCost: 1, bin: `B-${i % 9}-${i % 4}`, newItem: { name: sku } })) }));
    const csv = ['order,line,sku,qty'];
    for (let o = 0; o < orders; o++) for (let l = 1; l <= 3; l++) csv.push(`#${o},${l},${skus[(o + l * 7) % 40]},1`);
    okValue(s.run(() => api.importOrders({ requestId: 'o', text: csv.join('\n'), source: 'generic', mapping: { orderId: 'order', lineId: 'line', sku: 'sku', qty: 'qty' } })));
    const before = s.emu.counters.snapshot();
    okValue(s.run(() => api.buildPickList({ requestId: 'pl' })));
    return s.emu.counters.diff(before, s.emu.counters.snapshot()).calls;
  }

  it('makes the same service calls for 10 and 60 orders', () => {
    expect(pickListCalls(60)).toEqual(pickListCalls(10));
  });
});

describe('orders typed into the Orders tab', () => {
  it('are taken on at the next write: valid lines reserve stock, invalid ones say why in their row', () => {
    const s = stocked();
    const sheet = s.sheetOf('orders');
    sheet.userEdit(3, 1, 'T-1');
    sheet.userEdit(3, 9, 'soap-lav');
    sheet.userEdit(3, 11, '3');
    sheet.userEdit(4, 1, 'T-2');
    sheet.userEdit(4, 9, 'NOPE');
    sheet.userEdit(4, 11, '1');
    const list = okValue(s.run(() => api.buildPickList({ requestId: 'pl' })));
    expect(list.walk.map((w) => [w.sku, w.qty])).toEqual([['SOAP-LAV', 3]]);
    const rows = s.table('orders');
    expect(rows[0]).toMatchObject({ order_id: 'T-1', sku: 'SOAP-LAV', line_key: '1', channel: 'manual', status: 'picking', reserved: 3, problem: '' });
    expect(rows[1]).toMatchObject({ order_id: 'T-2', status: '', problem: 'SKU or barcode: no item has the SKU or barcode "NOPE". Check it or create the item.' });
    expect(s.table('stock_summary').find((r) => r.sku === 'SOAP-LAV')).toMatchObject({ reserved: 3 });
  });
});
