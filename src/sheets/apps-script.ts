/**
 * The slice of the Apps Script API this add-on uses, narrowed from @types/google-apps-script.
 *
 * Every signature is taken from the real declarations (indexed access), and methods that
 * return Apps Script objects return the narrowed interface instead. Two things follow:
 * - the real objects are assignable to these types (src/gas does exactly that), which
 *   proves the slice is a true subset of the real API;
 * - the emulator in tools/emulator implements these interfaces, so code that compiles
 *   against them only calls methods the emulator knows.
 * Add a method here first, then to the emulator, then use it.
 */
type S = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sh = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;

export type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

export interface DeveloperMetadataLike {
  getId(): number;
  getKey(): string;
  getValue(): string | null;
  getVisibility(): Visibility;
  getLocation(): DeveloperMetadataLocationLike;
  setValue(value: string): DeveloperMetadataLike;
  remove(): void;
}

export interface DeveloperMetadataLocationLike {
  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  getSheet(): SheetLike | null;
  getRow(): RangeLike | null;
  getColumn(): RangeLike | null;
}

export interface DeveloperMetadataFinderLike {
  withKey(key: string): DeveloperMetadataFinderLike;
  withValue(value: string): DeveloperMetadataFinderLike;
  withLocationType(t: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): DeveloperMetadataFinderLike;
  find(): DeveloperMetadataLike[];
}

export interface TextFinderLike {
  matchCase(matchCase: boolean): TextFinderLike;
  matchEntireCell(entireCell: boolean): TextFinderLike;
  useRegularExpression(useRegEx: boolean): TextFinderLike;
  findAll(): RangeLike[];
  findNext(): RangeLike | null;
}

export interface DataValidationLike {
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  getCriteriaValues(): any[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
}

export interface DataValidationBuilderLike {
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilderLike;
  requireCheckbox(): DataValidationBuilderLike;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderLike;
  setHelpText(helpText: string): DataValidationBuilderLike;
  build(): DataValidationLike;
}

export interface ProtectionLike {
  setWarningOnly(warningOnly: boolean): ProtectionLike;
  isWarningOnly(): boolean;
  setDescription(description: string): ProtectionLike;
  getDescription(): string;
  getRange(): RangeLike;
  remove(): void;
}

export interface RangeLike {
  getRow: R['getRow'];
  getColumn: R['getColumn'];
  getNumRows: R['getNumRows'];
  getNumColumns: R['getNumColumns'];
  getA1Notation: R['getA1Notation'];
  getSheet(): SheetLike;
  getValues: R['getValues'];
  getValue: R['getValue'];
  getDisplayValues: R['getDisplayValues'];
  getFormulas: R['getFormulas'];
  getNumberFormats: R['getNumberFormats'];
  setValues(values: any[][]): RangeLike;
  setValue(value: any): RangeLike;
  clearContent(): RangeLike;
  setNumberFormat(numberFormat: string): RangeLike;
  setNumberFormats(numberFormats: string[][]): RangeLike;
  setDataValidation(rule: DataValidationLike | null): RangeLike;
  getDataValidations(): (DataValidationLike | null)[][];
  insertCheckboxes(): RangeLike;
  setFontWeight(fontWeight: string | null): RangeLike;
  setFontColor(color: string | null): RangeLike;
  setBackground(color: string | null): RangeLike;
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeLike;
  setWrap(isWrapEnabled: boolean): RangeLike;
  setNote(note: string | null): RangeLike;
  protect(): ProtectionLike;
  addDeveloperMetadata(key: string, value: string): RangeLike;
  createTextFinder(findText: string): TextFinderLike;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike;
}

export interface ConditionalFormatRuleLike {
  getRanges(): RangeLike[];
}

export interface ConditionalFormatRuleBuilderLike {
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderLike;
  setBackground(color: string | null): ConditionalFormatRuleBuilderLike;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderLike;
  setRanges(ranges: RangeLike[]): ConditionalFormatRuleBuilderLike;
  build(): ConditionalFormatRuleLike;
}

export interface SheetLike {
  getName: Sh['getName'];
  getSheetId: Sh['getSheetId'];
  getIndex: Sh['getIndex'];
  getLastRow: Sh['getLastRow'];
  getLastColumn: Sh['getLastColumn'];
  getMaxRows: Sh['getMaxRows'];
  getMaxColumns: Sh['getMaxColumns'];
  getFrozenRows: Sh['getFrozenRows'];
  setName(name: string): SheetLike;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): RangeLike;
  getRange(a1Notation: string): RangeLike;
  getDataRange(): RangeLike;
  insertRowsAfter(afterPosition: number, howMany: number): SheetLike;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetLike;
  deleteColumns(columnPosition: number, howMany: number): void;
  deleteRows(rowPosition: number, howMany: number): void;
  setFrozenRows(rows: number): void;
  setColumnWidth(columnPosition: number, width: number): SheetLike;
  hideRows(rowIndex: number, numRows?: number): void;
  hideColumns(columnIndex: number, numColumns?: number): void;
  getConditionalFormatRules(): ConditionalFormatRuleLike[];
  setConditionalFormatRules(rules: ConditionalFormatRuleLike[]): void;
  setTabColor(color: string | null): SheetLike;
  protect(): ProtectionLike;
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): ProtectionLike[];
  addDeveloperMetadata(key: string, value: string): SheetLike;
  getDeveloperMetadata(): DeveloperMetadataLike[];
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike;
  createTextFinder(findText: string): TextFinderLike;
  activate(): SheetLike;
}

