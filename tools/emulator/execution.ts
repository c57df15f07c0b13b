/**
 * One Apps Script execution: identity, budget, abort switch, realm, and the Proxy that turns
 * every facade method call into a counted, gated scheduling point.
 */
import { refusal } from './auth';
import type { VirtualClock } from './clock';
import type { Counters } from './counters';
import type { Enums } from './enums';
import { EmulatorAbort, EmulatorUnsupported, ServiceError } from './errors';
import type { BookModel } from './model';
import type { Scheduler } from './scheduler';
import type { Realm, ResolvedOptions, RunOptions, UiRecord } from './types';

export const BUDGET_MS = { rpc: 360_000, trigger: 360_000, simpleTrigger: 30_000 } as const;

/** What executions and facades need from the emulator (avoids an import cycle with index.ts). */
export interface EmulatorCore {
  readonly options: ResolvedOptions;
  readonly clock: VirtualClock;
  readonly counters: Counters;
  readonly scheduler: Scheduler;
  readonly book: BookModel;
  readonly ui: UiRecord;
  readonly logs: string[];
  readonly enums: Enums;
  uuid(): string;
}

/** JS-introspection names answered with undefined instead of EmulatorUnsupported (Promise probing, test printers). */
const INTROSPECTION = new Set([
  'then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'inspect', 'valueOf',
  'toLocaleString', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'outerHTML', 'nodeName',
]);

const NodeError = Error;
const targets = new WeakMap<object, object>();

/** The facade object behind a wrapped proxy (for facades passed as arguments, e.g. setDataValidation(rule)). */
export function unwrap<T extends object>(p: unknown, cls: string): T {
  const t = typeof p === 'object' && p !== null ? targets.get(p) : undefined;
  if (!t) throw new ServiceError(`Invalid argument: expected a ${cls}`);
  return t as T;
}

export class Execution {
  readonly user: string;
  readonly authMode: 'NONE' | 'LIMITED' | 'FULL';
  readonly kind: 'rpc' | 'simpleTrigger' | 'trigger';
  readonly start: number;
  readonly budgetMs: number;
  readonly realm: Realm;
  readonly abortAfter: number | undefined;
  /** Counted calls made by this execution. */
  calls = 0;
  /** Set once the execution is killed (abort, time limit): every later call rethrows it, and run() throws it. */
  dead: Error | null = null;
  ended = false;

  constructor(
    readonly emu: EmulatorCore,
    readonly id: number,
    opts: RunOptions,
  ) {
    this.user = opts.user ?? 'owner@example.com';
    this.authMode = opts.authMode ?? 'FULL';
    this.kind = opts.kind ?? 'rpc';
    this.start = emu.clock.now();
    this.budgetMs = BUDGET_MS[this.kind];
    this.realm = opts.realm ?? { Date, Array, Object };
    this.abortAfter = opts.abortAfterCalls;
  }

  /** Active user email as Session reports it ('' in simple triggers). */
  activeEmail(): string {
    return this.kind === 'simpleTrigger' ? '' : this.user;
  }

  /** The gate every facade method passes before doing anything. */
  enter(cls: string, method: string): void {
    const name = `${cls}.${method}`;
    if (this.ended) {
      throw new Error(`Emulator: ${name} called on an object of an execution that has ended (service objects do not survive between executions)`);
    }
    if (this.dead) throw this.dead;
    if (this.abortAfter !== undefined && this.calls >= this.abortAfter) {
      this.dead = new EmulatorAbort(`Execution aborted before ${name} (abortAfterCalls = ${this.abortAfter})`);
      throw this.dead;
    }
    this.calls++;
    this.emu.counters.count(name);
    this.emu.scheduler.maybeRun();
    if (this.emu.clock.now() - this.start > this.budgetMs) {
      this.dead = this.error('Exceeded maximum execution time', 'Error');
      throw this.dead;
    }
    const denied = refusal(cls, method, this.authMode);
    if (denied) throw this.error(denied);
  }

  /** An error as Apps Script raises it, built in the caller's realm. */
  error(message: string, name = 'Exception'): Error {
    const E = this.realm.Error ?? NodeError;
    const e = E === NodeError && name === 'Exception' ? new ServiceError(message) : new E(message);
    e.name = name;
    return e;
  }

  /** Converts internal ServiceErrors to realm errors; lets everything else through. */
  rethrow(e: unknown): never {
    if (e instanceof ServiceError && this.realm.Error && this.realm.Error !== NodeError) throw this.error(e.message);
    throw e;
  }

  /** A method call through the gate. */
  call<T>(cls: string, method: string, fn: () => T): T {
    this.enter(cls, method);
    try {
      return fn();
    } catch (e) {
      return this.rethrow(e);
    }
  }

  // ---------- realm helpers ----------

  array<T>(items: T[]): T[] {
    return this.realm.Array === Array ? items : (this.realm.Array.from(items) as T[]);
  }

  grid<T>(rows: T[][]): T[][] {
    return this.array(rows.map((r) => this.array(r)));
  }

  object<T extends Record<string, unknown>>(rec: T): T {
    if (this.realm.Object === Object) return { ...rec };
    return Object.assign(new this.realm.Object(), rec) as T;
  }

  /**
   * Wraps a facade: its prototype methods become counted calls named `${cls}.${method}`;
   * prototype getters (enum holders) are read uncounted; anything else throws EmulatorUnsupported.
   */
  wrap<T extends object>(cls: string, target: T): T {
    const exec = this;
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (typeof prop === 'symbol') return Reflect.get(t, prop);
        if (prop === 'toString') return () => cls;
        const found = exposed(t, prop);
        if (found === undefined) {
          if (INTROSPECTION.has(prop)) return undefined;
          throw new EmulatorUnsupported(`${cls}.${prop} is not emulated`);
        }
        if (found.get) return found.get.call(t);
        const fn = found.value as (...a: unknown[]) => unknown;
        if (typeof fn !== 'function') return fn;
        return (...args: unknown[]) => exec.call(cls, prop, () => fn.apply(t, args));
      },
      set(_t, prop) {
        throw new EmulatorUnsupported(`${cls}.${String(prop)} cannot be assigned (not emulated)`);
      },
      // introspection (Object.keys, deep equality, printing) sees an empty object, not the internals
      ownKeys: () => [],
      getOwnPropertyDescriptor: () => undefined,
      has: (t, prop) => typeof prop === 'string' && exposed(t, prop) !== undefined,
    });
    targets.set(proxy, target);
    return proxy;
  }
}

/** The public member `prop` of a facade: found on its class prototypes, not starting with '_'. */
function exposed(t: object, prop: string): PropertyDescriptor | undefined {
  if (prop.startsWith('_')) return undefined;
  let p: object | null = Object.getPrototypeOf(t);
  while (p && p !== Object.prototype) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return prop === 'constructor' ? undefined : d;
    p = Object.getPrototypeOf(p);
  }
  return undefined;
}
