/**
 * The hourly dispatcher (DESIGN section 4). Editor add-ons get one time-driven trigger per
 * user per document, at most hourly, and no failure emails: one trigger runs every
 * periodic task, stays within a time budget, writes one Log row per run and never fails
 * silently. Triggers belong to the user who made them: document properties record
 * { owner, trigger id } so teammates see "on, owned by X", and a teammate's "turn off" is
 * a flag the owner's next run obeys (it deletes its own trigger).
 */
import { ProblemError, problem } from '../domain/result';
import type { MessageKey, Translator } from '../domain/i18n';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { LOCK_TIMEOUT_MS } from './write';

export const HOURLY_PROPERTY = 'hourly';
export const HOURLY_HANDLER = 'runHourly';
/** Stop starting tasks after 5 minutes: the 6-minute limit leaves one for the log. */
export const HOURLY_BUDGET_MS = 5 * 60 * 1000;

export interface HourlyState {
  on: boolean;
  owner: string;
  triggerId: string;
  since: number | null;
  /** set by a teammate who is not the owner: the owner's next run turns itself off */
  offRequestedBy: string;
  lastRun: { start: number; end: number; ok: boolean; summary: string } | null;
}

export interface HourlyStatus extends HourlyState {
  mine: boolean;
  message: string;
}

export function readHourly(ports: Ports): HourlyState {
  try {
    const s = JSON.parse(ports.props.get(HOURLY_PROPERTY) ?? '') as HourlyState;
    if (typeof s.on === 'boolean') return s;
  } catch {
    // never turned on
  }
  return { on: false, owner: '', triggerId: '', since: null, offRequestedBy: '', lastRun: null };
}

function writeHourly(ports: Ports, s: HourlyState): void {
  ports.props.set(HOURLY_PROPERTY, JSON.stringify(s));
}

function status(ports: Ports, s: HourlyState, t: Translator): HourlyStatus {
  const me = ports.identity.email();
  const mine = s.on && s.owner === me;
  const unreachable = ports.userProps?.get('hourly_unreachable') ?? '';
  let message: string;
  if (!s.on) message = t('hourly.off');
  else if (s.offRequestedBy) message = t('hourly.stopping', { owner: s.owner, user: s.offRequestedBy });
  else message = mine ? t('hourly.onMine') : t('hourly.onOwned', { owner: s.owner || '?' });
  if (unreachable) message += ' ' + t('hourly.unreachable', { when: unreachable });
  return { ...s, mine, message };
}

export function getHourlyStatus(ports: Ports, t: Translator): Outcome<HourlyStatus> {
  return { value: status(ports, readHourly(ports), t), changes: [] };
}

/** Turn hourly checks on or off. Re-running "on" never adds a second trigger. */
export function setHourlyChecks(ports: Ports, payload: { on?: unknown }, t: Translator): Outcome<HourlyStatus> {
  if (typeof payload?.on !== 'boolean') throw new ProblemError([problem('required', 'on')]);
  const triggers = ports.triggers;
  if (!triggers) throw new ProblemError([problem('internal', '', undefined, { detail: 'triggers unavailable' })]);
  if (!ports.lock.tryAcquire(LOCK_TIMEOUT_MS)) throw new ProblemError([problem('busy')], true);
  try {
    const me = ports.identity.email();
    const s = readHourly(ports);
    const mineNow = triggers.mine(HOURLY_HANDLER);
    if (payload.on) {
      if (s.on && s.owner && s.owner !== me && !s.offRequestedBy) {
        // Someone else's trigger already runs the checks: a second one would double the work.
        return { value: status(ports, s, t), changes: [{ kind: 'hourly_owned', message: t('hourly.onOwned', { owner: s.owner }) }] };
      }
      const id = mineNow[0] ?? triggers.createHourly(HOURLY_HANDLER);
      for (const extra of mineNow.slice(1)) triggers.remove(extra);
      const next: HourlyState = { ...s, on: true, owner: me, triggerId: id, since: s.on && s.owner === me ? s.since : ports.clock.now(), offRequestedBy: '' };
      writeHourly(ports, next);
      ports.userProps?.set('hourly_unreachable', '');
      return { value: status(ports, next, t), changes: [{ kind: 'hourly_on', message: t('hourly.onMine') }] };
    }
    if (!s.on) return { value: status(ports, s, t), changes: [] };
    if (s.owner === me || !s.owner) {
      for (const id of mineNow) triggers.remove(id);
      const next: HourlyState = { ...s, on: false, triggerId: '', offRequestedBy: '' };
      writeHourly(ports, next);
      return { value: status(ports, next, t), changes: [{ kind: 'hourly_off', message: t('hourly.off') }] };
    }
    // A teammate cannot delete the owner's trigger: leave a flag the owner's next run obeys.
    const next: HourlyState = { ...s, offRequestedBy: me };
    writeHourly(ports, next);
    return { value: status(ports, next, t), changes: [{ kind: 'hourly_stopping', message: t('hourly.stopping', { owner: s.owner, user: me }) }] };
  } finally {
    ports.lock.release();
  }
}

