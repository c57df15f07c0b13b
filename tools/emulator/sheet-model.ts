/** One tab of the model: a sparse grid of cells plus sheet-level state. Uncounted. */
import { cellA1, rectA1, type Rect } from './a1';
import {
  applyContent,
  convertWrite,
  copyRule,
  hasContent,
  isDateCell,
  violates,
  type Cell,
  type Content,
  type ValidationRule,
} from './cells';
import { chartsOnDelete, chartsOnInsert, type ChartModel } from './chart-model';
import { ServiceError } from './errors';
import type { BookModel, MetaEntry } from './model';
import { MAX_COLUMNS } from './model';
import { DEFAULT_FORMAT, isDateObject, msToSerial, defaultDateTimeFormat, renderDisplay, serialToMs, type Scalar } from './values';

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** Protected cells for RANGE protections; null for a whole-sheet protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** A1 of the protected range, or null for the whole sheet. */
  readonly range: string | null;
}

type DateCtor = new (ms: number) => Date;
const NodeDate = Date;

export class SheetModel {
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  tabColor: string | null = null;
  readonly columnWidths: Record<number, number> = {};
  readonly hiddenRows = new Set<number>();
  /** Hidden columns follow their columns on insert and delete, like hidden rows. */
  readonly hiddenColumns = new Set<number>();
  /** setConditionalFormatRules replaces the whole list (see conditional-format.ts) */
  conditionalRules: import('./conditional-format').ConditionalRuleModel[] = [];
  /** Embedded charts in insertion order (chart-model.ts); anchors and ranges follow inserts and deletes. */
  readonly charts: ChartModel[] = [];
  /** grid[row-1][col-1]; both levels sparse. */
  grid: (Cell | undefined)[][] = [];
  readonly protectionList: ProtectionModel[] = [];
  private cache: { lastRow: number; lastColumn: number } | null = null;

  constructor(
    readonly book: BookModel,
    public name: string,
    readonly sheetId: number,
  ) {}

  // ---------- cells ----------

  cell(row: number, col: number): Cell | undefined {
    return this.grid[row - 1]?.[col - 1];
  }

