/** Receive stock sidebar: opens with the items, bins and strings, then runs the form. */
import { call } from '../rpc';
import { load, page, useStrings } from '../kit/page';
import { translator } from '../kit/strings';
import { receiveForm } from './form';

async function main(): Promise<void> {
  const p = page('receive');
  const data = await load(p, () => call('getReceiveFormData'));
  if (!data) return;
  const t = translator(data.strings);
  useStrings(t);
  document.documentElement.lang = data.language;
  receiveForm(p, data, t);
}

void main();
