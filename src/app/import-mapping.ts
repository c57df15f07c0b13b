/**
 * The column mapping of order files in no known format (the Orders form's column picker),
 * remembered per document so the next export from the same shop imports without asking.
 * Stored as JSON in document properties (small: a few header names).
 */
import { ProblemError, problem, type Problem } from '../domain/result';
import { cleanText, hasControlChars } from '../domain/text';
import { MAPPING_FIELDS, REQUIRED_MAPPING_FIELDS, type GenericMapping } from '../domain/orders/import';
import type { Ports } from './ports';
import type { Outcome } from './rpc';

export const IMPORT_MAPPING_PROPERTY = 'import_mapping';
/** A header name longer than this is not a header. */
const MAX_HEADER = 200;

export interface ImportMappingValue {
  /** null until a mapping was saved */
  mapping: GenericMapping | null;
}

/** A mapping as the form sends it: column names (empty = not in the file) and two options. */
export function validateMapping(raw: unknown): { mapping: GenericMapping; problems: Problem[] } {
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: Problem[] = [];
  const out: Record<string, string> = {};
  for (const field of MAPPING_FIELDS) {
    const header = cleanText(input[field]);
    if (!header) {
      if (REQUIRED_MAPPING_FIELDS.includes(field)) problems.push(problem('required', field));
      continue;
    }
    if (header.length > MAX_HEADER) problems.push(problem('too_long', field, undefined, { max: MAX_HEADER }));
    else if (hasControlChars(header)) problems.push(problem('invalid_text', field));
    else out[field] = header;
  }
  const dateOrder = cleanText(input.dateOrder);
  if (dateOrder && dateOrder !== 'dmy' && dateOrder !== 'mdy') problems.push(problem('invalid_choice', 'dateOrder', undefined, { value: dateOrder, choices: 'dmy, mdy' }));
  const decimal = cleanText(input.decimal);
  if (decimal && decimal !== 'dot' && decimal !== 'comma') problems.push(problem('invalid_choice', 'decimal', undefined, { value: decimal, choices: 'dot, comma' }));
  const mapping = out as unknown as GenericMapping;
  if (dateOrder === 'dmy' || dateOrder === 'mdy') mapping.dateOrder = dateOrder;
  if (decimal === 'dot' || decimal === 'comma') mapping.decimal = decimal;
  return { mapping, problems };
}

/** The saved mapping; one that no longer reads as valid (typed over, older format) counts as none. */
export function getImportMapping(ports: Ports): Outcome<ImportMappingValue> {
  const saved = ports.props.get(IMPORT_MAPPING_PROPERTY);
  if (!saved) return { value: { mapping: null }, changes: [] };
  try {
    const { mapping, problems } = validateMapping(JSON.parse(saved));
    return { value: { mapping: problems.length ? null : mapping }, changes: [] };
  } catch {
    return { value: { mapping: null }, changes: [] };
  }
}

/** Save the mapping (the last one saved wins: it is a preference, not a record). */
export function saveImportMapping(ports: Ports, raw: unknown): Outcome<ImportMappingValue> {
  const { mapping, problems } = validateMapping(raw);
  if (problems.length) throw new ProblemError(problems);
  ports.props.set(IMPORT_MAPPING_PROPERTY, JSON.stringify(mapping));
  return { value: { mapping }, changes: [] };
}
