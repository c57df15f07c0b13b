import { describe, expect, it } from 'vitest';
import { Emulator } from '../../tools/emulator/index';

describe('PropertiesService', () => {
  it('coerces to strings, returns copies, shares the document store and keeps user stores apart', () => {
    const emu = new Emulator();
    emu.run({ user: 'a@example.com' }, () => {
      PropertiesService.getDocumentProperties()!.setProperty('n', 42 as unknown as string);
      PropertiesService.getUserProperties().setProperty('lang', 'fr');
      const copy = PropertiesService.getDocumentProperties()!.getProperties();
      copy.n = 'changed';
    });
    const seenByB = emu.run({ user: 'b@example.com' }, () => [
      PropertiesService.getDocumentProperties()!.getProperty('n'),
      PropertiesService.getUserProperties().getProperty('lang'),
    ]);
    expect(seenByB).toEqual(['42', null]);
    expect(emu.userProperties('a@example.com')).toEqual({ lang: 'fr' });
    expect(emu.documentProperties()).toEqual({ n: '42' });
    emu.run({}, () => PropertiesService.getScriptProperties().setProperties({ a: '1', b: '2' }));
    emu.run({}, () => PropertiesService.getScriptProperties().setProperties({ c: '3' }, true));
    expect(emu.scriptProperties()).toEqual({ c: '3' });
  });

  it('enforces 9 KB per value and 500 KB per store', () => {
    const emu = new Emulator();
    const props = () => PropertiesService.getDocumentProperties()!;
    expect(() => emu.run({}, () => props().setProperty('big', 'x'.repeat(9 * 1024 + 1)))).toThrow('Argument too large: value');
    emu.run({}, () => props().setProperty('ok', 'x'.repeat(9 * 1024)));
    expect(() =>
      emu.run({}, () => {
        for (let i = 0; i < 60; i++) props().setProperty(`k${i}`, 'y'.repeat(9000));
      }),
    ).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    const bytes = Object.entries(emu.documentProperties()).reduce((n, [k, v]) => n + k.length + v.length, 0);
    expect(bytes).toBeLessThanOrEqual(500 * 1024);
    expect(bytes).toBeGreaterThan(490 * 1024);
  });
});

describe('CacheService', () => {
  it('expires entries on the virtual clock (default 600 s, max 6 h)', () => {
    const emu = new Emulator();
    const get = (k: string) => emu.run({}, () => CacheService.getScriptCache().get(k));
    emu.run({}, () => {
      CacheService.getScriptCache().put('a', 'A');
      CacheService.getScriptCache().put('b', 'B', 60);
      CacheService.getScriptCache().put('c', 'C', 99999);
    });
    emu.clock.advance(59_000);
    expect([get('a'), get('b'), get('c')]).toEqual(['A', 'B', 'C']);
    emu.clock.advance(2_000);
    expect([get('a'), get('b')]).toEqual(['A', null]);
    emu.clock.advance(600_000);
    expect([get('a'), get('c')]).toEqual([null, 'C']);
    emu.clock.advance(21_600_000);
    expect(get('c')).toBeNull();
  });

  it('keeps user caches apart and enforces key/value limits', () => {
    const emu = new Emulator();
    emu.run({ user: 'a@example.com' }, () => CacheService.getUserCache().put('k', 'mine'));
    expect(emu.run({ user: 'b@example.com' }, () => CacheService.getUserCache().get('k'))).toBeNull();
    expect(emu.run({ user: 'a@example.com' }, () => CacheService.getUserCache().get('k'))).toBe('mine');
    expect(() => emu.run({}, () => CacheService.getScriptCache().put('k'.repeat(251), 'v'))).toThrow('Argument too large: key');
    expect(() => emu.run({}, () => CacheService.getScriptCache().put('k', 'v'.repeat(100 * 1024 + 1)))).toThrow('Argument too large: value');
  });
});

describe('Session', () => {
  it('reports the run user, "" in simple triggers, and the script time zone', () => {
    const emu = new Emulator({ scriptTimeZone: 'Asia/Tokyo', spreadsheetLocale: 'fr_FR' });
    const who = (opts: object) =>
      emu.run(opts, () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(), Session.getActiveUserLocale()]);
    expect(who({ user: 'a@example.com' })).toEqual(['a@example.com', 'a@example.com', 'Asia/Tokyo', 'fr']);
    expect(who({ user: 'a@example.com', kind: 'simpleTrigger' })).toEqual(['', 'a@example.com', 'Asia/Tokyo', 'fr']);
    const keys = ['a@example.com', 'b@example.com', 'a@example.com'].map((user) => emu.run({ user }, () => Session.getTemporaryActiveUserKey()));
    expect(keys[0]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('Utilities', () => {
  it('getUuid is seeded and well-formed', () => {
    const ids = (seed: number) => new Emulator({ seed }).run({}, () => [Utilities.getUuid(), Utilities.getUuid()]);
    const a = ids(1);
    expect(a).toEqual(ids(1));
    expect(a[0]).not.toBe(a[1]);
    expect(ids(2)[0]).not.toBe(a[0]);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Ui and HtmlService', () => {
  it('records menus with submenus, sidebars, dialogs, alerts and toasts', () => {
    const emu = new Emulator({ htmlFiles: { receive: '<p>receive</p>' } });
    emu.run({}, () => {
      const ui = SpreadsheetApp.getUi();
      const sub = ui.createMenu('More').addItem('Settings', 'openSettings');
      ui.createAddonMenu().addItem('Receive', 'openReceive').addSubMenu(sub).addToUi();
      ui.createAddonMenu().addItem('Receive', 'openReceive').addToUi(); // onOpen again: replaces
      ui.showSidebar(HtmlService.createHtmlOutputFromFile('receive.html').setTitle('Receive stock'));
      ui.showModalDialog(HtmlService.createHtmlOutput('<b>hi</b>').setWidth(400).setHeight(300), 'Hello');
      expect(String(ui.alert('Done'))).toBe('OK');
      SpreadsheetApp.getActiveSpreadsheet().toast('Saved', 'Ledger');
    });
    expect(emu.ui.menus).toEqual([{ title: 'Sheets Stock Ledger', items: [{ caption: 'Receive', functionName: 'openReceive' }] }]);
    expect(emu.ui.sidebars).toEqual([{ title: 'Receive stock', content: '<p>receive</p>', file: 'receive' }]);
    expect(emu.ui.dialogs).toEqual([{ title: 'Hello', content: '<b>hi</b>' }]);
    expect(emu.ui.alerts).toEqual(['Done']);
    expect(emu.ui.toasts).toEqual([{ msg: 'Saved', title: 'Ledger' }]);
    expect(() => emu.run({}, () => HtmlService.createHtmlOutputFromFile('missing'))).toThrow('No HTML file named missing was found.');
  });

  it('keeps submenus in the record', () => {
    const emu = new Emulator();
    emu.run({}, () => {
      const ui = SpreadsheetApp.getUi();
      ui.createMenu('Ledger').addSubMenu(ui.createMenu('More').addItem('A', 'fa')).addToUi();
    });
    expect(emu.ui.menus[0].items).toEqual([{ caption: 'More', functionName: '', items: [{ caption: 'A', functionName: 'fa' }] }]);
  });
});
