/** A1 notation helpers (1-based rows and columns). */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}
/** 'cells' = A1 / A1:B2; 'rows' = 2:3; 'cols' = A:C (whole rows/columns of the sheet). */
export type A1Kind = 'cells' | 'rows' | 'cols';

export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rectA1(r: Rect, kind: A1Kind = 'cells'): string {
  if (kind === 'rows') return `${r.row}:${r.row + r.numRows - 1}`;
  if (kind === 'cols') return `${columnLetters(r.col)}:${columnLetters(r.col + r.numCols - 1)}`;
  const a = cellA1(r.row, r.col);
  if (r.numRows === 1 && r.numCols === 1) return a;
  return `${a}:${cellA1(r.row + r.numRows - 1, r.col + r.numCols - 1)}`;
}

/** Parses A1 notation (optionally prefixed by a sheet name) against a sheet of the given size, or null. */
export function parseA1(a1: string, maxRows: number, maxCols: number): { rect: Rect; kind: A1Kind; sheetName?: string } | null {
  let text = a1.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  text = text.replace(/\$/g, '').toUpperCase();
  let m = /^(\d+):(\d+)$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || b < 1) return null;
    const lo = Math.min(a, b);
    return { rect: { row: lo, col: 1, numRows: Math.abs(b - a) + 1, numCols: maxCols }, kind: 'rows', sheetName };
  }
  m = /^([A-Z]+):([A-Z]+)$/.exec(text);
  if (m) {
    const a = columnNumber(m[1]);
    const b = columnNumber(m[2]);
    const lo = Math.min(a, b);
    return { rect: { row: 1, col: lo, numRows: maxRows, numCols: Math.abs(b - a) + 1 }, kind: 'cols', sheetName };
  }
  m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+)?)?$/.exec(text);
  if (m) {
    const c1 = columnNumber(m[1]);
    const r1 = Number(m[2]);
    if (r1 < 1) return null;
    if (m[3] === undefined) return { rect: { row: r1, col: c1, numRows: 1, numCols: 1 }, kind: 'cells', sheetName };
    const c2 = columnNumber(m[3]);
    const r2 = m[4] === undefined ? maxRows : Number(m[4]);
    if (r2 < 1) return null;
    return {
      rect: { row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 },
      kind: 'cells',
      sheetName,
    };
  }
  return null;
}
