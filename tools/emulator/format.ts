/**
 * Number-format rendering (a documented subset of Sheets number formats, see README):
 * numeric patterns with 0 # ? , . % E+, quoted literals, [$€-fr-FR] currency blocks,
 * up to 4 sections (pos;neg;zero;text); date/time patterns with y m d h s am/pm.
 */
const NodeDate = Date;
const EPOCH_1899 = NodeDate.UTC(1899, 11, 30);

function decimalSep(locale: string): string {
  return /^(fr|de|es|it|pt|nl|ru|pl|sv|da|fi|nb|cs|tr|id)([_-]|$)/i.test(locale) ? ',' : '.';
}
function groupSep(locale: string): string {
  return decimalSep(locale) === ',' ? '\u202f' : ',';
}

/** Splits on ';' outside quotes and brackets. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  let b = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '\\' && !q && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === '"' && !b) q = !q;
    else if (ch === '[' && !q) b = true;
    else if (ch === ']' && !q) b = false;
    if (ch === ';' && !q && !b) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Removes quoted text, escapes and bracket blocks: what is left are the format codes. */
function codesOnly(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(fmt: string): boolean {
  const c = codesOnly(sections(fmt)[0]);
  if (/[ydhs]/i.test(c) || /am\/pm|a\/p/i.test(c)) return true;
  return /m/i.test(c) && !/[0#?]/.test(c);
}

type Tok = { lit: string } | { code: string };

/** Tokenises a section into literals and codes (codes: runs of the same letter, digit placeholders etc.). */
function tokenize(sec: string): Tok[] {
  const toks: Tok[] = [];
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i];
    if (ch === '"') {
      const j = sec.indexOf('"', i + 1);
      const end = j < 0 ? sec.length : j;
      toks.push({ lit: sec.slice(i + 1, end) });
      i = end;
    } else if (ch === '\\' && i + 1 < sec.length) {
      toks.push({ lit: sec[++i] });
    } else if (ch === '[') {
      const j = sec.indexOf(']', i + 1);
      const end = j < 0 ? sec.length : j;
      const inner = sec.slice(i + 1, end);
      if (inner.startsWith('$')) toks.push({ lit: inner.slice(1).split('-')[0] });
      i = end;
    } else if (ch === '_' && i + 1 < sec.length) {
      toks.push({ lit: ' ' });
      i++;
    } else if (ch === '*' && i + 1 < sec.length) {
      i++;
    } else if (/[a-z]/i.test(ch)) {
      if (/^(am\/pm|a\/p)/i.test(sec.slice(i))) {
        const len = /^am\/pm/i.test(sec.slice(i)) ? 5 : 3;
        toks.push({ code: sec.slice(i, i + len).toLowerCase() });
        i += len - 1;
        continue;
      }
      let j = i;
      while (j + 1 < sec.length && sec[j + 1].toLowerCase() === ch.toLowerCase()) j++;
      toks.push({ code: sec.slice(i, j + 1).toLowerCase() });
      i = j;
    } else if ('0#?,.%'.includes(ch)) {
      toks.push({ code: ch });
    } else {
      toks.push({ lit: ch });
    }
  }
  return toks;
}

// ---------- numbers ----------

