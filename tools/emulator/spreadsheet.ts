/** SpreadsheetApp and Spreadsheet facades (counted). */
import { conditionalBuilderFacade } from './conditional-format';
import type {
  ConditionalFormatRuleBuilderLike,
  DataValidationBuilderLike,
  DeveloperMetadataFinderLike,
  DeveloperMetadataLike,
  RangeLike,
  SheetLike,
  SpreadsheetAppLike,
  SpreadsheetLike,
  UiLike,
} from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import type { Execution } from './execution';
import { addMetadata, finderFacade, metadataFacade } from './metadata';
import { rangeFacade } from './range';
import { sheetFacade } from './sheet';
import { textFinderFacade } from './text-finder';
import type { TextFinderLike } from '../../src/sheets/apps-script';
import { uiFacade } from './ui';
import { builderFacade } from './validation';

type SA = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export function spreadsheetAppFacade(x: Execution): SpreadsheetAppLike {
  return x.wrap('SpreadsheetApp', new SpreadsheetAppFacade(x));
}

export function spreadsheetFacade(x: Execution): SpreadsheetLike {
  return x.wrap('Spreadsheet', new SpreadsheetFacade(x));
}

class SpreadsheetAppFacade implements SpreadsheetAppLike {
  constructor(private readonly x: Execution) {}
  getActiveSpreadsheet(): SpreadsheetLike {
    if (this.x.kind === 'trigger' && this.x.emu.options.triggerSpreadsheet === 'null') return null as unknown as SpreadsheetLike;
    return spreadsheetFacade(this.x);
  }
  getActive(): SpreadsheetLike {
    return this.getActiveSpreadsheet();
  }
  getUi(): UiLike {
    if (this.x.kind === 'trigger') throw new ServiceError('Cannot call SpreadsheetApp.getUi() from this context.');
    return uiFacade(this.x);
  }
  flush(): void {
    /* writes are applied immediately; flush is only counted */
  }
  newDataValidation(): DataValidationBuilderLike {
    return builderFacade(this.x);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderLike {
    return conditionalBuilderFacade(this.x);
  }
  get DeveloperMetadataVisibility(): SA['DeveloperMetadataVisibility'] {
    return this.x.emu.enums.DeveloperMetadataVisibility as unknown as SA['DeveloperMetadataVisibility'];
  }
  get DeveloperMetadataLocationType(): SA['DeveloperMetadataLocationType'] {
    return this.x.emu.enums.DeveloperMetadataLocationType as unknown as SA['DeveloperMetadataLocationType'];
  }
  get DataValidationCriteria(): SA['DataValidationCriteria'] {
    return this.x.emu.enums.DataValidationCriteria as unknown as SA['DataValidationCriteria'];
  }
  get ProtectionType(): SA['ProtectionType'] {
    return this.x.emu.enums.ProtectionType as unknown as SA['ProtectionType'];
  }
}

export class SpreadsheetFacade implements SpreadsheetLike {
  constructor(private readonly x: Execution) {}
  private get _book() {
    return this.x.emu.book;
  }
  getId(): string {
    return this._book.id;
  }
  getName(): string {
    return this._book.name;
  }
  getSpreadsheetTimeZone(): string {
    return this._book.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this._book.locale;
  }
  getSheets(): SheetLike[] {
    return this.x.array(this._book.sheets.map((s) => sheetFacade(this.x, s)));
  }
  getSheetByName(name: string): SheetLike | null {
    const s = this._book.sheetByName(String(name));
    return s ? sheetFacade(this.x, s) : null;
  }
  getSheetById(id: number): SheetLike | null {
    const s = this._book.sheetById(Number(id));
    return s ? sheetFacade(this.x, s) : null;
  }
  insertSheet(sheetName?: string): SheetLike {
    let name = sheetName;
    if (name === undefined) {
      let k = this._book.sheets.length + 1;
      while (this._book.sheetByName(`Sheet${k}`)) k++;
      name = `Sheet${k}`;
    }
    const s = this._book.insertSheet(String(name));
    this._book.activeSheetId = s.sheetId;
    return sheetFacade(this.x, s);
  }
  deleteSheet(sheet: SheetLike): void {
    const s = this._book.sheetById(sheet.getSheetId());
    if (s) this._book.deleteSheet(s);
  }
  getActiveSheet(): SheetLike {
    return sheetFacade(this.x, this._book.activeSheet());
  }
  getActiveRange(): RangeLike | null {
    const a = this._book.activeRange;
    if (!a) return null;
    const s = this._book.sheetById(a.sheetId);
    return s ? rangeFacade(this.x, s, a.rect) : null;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike {
    return finderFacade(this.x, () => this._book.allMetadata);
  }
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): SpreadsheetLike {
    addMetadata(this.x, { type: 'SPREADSHEET' }, key, value, visibility);
    return spreadsheetFacade(this.x);
  }
  getDeveloperMetadata(): DeveloperMetadataLike[] {
    return this.x.array(this._book.metadata.map((m) => metadataFacade(this.x, m)));
  }
  createTextFinder(findText: string): TextFinderLike {
    return textFinderFacade(this.x, findText, () =>
      this._book.sheets.map((s) => ({ sheet: s, rect: { row: 1, col: 1, numRows: s.lastRow(), numCols: s.lastColumn() } })),
    );
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number): void {
    this.x.emu.ui.toasts.push(title === undefined ? { msg: String(msg) } : { msg: String(msg), title: String(title) });
  }
}
