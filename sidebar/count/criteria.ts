/**
 * What goes on a count sheet: a bin range (in walk order, one bound alone is open-ended),
 * an ABC class, items not counted for N days; criteria combine. Blind by default: the
 * counter does not see the expected quantities.
 */
import type { CountSheetValue, ReceiveFormData } from '../api';
import { h } from '../kit/dom';
import { checkboxField, row, selectField, textField, type Field } from '../kit/fields';
import type { Page } from '../kit/page';
import type { T } from '../kit/strings';
import { suggest } from '../kit/suggest';
import { showChanges, showFailed, submission } from '../kit/submission';
import { normalizeBin } from '../../src/domain/text';
import { ABC_CLASSES } from '../../src/domain/counts';

export interface CriteriaPanel {
  root: HTMLElement;
  focus(): void;
}

const FIELDS = ['binFrom', 'binTo', 'abcClass', 'notCountedDays'] as const;
type CriteriaField = (typeof FIELDS)[number];

export function criteriaPanel(p: Page, t: T, data: ReceiveFormData, onSheet: (sheet: CountSheetValue) => void): CriteriaPanel {
  const send = submission(p, 'cs');
  const fields: Record<CriteriaField, Field<HTMLInputElement | HTMLSelectElement>> = {
    binFrom: textField({ label: t('field.binFrom'), name: 'binFrom' }),
    binTo: textField({ label: t('field.binTo'), name: 'binTo' }),
    abcClass: selectField({ label: t('field.abcClass'), name: 'abcClass', value: '', options: [['', t('form.count.abcAny')], ...ABC_CLASSES.map((c): [string, string] => [c, c])] }),
    notCountedDays: textField({ label: t('form.count.notCountedDays'), name: 'notCountedDays', inputmode: 'numeric', hint: t('form.count.notCountedHint') }),
  };
  const blind = checkboxField({ label: t('form.count.blind'), name: 'blind', checked: true });
  for (const name of ['binFrom', 'binTo'] as const) {
    const f = fields[name] as Field;
    suggest({
      input: f.input, anchor: f.root, listLabel: t('field.bin'),
      source: (q) => {
        const key = normalizeBin(q);
        return key ? data.bins.filter((b) => b.startsWith(key) && b !== key).slice(0, 8) : [];
      },
      text: (b) => b,
      onPick: (b) => (f.input.value = b),
    });
    f.input.addEventListener('change', () => (f.input.value = normalizeBin(f.input.value)));
  }
  for (const f of [...Object.values(fields), blind]) {
    f.input.addEventListener('input', () => {
      f.error(null);
      send.reset();
    });
  }

  async function submit(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    const v = (k: CriteriaField) => fields[k].input.value.trim();
    const r = await send.send(t('form.busy.saving'), 'createCountSheet', (requestId) => [{
      requestId, binFrom: normalizeBin(v('binFrom')), binTo: normalizeBin(v('binTo')), abcClass: v('abcClass'), notCountedDays: v('notCountedDays'), blind: blind.input.checked,
    }]);
    if (!r) return;
    if (!r.ok) {
      // "what to count" as a whole (nothing chosen, nothing matches) belongs to the first criterion
      return showFailed(p, t, r, (field) => {
        const f = fields[(field === 'criteria' ? 'binFrom' : field) as CriteriaField];
        return f ? { error: f.error, focusable: f.input } : null;
      });
    }
    showChanges(p, t('form.count.sheetMade'), r.changes);
    onSheet(r.value);
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void submit();
    },
  },
  h('p', { class: 'muted' }, t('form.count.intro')),
  row(fields.binFrom, fields.binTo), row(fields.abcClass, fields.notCountedDays), blind.root, h('p', { class: 'hint blind-hint' }, t('form.count.blindHint')),
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'make-sheet' }, t('form.count.make'))));
  return { root: h('section', { class: 'criteria' }, form), focus: () => fields.binFrom.input.focus() };
}
