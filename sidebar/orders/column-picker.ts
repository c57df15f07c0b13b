/**
 * The column picker for an order file in no known format: one select per field, listing
 * the file's headers. Pre-filled from the mapping remembered for this document, else from
 * the common header names (English and French) the domain recognises.
 */
import type { GenericMapping } from '../api';
import { h } from '../kit/dom';
import type { ErrorTarget } from '../kit/errors';
import { selectField, type Field } from '../kit/fields';
import { button } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { MAPPING_FIELDS, REQUIRED_MAPPING_FIELDS, suggestMapping, type MappingField } from '../../src/domain/orders/import/generic';

export interface ColumnPicker {
  root: HTMLElement;
  /** the mapping as chosen (the server checks that the needed columns are chosen) */
  read(): GenericMapping;
  target(field: string): ErrorTarget | null;
  clearErrors(): void;
  focus(): void;
}

const key = (s: string) => s.trim().toLowerCase();

/** Each field's column: the remembered one when the file has it, else the suggested one. */
export function initialMapping(headers: string[], remembered: GenericMapping | null): Partial<Record<MappingField, string>> {
  const suggested = suggestMapping(headers);
  const byKey = new Map(headers.map((x) => [key(x), x]));
  const out: Partial<Record<MappingField, string>> = {};
  for (const f of MAPPING_FIELDS) {
    const mine = remembered?.[f];
    const header = (mine && byKey.get(key(mine))) || suggested[f];
    if (header) out[f] = header;
  }
  return out;
}

export function columnPicker(t: T, headers: string[], remembered: GenericMapping | null, onSubmit: () => void): ColumnPicker {
  const initial = initialMapping(headers, remembered);
  const columns = headers.filter((x) => x !== '');
  const selects = {} as Record<MappingField | 'dateOrder' | 'decimal', Field<HTMLSelectElement>>;
  for (const f of MAPPING_FIELDS) {
    const required = REQUIRED_MAPPING_FIELDS.includes(f);
    selects[f] = selectField({
      label: t(`form.orders.column.${f}` as UiKey) + (required ? ' *' : ''), name: f, value: initial[f] ?? '',
      options: [['', t('form.orders.columnNone')], ...columns.map((c): [string, string] => [c, c])],
    });
  }
  selects.dateOrder = selectField({
    label: t('form.orders.column.dateOrder'), name: 'dateOrder', value: remembered?.dateOrder ?? '',
    options: [['', t('form.orders.fromTheFile')], ['dmy', t('form.orders.dateOrderDmy')], ['mdy', t('form.orders.dateOrderMdy')]],
  });
  selects.decimal = selectField({
    label: t('form.orders.column.decimal'), name: 'decimal', value: remembered?.decimal ?? '',
    options: [['', t('form.orders.fromTheFile')], ['dot', t('form.orders.decimalDot')], ['comma', t('form.orders.decimalComma')]],
  });
  const all = Object.values(selects);
  for (const f of all) f.input.addEventListener('change', () => f.error(null));
  const root = h(
    'section',
    { class: 'section column-picker', 'aria-label': t('form.orders.mappingTitle') },
    h('h2', { class: 'section-title' }, t('form.orders.mappingTitle')),
    h('p', { class: 'hint' }, t('form.orders.mappingIntro')),
    MAPPING_FIELDS.map((f) => selects[f].root),
    selects.dateOrder.root, selects.decimal.root,
    h('div', { class: 'buttons' }, button(t('form.orders.mappingSubmit'), onSubmit, 'action', { 'data-action': 'import-mapped' })),
  );
  return {
    root,
    read() {
      const m: Record<string, string> = {};
      for (const [name, f] of Object.entries(selects)) if (f.input.value) m[name] = f.input.value;
      return m as unknown as GenericMapping;
    },
    target(field) {
      const f = selects[field as MappingField];
      return f ? { error: f.error, focusable: f.input } : null;
    },
    clearErrors: () => all.forEach((f) => f.error(null)),
    focus: () => selects.orderId.input.focus(),
  };
}
