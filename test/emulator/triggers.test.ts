import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorUnsupported, type TimeDrivenEvent, type TriggerRecord } from '../../tools/emulator/index';
import { BundleSandbox } from '../../tools/sandbox';

const A = 'a@example.com';
const B = 'b@example.com';
const T0 = '2026-01-05T09:00:00Z'; // a Monday
const t0 = Date.parse(T0);
const HOUR = 3600_000;

const hourly = (fn = 'checkStock', n = 1) => ScriptApp.newTrigger(fn).timeBased().everyHours(n).create();

describe('ScriptApp triggers: create, list, delete', () => {
  it('creates a time-driven trigger and lists it for its owner only', () => {
    const emu = new Emulator({ now: T0 });
    const made = emu.run({ user: A }, () => {
      const t = hourly('checkStock', 2);
      return {
        id: t.getUniqueId(),
        fn: t.getHandlerFunction(),
        type: String(t.getEventType()),
        source: String(t.getTriggerSource()),
        isClock: t.getEventType() === ScriptApp.EventType.CLOCK && t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK,
      };
    });
    expect(made.id).toMatch(/^[1-9]\d{18}$/);
    expect(made).toMatchObject({ fn: 'checkStock', type: 'CLOCK', source: 'CLOCK', isClock: true });
    expect(emu.triggers).toEqual([
      { id: made.id, user: A, functionName: 'checkStock', everyMs: 2 * HOUR, nextRunAt: t0 + 2 * HOUR, eventType: 'CLOCK', createdAt: t0 },
    ]);
    const list = (user: string) =>
      emu.run({ user }, () => ({
        project: ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()),
        user: ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet() as never).map((t) => t.getHandlerFunction()),
      }));
    expect(list(A)).toEqual({ project: [made.id], user: ['checkStock'] });
    expect(list(B)).toEqual({ project: [], user: [] }); // another account cannot see A's trigger
    expect(emu.counters.calls['ScriptApp.newTrigger']).toBe(1);
    expect(emu.counters.calls['ClockTriggerBuilder.create']).toBe(1);
  });

  it('deleteTrigger removes the trigger; deleting another user\'s or a deleted trigger does nothing', () => {
    const emu = new Emulator();
    emu.run({ user: A }, () => hourly('a1'));
    emu.run({ user: B }, () => hourly('b1'));
    emu.run({ user: B }, () => {
      for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
      expect(ScriptApp.getProjectTriggers()).toEqual([]);
    });
    expect(emu.triggers.map((t) => [t.user, t.functionName])).toEqual([[A, 'a1']]);
    emu.run({ user: A }, () => {
      const [t] = ScriptApp.getProjectTriggers();
      ScriptApp.deleteTrigger(t);
      ScriptApp.deleteTrigger(t);
    });
    expect(emu.triggers).toEqual([]);
  });

  it('editor add-on: one time-driven trigger per user per document', () => {
    const emu = new Emulator();
    emu.run({ user: A }, () => hourly('first'));
    expect(() => emu.run({ user: A }, () => hourly('second'))).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    emu.run({ user: B }, () => hourly('first')); // per user
    expect(emu.triggers.map((t) => `${t.user}:${t.functionName}`)).toEqual([`${A}:first`, `${B}:first`]);
    // after deleting it, the user may create one again
    emu.run({ user: A }, () => ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]));
    emu.run({ user: A }, () => hourly('second'));
    expect(emu.triggers.filter((t) => t.user === A).map((t) => t.functionName)).toEqual(['second']);
  });

  it('editor add-on: at most hourly (everyMinutes refused, everyHours(1) and everyDays accepted)', () => {
    const emu = new Emulator();
    expect(() => emu.run({ user: A }, () => ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create())).toThrow(
      /run more often than once per hour/,
    );
    emu.run({ user: A }, () => hourly('f', 1));
    emu.run({ user: B }, () => ScriptApp.newTrigger('g').timeBased().everyDays(1).atHour(6).create());
    expect(emu.triggers).toHaveLength(2);
  });

  it('everyMinutes accepts only 1, 5, 10, 15, 30 (addon: false); 20 triggers per user', () => {
    const emu = new Emulator({ addon: false });
    for (const n of [1, 5, 10, 15, 30]) emu.run({ user: A }, () => ScriptApp.newTrigger('f').timeBased().everyMinutes(n).create());
    for (const n of [2, 60, 0]) {
      expect(() => emu.run({ user: A }, () => ScriptApp.newTrigger('f').timeBased().everyMinutes(n))).toThrow(
        'The value you passed to everyMinutes was invalid.',
      );
    }
    expect(emu.triggers.map((t) => t.everyMs / 60_000)).toEqual([1, 5, 10, 15, 30]);
    for (let i = 5; i < 20; i++) emu.run({ user: A }, () => hourly(`h${i}`));
    expect(() => emu.run({ user: A }, () => hourly('h20'))).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    emu.run({ user: B }, () => hourly('b')); // the limit is per user
    expect(emu.triggers).toHaveLength(21);
  });

  it('builder validation: a schedule is required; atHour needs everyDays; values are checked', () => {
    const emu = new Emulator();
    expect(() => emu.run({}, () => ScriptApp.newTrigger('f').timeBased().create())).toThrow(/needs a schedule/);
    expect(() => emu.run({}, () => ScriptApp.newTrigger('f').timeBased().everyHours(2).atHour(5).create())).toThrow(/only be used with everyDays/);
    expect(() => emu.run({}, () => ScriptApp.newTrigger('f').timeBased().everyHours(0))).toThrow('The value you passed to everyHours was invalid.');
    expect(() => emu.run({}, () => ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(24))).toThrow('The value you passed to atHour was invalid.');
    expect(() => emu.run({}, () => (ScriptApp.newTrigger('f') as unknown as { forSpreadsheet(): void }).forSpreadsheet())).toThrow(
      EmulatorUnsupported,
    );
    expect(emu.triggers).toEqual([]);
  });

  it('everyDays(n).atHour(h).nearMinute(m) runs at that wall time in the script time zone', () => {
    const emu = new Emulator({ now: T0, scriptTimeZone: 'America/New_York' }); // 09:00Z = 04:00 in New York
    emu.run({ user: A }, () => ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).nearMinute(30).create());
    expect(new Date(emu.triggers[0].nextRunAt).toISOString()).toBe('2026-01-05T11:30:00.000Z');
    emu.clock.set(emu.triggers[0].nextRunAt);
    emu.fireDueTriggers(() => undefined);
    expect(new Date(emu.triggers[0].nextRunAt).toISOString()).toBe('2026-01-06T11:30:00.000Z');
  });

  it('trigger management needs AuthMode.FULL (script.scriptapp); ScriptApp.AuthMode stays free', () => {
    const emu = new Emulator();
    expect(() => emu.run({ authMode: 'LIMITED' }, () => ScriptApp.getProjectTriggers())).toThrow(
      'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(() => emu.run({ authMode: 'NONE' }, () => ScriptApp.newTrigger('f'))).toThrow(/ScriptApp\.newTrigger.*script\.scriptapp/);
    expect(emu.run({ authMode: 'NONE' }, () => String(ScriptApp.AuthMode.FULL))).toBe('FULL');
  });
});

