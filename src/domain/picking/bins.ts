/**
 * Natural order of bin paths (and other human identifiers such as order numbers), so a
 * pick list walks a warehouse the way its labels read: A-2-9 before A-2-10, shelf A
 * before shelf B, rack B-04-2-C next to B-4-2-C.
 *
 * Rules:
 * - A path is split into segments on "-", ".", "/", "_" and whitespace, and on every
 *   boundary between digits and non-digits ("A12" is A, 12; "Shelf 2" is SHELF, 2).
 * - Numeric segments compare by value (leading zeros ignored, any length, no precision
 *   loss); text segments compare case-insensitively, by code unit (no locale: the same
 *   order on every runtime).
 * - At the same position a number comes before text ("A-1" before "A-B").
 * - When one path is a prefix of the other, the shorter comes first ("A" before "A-1").
 * - An empty bin (nothing but blanks or separators) comes after every other bin: stock
 *   with no location is the last place a picker goes.
 * - Two paths equal in this order (B-04-2-C and B-4-2-C, a-1 and A-1) are ordered by
 *   their raw strings, so the result is stable and 0 only for identical strings.
 */

export type BinSegment = string | number;

interface Token {
  num: boolean;
  /** digits without leading zeros ("0" for zero), or the upper-cased text */
  key: string;
}

const SEGMENTS = /\d+|[^\d\s\-./_]+/g;

function tokens(path: string): Token[] {
  const parts = String(path).match(SEGMENTS) || [];
  return parts.map((p) => {
    if (/^\d/.test(p)) {
      const stripped = p.replace(/^0+/, '');
      return { num: true, key: stripped === '' ? '0' : stripped };
    }
    return { num: false, key: p.toUpperCase() };
  });
}

/** The parsed segments of a bin path: numbers for digit runs, upper-cased text otherwise. */
export function binPath(bin: string): BinSegment[] {
  return tokens(bin).map((t) => (t.num ? Number(t.key) : t.key));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTokens(a: Token, b: Token): number {
  if (a.num !== b.num) return a.num ? -1 : 1;
  if (a.num && a.key.length !== b.key.length) return a.key.length - b.key.length;
  return compareStrings(a.key, b.key);
}

/** Natural order of two identifiers (see the rules above). */
export function compareNatural(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) {
    if (ta.length !== tb.length) return ta.length === 0 ? 1 : -1;
    return compareStrings(a, b);
  }
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const c = compareTokens(ta[i], tb[i]);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length < tb.length ? -1 : 1;
  return compareStrings(a, b);
}

/** Walk order of two bins. */
export function compareBins(a: string, b: string): number {
  return compareNatural(a, b);
}
