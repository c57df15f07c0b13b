import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

describe('developer metadata', () => {
  it('accepts spreadsheet, sheet, whole-row and whole-column locations only', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sh = ss.getSheets()[0];
      ss.addDeveloperMetadata('schema', '1');
      sh.addDeveloperMetadata('table', 'ledger');
      sh.getRange('2:2').addDeveloperMetadata('role', 'ids');
      sh.getRange(3, 1, 1, sh.getMaxColumns()).addDeveloperMetadata('role', 'header');
      sh.getRange('C:C').addDeveloperMetadata('col', 'sku');
    });
    for (const a1 of ['A1', 'A2:C2', 'A1:Z2']) {
      expect(() =>
        emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(a1).addDeveloperMetadata('k', 'v')),
      ).toThrow(ARBITRARY);
    }
    const all = emu.book.allMetadata.map((m) => [m.id, m.key, m.location.type, 'index' in m.location ? m.location.index : null, m.visibility]);
    expect(all).toEqual([
      [1, 'schema', 'SPREADSHEET', null, 'DOCUMENT'],
      [2, 'table', 'SHEET', null, 'DOCUMENT'],
      [3, 'role', 'ROW', 2, 'DOCUMENT'],
      [4, 'role', 'ROW', 3, 'DOCUMENT'],
      [5, 'col', 'COLUMN', 3, 'DOCUMENT'],
    ]);
  });

  it('finds by key, value and location type', () => {
    const emu = new Emulator();
    const out = emu.run({}, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sh = ss.getSheets()[0];
      sh.addDeveloperMetadata('table', 'ledger');
      sh.getRange('2:2').addDeveloperMetadata('role', 'ids');
      sh.getRange('5:5').addDeveloperMetadata('role', 'other');
      const rows = ss
        .createDeveloperMetadataFinder()
        .withKey('role')
        .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.ROW)
        .find()
        .map((m) => m.getLocation().getRow()!.getRow());
      const byValue = sh.createDeveloperMetadataFinder().withValue('ledger').find();
      const vis = byValue[0].getVisibility();
      const loc = byValue[0].getLocation();
      return {
        rows,
        tableSheet: loc.getSheet()!.getName(),
        locType: String(loc.getLocationType()),
        vis: vis === SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
        inRange: sh.getRange('1:3').createDeveloperMetadataFinder().find().map((m) => m.getValue()),
        partial: sh.getRange('A1:C3').createDeveloperMetadataFinder().find().length,
      };
    });
    expect(out).toEqual({ rows: [2, 5], tableSheet: 'Sheet1', locType: 'SHEET', vis: true, inRange: ['ids'], partial: 0 });
  });

  it('moves with rows and columns on insert and is removed with them', () => {
    const emu = new Emulator();
    const s = emu.book.sheets[0];
    emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange('2:2').addDeveloperMetadata('role', 'ids');
      sh.getRange('4:4').addDeveloperMetadata('role', 'gone');
      sh.getRange('B:B').addDeveloperMetadata('col', 'sku');
      sh.insertRowsAfter(1, 3);
      sh.insertColumnsAfter(1, 2);
    });
    const idx = () => s.metadata.map((m) => `${m.value}@${(m.location as { index: number }).index}`);
    expect(idx()).toEqual(['ids@5', 'gone@7', 'sku@4']);
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].deleteRows(6, 2));
    expect(idx()).toEqual(['ids@5', 'sku@4']);
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].deleteRows(1, 1));
    expect(idx()).toEqual(['ids@4', 'sku@4']);
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].deleteColumns(4, 1));
    expect(idx()).toEqual(['ids@4']);
  });

  it('setValue and remove act on the stored entry', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.addDeveloperMetadata('a', '1');
      ss.addDeveloperMetadata('b', '2');
      const [a, b] = ss.createDeveloperMetadataFinder().find();
      a.setValue('10');
      b.remove();
    });
    expect(emu.book.metadata.map((m) => [m.key, m.value])).toEqual([['a', '10']]);
  });
});
