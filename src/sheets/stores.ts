/**
 * Typed access to each table: rows in, domain objects out. No business rules here.
 */
import type { Item, Movement, StockLevel, StockSummary, LogLevel } from '../domain/types';
import { FIRST_DATA_ROW } from './schema';
import type { Plain } from './cells';
import type { Row, Table } from './table';

const str = (v: Plain): string => (v === null ? '' : String(v));
const num = (v: Plain): number | null => (typeof v === 'number' ? v : null);

export function itemFromRow(r: Row): Item {
  return {
    sku: str(r.sku).trim(),
    name: str(r.name),
    barcode: str(r.barcode).trim(),
    kind: (str(r.kind) || 'product') as Item['kind'],
    unit: str(r.unit),
    decimals: num(r.decimals) ?? 0,
    defaultBin: str(r.default_bin).trim().toUpperCase(),
    supplier: str(r.supplier),
    leadTimeDays: num(r.lead_time_days),
    leadTimeSdDays: num(r.lead_time_sd_days),
    unitCost: num(r.unit_cost),
    safetyStock: num(r.safety_stock),
    reorderPoint: num(r.reorder_point),
    reorderQty: num(r.reorder_qty),
    minOrderQty: num(r.min_order_qty),
    packSize: num(r.pack_size),
    tracksExpiry: r.tracks_expiry === true,
    // An untouched checkbox (empty) counts as active; only an unticked FALSE deactivates.
    active: r.active !== false,
  };
}

export function itemToRecord(i: Item): Record<string, Plain> {
  return {
    sku: i.sku, name: i.name, barcode: i.barcode, kind: i.kind, unit: i.unit, decimals: i.decimals,
    default_bin: i.defaultBin, supplier: i.supplier, lead_time_days: i.leadTimeDays, lead_time_sd_days: i.leadTimeSdDays,
    unit_cost: i.unitCost, safety_stock: i.safetyStock, reorder_point: i.reorderPoint, reorder_qty: i.reorderQty,
    min_order_qty: i.minOrderQty, pack_size: i.packSize, tracks_expiry: i.tracksExpiry, active: i.active,
  };
}

export function movementFromRow(r: Row): Movement {
  return {
    movementId: str(r.movement_id).trim(),
    requestId: str(r.request_id),
    time: num(r.time) ?? 0,
    user: str(r.user),
    type: str(r.type) as Movement['type'],
    sku: str(r.sku),
    bin: str(r.bin),
    state: str(r.state) as Movement['state'],
    lot: str(r.lot),
    expiry: str(r.expiry),
    qty: num(r.qty) ?? 0,
    unitCost: num(r.unit_cost),
    valueMinor: num(r.value) ?? 0,
    refType: str(r.ref_type),
    refId: str(r.ref_id),
    externalRef: str(r.external_ref),
    note: str(r.note),
    reverses: str(r.reverses),
  };
}

export function movementToRecord(m: Movement): Record<string, Plain> {
  return {
    movement_id: m.movementId, request_id: m.requestId, time: m.time, user: m.user, type: m.type, sku: m.sku,
    bin: m.bin, state: m.state, lot: m.lot, expiry: m.expiry, qty: m.qty, unit_cost: m.unitCost, value: m.valueMinor,
    ref_type: m.refType, ref_id: m.refId, external_ref: m.externalRef, note: m.note, reverses: m.reverses,
  };
}

export interface Located<T> {
  row: number;
  value: T;
}

export class ItemsStore {
  constructor(readonly table: Table) {}
  readAll(): Item[] {
    return this.table.readAll().map(itemFromRow).filter((i) => i.sku !== '');
  }
  append(items: Item[]): void {
    this.table.append(items.map(itemToRecord));
  }
}

export class LedgerStore {
  constructor(readonly table: Table) {}

  lastRow(): number {
    return this.table.lastRow();
  }

  /** Number of movements, derived from the row count (ids are sequential by row). */
  count(): number {
    return this.lastRow() - FIRST_DATA_ROW + 1;
  }

  read(fromRow: number, toRow: number): Located<Movement>[] {
    return this.table.readRows(fromRow, toRow).map((r) => ({ row: r._row, value: movementFromRow(r) }));
  }

  /** Rows of an earlier request; they are contiguous, so they come back in one read. */
  findRequest(requestId: string): Located<Movement>[] {
    const rows = this.table.findRows('request_id', requestId);
    if (rows.length === 0) return [];
    return this.read(Math.min(...rows), Math.max(...rows)).filter((m) => m.value.requestId === requestId);
  }

  /**
   * The movements since a moment, reading back from the end in chunks (the ledger is in
   * time order), so the cost follows the window, not the ledger's length.
   */
  readSince(ms: number, chunk = 2000): Movement[] {
    const out: Movement[][] = [];
    for (let end = this.lastRow(); end >= FIRST_DATA_ROW; end -= chunk) {
      const rows = this.read(Math.max(FIRST_DATA_ROW, end - chunk + 1), end).map((r) => r.value);
      out.unshift(rows.filter((m) => m.time >= ms));
      if (rows.length && rows[0].time < ms) break;
    }
    return ([] as Movement[]).concat(...out);
  }

