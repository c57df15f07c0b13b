/**
 * The orders to ship as CSV for an outsourced warehouse: made by the server, offered here
 * as a download (a Blob URL named as the server says); the link stays in case the browser
 * held the automatic download back.
 */
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { button, section, showFailure, type Page } from '../kit/page';
import type { T } from '../kit/strings';

export function exportSection(p: Page, t: T): HTMLElement {
  const result = h('div', { class: 'export-result', 'aria-live': 'polite' });
  let url = '';

  async function run(): Promise<void> {
    p.messages.clear();
    const r = await p.busy.run(t('form.busy.loading'), () => call('exportReadyToShip'));
    if (!r) return;
    if (!r.ok) return showFailure(p, r.errors);
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([r.value.csv], { type: 'text/csv;charset=utf-8' }));
    const link = h('a', { href: url, download: r.value.fileName, class: 'download', 'data-download': r.value.fileName }, t('form.ship.download', { file: r.value.fileName }));
    fill(result, h('p', {}, t('form.ship.exported', { lines: r.value.lines })), link);
    link.click();
  }

  return section(
    t('form.ship.exportTitle'),
    h('p', { class: 'hint' }, t('form.ship.exportHint')),
    h('div', { class: 'buttons' }, button(t('form.ship.export'), () => void run(), 'secondary', { 'data-action': 'export' })),
    result,
  );
}
