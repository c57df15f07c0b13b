/**
 * ScriptApp with installable time-driven triggers (reference section 8): a registry per user, the editor
 * add-on rules, and the time-driven event object. Firing is driven by Emulator.fireDueTriggers.
 */
import type {
  ClockTriggerBuilderLike,
  ScriptAppLike,
  SpreadsheetLike,
  TriggerBuilderLike,
  TriggerLike,
} from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import { unwrap, type Execution } from './execution';
import { mulberry32 } from './scheduler';
import { SpreadsheetFacade } from './spreadsheet';
import { instantOfWall, wallMillis } from './values';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_ONE_CLOCK_TRIGGER = 'This add-on has created too many time-based triggers in this document for this Google user account.';
/** Our wording (UNCONFIRMED). */
export const ADDON_HOURLY_MINIMUM = 'Add-ons may not create time-based triggers that run more often than once per hour.';
/** Our wording (UNCONFIRMED). */
export const NO_RECURRENCE = 'A time-based trigger needs a schedule: call everyMinutes, everyHours or everyDays before create().';
/** Our wording (UNCONFIRMED). */
export const AT_HOUR_NEEDS_DAYS = 'atHour and nearMinute can only be used with everyDays.';
export const EVERY_MINUTES_VALUES = [1, 5, 10, 15, 30] as const;

/** An installable trigger as the emulator stores it (emu.triggers lists copies). */
export interface TriggerRecord {
  /** Unique id (digits, like Google's). */
  id: string;
  /** Owner: the user who created it; it runs as this user. */
  user: string;
  functionName: string;
  /** Period in ms. */
  everyMs: number;
  /** Next run on the virtual clock (ms since epoch). */
  nextRunAt: number;
  eventType: 'CLOCK';
  /** Virtual time of creation (ms). */
  createdAt: number;
  /** everyDays triggers: hour and minute of day in the script time zone. */
  atHour?: number;
  nearMinute?: number;
}

/** The time-driven event object (reference section 8), without authMode (an enum of the caller's realm). */
export interface TimeDrivenEventFields {
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

/** Fields of the event for a run at `now`, in UTC (UNCONFIRMED: the zone Google reports). */
export function timeDrivenEventFields(trigger: Pick<TriggerRecord, 'id'>, now: number): TimeDrivenEventFields {
  const d = new Date(now);
  const dow = ((d.getUTCDay() + 6) % 7) + 1; // 1 = Monday .. 7 = Sunday
  // ISO 8601 week: the week holding this week's Thursday
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - dow));
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
  return {
    triggerUid: trigger.id,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': dow,
    'week-of-year': week,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

export class TriggerRegistry {
  /** Every trigger of every user, in creation order. */
  readonly list: TriggerRecord[] = [];
  private readonly rng: () => number;

  constructor(seed: number) {
    this.rng = mulberry32((seed * 104729 + 7) >>> 0);
  }

  newId(): string {
    for (;;) {
      let id = String(1 + Math.floor(this.rng() * 9));
      while (id.length < 19) id += String(Math.floor(this.rng() * 10));
      if (!this.list.some((t) => t.id === id)) return id;
    }
  }

  ofUser(user: string): TriggerRecord[] {
    return this.list.filter((t) => t.user === user);
  }

  has(id: string): boolean {
    return this.list.some((t) => t.id === id);
  }

  remove(id: string): void {
    const i = this.list.findIndex((t) => t.id === id);
    if (i >= 0) this.list.splice(i, 1);
  }

  /** After a run at `now`: the first scheduled time after now (missed runs are not caught up). */
  reschedule(t: TriggerRecord, now: number, tz: string): void {
    if (t.atHour !== undefined) {
      const days = Math.round(t.everyMs / DAY);
      let next = t.nextRunAt;
      while (next <= now) next = dailyAt(next + DAY * days - 12 * HOUR, t.atHour, t.nearMinute ?? 0, tz);
      t.nextRunAt = next;
      return;
    }
    const k = Math.floor((now - t.nextRunAt) / t.everyMs) + 1;
    t.nextRunAt += Math.max(1, k) * t.everyMs;
  }
}

/** The first instant strictly after `from` whose wall time in tz is hour:minute. */
export function dailyAt(from: number, hour: number, minute: number, tz: string): number {
  const wall = wallMillis(from, tz);
  const day = Math.floor(wall / DAY) * DAY;
  for (let i = 0; i < 3; i++) {
    const at = instantOfWall(day + i * DAY + hour * HOUR + minute * MINUTE, tz);
    if (at > from) return at;
  }
  throw new Error('unreachable');
}

export function scriptAppFacade(x: Execution, registry: TriggerRegistry): ScriptAppLike {
  return x.wrap('ScriptApp', new ScriptAppFacade(x, registry));
}

class ScriptAppFacade implements ScriptAppLike {
  constructor(
    private readonly x: Execution,
    private readonly registry: TriggerRegistry,
  ) {}
  get AuthMode(): typeof GoogleAppsScript.Script.AuthMode {
    return this.x.emu.enums.AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  }
  get EventType(): typeof GoogleAppsScript.Script.EventType {
    return this.x.emu.enums.EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  }
  get TriggerSource(): typeof GoogleAppsScript.Script.TriggerSource {
    return this.x.emu.enums.TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  }
  newTrigger(functionName: string): TriggerBuilderLike {
    if (typeof functionName !== 'string' || functionName === '') throw new ServiceError('Invalid argument: functionName');
    return this.x.wrap('TriggerBuilder', new TriggerBuilderFacade(this.x, this.registry, functionName));
  }
  getProjectTriggers(): TriggerLike[] {
    return this.x.array(this.registry.ofUser(this.x.user).map((t) => triggerFacade(this.x, t)));
  }
  /** The single emulated document holds every trigger: the user's triggers. */
  getUserTriggers(spreadsheet: SpreadsheetLike): TriggerLike[] {
    const ss = unwrap<object>(spreadsheet, 'Spreadsheet');
    if (!(ss instanceof SpreadsheetFacade)) throw new ServiceError('Invalid argument: expected a Spreadsheet');
    return this.getProjectTriggers();
  }
  /** Deleting a trigger that no longer exists (or that another user owns) does nothing (UNCONFIRMED). */
  deleteTrigger(trigger: TriggerLike): void {
    const t = unwrap<TriggerFacade>(trigger, 'Trigger');
    if (!(t instanceof TriggerFacade)) throw new ServiceError('Invalid argument: expected a Trigger');
    if (t._rec.user === this.x.user) this.registry.remove(t._rec.id);
  }
}

class TriggerBuilderFacade implements TriggerBuilderLike {
  constructor(
    private readonly x: Execution,
    private readonly registry: TriggerRegistry,
    private readonly functionName: string,
  ) {}
  timeBased(): ClockTriggerBuilderLike {
    return this.x.wrap('ClockTriggerBuilder', new ClockTriggerBuilderFacade(this.x, this.registry, this.functionName));
  }
}

function checkInt(name: string, n: unknown, min: number, max: number): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new ServiceError(`The value you passed to ${name} was invalid.`);
  }
  return n;
}

