/**
 * Receive stock sidebar: opens with the items, bins and strings, and the purchase orders
 * awaited (a receipt may be against one), then runs the form.
 */
import { call } from '../rpc';
import { load, page, useStrings } from '../kit/page';
import { translator } from '../kit/strings';
import { receiveForm } from './form';

async function main(): Promise<void> {
  const p = page('receive');
  const both = await load(p, async () => {
    const [form, pos] = await Promise.all([call('getReceiveFormData'), call('getPurchaseOrders')]);
    // without purchase orders (an older sheet) the form still receives
    return form.ok ? { ...form, value: { form: form.value, orders: pos.ok ? pos.value.orders : [] } } : form;
  });
  if (!both) return;
  const data = both.form;
  const t = translator(data.strings);
  useStrings(t);
  document.documentElement.lang = data.language;
  receiveForm(p, data, t, both.orders);
}

void main();
