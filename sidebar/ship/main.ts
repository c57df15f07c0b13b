/**
 * Ship sidebar: tracking numbers per order (carrier detected as the number is typed), or a
 * pasted list from an outsourced warehouse; goods leave the stock, a Shipments row holds
 * the tracking link and the customer gets the tracking email. Plus the CSV of orders to
 * ship for that warehouse.
 */
import type { ShipFormData, UiStrings } from '../api';
import { call } from '../rpc';
import { fill } from '../kit/dom';
import { load, page, useStrings, type Page } from '../kit/page';
import { translator, type T } from '../kit/strings';
import { bulkSection } from './bulk';
import { exportSection } from './export';
import { parcelsSection } from './parcels';

function shipForm(p: Page, t: T, ui: UiStrings, first: ShipFormData): void {
  const parcelsSlot = document.createElement('div');

  const firstNumber = () => parcelsSlot.querySelector<HTMLInputElement>('input[name=trackingNumber]');

  function showParcels(data: ShipFormData): void {
    // after parcels shipped here, the next order's number is ready to be typed or scanned
    fill(parcelsSlot, parcelsSection(p, t, ui.language, data, () => void reload().then(() => firstNumber()?.focus())));
  }

  async function reload(): Promise<void> {
    const r = await call('getShipFormData');
    if (r.ok) showParcels(r.value);
  }

  p.body.append(parcelsSlot, bulkSection(p, t, () => void reload()), exportSection(p, t));
  showParcels(first);
  firstNumber()?.focus();
}

async function main(): Promise<void> {
  const p = page('ship');
  const both = await load(p, async () => {
    const [ui, data] = await Promise.all([call('getUiStrings'), call('getShipFormData')]);
    if (!ui.ok) return ui;
    if (!data.ok) return data;
    return { ok: true as const, value: { ui: ui.value, data: data.value }, changes: [] };
  });
  if (!both) return;
  const t = translator(both.ui.strings);
  useStrings(t);
  document.documentElement.lang = both.ui.language;
  shipForm(p, t, both.ui, both.data);
}

void main();
