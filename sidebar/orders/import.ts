/**
 * Importing a marketplace export: the file is read here as text (UTF-8, else Windows-1252)
 * and sent with the chosen source. A file in no known format gets the column picker, built
 * from the headers the server read; the chosen columns are remembered server-side and sent
 * with every later import, so the next file from the same shop goes straight in.
 */
import type { GenericMapping, ImportValue } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { selectField, textField } from '../kit/fields';
import { button, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { columnPicker, type ColumnPicker } from './column-picker';
import { readFileText, type FileText } from './file-text';

const SOURCES = ['shopify', 'woocommerce', 'etsy', 'amazon', 'generic'] as const;

export interface ImportPanel {
  root: HTMLElement;
  focus(): void;
}

/** The picker is needed when no format was recognised, or the remembered columns are not in this file. */
export function needsColumns(v: ImportValue): boolean {
  return v.problems.some((x) => x.code === 'unknown_format' || (x.code === 'missing_column' && v.source === 'generic'));
}

export function importPanel(p: Page, t: T, remembered: GenericMapping | null): ImportPanel {
  const send = submission(p, 'imp');
  let mapping = remembered;
  let file: FileText | null = null;
  let picker: ColumnPicker | null = null;

  const fileField = textField({ label: t('form.orders.file'), name: 'text', type: 'file', hint: t('form.orders.fileHint') });
  fileField.input.accept = '.csv,.txt,.tsv,text/csv,text/plain';
  const source = selectField({
    label: t('form.orders.source'), name: 'source', value: '',
    options: [['', t('form.orders.sourceAuto')], ...SOURCES.map((s): [string, string] => [s, t(`channel.${s}` as UiKey)])],
  });
  const note = h('p', { class: 'hint', 'aria-live': 'polite' });
  const pickerSlot = h('div');
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });

  /** the file being read: an import pressed meanwhile waits for it */
  let reading: Promise<void> = Promise.resolve();
  fileField.input.addEventListener('change', () => {
    reading = load();
  });
  source.input.addEventListener('change', () => {
    send.reset();
    closePicker();
  });

  async function load(): Promise<void> {
    send.reset();
    closePicker();
    fileField.error(null);
    note.textContent = '';
    file = null;
    const chosen = fileField.input.files?.[0];
    if (!chosen) return;
    try {
      file = await readFileText(chosen);
      if (file.encoding === 'windows-1252') note.textContent = t('form.orders.readAs1252');
    } catch (e) {
      fileField.error(t('form.orders.readFailed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  function closePicker(): void {
    picker = null;
    fill(pickerSlot);
  }

  function openPicker(headers: string[]): void {
    picker = columnPicker(t, headers, mapping, () => void importWithColumns());
    fill(pickerSlot, picker.root);
    picker.focus();
  }

  async function run(chosenSource: string, withMapping: GenericMapping | null): Promise<void> {
    p.messages.clear();
    await reading;
    if (!file) {
      fileField.error(t('err.required'));
      fileField.input.focus();
      return;
    }
    const text = file.text;
    const r = await send.send(t('form.busy.saving'), 'importOrders', (requestId) => [{
      requestId, text, source: chosenSource, ...(withMapping ? { mapping: withMapping } : {}),
    }]);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field) => (field === 'text' ? { error: fileField.error, focusable: fileField.input } : null));
    }
    if (needsColumns(r.value)) {
      // nothing was imported: the columns come first, the counts would only say zero
      fill(result);
      p.messages.show('info', t('form.orders.chooseColumns'));
      openPicker(r.value.headers);
      return;
    }
    closePicker();
    showResult(r.value);
    showChanges(p, t('form.orders.importDone'), r.changes);
  }

  /** The columns as chosen: remembered first (so a mistake in them is caught before importing), then the import. */
  async function importWithColumns(): Promise<void> {
    if (!picker || p.busy.active) return;
    const current = picker;
    current.clearErrors();
    const chosen = current.read();
    const saved = await p.busy.run(t('form.busy.saving'), () => call('saveImportMapping', chosen));
    if (!saved) return;
    if (!saved.ok) return showFailed(p, t, saved, (field) => current.target(field));
    mapping = saved.value.mapping;
    send.reset();
    await run('generic', mapping);
  }

  function showResult(v: ImportValue): void {
    const from = v.source === 'unknown' ? '' : t(`channel.${v.source}` as UiKey);
    fill(
      result,
      h('h2', { class: 'section-title' }, from ? t('form.orders.importedFrom', { source: from }) : t('form.orders.importResult')),
      h('ul', { class: 'list counts' },
        h('li', { 'data-count': 'added' }, t('form.orders.resultAdded', { added: v.added, orders: v.orders })),
        h('li', { 'data-count': 'duplicates' }, t('form.orders.resultDuplicates', { count: v.duplicates })),
        h('li', { 'data-count': 'cancelled' }, t('form.orders.resultCancelled', { count: v.cancelled })),
        h('li', { 'data-count': 'fulfilled' }, t('form.orders.resultFulfilled', { count: v.fulfilled })),
      ),
      v.problems.length ? [
        h('h2', { class: 'section-title' }, t('form.orders.problemsTitle', { count: v.problems.length })),
        h('ul', { class: 'list problems' }, v.problems.map((x) => h('li', { 'data-row': x.row, 'data-code': x.code }, x.message))),
      ] : null,
    );
  }

  const root = h(
    'div',
    { class: 'panel-body', 'data-panel': 'import' },
    fileField.root, note, source.root,
    h('div', { class: 'buttons' }, button(t('form.orders.import'), () => void run(source.input.value, mapping), 'action', { 'data-action': 'import' })),
    pickerSlot,
    result,
  );
  return { root, focus: () => fileField.input.focus() };
}