class ClockTriggerBuilderFacade implements ClockTriggerBuilderLike {
  private unit: 'minutes' | 'hours' | 'days' | null = null;
  private n = 0;
  private hour: number | undefined;
  private minute: number | undefined;
  constructor(
    private readonly x: Execution,
    private readonly registry: TriggerRegistry,
    private readonly functionName: string,
  ) {}
  private _self(): ClockTriggerBuilderLike {
    return this.x.wrap('ClockTriggerBuilder', this);
  }
  everyMinutes(n: number): ClockTriggerBuilderLike {
    if (!(EVERY_MINUTES_VALUES as readonly unknown[]).includes(n)) throw new ServiceError('The value you passed to everyMinutes was invalid.');
    [this.unit, this.n] = ['minutes', n];
    return this._self();
  }
  everyHours(n: number): ClockTriggerBuilderLike {
    [this.unit, this.n] = ['hours', checkInt('everyHours', n, 1, 10_000)];
    return this._self();
  }
  everyDays(n: number): ClockTriggerBuilderLike {
    [this.unit, this.n] = ['days', checkInt('everyDays', n, 1, 10_000)];
    return this._self();
  }
  atHour(hour: number): ClockTriggerBuilderLike {
    this.hour = checkInt('atHour', hour, 0, 23);
    return this._self();
  }
  nearMinute(minute: number): ClockTriggerBuilderLike {
    this.minute = checkInt('nearMinute', minute, 0, 59);
    return this._self();
  }
  create(): TriggerLike {
    if (this.unit === null) throw new ServiceError(NO_RECURRENCE);
    if ((this.hour !== undefined || this.minute !== undefined) && this.unit !== 'days') throw new ServiceError(AT_HOUR_NEEDS_DAYS);
    const { user } = this.x;
    const opts = this.x.emu.options;
    const mine = this.registry.ofUser(user);
    if (opts.addon) {
      if (this.unit === 'minutes') throw new ServiceError(ADDON_HOURLY_MINIMUM);
      if (mine.some((t) => t.eventType === 'CLOCK')) throw new ServiceError(ADDON_ONE_CLOCK_TRIGGER);
    }
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw new ServiceError(TOO_MANY_TRIGGERS);
    const now = this.x.emu.clock.now();
    const everyMs = this.n * (this.unit === 'minutes' ? MINUTE : this.unit === 'hours' ? HOUR : DAY);
    const rec: TriggerRecord = {
      id: this.registry.newId(),
      user,
      functionName: this.functionName,
      everyMs,
      nextRunAt: now + everyMs,
      eventType: 'CLOCK',
      createdAt: now,
    };
    if (this.hour !== undefined) {
      rec.atHour = this.hour;
      if (this.minute !== undefined) rec.nearMinute = this.minute;
      rec.nextRunAt = dailyAt(now, this.hour, this.minute ?? 0, opts.scriptTimeZone);
    }
    this.registry.list.push(rec);
    return triggerFacade(this.x, rec);
  }
}

function triggerFacade(x: Execution, rec: TriggerRecord): TriggerLike {
  return x.wrap('Trigger', new TriggerFacade(x, rec));
}

class TriggerFacade implements TriggerLike {
  constructor(
    private readonly x: Execution,
    readonly _rec: TriggerRecord,
  ) {}
  getUniqueId(): string {
    return this._rec.id;
  }
  getHandlerFunction(): string {
    return this._rec.functionName;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.x.emu.enums.EventType.CLOCK as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.x.emu.enums.TriggerSource.CLOCK as unknown as GoogleAppsScript.Script.TriggerSource;
  }
}
