/**
 * Typed access to the Returns and Counts tables, ledger searches by column (TextFinder, then
 * only the rows found are read), and the stock key of a selected Stock cell. No business
 * rules here.
 */
import type { Movement, StockKey } from '../domain/types';
import { ProblemError } from '../domain/result';
import { skuKey } from '../domain/text';
import type { AbcClass, CountStatus } from '../domain/counts';
import type { Disposition, ReturnReason, ReturnStatus } from '../domain/returns/rules';
import { FIRST_DATA_ROW } from './schema';
import type { Plain } from './cells';
import type { Row, Table } from './table';
import { levelFromRow, type LedgerStore, type Located } from './stores';
import type { Workbook } from './workbook';

const str = (v: Plain): string => (v === null ? '' : String(v));
const num = (v: Plain): number | null => (typeof v === 'number' ? v : null);

function record<T>(fields: Partial<T>, names: Record<keyof T, string>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(fields)) out[names[k as keyof T]] = v as Plain;
  return out;
}

/** Rows read once per execution back batched updates (Table.updateMany needs the rows in between). */
class CachedStore<T> {
  protected readonly rows = new Map<number, Row>();

  constructor(readonly table: Table, private readonly names: Record<keyof T, string>, private readonly key: string, private readonly decode: (r: Row) => T) {}

  readAll(): Located<T>[] {
    this.rows.clear();
    return this.table.readAll().filter((r) => {
      this.rows.set(r._row, r);
      return str(r[this.key]).trim() !== '';
    }).map((r) => ({ row: r._row, value: this.decode(r) }));
  }

  append(values: T[]): number {
    return this.table.append(values.map((v) => record(v, this.names)));
  }

  /** Many rows in a constant number of calls (after readAll in this execution). */
  updateMany(updates: { row: number; fields: Partial<T> }[]): void {
    const records = updates.filter((u) => Object.keys(u.fields).length).map((u) => ({ row: u.row, values: record(u.fields, this.names) }));
    this.table.updateMany(records, (row) => this.rows.get(row));
    for (const r of records) Object.assign(this.rows.get(r.row) ?? {}, r.values);
  }

  /** Rows whose cell in `column` is exactly `value`. */
  findRows(column: string, value: string): number[] {
    return this.table.findRows(column, value);
  }
}

export interface ReturnRow {
  rmaId: string;
  orderId: string;
  lineKey: string;
  shipmentId: string;
  sku: string;
  qty: number;
  reason: ReturnReason | '';
  note: string;
  status: ReturnStatus;
  disposition: Disposition | '';
  bin: string;
  creditNoteRef: string;
  /** minor units */
  refundMinor: number | null;
  /** percent */
  taxRate: number | null;
  taxMinor: number | null;
  requestId: string;
  createdAt: number | null;
  user: string;
}

const RETURN_FIELDS: Record<keyof ReturnRow, string> = {
  rmaId: 'rma_id', orderId: 'order_id', lineKey: 'line_key', shipmentId: 'shipment_id', sku: 'sku', qty: 'qty', reason: 'reason',
  note: 'note', status: 'status', disposition: 'disposition', bin: 'bin', creditNoteRef: 'credit_note_ref', refundMinor: 'refund_amount',
  taxRate: 'tax_rate', taxMinor: 'tax_amount', requestId: 'request_id', createdAt: 'created_at', user: 'user',
};

export class ReturnsStore extends CachedStore<ReturnRow> {
  constructor(table: Table) {
    super(table, RETURN_FIELDS, 'rma_id', (r) => ({
      rmaId: str(r.rma_id).trim(), orderId: str(r.order_id).trim(), lineKey: str(r.line_key).trim(), shipmentId: str(r.shipment_id).trim(),
      sku: str(r.sku).trim(), qty: num(r.qty) ?? 0, reason: str(r.reason).trim() as ReturnRow['reason'], note: str(r.note),
      status: (str(r.status).trim() || 'received') as ReturnStatus, disposition: str(r.disposition).trim() as ReturnRow['disposition'],
      bin: str(r.bin).trim(), creditNoteRef: str(r.credit_note_ref), refundMinor: num(r.refund_amount), taxRate: num(r.tax_rate),
      taxMinor: num(r.tax_amount), requestId: str(r.request_id), createdAt: num(r.created_at), user: str(r.user),
    }));
  }
}

