/** One cell's stored state, and the conversion of a script/user write into it. */
import { ServiceError } from './errors';
import {
  DEFAULT_FORMAT,
  MAX_CELL_CHARS,
  defaultDateTimeFormat,
  isDateFormat,
  isDateObject,
  msToSerial,
  parseUserEntered,
  renderDisplay,
  type Scalar,
} from './values';

export interface ValidationRule {
  type: 'VALUE_IN_LIST' | 'CHECKBOX';
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellStyle {
  fontWeight?: string | null;
  fontColor?: string | null;
  background?: string | null;
  horizontalAlignment?: string | null;
  wrap?: boolean;
}

export interface Cell {
  /** Value; for date/time formatted cells a serial number. Formula cells hold '#ERROR!'. */
  v?: Scalar;
  /** Formula text, when the cell holds a formula. */
  f?: string;
  /** Number format; undefined = default ("0.###############"). */
  fmt?: string;
  dv?: ValidationRule;
  note?: string;
  style?: CellStyle;
}

export interface WriteSettings {
  locale: string;
  timeZone: string;
  signedText: 'error' | 'text';
  nullWrites: 'empty' | 'keep';
  nonFinite: 'throw' | 'text';
}

/** New content for a cell; fmt is applied only if the cell's format is general. 'keep' leaves the cell as it is. */
export type Content = { v?: Scalar; f?: string; fmt?: string } | 'keep';

export function isGeneral(fmt: string | undefined): boolean {
  return fmt === undefined || fmt === DEFAULT_FORMAT || /^general$/i.test(fmt);
}

export function hasContent(c: Cell | undefined): boolean {
  return c !== undefined && (c.f !== undefined || (c.v !== undefined && c.v !== ''));
}

export function convertWrite(value: unknown, cellFmt: string | undefined, s: WriteSettings): Content {
  if (value === null || value === undefined) return s.nullWrites === 'empty' ? {} : 'keep';
  if (typeof value === 'boolean') return { v: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      if (s.nonFinite === 'text') return { v: String(value) };
      throw new ServiceError(`Cannot write ${value} to a cell (the emulator rejects NaN and Infinity; behaviour on Google UNCONFIRMED).`);
    }
    return { v: value };
  }
  if (isDateObject(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ServiceError('Cannot write an invalid Date to a cell.');
    return { v: msToSerial(ms, s.timeZone), fmt: defaultDateTimeFormat(s.locale) };
  }
  const str = typeof value === 'string' ? value : String(value);
  if (str.length > MAX_CELL_CHARS) {
    throw new ServiceError(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (cellFmt === '@') return str === '' ? {} : { v: str };
  return parseUserEntered(str, { locale: s.locale, signedText: s.signedText });
}

/** True if writing `content` into a cell carrying `rule` breaks the rule (formulas are not evaluated: never a breach). */
export function violates(rule: ValidationRule, content: Content, fmt: string | undefined, locale: string): boolean {
  if (content === 'keep' || content.f !== undefined) return false;
  const v = content.v;
  if (v === undefined || v === '') return false;
  if (rule.type === 'CHECKBOX') return typeof v !== 'boolean';
  const text = typeof v === 'string' ? v : renderDisplay(v, content.fmt ?? fmt, locale);
  return !rule.values.some((x) => String(x) === text);
}

/** Applies content to a cell object (mutates). */
export function applyContent(cell: Cell, content: Content): void {
  if (content === 'keep') return;
  cell.v = content.v;
  cell.f = content.f;
  if (content.v === undefined) delete cell.v;
  if (content.f === undefined) delete cell.f;
  if (content.fmt !== undefined && isGeneral(cell.fmt)) cell.fmt = content.fmt;
}

export function isDateCell(c: Cell | undefined): boolean {
  return c !== undefined && typeof c.v === 'number' && c.fmt !== undefined && c.fmt !== '@' && isDateFormat(c.fmt);
}

export function copyRule(r: ValidationRule): ValidationRule {
  return { ...r, values: [...r.values] };
}