export interface HourlyTask {
  id: string;
  /** returns a one-line summary of what it did; throws to report a failure */
  run(ports: Ports, t: Translator, deadline: number): string;
}

export interface HourlyRunValue {
  ran: { task: string; ok: boolean; summary: string }[];
  skipped: string[];
  stopped: boolean;
}

/** One run of the dispatcher: each task in turn while the budget lasts, one Log row. */
export function runHourly(ports: Ports, tasks: HourlyTask[], t: Translator): HourlyRunValue {
  const start = ports.clock.now();
  const deadline = start + HOURLY_BUDGET_MS;
  const s = readHourly(ports);
  const me = ports.identity.email();
  if (s.offRequestedBy && ports.triggers) {
    for (const id of ports.triggers.mine(HOURLY_HANDLER)) ports.triggers.remove(id);
    writeHourly(ports, { ...s, on: false, triggerId: '', offRequestedBy: '' });
    logRun(ports, t, start, 'info', t('hourly.turnedOff', { user: s.offRequestedBy }), {});
    return { ran: [], skipped: tasks.map((x) => x.id), stopped: true };
  }
  const ran: HourlyRunValue['ran'] = [];
  const skipped: string[] = [];
  for (const task of tasks) {
    if (ports.clock.now() >= deadline) {
      skipped.push(task.id);
      continue;
    }
    try {
      ran.push({ task: task.id, ok: true, summary: task.run(ports, t, deadline) });
    } catch (e) {
      const p = e instanceof ProblemError ? e.problems.map((x) => x.code).join(', ') : e instanceof Error ? e.message : String(e);
      ran.push({ task: task.id, ok: false, summary: t('hourly.taskFailed', { detail: p }) });
    }
  }
  const ok = ran.every((r) => r.ok);
  const summary = [...ran.map((r) => `${t(`hourly.task.${r.task}` as MessageKey)}: ${r.summary}`), ...(skipped.length ? [t('hourly.skipped', { tasks: skipped.join(', ') })] : [])].join(' · ');
  logRun(ports, t, start, ok ? 'info' : 'error', summary, { ran, skipped });
  const latest = readHourly(ports);
  writeHourly(ports, { ...latest, owner: latest.owner || me, lastRun: { start, end: ports.clock.now(), ok, summary: summary.slice(0, 1000) } });
  return { ran, skipped, stopped: false };
}

function logRun(ports: Ports, t: Translator, start: number, level: 'info' | 'error', message: string, details: object): void {
  ports.workbook.log().append([{
    time: start, user: ports.identity.email(), level, event: 'hourly', message: t('hourly.logMessage', { message }),
    details: JSON.stringify({ ...details, start: new Date(start).toISOString(), end: new Date(ports.clock.now()).toISOString() }).slice(0, 45000),
  }]);
}
