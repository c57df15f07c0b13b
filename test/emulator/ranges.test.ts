import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';

const sheet = () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];

describe('setValues shapes and getRange arguments', () => {
  it('checks rows before columns, with the exact texts', () => {
    const emu = new Emulator();
    const err = (fn: () => void) => {
      try {
        emu.run({}, fn);
      } catch (e) {
        return e as Error;
      }
      throw new Error('did not throw');
    };
    const rows = err(() => sheet().getRange(1, 1, 2, 2).setValues([[1, 2]]));
    expect(rows.message).toBe('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(String(rows)).toBe('Exception: ' + rows.message);
    const cols = err(() => sheet().getRange(1, 1, 2, 2).setValues([[1, 2], [3]]));
    expect(cols.message).toBe('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    // both wrong: the row message wins
    expect(err(() => sheet().getRange(1, 1, 2, 3).setValues([[1]])).message).toMatch(/^The number of rows/);
    // nothing was written by the failed calls
    expect(emu.book.sheets[0].lastRow()).toBe(0);
  });

  it('validates getRange arguments', () => {
    const emu = new Emulator();
    const msg = (fn: () => void) => {
      try {
        emu.run({}, fn);
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg(() => sheet().getRange(1, 1, 0, 3))).toBe('The number of rows in the range must be at least 1.');
    expect(msg(() => sheet().getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(msg(() => sheet().getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(msg(() => sheet().getRange(1, 1, 1, 0))).toBe('The number of columns in the range must be at least 1.');
    expect(msg(() => sheet().getRange(1000, 1, 2, 1))).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(msg(() => sheet().getRange(1, 26, 1, 2))).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(msg(() => sheet().getRange(1000, 26))).toBe('ok');
    expect(msg(() => sheet().getRange('nonsense!!'))).toBe('Range not found');
  });

  it('parses A1 notation and reports it back', () => {
    const emu = new Emulator();
    const out = emu.run({}, () => [
      sheet().getRange('B2:C4').getA1Notation(),
      sheet().getRange('2:2').getA1Notation(),
      sheet().getRange('B2:C4').getNumRows(),
      sheet().getRange('C:C').getNumRows(),
      sheet().getRange(3, 2).getA1Notation(),
    ]);
    expect(out).toEqual(['B2:C4', '2:2', 3, 1000, 'B3']);
  });
});

describe('data region and structure', () => {
  it('getLastRow/getLastColumn ignore format-only and emptied cells', () => {
    const emu = new Emulator();
    const out = emu.run({}, () => {
      const sh = sheet();
      sh.getRange('A1:Z1000').setNumberFormat('@');
      const empty = [sh.getLastRow(), sh.getLastColumn()];
      sh.getRange('C5').setValue('x');
      sh.getRange('B2').setValue(1);
      const filled = [sh.getLastRow(), sh.getLastColumn()];
      sh.getRange('C5').clearContent();
      return { empty, filled, cleared: [sh.getLastRow(), sh.getLastColumn()], data: sh.getDataRange().getA1Notation() };
    });
    expect(out).toEqual({ empty: [0, 0], filled: [5, 3], cleared: [2, 2], data: 'A1:B2' });
  });

  it('insertRowsAfter/deleteRows shift values and formats; new rows inherit the format of the row above', () => {
    const emu = new Emulator();
    const s = emu.book.sheets[0];
    emu.run({}, () => {
      const sh = sheet();
      sh.getRange('A1:A3').setNumberFormat('@');
      sh.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
      sh.insertRowsAfter(1, 2);
      sh.getRange('A2').setValue('007');
    });
    expect(s.maxRows).toBe(1002);
    expect(s.values().map((r) => r[0])).toEqual(['a', '007', '', 'b', 'c']);
    expect(s.formats()[2][0]).toBe('@');
    s.deleteRows(2, 2);
    expect(s.values().map((r) => r[0])).toEqual(['a', 'b', 'c']);
    expect(s.maxRows).toBe(1000);
  });

  it('insertColumnsAfter/deleteColumns shift cells', () => {
    const emu = new Emulator();
    const s = emu.book.sheets[0];
    emu.run({}, () => {
      sheet().getRange('A1:C1').setValues([[1, 2, 3]]);
      sheet().insertColumnsAfter(1, 1);
    });
    expect(s.values()).toEqual([[1, '', 2, 3]]);
    emu.run({}, () => sheet().deleteColumns(1, 2));
    expect(s.values()).toEqual([[2, 3]]);
    expect(s.maxColumns).toBe(25);
  });

  it('enforces 10 million cells per spreadsheet', () => {
    const emu = new Emulator();
    expect(() => emu.run({}, () => sheet().insertRowsAfter(1000, 384_000))).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    emu.run({}, () => sheet().insertRowsAfter(1000, 383_000));
    expect(emu.book.sheets[0].maxRows).toBe(384_000);
  });

  it('insertSheet refuses duplicate names with the Sheets text', () => {
    const emu = new Emulator();
    expect(() => emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().insertSheet('Sheet1'))).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    const id = emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().insertSheet('Ledger').getSheetId());
    expect(emu.book.sheetById(id)?.name).toBe('Ledger');
    expect(emu.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Ledger']);
  });

  it('getActiveRange follows book.setActive', () => {
    const emu = new Emulator();
    emu.book.insertSheet('Items');
    expect(emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getActiveRange())).toBeNull();
    emu.book.setActive('Items', 'B3:C4');
    const out = emu.run({}, () => {
      const r = SpreadsheetApp.getActiveSpreadsheet().getActiveRange()!;
      return [r.getSheet().getName(), r.getA1Notation(), SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()];
    });
    expect(out).toEqual(['Items', 'B3:C4', 'Items']);
  });

  it('sortRows (a person sorting) reorders whole rows', () => {
    const emu = new Emulator();
    const s = emu.book.sheets[0];
    emu.run({}, () => sheet().getRange('A1:B4').setValues([['id', 'n'], ['M3', 3], ['M1', 1], ['M2', 2]]));
    s.sortRows(2, 2, false);
    expect(s.values().map((r) => r[0])).toEqual(['id', 'M3', 'M2', 'M1']);
  });
});

describe('uncounted model helpers', () => {
  it('setRaw writes without conversion and is not counted', () => {
    const emu = new Emulator({ spreadsheetTimeZone: 'UTC' });
    const s = emu.book.sheets[0];
    s.setRaw(1, 1, '=not a formula');
    s.setRaw(1, 2, new Date('2026-01-05T12:00:00Z'));
    s.setRaw(2, 1, 7);
    expect(s.formulas()).toEqual([['', ''], ['', '']]);
    expect(s.values()).toEqual([['=not a formula', new Date('2026-01-05T12:00:00Z')], [7, '']]);
    expect(s.displayValues()[0][1]).toBe('1/5/2026 12:00:00');
    expect(emu.counters.totalCalls()).toBe(0);
    s.setRaw(2, 1, null);
    expect(s.lastRow()).toBe(1);
  });
});
