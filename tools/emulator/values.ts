/**
 * Cell value conversion: user-entered parsing of written strings, serial <-> Date in a time
 * zone, and display rendering (getDisplayValues). Pure functions, no emulator state.
 */
import { renderDate, renderNumber, isDateFormat } from './format';

export { isDateFormat };
export type Scalar = number | string | boolean;

/** What getNumberFormats reports for a cell whose format was never set (reference section 5). */
export const DEFAULT_FORMAT = '0.###############';
export const ERROR_VALUE = '#ERROR!';
export const MAX_CELL_CHARS = 50000;

const NodeDate = Date;
const EPOCH_1899 = NodeDate.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Parsed content of one written value. fmt is the format the cell takes if it is still general. */
export interface Parsed {
  v?: Scalar;
  f?: string;
  fmt?: string;
}

export interface ParseContext {
  locale: string;
  /** 'error' (default): "+x"/"-x" that are not numbers become #ERROR! formula cells; 'text': kept as text. */
  signedText: 'error' | 'text';
}

// ---------- time zones ----------

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    dtfCache.set(tz, f);
  }
  return f;
}

/** Throws RangeError for an unknown IANA zone. */
export function checkTimeZone(tz: string): void {
  dtf(tz);
}

/** The wall-clock time of instant ms in tz, expressed as a UTC millisecond count. */
export function wallMillis(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of dtf(tz).formatToParts(new NodeDate(whole))) p[part.type] = part.value;
  let y = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') y = 1 - y;
  const d = new NodeDate(0);
  d.setUTCFullYear(y, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour) % 24, Number(p.minute), Number(p.second), ms - whole);
  return d.getTime();
}

/** Offset of tz at instant ms, in ms (wall - utc). */
export function tzOffset(ms: number, tz: string): number {
  return wallMillis(ms, tz) - ms;
}

