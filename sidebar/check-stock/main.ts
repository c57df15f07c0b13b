/**
 * Check stock sidebar: runs checkStock on opening, says in plain words where the Stock tabs
 * and the Ledger disagree, and repairs them with the token the check returned (the repair
 * touches only what that check found, up to the movement it read).
 */
import type { CheckValue, Change } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { button, load, number, page, showFailure, useStrings, type Page } from '../kit/page';
import { translator, type T } from '../kit/strings';

/** A long list is cut: the first ones say enough, and the repair handles all of them. */
const SHOWN = 50;

function checkForm(p: Page, t: T, lang: string): void {
  let token = '';
  const result = h('div', { class: 'check-result', 'aria-live': 'polite' });
  const repair = button(t('form.check.repair'), () => void runRepair(), 'action', { 'data-action': 'repair', hidden: true });
  const again = button(t('form.check.again'), () => void runCheck(true), 'secondary', { 'data-action': 'check' });
  p.body.append(h('p', { class: 'muted' }, t('form.check.intro')), result, h('div', { class: 'buttons' }, repair, again));

  function render(v: CheckValue, changes: Change[]): void {
    token = v.token;
    const messages = [...v.differences.map((d) => d.message), ...v.summaryDifferences.map((d) => d.message)];
    const read = h('p', { class: 'muted' }, t('form.check.movements', { count: number(v.movements, lang), through: v.through || '-' }));
    repair.hidden = messages.length === 0;
    if (!messages.length) {
      fill(result, h('div', { class: 'message success', 'data-kind': 'check-ok' }, changes.map((c) => c.message).join(' ')), read);
      return;
    }
    fill(
      result,
      h('h2', { class: 'section-title' }, t('form.check.differences', { count: messages.length })),
      h('ul', { class: 'list differences' }, messages.slice(0, SHOWN).map((m) => h('li', {}, m))),
      messages.length > SHOWN ? h('p', {}, t('form.check.more', { count: messages.length - SHOWN })) : null,
      h('p', { class: 'hint' }, t('form.check.repairHint')),
      read,
    );
  }

  async function runCheck(clearMessages: boolean): Promise<void> {
    if (clearMessages) p.messages.clear();
    const r = await p.busy.run(t('form.busy.checking'), () => call('checkStock'));
    if (!r) return;
    if (r.ok) render(r.value, r.changes);
    else showFailure(p, r.errors);
  }

  async function runRepair(): Promise<void> {
    const r = await p.busy.run(t('form.busy.saving'), () => call('repairStock', token));
    if (!r) return;
    if (!r.ok) return showFailure(p, r.errors);
    p.messages.show('success', t('form.check.repaired'), r.changes.map((c) => c.message));
    // check again so the sidebar shows the state after the repair, not before it
    await runCheck(false);
    again.focus();
  }

  void runCheck(true);
}

async function main(): Promise<void> {
  const p = page('check-stock');
  const ui = await load(p, () => call('getUiStrings'));
  if (!ui) return;
  const t = translator(ui.strings);
  useStrings(t);
  document.documentElement.lang = ui.language;
  checkForm(p, t, ui.language);
}

void main();
