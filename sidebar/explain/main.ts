/**
 * "Explain this number": the ledger rows behind one Stock row, newest first, each with its
 * date, who, what (type and reference in words), the quantity and the balance after it;
 * "More" reads the next page. Opens on the Stock cell selected in the sheet
 * (explainSelection); "Use the selected cell" reads the selection again, and the fields
 * (SKU, bin, state, lot) explain any other place (explainStock).
 */
import type { ExplainRow, ExplainValue, ReceiveFormData, RpcResult } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { row, selectField, textField, type Field } from '../kit/fields';
import { suggestItems } from '../kit/items';
import { button, load, money, number, page, section, showFailure, useStrings, type Page } from '../kit/page';
import { capitalize, problemText, translator, type T, type UiKey } from '../kit/strings';
import { suggest } from '../kit/suggest';
import { placeErrors } from '../kit/errors';
import { STATES } from '../../src/domain/types';
import { normalizeBin } from '../../src/domain/text';

/** Rows per page: a sidebar shows about this many without feeling endless. */
const PAGE_SIZE = 10;

function when(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function explainForm(p: Page, t: T, data: ReceiveFormData): void {
  const lang = data.language;
  const fields: Record<'sku' | 'bin' | 'state' | 'lot', Field<HTMLInputElement | HTMLSelectElement>> = {
    sku: textField({ label: t('field.sku'), name: 'sku' }),
    bin: textField({ label: t('field.bin'), name: 'bin' }),
    state: selectField({ label: t('field.state'), name: 'state', value: 'available', options: STATES.map((s): [string, string] => [s, t(`state.${s}` as UiKey)]) }),
    lot: textField({ label: t('field.lot'), name: 'lot' }),
  };
  const skuInput = fields.sku as Field;
  suggest({
    input: skuInput.input, anchor: skuInput.root, listLabel: t('form.receive.suggestions'),
    source: (q) => suggestItems(data.items, q), text: (i) => i.sku, detail: (i) => i.name,
    onPick: (i) => {
      skuInput.input.value = i.sku;
      fields.bin.input.value = i.defaultBin;
      fields.bin.input.focus();
    },
  });
  for (const f of Object.values(fields)) f.input.addEventListener('input', () => f.error(null));
  const result = h('div', { class: 'explain', 'aria-live': 'polite' });
  /** how the shown rows were asked for, to ask for the next page the same way */
  let source: { selection: true } | { selection: false; sku: string; bin: string; state: string; lot: string } = { selection: true };

  function ask(pageNo: number): Promise<RpcResult<ExplainValue>> {
    return source.selection
      ? call('explainSelection', { page: pageNo, pageSize: PAGE_SIZE })
      : call('explainStock', { sku: source.sku, bin: source.bin, state: source.state, lot: source.lot, page: pageNo, pageSize: PAGE_SIZE });
  }

  function rowView(r: ExplainRow): HTMLElement {
    const qty = (r.qty > 0 ? '+' : '') + number(r.qty, lang);
    return h('li', { class: 'line movement', 'data-movement': r.movementId, 'data-type': r.type, tabindex: -1 },
      h('div', { class: 'line-head' }, h('span', { class: 'line-title' }, h('span', { class: 'sku' }, r.typeLabel), ' ', qty),
        h('span', { class: 'balance' }, t('form.explain.balance', { qty: number(r.balanceAfter, lang) }))),
      h('div', { class: 'reference' }, r.reference),
      h('div', { class: 'item-info' }, [when(r.time, lang), r.user, r.movementId].filter(Boolean).join(' · ')),
      r.note ? h('div', { class: 'item-info note' }, r.note) : null);
  }

  function render(v: ExplainValue): void {
    const list = h('ol', { class: 'lines movements' }, v.rows.map(rowView));
    const more = button(t('form.explain.more'), () => void nextPage(), 'secondary', { 'data-action': 'more', hidden: !v.hasMore });
    let pageNo = v.page;
    async function nextPage(): Promise<void> {
      const r = await p.busy.run(t('form.busy.loading'), () => ask(pageNo + 1));
      if (!r) return;
      if (!r.ok) return showFailure(p, r.errors);
      pageNo = r.value.page;
      const added = r.value.rows.map(rowView);
      list.append(...added);
      more.hidden = !r.value.hasMore;
      // the keyboard lands on the first row just read
      added[0]?.focus();
    }
    const place = [v.bin, t(`state.${v.state}` as UiKey), v.lot, v.expiry].filter(Boolean).join(' · ');
    fill(result, section(
      t('form.explain.title', { sku: v.sku, name: v.name }),
      h('p', { class: 'item-info place' }, place),
      h('p', { class: 'total now' }, t('form.explain.now', { qty: number(v.qty, lang), value: money(v.value, data.currency, lang) })),
      h('p', { class: 'hint' }, t('form.explain.order')),
      v.rows.length ? list : h('p', { class: 'empty' }, t('form.explain.noRows')),
      h('div', { class: 'buttons' }, more),
    ));
    fields.sku.input.value = v.sku;
    fields.bin.input.value = v.bin;
    fields.state.input.value = v.state;
    fields.lot.input.value = v.lot;
  }

  async function run(next: typeof source): Promise<void> {
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    source = next;
    const r = await p.busy.run(t('form.busy.loading'), () => ask(1));
    if (!r) return;
    if (r.ok) return render(r.value);
    fill(result);
    if (next.selection) {
      // not on the Stock tab: say so, and offer the fields
      p.messages.show('info', r.errors.map((e) => capitalize(e.message)).join(' '));
      fields.sku.input.focus();
      return;
    }
    p.messages.show('error', t('form.explain.failed'), r.errors.map((e) => e.message));
    const placed = placeErrors(r.errors, (field) => {
      const f = fields[field as keyof typeof fields];
      return f ? { error: f.error, focusable: f.input } : null;
    }, (e) => problemText(t, e));
    placed.first?.focus();
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      const v = (k: keyof typeof fields) => fields[k].input.value.trim();
      void run({ selection: false, sku: v('sku'), bin: normalizeBin(v('bin')), state: v('state'), lot: v('lot') });
    },
  },
  fields.sku.root, row(fields.bin as Field, fields.state), fields.lot.root,
  h('div', { class: 'buttons' },
    h('button', { type: 'submit', class: 'action', 'data-action': 'explain' }, t('form.explain.submit')),
    button(t('form.explain.selection'), () => void run({ selection: true }), 'secondary', { 'data-action': 'selection' })));
  p.body.append(h('p', { class: 'muted' }, t('form.explain.intro')), result, section(t('form.explain.otherTitle'), form));
  void run({ selection: true });
}

async function main(): Promise<void> {
  const p = page('explain');
  const data = await load(p, () => call('getReceiveFormData'));
  if (!data) return;
  const t = translator(data.strings);
  useStrings(t);
  document.documentElement.lang = data.language;
  explainForm(p, t, data);
}

void main();
