/**
 * Orders sidebar: a new order typed by hand, a marketplace export imported, an order
 * cancelled, one tab each. Opens with the items (for SKU suggestions), the strings and the
 * column mapping remembered for order files in no known format.
 */
import type { FormItem } from '../api';
import { call } from '../rpc';
import { load, page, useStrings } from '../kit/page';
import { translator } from '../kit/strings';
import { tabs } from '../kit/tabs';
import { cancelPanel } from './cancel';
import { importPanel } from './import';
import { manualOrder } from './manual';

async function main(): Promise<void> {
  const p = page('orders');
  const data = await load(p, async () => {
    const [form, mapping] = await Promise.all([call('getReceiveFormData'), call('getImportMapping')]);
    if (!form.ok) return form;
    if (!mapping.ok) return mapping;
    return { ok: true as const, value: { form: form.value, mapping: mapping.value.mapping }, changes: [] };
  });
  if (!data) return;
  const t = translator(data.form.strings);
  useStrings(t);
  document.documentElement.lang = data.form.language;
  // any item may be ordered except inactive ones, which the server leaves out already
  const items: FormItem[] = data.form.items;
  const manual = manualOrder(p, t, () => items);
  const imports = importPanel(p, t, data.mapping);
  const cancel = cancelPanel(p, t);
  const bar = tabs(t('form.orders.tabs'), [
    { id: 'new', label: t('form.orders.tabNew'), panel: manual.root },
    { id: 'import', label: t('form.orders.tabImport'), panel: imports.root },
    { id: 'cancel', label: t('form.orders.tabCancel'), panel: cancel.root },
  ], () => p.messages.clear());
  p.body.append(bar.root, manual.root, imports.root, cancel.root);
  manual.focus();
}

void main();
