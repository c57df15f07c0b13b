/**
 * Count sidebar: choose what to count (a count sheet: bin range, ABC class, days since the
 * last count; blind by default), then type the counted quantities line by line. Variances
 * are posted as count movements; lines that moved meanwhile or are far off ask for a recount.
 */
import type { ReceiveFormData } from '../api';
import { call } from '../rpc';
import { fill } from '../kit/dom';
import { load, page, useStrings } from '../kit/page';
import { translator } from '../kit/strings';
import { criteriaPanel } from './criteria';
import { sheetView, type SheetView } from './sheet';

async function main(): Promise<void> {
  const p = page('count');
  const loaded = await load(p, () => call('getReceiveFormData'));
  if (!loaded) return;
  const data: ReceiveFormData = loaded;
  const t = translator(data.strings);
  useStrings(t);
  document.documentElement.lang = data.language;
  let current: SheetView | null = null;

  function choose(): void {
    current = null;
    const panel = criteriaPanel(p, t, data, (sheet) => {
      current = sheetView(p, t, data.language, data.currency, sheet, () => data.items, () => {
        p.messages.clear();
        choose();
      });
      fill(p.body, current.root);
      current.focus();
    });
    fill(p.body, panel.root);
    panel.focus();
  }

  p.main.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && current) {
      e.preventDefault();
      void current.submit();
    }
  });
  choose();
}

void main();
