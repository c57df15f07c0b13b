/**
 * Conversion between cell values and plain values, by column type. Money becomes integer
 * minor units here and nowhere else; dates become epoch ms or yyyy-MM-dd.
 */
import type { ColumnType } from './schema';
import { fromMinor, toMinor } from '../domain/money';
import { parseDecimal } from '../domain/quantity';
import { parseYmd } from '../domain/dates';

export interface CellEnv {
  currency: string;
  /** the spreadsheet's time zone: date-only cells are midnight there */
  timeZone: string;
  formatDate(date: Date, timeZone: string, pattern: string): string;
}

export type Plain = string | number | boolean | null;

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function decodeCell(type: ColumnType, v: unknown, env: CellEnv): Plain {
  switch (type) {
    case 'text':
    case 'code':
      if (v === '' || v === null || v === undefined) return '';
      if (isDate(v)) return env.formatDate(v, env.timeZone, 'yyyy-MM-dd');
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      return type === 'code' ? String(v).trim() : String(v);
    case 'int':
    case 'qty':
    case 'number':
    case 'unit_cost':
      if (typeof v === 'number') return v;
      return parseDecimal(v);
    case 'money': {
      const n = typeof v === 'number' ? v : parseDecimal(v);
      return n === null ? null : toMinor(n, env.currency);
    }
    case 'datetime':
      if (isDate(v)) return v.getTime();
      return null;
    case 'date':
      if (isDate(v)) return env.formatDate(v, env.timeZone, 'yyyy-MM-dd');
      return parseYmd(String(v)) ?? '';
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
      return null;
  }
}

export function encodeCell(type: ColumnType, v: Plain, env: CellEnv): unknown {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'text':
    case 'code':
      return String(v);
    case 'int':
    case 'qty':
    case 'number':
    case 'unit_cost':
      return typeof v === 'number' ? v : '';
    case 'money':
      return typeof v === 'number' ? fromMinor(v, env.currency) : '';
    case 'datetime':
      return typeof v === 'number' ? new Date(v) : '';
    case 'date':
      // Written as the ISO text into a date-formatted cell: Sheets parses it as midnight in
      // the spreadsheet's own time zone, which the script's time zone cannot be trusted for.
      return typeof v === 'string' ? v : '';
    case 'bool':
      return typeof v === 'boolean' ? v : '';
  }
}