/** The instant whose wall time in tz is `wall` (for gaps, the later side; for overlaps, the first). */
export function instantOfWall(wall: number, tz: string): number {
  let guess = wall - tzOffset(wall, tz);
  for (let i = 0; i < 3; i++) {
    const next = wall - tzOffset(guess, tz);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** Date instant -> sheet serial (days since 1899-12-30, wall time in tz). */
export function msToSerial(ms: number, tz: string): number {
  return (wallMillis(ms, tz) - EPOCH_1899) / DAY_MS;
}

/** Sheet serial -> instant, reading the serial as wall time in tz. */
export function serialToMs(serial: number, tz: string): number {
  return instantOfWall(Math.round(EPOCH_1899 + serial * DAY_MS), tz);
}

export function wallToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (NodeDate.UTC(y, mo - 1, d, h, mi, s) - EPOCH_1899) / DAY_MS;
}

export function isDateObject(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

// ---------- locales ----------

const COMMA_DECIMAL = new Set(['fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'pl', 'sv', 'da', 'fi', 'nb', 'cs', 'tr', 'id']);
export function language(locale: string): string {
  return locale.split(/[_-]/)[0].toLowerCase();
}
export function decimalSeparator(locale: string): string {
  return COMMA_DECIMAL.has(language(locale)) ? ',' : '.';
}
export function groupSeparator(locale: string): string {
  return decimalSeparator(locale) === ',' ? '\u202f' : ',';
}
/** en_US (and en_PH, en_CA-like month-first locales) read 1/2/2026 as January 2. */
function monthFirst(locale: string): boolean {
  return /^en[_-](US|PH)$/i.test(locale) || /^en$/i.test(locale);
}
/** Format a Date written into a general cell takes. */
export function defaultDateTimeFormat(locale: string): string {
  return monthFirst(locale) ? 'M/d/yyyy H:mm:ss' : 'dd/MM/yyyy HH:mm:ss';
}

// ---------- user-entered parsing ----------

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new NodeDate(NodeDate.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

function parseTime(rest: string | undefined): [number, number, number, boolean] | null {
  if (rest === undefined || rest === '') return [0, 0, 0, false];
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(rest);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || mi > 59 || s > 59) return null;
  return [h, mi, s, m[3] !== undefined];
}

function parseDateString(s: string, locale: string): Parsed | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = parseTime(m[4]);
    if (!t || !validDate(y, mo, d)) return null;
    const fmt = m[4] ? (t[3] ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm') : 'yyyy-mm-dd';
    return { v: wallToSerial(y, mo, d, t[0], t[1], t[2]), fmt };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (.+))?$/.exec(s);
  if (m) {
    const mf = monthFirst(locale);
    const mo = Number(mf ? m[1] : m[2]);
    const d = Number(mf ? m[2] : m[1]);
    const y = Number(m[3]);
    const t = parseTime(m[4]);
    if (!t || !validDate(y, mo, d)) return null;
    const datePart = mf ? 'M/d/yyyy' : 'dd/MM/yyyy';
    const fmt = m[4] ? `${datePart} ${t[3] ? 'H:mm:ss' : 'H:mm'}` : datePart;
    return { v: wallToSerial(y, mo, d, t[0], t[1], t[2]), fmt };
  }
  return null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses a locale number ("1,234.5" en / "1 234,5" fr), or null. */
export function parseLocaleNumber(s: string, locale: string): number | null {
  const dec = decimalSeparator(locale);
  const groups = dec === ',' ? '[ \\u00a0\\u202f]' : ',';
  const d = escapeRe(dec);
  const re = new RegExp(`^([+-]?)((?:\\d{1,3}(?:${groups}\\d{3})+|\\d+)(?:${d}\\d*)?|${d}\\d+)(?:[eE]([+-]?\\d+))?$`);
  const m = re.exec(s);
  if (!m) return null;
  const digits = m[2].replace(new RegExp(groups, 'g'), '').replace(dec, '.');
  const n = Number(`${m[1]}${digits}${m[3] !== undefined ? `e${m[3]}` : ''}`);
  return Number.isFinite(n) ? n : null;
}

function parseNumberish(s: string, locale: string): Parsed | null {
  const t = s.trim();
  if (t === '') return null;
  const n = parseLocaleNumber(t, locale);
  if (n !== null) return { v: n };
  // percent
  const pm = /^(.*?)\s?%$/.exec(t);
  if (pm) {
    const p = parseLocaleNumber(pm[1], locale);
    if (p !== null) return { v: p / 100, fmt: Number.isInteger(p) ? '0%' : '0.00%' };
  }
  // currency: $5, -$5, $-5, 5 €, 5€, €5, £5
  const cm = /^([+-]?)([$€£])\s?([+-]?[\d.,\s\u00a0\u202f]+)$/.exec(t);
  if (cm) {
    const c = parseLocaleNumber(cm[1] + cm[3], locale);
    if (c !== null) return { v: c, fmt: `"${cm[2]}"#,##0.00` };
  }
  const sm = /^([+-]?[\d.,\s\u00a0\u202f]+?)\s?([$€£])$/.exec(t);
  if (sm) {
    const c = parseLocaleNumber(sm[1], locale);
    if (c !== null) return { v: c, fmt: `#,##0.00 "${sm[2]}"` };
  }
  return null;
}

/**
 * A string typed or written into a cell that is not plain text ("@"), parsed like the Sheets UI
 * (USER_ENTERED). The caller checks the 50,000-character limit and the "@" format first.
 */
export function parseUserEntered(s: string, ctx: ParseContext): Parsed {
  if (s === '') return {};
  const c0 = s[0];
  if (c0 === "'") return { v: s.slice(1) };
  if (c0 === '=') return { f: s, v: ERROR_VALUE };
  const num = parseNumberish(s, ctx.locale);
  if (num) return num;
  const word = s.trim().toLowerCase();
  if (word === 'true' || word === 'false') return { v: word === 'true' };
  if (language(ctx.locale) === 'fr' && (word === 'vrai' || word === 'faux')) return { v: word === 'vrai' };
  const date = parseDateString(s.trim(), ctx.locale);
  if (date) return date;
  if ((c0 === '+' || c0 === '-') && ctx.signedText === 'error') return { f: '=' + s, v: ERROR_VALUE };
  return { v: s };
}

// ---------- display ----------

/** Locale rendering of a boolean (Sheets shows VRAI/FAUX in French spreadsheets). */
export function renderBoolean(b: boolean, locale: string): string {
  if (language(locale) === 'fr') return b ? 'VRAI' : 'FAUX';
  return b ? 'TRUE' : 'FALSE';
}

/** General-format rendering of a number: up to 15 significant digits, scientific from 1e15. */
export function renderGeneral(n: number, locale: string): string {
  const dec = decimalSeparator(locale);
  if (n === 0) return '0';
  const a = Math.abs(n);
  let s: string;
  if (a >= 1e15 || a < 1e-9) {
    const [mant, exp] = n.toExponential(5).split('e');
    const mt = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    s = `${mt}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (Number.isInteger(n)) {
    s = String(n);
  } else {
    s = String(Number(n.toPrecision(15)));
    if (s.includes('e')) s = n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  }
  return dec === '.' ? s : s.replace('.', dec);
}

/** getDisplayValues for one cell. v undefined = empty cell. */
export function renderDisplay(v: Scalar | undefined, fmt: string | undefined, locale: string): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return renderBoolean(v, locale);
  if (fmt === undefined || fmt === '@' || fmt === DEFAULT_FORMAT || /^general$/i.test(fmt)) return renderGeneral(v, locale);
  if (isDateFormat(fmt)) return renderDate(v, fmt, locale);
  return renderNumber(v, fmt, locale);
}
