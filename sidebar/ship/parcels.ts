/**
 * The orders ready to ship, one card each: carrier and tracking number. Only the orders
 * with a number typed are shipped; a bad line ships nothing (the server checks them all).
 */
import type { RpcError, ShipFormData, ShipRequest } from '../api';
import { call } from '../rpc';
import { h } from '../kit/dom';
import type { ErrorTarget } from '../kit/errors';
import { textField, type Field } from '../kit/fields';
import { button, number, section, type Page } from '../kit/page';
import { problemText, type T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { carrierChoice, type CarrierChoice } from './carrier';

interface Parcel {
  orderId: string;
  root: HTMLElement;
  tracking: Field;
  carrier: CarrierChoice;
  error: HTMLElement;
}

export function parcelsSection(p: Page, t: T, lang: string, data: ShipFormData, onShipped: () => void): HTMLElement {
  const send = submission(p, 'sh');
  const preview = h('p', { class: 'preview', 'aria-live': 'polite' });
  const parcels: Parcel[] = data.orders.map((o) => {
    const tracking = textField({ label: t('field.trackingNumber'), name: 'trackingNumber' });
    const carrier = carrierChoice(t, data.carriers, (n) => call('detectCarrier', n));
    const error = h('div', { class: 'field-error line-error', hidden: true });
    tracking.input.addEventListener('input', () => {
      tracking.error(null);
      send.reset();
      carrier.numberChanged(tracking.input.value);
      refreshPreview();
    });
    const info = [t('form.ship.units', { units: number(o.units, lang) }), o.status, o.email].filter(Boolean).join(' · ');
    const root = h('li', { class: 'line parcel', 'data-order': o.orderId },
      h('div', { class: 'line-head' }, h('span', { class: 'line-title' }, h('span', { class: 'sku' }, o.orderId), ' ', o.customerName)),
      h('div', { class: 'item-info' }, info),
      error,
      tracking.root, carrier.candidates, carrier.select.root);
    return { orderId: o.orderId, root, tracking, carrier, error };
  });

  const typed = () => parcels.filter((x) => x.tracking.input.value.trim() !== '');

  function refreshPreview(): void {
    const n = typed().length;
    preview.textContent = n ? t('form.ship.preview', { count: n }) : t('form.ship.previewNone');
  }

  function lineError(x: Parcel, message: string | null): void {
    x.error.textContent = message ?? '';
    x.error.hidden = !message;
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    parcels.forEach((x) => {
      x.tracking.error(null);
      lineError(x, null);
    });
    const sent = typed();
    if (!sent.length) {
      p.messages.show('error', t('form.ship.noneTyped'));
      parcels[0]?.tracking.input.focus();
      return;
    }
    const payload = (requestId: string): [ShipRequest] => [{
      requestId, shipments: sent.map((x) => ({ orderId: x.orderId, carrier: x.carrier.value(), trackingNumber: x.tracking.input.value.trim() })),
    }];
    const r = await send.send(t('form.busy.saving'), 'shipOrders', payload);
    if (!r) return;
    if (!r.ok) {
      const target = (field: string, line?: number): ErrorTarget | null => {
        const x = line ? sent[line - 1] : undefined;
        if (!x) return null;
        if (field === 'trackingNumber') return { error: x.tracking.error, focusable: x.tracking.input };
        return { error: (m) => lineError(x, m), focusable: x.tracking.input };
      };
      return showFailed(p, t, r, target, (e: RpcError) => problemText(t, e));
    }
    showChanges(p, t('form.ship.shipped'), r.changes);
    onShipped();
  }

  const root = section(
    t('form.ship.ordersTitle', { count: parcels.length }),
    parcels.length ? h('p', { class: 'hint' }, t('form.ship.intro')) : h('p', { class: 'empty', 'data-empty': 'orders' }, t('form.ship.noOrders')),
    h('ol', { class: 'lines parcels' }, parcels.map((x) => x.root)),
    parcels.length ? preview : null,
    parcels.length ? h('div', { class: 'buttons' }, button(t('form.ship.submit'), () => void submit(), 'action', { 'data-action': 'ship' }), h('span', { class: 'hint' }, t('form.shortcut'))) : null,
  );
  root.classList.add('parcels-section');
  // another carrier or number is another submission
  root.addEventListener('change', () => send.reset());
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  });
  refreshPreview();
  return root;
}
