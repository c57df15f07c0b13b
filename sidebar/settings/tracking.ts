/**
 * The tracking provider's API key: typed in a password field, sent once to saveTrackingKey
 * (it goes to document properties, never to a cell), then shown only masked as the server
 * returns it (••••1234); the field is emptied and the key never comes back. "Test
 * connection" makes one cheap call to the provider with the key typed, else the saved one.
 * The provider is the one chosen above (Settings tracking_provider).
 */
import type { TrackingSettingsValue } from '../api';
import { call } from '../rpc';
import { h } from '../kit/dom';
import { textField } from '../kit/fields';
import { button, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { showChanges, showFailed } from '../kit/submission';

export interface KeySection {
  root: HTMLElement;
  /** the provider choice above changed: show that provider's key */
  providerChanged(): void;
  /** the saved keys as last answered (masked), for a form drawn again */
  current(): TrackingSettingsValue;
}

export function trackingKeySection(p: Page, t: T, initial: TrackingSettingsValue, provider: () => string, providerError: (m: string | null) => void): KeySection {
  let settings = initial;
  const apiKey = textField({ label: t('field.apiKey'), name: 'apiKey', type: 'password' });
  apiKey.input.setAttribute('autocomplete', 'new-password');
  const saved = h('p', { class: 'hint key-saved', 'aria-live': 'polite' });
  const tested = h('p', { class: 'test-result', 'aria-live': 'polite', hidden: true });
  const title = h('h2', { class: 'section-title' });
  apiKey.input.addEventListener('input', () => apiKey.error(null));

  function render(): void {
    const id = provider();
    const name = id ? t(`form.tracking.provider.${id}` as UiKey) : '';
    title.textContent = id ? t('form.tracking.keyTitle', { provider: name }) : t('form.tracking.keyTitleNone');
    const keySaved = settings.providers.find((x) => x.id === id)?.keySaved ?? '';
    saved.textContent = !id ? t('form.tracking.chooseFirst') : keySaved ? t('form.tracking.keySaved', { key: keySaved }) : t('form.tracking.noKey');
    saved.dataset.saved = keySaved ? 'yes' : 'no';
    apiKey.input.placeholder = keySaved;
    tested.hidden = true;
    // no provider chosen: nothing to save a key for or to test
    apiKey.input.disabled = !id;
    buttons.forEach((b) => (b.disabled = !id));
  }

  /** Errors of these calls: the key at its field, the provider at the choice above. */
  function failed(r: Parameters<typeof showFailed>[2]): void {
    showFailed(p, t, r, (field) => {
      if (field === 'apiKey') return { error: apiKey.error, focusable: apiKey.input };
      if (field === 'provider') return { error: providerError };
      return null;
    });
  }

  async function save(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    apiKey.error(null);
    providerError(null);
    const r = await p.busy.run(t('form.busy.saving'), () => call('saveTrackingKey', { provider: provider(), apiKey: apiKey.input.value.trim() }));
    if (!r) return;
    if (!r.ok) return failed(r);
    // the key leaves the page: only its masked form stays
    apiKey.input.value = '';
    settings = r.value;
    render();
    showChanges(p, t('form.tracking.saved'), r.changes);
  }

  async function test(): Promise<void> {
    if (p.busy.active) return;
    p.messages.clear();
    apiKey.error(null);
    providerError(null);
    const typed = apiKey.input.value.trim();
    const r = await p.busy.run(t('form.tracking.testing'), () => call('testTrackingConnection', typed ? { provider: provider(), apiKey: typed } : { provider: provider() }));
    if (!r) return;
    if (!r.ok) return failed(r);
    tested.hidden = false;
    tested.textContent = r.value.message;
    tested.className = `test-result message ${r.value.ok ? 'success' : 'error'}`;
    tested.dataset.ok = String(r.value.ok);
  }

  const buttons = [
    h('button', { type: 'submit', class: 'secondary', 'data-action': 'save-key' }, t('form.tracking.saveKey')),
    button(t('form.tracking.test'), () => void test(), 'secondary', { 'data-action': 'test-connection' }),
  ];
  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void save();
    },
  }, apiKey.root, saved, h('div', { class: 'buttons' }, buttons), tested);
  render();
  const root = h('section', { class: 'section tracking-key' }, title, h('p', { class: 'hint' }, t('form.tracking.keyIntro')), form);
  return { root, providerChanged: render, current: () => settings };
}
