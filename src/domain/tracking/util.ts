/**
 * Small helpers shared by the tracking adapters: reading untrusted JSON, header lookup,
 * time normalization, number matching and result builders. No I/O.
 */
import type { TrackingErrorCode, TrackingEvent, TrackingNumberInput, TrackingResult } from './types';

export type Json = Record<string, unknown>;

/** The body as JSON, or undefined when it is not JSON (an HTML error page, an empty body). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Json {
  return isObject(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string field as text ('' when absent, null or not a string/number). */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && isFinite(value)) return String(value);
  return '';
}

export function num(value: unknown): number | null {
  if (typeof value === 'number' && isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** A header's value, whatever the case of its name (Apps Script keeps the server's spelling). */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === wanted) {
      const v = headers[key] as unknown;
      // getAllHeaders gives an array for a header sent several times: the first one counts.
      if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
      return v === undefined || v === null ? undefined : String(v);
    }
  }
  return undefined;
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A provider's date-time as ISO 8601: converted to UTC when it carries a zone or offset,
 * kept as the carrier's local time (no zone) when it does not, a date alone stays a date.
 * Anything else (or an impossible date) gives null.
 */
export function toIsoTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO_LIKE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const date = `${y}-${mo}-${d}`;
  if (isNaN(Date.parse(`${date}T00:00:00Z`)) || Number(mo) > 12 || Number(d) > 31) return null;
  if (h === undefined) return date;
  const local = `${date}T${h}:${mi}:${s === undefined ? '00' : s}`;
  if (isNaN(Date.parse(`${local}Z`))) return null;
  if (!zone) return local;
  let offset = zone.toUpperCase();
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.length > 2 ? digits.slice(2, 4) : '00'}`;
  }
  const ms = Date.parse(`${local}${frac === undefined ? '' : frac}${offset}`);
  if (isNaN(ms)) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Sort key for times from toIsoTime: UTC instants, else local times read as UTC (good enough to pick the newest). */
export function timeKey(iso: string | null): number {
  if (!iso) return -Infinity;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : /Z$/.test(iso) ? iso : `${iso}Z`);
  return isNaN(ms) ? -Infinity : ms;
}

/** Same tracking number, ignoring case and spaces (providers echo what they were sent). */
export function sameNumber(a: string, b: string): boolean {
  return a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}

/** "City, State, Country" from the non-empty parts, without repeating a part. */
export function joinPlace(parts: unknown[]): string {
  const out: string[] = [];
  for (const p of parts) {
    const t = text(p);
    if (t && out.indexOf(t) < 0) out.push(t);
  }
  return out.join(', ');
}

export function event(time: unknown, place: string, description: unknown): TrackingEvent {
  return { time: toIsoTime(time), place, text: text(description) };
}

export function errorResult(input: TrackingNumberInput, code: TrackingErrorCode, message: string): TrackingResult {
  return {
    number: input.number,
    carrier: input.carrier,
    status: null,
    lastEvent: null,
    deliveredAt: null,
    error: { code, message },
  };
}

/** The same provider_error on every number of a request that failed as a whole. */
export function failAll(batch: TrackingNumberInput[], message: string): TrackingResult[] {
  return batch.map((n) => errorResult(n, 'provider_error', message));
}

/** A short technical label for an HTTP status, used when the provider sent no text. */
export function httpLabel(status: number): string {
  return 'HTTP ' + String(status);
}

/** Our carrier code for a provider's courier code, through a partial table (ours -> theirs). */
export function ourCarrier<T>(table: Readonly<Record<string, T>>, theirs: T | null | undefined, asked?: string): string | undefined {
  if (theirs === null || theirs === undefined || theirs === '') return asked;
  if (asked !== undefined && table[asked] === theirs) return asked;
  for (const code of Object.keys(table)) if (table[code] === theirs) return code;
  return asked;
}
