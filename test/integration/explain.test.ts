import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { shipped } from '../support/returns-fixtures';

function busy(): Sheet {
  const s = shipped();
  okValue(s.receive({ requestId: 'more', supplierRef: 'INV-9', lines: [{ sku: 'SOAP-LAV', qty: 6, bin: 'A-1-1' }] }));
  okValue(s.run(() => api.moveStock({ requestId: 'm', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 2, toBin: 'B-1' }] })));
  okValue(s.run(() => api.createReturn({ requestId: 'r', orderId: '#A', lines: [{ lineKey: '1', qty: 1 }] })));
  okValue(s.run(() => api.inspectReturn({ requestId: 'i', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'restock', qty: 1 }] })));
  return s;
}

describe('explain this number', () => {
  it('lists the ledger rows of one stock row, newest first, with the balance after each and what each refers to', () => {
    const s = busy();
    const e = okValue(s.run(() => api.explainStock({ sku: 'soap-lav', bin: 'a-1-1' })));
    expect(e).toMatchObject({ sku: 'SOAP-LAV', name: 'Lavender soap', bin: 'A-1-1', state: 'available', qty: 26, page: 1, hasMore: false });
    expect(e.rows.map((r) => [r.type, r.qty, r.balanceAfter])).toEqual([
      ['inspect', 1, 26], ['move', -2, 25], ['receipt', 6, 27], ['ship', -3, 21], ['receipt', 24, 24],
    ]);
    expect(e.rows.map((r) => r.reference)).toEqual(['Return RMA-00001, line 1', '—', 'Reference INV-9', 'Order #A, line 1 SH-00001', '—']);
    expect(e.rows[0]).toMatchObject({ typeLabel: expect.any(String), time: '2026-01-05T09:00:00.000Z', value: 2.1 });
    // the rows add up to the Stock tab
    const stock = s.table('stock').find((r) => r.sku === 'SOAP-LAV' && r.bin === 'A-1-1' && r.state === 'available');
    expect(stock?.qty).toBe(26);
  });

  it('pages', () => {
    const s = busy();
    const p1 = okValue(s.run(() => api.explainStock({ sku: 'SOAP-LAV', bin: 'A-1-1', pageSize: 2 })));
    const p2 = okValue(s.run(() => api.explainStock({ sku: 'SOAP-LAV', bin: 'A-1-1', pageSize: 2, page: 2 })));
    const p3 = okValue(s.run(() => api.explainStock({ sku: 'SOAP-LAV', bin: 'A-1-1', pageSize: 2, page: 3 })));
    expect([p1, p2, p3].map((p) => [p.hasMore, p.rows.map((r) => r.balanceAfter)])).toEqual([[true, [26, 25]], [true, [27, 21]], [false, [24]]]);
    const q = okValue(s.run(() => api.explainStock({ sku: 'SOAP-LAV', bin: 'RETURNS', state: 'quarantine' })));
    expect(q.rows.map((r) => [r.type, r.qty, r.balanceAfter])).toEqual([['inspect', -1, 0], ['return', 1, 1]]);
    expect(codes(s.run(() => api.explainStock({ sku: 'NOPE', bin: 'A', state: 'lost', page: 0 })))).toEqual([
      ['invalid_choice', 'state', undefined], ['invalid_number', 'page', undefined],
    ]);
    expect(codes(s.run(() => api.explainStock({ sku: 'NOPE', bin: 'A' })))).toEqual([['unknown_sku', 'sku', undefined]]);
  });

  it('explains the Stock row under the selected cell', () => {
    const s = busy();
    const stock = s.table('stock');
    const row = stock.findIndex((r) => r.sku === 'CREAM-50' && r.state === 'available' && r.bin === 'A-2-1') + 3;
    const tab = s.sheetOf('stock');
    s.emu.book.setActive(tab.name, `F${row}`);
    const e = okValue(s.run(() => api.explainSelection({})));
    expect(e).toMatchObject({ sku: 'CREAM-50', bin: 'A-2-1', state: 'available', lot: 'EXP-2027-03-31', qty: 11 });
    expect(e.rows.map((r) => r.type)).toEqual(['ship', 'receipt']);
    s.emu.book.setActive(s.sheetOf('ledger').name, 'A3');
    expect(codes(s.run(() => api.explainSelection()))).toEqual([['not_stock_cell', '', undefined]]);
    s.emu.book.setActive(tab.name, 'A1');
    expect(codes(s.run(() => api.explainSelection()))).toEqual([['not_stock_cell', '', undefined]]);
  });
});

describe('cost of an action', () => {
  /** A ledger padded with receipts of another SKU, then the action measured. */
  function measure(padding: number, action: (s: Sheet) => void) {
    const s = shipped();
    for (let i = 0; i < padding; i += 200) {
      okValue(s.receive({ requestId: `pad-${i}`, lines: Array.from({ length: Math.min(200, padding - i) }, (_, k) => ({ sku: 'PAD', qty: 1, unitCost: 1, bin: `P-${k % 7}`, ...(i === 0 ? { newItem: { name: 'Pad' } } : {}) })) }));
    }
    const before = s.emu.counters.snapshot();
    action(s);
    const d = s.emu.counters.diff(before, s.emu.counters.snapshot());
    return { calls: d.calls, read: d.cellsRead, written: d.cellsWritten };
  }

  it('a return, an inspection, a void and an explanation cost the same with 10 or 1,000 other ledger rows', () => {
    const action = (s: Sheet) => {
      okValue(s.run(() => api.createReturn({ requestId: 'r', orderId: '#A', lines: [{ lineKey: '1', qty: 1 }] })));
      okValue(s.run(() => api.inspectReturn({ requestId: 'i', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'restock', qty: 1 }] })));
      okValue(s.run(() => api.moveStock({ requestId: 'm', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1, toBin: 'Z' }] })));
      okValue(s.run(() => api.explainStock({ sku: 'SOAP-LAV', bin: 'A-1-1' })));
    };
    const small = measure(10, action);
    const large = measure(1000, action);
    expect(large.calls).toEqual(small.calls);
    expect(large.written).toEqual(small.written);
    expect(large.read).toEqual(small.read);
  });

  it('a void of an old movement reads only the rows around it', () => {
    const s = stocked();
    const before = s.emu.counters.snapshot();
    okValue(s.run(() => api.voidMovement({ requestId: 'v', movementId: 'M00000001' })));
    expect(s.emu.counters.diff(before, s.emu.counters.snapshot()).cellsRead).toBeLessThan(400);
  });
});
