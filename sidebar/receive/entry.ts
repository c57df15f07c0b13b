/**
 * The line being entered: SKU or barcode (with suggestions), quantity, bin, unit cost, and
 * lot and expiry for expiry-tracked items only. Keyboard flow, made for a scanner:
 * scan (the scanner sends Enter) -> the quantity is focused -> type it, Enter -> the line
 * is added and the SKU field is ready for the next scan. An unknown code opens the
 * new-item panel right there.
 */
import type { FormItem, NewItemRequest, ReceiveFormData } from '../api';
import { h } from '../kit/dom';
import { checkboxField, row, selectField, textField, type Field } from '../kit/fields';
import { button, number } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { suggest } from '../kit/suggest';
import { ITEM_KINDS } from '../../src/domain/types';
import { normalizeBin, skuKey } from '../../src/domain/text';
import { findItem, suggestBins, suggestItems, tracksExpiry, type LineDraft } from './model';

export interface Entry {
  root: HTMLElement;
  focus(): void;
  /** true when something is typed that has not become a line yet */
  pending(): boolean;
  /** add the line being entered; false (with the problem shown) when it is not complete */
  addLine(): boolean;
}

export function entry(t: T, data: () => ReceiveFormData, language: string, onAdd: (line: LineDraft) => void): Entry {
  const sku = textField({ label: t('field.sku'), name: 'sku' });
  const qty = textField({ label: t('field.qty'), name: 'qty', inputmode: 'decimal', class: 'narrow' });
  const bin = textField({ label: t('field.bin'), name: 'bin' });
  const cost = textField({ label: t('field.unitCost'), name: 'unitCost', inputmode: 'decimal' });
  const lot = textField({ label: t('field.lot'), name: 'lot', hint: t('form.receive.lotHint') });
  const expiry = textField({ label: t('field.expiry'), name: 'expiry', type: 'date' });
  const info = h('div', { class: 'item-info', 'aria-live': 'polite' });
  const expiryRow = row(expiry, lot);
  expiryRow.hidden = true;
  const panel = newItemPanel(t, () => createNewItem(), () => closePanel(true));
  const fields = [sku, qty, bin, cost, lot, expiry];

  let item: FormItem | null = null;
  let newItem: NewItemRequest | null = null;

  suggest({
    input: sku.input, anchor: sku.root, listLabel: t('form.receive.suggestions'),
    source: (q) => suggestItems(data().items, q),
    text: (i) => i.sku,
    detail: (i) => i.name,
    onPick: (i) => {
      setItem(i);
      qty.input.focus();
    },
  });
  suggest({
    input: bin.input, anchor: bin.root, listLabel: t('field.bin'),
    source: (q) => suggestBins(data().bins, q),
    text: (b) => b,
    onPick: (b) => {
      bin.input.value = b;
    },
  });

  function show(current: { sku: string; name: string; kind: string; tracks: boolean; defaultBin: string; unitCost: number | null } | null, isNew = false): void {
    info.textContent = current ? t('form.receive.itemInfo', { name: current.name, kind: t(`kind.${current.kind}` as UiKey) }) : '';
    if (isNew) info.appendChild(h('span', { class: 'badge' }, t('form.receive.newItemBadge')));
    expiryRow.hidden = !current?.tracks;
    bin.input.placeholder = current?.defaultBin || data().defaultBin.toUpperCase();
    cost.input.placeholder = current && current.unitCost !== null ? number(current.unitCost, language) : '';
  }

  function setItem(i: FormItem): void {
    item = i;
    newItem = null;
    sku.input.value = i.sku;
    sku.error(null);
    closePanel(false);
    show({ ...i, tracks: i.tracksExpiry });
  }

  /** Resolve the typed code; true when the line now has an item (known or new). */
  function commitCode(): boolean {
    const code = sku.input.value.trim();
    if (!code) {
      sku.error(t('err.required'));
      sku.input.focus();
      return false;
    }
    if (item || newItem) return true;
    const found = findItem(data().items, code);
    if (found) {
      setItem(found);
      qty.input.focus();
      qty.input.select();
      return true;
    }
    panel.open(code);
    return false;
  }

  function createNewItem(): void {
    const made = panel.read();
    if (!made) return;
    newItem = made;
    item = null;
    panel.root.hidden = true;
    show({ sku: sku.input.value.trim(), name: made.name, kind: made.kind, tracks: made.tracksExpiry, defaultBin: '', unitCost: null }, true);
    qty.input.focus();
  }

  function closePanel(refocus: boolean): void {
    panel.root.hidden = true;
    if (refocus) sku.input.focus();
  }

  function reset(): void {
    for (const f of fields) {
      f.input.value = '';
      f.error(null);
    }
    item = null;
    newItem = null;
    show(null);
  }

  function addLine(): boolean {
    fields.forEach((f) => f.error(null));
    if (!commitCode()) return false;
    const tracks = tracksExpiry({ item, newItem });
    if (!qty.input.value.trim()) return problem(qty, 'err.required');
    if (tracks && !expiry.input.value) return problem(expiry, 'err.expiry_required');
    onAdd({
      code: sku.input.value.trim(), item, newItem, bin: normalizeBin(bin.input.value), qty: qty.input.value.trim(), unitCost: cost.input.value.trim(),
      lot: tracks ? lot.input.value.trim() : '', expiry: tracks ? expiry.input.value : '',
    });
    reset();
    sku.input.focus();
    return true;
  }

  function problem(f: Field, key: UiKey): false {
    f.error(t(key));
    f.input.focus();
    return false;
  }

  sku.input.addEventListener('input', () => {
    // typing over a found item starts a new lookup
    // (a new item belongs to the code it was made for, so any edit drops it)
    if (newItem || (item && skuKey(item.sku) !== skuKey(sku.input.value))) {
      item = null;
      newItem = null;
      show(null);
    }
    panel.root.hidden = true;
    sku.error(null);
  });

  const root = h(
    'section',
    { class: 'entry' },
    h('h2', { class: 'section-title' }, t('form.receive.entryTitle')),
    h('p', { class: 'hint' }, t('form.receive.entryHint')),
    sku.root, info, panel.root,
    row(qty, bin, cost), expiryRow,
    h('div', { class: 'buttons' }, button(t('form.receive.addLine'), () => addLine())),
  );
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'BUTTON') return;
    e.preventDefault();
    if (panel.root.contains(target)) createNewItem();
    else if (target === sku.input && commitCode()) qty.input.focus();
    else addLine();
  });
  panel.root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closePanel(true);
    }
  });

  return {
    root,
    focus: () => sku.input.focus(),
    pending: () => fields.some((f) => f.input.value.trim() !== ''),
    addLine,
  };
}

