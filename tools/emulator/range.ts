/** Range facade (counted). */
import type {
  DataValidationLike,
  DeveloperMetadataFinderLike,
  ProtectionLike,
  RangeLike,
  SheetLike,
  TextFinderLike,
} from '../../src/sheets/apps-script';
import { rectA1, type A1Kind, type Rect } from './a1';
import { copyRule, isGeneral } from './cells';
import { ServiceError } from './errors';
import { unwrap, type Execution } from './execution';
import { addMetadata, finderFacade, rangeScope } from './metadata';
import { protectionFacade } from './protection';
import type { SheetModel } from './sheet-model';
import { sheetFacade } from './sheet';
import { textFinderFacade } from './text-finder';
import { validationFacade, type DataValidationFacade } from './validation';

export function rangeFacade(x: Execution, sheet: SheetModel, rect: Rect, kind: A1Kind = 'cells'): RangeLike {
  return x.wrap('Range', new RangeFacade(x, sheet, rect, kind));
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  return typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : 'Object';
}

/** setValues-style shape check: rows first, then each row's length. */
export function checkShape(data: unknown, rect: Rect, method: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) {
    throw new ServiceError(`The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.length !== rect.numRows) {
    throw new ServiceError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== rect.numCols) {
      throw new ServiceError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numCols}.`,
      );
    }
  }
  return data as unknown[][];
}

export class RangeFacade implements RangeLike {
  constructor(
    private readonly x: Execution,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
    private readonly kind: A1Kind,
  ) {}

