/**
 * Reading and saving the Settings tab through the Settings form: language, currency and
 * default bin, and the keys of the alerts and carrier tracking sections (who gets the
 * low-stock email, the tracking provider, the parcel statuses customers are told about).
 * Those three are optional in the payload: a key left out keeps its value.
 */
import { isLanguage, type MessageKey, type Translator } from '../domain/i18n';
import { isCurrencyCode } from '../domain/money';
import { ProblemError, problem, type Problem } from '../domain/result';
import { cleanText, normalizeBin, hasControlChars, MAX_ID, MAX_TEXT } from '../domain/text';
import { isEmail } from '../domain/orders/manual';
import { PROVIDERS, providerFor } from '../domain/tracking';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { LANGUAGE_PROPERTY, languageOf } from './context';
import { withWrite } from './write';
import { NOTIFIABLE } from './tracking-emails';

export interface SettingsValue {
  language: string;
  currency: string;
  defaultBin: string;
  valuationMethod: string;
  effectiveLanguage: string;
  /** Settings tracking_provider: '' or a provider id */
  trackingProvider: string;
  /** Settings alert_recipients, as written there */
  alertRecipients: string;
  /** Settings notify_status_changes, as a list of statuses */
  notifyStatusChanges: string[];
  /** the statuses customers may be emailed about */
  notifyChoices: string[];
}

export interface SettingsPayload {
  language?: unknown;
  currency?: unknown;
  defaultBin?: unknown;
  /** '' (no tracking lookups) or a provider id; absent: unchanged */
  trackingProvider?: unknown;
  /** email addresses separated by commas, semicolons or spaces; absent: unchanged */
  alertRecipients?: unknown;
  /** statuses (a list, or text separated by commas); absent: unchanged */
  notifyStatusChanges?: unknown;
}

const splitList = (text: string) => text.split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean);

function current(ports: Ports): SettingsValue {
  const s = ports.workbook.settings();
  return {
    language: s.language ?? '',
    currency: ports.workbook.currency(),
    defaultBin: s.default_bin ?? '',
    valuationMethod: s.valuation_method ?? '',
    effectiveLanguage: languageOf(ports),
    trackingProvider: s.tracking_provider ?? '',
    alertRecipients: s.alert_recipients ?? '',
    notifyStatusChanges: splitList(s.notify_status_changes ?? '').filter((x) => (NOTIFIABLE as readonly string[]).includes(x)),
    notifyChoices: [...NOTIFIABLE],
  };
}

export function getSettings(ports: Ports): Outcome<SettingsValue> {
  ports.workbook.table('settings');
  return { value: current(ports), changes: [] };
}

export function validateSettings(payload: SettingsPayload): { values: Record<string, string>; problems: Problem[] } {
  const problems: Problem[] = [];
  const language = cleanText(payload.language).toLowerCase();
  if (language && !isLanguage(language)) problems.push(problem('invalid_choice', 'language', undefined, { value: language, choices: 'en, fr' }));
  const currency = cleanText(payload.currency).toUpperCase();
  if (!currency) problems.push(problem('required', 'currency'));
  else if (!isCurrencyCode(currency)) problems.push(problem('invalid_choice', 'currency', undefined, { value: currency, choices: 'EUR, USD, GBP, INR, …' }));
  const defaultBin = normalizeBin(payload.defaultBin);
  if (defaultBin.length > MAX_ID) problems.push(problem('too_long', 'defaultBin', undefined, { max: MAX_ID }));
  else if (hasControlChars(defaultBin)) problems.push(problem('invalid_text', 'defaultBin'));
  const values: Record<string, string> = { language, currency, default_bin: defaultBin };
  if (payload.trackingProvider !== undefined) {
    const provider = cleanText(payload.trackingProvider).toLowerCase();
    if (provider && !providerFor(provider)) {
      problems.push(problem('invalid_choice', 'trackingProvider', undefined, { value: provider, choices: PROVIDERS.map((p) => p.id).join(', ') }));
    } else values.tracking_provider = provider;
  }
  if (payload.alertRecipients !== undefined) {
    const text = cleanText(payload.alertRecipients);
    const addresses = splitList(text);
    const bad = addresses.filter((a) => !isEmail(a));
    for (const a of bad) problems.push(problem('invalid_email', 'alertRecipients', undefined, { value: a }));
    if (text.length > MAX_TEXT) problems.push(problem('too_long', 'alertRecipients', undefined, { max: MAX_TEXT }));
    else if (!bad.length) values.alert_recipients = Array.from(new Set(addresses)).join(', ');
  }
  if (payload.notifyStatusChanges !== undefined) {
    const raw = payload.notifyStatusChanges;
    const given = Array.isArray(raw) ? raw.map((x) => cleanText(x)).filter(Boolean) : splitList(cleanText(raw));
    const unknown = given.filter((x) => !(NOTIFIABLE as readonly string[]).includes(x));
    for (const x of unknown) problems.push(problem('invalid_choice', 'notifyStatusChanges', undefined, { value: x, choices: NOTIFIABLE.join(', ') }));
    if (!unknown.length) values.notify_status_changes = NOTIFIABLE.filter((x) => given.includes(x)).join(', ');
  }
  return { values, problems };
}

export function saveSettings(ports: Ports, payload: SettingsPayload, t: () => Translator): Outcome<SettingsValue> {
  const { values, problems } = validateSettings(payload ?? {});
  if (problems.length) throw new ProblemError(problems);
  return withWrite(ports, () => {
    const tr = t();
    ports.workbook.settingsStore().write(values, (key) => tr(`setting.${key}` as MessageKey));
    ports.workbook.settingsChanged();
    ports.props.set(LANGUAGE_PROPERTY, languageOf(ports));
    return { value: current(ports), changes: [] };
  });
}
