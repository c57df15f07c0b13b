import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';

const sheet = () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];

describe('data validation', () => {
  it('stores list rules per cell and rejects script writes outside the list when allowInvalid is false', () => {
    const emu = new Emulator();
    const out = emu.run({}, () => {
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(['receipt', 'pick'], true).setAllowInvalid(false).setHelpText('code').build();
      sheet().getRange('A2:A3').setDataValidation(rule);
      sheet().getRange('A2').setValue('pick');
      const v = sheet().getRange('A2:A3').getDataValidations();
      return {
        type: String(v[1][0]!.getCriteriaType()),
        values: v[1][0]!.getCriteriaValues(),
        allow: v[1][0]!.getAllowInvalid(),
        help: v[0][0]!.getHelpText(),
        none: sheet().getRange('B2').getDataValidations()[0][0],
      };
    });
    expect(out).toEqual({ type: 'VALUE_IN_LIST', values: [['receipt', 'pick'], true], allow: false, help: 'code', none: null });
    expect(() => emu.run({}, () => sheet().getRange('A3').setValue('nope'))).toThrow(
      'The data you entered in cell A3 violates the data validation rules set on this cell.',
    );
    // an atomic write: nothing of the failed block was written
    expect(() => emu.run({}, () => sheet().getRange('A2:A3').setValues([['receipt'], ['nope']]))).toThrow(/cell A3/);
    expect(emu.book.sheets[0].values().map((r) => r[0])).toEqual(['', 'pick']);
    expect(() => emu.book.sheets[0].userEdit(3, 1, 'typo')).toThrow(/cell A3 violates/);
  });

  it('allowInvalid true (the default) lets anything through', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      sheet().getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a']).build());
      sheet().getRange('A1').setValue('zzz');
    });
    expect(emu.book.sheets[0].values()).toEqual([['zzz']]);
  });

  it('insertCheckboxes sets a checkbox rule and FALSE in empty cells only', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      sheet().getRange('A1').setValue(true);
      sheet().getRange('A1:A3').insertCheckboxes();
      sheet().getRange('A3').setValue(true);
    });
    const s = emu.book.sheets[0];
    expect(s.values().map((r) => r[0])).toEqual([true, false, true]);
    expect(s.validations.map((v) => `${v.a1}:${v.rule.type}`)).toEqual(['A1:CHECKBOX', 'A2:CHECKBOX', 'A3:CHECKBOX']);
    expect(() => s.userEdit(2, 1, 'yes')).toThrow(/violates the data validation rules/);
    s.userEdit(2, 1, 'TRUE');
    expect(s.values()[1][0]).toBe(true);
  });

  it('"@" cells keep typed text; rules copy onto inserted rows', () => {
    const emu = new Emulator();
    const s = emu.book.sheets[0];
    emu.run({}, () => {
      sheet().getRange('A1:A2').setNumberFormat('@');
      sheet().getRange('A2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['x']).setAllowInvalid(false).build());
      sheet().insertRowsAfter(2, 1);
    });
    s.userEdit(1, 1, '-A1');
    expect(s.values()[0][0]).toBe('-A1');
    expect(s.validations.map((v) => v.a1)).toEqual(['A2', 'A3']);
  });
});

describe('protection', () => {
  it('records range and sheet protections; warning-only does not block script writes', () => {
    const emu = new Emulator();
    const out = emu.run({}, () => {
      const p = sheet().getRange('A1:R1').protect().setDescription('ids').setWarningOnly(true);
      sheet().protect().setDescription('whole');
      sheet().getRange('A1').setValue('movement_id');
      const ranges = sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE);
      return {
        warning: p.isWarningOnly(),
        ranges: ranges.map((r) => [r.getDescription(), r.getRange().getA1Notation()]),
        sheets: sheet().getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
      };
    });
    expect(out).toEqual({ warning: true, ranges: [['ids', 'A1:R1']], sheets: 1 });
    expect(emu.book.sheets[0].values()[0][0]).toBe('movement_id');
    expect(emu.book.sheets[0].protections.map((p) => [p.type, p.description, p.warningOnly, p.range])).toEqual([
      ['RANGE', 'ids', true, 'A1:R1'],
      ['SHEET', 'whole', false, null],
    ]);
    emu.run({}, () => sheet().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].remove());
    expect(emu.book.sheets[0].protections).toHaveLength(1);
  });

  it('range protections follow inserted rows', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      sheet().getRange('A2:B2').protect();
      sheet().insertRowsAfter(1, 2);
    });
    expect(emu.book.sheets[0].protections[0].range).toBe('A4:B4');
  });
});
