/**
 * The uncounted spreadsheet model: book, sheets, metadata, protections. Tests and the preview
 * read and poke it directly (emu.book); the facades (spreadsheet.ts, sheet.ts, range.ts) are
 * the counted Apps Script surface over it.
 */
import { parseA1, type Rect } from './a1';
import type { WriteSettings } from './cells';
import { chartsOnSheetRemoved, type ChartModel } from './chart-model';
import { ServiceError } from './errors';
import { SheetModel } from './sheet-model';

export { SheetModel };
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;

export type MetaVisibility = 'DOCUMENT' | 'PROJECT';
export type MetaLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW' | 'COLUMN'; sheet: SheetModel; index: number };

export interface MetaEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: MetaVisibility;
  location: MetaLocation;
}

export interface BookSettings extends WriteSettings {
  name: string;
  id: string;
  /** Rule given to insertCheckboxes (see README). */
  checkboxAllowInvalid: boolean;
}

export class BookModel {
  readonly sheets: SheetModel[] = [];
  /** Every developer metadata entry of the book (spreadsheet, sheet, row and column locations). */
  readonly allMetadata: MetaEntry[] = [];
  activeSheetId = 0;
  activeRange: { sheetId: number; rect: Rect } | null = null;
  readonly settings: BookSettings;
  private nextMetaId = 1;
  private nextSheetId = 0;
  private nextProtectionId = 1;
  private nextChartId = 1;

  constructor(settings: BookSettings) {
    this.settings = settings;
    this.insertSheet('Sheet1');
  }

  get timeZone(): string {
    return this.settings.timeZone;
  }
  set timeZone(tz: string) {
    this.settings.timeZone = tz;
  }
  get locale(): string {
    return this.settings.locale;
  }
  set locale(l: string) {
    this.settings.locale = l;
  }
  get name(): string {
    return this.settings.name;
  }
  set name(n: string) {
    this.settings.name = n;
  }
  get id(): string {
    return this.settings.id;
  }

  /** Spreadsheet-level developer metadata. */
  get metadata(): MetaEntry[] {
    return this.allMetadata.filter((m) => m.location.type === 'SPREADSHEET');
  }

  sheetByName(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  sheetById(id: number): SheetModel | null {
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }

  totalCells(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxColumns;
    return n;
  }

  checkCellLimit(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS) {
      throw new ServiceError(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  /** Adds a sheet of 1000 x 26 at the end (or at index, 0-based). */
  insertSheet(name: string, index?: number): SheetModel {
    if (this.sheetByName(name)) {
      throw new ServiceError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.checkCellLimit(1000 * 26);
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new SheetModel(this, name, id);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    if (this.sheets.length === 1) throw new ServiceError('You can\'t remove all the sheets in a document.');
    this.sheets.splice(i, 1);
    for (let k = this.allMetadata.length - 1; k >= 0; k--) {
      const loc = this.allMetadata[k].location;
      if (loc.type !== 'SPREADSHEET' && loc.sheet === sheet) this.allMetadata.splice(k, 1);
    }
    chartsOnSheetRemoved(this.sheets, sheet);
    if (this.activeSheetId === sheet.sheetId) this.activeSheetId = this.sheets[0].sheetId;
  }

  /** Sets the active sheet and (optionally) the active range, as a user selecting cells would. */
  setActive(sheetName: string, a1?: string): void {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named ${sheetName}`);
    this.activeSheetId = sheet.sheetId;
    if (a1 === undefined) {
      this.activeRange = null;
      return;
    }
    const p = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    if (!p) throw new Error(`Bad A1 notation ${a1}`);
    this.activeRange = { sheetId: sheet.sheetId, rect: p.rect };
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  addMetadata(key: string, value: string | null, visibility: MetaVisibility, location: MetaLocation): MetaEntry {
    const e: MetaEntry = { id: this.nextMetaId++, key, value, visibility, location };
    this.allMetadata.push(e);
    return e;
  }

  removeMetadata(e: MetaEntry): void {
    const i = this.allMetadata.indexOf(e);
    if (i >= 0) this.allMetadata.splice(i, 1);
  }

  newProtectionId(): number {
    return this.nextProtectionId++;
  }

  /** Chart ids: unique in the book, never reused, Integer-sized like Google's (deterministic). */
  newChartId(): number {
    return 1_000_000_000 + 7919 * this.nextChartId++;
  }

  /** The chart with that id on any sheet, with its sheet. */
  chartById(id: number): { sheet: SheetModel; chart: ChartModel } | null {
    for (const sheet of this.sheets) {
      const chart = sheet.charts.find((c) => c.id === id);
      if (chart) return { sheet, chart };
    }
    return null;
  }
}