export interface SpreadsheetLike {
  getId: S['getId'];
  getName: S['getName'];
  getSpreadsheetTimeZone: S['getSpreadsheetTimeZone'];
  getSpreadsheetLocale: S['getSpreadsheetLocale'];
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
  getSheetById(id: number): SheetLike | null;
  insertSheet(sheetName: string): SheetLike;
  getActiveSheet(): SheetLike;
  getActiveRange(): RangeLike | null;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike;
  addDeveloperMetadata(key: string, value: string): SpreadsheetLike;
  toast(msg: string, title?: string, timeoutSeconds?: number): void;
}

export interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addSubMenu(menu: MenuLike): MenuLike;
  addToUi(): void;
}

export interface HtmlOutputLike {
  setTitle(title: string): HtmlOutputLike;
  getTitle(): string;
  setWidth(width: number): HtmlOutputLike;
  setHeight(height: number): HtmlOutputLike;
  getContent(): string;
}

export interface UiLike {
  createAddonMenu(): MenuLike;
  createMenu(caption: string): MenuLike;
  showSidebar(userInterface: HtmlOutputLike): void;
  showModalDialog(userInterface: HtmlOutputLike, title: string): void;
  alert(prompt: string): GoogleAppsScript.Base.Button;
}

export interface SpreadsheetAppLike {
  getActiveSpreadsheet(): SpreadsheetLike;
  getUi(): UiLike;
  flush(): void;
  newDataValidation(): DataValidationBuilderLike;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderLike;
  DeveloperMetadataVisibility: typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  DeveloperMetadataLocationType: typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  DataValidationCriteria: typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  ProtectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
}

export interface LockLike {
  waitLock(timeoutInMillis: number): void;
  tryLock(timeoutInMillis: number): boolean;
  hasLock(): boolean;
  releaseLock(): void;
}

export interface LockServiceLike {
  getDocumentLock(): LockLike | null;
  getScriptLock(): LockLike;
  getUserLock(): LockLike;
}

export interface PropertiesLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): PropertiesLike;
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): PropertiesLike;
  getProperties(): { [key: string]: string };
  deleteProperty(key: string): PropertiesLike;
  getKeys(): string[];
}

export interface PropertiesServiceLike {
  getDocumentProperties(): PropertiesLike | null;
  getScriptProperties(): PropertiesLike;
  getUserProperties(): PropertiesLike;
}

export interface CacheLike {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds?: number): void;
  remove(key: string): void;
}

export interface CacheServiceLike {
  getDocumentCache(): CacheLike | null;
  getScriptCache(): CacheLike;
  getUserCache(): CacheLike;
}

export interface UserLike {
  getEmail(): string;
}

export interface SessionLike {
  getActiveUser(): UserLike;
  getEffectiveUser(): UserLike;
  getActiveUserLocale(): string;
  getScriptTimeZone(): string;
  getTemporaryActiveUserKey(): string;
}

export interface UtilitiesLike {
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string;
  getUuid(): string;
  sleep(milliseconds: number): void;
}

export interface HtmlServiceLike {
  createHtmlOutputFromFile(filename: string): HtmlOutputLike;
  createHtmlOutput(html?: string): HtmlOutputLike;
}