describe('fireDueTriggers', () => {
  it('runs each due trigger as its owner with the time-driven event, then schedules the next run', () => {
    const emu = new Emulator({ now: T0 });
    emu.run({ user: A }, () => hourly('checkStock'));
    emu.run({ user: B }, () => ScriptApp.newTrigger('report').timeBased().everyHours(3).create());
    const calls: { fn: string; user: string; active: string; event: TimeDrivenEvent; full: boolean; now: number }[] = [];
    const runner = (t: TriggerRecord, e: TimeDrivenEvent) => {
      calls.push({
        fn: t.functionName,
        user: t.user,
        active: Session.getActiveUser().getEmail(),
        event: e,
        full: e.authMode === ScriptApp.AuthMode.FULL,
        now: Date.now(),
      });
      return t.functionName.toUpperCase();
    };
    expect(emu.fireDueTriggers(runner)).toEqual([]); // nothing due yet, and nothing advanced
    expect(emu.clock.now()).toBe(t0);
    emu.clock.advance(HOUR);
    const fired = emu.fireDueTriggers(runner);
    expect(fired.map((f) => [f.trigger.functionName, f.result])).toEqual([['checkStock', 'CHECKSTOCK']]);
    expect(calls).toHaveLength(1);
    const [c] = calls;
    expect([c.fn, c.user, c.active, c.full, c.now]).toEqual(['checkStock', A, A, true, t0 + HOUR]);
    expect(c.event).toEqual({
      authMode: emu.enums.AuthMode.FULL,
      triggerUid: emu.triggers[0].id,
      year: 2026,
      month: 1,
      'day-of-month': 5,
      'day-of-week': 1,
      'week-of-year': 2,
      hour: 10,
      minute: 0,
      second: 0,
      timezone: 'UTC',
    });
    expect(emu.triggers.map((t) => t.nextRunAt)).toEqual([t0 + 2 * HOUR, t0 + 3 * HOUR]);
    // a jump of several periods runs each due trigger once (no catch-up) and reschedules after now
    emu.clock.advance(4 * HOUR + 1); // t0 + 5h
    const again = emu.fireDueTriggers(runner);
    expect(again.map((f) => `${f.trigger.user}:${f.trigger.functionName}`)).toEqual([`${A}:checkStock`, `${B}:report`]);
    expect(calls.map((x) => x.active)).toEqual([A, A, B]);
    expect(emu.triggers.map((t) => t.nextRunAt)).toEqual([t0 + 6 * HOUR, t0 + 6 * HOUR]);
  });

  it('a trigger execution has no Ui; getActiveSpreadsheet follows triggerSpreadsheet', () => {
    const run = (emu: Emulator) => {
      emu.run({ user: A }, () => hourly('job'));
      emu.clock.advance(HOUR);
      return emu.fireDueTriggers(() => {
        const ss = SpreadsheetApp.getActiveSpreadsheet();
        SpreadsheetApp.getUi();
        return ss;
      });
    };
    const [bound] = run(new Emulator());
    expect(String(bound.error)).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    const got: unknown[] = [];
    const emu = new Emulator({ triggerSpreadsheet: 'null' });
    emu.run({ user: A }, () => hourly('job'));
    emu.clock.advance(HOUR);
    emu.fireDueTriggers(() => got.push(SpreadsheetApp.getActiveSpreadsheet()));
    const emu2 = new Emulator();
    emu2.run({ user: A }, () => hourly('job'));
    emu2.clock.advance(HOUR);
    emu2.fireDueTriggers(() => got.push(SpreadsheetApp.getActiveSpreadsheet()!.getName()));
    expect(got).toEqual([null, 'Stock Ledger']);
  });

  it('records a failed run and carries on; rethrows EmulatorUnsupported; a handler may delete its trigger', () => {
    const emu = new Emulator({ addon: false });
    emu.run({ user: A }, () => {
      hourly('fails');
      hourly('selfDelete');
    });
    emu.clock.advance(HOUR);
    const fired = emu.fireDueTriggers((t) => {
      if (t.functionName === 'fails') throw new Error('boom');
      const mine = ScriptApp.getProjectTriggers().filter((x) => x.getUniqueId() === t.id);
      ScriptApp.deleteTrigger(mine[0]);
      return 'deleted';
    });
    expect(fired.map((f) => [f.trigger.functionName, f.result, f.error && String(f.error)])).toEqual([
      ['fails', undefined, 'Error: boom'],
      ['selfDelete', 'deleted', undefined],
    ]);
    expect(emu.triggers.map((t) => t.functionName)).toEqual(['fails']);
    emu.clock.advance(HOUR);
    expect(() =>
      emu.fireDueTriggers(() => (SpreadsheetApp.getActiveSpreadsheet() as unknown as { getCharts(): void }).getCharts()),
    ).toThrow(EmulatorUnsupported);
  });
});

