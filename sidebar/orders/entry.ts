/**
 * The line being typed into a new order: SKU (with suggestions), quantity, unit price.
 * Keyboard flow as in the receive form: SKU, Enter -> quantity, Enter -> the line is added
 * and the SKU field is ready for the next one. Only known items can be ordered.
 */
import type { FormItem } from '../api';
import { h } from '../kit/dom';
import { row, textField, type Field } from '../kit/fields';
import { findItem, suggestItems } from '../kit/items';
import { button } from '../kit/page';
import type { T } from '../kit/strings';
import { suggest } from '../kit/suggest';

export interface OrderLineDraft {
  item: FormItem;
  qty: string;
  unitPrice: string;
}

export interface OrderEntry {
  root: HTMLElement;
  focus(): void;
  /** something typed that is not a line yet */
  pending(): boolean;
  /** add the line being typed; false (with the problem shown) when it is not complete */
  addLine(): boolean;
  reset(): void;
}

export function orderEntry(t: T, items: () => FormItem[], onAdd: (line: OrderLineDraft) => void): OrderEntry {
  const sku = textField({ label: t('field.sku'), name: 'sku' });
  const qty = textField({ label: t('field.qty'), name: 'qty', inputmode: 'decimal', class: 'narrow' });
  const price = textField({ label: t('field.unitPrice'), name: 'unitPrice', inputmode: 'decimal' });
  const info = h('div', { class: 'item-info', 'aria-live': 'polite' });
  const fields = [sku, qty, price];
  let item: FormItem | null = null;

  suggest({
    input: sku.input, anchor: sku.root, listLabel: t('form.orders.suggestions'),
    source: (q) => suggestItems(items(), q),
    text: (i) => i.sku,
    detail: (i) => i.name,
    onPick: (i) => {
      setItem(i);
      qty.input.focus();
    },
  });

  function setItem(i: FormItem | null): void {
    item = i;
    info.textContent = i ? i.name : '';
    if (i) {
      sku.input.value = i.sku;
      sku.error(null);
    }
  }

  /** Resolve the typed code; true when it names an item. */
  function commitCode(): boolean {
    const code = sku.input.value.trim();
    if (!code) return problem(sku, t('err.required'));
    if (item) return true;
    const found = findItem(items(), code);
    if (!found) return problem(sku, t('err.unknown_sku', { value: code }));
    setItem(found);
    return true;
  }

  function problem(f: Field, text: string): false {
    f.error(text);
    f.input.focus();
    return false;
  }

  function reset(): void {
    for (const f of fields) {
      f.input.value = '';
      f.error(null);
    }
    setItem(null);
  }

  function addLine(): boolean {
    fields.forEach((f) => f.error(null));
    if (!commitCode() || !item) return false;
    if (!qty.input.value.trim()) return problem(qty, t('err.required'));
    onAdd({ item, qty: qty.input.value.trim(), unitPrice: price.input.value.trim() });
    reset();
    sku.input.focus();
    return true;
  }

  sku.input.addEventListener('input', () => {
    if (item) setItem(null);
    sku.error(null);
  });

  const root = h(
    'section',
    { class: 'entry' },
    h('h2', { class: 'section-title' }, t('form.orders.entryTitle')),
    h('p', { class: 'hint' }, t('form.orders.entryHint')),
    sku.root, info, row(qty, price),
    h('div', { class: 'buttons' }, button(t('form.orders.addLine'), () => addLine())),
  );
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    if ((e.target as HTMLElement).tagName === 'BUTTON') return;
    e.preventDefault();
    if (e.target === sku.input) {
      if (commitCode()) {
        qty.input.focus();
        qty.input.select();
      }
    } else addLine();
  });

  return {
    root,
    focus: () => sku.input.focus(),
    pending: () => fields.some((f) => f.input.value.trim() !== ''),
    addLine,
    reset,
  };
}
