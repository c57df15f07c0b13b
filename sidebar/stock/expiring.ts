/**
 * Lots about to expire (or expired), soonest first, within N days (the Settings
 * expiry_alert_days by default), each with two actions: move it to damaged in its bin, or
 * write it off as expired. One submission per lot and action: a retry of the same one
 * keeps its request id.
 */
import type { ExpiringLotValue, ExpiringValue } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { textField } from '../kit/fields';
import { button, money, number, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { showChanges, showFailed, submission, type Submission } from '../kit/submission';

export interface ExpiringPanel {
  root: HTMLElement;
  load(): Promise<void>;
  focus(): void;
}

export function expiringPanel(p: Page, t: T, lang: string, currency: string): ExpiringPanel {
  const days = textField({ label: t('field.days'), name: 'days', inputmode: 'numeric', class: 'narrow', hint: t('form.expiring.daysHint') });
  const list = h('div', { class: 'expiring', 'aria-live': 'polite' });
  /** the submission of the last action tried, kept while the same lot and action are retried */
  let pending: { key: string; send: Submission } | null = null;
  let loaded = false;

  async function load(): Promise<void> {
    p.messages.clear();
    days.error(null);
    const r = await p.busy.run(t('form.busy.loading'), () => call('getExpiring', { days: days.input.value.trim() }));
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r, (field) => (field === 'days' ? { error: days.error, focusable: days.input } : null));
    loaded = true;
    render(r.value);
  }

  function left(l: ExpiringLotValue): string {
    if (l.daysLeft < 0) return t('form.expiring.expiredAgo', { days: -l.daysLeft });
    return l.daysLeft === 0 ? t('form.expiring.today') : t('form.expiring.daysLeft', { days: l.daysLeft });
  }

  function render(v: ExpiringValue): void {
    days.input.value = String(v.days);
    if (!v.lots.length) {
      fill(list, h('p', { class: 'empty', 'data-empty': 'lots' }, t('form.expiring.none', { days: v.days })));
      return;
    }
    fill(list, h('h2', { class: 'section-title' }, t('form.expiring.title', { count: v.lots.length, days: v.days })),
      h('ol', { class: 'lines lots' }, v.lots.map((l) => h(
        'li', { class: 'line lot', 'data-sku': l.sku, 'data-bin': l.bin, 'data-lot': l.lot, 'data-state': l.state },
        h('div', { class: 'line-head' }, h('span', { class: 'bin' }, l.bin), h('span', { class: 'line-title' }, h('span', { class: 'sku' }, l.sku), ' ', l.name)),
        h('div', { class: l.daysLeft < 0 ? 'short-hint' : 'item-info' }, t('form.expiring.lot', {
          lot: l.lot || '-', expiry: l.expiry, left: left(l), qty: number(l.qty, lang), state: t(`state.${l.state}` as UiKey), value: money(l.value, currency, lang),
        })),
        h('div', { class: 'buttons' },
          l.state === 'damaged' ? null : button(t('form.expiring.toDamaged'), () => void act(l, 'damage'), 'secondary', { 'data-action': 'damage' }),
          button(t('form.expiring.writeOff'), () => void act(l, 'write_off'), 'secondary', { 'data-action': 'write-off' })),
      ))));
  }

  async function act(l: ExpiringLotValue, action: 'damage' | 'write_off'): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    const key = [action, l.sku, l.bin, l.state, l.lot].join('|');
    if (!pending || pending.key !== key) pending = { key, send: submission(p, 'exp') };
    const r = await pending.send.send(t('form.busy.saving'), 'expiryAction', (requestId) => [{
      requestId, action, days: days.input.value.trim(), lots: [{ sku: l.sku, bin: l.bin, state: l.state, lot: l.lot }],
    }]);
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r);
    pending = null;
    showChanges(p, t(action === 'damage' ? 'form.expiring.damaged' : 'form.expiring.writtenOff'), r.changes);
    const again = await call('getExpiring', { days: days.input.value.trim() });
    if (again.ok) render(again.value);
    list.querySelector<HTMLButtonElement>('button')?.focus();
  }

  days.input.addEventListener('input', () => days.error(null));
  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void load();
    },
  }, h('p', { class: 'muted' }, t('form.expiring.intro')), days.root,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary', 'data-action': 'show-expiring' }, t('form.expiring.show'))));
  return {
    root: h('div', { 'data-panel': 'expiring' }, form, list),
    load: () => (loaded ? Promise.resolve() : load()),
    focus: () => days.input.focus(),
  };
}
