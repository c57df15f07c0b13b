/** Typed access to the Purchase orders and Replenishment tables. */
import type { PoStatus } from '../domain/types';
import type { Plain } from './cells';
import type { Row, Table } from './table';
import type { Located } from './stores';

const str = (v: Plain): string => (v === null ? '' : String(v));
const num = (v: Plain): number | null => (typeof v === 'number' ? v : null);

export interface PoLine {
  poId: string;
  supplier: string;
  status: PoStatus;
  sku: string;
  name: string;
  qty: number;
  qtyReceived: number;
  qtyCancelled: number;
  unitCost: number | null;
  expectedDate: string;
  note: string;
  createdAt: number | null;
  user: string;
  requestId: string;
}

const PO_FIELDS: Record<keyof PoLine, string> = {
  poId: 'po_id', supplier: 'supplier', status: 'status', sku: 'sku', name: 'name', qty: 'qty', qtyReceived: 'qty_received',
  qtyCancelled: 'qty_cancelled', unitCost: 'unit_cost', expectedDate: 'expected_date', note: 'note', createdAt: 'created_at',
  user: 'user', requestId: 'request_id',
};

function poRecord(fields: Partial<PoLine>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(fields)) out[PO_FIELDS[k as keyof PoLine]] = v as Plain;
  return out;
}

export class PurchaseOrdersStore {
  private readonly rows = new Map<number, Row>();

  constructor(readonly table: Table) {}

  readAll(): Located<PoLine>[] {
    this.rows.clear();
    return this.table.readAll().filter((r) => {
      this.rows.set(r._row, r);
      return str(r.po_id).trim() !== '';
    }).map((r) => ({
      row: r._row,
      value: {
        poId: str(r.po_id).trim(), supplier: str(r.supplier).trim(), status: (str(r.status).trim() || 'draft') as PoStatus,
        sku: str(r.sku).trim(), name: str(r.name), qty: num(r.qty) ?? 0, qtyReceived: num(r.qty_received) ?? 0,
        qtyCancelled: num(r.qty_cancelled) ?? 0, unitCost: num(r.unit_cost), expectedDate: str(r.expected_date), note: str(r.note),
        createdAt: num(r.created_at), user: str(r.user), requestId: str(r.request_id),
      },
    }));
  }

  append(lines: PoLine[]): number {
    return this.table.append(lines.map((l) => poRecord(l)));
  }

  updateMany(updates: { row: number; fields: Partial<PoLine> }[]): void {
    const records = updates.map((u) => ({ row: u.row, values: poRecord(u.fields) }));
    this.table.updateMany(records, (row) => this.rows.get(row));
    for (const r of records) Object.assign(this.rows.get(r.row) ?? {}, r.values);
  }
}

export interface ReplenishmentRow {
  sku: string;
  name: string;
  supplier: string;
  meanDaily: number | null;
  sdDaily: number | null;
  leadTimeDays: number | null;
  safetyStock: number | null;
  safetyStockSource: string;
  reorderPoint: number | null;
  reorderPointSource: string;
  reorderQty: number | null;
  reorderQtySource: string;
  daysOfCover: number | null;
  toOrder: number;
  explain: string;
  updatedAt: number;
}

export class ReplenishmentStore {
  constructor(readonly table: Table) {}

  rewrite(rows: ReplenishmentRow[]): void {
    this.table.rewrite(rows.map((r) => ({
      sku: r.sku, name: r.name, supplier: r.supplier, mean_daily: r.meanDaily, sd_daily: r.sdDaily, lead_time_days: r.leadTimeDays,
      safety_stock: r.safetyStock, safety_stock_source: r.safetyStockSource, reorder_point: r.reorderPoint,
      reorder_point_source: r.reorderPointSource, reorder_qty: r.reorderQty, reorder_qty_source: r.reorderQtySource,
      days_of_cover: r.daysOfCover, to_order: r.toOrder, explain: r.explain, updated_at: r.updatedAt,
    })));
  }
}