function renderNumberSection(n: number, sec: string, locale: string): string {
  const toks = tokenize(sec);
  const isNum = (t: Tok): boolean => 'code' in t && /^[0#?]$/.test(t.code);
  const first = toks.findIndex(isNum);
  if (first < 0) {
    return toks.map((t) => ('lit' in t ? t.lit : t.code === '%' ? '%' : '')).join('');
  }
  let last = first;
  toks.forEach((t, i) => {
    if (isNum(t)) last = i;
  });
  const core = toks.slice(first, last + 1);
  const percent = toks.some((t) => 'code' in t && t.code === '%');
  // scientific: a code token 'e' followed by + / - literal in the core region or after it
  const eIdx = toks.findIndex((t, i) => i > first && 'code' in t && t.code === 'e');
  let value = percent ? n * 100 : n;
  let intMin = 0;
  let decMin = 0;
  let decMax = 0;
  let group = false;
  let seenDot = false;
  const coreEnd = eIdx > 0 ? toks.slice(first, eIdx) : core;
  for (const t of coreEnd) {
    if (!('code' in t)) continue;
    if (t.code === '.') seenDot = true;
    else if (t.code === ',') {
      if (!seenDot) group = true;
    } else if (/^[0#?]$/.test(t.code)) {
      if (seenDot) {
        decMax++;
        if (t.code === '0') decMin++;
      } else if (t.code === '0') intMin++;
    }
  }
  let expStr = '';
  if (eIdx > 0) {
    const a = Math.abs(value);
    const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
    value = value / Math.pow(10, exp);
    const expDigits = toks.slice(eIdx + 1).filter((t) => 'code' in t && t.code === '0').length || 1;
    expStr = `E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expDigits, '0')}`;
  }
  const fixed = Math.abs(value).toFixed(decMax);
  let [ip, fp = ''] = fixed.split('.');
  while (fp.length > decMin && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && intMin === 0) ip = '';
  ip = ip.padStart(intMin, '0');
  if (group) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep(locale));
  const body = ip + (fp.length > 0 ? decimalSep(locale) + fp : '') + expStr;
  const prefix = toks.slice(0, first).map((t) => ('lit' in t ? t.lit : '')).join('');
  const suffixToks = eIdx > 0 ? [] : toks.slice(last + 1);
  const suffix = suffixToks.map((t) => ('lit' in t ? t.lit : t.code === '%' ? '%' : '')).join('');
  return prefix + body + suffix;
}

export function renderNumber(n: number, fmt: string, locale: string): string {
  const secs = sections(fmt);
  if (n < 0 && secs.length >= 2 && secs[1] !== '') return renderNumberSection(-n, secs[1], locale);
  if (n === 0 && secs.length >= 3 && secs[2] !== '') return renderNumberSection(0, secs[2], locale);
  const out = renderNumberSection(Math.abs(n), secs[0], locale);
  return n < 0 && /[1-9]/.test(out) ? '-' + out : out;
}

// ---------- dates ----------

const nameCache = new Map<string, string[]>();
function names(locale: string, kind: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const key = `${locale}|${kind}|${width}`;
  let list = nameCache.get(key);
  if (!list) {
    const f = new Intl.DateTimeFormat(locale.replace('_', '-'), { [kind]: width, timeZone: 'UTC' });
    list = [];
    for (let i = 0; i < (kind === 'month' ? 12 : 7); i++) {
      // 2023-01-01 was a Sunday
      const d = kind === 'month' ? NodeDate.UTC(2023, i, 1) : NodeDate.UTC(2023, 0, 1 + i);
      list.push(f.format(new NodeDate(d)));
    }
    nameCache.set(key, list);
  }
  return list;
}

export function renderDate(serial: number, fmt: string, locale: string): string {
  const ms = Math.round(EPOCH_1899 + serial * 86400000);
  const d = new NodeDate(ms);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth();
  const D = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const toks = tokenize(sections(fmt)[0]);
  const ampm = toks.some((t) => 'code' in t && (t.code === 'am/pm' || t.code === 'a/p'));
  const codes = toks.map((t, i) => ({ t, i })).filter((x) => 'code' in x.t);
  const isMinute = (i: number): boolean => {
    const k = codes.findIndex((c) => c.i === i);
    const prev = codes[k - 1]?.t as { code: string } | undefined;
    const next = codes[k + 1]?.t as { code: string } | undefined;
    return (prev !== undefined && prev.code[0] === 'h') || (next !== undefined && next.code[0] === 's');
  };
  let out = '';
  toks.forEach((t, i) => {
    if ('lit' in t) {
      out += t.lit;
      return;
    }
    const c = t.code;
    const pad = (x: number, w: number): string => String(x).padStart(w, '0');
    switch (c[0]) {
      case 'y':
        out += c.length <= 2 ? pad(Y % 100, 2) : String(Y);
        break;
      case 'm':
        if (c.length <= 2 && isMinute(i)) out += pad(mi, c.length);
        else if (c.length <= 2) out += pad(M + 1, c.length);
        else if (c.length === 3) out += names(locale, 'month', 'short')[M];
        else out += names(locale, 'month', 'long')[M];
        break;
      case 'd':
        if (c.length <= 2) out += pad(D, c.length);
        else out += names(locale, 'weekday', c.length === 3 ? 'short' : 'long')[d.getUTCDay()];
        break;
      case 'h': {
        const hh = ampm ? ((h + 11) % 12) + 1 : h;
        out += pad(hh, Math.min(c.length, 2));
        break;
      }
      case 's':
        out += pad(s, Math.min(c.length, 2));
        break;
      case 'a':
        out += c === 'a/p' ? (h < 12 ? 'a' : 'p') : h < 12 ? 'AM' : 'PM';
        break;
      case '0':
        out += '0';
        break;
      case '.':
        out += '.';
        break;
      default:
        out += c;
    }
  });
  return out;
}
