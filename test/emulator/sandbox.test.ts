import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorUnsupported } from '../../tools/emulator/index';
import { BundleSandbox } from '../../tools/sandbox';

const CODE = `
var global = this;
var counter = 0;
function writeAndRead(rows) {
  counter++;
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return { back: sh.getRange(1, 1, rows.length, rows[0].length).getValues(), counter: counter };
}
function missingGlobals() {
  return ['setTimeout', 'setInterval', 'URL', 'TextEncoder', 'fetch', 'atob', 'process', 'require', 'Buffer', 'crypto', 'performance']
    .filter(function (n) { return typeof global[n] !== 'undefined'; });
}
function clockNow() { return [new Date().toISOString(), Date.now()]; }
function dateRealm() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('A1').setValue(new Date());
  var v = sh.getRange('A1').getValues();
  return [v[0][0] instanceof Date, Array.isArray(v), v instanceof Array, Object.getPrototypeOf(v) === Array.prototype];
}
function argsRealm(obj) { return [obj instanceof Object, obj.list instanceof Array]; }
function catchesServiceErrors() {
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); }
  catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Receive', 'openReceive').addToUi();
  return String(e.authMode) + ':' + (e.authMode === ScriptApp.AuthMode.NONE) + ':' + ('user' in e);
}
function hourly(e) { return Session.getActiveUser().getEmail() + '|' + String(e.authMode); }
function unsupported() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].autoResizeColumns(1, 2); }
var notListed = function () {};
global.alsoNotListed = function () {};
`;

describe('BundleSandbox', () => {
  it('lists top-level function declarations only', () => {
    const sb = new BundleSandbox(new Emulator(), { code: CODE });
    expect(sb.topLevelFunctions().sort()).toEqual(
      ['argsRealm', 'catchesServiceErrors', 'clockNow', 'dateRealm', 'hourly', 'missingGlobals', 'onOpen', 'unsupported', 'writeAndRead'].sort(),
    );
  });

  it('runs each call in a fresh context (top-level state does not survive)', () => {
    const emu = new Emulator();
    const sb = new BundleSandbox(emu, { code: CODE });
    const a = sb.call('writeAndRead', [[['00123', 'x']]]) as { back: unknown[][]; counter: number };
    const b = sb.call('writeAndRead', [[['y', 2]]]) as { counter: number };
    expect(a.back).toEqual([[123, 'x']]);
    expect([a.counter, b.counter]).toEqual([1, 1]);
    expect(emu.counters.calls['Range.setValues']).toBe(2);
  });

  it('removes what Apps Script lacks', () => {
    const sb = new BundleSandbox(new Emulator(), { code: CODE });
    expect(sb.call('missingGlobals')).toEqual([]);
    // and the host realm is untouched
    expect(typeof setTimeout).toBe('function');
  });

  it('installs a virtual-clock Date', () => {
    const emu = new Emulator({ now: '2026-06-01T12:00:00Z' });
    const sb = new BundleSandbox(emu, { code: CODE });
    expect(sb.call('clockNow')).toEqual(['2026-06-01T12:00:00.000Z', Date.parse('2026-06-01T12:00:00Z')]);
    emu.clock.advance(60_000);
    expect((sb.call('clockNow') as string[])[0]).toBe('2026-06-01T12:01:00.000Z');
  });

  it('hands back values built in the context realm, and copies arguments into it', () => {
    const sb = new BundleSandbox(new Emulator(), { code: CODE });
    expect(sb.call('dateRealm')).toEqual([true, true, true, true]);
    expect(sb.call('argsRealm', [{ list: [1, 2] }])).toEqual([true, true]);
    expect(sb.call('catchesServiceErrors')).toEqual([true, 'Exception', 'The starting row of the range is too small.']);
  });

  it('runs onOpen as a simple trigger in AuthMode.NONE with the context enum', () => {
    const emu = new Emulator();
    const sb = new BundleSandbox(emu, { code: CODE });
    expect(sb.trigger('onOpen', { authMode: 'NONE' })).toBe('NONE:true:false');
    expect(emu.ui.menus[0].items).toEqual([{ caption: 'Receive', functionName: 'openReceive' }]);
    expect(sb.trigger('onOpen', { authMode: 'LIMITED' })).toBe('LIMITED:false:true');
    expect(sb.trigger('hourly', { user: 'owner@example.com' })).toBe('owner@example.com|FULL');
  });

  it('surfaces EmulatorUnsupported and missing functions', () => {
    const sb = new BundleSandbox(new Emulator(), { code: CODE });
    expect(() => sb.call('unsupported')).toThrow(EmulatorUnsupported);
    expect(() => sb.call('nope')).toThrow('Script function not found: nope');
  });
});
