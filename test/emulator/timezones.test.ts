import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';
import { formatDate } from '../../tools/emulator/utilities';

describe('spreadsheet time zone vs script time zone', () => {
  it('stores a Date as wall time in the spreadsheet zone and reads back the same instant', () => {
    const emu = new Emulator({ spreadsheetTimeZone: 'Europe/Paris', scriptTimeZone: 'America/New_York' });
    const instant = new Date('2026-07-01T22:30:00Z');
    const out = emu.run({}, () => {
      const r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
      r.setValue(instant);
      const back = r.getValue() as Date;
      return {
        back: back.toISOString(),
        display: r.getDisplayValue(),
        paris: Utilities.formatDate(back, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm'),
        script: Utilities.formatDate(back, Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm'),
      };
    });
    expect(out.back).toBe('2026-07-01T22:30:00.000Z');
    // 00:30 on July 2 in Paris (CEST, +02:00), 18:30 on July 1 in New York (EDT, -04:00)
    expect(out.display).toBe('7/2/2026 0:30:00');
    expect(out.paris).toBe('2026-07-02 00:30');
    expect(out.script).toBe('2026-07-01 18:30');
    // the stored serial is Paris wall time
    expect(emu.book.sheets[0].cell(1, 1)!.v).toBeCloseTo(46205 + 30 / 1440, 8);
  });

  it('the same serial means another instant once the spreadsheet zone changes', () => {
    const emu = new Emulator({ spreadsheetTimeZone: 'Europe/Paris' });
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('2026-01-05'));
    expect((emu.book.sheets[0].values()[0][0] as Date).toISOString()).toBe('2026-01-04T23:00:00.000Z');
    emu.book.timeZone = 'America/New_York';
    expect((emu.book.sheets[0].values()[0][0] as Date).toISOString()).toBe('2026-01-05T05:00:00.000Z');
  });

  it('a date typed in a fr_FR / Europe/Paris sheet is midnight Paris, day first', () => {
    const emu = new Emulator({ spreadsheetLocale: 'fr_FR', spreadsheetTimeZone: 'Europe/Paris' });
    const s = emu.book.sheets[0];
    s.userEdit(1, 1, '05/01/2026');
    const d = s.values()[0][0] as Date;
    expect(d.toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect(s.displayValues()[0][0]).toBe('05/01/2026');
    expect(s.formats()[0][0]).toBe('dd/MM/yyyy');
  });

  it('Date written by a script in fr_FR shows the French date-time format', () => {
    const emu = new Emulator({ spreadsheetLocale: 'fr_FR' });
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(new Date()));
    expect(emu.book.sheets[0].displayValues()[0][0]).toBe('05/01/2026 10:00:00');
  });
});

describe('Utilities.formatDate (SimpleDateFormat subset)', () => {
  const t = Date.parse('2026-01-05T09:07:03.045Z');
  it('formats fields, literals and zones', () => {
    expect(formatDate(t, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).toBe('2026-01-05T09:07:03.045Z');
    expect(formatDate(t, 'Europe/Paris', 'EEE, d MMM yy h:mm a Z XXX')).toBe('Mon, 5 Jan 26 10:07 AM +0100 +01:00');
    expect(formatDate(t, 'America/New_York', 'EEEE MMMM dd HH z')).toBe('Monday January 05 04 EST');
    expect(formatDate(t, 'Europe/Paris', 'z')).toBe('CET');
    expect(formatDate(t, 'UTC', "X 'o''clock'")).toBe("Z o'clock");
    expect(formatDate(t, 'GMT+05:30', 'HH:mm')).toBe('14:37');
  });
  it('rejects unknown pattern letters', () => {
    expect(() => formatDate(t, 'UTC', 'yyyy-MM-dd q')).toThrow("Illegal pattern character 'q'");
  });
  it('is reached through the Utilities global and follows the virtual clock', () => {
    const emu = new Emulator({ now: '2026-02-03T04:05:06Z' });
    const s = emu.run({}, () => Utilities.formatDate(new Date(), 'UTC', 'yyyy-MM-dd HH:mm:ss'));
    expect(s).toBe('2026-02-03 04:05:06');
  });
});
