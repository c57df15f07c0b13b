/**
 * Counting a sheet: one line per place (bin, SKU, lot), in walk order, a counted quantity
 * each. Keyboard: type, Enter or Tab goes to the next line still open, Ctrl+Enter submits
 * the lines typed (others can follow later). Per line, the outcome in plain words: posted
 * (with its variance), count again because it is far from the expected quantity, or count
 * again because the place moved since the sheet was made (with those movements).
 */
import type { CountSheetValue, FormItem, StaleMovement, SubmitCountValue } from '../api';
import { fill, h } from '../kit/dom';
import { textField, type Field } from '../kit/fields';
import { button, money, number, section, type Page } from '../kit/page';
import { capitalize, type T, type UiKey } from '../kit/strings';
import { showFailed, submission } from '../kit/submission';
import { foundPanel } from './found';

export interface SheetView {
  root: HTMLElement;
  focus(): void;
  submit(): Promise<void>;
}

interface CountLine {
  line: number;
  root: HTMLElement;
  field: Field;
  status: HTMLElement;
  outcome: HTMLElement;
  posted: boolean;
}

function when(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function sheetView(p: Page, t: T, lang: string, currency: string, sheet: CountSheetValue, items: () => readonly FormItem[], onNew: () => void): SheetView {
  const send = submission(p, 'cnt');
  const preview = h('p', { class: 'preview', 'aria-live': 'polite' });
  const again = button(t('form.count.another'), onNew, 'secondary', { 'data-action': 'new-count', hidden: true });
  const submitButton = button(t('form.count.submit'), () => void submit(), 'action', { 'data-action': 'submit-count' });

  const found = foundPanel(t, lang, currency, items, () => send.reset());
  const lines: CountLine[] = sheet.lines.map((l) => {
    const field = textField({ label: t('form.count.counted'), name: 'counted', inputmode: 'decimal', class: 'narrow' });
    const status = h('span', { class: 'count-status', 'data-status': 'open' }, t('countStatus.open'));
    const outcome = h('div', { class: 'count-outcome', 'aria-live': 'polite' });
    const info = [l.name, l.lot ? (l.expiry ? t('form.count.lot', { lot: l.lot, expiry: l.expiry }) : t('form.count.lotOnly', { lot: l.lot })) : ''].filter(Boolean).join(' · ');
    const expected = l.expected === undefined ? null : h('div', { class: 'expected' }, t('form.count.expected', { qty: number(l.expected, lang), unit: l.unit }));
    const root = h('li', { class: 'line count-line', 'data-line': l.line, 'data-bin': l.bin, 'data-sku': l.sku },
      h('div', { class: 'line-head' }, h('span', { class: 'line-number' }, String(l.line)), h('span', { class: 'bin' }, l.bin),
        h('span', { class: 'line-title' }, h('span', { class: 'sku' }, l.sku))),
      h('div', { class: 'item-info count-meta' }, status, info),
      h('div', { class: 'pick-row' }, h('div', { class: 'to-pick' }, expected), field.root),
      outcome);
    const line: CountLine = { line: l.line, root, field, status, outcome, posted: false };
    field.input.addEventListener('input', () => {
      field.error(null);
      send.reset();
      refresh();
    });
    field.input.addEventListener('focus', () => field.input.select());
    return line;
  });

  const open = () => lines.filter((l) => !l.posted);
  const typed = () => open().filter((l) => l.field.input.value.trim() !== '');

  function refresh(): void {
    preview.textContent = t('form.count.preview', { typed: typed().length, open: open().length });
  }

  /** Enter (or Tab) goes to the next line still open; after the last, to the submit button. */
  function next(from: CountLine, back = false): void {
    const list = open();
    const i = list.indexOf(from);
    const target = list[i + (back ? -1 : 1)];
    if (target) target.field.input.focus();
    else if (!back) submitButton.focus();
  }

  function setStatus(l: CountLine, status: string): void {
    l.status.dataset.status = status;
    l.status.textContent = t(`countStatus.${status}` as UiKey);
  }

  function movementText(m: StaleMovement): string {
    return t('form.count.movement', { id: m.movementId, when: when(m.time, lang), user: m.user, type: t(`type.${m.type}` as UiKey), qty: (m.qty > 0 ? '+' : '') + number(m.qty, lang) });
  }

  function show(v: SubmitCountValue): void {
    for (const r of v.lines) {
      const l = lines[r.line - 1];
      if (!l) continue;
      setStatus(l, r.status);
      if (r.status === 'posted') {
        l.posted = true;
        l.field.input.disabled = true;
        const variance = r.variance ?? 0;
        fill(l.outcome, h('p', { class: 'muted' }, variance === 0
          ? t('form.count.postedSame', { qty: number(r.counted, lang) })
          : t('form.count.postedVariance', { variance: (variance > 0 ? '+' : '') + number(variance, lang), expected: number(r.expected ?? 0, lang), counted: number(r.counted, lang) })));
        continue;
      }
      // count again: the box is emptied for the new count; the message says why
      l.field.input.value = '';
      fill(l.outcome,
        h('p', { class: 'short-hint', 'data-code': r.code ?? '' }, capitalize(r.message ?? '')),
        r.movements?.length ? h('ul', { class: 'list movements' }, r.movements.map((m) => h('li', {}, movementText(m)))) : null);
    }
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    lines.forEach((l) => l.field.error(null));
    found.clearErrors();
    const sent = typed();
    const extra = found.pending();
    if (!sent.length && !extra.length) {
      p.messages.show('error', t('form.count.noneTyped'));
      open()[0]?.field.input.focus();
      return;
    }
    const r = await send.send(t('form.busy.saving'), 'submitCount', (requestId) => [{
      requestId, countId: sheet.countId, lines: sent.map((l) => ({ line: l.line, counted: l.field.input.value.trim() })),
      ...(extra.length ? { found: extra } : {}),
    }]);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field, line) => {
        if (field.startsWith('found')) return line ? found.target(field, line) : null;
        const l = line ? sent[line - 1] : undefined;
        return l ? { error: l.field.error, focusable: l.field.input } : null;
      });
    }
    const v = r.value;
    show(v);
    found.show(v);
    const title = v.complete ? t('form.count.complete', { count: v.countId }) : t('form.count.partial', { count: v.countId, left: open().length });
    // lines to count again make it a note rather than a success; their messages start as sentences
    const items = [...r.changes.map((c) => capitalize(c.message)), ...(v.posted || v.found?.length ? [t('form.count.valueChange', { value: money(v.valueChange, currency, lang) })] : [])];
    p.messages.show(v.recount || v.stale ? 'info' : 'success', title, items);
    again.hidden = !v.complete;
    submitButton.hidden = v.complete;
    // a complete sheet takes no more submissions: nothing more to add to it
    const add = found.root.querySelector<HTMLElement>('button[data-action=add-found]');
    if (add) add.hidden = v.complete;
    refresh();
    const first = open()[0];
    (first ? first.field.input : again).focus();
  }

  const list = h('ol', { class: 'lines count-lines' }, lines.map((l) => l.root));
  list.addEventListener('keydown', (e) => {
    const l = lines.find((x) => x.field.input === e.target);
    if (!l) return;
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      next(l);
    }
  });
  const root = section(
    t('form.count.sheetTitle', { count: sheet.countId, lines: lines.length }),
    h('p', { class: 'hint' }, t(sheet.blind ? 'form.count.blindIntro' : 'form.count.openIntro')),
    list,
    found.root,
    preview,
    h('div', { class: 'buttons' }, submitButton, again, h('span', { class: 'hint' }, t('form.count.keysHint'))),
  );
  root.classList.add('count-sheet');
  root.dataset.count = sheet.countId;
  refresh();
  return { root, focus: () => lines[0]?.field.input.focus(), submit };
}
