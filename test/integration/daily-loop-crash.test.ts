import { describe, expect, it } from 'vitest';
import { api, okValue, stocked, type Sheet } from '../support/harness';
import { EmulatorAbort } from '../../tools/emulator/index';

function ready(): Sheet {
  const s = stocked();
  okValue(s.run(() => api.addOrder({ requestId: 'o-a', orderId: '#A', email: 'a@example.com', lines: [{ sku: 'SOAP-LAV', qty: 2 }, { sku: 'CREAM-50', qty: 1 }] })));
  okValue(s.run(() => api.addOrder({ requestId: 'o-b', orderId: '#B', lines: [{ sku: 'SOAP-LAV', qty: 5 }] })));
  okValue(s.run(() => api.buildPickList({ requestId: 'pl' })));
  return s;
}

function callsOf(s: Sheet, fn: () => unknown): number {
  const before = s.emu.counters.snapshot();
  s.run(fn);
  return Object.values(s.emu.counters.diff(before, s.emu.counters.snapshot()).calls).reduce((a, b) => a + b, 0);
}

/** Order lines agree with the ledger: picked and shipped quantities are the sums of their rows. */
function linesVersusLedger(s: Sheet): string[] {
  const ledger = s.table('ledger');
  return s.table('orders').flatMap((l) => {
    const ref = `${l.order_id}#${l.line_key}`;
    const rows = ledger.filter((m) => m.ref_id === ref);
    const picked = rows.filter((m) => m.type === 'pick' && m.state === 'picked').reduce((a, m) => a + Number(m.qty), 0);
    const shipped = -rows.filter((m) => m.type === 'ship').reduce((a, m) => a + Number(m.qty), 0);
    const out: string[] = [];
    if (picked + (rows.some((m) => m.type === 'ship' && m.state === 'available') ? shipped : 0) !== Number(l.qty_picked)) out.push(`${ref}: qty_picked ${l.qty_picked}, ledger ${picked}`);
    if (shipped !== Number(l.qty_shipped)) out.push(`${ref}: qty_shipped ${l.qty_shipped}, ledger ${shipped}`);
    return out;
  });
}

describe('the daily loop cut off after any service call, then retried with the same request', () => {
  const confirm = { requestId: 'c-1', pickListId: 'PL-00001', lines: [{ seq: 1, picked: 7 }, { seq: 2, picked: 1 }] };
  const ship = { requestId: 's-1', shipments: [{ orderId: '#A', trackingNumber: '1Z999AA10123456784' }] };

  it('confirming a pick moves stock once and leaves order lines equal to the ledger', () => {
    const total = callsOf(ready(), () => api.confirmPick(confirm));
    for (let k = 0; k < total; k++) {
      const s = ready();
      expect(() => s.run(() => api.confirmPick(confirm), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      okValue(s.run(() => api.confirmPick(confirm)));
      expect(s.table('ledger').filter((m) => m.type === 'pick'), `abort after ${k}`).toHaveLength(6);
      expect(linesVersusLedger(s), `abort after ${k}`).toEqual([]);
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
      expect(s.table('stock_summary').find((r) => r.sku === 'SOAP-LAV')?.reserved, `abort after ${k}`).toBe(0);
    }
  });

  it('shipping ships once, emails once, and leaves order lines equal to the ledger', () => {
    const picked = () => {
      const s = ready();
      okValue(s.run(() => api.confirmPick(confirm)));
      return s;
    };
    const total = callsOf(picked(), () => api.shipOrders(ship));
    const lost: number[] = [];
    for (let k = 0; k < total; k++) {
      const s = picked();
      expect(() => s.run(() => api.shipOrders(ship), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      okValue(s.run(() => api.shipOrders(ship)));
      expect(s.table('ledger').filter((m) => m.type === 'ship'), `abort after ${k}`).toHaveLength(2);
      expect(s.table('shipments'), `abort after ${k}`).toHaveLength(1);
      // Never twice. The stamp is written before sending, so a cut-off exactly between the
      // two leaves the customer without this email (at most once, by design).
      expect(s.emu.mail.length, `abort after ${k}`).toBeLessThanOrEqual(1);
      if (s.emu.mail.length === 0) lost.push(k);
      expect(linesVersusLedger(s), `abort after ${k}`).toEqual([]);
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
    }
    expect(lost.length).toBeLessThanOrEqual(2); // only a cut between the stamp (and its flush) and the send loses it
  });
});
