/**
 * Cancelling a pick list nobody will walk: the list stops being open, its order lines are
 * released for another list, no stock moves (building moved none), and a retry is replayed.
 */
import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { EmulatorAbort } from '../../tools/emulator/index';

function withOrders(spreadsheetLocale = 'en_GB'): Sheet {
  const s = stocked({ spreadsheetLocale });
  okValue(s.run(() => api.addOrder({ requestId: 'o-a', orderId: '#A', orderDate: '2026-01-02', customerName: 'Élodie', country: 'FR', lines: [{ sku: 'SOAP-LAV', qty: 2 }, { sku: 'CREAM-50', qty: 1 }] })));
  okValue(s.run(() => api.addOrder({ requestId: 'o-b', orderId: '#B', orderDate: '2026-01-03', customerName: 'Ben', country: 'US', lines: [{ sku: 'SOAP-LAV', qty: 5 }] })));
  return s;
}

const orderLines = (s: Sheet) => s.table('orders').map((l) => [l.order_id, l.status, l.pick_list_id, l.tote, l.reserved]);

describe('cancelPickList', () => {
  it('releases the claimed lines for a new list, writes no ledger row, and replays a retry', () => {
    const s = withOrders();
    const before = orderLines(s);
    const summaryBefore = JSON.stringify(s.table('stock_summary').map((r) => [r.sku, r.on_hand, r.reserved, r.available_to_sell]));
    okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
    expect(orderLines(s).map((l) => l[1])).toEqual(['picking', 'picking', 'picking']);
    const ledger = JSON.stringify(s.table('ledger'));

    const r = s.run(() => api.cancelPickList({ requestId: 'x-1', pickListId: 'PL-00001' }));
    expect(okValue(r)).toEqual({ pickListId: 'PL-00001', replayed: false, released: 3, orders: 2 });
    expect(r.ok && r.changes.map((c) => [c.kind, c.message])).toEqual([
      ['pick_list_cancelled', 'Pick list PL-00001 cancelled: 3 order lines from 2 orders can go on another list.'],
    ]);
    // the order lines are as before the list claimed them; the list is no longer open
    expect(orderLines(s)).toEqual(before);
    expect(s.table('pick_lists').map((row) => row.status)).toEqual(['cancelled', 'cancelled']);
    expect(okValue(s.run(() => api.getOpenPickLists())).lists).toEqual([]);
    // nothing moved: the ledger and the reservations are untouched
    expect(JSON.stringify(s.table('ledger'))).toBe(ledger);
    expect(JSON.stringify(s.table('stock_summary').map((row) => [row.sku, row.on_hand, row.reserved, row.available_to_sell]))).toBe(summaryBefore);

    // a retry of the same submission changes nothing and says so
    const snapshot = s.snapshot();
    const again = s.run(() => api.cancelPickList({ requestId: 'x-1', pickListId: 'PL-00001' }));
    expect(okValue(again)).toEqual({ pickListId: 'PL-00001', replayed: true, released: 3, orders: 2 });
    expect(again.ok && again.changes.map((c) => c.kind)).toEqual(['replayed']);
    expect(s.snapshot()).toBe(snapshot);
    // the same id for another list is refused
    expect(codes(s.run(() => api.cancelPickList({ requestId: 'x-1', pickListId: 'PL-00009' })))).toEqual([['request_reused', 'requestId', undefined]]);

    // a second cancellation is refused with its code and writes nothing
    const twice = s.run(() => api.cancelPickList({ requestId: 'x-2', pickListId: 'PL-00001' }));
    expect(codes(twice)).toEqual([['pick_list_closed', 'pickListId', undefined]]);
    expect(!twice.ok && twice.errors[0].params).toEqual({ value: 'PL-00001', status: 'Cancelled' });
    expect(s.snapshot()).toBe(snapshot);

    // a retried build of the cancelled list claims nothing again
    expect(okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' }))).replayed).toBe(true);
    expect(orderLines(s)).toEqual(before);

    // the released orders go on a new list
    const next = okValue(s.run(() => api.buildPickList({ requestId: 'pl-2' })));
    expect(next.pickListId).toBe('PL-00002');
    expect(next.totes).toEqual([{ tote: 1, orderId: '#A' }, { tote: 2, orderId: '#B' }]);
    expect(orderLines(s).map((l) => [l[1], l[2]])).toEqual([['picking', 'PL-00002'], ['picking', 'PL-00002'], ['picking', 'PL-00002']]);
    expect(okValue(s.run(() => api.getOpenPickLists())).lists.map((l) => l.pickListId)).toEqual(['PL-00002']);
    expect(JSON.stringify(s.table('ledger'))).toBe(ledger);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('refuses an unknown or confirmed list, and a missing id, writing nothing', () => {
    const s = withOrders();
    okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
    okValue(s.run(() => api.confirmPick({ requestId: 'c-1', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 7 }, { seq: 2, picked: 1 }] })));
    const snapshot = s.snapshot();
    const unknown = s.run(() => api.cancelPickList({ requestId: 'x-1', pickListId: 'PL-00042' }));
    expect(codes(unknown)).toEqual([['unknown_pick_list', 'pickListId', undefined]]);
    expect(!unknown.ok && unknown.errors[0].params).toEqual({ value: 'PL-00042' });
    const confirmed = s.run(() => api.cancelPickList({ requestId: 'x-2', pickListId: 'PL-00001' }));
    expect(codes(confirmed)).toEqual([['pick_list_closed', 'pickListId', undefined]]);
    expect(!confirmed.ok && confirmed.errors[0].params).toEqual({ value: 'PL-00001', status: 'Confirmed' });
    expect(codes(s.run(() => api.cancelPickList({ requestId: 'x-3', pickListId: '' })))).toEqual([['required', 'pickListId', undefined]]);
    expect(codes(s.run(() => api.cancelPickList({ pickListId: 'PL-00001' })))).toEqual([['required', 'requestId', undefined]]);
    expect(s.snapshot()).toBe(snapshot);
  });

  it('says it in French', () => {
    const s = withOrders('fr_FR');
    okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
    const r = s.run(() => api.cancelPickList({ requestId: 'x-1', pickListId: 'PL-00001' }));
    expect(r.ok && r.changes[0].message).toBe('Liste de préparation PL-00001 annulée : 3 lignes de 2 commandes peuvent aller sur une autre liste.');
  });
  it('cut off after any service call, a retry finishes it: lines released, list cancelled, one log row', () => {
    const built = () => {
      const s = withOrders();
      okValue(s.run(() => api.buildPickList({ requestId: 'pl-1' })));
      return s;
    };
    const cancel = { requestId: 'x-1', pickListId: 'PL-00001' };
    const counted = built();
    const before = counted.emu.counters.snapshot();
    okValue(counted.run(() => api.cancelPickList(cancel)));
    const total = Object.values(counted.emu.counters.diff(before, counted.emu.counters.snapshot()).calls).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3);
    for (let k = 0; k < total; k++) {
      const s = built();
      expect(() => s.run(() => api.cancelPickList(cancel), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      const r = okValue(s.run(() => api.cancelPickList(cancel)));
      expect(r.pickListId, `abort after ${k}`).toBe('PL-00001');
      expect(orderLines(s).map((l) => [l[1], l[2], l[3]]), `abort after ${k}`).toEqual([['open', '', ''], ['open', '', ''], ['open', '', '']]);
      expect(s.table('pick_lists').every((r) => r.status === 'cancelled'), `abort after ${k}`).toBe(true);
      expect(s.table('log').filter((r) => r.event === 'cancel_pick_list'), `abort after ${k}`).toHaveLength(1);
    }
  });
});
