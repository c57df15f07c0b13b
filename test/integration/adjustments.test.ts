import { describe, expect, it } from 'vitest';
import { api, codes, okValue, stocked, type Sheet } from '../support/harness';
import { negativeStock, shipped } from '../support/returns-fixtures';

const level = (s: Sheet, sku: string, bin: string, state: string, lot = '') =>
  s.table('stock').find((r) => r.sku === sku && r.bin === bin && r.state === state && r.lot === lot) as Record<string, unknown> | undefined;
const summary = (s: Sheet, sku: string) => s.table('stock_summary').find((r) => r.sku === sku) as Record<string, unknown>;

describe('moving stock', () => {
  it('moves between bins and between the states a person may change, at the value the stock holds', () => {
    const s = stocked();
    const r = okValue(s.run(() => api.moveStock({ requestId: 'm-1', note: 'reslot', lines: [
      { sku: 'soap-lav', bin: 'a-1-1', qty: 4, toBin: 'b-2' },
      { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1, toState: 'damaged' },
      { sku: 'CREAM-50', bin: 'A-2-1', lot: 'EXP-2027-03-31', qty: 2, toBin: 'B-2' },
    ] })));
    expect(r.lines.map((l) => [l.sku, l.fromBin, l.fromState, l.toBin, l.toState, l.qty, l.value])).toEqual([
      ['SOAP-LAV', 'A-1-1', 'available', 'B-2', 'available', 4, 8.4], ['SOAP-LAV', 'A-1-1', 'available', 'A-1-1', 'damaged', 1, 2.1],
      ['CREAM-50', 'A-2-1', 'available', 'B-2', 'available', 2, 8.7],
    ]);
    expect(level(s, 'CREAM-50', 'B-2', 'available', 'EXP-2027-03-31')).toMatchObject({ qty: 2, expiry: '2027-03-31' });
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 24, in_available_state: 23, value: 50.4 });
    expect(okValue(s.run(() => api.moveStock({ requestId: 'm-1', note: 'reslot', lines: [{ sku: 'soap-lav', bin: 'a-1-1', qty: 4, toBin: 'b-2' }, { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1, toState: 'damaged' }, { sku: 'CREAM-50', bin: 'A-2-1', lot: 'EXP-2027-03-31', qty: 2, toBin: 'B-2' }] }))).replayed).toBe(true);
    expect(s.table('ledger').filter((m) => m.type === 'move')).toHaveLength(6);
    // damaged goods back to available
    okValue(s.run(() => api.moveStock({ requestId: 'm-2', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', state: 'damaged', qty: 1, toState: 'available' }] })));
    expect(level(s, 'SOAP-LAV', 'A-1-1', 'damaged')).toMatchObject({ qty: 0, value: 0 });
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('refuses order states, transitions nobody may make, the same place and negative stock, writing nothing', () => {
    const s = stocked();
    const before = s.snapshot();
    const r = s.run(() => api.moveStock({ requestId: 'm-x', lines: [
      { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1, toState: 'picked' },
      { sku: 'SOAP-LAV', bin: 'A-1-1', state: 'damaged', qty: 1, toState: 'repair' },
      { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1 },
      { sku: 'SOAP-LAV', bin: 'A-1-1', state: 'packed', qty: 1, toBin: 'B' },
      { sku: 'NOPE', bin: 'A-1-1', qty: 1, toBin: 'B' },
    ] }));
    expect(codes(r)).toEqual([
      ['state_not_allowed', 'toState', 1], ['move_not_allowed', 'toState', 2], ['same_place', 'toBin', 3], ['state_not_allowed', 'state', 4], ['unknown_sku', 'sku', 5],
    ]);
    const short = s.run(() => api.moveStock({ requestId: 'm-y', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 30, toBin: 'B' }] }));
    expect(codes(short)).toEqual([['insufficient_stock', 'qty', 1]]);
    expect(s.snapshot()).toBe(before);
  });
});

describe('writing off', () => {
  it('takes stock out of any bin and state at the average cost, with a reason', () => {
    const s = stocked();
    okValue(s.run(() => api.moveStock({ requestId: 'm', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 2, toState: 'damaged' }] })));
    const r = okValue(s.run(() => api.writeOff({ requestId: 'w-1', reason: 'damaged', note: 'broken shelf', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', state: 'damaged', qty: 2 }, { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1, reason: 'sample' }] })));
    expect(r).toMatchObject({ total: 6.3 });
    expect(r.lines.map((l) => [l.state, l.qty, l.reason, l.value])).toEqual([['damaged', 2, 'damaged', 4.2], ['available', 1, 'sample', 2.1]]);
    expect(s.table('ledger').filter((m) => m.type === 'write_off').map((m) => [m.state, m.qty, m.value, m.ref_type, m.ref_id, m.note])).toEqual([
      ['damaged', -2, -4.2, 'reason', 'damaged', 'broken shelf'], ['available', -1, -2.1, 'reason', 'sample', 'broken shelf'],
    ]);
    expect(okValue(s.run(() => api.writeOff({ requestId: 'w-1', reason: 'damaged', note: 'broken shelf', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', state: 'damaged', qty: 2 }, { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 1, reason: 'sample' }] }))).replayed).toBe(true);
    expect(codes(s.run(() => api.writeOff({ requestId: 'w-2', reason: 'fun', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', state: 'picked', qty: 1 }, { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 100 }] })))).toEqual([
      ['invalid_choice', 'reason', undefined], ['state_not_allowed', 'state', 1],
    ]);
    expect(codes(s.run(() => api.writeOff({ requestId: 'w-3', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 100 }] })))).toEqual([['insufficient_stock', 'qty', 1]]);
    expect(s.stockVersusProjection()).toEqual([]);
  });
});

describe('expiring lots', () => {
  it('lists lots expiring within N days and moves them to damaged or writes them off in one action', () => {
    const s = stocked();
    okValue(s.receive({ requestId: 'old', lines: [{ sku: 'CREAM-50', qty: 4, unitCost: 4, bin: 'A-2-2', expiry: '2026-01-20' }] }));
    const view = okValue(s.run(() => api.getExpiring({ days: 30 })));
    expect(view).toMatchObject({ today: '2026-01-05', days: 30 });
    expect(view.lots.map((l) => [l.sku, l.name, l.bin, l.lot, l.expiry, l.daysLeft, l.qty, l.value])).toEqual([['CREAM-50', 'Face cream', 'A-2-2', 'EXP-2026-01-20', '2026-01-20', 15, 4, 16]]);
    expect(okValue(s.run(() => api.getExpiring({}))).days).toBe(30); // Settings expiry_alert_days
    expect(okValue(s.run(() => api.getExpiring({ days: 500 }))).lots).toHaveLength(2);
    const damaged = okValue(s.run(() => api.expiryAction({ requestId: 'x-1', action: 'damage', days: 30 })));
    expect(damaged.lines.map((l) => [l.sku, l.bin, l.qty])).toEqual([['CREAM-50', 'A-2-2', 4]]);
    expect(level(s, 'CREAM-50', 'A-2-2', 'damaged', 'EXP-2026-01-20')).toMatchObject({ qty: 4 });
    expect(codes(s.run(() => api.expiryAction({ requestId: 'x-2', action: 'damage', days: 30 })))).toEqual([['nothing_expiring', 'lots', undefined]]);
    const gone = okValue(s.run(() => api.expiryAction({ requestId: 'x-3', action: 'write_off', lots: [{ sku: 'CREAM-50', bin: 'A-2-2', state: 'damaged', lot: 'EXP-2026-01-20' }] })));
    // outbound at the SKU's moving average (the lot came in below it)
    expect(gone).toMatchObject({ action: 'write_off', total: 17.05 });
    expect(s.table('ledger').at(-1)).toMatchObject({ type: 'write_off', ref_type: 'reason', ref_id: 'expired', qty: -4 });
    expect(codes(s.run(() => api.expiryAction({ requestId: 'x-4', action: 'burn' })))).toEqual([['invalid_choice', 'action', undefined]]);
    expect(s.stockVersusProjection()).toEqual([]);
  });
});

describe('voiding a movement', () => {
  it('adds reversal rows, never edits; refuses twice, refuses reversals and order movements', () => {
    const s = stocked();
    const before = s.table('ledger').length;
    const v = okValue(s.run(() => api.voidMovement({ requestId: 'v-1', movementId: 'M00000002', note: 'typed the wrong item' })));
    expect(v).toMatchObject({ voided: ['M00000002'], movementIds: ['M00000003'] });
    const rows = s.table('ledger');
    expect(rows).toHaveLength(before + 1);
    expect(rows[1]).toMatchObject({ movement_id: 'M00000002', qty: 12 }); // untouched
    expect(rows[2]).toMatchObject({ type: 'reversal', reverses: 'M00000002', sku: 'CREAM-50', qty: -12, value: -52.2, note: 'typed the wrong item' });
    expect(summary(s, 'CREAM-50')).toMatchObject({ on_hand: 0, value: 0 });
    expect(okValue(s.run(() => api.voidMovement({ requestId: 'v-1', movementId: 'M00000002' }))).replayed).toBe(true);
    expect(codes(s.run(() => api.voidMovement({ requestId: 'v-2', movementId: 'M00000002' })))).toEqual([['already_voided', 'movementId', undefined]]);
    expect(codes(s.run(() => api.voidMovement({ requestId: 'v-3', movementId: 'M00000003' })))).toEqual([['void_reversal', 'movementId', undefined]]);
    expect(codes(s.run(() => api.voidMovement({ requestId: 'v-4', movementId: 'M00000099' })))).toEqual([['unknown_movement', 'movementId', undefined]]);
    const sh = shipped();
    const ship = sh.table('ledger').find((m) => m.type === 'ship') as Record<string, unknown>;
    expect(codes(sh.run(() => api.voidMovement({ requestId: 'v-5', movementId: String(ship.movement_id) })))).toEqual([['void_order_movement', 'movementId', undefined]]);
    expect(s.stockVersusProjection()).toEqual([]);
  });

  it('refuses a void that would make stock negative, saying where', () => {
    const s = stocked();
    okValue(s.run(() => api.writeOff({ requestId: 'w', reason: 'lost', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 20 }] })));
    const r = s.run(() => api.voidMovement({ requestId: 'v', movementId: 'M00000001' }));
    expect(codes(r)).toEqual([['insufficient_stock', 'movementId', undefined]]);
    expect(!r.ok && r.errors[0].params).toMatchObject({ sku: 'SOAP-LAV', bin: 'A-1-1', have: 4, need: 24 });
    // voiding the write-off brings the goods back at the value they left with
    okValue(s.run(() => api.voidMovement({ requestId: 'v2', movementId: 'M00000003' })));
    expect(summary(s, 'SOAP-LAV')).toMatchObject({ on_hand: 24, value: 50.4 });
    expect(negativeStock(s)).toEqual([]);
  });

  it('voids both rows of a move, and rebuilds a return line voided after inspection', () => {
    const s = shipped();
    okValue(s.run(() => api.moveStock({ requestId: 'm', lines: [{ sku: 'SOAP-LAV', bin: 'A-1-1', qty: 5, toBin: 'B-1' }] })));
    const move = s.table('ledger').filter((m) => m.type === 'move');
    const v = okValue(s.run(() => api.voidMovement({ requestId: 'v-m', movementId: String(move[1].movement_id) })));
    expect(v.voided.sort()).toEqual([move[0].movement_id, move[1].movement_id].sort());
    expect(level(s, 'SOAP-LAV', 'B-1', 'available')).toMatchObject({ qty: 0, value: 0 });
    expect(codes(s.run(() => api.voidMovement({ requestId: 'v-m2', movementId: String(move[0].movement_id) })))).toEqual([['already_voided', 'movementId', undefined]]);

    okValue(s.run(() => api.createReturn({ requestId: 'r', orderId: '#A', lines: [{ lineKey: '1', qty: 2 }] })));
    okValue(s.run(() => api.inspectReturn({ requestId: 'i', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'restock', qty: 2 }] })));
    expect(s.table('returns').map((x) => [x.status, x.qty])).toEqual([['restocked', 2]]);
    const restock = s.table('ledger').find((m) => m.type === 'inspect') as Record<string, unknown>;
    okValue(s.run(() => api.voidMovement({ requestId: 'v-i', movementId: String(restock.movement_id) })));
    expect(s.table('returns').map((x) => [x.status, x.qty])).toEqual([['received', 2]]);
    // and voiding the return itself takes the goods out of quarantine: the order has nothing returned
    const ret = s.table('ledger').find((m) => m.type === 'return') as Record<string, unknown>;
    okValue(s.run(() => api.voidMovement({ requestId: 'v-r', movementId: String(ret.movement_id) })));
    expect(s.table('returns').map((x) => [x.status, x.qty])).toEqual([['received', 0]]);
    expect(s.table('orders').map((l) => Number(l.qty_returned || 0))).toEqual([0, 0]);
    expect(s.stockVersusProjection()).toEqual([]);
  });
});
