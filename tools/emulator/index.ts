/**
 * In-memory Apps Script emulator (see README.md for every rule and assumption).
 *   const emu = new Emulator({ spreadsheetLocale: 'fr_FR' });
 *   emu.run({ user: 'a@example.com' }, () => SpreadsheetApp.getActiveSpreadsheet().getName());
 */
import { VirtualClock } from './clock';
import { Counters } from './counters';
import { makeEnums, type Enums } from './enums';
import { Execution, type EmulatorCore } from './execution';
import { buildGlobals, GLOBAL_NAMES, type ServiceState } from './globals';
import { CacheStores } from './cache';
import { LockTable } from './lock';
import { BookModel } from './model';
import { PropertyStores } from './properties';
import { mulberry32, Scheduler } from './scheduler';
import type { EmulatorOptions, ResolvedOptions, RunOptions, UiRecord } from './types';
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
export type { EmulatorOptions, ResolvedOptions, RunOptions, Realm, UiRecord, MenuItemRecord } from './types';
export { Execution } from './execution';

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
    this.state = {
      locks: new LockTable(this.options.locking),
      properties: new PropertyStores(),
      caches: new CacheStores(),
    };
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