  /** Rows carrying a reference (an order line, a return...), read run by run: they may be far apart. */
  findByRef(refId: string): Movement[] {
    const rows = this.table.findRows('ref_id', refId).sort((a, b) => a - b);
    const out: Movement[] = [];
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        for (const m of this.read(rows[start], rows[i - 1])) if (m.value.refId === refId) out.push(m.value);
        start = i;
      }
    }
    return out;
  }

  append(movements: Movement[]): number {
    return this.table.append(movements.map(movementToRecord));
  }
}

export function levelFromRow(r: Row): StockLevel {
  return {
    sku: str(r.sku), bin: str(r.bin), state: str(r.state) as StockLevel['state'], lot: str(r.lot),
    expiry: str(r.expiry), qty: num(r.qty) ?? 0, valueMinor: num(r.value) ?? 0, appliedThrough: str(r.applied_through).trim(),
  };
}

export class StockStore {
  constructor(readonly table: Table) {}

  readAll(): Located<StockLevel>[] {
    return this.table.readAll().filter((r) => str(r.sku) !== '').map((r) => ({ row: r._row, value: levelFromRow(r) }));
  }

  /** Rewrite changed rows in place and append new keys in one batch; returns the first new row. */
  write(updates: Located<StockLevel>[], additions: StockLevel[], now: number): number {
    for (const u of updates) {
      const l = u.value;
      this.table.update(u.row, { expiry: l.expiry, qty: l.qty, value: l.valueMinor, applied_through: l.appliedThrough, updated_at: now });
    }
    return this.table.append(additions.map((l) => ({
      sku: l.sku, bin: l.bin, state: l.state, lot: l.lot, expiry: l.expiry, qty: l.qty, value: l.valueMinor,
      applied_through: l.appliedThrough, updated_at: now,
    })));
  }
}

function summaryRecord(s: StockSummary, now: number): Record<string, Plain> {
  return {
    sku: s.sku, name: s.name, on_hand: s.onHand, in_available_state: s.inAvailableState, reserved: s.reserved,
    available_to_sell: s.availableToSell, incoming: s.incoming, inventory_position: s.inventoryPosition,
    reorder_point: s.reorderPoint, status: s.status, value: s.valueMinor, avg_unit_cost: s.avgUnitCost, alerted_at: s.alertedAt,
    applied_through: s.appliedThrough, updated_at: now,
  };
}

export function summaryFromRow(r: Row): StockSummary {
  return {
    sku: str(r.sku), name: str(r.name), onHand: num(r.on_hand) ?? 0, inAvailableState: num(r.in_available_state) ?? 0,
    reserved: num(r.reserved) ?? 0, availableToSell: num(r.available_to_sell) ?? 0, incoming: num(r.incoming) ?? 0,
    inventoryPosition: num(r.inventory_position) ?? 0, reorderPoint: num(r.reorder_point),
    status: (str(r.status) || 'ok') as StockSummary['status'], valueMinor: num(r.value) ?? 0, avgUnitCost: num(r.avg_unit_cost),
    alertedAt: num(r.alerted_at), appliedThrough: str(r.applied_through).trim(),
  };
}

export class SummaryStore {
  constructor(readonly table: Table) {}

  readAll(): Located<StockSummary>[] {
    return this.table.readAll().filter((r) => str(r.sku) !== '').map((r) => ({ row: r._row, value: summaryFromRow(r) }));
  }

  write(updates: Located<StockSummary>[], additions: StockSummary[], now: number): number {
    for (const u of updates) {
      const { sku: _sku, ...rest } = summaryRecord(u.value, now);
      this.table.update(u.row, rest);
    }
    return this.table.append(additions.map((s) => summaryRecord(s, now)));
  }
}

export class SettingsStore {
  constructor(readonly table: Table) {}

  readAll(): Located<{ key: string; value: string }>[] {
    return this.table.readAll()
      .filter((r) => str(r.key).trim() !== '')
      .map((r) => ({ row: r._row, value: { key: str(r.key).trim(), value: str(r.value).trim() } }));
  }

  /** Set values by key: existing rows updated, missing keys appended with a description. */
  write(values: Record<string, string>, describe: (key: string) => string): void {
    const rows = this.readAll();
    const missing: Record<string, Plain>[] = [];
    for (const key of Object.keys(values)) {
      const found = rows.find((r) => r.value.key === key);
      if (found) this.table.update(found.row, { value: values[key] });
      else missing.push({ key, value: values[key], description: describe(key) });
    }
    this.table.append(missing);
  }
}

export interface LogEntry {
  time: number;
  user: string;
  level: LogLevel;
  event: string;
  message: string;
  details: string;
  /** the request that wrote this entry, for use cases whose idempotency is not in the ledger */
  requestId?: string;
}

export class LogStore {
  constructor(readonly table: Table) {}
  append(entries: LogEntry[]): void {
    this.table.append(entries.map(({ requestId, ...e }) => ({ ...e, request_id: requestId ?? '' })));
  }

  /** The details recorded by an earlier request, or null. */
  findRequest(requestId: string): string | null {
    const rows = this.table.findRows('request_id', requestId);
    if (rows.length === 0) return null;
    const row = this.table.readRows(rows[0], rows[0])[0];
    return row && row.request_id === requestId ? String(row.details ?? '') : null;
  }
}
