/**
 * The lines of a write-off or a move: where the stock is (SKU or barcode with suggestions,
 * bin, state, lot) and how much, plus for a move where it goes (bin, state: only the state
 * changes a person may make, from the domain's rule). Keyboard as in the receive form:
 * SKU, Enter, quantity, Enter adds the line; the lines can still be edited.
 */
import type { ReceiveFormData, RpcError } from '../api';
import { h } from '../kit/dom';
import type { ErrorTarget } from '../kit/errors';
import { row, selectField, textField, type Field } from '../kit/fields';
import { findItem, suggestItems } from '../kit/items';
import { LineTable } from '../kit/line-table';
import { button } from '../kit/page';
import { problemText, type T, type UiKey } from '../kit/strings';
import { suggest } from '../kit/suggest';
import { ORDER_STATES, STATE_CHANGES } from '../../src/domain/adjustments';
import { STATES, type StockState } from '../../src/domain/types';
import { normalizeBin } from '../../src/domain/text';

export interface PlaceDraft {
  sku: string;
  name: string;
  bin: string;
  state: StockState;
  lot: string;
  qty: Field;
  toBin?: Field;
  toState?: Field<HTMLSelectElement>;
}

export interface PlaceLines {
  root: HTMLElement;
  lines(): PlaceDraft[];
  /** add what is typed in the entry (if anything); false when it is incomplete */
  flush(): boolean;
  clear(): void;
  clearErrors(): void;
  /** where an RPC error of a sent line goes */
  target(field: string, line?: number): ErrorTarget | null;
  errorText(e: RpcError): string;
  focus(): void;
}

/** States a person may take stock from (picked and packed goods belong to orders). */
export const HAND_STATES = STATES.filter((s) => !ORDER_STATES.includes(s));

