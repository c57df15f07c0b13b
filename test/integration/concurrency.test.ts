import { describe, expect, it } from 'vitest';
import { api, okValue, Sheet, stocked } from '../support/harness';
import { EmulatorAbort } from '../../tools/emulator/index';

interface Outcome {
  okCount: Map<string, number>;
  busyRetries: number;
  violations: string[];
}

/**
 * N teammates receive at the same moment: each submission is a queued execution that the
 * seeded scheduler may run in the middle of another's service calls. A submission that
 * answers `busy` is retried later with the same requestId, as the form does.
 */
function concurrentReceipts(locking: 'enforced' | 'alwaysGranted', seed: number, n = 8): Outcome {
  const s = stocked({ locking, seed });
  // Low enough that most nesting lands while the outer execution holds the lock.
  s.emu.scheduler.probability = 0.06;
  const payloads = Array.from({ length: n }, (_, i) => ({
    requestId: `team-${i}`,
    lines: [{ sku: 'SOAP-LAV', qty: i + 1 }, { sku: i % 2 ? 'CREAM-50' : 'BOX-' + i, qty: 1, unitCost: 1, expiry: i % 2 ? '2027-03-31' : undefined, newItem: i % 2 ? undefined : { name: 'Box ' + i, kind: 'packaging' } }],
  }));
  const okCount = new Map<string, number>();
  let busyRetries = 0;
  let pending = payloads;
  for (let round = 0; pending.length && round < 30; round++) {
    const busy: typeof payloads = [];
    for (const p of pending) {
      s.emu.scheduler.enqueue(() => {
        const r = s.run(() => api.receive(p), { user: `packer${p.requestId}@example.com` });
        if (r.ok) okCount.set(p.requestId, (okCount.get(p.requestId) ?? 0) + (r.value.replayed ? 0 : 1));
        else if (r.errors[0].code === 'busy') busy.push(p);
        else throw new Error(JSON.stringify(r.errors));
      });
    }
    s.emu.scheduler.drain();
    busyRetries += busy.length;
    pending = busy;
  }
  const violations: string[] = [...s.emu.scheduler.errors.map(String)];
  // a final write heals any cache a racing write left behind
  const final = s.receive({ requestId: 'final', lines: [{ sku: 'SOAP-LAV', qty: 1 }] });
  if (!final.ok) violations.push('final write refused: ' + final.errors[0].code);
  const ledger = s.table('ledger');
  const ids = ledger.map((r) => r.movement_id);
  if (new Set(ids).size !== ids.length) violations.push('duplicate movement ids');
  ids.forEach((id, i) => {
    if (id !== 'M' + String(i + 1).padStart(8, '0')) violations.push(`row ${i + 3} holds ${id}`);
  });
  for (const p of payloads) {
    const rows = ledger.filter((r) => r.request_id === p.requestId);
    if (rows.length !== 2) violations.push(`${p.requestId} has ${rows.length} ledger rows`);
  }
  const soap = ledger.filter((r) => r.sku === 'SOAP-LAV').reduce((a, r) => a + Number(r.qty), 0);
  const expectedSoap = 24 + payloads.reduce((a, _p, i) => a + i + 1, 0) + 1;
  if (soap !== expectedSoap) violations.push(`SOAP-LAV ledger total ${soap}, expected ${expectedSoap}`);
  violations.push(...s.stockVersusProjection());
  return { okCount, busyRetries, violations };
}

describe('teammates submitting at the same moment', () => {
  it.each([1, 2, 3, 4, 5])('lose and duplicate nothing under the document lock (seed %i)', (seed) => {
    const out = concurrentReceipts('enforced', seed);
    expect(out.violations).toEqual([]);
    expect([...out.okCount.values()]).toEqual(Array(8).fill(1));
    expect(out.busyRetries).toBeGreaterThan(0); // the interleaving really happened
  });

  it('the same test fails with the emulator granting every lock (the lock is what protects)', () => {
    const failing = [1, 2, 3, 4, 5].map((seed) => concurrentReceipts('alwaysGranted', seed)).filter((o) => o.violations.length > 0);
    expect(failing.length).toBeGreaterThan(0);
  });
});

