import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';

function seeded() {
  const emu = new Emulator();
  emu.run({}, () =>
    SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()[0]
      .getRange('A1:B4')
      .setValues([['request_id', 'x'], ['r10', 'R1'], ['r1', 'zz'], ['R1', 'r1']]),
  );
  return emu;
}

describe('TextFinder', () => {
  it('defaults to partial, case-insensitive matching: "r1" finds "r10"', () => {
    const found = seeded().run({}, () =>
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].createTextFinder('r1').findAll().map((r) => r.getA1Notation()),
    );
    expect(found).toEqual(['A2', 'B2', 'A3', 'A4', 'B4']);
  });

  it('matchEntireCell + matchCase finds exactly the id', () => {
    const found = seeded().run({}, () =>
      SpreadsheetApp.getActiveSpreadsheet()
        .getSheets()[0]
        .getRange('A1:A4')
        .createTextFinder('r1')
        .matchEntireCell(true)
        .matchCase(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    );
    expect(found).toEqual(['A3']);
  });

  it('supports regular expressions and findNext', () => {
    const emu = seeded();
    const out = emu.run({}, () => {
      const f = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].createTextFinder('^r\\d$').useRegularExpression(true);
      const a = f.findNext()?.getA1Notation();
      const b = f.findNext()?.getA1Notation();
      return [a, b];
    });
    expect(out).toEqual(['B2', 'A3']);
  });

  it('counts the cells it scanned: the range, or the data region of a sheet', () => {
    const emu = seeded();
    const s0 = emu.counters.snapshot();
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:A4').createTextFinder('zz').findAll());
    const s1 = emu.counters.snapshot();
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].createTextFinder('zz').findAll());
    const s2 = emu.counters.snapshot();
    expect(emu.counters.diff(s0, s1).cellsScanned).toBe(4);
    expect(emu.counters.diff(s1, s2).cellsScanned).toBe(8);
    expect(emu.counters.diff(s0, s2).cellsRead).toBe(0);
  });

  it('searches display text (numbers as shown)', () => {
    const emu = new Emulator();
    const n = emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange('A1:A2').setValues([[1234.5], ['x']]);
      sh.getRange('A1').setNumberFormat('#,##0.00');
      return [sh.createTextFinder('1,234.50').findAll().length, sh.createTextFinder('1234.5').findAll().length];
    });
    expect(n).toEqual([1, 0]);
  });
});
