/** Cancelling an order by its id: what it does is said before the button is pressed. */
import { h } from '../kit/dom';
import { textField } from '../kit/fields';
import type { Page } from '../kit/page';
import type { T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';

export interface CancelPanel {
  root: HTMLElement;
  focus(): void;
}

export function cancelPanel(p: Page, t: T): CancelPanel {
  const send = submission(p, 'cxl');
  const orderId = textField({ label: t('field.orderId'), name: 'orderId' });
  orderId.input.addEventListener('input', () => {
    // another order is another submission
    send.reset();
    orderId.error(null);
  });

  async function submit(): Promise<void> {
    p.messages.clear();
    orderId.error(null);
    const id = orderId.input.value.trim();
    if (!id) {
      orderId.error(t('err.required'));
      orderId.input.focus();
      return;
    }
    const r = await send.send(t('form.busy.saving'), 'cancelOrder', (requestId) => [{ requestId, orderId: id }]);
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r, (field) => (field === 'orderId' ? { error: orderId.error, focusable: orderId.input } : null));
    showChanges(p, t('form.orders.cancelled'), r.changes);
    orderId.input.value = '';
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void submit();
    },
  },
  h('p', { class: 'muted' }, t('form.orders.cancelIntro')),
  orderId.root,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'cancel-order' }, t('form.orders.cancelSubmit'))));
  return { root: h('div', { class: 'panel-body', 'data-panel': 'cancel' }, form), focus: () => orderId.input.focus() };
}