export interface ScriptAppLike {
  AuthMode: typeof GoogleAppsScript.Script.AuthMode;
  EventType: typeof GoogleAppsScript.Script.EventType;
  TriggerSource: typeof GoogleAppsScript.Script.TriggerSource;
  newTrigger(functionName: string): TriggerBuilderLike;
  getProjectTriggers(): TriggerLike[];
  getUserTriggers(spreadsheet: SpreadsheetLike): TriggerLike[];
  deleteTrigger(trigger: TriggerLike): void;
}

/** Everything src/gas reads from the global scope, in one place. */
export interface AppsScriptGlobals {
  SpreadsheetApp: SpreadsheetAppLike;
  LockService: LockServiceLike;
  PropertiesService: PropertiesServiceLike;
  CacheService: CacheServiceLike;
  Session: SessionLike;
  Utilities: UtilitiesLike;
  HtmlService: HtmlServiceLike;
  ScriptApp: ScriptAppLike;
  MailApp?: MailAppLike;
  UrlFetchApp?: UrlFetchAppLike;
}

export interface TriggerLike {
  getUniqueId(): string;
  getHandlerFunction(): string;
  getEventType(): GoogleAppsScript.Script.EventType;
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource;
}

export interface ClockTriggerBuilderLike {
  everyMinutes(n: number): ClockTriggerBuilderLike;
  everyHours(n: number): ClockTriggerBuilderLike;
  everyDays(n: number): ClockTriggerBuilderLike;
  atHour(hour: number): ClockTriggerBuilderLike;
  nearMinute(minute: number): ClockTriggerBuilderLike;
  create(): TriggerLike;
}

export interface TriggerBuilderLike {
  timeBased(): ClockTriggerBuilderLike;
}

export type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface MailAppLike {
  sendEmail(message: MailOptions): void;
  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  getRemainingDailyQuota(): number;
}

export interface HTTPResponseLike {
  getResponseCode(): number;
  getContentText(charset?: string): string;
  getContent(): number[];
  getHeaders(): object;
  getAllHeaders(): object;
}

export interface UrlFetchAppLike {
  fetch(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): HTTPResponseLike;
  fetchAll(requests: (GoogleAppsScript.URL_Fetch.URLFetchRequest | string)[]): HTTPResponseLike[];
}

// ---------- Embedded charts (Sheet.newChart / insertChart / updateChart / removeChart / getCharts) ----------
// Appended as declaration merges of SheetLike and AppsScriptGlobals. The real EmbeddedChart
// has no getId(): its stable id is getChartId() (an Integer, null before the chart is inserted).

export interface ContainerInfoLike {
  getAnchorColumn(): number;
  getAnchorRow(): number;
  getOffsetX(): number;
  getOffsetY(): number;
}

export interface ChartOptionsLike {
  get(option: string): any;
}

export interface EmbeddedChartBuilderLike {
  setChartType(type: GoogleAppsScript.Charts.ChartType): EmbeddedChartBuilderLike;
  getChartType(): GoogleAppsScript.Charts.ChartType;
  addRange(range: RangeLike): EmbeddedChartBuilderLike;
  removeRange(range: RangeLike): EmbeddedChartBuilderLike;
  clearRanges(): EmbeddedChartBuilderLike;
  getRanges(): RangeLike[];
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderLike;
  getContainer(): ContainerInfoLike;
  setOption(option: string, value: any): EmbeddedChartBuilderLike;
  setNumHeaders(headers: number): EmbeddedChartBuilderLike;
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilderLike;
  build(): EmbeddedChartLike;
}

export interface EmbeddedChartLike {
  getChartId(): number | null;
  getRanges(): RangeLike[];
  getOptions(): ChartOptionsLike;
  getContainerInfo(): ContainerInfoLike;
  getNumHeaders(): number;
  getTransposeRowsAndColumns(): boolean;
  modify(): EmbeddedChartBuilderLike;
}

/** The global `Charts` (only its enum; the standalone chart builders are not in the slice). */
export interface ChartsLike {
  ChartType: typeof GoogleAppsScript.Charts.ChartType;
}

export interface SheetLike {
  newChart(): EmbeddedChartBuilderLike;
  insertChart(chart: EmbeddedChartLike): void;
  updateChart(chart: EmbeddedChartLike): void;
  removeChart(chart: EmbeddedChartLike): void;
  getCharts(): EmbeddedChartLike[];
}

export interface AppsScriptGlobals {
  /** Optional like MailApp: src/gas reads it with a typeof guard. */
  Charts?: ChartsLike;
}
