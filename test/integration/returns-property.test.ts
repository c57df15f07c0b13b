/**
 * Property: whatever people do, in whatever order (receive, order and pick, ship, return,
 * inspect, count, void, move, write off), the Stock tab equals the projection of the Ledger
 * and no stock row goes below zero. Random sequences, seeded so a failure replays.
 */
import { mulberry32 } from '../../tools/emulator/scheduler';
import { describe, expect, it } from 'vitest';
import { api, Sheet } from '../support/harness';
import { negativeStock } from '../support/returns-fixtures';
import type { RpcResult } from '../../src/domain/result';

/** A seeded generator (the emulator's), so a failing run can be replayed by its seed. */
const prng = mulberry32;

const SKUS = ['SOAP-LAV', 'CREAM-50', 'BALM'];
const BINS = ['A-1', 'A-2', 'B-1'];
const EXPIRY = ['2026-06-30', '2027-01-31'];

function run(seed: number, steps: number): { log: string[]; codes: Map<string, number> } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const s = Sheet.setUp();
  const log: string[] = [];
  const codes = new Map<string, number>();
  let n = 0;
  const call = <T>(name: string, fn: () => RpcResult<T>): RpcResult<T> => {
    const r = s.run(fn);
    const code = r.ok ? 'ok' : r.errors[0].code;
    codes.set(`${name}:${code}`, (codes.get(`${name}:${code}`) ?? 0) + 1);
    log.push(`${name} -> ${code}`);
    if (!r.ok && (code === 'internal' || code === 'ledger_altered')) throw new Error(`seed ${seed}: ${log.join('\n')}\n${JSON.stringify(r.errors)}`);
    return r;
  };
  const receive = (sku: string) => call('receive', () => api.receive({
    requestId: `rcv-${n++}`,
    lines: [{ sku, qty: int(1, 12), unitCost: int(100, 900) / 100, bin: pick(BINS), ...(sku === 'CREAM-50' ? { expiry: pick(EXPIRY) } : {}), newItem: { name: sku, tracksExpiry: sku === 'CREAM-50' } }],
  }));
  for (const sku of SKUS) receive(sku);

  for (let step = 0; step < steps; step++) {
    const op = pick(['receive', 'ship', 'pickShip', 'return', 'return', 'inspect', 'inspect', 'count', 'void', 'move', 'writeOff']);
    const id = `${op}-${n++}`;
    if (op === 'receive') receive(pick(SKUS));
    else if (op === 'ship' || op === 'pickShip') {
      const orderId = `#${n}`;
      const r = call('addOrder', () => api.addOrder({ requestId: `o-${id}`, orderId, customerName: 'C', lines: [{ sku: pick(SKUS), qty: int(1, 3) }] }));
      if (!r.ok) continue;
      if (op === 'pickShip') {
        const list = call('buildPickList', () => api.buildPickList({ requestId: `pl-${id}` }));
        if (list.ok) call('confirmPick', () => api.confirmPick({ requestId: `c-${id}`, pickListId: list.value.pickListId, lines: list.value.walk.map((w) => ({ seq: w.seq, picked: w.qty })) }));
      }
      call('shipOrders', () => api.shipOrders({ requestId: `s-${id}`, shipments: [{ orderId, trackingNumber: `T${n}` }] }));
    } else if (op === 'return') {
      const shipped = s.table('orders').filter((l) => Number(l.qty_shipped) > Number(l.qty_returned || 0));
      if (shipped.length === 0 || rnd() < 0.15) {
        call('createReturn', () => api.createReturn({ requestId: id, reason: 'other', lines: [{ sku: 'BALM', qty: int(1, 2) }] }));
        continue;
      }
      const l = pick(shipped);
      const left = Number(l.qty_shipped) - Number(l.qty_returned || 0);
      call('createReturn', () => api.createReturn({ requestId: id, orderId: String(l.order_id), reason: 'changed_mind', lines: [{ lineKey: String(l.line_key), qty: int(1, left + (rnd() < 0.1 ? 1 : 0)) }] }));
    } else if (op === 'inspect') {
      const pending = s.table('returns').filter((r) => ['received', 'repair', 'inspected'].includes(String(r.status)) && Number(r.qty) > 0);
      if (pending.length === 0) continue;
      const r = pick(pending);
      const from = r.status === 'inspected' ? 'inspected' : String(r.status);
      const choices = from === 'received' ? ['restock', 'repair', 'defective', 'rtv', 'write_off'] : from === 'repair' ? ['restock', 'defective', 'rtv', 'write_off'] : ['rtv', 'restock', 'defective', 'write_off'];
      call('inspectReturn', () => api.inspectReturn({ requestId: id, rmaId: String(r.rma_id), lines: [{ lineKey: String(r.line_key), from, disposition: pick(choices), qty: int(1, Number(r.qty)), bin: pick(['', ...BINS]) }] }));
    } else if (op === 'count') {
      const sheet = call('createCountSheet', () => api.createCountSheet({ requestId: id, binFrom: pick(BINS), binTo: 'Z' }));
      if (!sheet.ok) continue;
      if (rnd() < 0.3) receive(pick(SKUS)); // stock moves while counting: stale lines
      const rows = s.table('counts').filter((c) => c.count_id === sheet.value.countId);
      call('submitCount', () => api.submitCount({
        requestId: `n-${id}`, countId: sheet.value.countId, accept: rnd() < 0.5,
        lines: rows.map((c, i) => ({ line: i + 1, counted: Math.max(0, Number(c.expected) + int(-2, 2)) })),
      }));
    } else if (op === 'void') {
      const ledger = s.table('ledger');
      if (ledger.length === 0) continue;
      call('voidMovement', () => api.voidMovement({ requestId: id, movementId: String(pick(ledger).movement_id) }));
    } else if (op === 'move' || op === 'writeOff') {
      const stock = s.table('stock').filter((r) => Number(r.qty) > 0 && ['available', 'damaged', 'quarantine', 'repair'].includes(String(r.state)));
      if (stock.length === 0) continue;
      const r = pick(stock);
      const place = { sku: String(r.sku), bin: String(r.bin), state: String(r.state), lot: String(r.lot) };
      const qty = int(1, Number(r.qty));
      if (op === 'writeOff') call('writeOff', () => api.writeOff({ requestId: id, reason: 'lost', lines: [{ ...place, qty }] }));
      else {
        const toState = r.state === 'available' ? pick(['available', 'damaged']) : r.state === 'damaged' ? 'available' : pick(['available', 'damaged']);
        call('moveStock', () => api.moveStock({ requestId: id, lines: [{ ...place, qty, toBin: toState === r.state ? pick(BINS.filter((b) => b !== r.bin)) : '', toState }] }));
      }
    }
    const diffs = s.stockVersusProjection();
    if (diffs.length || negativeStock(s).length) throw new Error(`seed ${seed}, step ${step}:\n${log.slice(-8).join('\n')}\n${[...diffs, ...negativeStock(s)].join('\n')}`);
  }
  const check = s.run(() => api.checkStock());
  expect(check.ok && check.value.differences).toEqual([]);
  return { log, codes };
}

describe('random sequences keep Stock equal to the Ledger projection, never negative', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`seed ${seed}`, () => {
      const { codes } = run(seed, 70);
      // the sequences exercise the flows (not only refusals)
      const ok = (name: string) => Array.from(codes).filter(([k]) => k === `${name}:ok`).reduce((a, [, v]) => a + v, 0);
      expect(ok('createReturn') + ok('inspectReturn') + ok('submitCount') + ok('voidMovement') + ok('moveStock')).toBeGreaterThan(10);
    });
  }

  it('across seeds, every kind of action succeeds at least once', () => {
    const all = new Map<string, number>();
    for (const seed of [3, 11]) for (const [k, v] of run(seed, 90).codes) all.set(k, (all.get(k) ?? 0) + v);
    for (const name of ['receive', 'shipOrders', 'confirmPick', 'createReturn', 'inspectReturn', 'createCountSheet', 'submitCount', 'voidMovement', 'moveStock', 'writeOff']) {
      expect(all.get(`${name}:ok`) ?? 0, name).toBeGreaterThan(0);
    }
  });
});
