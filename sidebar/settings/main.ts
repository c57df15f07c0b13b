/**
 * Settings sidebar: language, currency and default bin; who gets the low-stock email; the
 * carrier tracking provider and the parcel statuses customers are emailed about. One Save
 * for those Settings keys; the server validates (the same codes as every form) and the
 * errors land at their fields; after a language change the form reloads its strings and
 * speaks the new language at once. Below, the provider's API key (settings/tracking.ts)
 * and the hourly checks switch (settings/hourly.ts).
 */
import type { HourlyStatus, SettingsRequest, SettingsValue, TrackingSettingsValue, UiStrings } from '../api';
import { call } from '../rpc';
import { fill, h, uid } from '../kit/dom';
import { placeErrors, type ErrorTarget } from '../kit/errors';
import { checkboxField, selectField, textField } from '../kit/fields';
import { load, page, section, showErrors, useStrings, type Page } from '../kit/page';
import { capitalize, problemText, translator, type T, type UiKey } from '../kit/strings';
import { hourlySection } from './hourly';
import { trackingKeySection } from './tracking';

interface Loaded {
  ui: UiStrings;
  settings: SettingsValue;
  hourly: HourlyStatus;
  tracking: TrackingSettingsValue;
}

/** The parcel statuses as checkboxes, with one error slot for the group. */
function notifyGroup(t: T, current: SettingsValue) {
  const boxes = current.notifyChoices.map((s) => ({ status: s, field: checkboxField({ label: t(`trackStatus.${s}` as UiKey), name: 'notifyStatusChanges', checked: current.notifyStatusChanges.includes(s) }) }));
  boxes.forEach((b) => b.field.input.setAttribute('value', b.status));
  const err = h('div', { class: 'field-error', id: uid('err'), hidden: true });
  const root = h('fieldset', { class: 'group', 'data-field': 'notifyStatusChanges', 'aria-describedby': err.id },
    h('legend', { class: 'label' }, t('form.settings.notifyLegend')), boxes.map((b) => b.field.root), h('p', { class: 'hint' }, t('form.settings.notifyHint')), err);
  return {
    root,
    value: () => boxes.filter((b) => b.field.input.checked).map((b) => b.status),
    target: {
      error(message: string | null) {
        err.textContent = message ? capitalize(message) : '';
        err.hidden = !message;
      },
      focusable: boxes[0]?.field.input,
    } as ErrorTarget,
  };
}

function settingsForm(p: Page, loaded: Loaded): void {
  const { ui, settings: current } = loaded;
  const t = translator(ui.strings);
  useStrings(t);
  document.documentElement.lang = ui.language;
  const language = selectField({
    label: t('field.language'), name: 'language', value: current.language,
    options: [['', t('form.settings.languageAuto')], ['en', t('form.settings.languageEn')], ['fr', t('form.settings.languageFr')]],
  });
  const currency = textField({ label: t('field.currency'), name: 'currency', value: current.currency, hint: t('form.settings.currencyHint'), class: 'narrow' });
  const defaultBin = textField({ label: t('field.defaultBin'), name: 'defaultBin', value: current.defaultBin, hint: t('form.settings.defaultBinHint') });
  const alertRecipients = textField({ label: t('form.settings.alertRecipients'), name: 'alertRecipients', value: current.alertRecipients, type: 'email', hint: t('form.settings.alertRecipientsHint') });
  alertRecipients.input.multiple = true;
  const trackingProvider = selectField({
    label: t('form.settings.trackingProvider'), name: 'trackingProvider', value: current.trackingProvider,
    options: [['', t('form.settings.trackingNone')], ...loaded.tracking.providers.map((x): [string, string] => [x.id, t(`form.tracking.provider.${x.id}` as UiKey)])],
  });
  const notify = notifyGroup(t, current);
  const fields = { language, currency, defaultBin, alertRecipients, trackingProvider };
  const method = current.valuationMethod;
  const valuation = method ? h('p', { class: 'muted' }, t('form.settings.valuation', { method: t(`form.settings.valuation.${method}` as UiKey) })) : null;
  for (const f of Object.values(fields)) f.input.addEventListener('input', () => f.error(null));

  async function save(): Promise<void> {
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    notify.target.error(null);
    const payload: SettingsRequest = {
      language: language.input.value, currency: currency.input.value.trim().toUpperCase(), defaultBin: defaultBin.input.value.trim(),
      trackingProvider: trackingProvider.input.value, alertRecipients: alertRecipients.input.value.trim(), notifyStatusChanges: notify.value(),
    };
    const r = await p.busy.run(t('form.busy.saving'), () => call('saveSettings', payload));
    if (!r) return;
    if (!r.ok) {
      showErrors(p, t('form.notSaved'), r.errors);
      const placed = placeErrors(r.errors, (field) => {
        if (field === 'notifyStatusChanges') return notify.target;
        const f = fields[field as keyof typeof fields];
        return f ? { error: f.error, focusable: f.input } : null;
      }, (e) => problemText(t, e));
      placed.first?.focus();
      return;
    }
    let next: Loaded = { ...loaded, settings: r.value, hourly: hourly.status(), tracking: key.current() };
    if (r.value.effectiveLanguage !== ui.language) {
      // the hourly status is a sentence from the server: ask for it in the new language too
      const [again, status] = await Promise.all([call('getUiStrings'), call('getHourlyStatus')]);
      if (again.ok) next = { ...next, ui: again.value };
      if (status.ok) next = { ...next, hourly: status.value };
    }
    fill(p.body);
    settingsForm(p, next);
    const tt = translator(next.ui.strings);
    p.messages.show('success', tt('form.settings.saved'), next.ui.language !== ui.language ? [tt('form.settings.menuNote')] : []);
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void save();
    },
  }, language.root, currency.root, defaultBin.root, valuation,
  section(t('form.settings.alertsTitle'), alertRecipients.root),
  section(t('form.settings.trackingTitle'), trackingProvider.root, notify.root),
  // a submit button: Enter in any field saves too
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'save' }, t('form.settings.save'))));
  const key = trackingKeySection(p, t, loaded.tracking, () => trackingProvider.input.value, trackingProvider.error);
  trackingProvider.input.addEventListener('change', () => key.providerChanged());
  const hourly = hourlySection(p, t, ui.language, loaded.hourly);
  p.body.append(form, key.root, hourly.root);
}

async function main(): Promise<void> {
  const p = page('settings');
  const all = await load<Loaded>(p, async () => {
    const [ui, settings, hourly, tracking] = await Promise.all([call('getUiStrings'), call('getSettings'), call('getHourlyStatus'), call('getTrackingSettings')]);
    if (!ui.ok) return ui;
    if (!settings.ok) return settings;
    if (!hourly.ok) return hourly;
    if (!tracking.ok) return tracking;
    return { ok: true, value: { ui: ui.value, settings: settings.value, hourly: hourly.value, tracking: tracking.value }, changes: [] };
  });
  if (all) settingsForm(p, all);
}

void main();
