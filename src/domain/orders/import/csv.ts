/**
 * A small RFC 4180 reader for the order files sellers already have (issue B).
 *
 * Why not Utilities.parseCsv: the domain must stay pure and testable in Node, and the same
 * code runs in the sidebar preview (no Apps Script there); its handling of a BOM and of
 * newlines inside quotes is also unverified (reference/order-exports.md, section 5).
 * Why not papaparse: it would grow the Apps Script bundle and bring its environment
 * sniffing (workers, streams, FileReader) into a runtime that has none of it; what we need
 * fits in this file.
 *
 * Rules:
 * - a UTF-8 byte order mark (U+FEFF) before the header is removed;
 * - records end with CRLF, LF or a lone CR; newlines inside quotes belong to the field;
 * - the delimiter is `,` `;` or TAB, the most frequent of them on the header line outside
 *   quotes (ties: `,` then `;` then TAB; none: `,`);
 * - CSV (`,` `;`): a field is quoted only when it starts with `"`; `""` inside is a quote;
 *   a quote in the middle of an unquoted field is kept as text; text after a closing quote
 *   is kept too (`"a"b` reads `ab`); a quote that never closes is an error naming the line
 *   where it opened;
 * - TAB (Amazon flat files never quote, and `"` is literal in a product name): a field is
 *   read as quoted only when it starts with `"` and a closing quote is followed by a TAB,
 *   a newline or the end (what Excel writes); otherwise the quote is plain text. So a TAB
 *   file never fails;
 * - trailing records whose fields are all empty are dropped; blank records in the middle
 *   are kept (as `['']`) so that record numbers match the file's rows.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvError {
  code: 'unterminated_quote';
  /** 1-based physical line where the unterminated quoted field opens. */
  line: number;
}

export type CsvResult =
  | {
      ok: true;
      delimiter: Delimiter;
      /** Records, header included, fields untrimmed. */
      rows: string[][];
      /** 1-based physical line where each record starts (same indexes as rows). */
      lines: number[];
    }
  | { ok: false; delimiter: Delimiter; error: CsvError };

const BOM = '\uFEFF';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter of the header line (the first record), counted outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const s = text.charAt(0) === BOM ? text.slice(1) : text;
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: Delimiter = ',';
  const order: Delimiter[] = [';', '\t'];
  for (const d of order) if (counts[d] > counts[best]) best = d;
  return best;
}

export function parseCsv(text: string, opts: { delimiter?: Delimiter } = {}): CsvResult {
  const s = stripBom(text);
  const delimiter = opts.delimiter ?? detectDelimiter(s);
  const strict = delimiter !== '\t';
  const n = s.length;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let pending = false; // a record has started (at least one character or delimiter seen)

  const endRecord = (field: string): void => {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
    row = [];
    pending = false;
  };

  while (i <= n) {
    // At the start of a field.
    if (i === n) {
      if (pending) endRecord('');
      break;
    }
    let field = '';
    let c = s.charAt(i);
    if (c === '"') {
      const q = readQuoted(s, i, delimiter);
      if (q.ok) {
        field = q.value;
        line += q.newlines;
        i = q.end;
      } else if (strict) {
        return { ok: false, delimiter, error: { code: 'unterminated_quote', line } };
      }
      // TAB files: not a valid quoted field, read it as plain text below.
    }
    // Plain text up to the next delimiter or newline (also the tail after a closing quote).
    const start = i;
    while (i < n) {
      c = s.charAt(i);
      if (c === delimiter || c === '\n' || c === '\r') break;
      i++;
    }
    field += s.slice(start, i);
    pending = true;
    if (i === n) {
      endRecord(field);
      break;
    }
    c = s.charAt(i);
    if (c === delimiter) {
      row.push(field);
      i++;
      continue;
    }
    // newline: CRLF, LF or CR
    endRecord(field);
    i += c === '\r' && s.charAt(i + 1) === '\n' ? 2 : 1;
    line++;
    rowLine = line;
  }

  while (rows.length > 0 && rows[rows.length - 1].every((f) => f === '')) {
    rows.pop();
    lines.pop();
  }
  return { ok: true, delimiter, rows, lines };
}

/**
 * A quoted field starting at `open` (the opening quote). Strict (CSV): any closing quote
 * ends it. TAB: valid only when the closing quote is followed by TAB, a newline or the end.
 */
function readQuoted(s: string, open: number, delimiter: Delimiter): { ok: true; value: string; end: number; newlines: number } | { ok: false } {
  let value = '';
  let i = open + 1;
  for (;;) {
    const j = s.indexOf('"', i);
    if (j < 0) return { ok: false };
    value += s.slice(i, j);
    if (s.charAt(j + 1) === '"') {
      value += '"';
      i = j + 2;
      continue;
    }
    if (delimiter === '\t') {
      const next = s.charAt(j + 1);
      if (next !== '' && next !== '\t' && next !== '\n' && next !== '\r') return { ok: false };
    }
    return { ok: true, value, end: j + 1, newlines: countNewlines(s.slice(open, j)) };
  }
}

/** Physical line breaks (CRLF counts once). */
function countNewlines(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '\n') count++;
    else if (c === '\r') {
      count++;
      if (s.charAt(i + 1) === '\n') i++;
    }
  }
  return count;
}
