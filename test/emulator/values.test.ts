import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';

/** Writes one row of values through Range.setValues and reads it back in every form. */
function roundTrip(emu: Emulator, row: unknown[], format?: string) {
  return emu.run({}, () => {
    const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const r = sh.getRange(1, 1, 1, row.length);
    if (format) r.setNumberFormat(format);
    r.setValues([row]);
    return { values: r.getValues()[0], display: r.getDisplayValues()[0], formulas: r.getFormulas()[0], formats: r.getNumberFormats()[0] };
  });
}

describe('user-entered conversion of written strings', () => {
  it('turns formulas, +text and -text into formula cells reading #ERROR!', () => {
    const r = roundTrip(new Emulator(), ['=HYPERLINK("https://x.example","x")', '-A1', '+Dri7', '=1+1']);
    expect(r.values).toEqual(['#ERROR!', '#ERROR!', '#ERROR!', '#ERROR!']);
    expect(r.formulas).toEqual(['=HYPERLINK("https://x.example","x")', '=-A1', '=+Dri7', '=1+1']);
  });

  it('keeps every string exactly in a plain-text ("@") cell', () => {
    const row = ['=HYPERLINK("u","x")', '-A1', '+x', '00123', '1234567890123456789012', "'quoted", 'true', '2026-01-05', '10%'];
    const r = roundTrip(new Emulator(), row, '@');
    expect(r.values).toEqual(row);
    expect(r.display).toEqual(row);
    expect(r.formulas).toEqual(row.map(() => ''));
    expect(r.formats).toEqual(row.map(() => '@'));
  });

  it('drops leading zeros and loses precision on long digit strings without "@"', () => {
    const r = roundTrip(new Emulator(), ['00123', '1234567890123456789012', '-5', '+123']);
    expect(r.values[0]).toBe(123);
    expect(typeof r.values[1]).toBe('number');
    expect(String(r.values[1])).not.toContain('1234567890123456789012');
    expect(r.values[1]).toBe(1.2345678901234568e21);
    expect(r.display[1]).toBe('1.23457E+21');
    expect(r.values.slice(2)).toEqual([-5, 123]);
  });

  it('strips a leading apostrophe and parses booleans, percent and currency', () => {
    const r = roundTrip(new Emulator(), ["'0001", 'TRUE', 'false', 'tRuE', '10%', '$5', '@home']);
    expect(r.values).toEqual(['0001', true, false, true, 0.1, 5, '@home']);
    expect(r.display).toEqual(['0001', 'TRUE', 'FALSE', 'TRUE', '10%', '$5.00', '@home']);
    expect(r.formats[4]).toBe('0%');
  });

  it('parses dates at midnight in the spreadsheet time zone and gives them a date format', () => {
    const emu = new Emulator({ spreadsheetTimeZone: 'Europe/Paris' });
    const r = roundTrip(emu, ['2026-03-04', '3/4/2026']);
    expect(r.values.every((v) => v instanceof Date)).toBe(true);
    // midnight in Paris = 23:00 UTC the day before (CET, +01:00)
    expect((r.values[0] as Date).toISOString()).toBe('2026-03-03T23:00:00.000Z');
    expect((r.values[1] as Date).toISOString()).toBe('2026-03-03T23:00:00.000Z');
    expect(r.display).toEqual(['2026-03-04', '3/4/2026']);
  });

  it('uses the French decimal comma and day-first dates in a fr_FR spreadsheet', () => {
    const r = roundTrip(new Emulator({ spreadsheetLocale: 'fr_FR' }), ['1,5', '1.5', '04/03/2026', 'vrai', 'TRUE']);
    expect(r.values[0]).toBe(1.5);
    expect(r.values[1]).toBe('1.5');
    expect((r.values[2] as Date).toISOString()).toBe('2026-03-03T23:00:00.000Z');
    expect(r.values.slice(3)).toEqual([true, true]);
    expect(r.display[0]).toBe('1,5');
    expect(r.display.slice(3)).toEqual(['VRAI', 'VRAI']);
    expect(roundTrip(new Emulator(), ['vrai']).values[0]).toBe('vrai');
  });

  it('treats "-x" as text when signedText is "text"', () => {
    const r = roundTrip(new Emulator({ signedText: 'text' }), ['-A1', '+x']);
    expect(r.values).toEqual(['-A1', '+x']);
    expect(r.formulas).toEqual(['', '']);
  });

  it('empties cells for "", null and undefined; stringifies objects; rejects NaN', () => {
    const emu = new Emulator();
    const r = emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
      sh.getRange('A1:D1').setValues([['', null, undefined, { a: 1 }]]);
      return sh.getRange('A1:D1').getValues()[0];
    });
    expect(r).toEqual(['', '', '', '[object Object]']);
    expect(() => roundTrip(emu, [NaN])).toThrow(/NaN/);
    expect(emu.book.sheets[0].lastRow()).toBe(1);
  });

  it('refuses more than 50000 characters in a cell', () => {
    expect(() => roundTrip(new Emulator(), ['x'.repeat(50001)])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(roundTrip(new Emulator(), ['x'.repeat(50000)]).values[0]).toHaveLength(50000);
  });

  it('reports the default number format and renders common formats', () => {
    const emu = new Emulator({ spreadsheetLocale: 'fr_FR' });
    const out = emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange('A1:D1').setValues([[1234.5, 1234.5, -3, 0.25]]);
      const before = sh.getRange('A1').getNumberFormats()[0][0];
      sh.getRange('A1:D1').setNumberFormats([['#,##0.00', '[$€-fr-FR] #,##0.00', '0.00', '0%']]);
      return { before, display: sh.getRange('A1:D1').getDisplayValues()[0] };
    });
    expect(out.before).toBe('0.###############');
    expect(out.display).toEqual(['1\u202f234,50', '€ 1\u202f234,50', '-3,00', '25%']);
  });
});
