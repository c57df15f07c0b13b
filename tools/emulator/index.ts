/**
 * In-memory Apps Script emulator (see README.md for every rule and assumption).
 *   const emu = new Emulator({ spreadsheetLocale: 'fr_FR' });
 *   emu.run({ user: 'a@example.com' }, () => SpreadsheetApp.getActiveSpreadsheet().getName());
 */
import { VirtualClock } from './clock';
import { Counters } from './counters';
import { makeEnums, type Enums } from './enums';
import { Execution, type EmulatorCore } from './execution';
import { EmulatorAbort, EmulatorUnsupported } from './errors';
import { buildGlobals, GLOBAL_NAMES, type ServiceState } from './globals';
import { CacheStores } from './cache';
import { LockTable } from './lock';
import { DailyQuota } from './quota';
import { timeDrivenEventFields, TriggerRegistry, type TimeDrivenEventFields, type TriggerRecord } from './triggers';
import { FakeHttp } from './urlfetch';
import { BookModel } from './model';
import { PropertyStores } from './properties';
import { mulberry32, Scheduler } from './scheduler';
import type { EmulatorOptions, MailRecord, ResolvedOptions, RunOptions, UiRecord } from './types';
import { checkTimeZone, language } from './values';

export { EmulatorAbort, EmulatorUnsupported, ServiceError } from './errors';
export { BookModel, SheetModel, type MetaEntry, type MetaLocation } from './model';
export type { ProtectionModel } from './sheet-model';
export type { Cell, ValidationRule } from './cells';
export type { CounterSnapshot } from './counters';
export { Counters } from './counters';
export { Scheduler } from './scheduler';
export { VirtualClock } from './clock';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export type { EmulatorOptions, ResolvedOptions, RunOptions, Realm, UiRecord, MenuItemRecord, MailRecord } from './types';
export { Execution } from './execution';
export { DailyQuota } from './quota';
export { FakeHttp, abbreviate, allowedByWhitelist, TRUNCATE_AT, URL_FETCH_QUOTA_MESSAGE } from './urlfetch';
export type { HttpHandler, HttpLogEntry, HttpMatcher, HttpRequest, HttpResponseSpec } from './urlfetch';
export { parseAddresses, MAIL_QUOTA_MESSAGE } from './mail';
export {
  timeDrivenEventFields,
  ADDON_HOURLY_MINIMUM,
  ADDON_ONE_CLOCK_TRIGGER,
  TOO_MANY_TRIGGERS,
  type TimeDrivenEventFields,
  type TriggerRecord,
} from './triggers';

/** A time-driven event object as fireDueTriggers hands it to a function runner (authMode is ScriptApp.AuthMode.FULL). */
export type TimeDrivenEvent = TimeDrivenEventFields & { authMode: unknown };

/** What fireDueTriggers accepts: a function run inside an execution it opens, or an object that opens its own (BundleSandbox). */
export type TriggerRunner = ((trigger: TriggerRecord, event: TimeDrivenEvent) => unknown) | { runTrigger(trigger: TriggerRecord): unknown };

/** One trigger run by fireDueTriggers: its result, or the error its execution ended with. */
export interface FiredTrigger {
  trigger: TriggerRecord;
  result?: unknown;
  error?: unknown;
}

const DEFAULTS = {
  spreadsheetTimeZone: 'Europe/Paris',
  scriptTimeZone: 'America/New_York',
  spreadsheetLocale: 'en_US',
  now: '2026-01-05T09:00:00Z',
  seed: 1,
  locking: 'enforced',
  spreadsheetName: 'Stock Ledger',
  addonName: 'Sheets Stock Ledger',
  signedText: 'error',
  nullWrites: 'empty',
  nonFinite: 'throw',
  triggerSpreadsheet: 'bound',
  checkboxAllowInvalid: false,
  workspace: false,
  urlFetchWhitelist: null,
  httpLatencyMs: 200,
  addon: true,
} as const;

function hex(n: number, len: number): string {
  return n.toString(16).padStart(len, '0');
}