  ensure(row: number, col: number): Cell {
    let r = this.grid[row - 1];
    if (!r) {
      r = [];
      this.grid[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = {};
      r[col - 1] = c;
    }
    return c;
  }

  /** Call after any change of content. */
  touch(): void {
    this.cache = null;
  }

  private extent(): { lastRow: number; lastColumn: number } {
    if (this.cache) return this.cache;
    let lastRow = 0;
    let lastColumn = 0;
    for (let r = 0; r < this.grid.length; r++) {
      const row = this.grid[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (hasContent(row[c])) {
          lastRow = r + 1;
          if (c + 1 > lastColumn) lastColumn = c + 1;
          break;
        }
      }
    }
    this.cache = { lastRow, lastColumn };
    return this.cache;
  }

  lastRow(): number {
    return this.extent().lastRow;
  }

  lastColumn(): number {
    return this.extent().lastColumn;
  }

  readValue(row: number, col: number, D: DateCtor = NodeDate): unknown {
    const c = this.cell(row, col);
    if (!c || c.v === undefined) return '';
    if (isDateCell(c)) return new D(serialToMs(c.v as number, this.book.timeZone));
    return c.v;
  }

  readDisplay(row: number, col: number): string {
    const c = this.cell(row, col);
    if (!c) return '';
    return renderDisplay(c.v, c.fmt, this.book.locale);
  }

  readFormula(row: number, col: number): string {
    return this.cell(row, col)?.f ?? '';
  }

  readFormat(row: number, col: number): string {
    return this.cell(row, col)?.fmt ?? DEFAULT_FORMAT;
  }

  private region<T>(read: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    const lr = this.lastRow();
    const lc = this.lastColumn();
    for (let r = 1; r <= lr; r++) {
      const row: T[] = [];
      for (let c = 1; c <= lc; c++) row.push(read(r, c));
      out.push(row);
    }
    return out;
  }

  /** getValues over the data region (Dates are Node Dates). */
  values(): unknown[][] {
    return this.region((r, c) => this.readValue(r, c));
  }
  displayValues(): string[][] {
    return this.region((r, c) => this.readDisplay(r, c));
  }
  formats(): string[][] {
    return this.region((r, c) => this.readFormat(r, c));
  }
  formulas(): string[][] {
    return this.region((r, c) => this.readFormula(r, c));
  }

  /** Converts and writes a block atomically: all shape, size and validation checks happen before any cell changes. */
  writeBlock(rect: Rect, values: unknown[][]): void {
    const s = this.book.settings;
    const plan: Content[][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const row: Content[] = [];
      for (let j = 0; j < rect.numCols; j++) {
        const cell = this.cell(rect.row + i, rect.col + j);
        const content = convertWrite(values[i][j], cell?.fmt, s);
        if (cell?.dv && !cell.dv.allowInvalid && violates(cell.dv, content, cell.fmt, s.locale)) {
          throw new ServiceError(
            `The data you entered in cell ${cellA1(rect.row + i, rect.col + j)} violates the data validation rules set on this cell.`,
          );
        }
        row.push(content);
      }
      plan.push(row);
    }
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numCols; j++) {
        const content = plan[i][j];
        if (content === 'keep') continue;
        const empty = content.v === undefined && content.f === undefined;
        if (empty && !this.cell(rect.row + i, rect.col + j)) continue;
        applyContent(this.ensure(rect.row + i, rect.col + j), content);
      }
    }
    this.touch();
  }

  clearContent(rect: Rect): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        const cell = this.cell(r, c);
        if (cell) {
          delete cell.v;
          delete cell.f;
        }
      }
    }
    this.touch();
  }

  /** A person typing `input` into a cell: user-entered parsing ("@" honoured), validation enforced when allowInvalid is false. */
  userEdit(row: number, col: number, input: string): void {
    this.writeBlock({ row, col, numRows: 1, numCols: 1 }, [[input]]);
  }

  /** Sets a cell's value without conversion (null clears). A Date is stored as a serial with a date-time format. */
  setRaw(row: number, col: number, value: Scalar | Date | null): void {
    const cell = this.ensure(row, col);
    delete cell.f;
    if (value === null) delete cell.v;
    else if (isDateObject(value)) {
      cell.v = msToSerial(value.getTime(), this.book.timeZone);
      if (cell.fmt === undefined) cell.fmt = defaultDateTimeFormat(this.book.locale);
    } else cell.v = value;
    this.touch();
  }

  // ---------- sheet-level views ----------

  /** Developer metadata located on this sheet (sheet, row and column locations). */
  get metadata(): MetaEntry[] {
    return this.book.allMetadata.filter((m) => m.location.type !== 'SPREADSHEET' && m.location.sheet === this);
  }

  /** Every cell carrying a validation rule, row-major. */
  get validations(): { row: number; col: number; a1: string; rule: ValidationRule }[] {
    const out: { row: number; col: number; a1: string; rule: ValidationRule }[] = [];
    this.grid.forEach((row, r) =>
      row?.forEach((c, k) => {
        if (c?.dv) out.push({ row: r + 1, col: k + 1, a1: cellA1(r + 1, k + 1), rule: c.dv });
      }),
    );
    return out;
  }

  get protections(): ProtectionModel[] {
    return this.protectionList;
  }

  addProtection(type: 'RANGE' | 'SHEET', rect: Rect | null): ProtectionModel {
    const p: ProtectionModel = {
      id: this.book.newProtectionId(),
      type,
      rect,
      description: '',
      warningOnly: false,
      get range() {
        return this.rect ? rectA1(this.rect) : null;
      },
    };
    this.protectionList.push(p);
    return p;
  }

  // ---------- structure ----------

  insertRowsAfter(after: number, n: number): void {
    if (after < 0 || after > this.maxRows) throw new ServiceError('Those rows are out of bounds.');
    if (n < 1) throw new ServiceError('The number of rows must be at least 1.');
    this.book.checkCellLimit(n * this.maxColumns);
    const tmpl = after >= 1 ? this.grid[after - 1] : undefined;
    const fresh: (Cell | undefined)[][] = [];
    for (let i = 0; i < n; i++) fresh.push(inherit(tmpl));
    if (this.grid.length > after) this.grid.splice(after, 0, ...fresh);
    else if (tmpl) for (let i = 0; i < n; i++) this.grid[after + i] = fresh[i];
    this.maxRows += n;
    this.shiftMeta('ROW', after, n);
    for (const p of this.protectionList) if (p.rect) shiftRect(p, 'row', after, n);
    this.hiddenRowsShift(after, n);
    chartsOnInsert(this, 'row', after, n);
    this.touch();
  }

  insertColumnsAfter(after: number, n: number): void {
    if (after < 0 || after > this.maxColumns) throw new ServiceError('Those columns are out of bounds.');
    if (n < 1) throw new ServiceError('The number of columns must be at least 1.');
    if (this.maxColumns + n > MAX_COLUMNS) {
      throw new ServiceError(`This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS}.`);
    }
    this.book.checkCellLimit(n * this.maxRows);
    for (const row of this.grid) {
      if (!row) continue;
      const t = after >= 1 ? row[after - 1] : undefined;
      const fresh: (Cell | undefined)[] = [];
      for (let i = 0; i < n; i++) fresh.push(t ? styleOnly(t) : undefined);
      if (row.length > after) row.splice(after, 0, ...fresh);
      else if (t) for (let i = 0; i < n; i++) row[after + i] = fresh[i];
    }
    this.maxColumns += n;
    const hiddenCols = [...this.hiddenColumns];
    this.hiddenColumns.clear();
    for (const c of hiddenCols) this.hiddenColumns.add(c > after ? c + n : c);
    this.shiftMeta('COLUMN', after, n);
    for (const p of this.protectionList) if (p.rect) shiftRect(p, 'col', after, n);
    chartsOnInsert(this, 'col', after, n);
    this.touch();
  }

  deleteRows(pos: number, n: number): void {
    if (pos < 1 || n < 1 || pos + n - 1 > this.maxRows) throw new ServiceError('Those rows are out of bounds.');
    if (n >= this.maxRows - this.frozenRows && pos > this.frozenRows) {
      throw new ServiceError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.grid.splice(pos - 1, n);
    this.maxRows -= n;
    this.dropMeta('ROW', pos, n);
    this.dropProtections('row', pos, n);
    const hidden = [...this.hiddenRows];
    this.hiddenRows.clear();
    for (const h of hidden) if (h < pos) this.hiddenRows.add(h);
    else if (h >= pos + n) this.hiddenRows.add(h - n);
    if (this.frozenRows >= pos) this.frozenRows = Math.max(pos - 1, this.frozenRows - n);
    chartsOnDelete(this, 'row', pos, n);
    this.touch();
  }

  deleteColumns(pos: number, n: number): void {
    if (pos < 1 || n < 1 || pos + n - 1 > this.maxColumns) throw new ServiceError('Those columns are out of bounds.');
    if (n >= this.maxColumns) throw new ServiceError('Sorry, it is not possible to delete all non-frozen columns.');
    for (const row of this.grid) if (row) row.splice(pos - 1, n);
    this.maxColumns -= n;
    const hiddenCols = [...this.hiddenColumns];
    this.hiddenColumns.clear();
    for (const c of hiddenCols) if (c < pos) this.hiddenColumns.add(c);
    else if (c >= pos + n) this.hiddenColumns.add(c - n);
    this.dropMeta('COLUMN', pos, n);
    this.dropProtections('col', pos, n);
    chartsOnDelete(this, 'col', pos, n);
    this.touch();
  }

  /** A person sorting rows fromRow..lastRow by a column (whole rows move, formats included). Empty keys go last. */
  sortRows(fromRow: number, byColumn: number, ascending = true): void {
    const last = this.lastRow();
    if (last < fromRow) return;
    const rows = this.grid.slice(fromRow - 1, last);
    while (rows.length < last - fromRow + 1) rows.push([]);
    const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    const keyed = rows.map((row, i) => ({ row, i, v: row?.[byColumn - 1]?.v }));
    keyed.sort((a, b) => {
      const ea = a.v === undefined || a.v === '';
      const eb = b.v === undefined || b.v === '';
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1;
      let d = rank(a.v) - rank(b.v);
      if (d === 0) {
        if (typeof a.v === 'string') d = (a.v as string).localeCompare(b.v as string);
        else d = Number(a.v) - Number(b.v);
      }
      if (!ascending) d = -d;
      return d !== 0 ? d : a.i - b.i;
    });
    keyed.forEach((k, i) => {
      this.grid[fromRow - 1 + i] = k.row;
    });
    this.touch();
  }

  private shiftMeta(type: 'ROW' | 'COLUMN', after: number, n: number): void {
    for (const m of this.metadata) {
      if (m.location.type === type && m.location.index > after) m.location.index += n;
    }
  }

  private dropMeta(type: 'ROW' | 'COLUMN', pos: number, n: number): void {
    for (const m of this.metadata) {
      const loc = m.location;
      if (loc.type !== type) continue;
      if (loc.index >= pos && loc.index < pos + n) this.book.removeMetadata(m);
      else if (loc.index >= pos + n) loc.index -= n;
    }
  }

  private dropProtections(axis: 'row' | 'col', pos: number, n: number): void {
    for (let i = this.protectionList.length - 1; i >= 0; i--) {
      const p = this.protectionList[i];
      if (!p.rect) continue;
      const start = axis === 'row' ? p.rect.row : p.rect.col;
      const len = axis === 'row' ? p.rect.numRows : p.rect.numCols;
      const end = start + len - 1;
      const delEnd = pos + n - 1;
      const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, pos) + 1);
      const newLen = len - overlap;
      if (newLen <= 0) {
        this.protectionList.splice(i, 1);
        continue;
      }
      const newStart = start > delEnd ? start - n : Math.min(start, pos);
      if (axis === 'row') p.rect = { ...p.rect, row: newStart, numRows: newLen };
      else p.rect = { ...p.rect, col: newStart, numCols: newLen };
    }
  }

  private hiddenRowsShift(after: number, n: number): void {
    const hidden = [...this.hiddenRows];
    this.hiddenRows.clear();
    for (const h of hidden) this.hiddenRows.add(h > after ? h + n : h);
  }
}

/** A new row inserted next to `tmpl`: inherits formats, validation and style, not values or notes. */
function inherit(tmpl: (Cell | undefined)[] | undefined): (Cell | undefined)[] {
  if (!tmpl) return [];
  return tmpl.map((c) => (c ? styleOnly(c) : undefined));
}

function styleOnly(c: Cell): Cell | undefined {
  const out: Cell = {};
  if (c.fmt !== undefined) out.fmt = c.fmt;
  if (c.dv) out.dv = copyRule(c.dv);
  if (c.style) out.style = { ...c.style };
  return Object.keys(out).length > 0 ? out : undefined;
}

function shiftRect(p: ProtectionModel, axis: 'row' | 'col', after: number, n: number): void {
  const r = p.rect!;
  if (axis === 'row') {
    if (r.row > after) p.rect = { ...r, row: r.row + n };
    else if (r.row + r.numRows - 1 > after) p.rect = { ...r, numRows: r.numRows + n };
  } else {
    if (r.col > after) p.rect = { ...r, col: r.col + n };
    else if (r.col + r.numCols - 1 > after) p.rect = { ...r, numCols: r.numCols + n };
  }
}