interface NewItemPanel {
  root: HTMLElement;
  open(code: string): void;
  /** the new item as typed, or null (with the problem shown) when its name is missing */
  read(): NewItemRequest | null;
}

function newItemPanel(t: T, onCreate: () => void, onCancel: () => void): NewItemPanel {
  const title = h('h2', { class: 'section-title' });
  const intro = h('p', { class: 'muted' });
  const name = textField({ label: t('field.newItem.name'), name: 'newItem.name' });
  const kind = selectField({ label: t('field.newItem.kind'), name: 'newItem.kind', value: 'product', options: ITEM_KINDS.map((k) => [k, t(`kind.${k}` as UiKey)]) });
  const unit = textField({ label: t('field.newItem.unit'), name: 'newItem.unit', class: 'narrow' });
  const barcode = textField({ label: t('field.newItem.barcode'), name: 'newItem.barcode' });
  const supplier = textField({ label: t('field.newItem.supplier'), name: 'newItem.supplier' });
  const tracks = checkboxField({ label: t('form.receive.tracksExpiry'), name: 'newItem.tracksExpiry' });
  const root = h(
    'div',
    { class: 'panel new-item', hidden: true, role: 'group', 'aria-label': t('form.receive.createItem') },
    title, intro, name.root, row(kind, unit), barcode.root, supplier.root, tracks.root,
    h('div', { class: 'buttons' }, button(t('form.receive.createAndContinue'), onCreate, 'action'), button(t('form.cancel'), onCancel)),
  );
  return {
    root,
    open(code) {
      title.textContent = t('form.receive.newItemTitle', { sku: code });
      intro.textContent = t('form.receive.unknownSku', { value: code });
      for (const f of [name, unit, barcode, supplier]) {
        f.input.value = '';
        f.error(null);
      }
      kind.input.value = 'product';
      tracks.input.checked = false;
      root.hidden = false;
      name.input.focus();
    },
    read() {
      const n = name.input.value.trim();
      if (!n) {
        name.error(t('err.required'));
        name.input.focus();
        return null;
      }
      name.error(null);
      return {
        name: n, barcode: barcode.input.value.trim(), kind: kind.input.value, unit: unit.input.value.trim(), decimals: '',
        unitCost: '', defaultBin: '', supplier: supplier.input.value.trim(), reorderPoint: '', tracksExpiry: tracks.input.checked,
      };
    },
  };
}