export function placeLines(t: T, data: ReceiveFormData, move: boolean, onChange: () => void): PlaceLines {
  const stateOptions = (list: readonly StockState[]): [string, string][] => list.map((s) => [s, t(`state.${s}` as UiKey)]);
  const sku = textField({ label: t('field.sku'), name: 'sku' });
  const bin = textField({ label: t('field.bin'), name: 'bin' });
  const state = selectField({ label: t('field.state'), name: 'state', value: 'available', options: stateOptions(HAND_STATES) });
  const lot = textField({ label: t('field.lot'), name: 'lot' });
  const qty = textField({ label: t('field.qty'), name: 'qty', inputmode: 'decimal', class: 'narrow' });
  const entryFields = [sku, bin, state, lot, qty];

  suggest({
    input: sku.input, anchor: sku.root, listLabel: t('form.receive.suggestions'),
    source: (q) => suggestItems(data.items, q), text: (i) => i.sku, detail: (i) => i.name,
    onPick: (i) => {
      sku.input.value = i.sku;
      bin.input.focus();
    },
  });
  suggest({
    input: bin.input, anchor: bin.root, listLabel: t('field.bin'),
    source: (q) => (normalizeBin(q) ? data.bins.filter((b) => b.includes(normalizeBin(q)) && b !== normalizeBin(q)).slice(0, 8) : []),
    text: (b) => b, onPick: (b) => (bin.input.value = b),
  });
  suggest({
    input: lot.input, anchor: lot.root, listLabel: t('field.lot'),
    source: (q) => data.lots.filter((l) => l.sku.toLowerCase() === sku.input.value.trim().toLowerCase() && l.lot.toLowerCase().includes(q.trim().toLowerCase())).map((l) => l.lot),
    text: (l) => l, onPick: (l) => (lot.input.value = l),
  });

  const table = new LineTable<PlaceDraft>({
    title: (count) => t('form.stock.lines', { count }),
    empty: t('form.stock.noLines'),
    removeLabel: (line) => t('form.receive.removeLine', { line }),
    onRemove: (focusAfter) => {
      onChange();
      if (!focusAfter) sku.input.focus();
    },
  });

  function problem(f: Field<HTMLInputElement | HTMLSelectElement>, message: string): false {
    f.error(message);
    f.input.focus();
    return false;
  }

  function flush(): boolean {
    entryFields.forEach((f) => f.error(null));
    const code = sku.input.value.trim();
    if (!code && !qty.input.value.trim() && !bin.input.value.trim()) return true;
    if (!code) return problem(sku, t('err.required'));
    const item = findItem(data.items, code);
    if (!item) return problem(sku, t('err.unknown_sku', { value: code }));
    if (!normalizeBin(bin.input.value)) return problem(bin, t('err.required'));
    if (!qty.input.value.trim()) return problem(qty, t('err.required'));
    const from = state.input.value as StockState;
    const draft: PlaceDraft = {
      sku: item.sku, name: item.name, bin: normalizeBin(bin.input.value), state: from, lot: lot.input.value.trim(),
      qty: textField({ label: t('field.qty'), name: 'qty', value: qty.input.value.trim(), inputmode: 'decimal', class: 'narrow' }),
    };
    const body: HTMLElement[] = [];
    if (move) {
      draft.toBin = textField({ label: t('field.toBin'), name: 'toBin', placeholder: draft.bin });
      draft.toState = selectField({ label: t('field.toState'), name: 'toState', value: from, options: stateOptions([from, ...STATE_CHANGES[from]]) });
      body.push(row(draft.qty, draft.toBin), draft.toState.root);
    } else body.push(row(draft.qty, null));
    for (const f of [draft.qty, draft.toBin, draft.toState]) {
      f?.input.addEventListener('input', () => {
        f.error(null);
        onChange();
      });
    }
    const toBin = draft.toBin;
    toBin?.input.addEventListener('change', () => {
      toBin.input.value = normalizeBin(toBin.input.value);
    });
    const where = [draft.bin, t(`state.${from}` as UiKey), draft.lot].filter(Boolean).join(' · ');
    table.add(draft, [h('span', { class: 'sku' }, draft.sku), ' ', where], body);
    for (const f of entryFields) if (f !== state) f.input.value = '';
    state.input.value = 'available';
    onChange();
    return true;
  }

  const entry = h('section', { class: 'entry' },
    h('p', { class: 'hint' }, t(move ? 'form.stock.moveHint' : 'form.stock.entryHint')),
    sku.root, row(bin, state), row(lot, qty),
    h('div', { class: 'buttons' }, button(t('form.receive.addLine'), () => {
      if (flush() && table.lines().length) sku.input.focus();
    }, 'secondary', { 'data-action': 'add-line' })));
  entry.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.defaultPrevented || target.tagName === 'BUTTON') return;
    e.preventDefault();
    if (target === sku.input && findItem(data.items, sku.input.value)) bin.input.focus();
    else if (flush()) sku.input.focus();
  });

  const fieldOf = (d: PlaceDraft, field: string): Field<HTMLInputElement | HTMLSelectElement> | undefined =>
    field === 'qty' ? d.qty : field === 'toBin' ? d.toBin : field === 'toState' ? d.toState : undefined;

  return {
    root: h('div', {}, entry, table.root),
    lines: () => table.lines(),
    flush,
    clear: () => table.clear(),
    clearErrors() {
      table.lines().forEach((d, i) => {
        table.lineError(i + 1, null);
        [d.qty, d.toBin, d.toState].forEach((f) => f?.error(null));
      });
    },
    target(field, line) {
      const d = line ? table.lines()[line - 1] : undefined;
      if (!d || !line) return null;
      const f = fieldOf(d, field);
      if (f) return { error: f.error, focusable: f.input };
      return { error: (m) => table.lineError(line, m), focusable: d.qty.input };
    },
    errorText(e) {
      const atInput = ['qty', 'toBin', 'toState'].includes(e.field);
      return atInput ? problemText(t, e) : t('error.at', { field: t(`field.${e.field}` as UiKey), problem: problemText(t, e) });
    },
    focus: () => sku.input.focus(),
  };
}
