/**
 * Order import (issue B): a seller's order export as text -> canonical lines + row problems.
 * Pure: the caller decodes the file (strict UTF-8, else Windows-1252) and stores the lines;
 * a re-import adds nothing because lines are keyed by lineIdentity().
 */
import { parseCsv, type Delimiter } from './csv';
import { detectSource, isFormatId, mapFormat } from './formats';
import { applyMapping, type GenericMapping } from './generic';
import type { ImportedLine, RowProblem, Source } from './types';
import { headerKey, type DecimalStyle } from './values';

export type { Delimiter } from './csv';
export { parseCsv, detectDelimiter } from './csv';
export { detectSource, mapFormat, FORMAT_IDS } from './formats';
export { suggestMapping, applyMapping, isCompleteMapping, MAPPING_FIELDS, REQUIRED_MAPPING_FIELDS, type GenericMapping, type MappingField } from './generic';
export { lineIdentity } from './lines';
export { countryCode } from './countries';
export * from './types';

export interface ParsedOrderFile {
  source: Source;
  lines: ImportedLine[];
  /** Sorted by row; row 0 = the whole file. */
  problems: RowProblem[];
  /** The header row, trimmed, BOM removed (for the column picker); [] when there is none. */
  headers: string[];
  delimiter: Delimiter;
}

/**
 * Which mapping applies: `sourceHint` naming a format ('shopify', 'woocommerce', 'etsy',
 * 'amazon') or 'generic' forces it; other hints are ignored. Else the format detected from
 * the headers; else the given mapping; else `unknown_format` (the UI then offers the column
 * picker, pre-filled by suggestMapping(headers)). A file that is not valid CSV imports
 * nothing (`malformed_csv`, with the line where the bad quote opens).
 */
export function parseOrderFile(text: string, opts: { mapping?: GenericMapping; sourceHint?: string } = {}): ParsedOrderFile {
  const csv = parseCsv(text);
  if (!csv.ok) {
    const head = parseCsv(firstLine(text), { delimiter: csv.delimiter });
    const headers = head.ok && head.rows.length ? cleanHeaders(head.rows[0]) : [];
    return { source: pickSource(headers, opts).source, lines: [], problems: [{ row: 0, code: 'malformed_csv', field: '', params: { line: csv.error.line } }], headers, delimiter: csv.delimiter };
  }
  const { delimiter } = csv;
  if (csv.rows.length === 0) return { source: 'unknown', lines: [], problems: [{ row: 0, code: 'empty_file', field: '' }], headers: [], delimiter };
  const headers = cleanHeaders(csv.rows[0]);
  const records = csv.rows.slice(1);
  const decimal: DecimalStyle = delimiter === ';' ? 'comma' : 'dot';
  const { source } = pickSource(headers, opts);
  let result: { lines: ImportedLine[]; problems: RowProblem[] };
  if (source === 'unknown') result = { lines: [], problems: [{ row: 0, code: 'unknown_format', field: '' }] };
  else if (source === 'generic') result = applyMapping(headers, records, opts.mapping as GenericMapping, decimal);
  else result = mapFormat(source, headers, records, decimal);
  return { source, lines: result.lines, problems: result.problems, headers, delimiter };
}

function pickSource(headers: string[], opts: { mapping?: GenericMapping; sourceHint?: string }): { source: Source } {
  const hint = headerKey(opts.sourceHint ?? '');
  if (isFormatId(hint)) return { source: hint };
  if (hint === 'generic') return { source: opts.mapping ? 'generic' : 'unknown' };
  const detected = detectSource(headers);
  if (detected !== 'unknown') return { source: detected };
  return { source: opts.mapping ? 'generic' : 'unknown' };
}

function cleanHeaders(row: string[]): string[] {
  return row.map((h) => h.replace(/^\ufeff/, '').trim());
}

/** The header record alone, to name the format of a file that fails later on. */
function firstLine(text: string): string {
  const m = /^[^\r\n]*/.exec(text);
  return m ? m[0] : '';
}
