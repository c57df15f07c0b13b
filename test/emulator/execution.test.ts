import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorAbort, EmulatorUnsupported } from '../../tools/emulator/index';

const ss = () => SpreadsheetApp.getActiveSpreadsheet();

describe('AuthMode', () => {
  it('NONE allows building the add-on menu and the user locale only', () => {
    const emu = new Emulator({ spreadsheetLocale: 'fr_FR' });
    const locale = emu.run({ authMode: 'NONE', kind: 'simpleTrigger' }, () => {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Ouvrir', 'openSidebar').addSeparator().addToUi();
      return Session.getActiveUserLocale();
    });
    expect(locale).toBe('fr');
    expect(emu.ui.menus).toEqual([{ title: 'Sheets Stock Ledger', items: [{ caption: 'Ouvrir', functionName: 'openSidebar' }, 'separator'] }]);
  });

  it('NONE refuses everything else with the permission message', () => {
    const emu = new Emulator();
    const none = <T>(fn: () => T) => () => emu.run({ authMode: 'NONE' }, fn);
    expect(none(() => ss())).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(none(() => PropertiesService.getDocumentProperties())).toThrow(/permission to call PropertiesService.getDocumentProperties/);
    expect(none(() => Session.getActiveUser())).toThrow(/userinfo\.email/);
    expect(none(() => HtmlService.createHtmlOutput('x'))).toThrow(/script\.container\.ui/);
    expect(none(() => ScriptApp.AuthMode.NONE.toString())()).toBe('NONE');
  });

  it('LIMITED allows the bound spreadsheet, properties and locks', () => {
    const emu = new Emulator();
    const name = emu.run({ authMode: 'LIMITED' }, () => {
      LockService.getDocumentLock()!.waitLock(1000);
      PropertiesService.getDocumentProperties()!.setProperty('k', 'v');
      return ss().getName();
    });
    expect(name).toBe('Stock Ledger');
  });

  it('getUi cannot be called from a time-driven trigger', () => {
    const emu = new Emulator();
    expect(() => emu.run({ kind: 'trigger' }, () => SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(emu.run({ kind: 'trigger' }, () => ss().getName())).toBe('Stock Ledger');
    expect(new Emulator({ triggerSpreadsheet: 'null' }).run({ kind: 'trigger' }, () => ss())).toBeNull();
  });

  it('enum values are identity-equal within one emulator and print their name', () => {
    const emu = new Emulator();
    const [a, b] = [emu.run({}, () => ScriptApp.AuthMode.LIMITED), emu.run({}, () => ScriptApp.AuthMode.LIMITED)];
    expect(a).toBe(b);
    expect(String(a)).toBe('LIMITED');
    expect(new Emulator().run({}, () => ScriptApp.AuthMode.LIMITED)).not.toBe(a);
  });
});

describe('counting', () => {
  it('counts calls per Class.method and cells read, written and scanned', () => {
    const emu = new Emulator();
    const before = emu.counters.snapshot();
    emu.run({}, () => {
      const sh = ss().getSheets()[0];
      sh.getRange(1, 1, 3, 2).setValues([['a', 1], ['b', 2], ['c', 3]]);
      sh.getRange(1, 1, 3, 2).getValues();
      sh.getRange('A1').getValue();
      sh.createTextFinder('b').findAll();
      SpreadsheetApp.flush();
    });
    const d = emu.counters.diff(before, emu.counters.snapshot());
    expect(d.calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 3,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Range.getValue': 1,
      'Sheet.createTextFinder': 1,
      'TextFinder.findAll': 1,
      'SpreadsheetApp.flush': 1,
    });
    expect(d.total).toBe(11);
    expect([d.cellsWritten, d.cellsRead, d.cellsScanned]).toEqual([6, 7, 6]);
    emu.counters.reset();
    expect(emu.counters.totalCalls()).toBe(0);
  });
});

describe('execution control', () => {
  it('throws EmulatorUnsupported for a method that is not emulated, never a silent stub', () => {
    const emu = new Emulator();
    expect(() => emu.run({}, () => (ss().getSheets()[0].getRange('A1') as any).autoResizeColumns())).toThrow(
      new EmulatorUnsupported('Range.autoResizeColumns is not emulated'),
    );
    expect(() => emu.run({}, () => (SpreadsheetApp as any).openById('x'))).toThrow(EmulatorUnsupported);
    // internal fields are not reachable either
    expect(() => emu.run({}, () => (ss() as any).x)).toThrow('Spreadsheet.x is not emulated');
  });

  it('abortAfterCalls throws EmulatorAbort at call N+1 before it runs, even if the code catches it', () => {
    const emu = new Emulator();
    let reached = 0;
    const script = () => {
      const sh = ss().getSheets()[0];
      reached = 2;
      try {
        sh.getRange('A1').setValue('x');
      } catch {
        /* the app might catch everything */
      }
      reached = 3;
      return 'done';
    };
    expect(() => emu.run({ abortAfterCalls: 3 }, script)).toThrow(EmulatorAbort);
    expect(reached).toBe(3);
    expect(emu.book.sheets[0].lastRow()).toBe(0); // setValue never ran
    expect(emu.run({ abortAfterCalls: 4 }, script)).toBe('done');
    expect(emu.book.sheets[0].values()).toEqual([['x']]);
  });

  it('throws "Exceeded maximum execution time" once virtual time passes the budget', () => {
    const emu = new Emulator();
    expect(() =>
      emu.run({}, () => {
        Utilities.sleep(300000);
        Utilities.sleep(60001);
        ss();
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(() =>
      emu.run({ kind: 'simpleTrigger' }, () => {
        Utilities.sleep(31000);
        ss();
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(emu.run({}, () => (Utilities.sleep(300000), ss().getName()))).toBe('Stock Ledger');
    expect(() => emu.run({}, () => Utilities.sleep(300001))).toThrow();
  });

  it('installs globals on the target and restores the previous values, also when nested', () => {
    const emu = new Emulator();
    const target: Record<string, unknown> = { SpreadsheetApp: 'mine' };
    const seen = emu.run({ target }, () => {
      const outer = target.SpreadsheetApp;
      const inner = emu.run({ target }, () => target.SpreadsheetApp);
      return { outer, inner, afterInner: target.SpreadsheetApp };
    });
    expect(seen.outer).not.toBe('mine');
    expect(seen.inner).not.toBe(seen.outer);
    expect(seen.afterInner).toBe(seen.outer);
    expect(target.SpreadsheetApp).toBe('mine');
    expect('Session' in target).toBe(false);
  });

  it('Date follows the virtual clock inside run only', () => {
    const emu = new Emulator({ now: '2030-01-01T00:00:00Z' });
    const [a, b, isDate] = emu.run({}, () => {
      const d = new Date();
      emu.clock.advance(1500);
      return [d.toISOString(), Date.now(), d instanceof Date];
    });
    expect(a).toBe('2030-01-01T00:00:00.000Z');
    expect(b).toBe(Date.parse('2030-01-01T00:00:01.500Z'));
    expect(isDate).toBe(true);
    expect(new Date().getFullYear()).toBeLessThan(2030);
  });

  it('objects of an ended execution refuse to work', () => {
    const emu = new Emulator();
    const sheetObj = emu.run({}, () => ss().getSheets()[0]);
    expect(() => sheetObj.getName()).toThrow(/execution that has ended/);
  });

  it('records Logger and console output', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      Logger.log('n=%s', 3);
      console.warn('careful');
    });
    expect(emu.logs).toEqual(['n=3', '[warn] careful']);
  });
});
