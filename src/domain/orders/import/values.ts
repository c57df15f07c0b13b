/**
 * Reading the cells of an order file: text, headers, numbers, dates, languages.
 * Everything stays text except what must be a number or a date; a SKU like "00123" or
 * "-A1" is never converted.
 */

/**
 * A cell as text: trimmed (spaces, tabs, no-break spaces), and one leading apostrophe
 * removed when it guards a formula character or a digit (`'=x`, `'+33…`, Shopify's
 * `'02134` zip). The leading space some exporters add as a CSV-injection guard
 * (AlgolPlus: ` +33…`, ` -A1`) goes with the trim. Nothing else is changed.
 */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  const s = raw.replace(/^[\s\u00a0\u202f\ufeff]+|[\s\u00a0\u202f]+$/g, '');
  return /^'[=+\-@\d]/.test(s) ? s.slice(1) : s;
}

/** Accents off (é -> e), for matching names and headers. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Header text for comparisons: BOM and outer spaces off, inner spaces collapsed, lower case. */
export function headerKey(header: string): string {
  return header.replace(/^\ufeff/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Looser key for suggestions: accents off, punctuation as spaces ("N° de commande" -> "n de commande"). */
export function looseKey(header: string): string {
  return foldAccents(headerKey(header)).replace(/[^a-z0-9#]+/g, ' ').trim();
}

export type DecimalStyle = 'dot' | 'comma';

/**
 * A decimal number as written by shops and spreadsheets: currency symbols or codes around
 * it and spaces / no-break spaces / apostrophes between digit groups are ignored. When both
 * `.` and `,` appear, the last one is the decimal separator. A lone `,` is the decimal
 * separator (`12,50`), except in a dot-style file where it groups thousands (`1,234`,
 * `12,345,678`). A lone `.` is always decimal. Null when not a number.
 */
export function parseNumber(raw: string, style: DecimalStyle): number | null {
  let s = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  s = s.replace(/^(?:[A-Za-z]{3}|[^\d+\-.,]{1,3})(?=[+\-]?[\d.,])/, '').replace(/(?:[A-Za-z]{3}|[^\d.,]{1,3})$/, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (s.indexOf(decimal) !== s.lastIndexOf(decimal)) return null;
    s = s.split(group).join('').replace(',', '.');
  } else if (lastComma >= 0) {
    if (style === 'dot' && /^[+-]?\d{1,3}(,\d{3})+$/.test(s)) s = s.split(',').join('');
    else if (s.indexOf(',') !== lastComma) return null;
    else s = s.replace(',', '.');
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot) {
    return null;
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Quantities: digits with an optional zero fraction (`2`, `2.0`, `2,00`). */
export function parseQtyText(raw: string, style: DecimalStyle): number | null {
  const s = raw.trim();
  if (!/^[+-]?[\d.,\s]+$/.test(s)) return null;
  return parseNumber(s, style);
}

export type DateOrder = 'dmy' | 'mdy';

export type DateRead =
  | { kind: 'empty' }
  | { kind: 'ok'; value: string }
  | { kind: 'invalid' }
  | { kind: 'ambiguous' };

const ISO_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY_RE = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[T ,]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * An order date, to one of the three shapes documented on ImportedLine.orderDate:
 * - `yyyy-MM-dd[ T]HH:mm[:ss]` with `Z` or an offset (`-0500`, `-08:00`) -> UTC `...Z`;
 * - the same without offset -> `yyyy-MM-ddTHH:mm` (wall clock, seconds dropped);
 * - `yyyy-MM-dd` (or `yyyy/MM/dd`) -> as is;
 * - `a/b/yy[yy]` (also `.` or `-`), optionally with `H:mm[:ss] [AM|PM]` -> by `order`
 *   (Etsy is month first); without an order, a value is read when only one reading is a
 *   valid date (13/05) or both agree (05/05), else it is ambiguous. Two-digit years are 20yy.
 */
export function readDate(raw: string, order: DateOrder | null): DateRead {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  const iso = ISO_RE.exec(s);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDate(y, mo, d)) return { kind: 'invalid' };
    if (iso[4] === undefined) return { kind: 'ok', value: ymd(y, mo, d) };
    const [h, mi, se] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    if (h > 23 || mi > 59 || se > 59) return { kind: 'invalid' };
    const zone = iso[7];
    if (zone === undefined) return { kind: 'ok', value: `${ymd(y, mo, d)}T${pad(h)}:${pad(mi)}` };
    const offset = offsetMinutes(zone);
    if (offset === null) return { kind: 'invalid' };
    const ms = Date.UTC(y, mo - 1, d, h, mi, se) - offset * 60000;
    return { kind: 'ok', value: utcText(ms) };
  }
  const m = DMY_RE.exec(s);
  if (!m) return { kind: 'invalid' };
  const a = Number(m[1]);
  const b = Number(m[2]);
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let time = '';
  if (m[4] !== undefined) {
    let h = Number(m[4]);
    const mi = Number(m[5]);
    const ampm = m[7] ? m[7].toLowerCase() : '';
    if (ampm) {
      if (h < 1 || h > 12) return { kind: 'invalid' };
      h = (h % 12) + (ampm === 'pm' ? 12 : 0);
    }
    if (h > 23 || mi > 59 || Number(m[6] ?? 0) > 59) return { kind: 'invalid' };
    time = `T${pad(h)}:${pad(mi)}`;
  }
  const asDmy = validDate(y, b, a);
  const asMdy = validDate(y, a, b);
  let use: DateOrder | null = order;
  if (!use) {
    if (asDmy && asMdy && a !== b) return { kind: 'ambiguous' };
    use = asDmy ? 'dmy' : 'mdy';
  }
  const ok = use === 'dmy' ? asDmy : asMdy;
  if (!ok) return { kind: 'invalid' };
  return { kind: 'ok', value: (use === 'dmy' ? ymd(y, b, a) : ymd(y, a, b)) + time };
}

/**
 * The day/month order a set of date cells settles: 'dmy' if one reads only day first,
 * 'mdy' if one reads only month first, null when none settles it (or they contradict).
 */
export function inferDateOrder(values: string[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const s = v.trim();
    if (ISO_RE.test(s)) continue;
    const m = DMY_RE.exec(s);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

function validDate(y: number, mo: number, d: number): boolean {
  if (y < 1970 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function offsetMinutes(zone: string): number | null {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? 0);
  if (h > 14 || mi > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

function pad(n: number, width = 2): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

function ymd(y: number, mo: number, d: number): string {
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

function utcText(ms: number): string {
  const t = new Date(ms);
  return `${ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}Z`;
}

/**
 * An explicit language or locale cell: en, en-GB, en_US, English, anglais -> 'en';
 * fr, fr-FR, fr_CA, French, français -> 'fr'; anything else -> ''.
 */
export function readLanguage(raw: string): 'en' | 'fr' | '' {
  const s = foldAccents(raw.trim().toLowerCase());
  if (/^en([-_][a-z0-9]+)?$/.test(s) || s === 'english' || s === 'anglais' || s === 'eng') return 'en';
  if (/^fr([-_][a-z0-9]+)?$/.test(s) || s === 'french' || s === 'francais' || s === 'fra' || s === 'fre') return 'fr';
  return '';
}

/** ISO 4217 codes are upper-cased; anything else (a symbol, a name) stays as written. */
export function readCurrency(raw: string): string {
  const s = raw.trim();
  return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : s;
}
