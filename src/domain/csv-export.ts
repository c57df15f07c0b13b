/**
 * CSV written for spreadsheet programs: a cell starting with = + - @ (or a tab or carriage
 * return) is prefixed with an apostrophe so Excel or Sheets opening the file do not run it
 * as a formula (DESIGN section 3); cells with a comma, quote or line break are quoted.
 */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(rows: (string | number | boolean | null)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