export interface CountRow {
  countId: string;
  bin: string;
  sku: string;
  lot: string;
  expected: number | null;
  counted: number | null;
  variance: number | null;
  status: CountStatus;
  /** the last movement id when the line's expected quantity was read */
  watermark: string;
  /** the request that made the sheet, then the last submission that changed the line */
  requestId: string;
  createdAt: number | null;
  user: string;
}

const COUNT_FIELDS: Record<keyof CountRow, string> = {
  countId: 'count_id', bin: 'bin', sku: 'sku', lot: 'lot', expected: 'expected', counted: 'counted', variance: 'variance',
  status: 'status', watermark: 'watermark', requestId: 'request_id', createdAt: 'created_at', user: 'user',
};

export class CountsStore extends CachedStore<CountRow> {
  constructor(table: Table) {
    super(table, COUNT_FIELDS, 'count_id', (r) => ({
      countId: str(r.count_id).trim(), bin: str(r.bin).trim(), sku: str(r.sku).trim(), lot: str(r.lot), expected: num(r.expected),
      counted: num(r.counted), variance: num(r.variance), status: (str(r.status).trim() || 'open') as CountStatus,
      watermark: str(r.watermark).trim(), requestId: str(r.request_id), createdAt: num(r.created_at), user: str(r.user),
    }));
  }
}

export function returnsStore(wb: Workbook): ReturnsStore {
  return new ReturnsStore(wb.table('returns'));
}

export function countsStore(wb: Workbook): CountsStore {
  return new CountsStore(wb.table('counts'));
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * Ledger rows (sheet row numbers, ascending) whose cell in `column` is one of `values`: one
 * TextFinder over that column (whole cell; a regular expression for several values).
 */
export function findLedgerRows(ledger: LedgerStore, column: string, values: readonly string[], opts: { ignoreCase?: boolean } = {}): number[] {
  const wanted = Array.from(new Set(values.filter((v) => v !== '')));
  if (wanted.length === 0) return [];
  const range = ledger.table.columnRange(column);
  if (!range) return [];
  const one = wanted.length === 1;
  const finder = range.createTextFinder(one ? wanted[0] : wanted.map(escapeRegex).join('|'))
    .matchEntireCell(true).matchCase(!opts.ignoreCase).useRegularExpression(!one);
  return finder.findAll().map((h) => h.getRow()).sort((a, b) => a - b);
}

/**
 * Read some ledger rows, one call per run of adjacent rows (the rows of one request are
 * adjacent), so what is read does not depend on the unrelated rows around them.
 */
export function readLedgerRows(ledger: LedgerStore, rows: readonly number[], gap = 1): Located<Movement>[] {
  const sorted = Array.from(new Set(rows)).sort((a, b) => a - b);
  const wanted = new Set(sorted);
  const out: Located<Movement>[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i] - sorted[i - 1] > gap) {
      for (const m of ledger.read(sorted[start], sorted[i - 1])) if (wanted.has(m.row)) out.push(m);
      start = i;
    }
  }
  return out;
}

/** Movements whose `column` is one of `values`, in ledger order. */
export function ledgerWhere(ledger: LedgerStore, column: string, values: readonly string[]): Movement[] {
  return readLedgerRows(ledger, findLedgerRows(ledger, column, values)).map((r) => r.value);
}

/** The stock key of a data row of the Stock tab, when the sheet given is that tab. */
export function stockKeyAt(wb: Workbook, sheetId: number, row: number): StockKey | null {
  const table = wb.table('stock');
  if (table.sheet.getSheetId() !== sheetId || row < FIRST_DATA_ROW || row > table.lastRow()) return null;
  const r = table.readRows(row, row)[0];
  if (!r) return null;
  const l = levelFromRow(r);
  return l.sku.trim() ? { sku: l.sku, bin: l.bin, state: l.state, lot: l.lot } : null;
}

/**
 * ABC classes per SKU key, from the reports table (rebuilt by rebuildReports and the hourly
 * run), or null when there are none yet (no such tab, or never built).
 */
export function abcBySku(wb: Workbook): Map<string, AbcClass> | null {
  let rows: Row[];
  try {
    rows = wb.table('report_skus').readAll();
  } catch (e) {
    if (e instanceof ProblemError) return null;
    throw e;
  }
  const out = new Map<string, AbcClass>();
  for (const r of rows) {
    const sku = str(r.sku).trim();
    const c = str(r.abc_class).trim().toUpperCase();
    if (sku && (c === 'A' || c === 'B' || c === 'C')) out.set(skuKey(sku), c);
  }
  return out.size ? out : null;
}
