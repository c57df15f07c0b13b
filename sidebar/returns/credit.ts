/**
 * The credit note of an RMA: its reference, the amount refunded (tax included) and the tax
 * rate; the tax part is shown before it is recorded, as the server computes it
 * (amount x rate / (100 + rate)). Recording again corrects it.
 */
import type { CreditNoteRequest } from '../api';
import { h } from '../kit/dom';
import { row, textField, type Field } from '../kit/fields';
import { money, type Page } from '../kit/page';
import type { T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { parseDecimal } from '../../src/domain/quantity';

export interface CreditPanel {
  root: HTMLElement;
  open(rmaId: string): void;
  focus(): void;
}

const FIELDS = ['rmaId', 'reference', 'amount', 'taxRate'] as const;
type CreditField = (typeof FIELDS)[number];

export function creditPanel(p: Page, t: T, lang: string, currency: string): CreditPanel {
  const send = submission(p, 'cn');
  const fields: Record<CreditField, Field> = {
    rmaId: textField({ label: t('field.rmaId'), name: 'rmaId' }),
    reference: textField({ label: t('field.reference'), name: 'reference', hint: t('form.credit.referenceHint') }),
    amount: textField({ label: t('form.credit.amount', { currency }), name: 'amount', inputmode: 'decimal' }),
    taxRate: textField({ label: t('form.credit.taxRate'), name: 'taxRate', inputmode: 'decimal', class: 'narrow' }),
  };
  const preview = h('p', { class: 'preview', 'aria-live': 'polite' });

  function refresh(): void {
    const amount = parseDecimal(fields.amount.input.value);
    const rate = parseDecimal(fields.taxRate.input.value.replace('%', ''));
    const rma = fields.rmaId.input.value.trim() || '?';
    const reference = fields.reference.input.value.trim() || '?';
    if (amount === null) {
      preview.textContent = t('form.credit.previewNone');
      return;
    }
    preview.textContent = rate === null
      ? t('form.credit.previewNoTax', { rma, reference, amount: money(amount, currency, lang) })
      : t('form.credit.preview', { rma, reference, amount: money(amount, currency, lang), tax: money((amount * rate) / (100 + rate), currency, lang), rate });
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    const v = (k: CreditField) => fields[k].input.value.trim();
    const payload = (requestId: string): [CreditNoteRequest] => [{ requestId, rmaId: v('rmaId'), reference: v('reference'), amount: v('amount'), taxRate: v('taxRate') }];
    const r = await send.send(t('form.busy.saving'), 'recordCreditNote', payload);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field) => {
        const f = fields[(field === 'taxAmount' ? 'taxRate' : field) as CreditField];
        return f ? { error: f.error, focusable: f.input } : null;
      });
    }
    showChanges(p, t('form.credit.recorded'), r.changes, [t('form.credit.refundTotal', { order: r.value.orderId || '-', total: money(r.value.refundTotal, currency, lang) })]);
  }

  for (const f of Object.values(fields)) {
    f.input.addEventListener('input', () => {
      f.error(null);
      send.reset();
      refresh();
    });
  }
  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void submit();
    },
  },
  h('p', { class: 'muted' }, t('form.credit.intro')),
  fields.rmaId.root, fields.reference.root, row(fields.amount, fields.taxRate), preview,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'credit-note' }, t('form.credit.submit'))));
  refresh();
  return {
    root: h('div', { 'data-panel': 'credit' }, form),
    open(rmaId) {
      fields.rmaId.input.value = rmaId;
      send.reset();
      refresh();
      fields.reference.input.focus();
    },
    focus: () => (fields.rmaId.input.value ? fields.reference : fields.rmaId).input.focus(),
  };
}
