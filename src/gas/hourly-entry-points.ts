/** The hourly trigger and the Settings RPCs that turn it on and off. */
import { translator } from '../domain/i18n';
import type { RpcResult } from '../domain/result';
import { languageOf } from '../app/context';
import { HOURLY_BUDGET_MS, getHourlyStatus as statusUseCase, runHourly as runUseCase, setHourlyChecks as setUseCase, type HourlyRunValue, type HourlyStatus } from '../app/hourly';
import {
  getTrackingSettings as trackingSettingsUseCase, refreshTrackingNow as refreshNowUseCase, saveTrackingKey as saveKeyUseCase,
  testTrackingConnection as testUseCase, type RefreshValue, type TrackingSettingsValue,
} from '../app/tracking';
import { HOURLY_TASKS } from '../app/hourly-tasks';
import { buildPorts, globals } from './ports';
import { rpc } from './entry-points';

export function getHourlyStatus(): RpcResult<HourlyStatus> {
  return rpc((ports, t) => statusUseCase(ports, t()));
}

export function setHourlyChecks(payload: { on: boolean }): RpcResult<HourlyStatus> {
  return rpc((ports, t) => setUseCase(ports, payload, t()));
}

/**
 * Time-driven trigger handler. Nobody watches it: anything that goes wrong is written to the
 * Log tab, or, when the sheet itself cannot be opened (an add-on clock trigger may not reach
 * it with the "this spreadsheet only" scope), to the owner's user properties and the
 * execution log, where the Settings form reads it.
 */
export function runHourly(): HourlyRunValue | null {
  let ports;
  try {
    ports = buildPorts();
    ports.workbook.table('log');
  } catch (e) {
    const g = globals();
    const when = new Date().toISOString();
    g.PropertiesService.getUserProperties().setProperty('hourly_unreachable', when);
    console.error(`runHourly could not open the spreadsheet at ${when}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const p = ports;
  try {
    return runUseCase(p, HOURLY_TASKS, translator(languageOf(p)));
  } catch (e) {
    console.error(e instanceof Error ? e.stack ?? e.message : String(e));
    throw e;
  }
}

export function getTrackingSettings(): RpcResult<TrackingSettingsValue> {
  return rpc((ports) => trackingSettingsUseCase(ports));
}

/** Writes a provider's API key to document properties; the answer shows it masked. */
export function saveTrackingKey(payload: { provider: string; apiKey: string }): RpcResult<TrackingSettingsValue> {
  return rpc((ports, t) => saveKeyUseCase(ports, payload, t()));
}

export function testTrackingConnection(payload: { provider: string; apiKey?: string }): RpcResult<{ ok: boolean; message: string }> {
  return rpc((ports, t) => testUseCase(ports, payload, t()));
}

export function refreshTrackingNow(): RpcResult<RefreshValue> {
  return rpc((ports, t) => refreshNowUseCase(ports, t(), HOURLY_BUDGET_MS));
}

/** Menu "Refresh tracking now": runs the refresh and says what it did. */
export function menuRefreshTracking(): void {
  const result = refreshTrackingNow();
  const text = result.ok ? result.changes.map((c) => c.message).join('\n') : result.errors.map((e) => e.message).join('\n');
  globals().SpreadsheetApp.getActiveSpreadsheet().toast(text);
}
