/**
 * Settings sidebar: language, currency and default bin. The server validates (the same
 * codes as every form) and the errors land at their fields; after a language change the
 * form reloads its strings and speaks the new language at once. Below, the hourly checks
 * switch (settings/hourly.ts).
 */
import type { HourlyStatus, SettingsValue, UiStrings } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { placeErrors } from '../kit/errors';
import { selectField, textField } from '../kit/fields';
import { load, page, showErrors, useStrings, type Page } from '../kit/page';
import { problemText, translator, type UiKey } from '../kit/strings';
import { hourlySection } from './hourly';

function settingsForm(p: Page, ui: UiStrings, current: SettingsValue, hourlyStatus: HourlyStatus): void {
  const t = translator(ui.strings);
  useStrings(t);
  document.documentElement.lang = ui.language;
  const language = selectField({
    label: t('field.language'), name: 'language', value: current.language,
    options: [['', t('form.settings.languageAuto')], ['en', t('form.settings.languageEn')], ['fr', t('form.settings.languageFr')]],
  });
  const currency = textField({ label: t('field.currency'), name: 'currency', value: current.currency, hint: t('form.settings.currencyHint'), class: 'narrow' });
  const defaultBin = textField({ label: t('field.defaultBin'), name: 'defaultBin', value: current.defaultBin, hint: t('form.settings.defaultBinHint') });
  const fields = { language, currency, defaultBin };
  const method = current.valuationMethod;
  const valuation = method ? h('p', { class: 'muted' }, t('form.settings.valuation', { method: t(`form.settings.valuation.${method}` as UiKey) })) : null;

  async function save(): Promise<void> {
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    const payload = { language: language.input.value, currency: currency.input.value.trim().toUpperCase(), defaultBin: defaultBin.input.value.trim() };
    const r = await p.busy.run(t('form.busy.saving'), () => call('saveSettings', payload));
    if (!r) return;
    if (!r.ok) {
      showErrors(p, t('form.notSaved'), r.errors);
      const placed = placeErrors(r.errors, (field) => {
        const f = fields[field as keyof typeof fields];
        return f ? { error: f.error, focusable: f.input } : null;
      }, (e) => problemText(t, e));
      placed.first?.focus();
      return;
    }
    let strings = ui;
    let hourlyNow = hourly.status();
    if (r.value.effectiveLanguage !== ui.language) {
      // the hourly status is a sentence from the server: ask for it in the new language too
      const [again, status] = await Promise.all([call('getUiStrings'), call('getHourlyStatus')]);
      if (again.ok) strings = again.value;
      if (status.ok) hourlyNow = status.value;
    }
    fill(p.body);
    settingsForm(p, strings, r.value, hourlyNow);
    const tt = translator(strings.strings);
    p.messages.show('success', tt('form.settings.saved'), strings.language !== ui.language ? [tt('form.settings.menuNote')] : []);
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void save();
    },
  }, language.root, currency.root, defaultBin.root, valuation,
  // a submit button: Enter in any field saves too
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'save' }, t('form.settings.save'))));
  const hourly = hourlySection(p, t, ui.language, hourlyStatus);
  p.body.append(form, hourly.root);
}

async function main(): Promise<void> {
  const p = page('settings');
  const both = await load(p, async () => {
    const [ui, settings, hourly] = await Promise.all([call('getUiStrings'), call('getSettings'), call('getHourlyStatus')]);
    if (!ui.ok) return ui;
    if (!settings.ok) return settings;
    if (!hourly.ok) return hourly;
    return { ok: true as const, value: { ui: ui.value, settings: settings.value, hourly: hourly.value }, changes: [] };
  });
  if (both) settingsForm(p, both.ui, both.settings, both.hourly);
}

void main();
