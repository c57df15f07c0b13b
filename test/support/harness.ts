/**
 * Integration harness: the real gas layer (TypeScript source) runs against the emulator's
 * globals, installed on globalThis for the duration of one execution.
 */
import { Emulator, type EmulatorOptions, type RunOptions } from '../../tools/emulator/index';
import * as coreApi from '../../src/gas/entry-points';
import * as orderApi from '../../src/gas/order-entry-points';
import * as hourlyApi from '../../src/gas/hourly-entry-points';
import * as purchaseApi from '../../src/gas/purchase-entry-points';
import * as returnsApi from '../../src/gas/returns-entry-points';
import { onOpen } from '../../src/gas/menu';
import { readTable, tableSheet } from '../../tools/tables';
import type { TableId } from '../../src/sheets/schema';
import { project } from '../../src/domain/projection';
import type { Movement, StockLevel } from '../../src/domain/types';
import type { RpcResult } from '../../src/domain/result';
import { toMinor } from '../../src/domain/money';

export const api = { ...coreApi, ...orderApi, ...hourlyApi, ...purchaseApi, ...returnsApi };
export { onOpen };

export class Sheet {
  readonly emu: Emulator;

  constructor(opts: EmulatorOptions = {}) {
    this.emu = new Emulator(opts);
  }

  static setUp(opts: EmulatorOptions = {}): Sheet {
    const s = new Sheet(opts);
    const r = s.run(() => api.setupSheet());
    if (!r.ok) throw new Error('setup failed: ' + JSON.stringify(r));
    return s;
  }

  run<T>(fn: () => T, opts: RunOptions = {}): T {
    return this.emu.run({ user: 'amira@example.com', ...opts }, fn);
  }

  receive(payload: Parameters<typeof api.receive>[0], opts: RunOptions = {}) {
    return this.run(() => api.receive(payload), opts);
  }

  table(id: TableId) {
    return readTable(this.emu.book, id);
  }

  sheetOf(id: TableId) {
    const s = tableSheet(this.emu.book, id);
    if (!s) throw new Error(`no ${id} tab`);
    return s;
  }

  /** Everything a write could change: every cell, format and the document properties. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.emu.book.sheets.map((s) => ({ name: s.name, values: s.values(), formats: s.formats() })),
      props: this.emu.documentProperties(),
    });
  }

  /** Ledger rows as the domain sees them (for projections in assertions). */
  movements(): Movement[] {
    return this.table('ledger').map((r) => ({
      movementId: String(r.movement_id), requestId: String(r.request_id), time: 0, user: String(r.user),
      type: r.type as Movement['type'], sku: String(r.sku), bin: String(r.bin), state: r.state as Movement['state'],
      lot: String(r.lot), expiry: String(r.expiry), qty: Number(r.qty), unitCost: r.unit_cost === '' ? null : Number(r.unit_cost),
      valueMinor: toMinor(Number(r.value || 0), 'EUR'), refType: String(r.ref_type), refId: String(r.ref_id),
      externalRef: String(r.external_ref), note: String(r.note), reverses: String(r.reverses),
    }));
  }

  /** Differences between the Stock tab and the projection of the ledger ([] when equal). */
  stockVersusProjection(): string[] {
    const expected = project(this.movements());
    const want = new Map<string, StockLevel>();
    for (const l of expected.values()) if (l.qty !== 0 || l.valueMinor !== 0) want.set([l.sku, l.bin, l.state, l.lot].join('|'), l);
    const got = new Map<string, { qty: number; value: number; through: string }>();
    for (const r of this.table('stock')) {
      if (Number(r.qty) === 0 && Number(r.value || 0) === 0) continue;
      got.set([r.sku, r.bin, r.state, r.lot].join('|'), { qty: Number(r.qty), value: toMinor(Number(r.value || 0), 'EUR'), through: String(r.applied_through) });
    }
    const diffs: string[] = [];
    for (const [k, l] of want) {
      const g = got.get(k);
      if (!g || g.qty !== l.qty || g.value !== l.valueMinor) diffs.push(`${k}: stock ${g?.qty}/${g?.value}, ledger ${l.qty}/${l.valueMinor}`);
    }
    for (const k of got.keys()) if (!want.has(k)) diffs.push(`${k}: in stock only`);
    // the summary agrees with the stock rows
    const onHand = new Map<string, number>();
    for (const l of want.values()) onHand.set(l.sku.toUpperCase(), (onHand.get(l.sku.toUpperCase()) ?? 0) + l.qty);
    for (const s of this.table('stock_summary')) {
      const o = onHand.get(String(s.sku).toUpperCase()) ?? 0;
      if (Number(s.on_hand) !== o) diffs.push(`summary ${s.sku}: on_hand ${s.on_hand}, ledger ${o}`);
    }
    return diffs;
  }
}

export function codes<T>(r: RpcResult<T>): (string | number | undefined)[][] {
  return r.ok ? [] : r.errors.map((e) => [e.code, e.field, e.line]);
}

export function okValue<T>(r: RpcResult<T>): T {
  if (!r.ok) throw new Error('expected ok, got ' + JSON.stringify(r.errors));
  return r.value;
}

export const SOAP = { sku: 'SOAP-LAV', bin: 'A-1-1', qty: 24, unitCost: 2.1, newItem: { name: 'Lavender soap', barcode: '3760000000011' } };
export const CREAM = { sku: 'CREAM-50', bin: 'A-2-1', qty: 12, unitCost: 4.35, expiry: '2027-03-31', newItem: { name: 'Face cream', tracksExpiry: true } };

/** A set-up sheet holding two items received once. */
export function stocked(opts: EmulatorOptions = {}): Sheet {
  const s = Sheet.setUp(opts);
  okValue(s.receive({ requestId: 'seed', lines: [SOAP, CREAM] }));
  return s;
}
