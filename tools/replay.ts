/**
 * npm run replay -- scenario.json
 * Runs RPCs against a fresh emulated workbook through the real bundle and prints JSON.
 * The envelope (DESIGN section 6) is stable:
 *   in:  { locale, timeZone, now, user, calls: [{ fn, args?, now?, user? }] }
 *   out: { results, tables, mail, serviceCalls: { total, perCall } }
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Emulator, type CounterSnapshot } from './emulator/index';
import { BundleSandbox } from './sandbox';
import { readTables, type TableRecord } from './tables';

export interface ScenarioCall {
  fn: string;
  args?: unknown[];
  now?: string;
  user?: string;
}

export interface Scenario {
  locale?: string;
  timeZone?: string;
  now?: string;
  user?: string;
  calls: ScenarioCall[];
}

export interface ReplayOutput {
  results: unknown[];
  tables: Record<string, TableRecord[]>;
  mail: { to: string; cc: string; bcc: string; subject: string; body: string; htmlBody: string }[];
  serviceCalls: { total: Record<string, number>; perCall: Record<string, number>[] };
}

const LOCALES: Record<string, string> = { en: 'en_US', fr: 'fr_FR' };

export function emulatorFor(scenario: Scenario): Emulator {
  const locale = scenario.locale ?? 'en';
  return new Emulator({
    spreadsheetLocale: LOCALES[locale] ?? locale,
    userLocale: locale.slice(0, 2),
    spreadsheetTimeZone: scenario.timeZone ?? 'Europe/Paris',
    now: scenario.now ?? '2026-01-05T09:00:00Z',
  });
}

/** JSON-safe copy of a value coming out of the sandbox realm. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function calls(snapshot: CounterSnapshot): Record<string, number> {
  return { ...snapshot.calls, cellsRead: snapshot.cellsRead, cellsWritten: snapshot.cellsWritten, cellsScanned: snapshot.cellsScanned };
}

export function runScenario(scenario: Scenario, opts: { emulator?: Emulator; sandbox?: BundleSandbox } = {}): ReplayOutput & { emulator: Emulator } {
  const emu = opts.emulator ?? emulatorFor(scenario);
  const sandbox = opts.sandbox ?? new BundleSandbox(emu);
  const results: unknown[] = [];
  const perCall: Record<string, number>[] = [];
  const start = emu.counters.snapshot();
  for (const call of scenario.calls) {
    if (call.now) emu.clock.set(call.now);
    const before = emu.counters.snapshot();
    let result: unknown;
    try {
      result = plain(sandbox.call(call.fn, call.args ?? [], { user: call.user ?? scenario.user ?? 'owner@example.com' }));
    } catch (e) {
      result = { thrown: e instanceof Error ? e.message : String(e) };
    }
    results.push(result);
    perCall.push(calls(emu.counters.diff(before, emu.counters.snapshot())));
  }
  return {
    emulator: emu,
    results,
    tables: readTables(emu.book),
    mail: emu.mail.map((m) => ({ to: m.to, cc: m.cc, bcc: m.bcc, subject: m.subject, body: m.body, htmlBody: m.htmlBody })),
    serviceCalls: { total: calls(emu.counters.diff(start, emu.counters.snapshot())), perCall },
  };
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run replay -- scenario.json');
    process.exit(2);
  }
  const scenario = JSON.parse(readFileSync(resolve(file), 'utf8')) as Scenario;
  const { emulator: _emu, ...out } = runScenario(scenario);
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
