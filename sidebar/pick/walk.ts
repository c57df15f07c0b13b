/**
 * A pick list on screen: the walk through the racks (sorted by bin), the totes, the
 * shortages, and per line the quantity picked, prefilled with the planned one. Keyboard:
 * Tab goes from one picked quantity to the next (nothing else in the walk takes the
 * focus), Ctrl+Enter confirms. Every line is sent, 0 included. A list nobody will walk
 * can be cancelled, after an inline "are you sure?" (Yes / No).
 */
import type { PickListValue, WalkLine } from '../api';
import { h } from '../kit/dom';
import { textField, type Field } from '../kit/fields';
import { button, number, section, type Page } from '../kit/page';
import { capitalize, type T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { pickPreview } from './model';

export interface WalkView {
  root: HTMLElement;
  focus(): void;
  confirm(): Promise<void>;
}

export function walkView(p: Page, t: T, lang: string, list: PickListValue, onDone: () => void): WalkView {
  const send = submission(p, 'pc');
  const sendCancel = submission(p, 'px');
  const inputs = new Map<number, { field: Field; short: HTMLElement }>();
  const preview = h('p', { class: 'preview', 'aria-live': 'polite' });

  function lineOf(w: WalkLine): HTMLElement {
    const field = textField({ label: t('form.pick.picked'), name: 'picked', value: String(w.qty), inputmode: 'decimal', class: 'narrow' });
    field.input.addEventListener('focus', () => field.input.select());
    const short = h('div', { class: 'short-hint', hidden: true });
    field.input.addEventListener('input', () => {
      field.error(null);
      refresh();
    });
    inputs.set(w.seq, { field, short });
    const lot = !w.lot ? '' : w.expiry ? t('form.pick.lot', { lot: w.lot, expiry: w.expiry }) : t('form.pick.lotOnly', { lot: w.lot });
    return h(
      'li',
      { class: 'line walk-line', 'data-seq': w.seq, 'data-bin': w.bin, 'data-sku': w.sku },
      h('div', { class: 'line-head' },
        h('span', { class: 'line-number' }, String(w.seq)),
        h('span', { class: 'bin' }, w.bin),
        h('span', { class: 'line-title' }, h('span', { class: 'sku' }, w.sku))),
      h('div', { class: 'item-info' }, [w.name, lot].filter(Boolean).join(' · ')),
      h('div', { class: 'pick-row' },
        h('div', { class: 'to-pick' },
          h('div', { class: 'qty-planned' }, t('form.pick.toPick', { qty: number(w.qty, lang) })),
          h('div', { class: 'totes-text' }, w.totes)),
        field.root),
      short,
    );
  }

  function refresh(): void {
    const pv = pickPreview(list.walk, (seq) => inputs.get(seq)?.field.input.value ?? '');
    for (const [seq, { short }] of inputs) {
      const s = pv.short.find((x) => x.seq === seq);
      short.hidden = !s;
      short.textContent = s ? capitalize(t('form.pick.shortBy', { missing: number(s.missing, lang) })) : '';
    }
    preview.textContent = pv.picked === null
      ? t('form.pick.previewUnknown')
      : t('form.pick.preview', { picked: number(pv.picked, lang), short: pv.short.length });
  }

  async function confirm(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    inputs.forEach(({ field }) => field.error(null));
    const r = await send.send(t('form.busy.saving'), 'confirmPick', (requestId) => [{
      requestId, pickListId: list.pickListId,
      lines: list.walk.map((w) => ({ seq: w.seq, picked: (inputs.get(w.seq)?.field.input.value ?? '').trim() })),
    }]);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field, line) => {
        const i = field === 'picked' && line !== undefined ? inputs.get(line) : undefined;
        return i ? { error: i.field.error, focusable: i.field.input } : null;
      });
    }
    const title = r.value.short.length ? t('form.pick.confirmedShort', { count: r.value.short.length }) : t('form.pick.confirmed');
    showChanges(p, title, r.changes);
    onDone();
  }

  // Cancelling the list: a secondary button, then an inline "are you sure?" (no native
  // confirm() in Apps Script sidebars). The orders go back to the choice; no stock moves.
  const cancelButton = button(t('form.pick.cancel'), () => askCancel(true), 'secondary', { 'data-action': 'cancel' });
  const noButton = button(t('form.pick.cancelNo'), () => askCancel(false), 'secondary', { 'data-action': 'cancel-no' });
  const cancelAsk = h('div', { class: 'confirm-ask', role: 'group', hidden: true },
    h('p', { class: 'hint' }, t('form.pick.cancelAsk', { id: list.pickListId })),
    h('div', { class: 'buttons' },
      button(t('form.pick.cancelYes'), () => void cancelList(), 'action', { 'data-action': 'cancel-yes' }),
      noButton));

  function askCancel(open: boolean): void {
    cancelAsk.hidden = !open;
    cancelButton.hidden = open;
    (open ? noButton : cancelButton).focus();
  }

  async function cancelList(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    const r = await sendCancel.send(t('form.busy.saving'), 'cancelPickList', (requestId) => [{ requestId, pickListId: list.pickListId }]);
    if (!r) return;
    if (!r.ok) {
      askCancel(false);
      return showFailed(p, t, r);
    }
    showChanges(p, t('form.pick.cancelled'), r.changes);
    onDone();
  }

  const root = h(
    'section',
    { class: 'pick-list', 'data-pick-list': list.pickListId },
    h('h2', { class: 'section-title' }, t('form.pick.listTitle', { id: list.pickListId })),
    h('p', { class: 'hint print-hint' }, t('form.pick.printHint')),
    list.shortages.length
      ? section(t('form.pick.shortagesTitle'), h('ul', { class: 'list shortages' }, list.shortages.map((s) => h('li', {}, s.message))))
      : null,
    section(t('form.pick.totesTitle'), h('ul', { class: 'list totes' }, list.totes.map((x) => h('li', { 'data-tote': x.tote }, t('form.pick.tote', { tote: x.tote, order: x.orderId }))))),
    section(t('form.pick.walkTitle', { count: list.walk.length }), h('ol', { class: 'lines walk' }, list.walk.map(lineOf))),
    preview,
    h('div', { class: 'buttons' },
      button(t('form.pick.confirm'), () => void confirm(), 'action', { 'data-action': 'confirm' }),
      h('span', { class: 'hint' }, t('form.pick.keysHint'))),
    h('div', { class: 'buttons cancel-list' }, cancelButton),
    cancelAsk,
  );
  refresh();
  return {
    root,
    focus: () => inputs.get(list.walk[0]?.seq ?? -1)?.field.input.focus(),
    confirm,
  };
}

