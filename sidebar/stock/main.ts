/**
 * Stock adjustments sidebar, one tab each: write stock off (any bin and state but picked
 * and packed, with a reason), lots about to expire with one action each, move stock
 * between bins and states, void a movement. Opens with the items, bins and lots for
 * suggestions (getReceiveFormData).
 */
import { call } from '../rpc';
import { load, page, useStrings } from '../kit/page';
import { translator } from '../kit/strings';
import { tabs } from '../kit/tabs';
import { adjustPanel } from './adjust';
import { expiringPanel } from './expiring';
import { voidPanel } from './void';

async function main(): Promise<void> {
  const p = page('stock');
  const data = await load(p, () => call('getReceiveFormData'));
  if (!data) return;
  const t = translator(data.strings);
  useStrings(t);
  document.documentElement.lang = data.language;
  const writeOff = adjustPanel(p, t, data, 'writeOff');
  const expiring = expiringPanel(p, t, data.language, data.currency);
  const move = adjustPanel(p, t, data, 'move');
  const voids = voidPanel(p, t);
  let current = 'write-off';
  const bar = tabs(t('form.stock.tabs'), [
    { id: 'write-off', label: t('form.stock.tabWriteOff'), panel: writeOff.root },
    { id: 'expiring', label: t('form.stock.tabExpiring'), panel: expiring.root },
    { id: 'move', label: t('form.stock.tabMove'), panel: move.root },
    { id: 'void', label: t('form.stock.tabVoid'), panel: voids.root },
  ], (id) => {
    current = id;
    p.messages.clear();
    // the expiring lots are read when their tab is first shown
    if (id === 'expiring') void expiring.load();
  });
  p.main.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    const panel = current === 'write-off' ? writeOff : current === 'move' ? move : null;
    if (!panel) return;
    e.preventDefault();
    void panel.submit();
  });
  p.body.append(bar.root, writeOff.root, expiring.root, move.root, voids.root);
  writeOff.focus();
}

void main();
