/**
 * The receive form: the entry line, the lines to receive (editable), supplier reference
 * and note, the preview of what will be recorded, and the submission with its request id
 * (made once per submission, reused by every retry of it, new after a success).
 */
import type { PoSummary, ReceiveFormData, RpcError } from '../api';
import { call } from '../rpc';
import { h, fill } from '../kit/dom';
import { placeErrors, type ErrorTarget } from '../kit/errors';
import { row, textField, type Field } from '../kit/fields';
import { LineTable } from '../kit/line-table';
import { button, money, number, section, showErrors, type Page } from '../kit/page';
import { problemText, type T, type UiKey } from '../kit/strings';
import { normalizeBin } from '../../src/domain/text';
import { entry } from './entry';
import { findItem, newRequestId, preview, skuOf, toRequest, tracksExpiry, type LineDraft } from './model';
import { poChoice, remaining } from './po';

const LINE_FIELDS = ['qty', 'bin', 'unitCost', 'lot', 'expiry'] as const;
type LineField = (typeof LINE_FIELDS)[number];

export function receiveForm(p: Page, initial: ReceiveFormData, t: T, orders: readonly PoSummary[] = []): void {
  let data = initial;
  const lang = data.language;
  /** the id of the submission in progress: kept until it succeeds, so a retry cannot record twice */
  let requestId: string | null = null;
  const cards = new Map<LineDraft, Partial<Record<LineField, Field>>>();

  const table = new LineTable<LineDraft>({
    title: (count) => t('form.receive.lines', { count }),
    empty: t('form.receive.noLines'),
    removeLabel: (line) => t('form.receive.removeLine', { line }),
    onRemove: (focusAfter) => {
      refreshPreview();
      if (!focusAfter) add.focus();
    },
  });
  const add = entry(t, () => data, lang, (line) => {
    addCard(line);
    refreshPreview();
  });
  const supplierRef = textField({ label: t('field.supplierRef'), name: 'supplierRef', hint: t('form.receive.supplierRefHint') });
  const po = poChoice(t, orders, (chosen) => {
    if (!chosen) return refreshPreview();
    // the PO's awaited lines replace the lines typed so far
    table.clear();
    cards.clear();
    for (const l of chosen.lines) {
      const qty = remaining(l);
      if (qty <= 0) continue;
      const item = findItem(data.items, l.sku);
      addCard({ code: l.sku, item, newItem: null, bin: '', qty: String(qty), unitCost: l.unitCost === null ? '' : String(l.unitCost), lot: '', expiry: '' });
    }
    refreshPreview();
    table.root.querySelector<HTMLInputElement>('input[name=qty]')?.focus();
  });
  const note = textField({ label: t('field.note'), name: 'note' });
  const previewBody = h('div', { class: 'preview', 'aria-live': 'polite' });
  const submitButton = button(t('form.receive.submit'), () => void submit(), 'action', { 'data-action': 'submit' });

  function addCard(line: LineDraft): void {
    const fields: Partial<Record<LineField, Field>> = {};
    const make = (name: LineField, label: UiKey, o: { inputmode?: string; type?: string; placeholder?: string; class?: string } = {}): Field => {
      const f = textField({ label: t(label), name, value: line[name], ...o });
      f.input.addEventListener('input', () => {
        line[name] = f.input.value;
        f.error(null);
        refreshPreview();
      });
      // bins are stored upper-case: show them so before sending
      if (name === 'bin') f.input.addEventListener('change', () => (f.input.value = line.bin = normalizeBin(f.input.value)));
      fields[name] = f;
      return f;
    };
    const defaultBin = line.item?.defaultBin || data.defaultBin.toUpperCase();
    const cost = line.item?.unitCost;
    const body: HTMLElement[] = [row(
      make('qty', 'field.qty', { inputmode: 'decimal', class: 'narrow' }),
      make('bin', 'field.bin', { placeholder: defaultBin }),
      make('unitCost', 'field.unitCost', { inputmode: 'decimal', placeholder: cost === null || cost === undefined ? '' : number(cost, lang) }),
    )];
    if (tracksExpiry(line)) body.push(row(make('expiry', 'field.expiry', { type: 'date' }), make('lot', 'field.lot')));
    const name = line.item?.name ?? line.newItem?.name ?? '';
    const head = [
      h('span', { class: 'sku' }, skuOf(line)), ' ', name,
      line.newItem ? h('span', { class: 'badge' }, t('form.receive.newItemBadge')) : null,
    ];
    cards.set(line, fields);
    table.add(line, head, body);
  }

  function refreshPreview(): void {
    const lines = table.lines();
    if (!lines.length) return fill(previewBody, h('p', { class: 'muted' }, t('form.receive.previewEmpty')));
    const pv = preview(lines, data);
    const unknown = '?';
    fill(
      previewBody,
      h('ul', {},
        pv.newItems.map((n) => h('li', { 'data-preview': 'new-item' }, t('form.receive.previewNewItem', n))),
        pv.lines.map((l) => h('li', { 'data-preview': 'line' }, t('form.receive.previewLine', {
          sku: l.sku,
          qty: l.qty === null ? unknown : number(l.qty, lang),
          bin: l.bin || unknown,
          lotText: !l.lot ? '' : l.expiry ? t('form.receive.previewLot', { lot: l.lot, expiry: l.expiry }) : t('form.receive.previewLotOnly', { lot: l.lot }),
          value: l.value === null ? unknown : money(l.value, data.currency, lang),
        })))),
      h('p', { class: 'total' }, t('form.receive.previewTotal', { rows: pv.lines.length, value: pv.total === null ? unknown : money(pv.total, data.currency, lang) })),
    );
  }

  function clearErrors(): void {
    p.messages.clear();
    supplierRef.error(null);
    note.error(null);
    po.field.error(null);
    table.lines().forEach((line, i) => {
      table.lineError(i + 1, null);
      Object.values(cards.get(line) ?? {}).forEach((f) => f?.error(null));
    });
  }

  /** Where an RPC error goes: the input of its line, the line itself, or a payload field. */
  function target(field: string, line?: number): ErrorTarget | null {
    if (field === 'supplierRef') return { error: supplierRef.error, focusable: supplierRef.input };
    if (field === 'poId') return { error: po.field.error, focusable: po.field.input };
    if (field === 'note') return { error: note.error, focusable: note.input };
    const draft = line ? table.lines()[line - 1] : undefined;
    if (!draft || !line) return null;
    const f = cards.get(draft)?.[field as LineField];
    if (f) return { error: f.error, focusable: f.input };
    // sku and newItem.* belong to the line as a whole
    return { error: (m) => table.lineError(line, m), focusable: table.removeButton(line) };
  }

  /** At an input the problem alone; at the line, the field is named too (except the SKU, the line's title). */
  function errorText(e: RpcError): string {
    const atInput = e.field === 'supplierRef' || e.field === 'note' || e.field === 'poId' || LINE_FIELDS.includes(e.field as LineField);
    return atInput || e.field === 'sku' ? problemText(t, e) : t('error.at', { field: t(`field.${e.field}` as UiKey), problem: problemText(t, e) });
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    clearErrors();
    // a complete line still in the entry fields is part of the submission
    if (add.pending() && !add.addLine()) return;
    requestId = requestId ?? newRequestId();
    const payload = toRequest(requestId, supplierRef.input.value.trim(), note.input.value.trim(), table.lines(), po.poId());
    const result = await p.busy.run(t('form.busy.saving'), () => call('receive', payload));
    if (!result) return;
    if (result.ok) {
      requestId = null;
      p.messages.show('success', t('form.receive.recorded'), result.changes.map((c) => c.message));
      table.clear();
      cards.clear();
      supplierRef.input.value = '';
      note.input.value = '';
      refreshPreview();
      add.focus();
      void reload();
      return;
    }
    showErrors(p, t(result.retryable ? 'form.receive.retry' : 'form.receive.notRecorded'), result.errors);
    const placed = placeErrors(result.errors, target, errorText);
    (placed.first ?? p.messages.root.querySelector<HTMLElement>('.message'))?.focus();
  }

  /** After a success the items, bins and lots may have changed (a new item, a new bin), and the PO's awaited quantities. */
  async function reload(): Promise<void> {
    const [result, pos] = await Promise.all([call('getReceiveFormData'), call('getPurchaseOrders')]);
    if (result.ok) data = result.value;
    if (pos.ok) po.reset(pos.value.orders);
  }

  p.main.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  });
  p.body.append(
    po.field.root,
    add.root,
    table.root,
    h('section', { class: 'section' }, supplierRef.root, note.root),
    section(t('form.receive.previewTitle'), previewBody),
    h('div', { class: 'buttons' }, submitButton, h('span', { class: 'hint' }, t('form.receive.shortcut'))),
  );
  refreshPreview();
  add.focus();
}
