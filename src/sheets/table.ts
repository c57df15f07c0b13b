/**
 * A table is a tab with developer metadata table=<id>; row 1 holds column ids, row 2 the
 * localized headers, data from row 3. Reads and writes go through here, batched.
 */
import type { RangeLike, SheetLike } from './apps-script';
import { FIRST_DATA_ROW, ID_ROW, SCHEMA, type ColumnDef, type TableId } from './schema';
import { numberFormat } from './formats';
import { decodeCell, encodeCell, type CellEnv, type Plain } from './cells';
import { ProblemError, problem } from '../domain/result';

/** Spare rows added whenever a table must grow. */
export const GROWTH_ROWS = 500;

export type Row = Record<string, Plain> & { _row: number };

export class Table {
  private columnIndex: Map<string, number> | null = null;

  constructor(readonly id: TableId, readonly sheet: SheetLike, private readonly env: CellEnv) {}

  private get defs(): readonly ColumnDef[] {
    return SCHEMA[this.id].columns;
  }

  /** Column id -> 1-based column, from the id row (read once per instance). */
  columns(): Map<string, number> {
    if (!this.columnIndex) {
      const width = Math.max(1, this.sheet.getLastColumn());
      this.setColumns(this.sheet.getRange(ID_ROW, 1, 1, width).getValues()[0]);
    }
    return this.columnIndex as Map<string, number>;
  }

  private setColumns(idRow: unknown[]): void {
    const map = new Map<string, number>();
    idRow.forEach((v, i) => {
      const id = String(v).trim();
      if (id && !map.has(id)) map.set(id, i + 1);
    });
    const missing = this.defs.filter((d) => !map.has(d.id));
    if (missing.length) throw new ProblemError([problem('table_missing', '', undefined, { table: this.id, column: missing[0].id })]);
    this.columnIndex = map;
  }

  lastRow(): number {
    return Math.max(this.sheet.getLastRow(), FIRST_DATA_ROW - 1);
  }

  /** Every data row, with the id row, in one read. */
  readAll(): Row[] {
    const last = this.lastRow();
    const width = Math.max(1, this.sheet.getLastColumn());
    const values = this.sheet.getRange(1, 1, last, width).getValues();
    this.setColumns(values[0]);
    return values.slice(FIRST_DATA_ROW - 1).map((cells, i) => this.decode(cells, FIRST_DATA_ROW + i));
  }

  /** Rows from..to (1-based sheet rows, inclusive), in one read. */
  readRows(from: number, to: number): Row[] {
    if (to < from) return [];
    const cols = this.columns();
    const width = Math.max(...Array.from(cols.values()));
    const values = this.sheet.getRange(from, 1, to - from + 1, width).getValues();
    return values.map((cells, i) => this.decode(cells, from + i));
  }

  private decode(cells: unknown[], rowNumber: number): Row {
    const cols = this.columns();
    const row = { _row: rowNumber } as Row;
    for (const def of this.defs) row[def.id] = decodeCell(def.type, cells[(cols.get(def.id) as number) - 1], this.env);
    return row;
  }

  /** Append records below the last row in one write; returns the first row written. */
  append(records: Record<string, Plain>[]): number {
    if (records.length === 0) return 0;
    const cols = this.columns();
    const width = Math.max(...Array.from(cols.values()));
    const first = this.lastRow() + 1;
    this.ensureRows(first + records.length - 1);
    const grid = records.map((r) => {
      const cells: unknown[] = new Array(width).fill('');
      for (const def of this.defs) {
        if (def.id in r) cells[(cols.get(def.id) as number) - 1] = encodeCell(def.type, r[def.id], this.env);
      }
      return cells;
    });
    this.assertFormats(first, records.length);
    this.sheet.getRange(first, 1, records.length, width).setValues(grid);
    return first;
  }

  /**
   * Overwrite some columns of one row. Only the named columns are written, in contiguous
   * runs, so users' own columns (and formulas in them) are never touched.
   */
  update(rowNumber: number, values: Record<string, Plain>): void {
    const cols = this.columns();
    const cells = Object.keys(values)
      .map((id) => ({ col: cols.get(id) as number, value: encodeCell(this.def(id).type, values[id], this.env) }))
      .sort((a, b) => a.col - b.col);
    for (const run of contiguousRuns(cells)) {
      this.sheet.getRange(rowNumber, run[0].col, 1, run.length).setValues([run.map((c) => c.value)]);
    }
  }

