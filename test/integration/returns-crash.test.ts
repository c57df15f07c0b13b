import { describe, expect, it } from 'vitest';
import { api, okValue, type Sheet } from '../support/harness';
import { EmulatorAbort } from '../../tools/emulator/index';
import { shipped } from '../support/returns-fixtures';

function callsOf(s: Sheet, fn: () => unknown): number {
  const before = s.emu.counters.snapshot();
  s.run(fn);
  return Object.values(s.emu.counters.diff(before, s.emu.counters.snapshot()).calls).reduce((a, b) => a + b, 0);
}

/** Returns rows agree with the ledger: per line, the quantities add up to what came back. */
function returnsVersusLedger(s: Sheet): string[] {
  const ledger = s.table('ledger');
  const out: string[] = [];
  const lines = new Set(s.table('returns').map((r) => `${r.rma_id}#${r.line_key}`));
  for (const ref of lines) {
    const rows = s.table('returns').filter((r) => `${r.rma_id}#${r.line_key}` === ref);
    const sum = rows.reduce((a, r) => a + Number(r.qty), 0);
    const back = ledger.filter((m) => m.ref_id === ref && m.type === 'return').reduce((a, m) => a + Number(m.qty), 0);
    if (sum !== back) out.push(`${ref}: Returns rows ${sum}, ledger ${back}`);
  }
  const returned = s.table('orders').map((l) => Number(l.qty_returned || 0));
  const expected = s.table('orders').map((l) => s.table('returns').filter((r) => r.order_id === l.order_id && r.line_key === l.line_key).reduce((a, r) => a + Number(r.qty), 0));
  if (returned.join() !== expected.join()) out.push(`orders qty_returned ${returned}, Returns ${expected}`);
  return out;
}

describe('returns cut off after any service call, then retried with the same request', () => {
  const rma = { requestId: 'r-1', orderId: '#A', reason: 'wrong_item', lines: [{ lineKey: '1', qty: 2 }, { lineKey: '2', qty: 1 }] };
  const inspect = { requestId: 'i-1', rmaId: 'RMA-00001', lines: [{ lineKey: '1', disposition: 'restock', qty: 1 }, { lineKey: '1', disposition: 'defective', qty: 1 }, { lineKey: '2', disposition: 'write_off', qty: 1 }] };

  it('a return is recorded once, with one RMA, and the order follows', () => {
    const total = callsOf(shipped(), () => api.createReturn(rma));
    for (let k = 0; k < total; k++) {
      const s = shipped();
      expect(() => s.run(() => api.createReturn(rma), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      const r = okValue(s.run(() => api.createReturn(rma)));
      expect(r.rmaId, `abort after ${k}`).toBe('RMA-00001');
      expect(r.lines.map((l) => l.value), `abort after ${k}`).toEqual([4.2, 4.35]);
      expect(s.table('ledger').filter((m) => m.type === 'return'), `abort after ${k}`).toHaveLength(2);
      expect(new Set(s.table('returns').map((x) => x.rma_id)), `abort after ${k}`).toEqual(new Set(['RMA-00001']));
      expect(returnsVersusLedger(s), `abort after ${k}`).toEqual([]);
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
    }
  });

  it('an inspection moves goods once and the Returns tab ends equal to the ledger', () => {
    const received = () => {
      const s = shipped();
      okValue(s.run(() => api.createReturn(rma)));
      return s;
    };
    const total = callsOf(received(), () => api.inspectReturn(inspect));
    for (let k = 0; k < total; k++) {
      const s = received();
      expect(() => s.run(() => api.inspectReturn(inspect), { abortAfterCalls: k })).toThrow(EmulatorAbort);
      okValue(s.run(() => api.inspectReturn(inspect)));
      expect(s.table('ledger').filter((m) => m.type === 'inspect' || m.type === 'write_off'), `abort after ${k}`).toHaveLength(5);
      expect(s.table('returns').filter((x) => Number(x.qty) > 0).map((x) => [x.line_key, x.status, x.qty]).sort(), `abort after ${k}`).toEqual([
        ['1', 'damaged', 1], ['1', 'restocked', 1], ['2', 'written_off', 1],
      ]);
      expect(returnsVersusLedger(s), `abort after ${k}`).toEqual([]);
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
    }
  });
});
