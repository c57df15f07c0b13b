/**
 * Reads the add-on's tables out of an emulated book, uncounted, as records keyed by column
 * id: times as ISO UTC strings, date-only columns as yyyy-MM-dd in the spreadsheet's time
 * zone, empty cells as "". Used by the replay CLI, the preview and the tests.
 */
import type { BookModel, SheetModel } from './emulator/index';
import { FIRST_DATA_ROW, ID_ROW, SCHEMA, TABLE_IDS, type TableId } from '../src/sheets/schema';

export type TableRecord = Record<string, unknown>;

export function tableSheet(book: BookModel, id: TableId): SheetModel | null {
  const entry = book.allMetadata.find((m) => m.key === 'table' && m.value === id && m.location.type === 'SHEET');
  return entry && entry.location.type === 'SHEET' ? entry.location.sheet : null;
}

function ymd(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function readTable(book: BookModel, id: TableId): TableRecord[] {
  const sheet = tableSheet(book, id);
  if (!sheet) return [];
  const values = sheet.values();
  const ids = (values[ID_ROW - 1] ?? []).map((v) => String(v));
  const types = new Map(SCHEMA[id].columns.map((c) => [c.id, c.type]));
  return values.slice(FIRST_DATA_ROW - 1)
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => {
      const rec: TableRecord = {};
      ids.forEach((col, i) => {
        if (!col) return;
        const v = row[i];
        if (v instanceof Date) rec[col] = types.get(col) === 'date' ? ymd(v, book.timeZone) : v.toISOString();
        else rec[col] = v;
      });
      return rec;
    });
}

export function readTables(book: BookModel): Record<string, TableRecord[]> {
  const out: Record<string, TableRecord[]> = {};
  for (const id of TABLE_IDS) if (tableSheet(book, id)) out[id] = readTable(book, id);
  return out;
}
