/**
 * The hourly checks switch: what runs now, in plain words from the server ("on, run by
 * you", "on, owned by X"...), the last run, and one button: turn on, turn off, or (for a
 * teammate of the owner) ask the owner's trigger to stop.
 */
import type { HourlyStatus } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { button, section, type Page } from '../kit/page';
import type { T } from '../kit/strings';
import { showChanges, showFailed } from '../kit/submission';

export interface HourlySection {
  root: HTMLElement;
  status(): HourlyStatus;
}

function when(ms: number, lang: string): string {
  return new Date(ms).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function hourlySection(p: Page, t: T, lang: string, initial: HourlyStatus): HourlySection {
  let current = initial;
  const body = h('div', { class: 'hourly', 'aria-live': 'polite' });

  function render(): void {
    const s = current;
    // on and nobody asked to stop it: off (owner) or ask to stop (teammate); else turn on
    const running = s.on && !s.offRequestedBy;
    const label = !running ? t('form.hourly.turnOn') : s.mine || !s.owner ? t('form.hourly.turnOff') : t('form.hourly.askStop');
    const last = s.lastRun
      ? h('p', { class: 'muted', 'data-last-run': s.lastRun.ok ? 'ok' : 'failed' }, t(s.lastRun.ok ? 'form.hourly.lastRun' : 'form.hourly.lastRunFailed', { when: when(s.lastRun.start, lang), summary: s.lastRun.summary }))
      : null;
    fill(
      body,
      h('p', { class: 'hourly-status', 'data-on': String(s.on) }, s.message),
      last,
      h('div', { class: 'buttons' }, button(label, () => void toggle(!running), running ? 'secondary' : 'action', { 'data-action': running ? 'hourly-off' : 'hourly-on' })),
    );
  }

  async function toggle(on: boolean): Promise<void> {
    p.messages.clear();
    const r = await p.busy.run(t('form.busy.saving'), () => call('setHourlyChecks', { on }));
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r);
    current = r.value;
    render();
    showChanges(p, t('form.hourly.changed'), r.changes);
    body.querySelector<HTMLButtonElement>('button')?.focus();
  }

  render();
  return {
    root: section(t('form.hourly.title'), h('p', { class: 'hint' }, t('form.hourly.intro')), body),
    status: () => current,
  };
}
