/**
 * Creating and repairing tables. Idempotent: re-running adds missing tables and columns,
 * re-asserts formats, validation and protection, relabels headers in the current
 * language, and never deletes a row or a user's column.
 */
import type { SheetLike, SpreadsheetAppLike, SpreadsheetLike } from './apps-script';
import { FIRST_DATA_ROW, HEADER_ROW, ID_ROW, SCHEMA, TABLE_IDS, type TableDef, type TableId } from './schema';
import { numberFormat } from './formats';
import { METADATA_KEY, type TableDirectory } from './directory';
import type { Translator, MessageKey } from '../domain/i18n';
import { ProblemError, problem } from '../domain/result';

export interface TableReport {
  table: TableId;
  name: string;
  created: boolean;
  columnsAdded: string[];
}

export const ID_ROW_PROTECTION = 'Sheets Stock Ledger: column ids (do not edit)';
export const SHEET_PROTECTION = 'Sheets Stock Ledger: written by the add-on';

export function setupTables(
  app: SpreadsheetAppLike,
  ss: SpreadsheetLike,
  directory: TableDirectory,
  t: Translator,
  currency: string,
): TableReport[] {
  // A deleted ledger is history lost: never paper over it with an empty one.
  if (directory.wasCreated('ledger') && !directory.find('ledger')) {
    throw new ProblemError([problem('ledger_missing', 'ledger')]);
  }
  return TABLE_IDS.map((id) => {
    const existing = directory.find(id);
    const def = SCHEMA[id];
    if (existing) {
      const columnsAdded = addMissingColumns(existing, def, t);
      assertLayout(app, existing, def, t, currency);
      return { table: id, name: existing.getName(), created: false, columnsAdded };
    }
    const sheet = createTable(ss, directory, def, t);
    assertLayout(app, sheet, def, t, currency);
    return { table: id, name: sheet.getName(), created: true, columnsAdded: [] };
  });
}

function header(t: Translator, table: TableId, column: string): string {
  return t(`col.${table}.${column}` as MessageKey);
}

function uniqueName(ss: SpreadsheetLike, base: string): string {
  let name = base;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${base} (${i})`;
  return name;
}

function createTable(ss: SpreadsheetLike, directory: TableDirectory, def: TableDef, t: Translator): SheetLike {
  const sheet = ss.insertSheet(uniqueName(ss, t(`table.${def.id}` as MessageKey)));
  sheet.addDeveloperMetadata(METADATA_KEY, def.id);
  directory.record(def.id, sheet);
  const ids = def.columns.map((c) => c.id);
  // A new tab has 26 columns; wider tables need more before anything is written there.
  const short = ids.length - sheet.getMaxColumns();
  if (short > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), short);
  sheet.getRange(ID_ROW, 1, 1, ids.length).setValues([ids]);
  const extra = sheet.getMaxColumns() - ids.length;
  if (extra > 0) sheet.deleteColumns(ids.length + 1, extra);
  def.columns.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width ?? 100));
  return sheet;
}

/** Columns of the schema absent from the id row go after the last used column. */
function addMissingColumns(sheet: SheetLike, def: TableDef, t: Translator): string[] {
  const width = Math.max(1, sheet.getLastColumn());
  const present = new Set(sheet.getRange(ID_ROW, 1, 1, width).getValues()[0].map((v) => String(v).trim()));
  const missing = def.columns.filter((c) => !present.has(c.id));
  if (missing.length === 0) return [];
  const lastUsed = sheet.getLastColumn();
  const room = sheet.getMaxColumns() - lastUsed;
  if (room < missing.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing.length - room);
  sheet.getRange(ID_ROW, lastUsed + 1, 2, missing.length).setValues([
    missing.map((c) => c.id),
    missing.map((c) => header(t, def.id, c.id)),
  ]);
  return missing.map((c) => header(t, def.id, c.id));
}

/** Headers, formats, validation, protection, frozen and hidden rows: all re-asserted. */
function assertLayout(app: SpreadsheetAppLike, sheet: SheetLike, def: TableDef, t: Translator, currency: string): void {
  const width = sheet.getLastColumn();
  const idRow = sheet.getRange(ID_ROW, 1, 2, width).getValues();
  const columnOf = new Map<string, number>();
  idRow[0].forEach((v, i) => columnOf.set(String(v).trim(), i + 1));
  // Relabel our headers in the current language; users' own headers stay as typed.
  const headers = idRow[1].map((v, i) => {
    const id = String(idRow[0][i]).trim();
    return def.columns.some((c) => c.id === id) ? header(t, def.id, id) : v;
  });
  const headerRange = sheet.getRange(HEADER_ROW, 1, 1, width);
  headerRange.setNumberFormat('@');
  headerRange.setValues([headers]);
  headerRange.setFontWeight('bold').setBackground('#eef2f7');

  const maxRows = sheet.getMaxRows();
  if (maxRows < FIRST_DATA_ROW) sheet.insertRowsAfter(maxRows, FIRST_DATA_ROW - maxRows + 100);
  const dataRows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  for (const c of def.columns) {
    const col = columnOf.get(c.id) as number;
    const range = sheet.getRange(FIRST_DATA_ROW, col, dataRows, 1);
    range.setNumberFormat(numberFormat(c.type, currency));
    if (c.type === 'code' && c.values) {
      range.setDataValidation(app.newDataValidation().requireValueInList([...c.values], true).setAllowInvalid(false).build());
    } else if (c.type === 'bool') {
      range.setDataValidation(app.newDataValidation().requireCheckbox().build());
    }
  }

  for (const c of def.columns) if (c.hidden) sheet.hideColumns(columnOf.get(c.id) as number, 1);
  assertHighlights(app, sheet, def, columnOf, dataRows);
  sheet.setFrozenRows(HEADER_ROW);
  sheet.hideRows(ID_ROW);
  const ranges = sheet.getProtections(app.ProtectionType.RANGE);
  if (!ranges.some((p) => p.getDescription() === ID_ROW_PROTECTION)) {
    sheet.getRange(`${ID_ROW}:${ID_ROW}`).protect().setWarningOnly(true).setDescription(ID_ROW_PROTECTION);
  }
  if (def.protectedSheet && sheet.getProtections(app.ProtectionType.SHEET).length === 0) {
    sheet.protect().setWarningOnly(true).setDescription(SHEET_PROTECTION);
  }
}

/**
 * Colours for some codes (low stock, parcel exceptions). Rules on the add-on's columns are
 * replaced; a user's own rules elsewhere are kept.
 */
function assertHighlights(app: SpreadsheetAppLike, sheet: SheetLike, def: TableDef, columnOf: Map<string, number>, dataRows: number): void {
  const wanted = def.columns.filter((c) => c.highlight);
  if (wanted.length === 0) return;
  const ours = new Set(wanted.map((c) => sheet.getRange(FIRST_DATA_ROW, columnOf.get(c.id) as number, dataRows, 1).getA1Notation()));
  const kept = sheet.getConditionalFormatRules().filter((r) => !r.getRanges().some((range) => ours.has(range.getA1Notation())));
  const added = wanted.flatMap((c) => {
    const range = sheet.getRange(FIRST_DATA_ROW, columnOf.get(c.id) as number, dataRows, 1);
    return Object.entries(c.highlight ?? {}).map(([text, color]) =>
      app.newConditionalFormatRule().whenTextEqualTo(text).setBackground(color).setRanges([range]).build());
  });
  sheet.setConditionalFormatRules([...kept, ...added]);
}
