/** Number formats per column type. Strings are plain text ("@") so Sheets never reinterprets them. */
import type { ColumnType } from './schema';
import { currencyFormat } from '../domain/money';

export const TEXT_FORMAT = '@';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const DATE_FORMAT = 'yyyy-mm-dd';

export function numberFormat(type: ColumnType, currency: string): string {
  switch (type) {
    case 'text':
    case 'code':
      return TEXT_FORMAT;
    case 'int':
      return '0';
    case 'qty':
    case 'number':
      // "General" shows 24 and 1.5 as such; a pattern like 0.### would show "24." in Sheets.
      return 'General';
    case 'money':
      return currencyFormat(currency);
    case 'unit_cost':
      return currencyFormat(currency, 4);
    case 'datetime':
      return DATETIME_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'bool':
      return 'General';
  }
}
