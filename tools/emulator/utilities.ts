/** Utilities facade: formatDate (SimpleDateFormat subset), getUuid (seeded), sleep (virtual clock), parseCsv, base64. */
import type { UtilitiesLike } from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import type { Execution } from './execution';
import { isDateObject, wallMillis } from './values';

export const MAX_SLEEP_MS = 300000;
const NodeDate = Date;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function utilitiesFacade(x: Execution): UtilitiesLike {
  return x.wrap('Utilities', new UtilitiesFacade(x));
}

/** Resolves a Java-style zone id: IANA via Intl, "GMT+hh:mm" fixed offsets, unknown ids fall back to GMT (as Java does). */
function zone(tz: string): { offset: (ms: number) => number; shortName: (ms: number) => string } {
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(tz);
  if (fixed) {
    const off = fixed[1] ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60000 : 0;
    return { offset: () => off, shortName: () => (off === 0 ? 'GMT' : `GMT${fmtOffset(off, ':')}`) };
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return zone('GMT');
  }
  return {
    offset: (ms) => wallMillis(ms, tz) - ms,
    shortName: (ms) => {
      const name = (l: string): string =>
        new Intl.DateTimeFormat(l, { timeZone: tz, timeZoneName: 'short' }).formatToParts(new NodeDate(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const us = name('en-US');
      return us.startsWith('GMT') && us !== 'GMT' ? name('en-GB') : us;
    },
  };
}

function fmtOffset(off: number, sep: string): string {
  const a = Math.abs(off) / 60000;
  return `${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${sep}${String(a % 60).padStart(2, '0')}`;
}

/** java.text.SimpleDateFormat subset: G y M d H h k K m s S a E u z Z X and 'quoted' literals. */
export function formatDate(ms: number, tz: string, pattern: string): string {
  const z = zone(tz);
  const off = z.offset(ms);
  const w = new NodeDate(ms + off);
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else out += pattern[j++];
      }
      i = j;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n - 1;
    const pad = (v: number): string => String(v).padStart(n, '0');
    const h = w.getUTCHours();
    switch (ch) {
      case 'G': out += w.getUTCFullYear() > 0 ? 'AD' : 'BC'; break;
      case 'y': case 'Y': out += n === 2 ? String(w.getUTCFullYear() % 100).padStart(2, '0') : pad(w.getUTCFullYear()); break;
      case 'M': out += n >= 4 ? MONTHS[w.getUTCMonth()] : n === 3 ? MONTHS[w.getUTCMonth()].slice(0, 3) : pad(w.getUTCMonth() + 1); break;
      case 'd': out += pad(w.getUTCDate()); break;
      case 'H': out += pad(h); break;
      case 'k': out += pad(h === 0 ? 24 : h); break;
      case 'K': out += pad(h % 12); break;
      case 'h': out += pad(h % 12 === 0 ? 12 : h % 12); break;
      case 'm': out += pad(w.getUTCMinutes()); break;
      case 's': out += pad(w.getUTCSeconds()); break;
      case 'S': out += pad(w.getUTCMilliseconds()); break;
      case 'a': out += h < 12 ? 'AM' : 'PM'; break;
      case 'E': out += n >= 4 ? DAYS[w.getUTCDay()] : DAYS[w.getUTCDay()].slice(0, 3); break;
      case 'u': out += pad(w.getUTCDay() === 0 ? 7 : w.getUTCDay()); break;
      case 'z': out += n >= 4 ? tz : z.shortName(ms); break;
      case 'Z': out += fmtOffset(off, ''); break;
      case 'X':
        if (off === 0) out += 'Z';
        else if (n === 1) out += fmtOffset(off, '').slice(0, 3);
        else out += fmtOffset(off, n === 2 ? '' : ':');
        break;
      default:
        throw new ServiceError(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** RFC 4180-ish CSV (quotes, doubled quotes, CRLF/LF). */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (q) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"' && field === '') q = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

class UtilitiesFacade implements UtilitiesLike {
  constructor(private readonly x: Execution) {}
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDateObject(date)) {
      throw new ServiceError("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    }
    return formatDate(NodeDate.prototype.getTime.call(date), String(timeZone), String(format));
  }
  getUuid(): string {
    return this.x.emu.uuid();
  }
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (ms > MAX_SLEEP_MS) throw new ServiceError('Argument too large: milliseconds');
    if (ms > 0) this.x.emu.clock.advance(ms);
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return this.x.grid(parseCsv(String(csv), delimiter ?? ','));
  }
  base64Encode(data: string): string {
    return Buffer.from(String(data), 'utf8').toString('base64');
  }
  base64EncodeWebSafe(data: string): string {
    return Buffer.from(String(data), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
}
