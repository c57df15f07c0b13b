/**
 * Calendar arithmetic on date-only strings (yyyy-MM-dd, DESIGN section 4). A date-only
 * string names a day in the spreadsheet's time zone; adding days to it is plain calendar
 * arithmetic, done in UTC so daylight-saving changes never make a day 23 or 25 hours long.
 */
import { parseYmd } from '../dates';

const DAY_MS = 86400000;

function utcOf(ymd: string, field: string): number {
  const ok = parseYmd(ymd);
  if (ok === null) throw new RangeError(`${field}: not a yyyy-MM-dd date: ${String(ymd)}`);
  return Date.UTC(Number(ok.slice(0, 4)), Number(ok.slice(5, 7)) - 1, Number(ok.slice(8, 10)));
}

function ymdOf(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}

/** The day `n` days after `ymd` (n may be negative). Throws RangeError on a bad date. */
export function addDays(ymd: string, n: number, field = 'day'): string {
  return ymdOf(utcOf(ymd, field) + Math.round(n) * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to, 'to') - utcOf(from, 'from')) / DAY_MS);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysFrom(from: string, to: string): string[] {
  const start = utcOf(from, 'fromDay');
  const end = utcOf(to, 'toDay');
  const out: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) out.push(ymdOf(t));
  return out;
}

/**
 * The demand window of `days` complete days before `today`: today itself is left out,
 * because a day still in progress would read as a day of low demand.
 */
export function windowBefore(today: string, days: number): { fromDay: string; toDay: string } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`window days must be a positive integer: ${days}`);
  return { fromDay: addDays(today, -days, 'today'), toDay: addDays(today, -1, 'today') };
}
