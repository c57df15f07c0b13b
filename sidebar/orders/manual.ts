/**
 * A new order typed by hand: customer, then lines of known items. What it will reserve is
 * shown before it is added (orders move no stock: they reserve it until it is picked).
 */
import type { AddOrderRequest, FormItem, RpcError } from '../api';
import { fill, h } from '../kit/dom';
import type { ErrorTarget } from '../kit/errors';
import { row, selectField, textField, type Field } from '../kit/fields';
import { LineTable } from '../kit/line-table';
import { button, section, type Page } from '../kit/page';
import { problemText, type T, type UiKey } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { orderEntry, type OrderLineDraft } from './entry';

const ORDER_FIELDS = ['orderId', 'customerName', 'email', 'country', 'language', 'shippingMethod'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];
const LINE_FIELDS = ['qty', 'unitPrice'] as const;
type LineField = (typeof LINE_FIELDS)[number];

export interface ManualOrder {
  root: HTMLElement;
  focus(): void;
}

export function manualOrder(p: Page, t: T, items: () => FormItem[]): ManualOrder {
  const send = submission(p, 'ord');
  const fields: Record<OrderField, Field<HTMLInputElement | HTMLSelectElement>> = {
    orderId: textField({ label: t('field.orderId'), name: 'orderId', hint: t('form.orders.orderIdHint') }),
    customerName: textField({ label: t('field.customerName'), name: 'customerName' }),
    email: textField({ label: t('field.email'), name: 'email', type: 'email' }),
    country: textField({ label: t('field.country'), name: 'country', class: 'narrow', placeholder: t('form.orders.countryPlaceholder') }),
    language: selectField({
      label: t('field.language'), name: 'language', value: '',
      options: [['', t('form.orders.languageAuto')], ['en', t('form.settings.languageEn')], ['fr', t('form.settings.languageFr')]],
    }),
    shippingMethod: textField({ label: t('field.shippingMethod'), name: 'shippingMethod' }),
  };
  const cards = new Map<OrderLineDraft, Partial<Record<LineField, Field>>>();
  const table = new LineTable<OrderLineDraft>({
    title: (count) => t('form.orders.lines', { count }),
    empty: t('form.orders.noLines'),
    removeLabel: (line) => t('form.orders.removeLine', { line }),
    onRemove: (focusAfter) => {
      refreshPreview();
      if (!focusAfter) entry.focus();
    },
  });
  const entry = orderEntry(t, items, (line) => {
    addCard(line);
    refreshPreview();
  });
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });

  function addCard(line: OrderLineDraft): void {
    const make = (name: LineField, label: UiKey): Field => {
      const f = textField({ label: t(label), name, value: line[name], inputmode: 'decimal', class: name === 'qty' ? 'narrow' : '' });
      f.input.addEventListener('input', () => {
        line[name] = f.input.value;
        f.error(null);
        refreshPreview();
      });
      return f;
    };
    const lineFields = { qty: make('qty', 'field.qty'), unitPrice: make('unitPrice', 'field.unitPrice') };
    cards.set(line, lineFields);
    table.add(line, [h('span', { class: 'sku' }, line.item.sku), ' ', line.item.name], row(lineFields.qty, lineFields.unitPrice));
  }

  function refreshPreview(): void {
    const lines = table.lines();
    fill(preview, lines.length
      ? h('p', {}, t('form.orders.previewReserve', { items: lines.map((l) => `${l.qty || '?'} × ${l.item.sku}`).join(', ') }))
      : h('p', { class: 'muted' }, t('form.orders.previewEmpty')));
  }

  function clearErrors(): void {
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    table.lines().forEach((line, i) => {
      table.lineError(i + 1, null);
      Object.values(cards.get(line) ?? {}).forEach((f) => f?.error(null));
    });
  }

  function target(field: string, line?: number): ErrorTarget | null {
    const f = fields[field as OrderField];
    if (f && line === undefined) return { error: f.error, focusable: f.input };
    const draft = line ? table.lines()[line - 1] : undefined;
    if (!draft || !line) return null;
    const lf = cards.get(draft)?.[field as LineField];
    if (lf) return { error: lf.error, focusable: lf.input };
    return { error: (m) => table.lineError(line, m), focusable: table.removeButton(line) };
  }

  function errorText(e: RpcError): string {
    const atInput = (ORDER_FIELDS as readonly string[]).includes(e.field) || (LINE_FIELDS as readonly string[]).includes(e.field) || e.field === 'sku';
    return atInput ? problemText(t, e) : t('error.at', { field: t(`field.${e.field}` as UiKey), problem: problemText(t, e) });
  }

  function payload(requestId: string): [AddOrderRequest] {
    const v = (f: OrderField) => fields[f].input.value.trim();
    return [{
      requestId, orderId: v('orderId'), customerName: v('customerName'), email: v('email'), country: v('country').toUpperCase(),
      language: v('language'), shippingMethod: v('shippingMethod'),
      lines: table.lines().map((l) => ({ sku: l.item.sku, qty: l.qty.trim(), unitPrice: l.unitPrice.trim() })),
    }];
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    clearErrors();
    if (entry.pending() && !entry.addLine()) return;
    const r = await send.send(t('form.busy.saving'), 'addOrder', payload);
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r, target, errorText);
    showChanges(p, t('form.orders.added', { order: r.value.orderId }), r.changes);
    Object.values(fields).forEach((f) => (f.input.value = ''));
    table.clear();
    cards.clear();
    refreshPreview();
    fields.orderId.input.focus();
  }

  const root = h(
    'div',
    { class: 'panel-body', 'data-panel': 'new' },
    fields.orderId.root, fields.customerName.root, fields.email.root, row(fields.country, fields.language), fields.shippingMethod.root,
    entry.root, table.root,
    section(t('form.orders.previewTitle'), preview),
    h('div', { class: 'buttons' }, button(t('form.orders.submit'), () => void submit(), 'action', { 'data-action': 'add-order' }), h('span', { class: 'hint' }, t('form.shortcut'))),
  );
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  });
  refreshPreview();
  return { root, focus: () => fields.orderId.input.focus() };
}
