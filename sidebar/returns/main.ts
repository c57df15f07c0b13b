/**
 * Returns sidebar: take goods back against an order, or without one (a new RMA, into
 * quarantine), inspect an RMA's lines (restock, repair, defective, return to vendor, write
 * off; a line may be split), record its credit note. One tab each; an RMA made in the first tab opens in the
 * others with one button.
 */
import { call } from '../rpc';
import { load, page, useStrings } from '../kit/page';
import { translator } from '../kit/strings';
import { tabs } from '../kit/tabs';
import { creditPanel } from './credit';
import { inspectPanel } from './inspect';
import { takeBackPanel } from './take-back';

async function main(): Promise<void> {
  const p = page('returns');
  const data = await load(p, () => call('getReceiveFormData'));
  if (!data) return;
  const t = translator(data.strings);
  useStrings(t);
  document.documentElement.lang = data.language;
  const lang = data.language;
  const inspect = inspectPanel(p, t, lang);
  const credit = creditPanel(p, t, lang, data.currency);
  const takeBack = takeBackPanel(p, t, {
    lang,
    items: data.items,
    inspect: (rmaId) => {
      bar.select('inspect');
      void inspect.open(rmaId);
    },
    credit: (rmaId) => {
      bar.select('credit');
      credit.open(rmaId);
    },
  });
  const bar = tabs(t('form.returns.tabs'), [
    { id: 'take-back', label: t('form.returns.tabTakeBack'), panel: takeBack.root },
    { id: 'inspect', label: t('form.returns.tabInspect'), panel: inspect.root },
    { id: 'credit', label: t('form.returns.tabCredit'), panel: credit.root },
  ], () => p.messages.clear());
  p.body.append(bar.root, takeBack.root, inspect.root, credit.root);
  takeBack.focus();
}

void main();
