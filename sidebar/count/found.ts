/**
 * "Add an item found here", at the end of a count sheet: stock of an item the sheet does not
 * list (say SOAP-LAV in bin B-2 where the ledger holds none). Each line: SKU (with the item
 * suggestions of the receive form), bin, counted; expiry and lot only for expiry-tracked
 * items; removable. The lines go with the sheet's submission (`found`); the server posts each
 * as a count gain, and its errors (fields `found.*`) land next to the field of their line.
 */
import type { FormItem, FoundCountLine, SubmitCountValue } from '../api';
import { fill, h } from '../kit/dom';
import { row, textField, type Field } from '../kit/fields';
import { button, money, number } from '../kit/page';
import type { T } from '../kit/strings';
import { itemFields, type ItemFields } from '../kit/item-fields';
import type { ErrorTarget } from '../kit/errors';

interface FoundLine {
  root: HTMLElement;
  sku: Field;
  bin: Field;
  counted: Field;
  expiry: Field;
  lot: Field;
  lotOf: ItemFields['lotOf'];
  remove: HTMLButtonElement;
  outcome: HTMLElement;
  posted: boolean;
}

export interface FoundPanel {
  root: HTMLElement;
  /** the lines to send (typed, not yet posted), in the order of `lines()` */
  pending(): FoundCountLine[];
  /** where a server error about `found.<field>` on found line `line` goes */
  target(field: string, line: number): ErrorTarget | null;
  clearErrors(): void;
  /** the result of a submission that carried `pending()` */
  show(v: SubmitCountValue): void;
}

export function foundPanel(t: T, lang: string, currency: string, items: () => readonly FormItem[], changed: () => void): FoundPanel {
  const lines: FoundLine[] = [];
  let sent: FoundLine[] = [];
  const list = h('ol', { class: 'lines found-lines' });

  function addLine(): FoundLine {
    const bin = textField({ label: t('field.bin'), name: 'found.bin', class: 'narrow' });
    const counted = textField({ label: t('form.count.counted'), name: 'found.counted', inputmode: 'decimal', class: 'narrow' });
    const { sku, expiry, lot, tracked, info, lotOf } = itemFields(t, items, { group: 'found', lotHint: t('form.count.foundLotHint'), next: () => bin.input });
    const outcome = h('div', { class: 'count-outcome', 'aria-live': 'polite' });
    const remove = button('✕', () => {
      lines.splice(lines.indexOf(line), 1);
      root.remove();
      changed();
    }, 'secondary', { class: 'icon', 'data-action': 'remove-found', 'aria-label': t('form.count.foundRemove'), title: t('form.count.foundRemove') });
    const root = h('li', { class: 'line panel found-line' }, row(sku, bin, counted), info, tracked, outcome, h('div', { class: 'buttons' }, remove));
    const line: FoundLine = { root, sku, bin, counted, expiry, lot, lotOf, remove, outcome, posted: false };
    for (const f of [sku, bin, counted, expiry, lot]) {
      f.input.addEventListener('input', () => {
        f.error(null);
        changed();
      });
    }
    lines.push(line);
    list.appendChild(root);
    return line;
  }

  const open = () => lines.filter((l) => !l.posted && (l.sku.input.value.trim() || l.counted.input.value.trim()));

  const root = h('div', { class: 'found-items' },
    h('h3', { class: 'section-title' }, t('form.count.foundTitle')),
    h('p', { class: 'hint' }, t('form.count.foundIntro')),
    list,
    h('div', { class: 'buttons' }, button(t('form.count.foundAdd'), () => addLine().sku.input.focus(), 'secondary', { 'data-action': 'add-found' })));

  return {
    root,
    pending() {
      sent = open();
      return sent.map((l) => {
        const { expiry, lot } = l.lotOf();
        const out: FoundCountLine = { sku: l.sku.input.value.trim(), bin: l.bin.input.value.trim(), counted: l.counted.input.value.trim() };
        return expiry || lot ? { ...out, expiry, lot } : out;
      });
    },
    target(field, line) {
      const l = sent[line - 1];
      if (!l) return null;
      const f = ({ 'found.sku': l.sku, 'found.bin': l.bin, 'found.counted': l.counted, 'found.expiry': l.expiry, 'found.lot': l.lot } as Record<string, Field>)[field] ?? l.sku;
      return { error: f.error, focusable: f.input };
    },
    clearErrors() {
      for (const l of lines) for (const f of [l.sku, l.bin, l.counted, l.expiry, l.lot]) f.error(null);
    },
    show(v) {
      for (const r of v.found ?? []) {
        const l = sent[r.line - 1];
        if (!l) continue;
        l.posted = true;
        for (const f of [l.sku, l.bin, l.counted, l.expiry, l.lot]) f.input.disabled = true;
        l.remove.hidden = true;
        l.root.dataset.status = 'posted';
        fill(l.outcome, h('p', { class: 'muted' }, t('form.count.foundPosted', { qty: number(r.counted, lang), value: money(r.value, currency, lang) })));
      }
      sent = [];
    },
  };
}