describe('a receipt cut off after any service call', () => {
  it('leaves stock equal to the projection after the next write, and a retry writes once', () => {
    const payload = { requestId: 'crash', lines: [{ sku: 'SOAP-LAV', qty: 3 }, { sku: 'NEW-1', qty: 2, unitCost: 1, newItem: { name: 'New' } }] };
    // How many service calls does an uninterrupted receipt make?
    const probe = stocked();
    const before = probe.emu.counters.snapshot();
    okValue(probe.receive(payload));
    const total = probe.emu.counters.diff(before, probe.emu.counters.snapshot());
    const calls = Object.values(total.calls).reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThan(20);

    for (let k = 0; k < calls; k++) {
      const s = stocked();
      expect(() => s.receive(payload, { abortAfterCalls: k }), `abort after ${k}`).toThrow(EmulatorAbort);
      okValue(s.receive({ requestId: 'next', lines: [{ sku: 'CREAM-50', qty: 1, expiry: '2027-03-31' }] }));
      expect(s.stockVersusProjection(), `abort after ${k}`).toEqual([]);
      const retry = okValue(s.receive(payload));
      expect(s.table('ledger').filter((r) => r.request_id === 'crash').length, `abort after ${k}`).toBe(2);
      expect(s.stockVersusProjection(), `abort after ${k} then retry (replayed=${retry.replayed})`).toEqual([]);
    }
  });
});

describe('the document lock', () => {
  it('answers busy (retryable) when a teammate holds it, writing nothing', () => {
    const s = stocked();
    const before = s.emu.clock.now();
    let inner: ReturnType<typeof api.receive> | undefined;
    let snapshot = '';
    s.run(() => {
      const lock = LockService.getDocumentLock()!;
      lock.waitLock(1000);
      snapshot = s.snapshot();
      inner = s.receive({ requestId: 'blocked', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }, { user: 'raj@example.com' });
      lock.releaseLock();
    });
    expect(inner).toMatchObject({ ok: false, retryable: true, errors: [{ code: 'busy' }] });
    expect(s.emu.clock.now() - before).toBeGreaterThanOrEqual(10000);
    expect(s.snapshot()).toBe(snapshot);
    expect(okValue(s.receive({ requestId: 'blocked', lines: [{ sku: 'SOAP-LAV', qty: 1 }] })).replayed).toBe(false);
  });
});

describe('a ledger changed by hand', () => {
  it('is detected when rows are sorted', () => {
    const s = stocked();
    okValue(s.receive({ requestId: 'b', lines: [{ sku: 'SOAP-LAV', qty: 1 }] }));
    s.sheetOf('ledger').sortRows(3, 6, true); // by SKU
    const before = s.snapshot();
    const r = s.receive({ requestId: 'c', lines: [{ sku: 'SOAP-LAV', qty: 1 }] });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'ledger_altered' }] });
    expect(s.snapshot()).toBe(before);
  });

  it('is detected when the last row is deleted or an id typed over', () => {
    const s = stocked();
    s.sheetOf('ledger').deleteRows(4, 1);
    expect(s.receive({ requestId: 'c', lines: [{ sku: 'SOAP-LAV', qty: 1 }] })).toMatchObject({ ok: false, errors: [{ code: 'ledger_altered' }] });
    const t = stocked();
    t.sheetOf('ledger').userEdit(4, 1, 'M00000009');
    expect(t.receive({ requestId: 'c', lines: [{ sku: 'SOAP-LAV', qty: 1 }] })).toMatchObject({ ok: false, errors: [{ code: 'ledger_altered' }] });
  });
});

describe('cost of a receipt does not grow with the ledger', () => {
  function receiptCost(ledgerRows: number) {
    const s = Sheet.setUp();
    // Seed through the real write path in one batch (what years of receipts would leave).
    s.run(() => api.receive({ requestId: 'seed', lines: [{ sku: 'SOAP-LAV', qty: 1, unitCost: 1, bin: 'A-1', newItem: { name: 'Soap' } }] }));
    if (ledgerRows > 1) {
      const lines = Array.from({ length: 200 }, () => ({ sku: 'SOAP-LAV', qty: 1 }));
      for (let i = 1; i + 200 <= ledgerRows; i += 200) s.run(() => api.receive({ requestId: `bulk-${i}`, lines }));
      const rest = (ledgerRows - 1) % 200;
      if (rest) s.run(() => api.receive({ requestId: 'bulk-rest', lines: lines.slice(0, rest) }));
    }
    expect(s.table('ledger').length).toBe(ledgerRows);
    const before = s.emu.counters.snapshot();
    okValue(s.receive({ requestId: 'measured', lines: [{ sku: 'SOAP-LAV', qty: 2 }, { sku: 'SOAP-LAV', qty: 3, bin: 'B-2' }] }));
    const d = s.emu.counters.diff(before, s.emu.counters.snapshot());
    return { calls: d.calls, cellsRead: d.cellsRead, cellsWritten: d.cellsWritten, cellsScanned: d.cellsScanned };
  }

  it('makes identical service calls and reads/writes identical cells with 10 and 10,000 ledger rows', () => {
    const small = receiptCost(10);
    const large = receiptCost(10000);
    expect(large.calls).toEqual(small.calls);
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(large.cellsWritten).toBe(small.cellsWritten);
    // only the server-side exact search of request ids scans more cells
    expect(large.cellsScanned).toBeGreaterThan(small.cellsScanned);
  }, 120000);
});
