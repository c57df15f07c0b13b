/**
 * Pack sidebar: an order whose goods are picked -> packed, with the packaging it used
 * (boxes, envelopes: items of kind "packaging") taken from packaging stock. The packaging
 * Settings suggest for the order's size is preselected, quantity 1.
 */
import type { PackFormData, PackRequest, UiStrings } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { row, selectField, textField, type Field } from '../kit/fields';
import { LineTable } from '../kit/line-table';
import { button, load, number, page, section, useStrings, type Page } from '../kit/page';
import { translator, type T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';

interface PackagingLine {
  sku: Field<HTMLSelectElement>;
  qty: Field;
}

function packForm(p: Page, t: T, lang: string, data: PackFormData, reload: () => Promise<PackFormData | null>): void {
  const send = submission(p, 'pk');
  if (!data.orders.length) {
    p.body.append(h('p', { class: 'empty', 'data-empty': 'orders' }, t('form.pack.noOrders')));
    return;
  }
  const order = selectField({
    label: t('form.pack.order'), name: 'orderId', value: data.orders[0].orderId,
    options: data.orders.map((o): [string, string] => [o.orderId, t('form.pack.orderOption', { order: o.orderId, customer: o.customerName || '-', units: number(o.units, lang) })]),
  });
  const contents = h('ul', { class: 'list order-lines' });
  const lines = new LineTable<PackagingLine>({
    title: () => t('form.pack.packagingTitle'),
    empty: t('form.pack.noPackagingLines'),
    removeLabel: (line) => t('form.pack.removePackaging', { line }),
    onRemove: () => refreshPreview(),
  });
  const suggestion = h('p', { class: 'hint' });
  const preview = h('p', { class: 'preview', 'aria-live': 'polite' });
  const options: [string, string][] = [['', t('form.pack.packagingNone')], ...data.packaging.map((x): [string, string] => [x.sku, t('form.pack.packagingOption', { sku: x.sku, name: x.name, available: number(x.available, lang) })])];

  const selected = () => data.orders.find((o) => o.orderId === order.input.value) ?? data.orders[0];

  function addPackaging(sku: string): PackagingLine {
    const line: PackagingLine = {
      sku: selectField({ label: t('field.packaging'), name: 'packaging', value: sku, options }),
      qty: textField({ label: t('field.qty'), name: 'qty', value: '1', inputmode: 'decimal', class: 'tiny' }),
    };
    for (const f of [line.sku, line.qty]) {
      f.input.addEventListener('input', () => {
        f.error(null);
        refreshPreview();
      });
    }
    lines.add(line, null, row(line.sku, line.qty));
    return line;
  }

  function showOrder(): void {
    const o = selected();
    fill(contents, o.lines.map((l) => h('li', {}, t('form.pack.line', { qty: number(l.qty, lang), sku: l.sku, name: l.name }))));
    lines.clear();
    const known = data.packaging.some((x) => x.sku === o.suggested);
    addPackaging(known ? o.suggested : '');
    suggestion.textContent = known ? t('form.pack.suggested', { sku: o.suggested }) : '';
    refreshPreview();
  }

  function refreshPreview(): void {
    const used = lines.lines().filter((l) => l.sku.input.value).map((l) => `${l.qty.input.value.trim() || '?'} × ${l.sku.input.value}`);
    preview.textContent = t('form.pack.preview', { units: number(selected().units, lang), packaging: used.join(', ') || '-' });
  }

  function payload(requestId: string): [PackRequest] {
    return [{ requestId, orderId: order.input.value, packaging: lines.lines().map((l) => ({ sku: l.sku.input.value, qty: l.qty.input.value.trim() })) }];
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    order.error(null);
    lines.lines().forEach((l, i) => {
      l.sku.error(null);
      l.qty.error(null);
      lines.lineError(i + 1, null);
    });
    const r = await send.send(t('form.busy.saving'), 'packOrder', payload);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field, line) => {
        if (field === 'orderId') return { error: order.error, focusable: order.input };
        const l = field === 'packaging' && line ? lines.lines()[line - 1] : undefined;
        return l ? { error: l.sku.error, focusable: l.sku.input } : null;
      });
    }
    showChanges(p, t('form.pack.packed'), r.changes);
    const next = await reload();
    fill(p.body);
    if (next) packForm(p, t, lang, next, reload);
  }

  order.input.addEventListener('change', () => {
    send.reset();
    showOrder();
  });
  p.body.append(
    order.root, contents,
    h('section', { class: 'line-table-wrap' }, lines.root, suggestion,
      h('div', { class: 'buttons' }, button(t('form.pack.addPackaging'), () => addPackaging('').sku.input.focus()))),
    section(t('form.pack.previewTitle'), preview),
    h('div', { class: 'buttons' }, button(t('form.pack.submit'), () => void submit(), 'action', { 'data-action': 'pack' }), h('span', { class: 'hint' }, t('form.shortcut'))),
  );
  showOrder();
  order.input.focus();
}

async function main(): Promise<void> {
  const p = page('pack');
  const both = await load(p, async () => {
    const [ui, data] = await Promise.all([call('getUiStrings'), call('getPackFormData')]);
    if (!ui.ok) return ui;
    if (!data.ok) return data;
    return { ok: true as const, value: { ui: ui.value as UiStrings, data: data.value }, changes: [] };
  });
  if (!both) return;
  const t = translator(both.ui.strings);
  useStrings(t);
  document.documentElement.lang = both.ui.language;
  const reload = async () => {
    const r = await call('getPackFormData');
    return r.ok ? r.value : null;
  };
  p.main.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      p.body.querySelector<HTMLButtonElement>('button[data-action=pack]')?.click();
    }
  });
  packForm(p, t, both.ui.language, both.data, reload);
}

void main();
