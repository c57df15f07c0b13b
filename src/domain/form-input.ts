/**
 * Reading form input: the checks every form shares (request id, lines, a text, a choice, a
 * positive quantity). Each problem names its field and 1-based line. Pure.
 */
import { problem, type Problem } from './result';
import { decimalPlaces, MAX_QTY, parseDecimal } from './quantity';
import { cleanText, hasControlChars } from './text';

export function text(problems: Problem[], value: unknown, field: string, max: number, line?: number): string {
  const s = cleanText(value);
  if (s.length > max) problems.push(problem('too_long', field, line, { max }));
  else if (hasControlChars(s)) problems.push(problem('invalid_text', field, line));
  return s;
}

export function requestIdOf(payload: { requestId?: unknown } | null | undefined): Problem[] {
  const id = cleanText(payload?.requestId);
  if (!id) return [problem('required', 'requestId')];
  if (id.length > 100) return [problem('too_long', 'requestId', undefined, { max: 100 })];
  return [];
}

export function choice<T extends string>(problems: Problem[], value: unknown, set: readonly T[], field: string, line?: number, fallback?: T): T | null {
  const v = cleanText(value);
  if (!v && fallback !== undefined) return fallback;
  if (!v) {
    problems.push(problem('required', field, line));
    return null;
  }
  if (!(set as readonly string[]).includes(v)) {
    problems.push(problem('invalid_choice', field, line, { value: v, choices: set.join(', ') }));
    return null;
  }
  return v as T;
}

/** A positive quantity within the item's decimals, or null with a problem. */
export function positiveQty(problems: Problem[], value: unknown, decimals: number | null, field: string, line?: number): number | null {
  if (value === undefined || value === null || value === '') {
    problems.push(problem('required', field, line));
    return null;
  }
  const q = parseDecimal(value);
  if (q === null) problems.push(problem('invalid_number', field, line, { value: String(value) }));
  else if (q <= 0) problems.push(problem('not_positive', field, line));
  else if (q > MAX_QTY) problems.push(problem('too_large', field, line, { max: MAX_QTY }));
  else if (decimals !== null && decimalPlaces(q) > decimals) problems.push(problem('too_many_decimals', field, line, { max: decimals }));
  else return q;
  return null;
}

export function linesOf(payload: { lines?: unknown }, problems: Problem[], max = 200): Record<string, unknown>[] {
  if (!Array.isArray(payload.lines) || payload.lines.length === 0) {
    problems.push(problem('no_lines', 'lines'));
    return [];
  }
  if (payload.lines.length > max) {
    problems.push(problem('too_many_lines', 'lines', undefined, { max }));
    return [];
  }
  return payload.lines.map((l) => (l && typeof l === 'object' ? (l as Record<string, unknown>) : {}));
}