  /**
   * Replace every data row of a rebuilt table (a report) in one write, clearing rows the
   * previous build had beyond the new ones. For tables derived from others, never for input.
   */
  rewrite(records: Record<string, Plain>[]): void {
    const last = this.lastRow();
    const cols = this.columns();
    const width = Math.max(...Array.from(cols.values()));
    if (records.length) {
      this.ensureRows(FIRST_DATA_ROW + records.length - 1);
      this.assertFormats(FIRST_DATA_ROW, records.length);
      const grid = records.map((r) => {
        const cells: unknown[] = new Array(width).fill('');
        for (const def of this.defs) if (def.id in r) cells[(cols.get(def.id) as number) - 1] = encodeCell(def.type, r[def.id], this.env);
        return cells;
      });
      this.sheet.getRange(FIRST_DATA_ROW, 1, records.length, width).setValues(grid);
    }
    const stale = last - (FIRST_DATA_ROW + records.length) + 1;
    if (stale > 0) this.sheet.getRange(FIRST_DATA_ROW + records.length, 1, stale, width).clearContent();
  }

  /**
   * Overwrite some columns of many rows with a constant number of calls: one write per
   * contiguous run of the columns named, spanning the rows from the first to the last
   * updated one. Rows in between keep their current values, which the caller read in this
   * execution under the lock (`current`).
   */
  updateMany(updates: { row: number; values: Record<string, Plain> }[], current: (row: number) => Row | undefined): void {
    if (updates.length === 0) return;
    const cols = this.columns();
    const byRow = new Map(updates.map((u) => [u.row, u.values]));
    const first = Math.min(...updates.map((u) => u.row));
    const last = Math.max(...updates.map((u) => u.row));
    const targets = Array.from(new Set(updates.flatMap((u) => Object.keys(u.values)))).map((id) => cols.get(id) as number);
    // One rectangle from the first to the last column written, taking in the add-on's own
    // columns between them (rewritten with their current values): a row's fields then
    // change in one call, so a run cut off half-way never leaves a row half-updated. A
    // user's own column in between splits the rectangle: their cells are never rewritten.
    const ours = new Map(this.defs.map((d) => [cols.get(d.id) as number, d]));
    const span: { id: string; col: number; def: ColumnDef }[] = [];
    for (let c = Math.min(...targets); c <= Math.max(...targets); c++) {
      const def = ours.get(c);
      if (def) span.push({ id: def.id, col: c, def });
    }
    for (const run of contiguousRuns(span)) {
      if (!run.some((c) => targets.includes(c.col))) continue;
      const grid: unknown[][] = [];
      for (let r = first; r <= last; r++) {
        const next = byRow.get(r);
        const now = current(r);
        grid.push(run.map((c) => {
          const v = next && c.id in next ? next[c.id] : now ? now[c.id] : null;
          return encodeCell(c.def.type, v === undefined ? null : v, this.env);
        }));
      }
      this.sheet.getRange(first, run[0].col, last - first + 1, run.length).setValues(grid);
    }
  }

  /**
   * Rows whose cell in `column` is exactly `value`: a whole-cell, case-sensitive TextFinder
   * (Sheets' defaults are partial and case-insensitive, so "r1" would find "r10").
   */
  findRows(column: string, value: string): number[] {
    const range = this.columnRange(column);
    if (!range || value === '') return [];
    return range.createTextFinder(value).matchEntireCell(true).matchCase(true).findAll().map((h) => h.getRow());
  }

  /** The data cells of one column (rows 3..last), for a TextFinder. */
  columnRange(column: string): RangeLike | null {
    const last = this.lastRow();
    if (last < FIRST_DATA_ROW) return null;
    return this.sheet.getRange(FIRST_DATA_ROW, this.columns().get(column) as number, last - FIRST_DATA_ROW + 1, 1);
  }

  /**
   * Re-assert the number formats of the rows about to be written: a string column that lost
   * its "@" (a user pasted formats over it) would turn "00123" into 123 or "-A1" into an
   * error. One call per contiguous run of our columns (one in the default layout).
   */
  private assertFormats(first: number, count: number): void {
    const cols = this.columns();
    const byCol = this.defs.map((d) => ({ col: cols.get(d.id) as number, format: numberFormat(d.type, this.env.currency) }))
      .sort((a, b) => a.col - b.col);
    for (const run of contiguousRuns(byCol)) {
      const row = run.map((r) => r.format);
      this.sheet.getRange(first, run[0].col, count, run.length).setNumberFormats(Array.from({ length: count }, () => row));
    }
  }

  private def(id: string): ColumnDef {
    const def = this.defs.find((d) => d.id === id);
    if (!def) throw new Error(`Unknown column ${this.id}.${id}`);
    return def;
  }

  private ensureRows(needed: number): void {
    const max = this.sheet.getMaxRows();
    // Grow with headroom so appends rarely pay for an insert.
    if (needed > max) this.sheet.insertRowsAfter(max, needed - max + GROWTH_ROWS);
  }
}

/** Split cells sorted by column into runs of adjacent columns: one write per run. */
function contiguousRuns<T extends { col: number }>(sorted: T[]): T[][] {
  const runs: T[][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run && c.col === run[run.length - 1].col + 1) run.push(c);
    else runs.push([c]);
  }
  return runs;
}