describe('triggers through the bundle sandbox', () => {
  const CODE = `
function install() {
  ScriptApp.newTrigger('hourlyCheck').timeBased().everyHours(1).create();
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); });
}
function hourlyCheck(e) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var row = sh.getLastRow() + 1;
  sh.getRange(row, 1, 1, 4).setValues([[Session.getEffectiveUser().getEmail(), 'uid:' + e.triggerUid, e.hour, String(e.authMode)]]);
  return [e instanceof Object, e.authMode === ScriptApp.AuthMode.FULL, e['day-of-month'], e.timezone, new Date().toISOString()];
}
`;

  it('install from the bundle, then fireDueTriggers(sandbox) runs the handler in a fresh context with the event', () => {
    const emu = new Emulator({ now: T0 });
    const sb = new BundleSandbox(emu, { code: CODE });
    expect(sb.call('install', [], { user: A })).toEqual(['hourlyCheck']);
    const [t] = emu.triggers;
    expect(t).toMatchObject({ user: A, functionName: 'hourlyCheck', nextRunAt: t0 + HOUR });
    emu.clock.set('2026-01-05T10:00:00Z');
    const fired = emu.fireDueTriggers(sb);
    expect(fired).toHaveLength(1);
    expect(fired[0].error).toBeUndefined();
    expect(fired[0].result).toEqual([true, true, 5, 'UTC', '2026-01-05T10:00:00.000Z']);
    expect(emu.book.sheets[0].values()).toEqual([[A, 'uid:' + t.id, 10, 'FULL']]);
    emu.clock.set('2026-01-05T11:00:00Z');
    emu.fireDueTriggers(sb);
    expect(emu.book.sheets[0].values().map((r) => r[2])).toEqual([10, 11]);
  });

  it('runTrigger runs one trigger directly (kind trigger: no Ui)', () => {
    const emu = new Emulator();
    const sb = new BundleSandbox(emu, { code: CODE + 'function ui() { SpreadsheetApp.getUi(); }' });
    expect(() => sb.runTrigger({ id: '1', user: A, functionName: 'ui' })).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(() => sb.runTrigger({ id: '1', user: A, functionName: 'missing' })).toThrow('Script function not found: missing');
  });
});
