/**
 * Pick list sidebar: choose open orders -> one list for one trip through the racks, each
 * order in its tote -> walk it (print it from the Pick lists tab) -> confirm what was
 * picked. Ctrl+Enter confirms from anywhere in the form.
 */
import type { OpenPickLists, PickListValue, UiStrings } from '../api';
import { call } from '../rpc';
import { fill } from '../kit/dom';
import { load, page, useStrings, type Page } from '../kit/page';
import { translator, type T } from '../kit/strings';
import { chooseOrders } from './choose';
import { walkView, type WalkView } from './walk';

function pickForm(p: Page, ui: UiStrings, open: OpenPickLists['lists']): void {
  const t: T = translator(ui.strings);
  useStrings(t);
  document.documentElement.lang = ui.language;
  let current: WalkView | null = null;

  function choose(lists: OpenPickLists['lists']): void {
    current = null;
    fill(p.body, chooseOrders(p, t, lists, walk));
  }

  function walk(list: PickListValue): void {
    current = walkView(p, t, ui.language, list, () => void afterConfirm());
    fill(p.body, current.root);
    current.focus();
  }

  async function afterConfirm(): Promise<void> {
    const again = await call('getOpenPickLists');
    choose(again.ok ? again.value.lists : []);
  }

  p.main.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && current) {
      e.preventDefault();
      void current.confirm();
    }
  });
  choose(open);
}

async function main(): Promise<void> {
  const p = page('pick');
  const both = await load(p, async () => {
    const [ui, open] = await Promise.all([call('getUiStrings'), call('getOpenPickLists')]);
    if (!ui.ok) return ui;
    if (!open.ok) return open;
    return { ok: true as const, value: { ui: ui.value, open: open.value.lists }, changes: [] };
  });
  if (both) pickForm(p, both.ui, both.open);
}

void main();
