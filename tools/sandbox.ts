/**
 * Bundle runner (DESIGN section 6 "Bundle test"): runs dist/Code.js in a fresh node:vm context
 * per execution, holding only JS built-ins plus the emulator's globals, with values built in
 * the context's own realm.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import type { Emulator, Realm, RunOptions } from './emulator/index';
import { timeDrivenEventFields, type TriggerRecord } from './emulator/triggers';
import { userFacade } from './emulator/session';
import { spreadsheetFacade } from './emulator/spreadsheet';

/** Globals Apps Script's V8 runtime lacks; deleted from each context if present (reference section 15). */
export const REMOVED_GLOBALS = [
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask',
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'FormData', 'File', 'Blob', 'ReadableStream',
  'WritableStream', 'DOMException', 'atob', 'btoa', 'crypto', 'SubtleCrypto', 'performance', 'process', 'require',
  'module', 'exports', 'Buffer', 'global', 'window', 'navigator',
] as const;

const PROBE = '__emulatorProbe__';

export class BundleSandbox {
  private readonly code: string;
  private readonly script: vm.Script;
  private readonly filename: string;

  constructor(
    private readonly emu: Emulator,
    opts: { bundlePath?: string; code?: string } = {},
  ) {
    this.filename = opts.code !== undefined ? 'inline.js' : resolve(opts.bundlePath ?? 'dist/Code.js');
    this.code = opts.code ?? readFileSync(this.filename, 'utf8');
    this.script = new vm.Script(this.code, { filename: this.filename });
  }

  /** A fresh context: JS built-ins only, Apps Script's missing globals removed. */
  private context(): { ctx: vm.Context; global: Record<string, unknown>; realm: Realm } {
    const ctx = vm.createContext({});
    const global = vm.runInContext('globalThis', ctx) as Record<string, unknown>;
    for (const name of REMOVED_GLOBALS) delete global[name];
    const realm = vm.runInContext('({ Date: Date, Array: Array, Object: Object, Error: Error })', ctx) as Realm;
    return { ctx, global, realm };
  }

  /** Copies a value into the context realm (JSON round trip inside the context). */
  private copyIn(ctx: vm.Context, value: unknown): unknown {
    if (value === undefined) return undefined;
    const parse = vm.runInContext('(s) => JSON.parse(s)', ctx) as (s: string) => unknown;
    return parse(JSON.stringify(value));
  }

  private execute(fnName: string, run: RunOptions, makeArgs: (ctx: vm.Context, global: Record<string, unknown>) => unknown[]): unknown {
    const { ctx, global, realm } = this.context();
    return this.emu.run({ ...run, target: global, realm }, () => {
      this.script.runInContext(ctx);
      const fn = global[fnName];
      if (typeof fn !== 'function') {
        throw new (realm.Error ?? Error)(`Script function not found: ${fnName}`);
      }
      return (fn as (...a: unknown[]) => unknown)(...makeArgs(ctx, global));
    });
  }

  /** One execution calling the top-level function fnName with args copied into the context realm. */
  call(fnName: string, args: unknown[] = [], run: RunOptions = {}): unknown {
    return this.execute(fnName, run, (ctx) => args.map((a) => this.copyIn(ctx, a)));
  }

  /** A simple or installable trigger: passes an event object built inside the context. */
  trigger(fnName: 'onOpen' | 'onInstall' | string, run: RunOptions): unknown {
    const authMode = run.authMode ?? 'FULL';
    const simple = fnName === 'onOpen' || fnName === 'onInstall' || fnName === 'onEdit' || fnName === 'onSelectionChange';
    const opts: RunOptions = { kind: simple ? 'simpleTrigger' : 'trigger', ...run, authMode };
    return this.execute(fnName, opts, (ctx, global) => {
      const e = vm.runInContext('({})', ctx) as Record<string, unknown>;
      const ScriptApp = global.ScriptApp as { AuthMode: Record<string, unknown> };
      e.authMode = ScriptApp.AuthMode[authMode];
      if (authMode !== 'NONE') {
        // built directly (uncounted): the event object is not a service call of the script
        const exec = this.emu.executions[this.emu.executions.length - 1];
        e.user = userFacade(exec, exec.activeEmail());
        e.source = spreadsheetFacade(exec);
      }
      return [e];
    });
  }

  /**
   * One run of an installable time-driven trigger: its handler in a fresh context, as its owner, kind
   * 'trigger', AuthMode.FULL, with the time-driven event object built in the context. This is what
   * emu.fireDueTriggers(sandbox) calls for each due trigger.
   */
  runTrigger(trigger: Pick<TriggerRecord, 'id' | 'user' | 'functionName'>): unknown {
    return this.execute(trigger.functionName, { user: trigger.user, kind: 'trigger', authMode: 'FULL' }, (ctx, global) => {
      const e = this.copyIn(ctx, timeDrivenEventFields(trigger, this.emu.clock.now())) as Record<string, unknown>;
      e.authMode = (global.ScriptApp as { AuthMode: Record<string, unknown> }).AuthMode.FULL;
      return [e];
    });
  }

  /** Names of the bundle's top-level function declarations (what Apps Script lists). */
  topLevelFunctions(): string[] {
    const ctx = vm.createContext({});
    const baseline = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', ctx) as string[]);
    let names: string[] = [];
    ctx[PROBE] = (found: string[]) => {
      names = found;
      throw PROBE;
    };
    // Function declarations are bound before the first statement runs; var bindings are still undefined there.
    const probe = new vm.Script(
      `${PROBE}(Object.getOwnPropertyNames(globalThis).filter(function (n) { return typeof globalThis[n] === 'function'; }));\n${this.code}`,
      { filename: this.filename, lineOffset: -1 },
    );
    try {
      probe.runInContext(ctx);
    } catch (e) {
      if (e !== PROBE) throw e;
    }
    return names.filter((n) => !baseline.has(n) && n !== PROBE);
  }
}
