/**
 * Taking goods back without an order (a customer sends something back and no order is
 * found): lines of SKU (with suggestions), quantity, and expiry and lot for expiry-tracked
 * items; the reason and note of the order path. The server values them at the item's
 * current cost and puts them in quarantine at the returns bin under a new RMA, which opens
 * in the inspection and credit note tabs as the order path's do.
 */
import type { FormItem, ReturnRequest } from '../api';
import { fill, h } from '../kit/dom';
import { row, textField, type Field } from '../kit/fields';
import { button, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { itemFields, type ItemFields } from '../kit/item-fields';
import { showChanges, showFailed, submission } from '../kit/submission';
import { lineMessage, reasonAndNote } from './reason-note';
import { RETURN_REASONS } from '../../src/domain/returns/rules';

interface NoOrderLine {
  root: HTMLElement;
  sku: Field;
  qty: Field;
  expiry: Field;
  lot: Field;
  lotOf: ItemFields['lotOf'];
  error: HTMLElement;
}

export function noOrderPanel(p: Page, t: T, items: () => readonly FormItem[], open: { inspect(rmaId: string): void; credit(rmaId: string): void }): { root: HTMLElement; focus(): void } {
  const send = submission(p, 'rma');
  const lines: NoOrderLine[] = [];
  const list = h('ol', { class: 'lines no-order-lines' });
  const header = reasonAndNote(t, RETURN_REASONS.map((x) => [x, t(`returnReason.${x}` as UiKey)] as const));
  const { reason, note } = header;
  const done = h('div', { class: 'no-order-done', 'aria-live': 'polite' });

  function addLine(): NoOrderLine {
    const qty = textField({ label: t('form.returns.qty'), name: 'qty', inputmode: 'decimal', class: 'narrow' });
    const { sku, expiry, lot, tracked, info, lotOf } = itemFields(t, items, { lotHint: t('form.returns.noOrderLotHint'), next: () => qty.input });
    const error = h('div', { class: 'field-error line-error', hidden: true });
    const remove = button('✕', () => {
      lines.splice(lines.indexOf(line), 1);
      root.remove();
      send.reset();
      lines[0]?.sku.input.focus();
    }, 'secondary', { class: 'icon', 'aria-label': t('form.returns.noOrderRemove'), title: t('form.returns.noOrderRemove') });
    const root = h('li', { class: 'line panel' }, error, row(sku, qty), info, tracked, lines.length ? h('div', { class: 'buttons' }, remove) : null);
    const line: NoOrderLine = { root, sku, qty, expiry, lot, lotOf, error };
    for (const f of [sku, qty, expiry, lot]) {
      f.input.addEventListener('input', () => {
        f.error(null);
        error.hidden = true;
        send.reset();
      });
    }
    lines.push(line);
    list.appendChild(root);
    return line;
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    reason.error(null);
    note.error(null);
    lines.forEach((l) => {
      [l.sku, l.qty, l.expiry, l.lot].forEach((f) => f.error(null));
      l.error.hidden = true;
    });
    const sent = lines.filter((l) => l.sku.input.value.trim() || l.qty.input.value.trim());
    if (!sent.length) {
      p.messages.show('error', t('form.returns.noOrderNone'));
      lines[0]?.sku.input.focus();
      return;
    }
    if (!header.chosen()) return;
    const lineOf = (l: NoOrderLine) => ({ sku: l.sku.input.value.trim(), qty: l.qty.input.value.trim(), ...l.lotOf() });
    const payload = (requestId: string): [ReturnRequest] => [{ requestId, reason: reason.input.value, note: note.input.value.trim(), lines: sent.map(lineOf) }];
    const r = await send.send(t('form.busy.saving'), 'createReturn', payload);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field, line) => {
        const l = line ? sent[line - 1] : undefined;
        if (!l) return header.target(field, line);
        const f = ({ sku: l.sku, qty: l.qty, expiry: l.expiry, lot: l.lot } as Record<string, Field>)[field];
        return f ? { error: f.error, focusable: f.input } : lineMessage(l.error, l.qty.input);
      });
    }
    const rmaId = r.value.rmaId;
    showChanges(p, t('form.returns.recorded', { rma: rmaId }), r.changes);
    // a blank form for the next parcel; the new RMA ready to inspect
    lines.splice(0).forEach((l) => l.root.remove());
    addLine();
    note.input.value = '';
    fill(done, h('div', { 'data-rma': rmaId }, h('span', { class: 'sku' }, rmaId), ' ', t('form.returns.noOrderRecorded', { bin: r.value.bin }),
      h('div', { class: 'buttons' },
        button(t('form.returns.inspect', { rma: rmaId }), () => open.inspect(rmaId), 'secondary', { 'data-inspect': rmaId }),
        button(t('form.returns.creditNote'), () => open.credit(rmaId), 'secondary', { 'data-credit': rmaId }))));
    done.querySelector<HTMLButtonElement>(`button[data-inspect="${rmaId}"]`)?.focus();
  }

  reason.input.addEventListener('change', () => {
    send.reset();
    reason.error(null);
  });
  note.input.addEventListener('input', () => send.reset());
  addLine();
  const root = h('section', { class: 'section no-order', 'data-panel': 'no-order', hidden: true },
    h('h2', { class: 'section-title' }, t('form.returns.noOrderTitle')),
    h('p', { class: 'muted' }, t('form.returns.noOrderIntro')),
    list,
    h('div', { class: 'buttons' }, button(t('form.returns.noOrderAdd'), () => addLine().sku.input.focus(), 'secondary', { 'data-action': 'add-line' })),
    reason.root, note.root,
    h('div', { class: 'buttons' }, button(t('form.returns.submit'), () => void submit(), 'action', { 'data-action': 'create-return-no-order' }), h('span', { class: 'hint' }, t('form.shortcut'))),
    done);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  });
  return { root, focus: () => lines[0]?.sku.input.focus() };
}
