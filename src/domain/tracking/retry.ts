/**
 * Waiting after a 429 or a 5xx, and cutting a list of numbers into provider-sized batches.
 * The app sleeps (Utilities.sleep in src/gas) only when the delay fits the execution's time
 * budget (DESIGN section 4: ~5 min); otherwise it leaves the numbers for the next hourly run.
 */
import { headerValue, sameNumber } from './util';
import type { TrackingNumberInput } from './types';

/** First wait when the provider gave no hint. */
export const BASE_DELAY_MS = 1000;
/** Longest computed wait (a Retry-After given by the provider is honoured as it is). */
export const MAX_DELAY_MS = 32000;
/** A reset header above this is a Unix timestamp in seconds, below it a number of seconds. */
const UNIX_SECONDS_THRESHOLD = 1e9;

/**
 * Milliseconds to wait before attempt number `attempt` (0 for the first retry).
 * A Retry-After header wins: delta-seconds ("120", "1.5") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT", measured from `nowMs`; a date in the past gives 0).
 * Without one (or with one that does not parse): BASE_DELAY_MS x 2^attempt, capped at MAX_DELAY_MS.
 */
export function backoffMs(attempt: number, retryAfterHeader?: string | null, nowMs: number = Date.now()): number {
  const hinted = retryAfterMs(retryAfterHeader, nowMs);
  if (hinted !== null) return hinted;
  const n = Math.max(0, Math.floor(isFinite(attempt) ? attempt : 0));
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * Math.pow(2, Math.min(n, 30)));
}

/** Retry-After as milliseconds, or null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (header === undefined || header === null) return null;
  const value = String(header).trim();
  if (value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP date always names a weekday or month; a bare number with a sign is not a date.
  if (!/[A-Za-z]/.test(value)) return null;
  const at = Date.parse(value);
  if (isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * The wait a provider asks for in its response headers: Retry-After first, then the
 * rate-limit reset headers (RateLimit-Reset: seconds to wait, per Ship24; X-RateLimit-Reset:
 * a Unix timestamp, per AfterShip and Ship24). A reset value above 1e9 is read as a Unix
 * timestamp in seconds, any other as seconds to wait. null when there is no usable hint.
 */
export function retryDelayFromHeaders(headers: Record<string, string> | undefined, nowMs: number = Date.now()): number | null {
  const after = retryAfterMs(headerValue(headers, 'Retry-After'), nowMs);
  if (after !== null) return after;
  for (const name of ['RateLimit-Reset', 'X-RateLimit-Reset']) {
    const raw = headerValue(headers, name);
    if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) continue;
    const n = Number(raw.trim());
    return n > UNIX_SECONDS_THRESHOLD ? Math.max(0, Math.ceil(n * 1000 - nowMs)) : Math.ceil(n * 1000);
  }
  return null;
}

/**
 * Numbers cut into batches of at most `maxPerCall`, in order. Blank numbers are dropped and
 * a number asked twice (ignoring case and spaces) is asked once, with its first carrier:
 * results come back per number, so the app writes that one result to every row holding it.
 */
export function planBatches(numbers: TrackingNumberInput[], maxPerCall: number): TrackingNumberInput[][] {
  const size = Math.max(1, Math.floor(maxPerCall));
  const unique: TrackingNumberInput[] = [];
  for (const n of numbers) {
    const number = n.number.trim();
    if (!number) continue;
    if (unique.some((u) => sameNumber(u.number, number))) continue;
    unique.push(n.carrier ? { number, carrier: n.carrier } : { number });
  }
  const batches: TrackingNumberInput[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  return batches;
}
