/**
 * Inspecting an RMA: per return line, what it holds now (its Returns rows) and one or more
 * decisions for the goods waiting (restock into a bin, repair, defective, return to vendor,
 * write off with a reason). "Split" divides a line across decisions; what is left to
 * decide is counted as quantities are typed.
 */
import type { Disposition, InspectLineRequest, Labelled, PendingStatus, ReturnableValue, WriteOffReason } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { row, selectField, textField, type Field } from '../kit/fields';
import { button, number, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { normalizeBin } from '../../src/domain/text';
import { dispositionsFor, leaves, pendingOf, splitTotals, type LineState } from './model';

export interface InspectPanel {
  root: HTMLElement;
  open(rmaId: string): Promise<void>;
  focus(): void;
}

interface Split {
  lineKey: string;
  root: HTMLElement;
  from: Field<HTMLSelectElement>;
  disposition: Field<HTMLSelectElement>;
  qty: Field;
  bin: Field;
  reason: Field<HTMLSelectElement>;
  vendorRef: Field;
}

interface Labels {
  returnsBin: string;
  dispositions: Labelled<Disposition>[];
  writeOffReasons: Labelled<WriteOffReason>[];
  reasons: Map<string, string>;
}

export function inspectPanel(p: Page, t: T, lang: string): InspectPanel {
  const rma = textField({ label: t('field.rmaId'), name: 'rmaId', hint: t('form.inspect.rmaHint') });
  const body = h('div', { class: 'rma', 'aria-live': 'polite' });
  rma.input.addEventListener('input', () => rma.error(null));

  async function open(id: string): Promise<void> {
    p.messages.clear();
    rma.error(null);
    rma.input.value = id;
    if (!id.trim()) {
      rma.error(t('err.required'));
      rma.input.focus();
      return;
    }
    const r = await p.busy.run(t('form.busy.loading'), () => call('findReturnable', { query: id.trim() }));
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r, () => ({ error: rma.error, focusable: rma.input }));
    const summary = r.value.returns.find((x) => x.rmaId.toLowerCase() === id.trim().toLowerCase());
    if (!summary) {
      fill(body);
      rma.error(t('err.unknown_return', { value: id.trim() }));
      rma.input.focus();
      return;
    }
    rma.input.value = summary.rmaId;
    const labels = labelsOf(r.value);
    for (const l of summary.lines) labels.reasons.set(l.lineKey, l.reason);
    show(summary.rmaId, summary.orderId, summary.lines, labels);
    body.querySelector<HTMLElement>('select[name=disposition]')?.focus();
  }

  function labelsOf(v: ReturnableValue): Labels {
    return { returnsBin: v.returnsBin, dispositions: v.dispositions, writeOffReasons: v.writeOffReasons, reasons: new Map() };
  }

  function show(rmaId: string, orderId: string, lines: LineState[], labels: Labels): void {
    const send = submission(p, 'insp');
    const splits: Split[] = [];
    const note = textField({ label: t('field.note'), name: 'note' });
    const totals = new Map<string, HTMLElement>();
    const reasonLabel = (code: string) => t(`returnReason.${code}` as UiKey);

    function addSplit(line: LineState, list: HTMLElement, qty: string, from?: string): Split {
      const pending = pendingOf(line);
      const fromValue = from ?? pending[0].status;
      const fromField = selectField({ label: t('field.from'), name: 'from', value: fromValue, options: pending.map((x): [string, string] => [x.status, t(`returnStatus.${x.status}` as UiKey)]) });
      const disposition = selectField({ label: t('field.disposition'), name: 'disposition', value: '', options: [] });
      const qtyField = textField({ label: t('field.qty'), name: 'qty', value: qty, inputmode: 'decimal', class: 'narrow' });
      // the hint under the bin follows the disposition (shape below)
      const bin = textField({ label: t('field.bin'), name: 'bin', hint: t('form.inspect.binRestockHint') });
      const binHint = bin.root.querySelector('.hint') as HTMLElement;
      bin.input.addEventListener('change', () => (bin.input.value = normalizeBin(bin.input.value)));
      const reason = selectField({ label: t('field.reason'), name: 'reason', value: 'damaged', options: labels.writeOffReasons.map((x): [string, string] => [x.code, x.label]) });
      const vendorRef = textField({ label: t('field.vendorRef'), name: 'vendorRef' });
      const remove = button('✕', () => {
        splits.splice(splits.indexOf(split), 1);
        root.remove();
        refresh();
        list.querySelector<HTMLElement>('input[name=qty]')?.focus();
      }, 'secondary', { class: 'icon', 'aria-label': t('form.inspect.removeSplit'), title: t('form.inspect.removeSplit') });
      const root = h('div', { class: 'split panel', 'data-split': line.lineKey },
        pending.length > 1 ? fromField.root : null,
        row(disposition, qtyField), bin.root, reason.root, vendorRef.root,
        splits.some((s) => s.lineKey === line.lineKey) ? h('div', { class: 'buttons' }, remove) : null);
      const split: Split = { lineKey: line.lineKey, root, from: fromField, disposition, qty: qtyField, bin, reason, vendorRef };

      function choices(): void {
        const allowed = dispositionsFor(fromField.input.value as PendingStatus);
        const keep = allowed.includes(disposition.input.value as Disposition) ? disposition.input.value : allowed[0];
        fill(disposition.input, allowed.map((d) => h('option', { value: d, selected: d === keep }, labels.dispositions.find((x) => x.code === d)?.label ?? d)));
        shape();
      }
      function shape(): void {
        const d = disposition.input.value;
        const out = leaves(fromField.input.value, d);
        bin.root.hidden = out;
        bin.input.placeholder = d === 'restock' ? '' : labels.returnsBin;
        binHint.textContent = d === 'restock' ? t('form.inspect.binRestockHint') : t('form.inspect.binHint', { bin: labels.returnsBin });
        reason.root.hidden = d !== 'write_off';
        vendorRef.root.hidden = !(d === 'rtv' && fromField.input.value === 'inspected');
      }
      fromField.input.addEventListener('change', choices);
      disposition.input.addEventListener('change', shape);
      for (const f of [fromField, disposition, qtyField, bin, reason, vendorRef]) {
        f.input.addEventListener('input', () => {
          f.error(null);
          send.reset();
          refresh();
        });
      }
      choices();
      splits.push(split);
      list.appendChild(root);
      return split;
    }

    function refresh(): void {
      const sums = splitTotals(lines, splits.map((s) => ({ lineKey: s.lineKey, from: s.from.input.value, qty: s.qty.input.value })));
      for (const [lineKey, el] of totals) {
        el.textContent = sums.filter((x) => x.lineKey === lineKey).map((x) => t(x.over ? 'form.inspect.over' : 'form.inspect.left', {
          status: t(`returnStatus.${x.status}` as UiKey), held: number(x.held, lang), left: number(Math.max(0, x.left), lang), given: number(x.given, lang),
        })).join(' ');
        el.classList.toggle('field-error', sums.some((x) => x.lineKey === lineKey && x.over));
      }
    }

    const cards = lines.map((line) => {
      const rows = h('ul', { class: 'list statuses' }, line.rows.map((r) => h('li', { 'data-status': r.status }, t('form.inspect.status', {
        status: t(`returnStatus.${r.status}` as UiKey), qty: number(r.qty, lang), bin: r.bin || '-',
      }))));
      const pending = pendingOf(line);
      const list = h('div', { class: 'splits' });
      const total = h('p', { class: 'hint', 'aria-live': 'polite' });
      totals.set(line.lineKey, total);
      const reason = labels.reasons.get(line.lineKey);
      const card = h('li', { class: 'line', 'data-line-key': line.lineKey, 'data-sku': line.sku },
        h('div', { class: 'line-head' }, h('span', { class: 'line-title' }, h('span', { class: 'sku' }, line.sku), ' ',
          reason ? h('span', { class: 'muted' }, t('form.inspect.reason', { reason: reasonLabel(reason) })) : null)),
        rows,
        pending.length ? [list, total, h('div', { class: 'buttons' }, button(t('form.inspect.split'), () => {
          const left = splitTotals([line], splits.map((s) => ({ lineKey: s.lineKey, from: s.from.input.value, qty: s.qty.input.value }))).find((x) => x.left > 0);
          addSplit(line, list, left ? String(left.left) : '', left?.status).qty.input.focus();
          refresh();
        }, 'secondary', { 'data-action': 'split' }))] : h('p', { class: 'muted' }, t('form.inspect.nothingPending')));
      for (const x of pending) addSplit(line, list, String(x.qty), x.status);
      return card;
    });

    async function submit(): Promise<void> {
      if (p.busy.active) return;
      p.messages.clear();
      note.error(null);
      splits.forEach((s) => [s.from, s.disposition, s.qty, s.bin, s.reason, s.vendorRef].forEach((f) => f.error(null)));
      const sent = splits.filter((s) => s.qty.input.value.trim() !== '');
      if (!sent.length) {
        p.messages.show('error', t('form.inspect.noneGiven'));
        splits[0]?.qty.input.focus();
        return;
      }
      const lineOf = (s: Split): InspectLineRequest => {
        const from = s.from.input.value;
        const d = s.disposition.input.value;
        return {
          lineKey: s.lineKey, from, disposition: d, qty: s.qty.input.value.trim(), bin: leaves(from, d) ? '' : s.bin.input.value.trim(),
          reason: d === 'write_off' ? s.reason.input.value : '', note: note.input.value.trim(), vendorRef: d === 'rtv' && from === 'inspected' ? s.vendorRef.input.value.trim() : '',
        };
      };
      const r = await send.send(t('form.busy.saving'), 'inspectReturn', (requestId) => [{ requestId, rmaId, lines: sent.map(lineOf) }]);
      if (!r) return;
      if (!r.ok) {
        return showFailed(p, t, r, (field, line) => {
          const s = line ? sent[line - 1] : undefined;
          if (!s) return field === 'note' ? { error: note.error, focusable: note.input } : null;
          const f = ({ from: s.from, disposition: s.disposition, qty: s.qty, bin: s.bin, reason: s.reason, vendorRef: s.vendorRef, note } as Record<string, Field<HTMLInputElement | HTMLSelectElement>>)[field] ?? s.qty;
          return { error: f.error, focusable: f.input };
        });
      }
      showChanges(p, t('form.inspect.recorded', { rma: rmaId }), r.changes);
      show(rmaId, orderId, r.value.statuses, labels);
    }

    const waiting = lines.some((l) => pendingOf(l).length > 0);
    fill(
      body,
      h('h2', { class: 'section-title', 'data-rma': rmaId }, t('form.inspect.title', { rma: rmaId, order: orderId || '-' })),
      h('ol', { class: 'lines inspect-lines' }, cards),
      waiting ? note.root : null,
      waiting ? h('div', { class: 'buttons' }, button(t('form.inspect.submit'), () => void submit(), 'action', { 'data-action': 'inspect' }), h('span', { class: 'hint' }, t('form.shortcut'))) : null,
    );
    body.onkeydown = (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    };
    refresh();
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void open(rma.input.value);
    },
  }, rma.root, h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary', 'data-action': 'open-rma' }, t('form.inspect.open'))));
  return { root: h('div', { 'data-panel': 'inspect' }, form, body), open, focus: () => rma.input.focus() };
}

