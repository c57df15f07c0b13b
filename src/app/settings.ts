/** Reading and saving the Settings tab through the Settings form. */
import { isLanguage, type MessageKey, type Translator } from '../domain/i18n';
import { isCurrencyCode } from '../domain/money';
import { ProblemError, problem, type Problem } from '../domain/result';
import { cleanText, normalizeBin, hasControlChars, MAX_ID } from '../domain/text';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { LANGUAGE_PROPERTY, languageOf } from './context';
import { withWrite } from './write';

export interface SettingsValue {
  language: string;
  currency: string;
  defaultBin: string;
  valuationMethod: string;
  effectiveLanguage: string;
}

export interface SettingsPayload {
  language?: unknown;
  currency?: unknown;
  defaultBin?: unknown;
}

function current(ports: Ports): SettingsValue {
  const s = ports.workbook.settings();
  return {
    language: s.language ?? '',
    currency: ports.workbook.currency(),
    defaultBin: s.default_bin ?? '',
    valuationMethod: s.valuation_method ?? '',
    effectiveLanguage: languageOf(ports),
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
  return { values: { language, currency, default_bin: defaultBin }, problems };
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
