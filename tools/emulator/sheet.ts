/** Sheet facade (counted). */
import type {
  ConditionalFormatRuleLike,
  DeveloperMetadataFinderLike,
  DeveloperMetadataLike,
  EmbeddedChartBuilderLike,
  EmbeddedChartLike,
  ProtectionLike,
  RangeLike,
  SheetLike,
  TextFinderLike,
} from '../../src/sheets/apps-script';
import { parseA1, type Rect } from './a1';
import { builderFacade, chartFacade, insertChart, removeChart, updateChart } from './charts';
import { ServiceError } from './errors';
import { ConditionalFormatRuleFacade, ruleFacade } from './conditional-format';
import { unwrap } from './execution';
import type { Execution } from './execution';
import { addMetadata, finderFacade, metadataFacade } from './metadata';
import { protectionFacade } from './protection';
import { rangeFacade } from './range';
import type { SheetModel } from './sheet-model';
import { textFinderFacade } from './text-finder';

export function sheetFacade(x: Execution, sheet: SheetModel): SheetLike {
  return x.wrap('Sheet', new SheetFacade(x, sheet));
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** getRange argument checks with the Apps Script texts (reference section 3). */
export function checkedRect(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): Rect {
  for (const v of [row, col, numRows, numCols]) {
    if (!isInt(v)) throw new ServiceError("The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
  }
  const r = Math.trunc(row);
  const c = Math.trunc(col);
  const nr = Math.trunc(numRows);
  const nc = Math.trunc(numCols);
  if (r < 1) throw new ServiceError('The starting row of the range is too small.');
  if (c < 1) throw new ServiceError('The starting column of the range is too small.');
  if (nr < 1) throw new ServiceError('The number of rows in the range must be at least 1.');
  if (nc < 1) throw new ServiceError('The number of columns in the range must be at least 1.');
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxColumns) {
    throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return { row: r, col: c, numRows: nr, numCols: nc };
}

class SheetFacade implements SheetLike {
  constructor(
    private readonly x: Execution,
    private readonly s: SheetModel,
  ) {}

  private _self(): SheetLike {
    return sheetFacade(this.x, this.s);
  }

  getName(): string {
    return this.s.name;
  }
  getSheetId(): number {
    return this.s.sheetId;
  }
  getIndex(): number {
    return this.x.emu.book.sheets.indexOf(this.s) + 1;
  }
  getLastRow(): number {
    return this.s.lastRow();
  }
  getLastColumn(): number {
    return this.s.lastColumn();
  }
  getMaxRows(): number {
    return this.s.maxRows;
  }
  getMaxColumns(): number {
    return this.s.maxColumns;
  }
  getFrozenRows(): number {
    return this.s.frozenRows;
  }
  setName(name: string): SheetLike {
    const n = String(name);
    const other = this.x.emu.book.sheetByName(n);
    if (other && other !== this.s) throw new ServiceError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this.s.name = n;
    return this._self();
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeLike {
    if (typeof a === 'string') {
      const p = parseA1(a, this.s.maxRows, this.s.maxColumns);
      if (!p || (p.sheetName !== undefined && p.sheetName !== this.s.name)) throw new ServiceError('Range not found');
      const rect = checkedRect(this.s, p.rect.row, p.rect.col, p.rect.numRows, p.rect.numCols);
      return rangeFacade(this.x, this.s, rect, p.kind);
    }
    const rect = checkedRect(this.s, a, column as number, numRows ?? 1, numColumns ?? 1);
    return rangeFacade(this.x, this.s, rect);
  }

  getDataRange(): RangeLike {
    return rangeFacade(this.x, this.s, {
      row: 1,
      col: 1,
      numRows: Math.max(1, this.s.lastRow()),
      numCols: Math.max(1, this.s.lastColumn()),
    });
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetLike {
    this.s.insertRowsAfter(afterPosition, howMany);
    return this._self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SheetLike {
    this.s.insertColumnsAfter(afterPosition, howMany);
    return this._self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.s.deleteColumns(columnPosition, howMany ?? 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.s.deleteRows(rowPosition, howMany ?? 1);
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.s.maxRows) throw new ServiceError('Invalid argument: rows');
    this.s.frozenRows = rows;
  }
  setColumnWidth(columnPosition: number, width: number): SheetLike {
    this.s.columnWidths[columnPosition] = width;
    return this._self();
  }
  hideRows(rowIndex: number, numRows?: number): void {
    const n = numRows ?? 1;
    for (let r = rowIndex; r < rowIndex + n; r++) this.s.hiddenRows.add(r);
  }
  hideColumns(columnIndex: number, numColumns?: number): void {
    const n = numColumns ?? 1;
    if (columnIndex < 1 || n < 1 || columnIndex + n - 1 > this.s.maxColumns) throw new ServiceError('Those columns are out of bounds.');
    for (let c = columnIndex; c < columnIndex + n; c++) this.s.hiddenColumns.add(c);
  }
  getConditionalFormatRules(): ConditionalFormatRuleLike[] {
    return this.x.array(this.s.conditionalRules.map((r) => ruleFacade(this.x, r)));
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleLike[]): void {
    this.s.conditionalRules = rules.map((r) => unwrap<ConditionalFormatRuleFacade>(r, 'ConditionalFormatRule')._rule);
  }
  showRows(rowIndex: number, numRows?: number): void {
    const n = numRows ?? 1;
    for (let r = rowIndex; r < rowIndex + n; r++) this.s.hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.s.hiddenRows.has(rowPosition);
  }
  setTabColor(color: string | null): SheetLike {
    this.s.tabColor = color;
    return this._self();
  }
  protect(): ProtectionLike {
    const existing = this.s.protectionList.find((p) => p.type === 'SHEET');
    return protectionFacade(this.x, this.s, existing ?? this.s.addProtection('SHEET', null));
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): ProtectionLike[] {
    const name = String(type);
    return this.x.array(this.s.protectionList.filter((p) => p.type === name).map((p) => protectionFacade(this.x, this.s, p)));
  }
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): SheetLike {
    addMetadata(this.x, { type: 'SHEET', sheet: this.s }, key, value, visibility);
    return this._self();
  }
  getDeveloperMetadata(): DeveloperMetadataLike[] {
    const own = this.s.metadata.filter((m) => m.location.type === 'SHEET');
    return this.x.array(own.map((m) => metadataFacade(this.x, m)));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike {
    return finderFacade(this.x, () => this.s.metadata);
  }
  createTextFinder(findText: string): TextFinderLike {
    return textFinderFacade(this.x, findText, () => [
      { sheet: this.s, rect: { row: 1, col: 1, numRows: this.s.lastRow(), numCols: this.s.lastColumn() } },
    ]);
  }
  newChart(): EmbeddedChartBuilderLike {
    return builderFacade(this.x);
  }
  insertChart(chart: EmbeddedChartLike): void {
    insertChart(this.x, this.s, chart);
  }
  updateChart(chart: EmbeddedChartLike): void {
    updateChart(this.s, chart);
  }
  removeChart(chart: EmbeddedChartLike): void {
    removeChart(this.s, chart);
  }
  getCharts(): EmbeddedChartLike[] {
    return this.x.array(this.s.charts.map((c) => chartFacade(this.x, c)));
  }
  activate(): SheetLike {
    this.x.emu.book.activeSheetId = this.s.sheetId;
    return this._self();
  }
}
