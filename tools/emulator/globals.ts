/** Builds the globals one execution installs: services, Logger, console, and a virtual-clock Date. */
import { format } from 'node:util';
import { cacheServiceFacade, type CacheStores } from './cache';
import { chartsFacade } from './charts';
import { EmulatorUnsupported } from './errors';
import type { EmulatorCore, Execution } from './execution';
import { htmlServiceFacade } from './html';
import { lockServiceFacade, type LockTable } from './lock';
import { mailAppFacade, type MailState } from './mail';
import { propertiesServiceFacade, type PropertyStores } from './properties';
import { sessionFacade } from './session';
import { spreadsheetAppFacade } from './spreadsheet';
import { scriptAppFacade, type TriggerRegistry } from './triggers';
import { urlFetchAppFacade, type UrlFetchState } from './urlfetch';
import { utilitiesFacade } from './utilities';

export const GLOBAL_NAMES = [
  'SpreadsheetApp', 'LockService', 'PropertiesService', 'CacheService', 'Session', 'Utilities', 'HtmlService',
  'ScriptApp', 'MailApp', 'UrlFetchApp', 'Charts', 'Logger', 'console', 'Date',
] as const;

export interface ServiceState {
  locks: LockTable;
  properties: PropertyStores;
  caches: CacheStores;
  mail: MailState;
  urlFetch: UrlFetchState;
  triggers: TriggerRegistry;
}

/** A Date constructor over realm.Date whose now() and no-argument form read the virtual clock. Same prototype, so instanceof holds both ways. */
export function virtualDate(RealDate: DateConstructor, now: () => number): DateConstructor {
  const VDate = function (this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  } as unknown as DateConstructor;
  Object.defineProperty(VDate, 'prototype', { value: RealDate.prototype, writable: false });
  Object.setPrototypeOf(VDate, RealDate);
  Object.defineProperty(VDate, 'now', { value: () => now(), writable: true, configurable: true });
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  return VDate;
}

/** An uncounted object that still refuses unknown members. */
function strict<T extends object>(name: string, obj: T): T {
  return new Proxy(obj, {
    get(t, p) {
      if (typeof p === 'symbol' || p in t) return Reflect.get(t, p);
      if (p === 'then' || p === 'toJSON' || p === 'constructor' || p === 'asymmetricMatch' || p === '$$typeof') return undefined;
      throw new EmulatorUnsupported(`${name}.${p} is not emulated`);
    },
  });
}

function logger(logs: string[]): object {
  const Logger = {
    log(fmt?: unknown, ...args: unknown[]): unknown {
      const text = typeof fmt === 'string' && args.length > 0 ? format(fmt, ...args) : args.length === 0 ? String(fmt) : format(fmt, ...args);
      logs.push(text);
      return proxy;
    },
    getLog(): string {
      return logs.join('\n');
    },
    clear(): void {
      logs.length = 0;
    },
  };
  const proxy = strict('Logger', Logger);
  return proxy;
}

function consoleFor(logs: string[]): object {
  const line = (level: string) => (...args: unknown[]) => {
    const text = format(...args);
    logs.push(level === 'log' || level === 'info' ? text : `[${level}] ${text}`);
  };
  return strict('console', { log: line('log'), info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') });
}

export function buildGlobals(emu: EmulatorCore, x: Execution, state: ServiceState): Record<(typeof GLOBAL_NAMES)[number], unknown> {
  return {
    SpreadsheetApp: spreadsheetAppFacade(x),
    LockService: lockServiceFacade(x, state.locks),
    PropertiesService: propertiesServiceFacade(x, state.properties),
    CacheService: cacheServiceFacade(x, state.caches),
    Session: sessionFacade(x),
    Utilities: utilitiesFacade(x),
    HtmlService: htmlServiceFacade(x),
    ScriptApp: scriptAppFacade(x, state.triggers),
    MailApp: mailAppFacade(x, state.mail),
    UrlFetchApp: urlFetchAppFacade(x, state.urlFetch),
    Charts: chartsFacade(x),
    Logger: logger(emu.logs),
    console: consoleFor(emu.logs),
    Date: virtualDate(x.realm.Date, () => emu.clock.now()),
  };
}
