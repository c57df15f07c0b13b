/**
 * Receiving against a purchase order: the sent and confirmed orders are offered; choosing
 * one fills the lines with what each PO line still awaits (ordered minus received minus
 * cancelled) at the PO's unit cost, and the receipt is sent with its `poId`.
 */
import type { PoSummary } from '../api';
import { selectField } from '../kit/fields';
import type { Field } from '../kit/fields';
import type { T, UiKey } from '../kit/strings';

export interface PoChoice {
  field: Field<HTMLSelectElement>;
  poId(): string;
  /** after a receipt: the orders as they are now, none chosen */
  reset(orders: readonly PoSummary[]): void;
}

export const OPEN_PO_STATUSES = ['sent', 'confirmed'];

/** What a PO line still awaits. */
export function remaining(l: PoSummary['lines'][number]): number {
  return Math.max(0, Number((l.qty - l.qtyReceived - l.qtyCancelled).toFixed(9)));
}

export function poChoice(t: T, initial: readonly PoSummary[], onChoose: (po: PoSummary | null) => void): PoChoice {
  let orders: PoSummary[] = [];
  const field = selectField({ label: t('form.receive.po'), name: 'poId', value: '', options: [], hint: t('form.receive.poHint') });

  function fillOptions(list: readonly PoSummary[]): void {
    orders = list.filter((o) => OPEN_PO_STATUSES.includes(o.status) && o.lines.some((l) => remaining(l) > 0));
    const options: [string, string][] = [['', t('form.receive.poNone')], ...orders.map((o): [string, string] => [o.poId, t('form.receive.poOption', {
      po: o.poId, supplier: o.supplier || '-', status: t(`poStatus.${o.status}` as UiKey),
    })])];
    field.input.replaceChildren(...options.map(([value, label]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      return option;
    }));
    field.input.value = '';
    // nothing ordered and awaited: the choice would only be noise
    field.root.hidden = orders.length === 0;
  }

  field.input.addEventListener('change', () => {
    field.error(null);
    onChoose(orders.find((o) => o.poId === field.input.value) ?? null);
  });
  fillOptions(initial);
  return { field, poId: () => field.input.value, reset: fillOptions };
}