export class Emulator implements EmulatorCore {
  readonly options: ResolvedOptions;
  readonly clock: VirtualClock;
  readonly counters = new Counters();
  readonly book: BookModel;
  readonly ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] };
  readonly logs: string[] = [];
  /** Outbox: every message MailApp sent, in order. */
  readonly mail: MailRecord[] = [];
  /** The fake network UrlFetchApp talks to: emu.http.route(matcher, handler), emu.http.requests. */
  readonly http: FakeHttp;
  readonly scheduler: Scheduler;
  readonly enums: Enums = makeEnums();
  /** Executions currently running (outermost first). */
  readonly executions: Execution[] = [];
  private readonly state: ServiceState;
  private readonly uuidRng: () => number;
  private execSeq = 0;

  constructor(opts: EmulatorOptions = {}) {
    const locale = opts.spreadsheetLocale ?? DEFAULTS.spreadsheetLocale;
    this.options = {
      ...DEFAULTS,
      htmlFiles: {},
      ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
      spreadsheetLocale: locale,
      userLocale: opts.userLocale ?? language(locale),
    } as ResolvedOptions;
    const workspace = this.options.workspace;
    if (opts.mailQuota === undefined) this.options.mailQuota = workspace ? 1500 : 100;
    if (opts.urlFetchQuota === undefined) this.options.urlFetchQuota = workspace ? 100_000 : 20_000;
    checkTimeZone(this.options.spreadsheetTimeZone);
    checkTimeZone(this.options.scriptTimeZone);
    this.clock = new VirtualClock(this.options.now);
    this.scheduler = new Scheduler(this.options.seed);
    this.uuidRng = mulberry32((this.options.seed ^ 0x9e3779b9) >>> 0);
    const idRng = mulberry32((this.options.seed * 7919 + 17) >>> 0);
    let id = '1';
    while (id.length < 44) id += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'[Math.floor(idRng() * 64)];
    this.book = new BookModel({
      name: this.options.spreadsheetName,
      id,
      locale,
      timeZone: this.options.spreadsheetTimeZone,
      signedText: this.options.signedText,
      nullWrites: this.options.nullWrites,
      nonFinite: this.options.nonFinite,
      checkboxAllowInvalid: this.options.checkboxAllowInvalid,
    });
    this.http = new FakeHttp(this.clock, () => this.options.httpLatencyMs);
    this.state = {
      locks: new LockTable(this.options.locking),
      properties: new PropertyStores(),
      caches: new CacheStores(),
      mail: { outbox: this.mail, quota: new DailyQuota(this.clock, this.options.mailQuota) },
      urlFetch: { http: this.http, quota: new DailyQuota(this.clock, this.options.urlFetchQuota) },
      triggers: new TriggerRegistry(this.options.seed),
    };
  }

  /** Installable triggers of every user, in creation order (copies). */
  get triggers(): TriggerRecord[] {
    return this.state.triggers.list.map((t) => ({ ...t }));
  }

  /**
   * Runs every trigger whose nextRunAt <= clock.now(), earliest first, each as one execution of kind
   * 'trigger' in AuthMode.FULL for its owner, and schedules its next run. Advances nothing itself.
   * A function runner is called inside an execution opened here (globals on globalThis) with the event
   * object; an object runner (BundleSandbox) gets runTrigger(trigger) and opens its own. An execution's
   * error is recorded in the result (as Google records a failed run) unless it is EmulatorUnsupported or
   * EmulatorAbort, which are rethrown.
   */
  fireDueTriggers(runner: TriggerRunner): FiredTrigger[] {
    const registry = this.state.triggers;
    const now = this.clock.now();
    const due = registry.list.filter((t) => t.nextRunAt <= now).sort((a, b) => a.nextRunAt - b.nextRunAt);
    const out: FiredTrigger[] = [];
    for (const t of due) {
      if (!registry.has(t.id)) continue; // deleted by a handler that ran before it
      registry.reschedule(t, now, this.options.scriptTimeZone);
      const trigger = { ...t };
      try {
        const result =
          typeof runner === 'function'
            ? this.run({ user: t.user, kind: 'trigger', authMode: 'FULL' }, () =>
                runner(trigger, { ...timeDrivenEventFields(t, this.clock.now()), authMode: this.enums.AuthMode.FULL }),
              )
            : runner.runTrigger(trigger);
        out.push({ trigger, result });
      } catch (error) {
        if (error instanceof EmulatorUnsupported || error instanceof EmulatorAbort) throw error;
        out.push({ trigger, error });
      }
    }
    return out;
  }

  /** A seeded RFC 4122 version-4 UUID. */
  uuid(): string {
    const b: number[] = [];
    for (let i = 0; i < 16; i++) b.push(Math.floor(this.uuidRng() * 256));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.map((x) => hex(x, 2)).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  documentProperties(): Record<string, string> {
    return Object.fromEntries(this.state.properties.document);
  }
  userProperties(user: string): Record<string, string> {
    return Object.fromEntries(this.state.properties.user(user));
  }
  scriptProperties(): Record<string, string> {
    return Object.fromEntries(this.state.properties.script);
  }

  /** The execution that owns the lock of that key ('document', 'script', 'user:<email>'), if any. */
  lockHolder(key: string): Execution | undefined {
    return this.state.locks.holder(key);
  }

  /** The globals of a new execution (used by run; calling it directly skips budget reset, lock release and restore). */
  globals(opts: RunOptions = {}): Record<string, unknown> {
    return buildGlobals(this, new Execution(this, ++this.execSeq, opts), this.state);
  }

  /** One Apps Script execution: fresh facades, globals installed on opts.target, locks released and globals restored at exit. */
  run<T>(opts: RunOptions, fn: () => T): T {
    const exec = new Execution(this, ++this.execSeq, opts ?? {});
    const globals = buildGlobals(this, exec, this.state);
    const target = (opts?.target ?? globalThis) as Record<string, unknown>;
    const saved = GLOBAL_NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(target, n)] as const);
    for (const n of GLOBAL_NAMES) {
      Object.defineProperty(target, n, { value: globals[n], writable: true, configurable: true, enumerable: false });
    }
    this.executions.push(exec);
    let result: T | undefined;
    let thrown: unknown;
    let threw = false;
    try {
      result = fn();
    } catch (e) {
      threw = true;
      thrown = e;
    } finally {
      exec.ended = true;
      this.state.locks.releaseAll(exec);
      for (const [n, d] of saved) {
        if (d) Object.defineProperty(target, n, d);
        else delete target[n];
      }
      this.executions.pop();
    }
    if (exec.dead) throw exec.dead;
    if (threw) throw thrown;
    return result as T;
  }
}
