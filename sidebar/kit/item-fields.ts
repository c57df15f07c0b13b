/**
 * The SKU of a free line (a return without an order, an item found during a count): typed
 * or picked from the item suggestions, the item's name shown under it, and expiry and lot
 * asked only when the item tracks expiry (the server requires them then, refuses them else).
 */
import type { FormItem } from '../api';
import { h } from './dom';
import { row, textField, type Field } from './fields';
import { findItem, suggestItems } from './items';
import type { T } from './strings';
import { suggest } from './suggest';

export interface ItemFields {
  sku: Field;
  expiry: Field;
  lot: Field;
  /** the expiry and lot row, hidden unless the item tracks expiry */
  tracked: HTMLElement;
  /** the item's name, once the SKU names one */
  info: HTMLElement;
  /** the expiry and lot to send: empty for an item that does not track expiry */
  lotOf(): { expiry: string; lot: string };
}

/** `group` prefixes the RPC error fields ("found" gives "found.sku"); `next` gets the focus after a pick. */
export function itemFields(t: T, items: () => readonly FormItem[], o: { group?: string; lotHint: string; next: () => HTMLElement }): ItemFields {
  const name = (f: string) => (o.group ? `${o.group}.${f}` : f);
  const sku = textField({ label: t('field.sku'), name: name('sku') });
  const expiry = textField({ label: t('field.expiry'), name: name('expiry'), type: 'date' });
  const lot = textField({ label: t('field.lot'), name: name('lot'), hint: o.lotHint });
  const tracked = row(expiry, lot);
  const info = h('div', { class: 'item-info', 'aria-live': 'polite' });
  const tracks = () => !!findItem(items(), sku.input.value)?.tracksExpiry;
  const shape = () => {
    info.textContent = findItem(items(), sku.input.value)?.name ?? '';
    tracked.hidden = !tracks();
  };
  suggest({
    input: sku.input, anchor: sku.root, listLabel: t('form.receive.suggestions'),
    source: (q) => suggestItems(items(), q),
    text: (i) => i.sku,
    detail: (i) => i.name,
    onPick: (i) => {
      sku.input.value = i.sku;
      shape();
      o.next().focus();
    },
  });
  sku.input.addEventListener('input', shape);
  sku.input.addEventListener('change', () => {
    const item = findItem(items(), sku.input.value);
    if (item) sku.input.value = item.sku;
    shape();
  });
  shape();
  return {
    sku, expiry, lot, tracked, info,
    lotOf: () => (tracks() ? { expiry: expiry.input.value.trim(), lot: lot.input.value.trim() } : { expiry: '', lot: '' }),
  };
}