  private _cells<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    const { row, col, numRows, numCols } = this._rect;
    for (let r = row; r < row + numRows; r++) {
      const line: T[] = [];
      for (let c = col; c < col + numCols; c++) line.push(f(r, c));
      out.push(line);
    }
    return out;
  }

  private _size(): number {
    return this._rect.numRows * this._rect.numCols;
  }

  private _read(): void {
    this.x.emu.counters.cellsRead += this._size();
  }

  private _wrote(): void {
    this.x.emu.counters.cellsWritten += this._size();
  }

  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getA1Notation(): string {
    return rectA1(this._rect, this.kind);
  }
  getSheet(): SheetLike {
    return sheetFacade(this.x, this._sheet);
  }

  getValues(): any[][] {
    this._read();
    const D = this.x.realm.Date;
    return this.x.grid(this._cells((r, c) => this._sheet.readValue(r, c, D)));
  }
  getValue(): any {
    this.x.emu.counters.cellsRead += 1;
    return this._sheet.readValue(this._rect.row, this._rect.col, this.x.realm.Date);
  }
  getDisplayValues(): string[][] {
    this._read();
    return this.x.grid(this._cells((r, c) => this._sheet.readDisplay(r, c)));
  }
  getDisplayValue(): string {
    this.x.emu.counters.cellsRead += 1;
    return this._sheet.readDisplay(this._rect.row, this._rect.col);
  }
  getFormulas(): string[][] {
    this._read();
    return this.x.grid(this._cells((r, c) => this._sheet.readFormula(r, c)));
  }
  getFormula(): string {
    this.x.emu.counters.cellsRead += 1;
    return this._sheet.readFormula(this._rect.row, this._rect.col);
  }
  getNumberFormats(): string[][] {
    this._read();
    return this.x.grid(this._cells((r, c) => this._sheet.readFormat(r, c)));
  }
  getNumberFormat(): string {
    this.x.emu.counters.cellsRead += 1;
    return this._sheet.readFormat(this._rect.row, this._rect.col);
  }

  setValues(values: any[][]): RangeLike {
    const data = checkShape(values, this._rect, 'setValues');
    this._sheet.writeBlock(this._rect, data);
    this._wrote();
    return this._self();
  }
  setValue(value: any): RangeLike {
    const data = this._cells(() => value as unknown);
    this._sheet.writeBlock(this._rect, data);
    this._wrote();
    return this._self();
  }
  clearContent(): RangeLike {
    this._sheet.clearContent(this._rect);
    this._wrote();
    return this._self();
  }

  setNumberFormat(numberFormat: string): RangeLike {
    const fmt = isGeneral(numberFormat) ? undefined : String(numberFormat);
    this._cells((r, c) => this._setFormat(r, c, fmt));
    return this._self();
  }
  setNumberFormats(numberFormats: string[][]): RangeLike {
    const data = checkShape(numberFormats, this._rect, 'setNumberFormats');
    this._cells((r, c) => {
      const f = data[r - this._rect.row][c - this._rect.col];
      this._setFormat(r, c, f === null || f === undefined || isGeneral(String(f)) ? undefined : String(f));
    });
    return this._self();
  }
  private _setFormat(r: number, c: number, fmt: string | undefined): void {
    if (fmt === undefined) {
      const cell = this._sheet.cell(r, c);
      if (cell) delete cell.fmt;
    } else this._sheet.ensure(r, c).fmt = fmt;
  }

  setDataValidation(rule: DataValidationLike | null): RangeLike {
    const model = rule === null ? null : unwrap<DataValidationFacade>(rule, 'DataValidation')._rule;
    this._cells((r, c) => {
      if (model) this._sheet.ensure(r, c).dv = copyRule(model);
      else {
        const cell = this._sheet.cell(r, c);
        if (cell) delete cell.dv;
      }
    });
    return this._self();
  }
  getDataValidations(): (DataValidationLike | null)[][] {
    return this.x.grid(
      this._cells((r, c) => {
        const dv = this._sheet.cell(r, c)?.dv;
        return dv ? validationFacade(this.x, copyRule(dv)) : null;
      }),
    );
  }
  getDataValidation(): DataValidationLike | null {
    const dv = this._sheet.cell(this._rect.row, this._rect.col)?.dv;
    return dv ? validationFacade(this.x, copyRule(dv)) : null;
  }
  insertCheckboxes(): RangeLike {
    const allowInvalid = this.x.emu.options.checkboxAllowInvalid;
    this._cells((r, c) => {
      const cell = this._sheet.ensure(r, c);
      cell.dv = { type: 'CHECKBOX', values: [], showDropdown: false, allowInvalid, helpText: null };
      if (cell.v === undefined && cell.f === undefined) cell.v = false;
    });
    this._sheet.touch();
    return this._self();
  }

  private _style(key: 'fontWeight' | 'fontColor' | 'background' | 'horizontalAlignment', v: string | null): RangeLike {
    this._cells((r, c) => {
      const cell = this._sheet.ensure(r, c);
      cell.style = { ...cell.style, [key]: v };
    });
    return this._self();
  }
  setFontWeight(fontWeight: string | null): RangeLike {
    return this._style('fontWeight', fontWeight);
  }
  setFontColor(color: string | null): RangeLike {
    return this._style('fontColor', color);
  }
  setBackground(color: string | null): RangeLike {
    return this._style('background', color);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeLike {
    return this._style('horizontalAlignment', alignment);
  }
  setWrap(isWrapEnabled: boolean): RangeLike {
    this._cells((r, c) => {
      const cell = this._sheet.ensure(r, c);
      cell.style = { ...cell.style, wrap: !!isWrapEnabled };
    });
    return this._self();
  }
  setNote(note: string | null): RangeLike {
    this._cells((r, c) => {
      if (note === null || note === '') {
        const cell = this._sheet.cell(r, c);
        if (cell) delete cell.note;
      } else this._sheet.ensure(r, c).note = String(note);
    });
    return this._self();
  }
  getNote(): string {
    return this._sheet.cell(this._rect.row, this._rect.col)?.note ?? '';
  }

  protect(): ProtectionLike {
    return protectionFacade(this.x, this._sheet, this._sheet.addProtection('RANGE', { ...this._rect }));
  }

  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): RangeLike {
    const { row, col, numRows, numCols } = this._rect;
    const s = this._sheet;
    let loc: { type: 'ROW' | 'COLUMN'; index: number } | null = null;
    if (numRows === 1 && col === 1 && numCols === s.maxColumns) loc = { type: 'ROW', index: row };
    else if (numCols === 1 && row === 1 && numRows === s.maxRows) loc = { type: 'COLUMN', index: col };
    if (!loc) {
      throw new ServiceError(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    addMetadata(this.x, { type: loc.type, sheet: s, index: loc.index }, key, value, visibility);
    return this._self();
  }

  createTextFinder(findText: string): TextFinderLike {
    return textFinderFacade(this.x, findText, () => [{ sheet: this._sheet, rect: this._rect }]);
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike {
    return finderFacade(this.x, rangeScope(this._sheet, this._rect));
  }

  private _self(): RangeLike {
    return rangeFacade(this.x, this._sheet, this._rect, this.kind);
  }
}
