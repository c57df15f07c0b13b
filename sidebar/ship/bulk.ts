/**
 * Shipping from a pasted list or a CSV sent back by an outsourced warehouse (order id,
 * carrier, tracking number). Like an import: good rows ship, bad rows come back with their
 * row number and the reason.
 */
import type { ShipValue } from '../api';
import { fill, h, uid } from '../kit/dom';
import { button, section, type Page } from '../kit/page';
import type { T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';

export function bulkSection(p: Page, t: T, onShipped: () => void): HTMLElement {
  const send = submission(p, 'shb');
  const id = uid('bulk');
  const text = h('textarea', { id, name: 'text', rows: 5, spellcheck: 'false', placeholder: t('form.ship.bulkPlaceholder') });
  const error = h('div', { class: 'field-error', hidden: true });
  const result = h('div', { class: 'bulk-result', 'aria-live': 'polite' });
  text.addEventListener('input', () => {
    send.reset();
    error.hidden = true;
  });

  function render(v: ShipValue): void {
    fill(
      result,
      h('h2', { class: 'section-title' }, t('form.ship.shippedTitle', { count: v.shipments.length })),
      h('ul', { class: 'list shipped' }, v.shipments.map((s) => h('li', { 'data-order': s.orderId }, t('form.ship.shippedLine', { order: s.orderId, carrier: s.carrier || '?', tracking: s.trackingNumber })))),
      v.problems.length ? [
        h('h2', { class: 'section-title' }, t('form.ship.problemsTitle', { count: v.problems.length })),
        h('ul', { class: 'list problems' }, v.problems.map((x) => h('li', { 'data-row': x.row, 'data-code': x.code }, x.message))),
      ] : null,
    );
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    fill(result);
    const pasted = text.value;
    if (!pasted.trim()) {
      error.textContent = t('form.ship.bulkEmpty');
      error.hidden = false;
      text.focus();
      return;
    }
    const r = await send.send(t('form.busy.saving'), 'shipOrders', (requestId) => [{ requestId, text: pasted }]);
    if (!r) return;
    if (!r.ok) {
      // every row was refused: the rows come back as errors with their line
      return showFailed(p, t, r, () => ({ error: (m) => { error.textContent = m ?? ''; error.hidden = !m; }, focusable: text }));
    }
    render(r.value);
    showChanges(p, t('form.ship.bulkDone', { shipped: r.value.shipments.length, problems: r.value.problems.length }), r.changes);
    text.value = '';
    onShipped();
  }

  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void submit();
    }
  });
  return section(
    t('form.ship.bulkTitle'),
    h('p', { class: 'hint' }, t('form.ship.bulkHint')),
    h('div', { class: 'field', 'data-field': 'text' }, h('label', { class: 'label', for: id }, t('form.ship.bulkLabel')), text, error),
    h('div', { class: 'buttons' }, button(t('form.ship.bulkSubmit'), () => void submit(), 'secondary', { 'data-action': 'ship-bulk' })),
    result,
  );
}
