import { en, type MessageKey } from './en';
import { fr } from './fr';
import type { Params } from '../result';

export type { MessageKey };
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fr };

/**
 * The one language resolver (DESIGN section 7): the Settings language when set, else the
 * spreadsheet locale (fr* -> fr, else en).
 */
export function resolveLanguage(settingLanguage: string | null | undefined, locale: string | null | undefined): Language {
  const set = (settingLanguage ?? '').trim().toLowerCase();
  if (set === 'en' || set === 'fr') return set;
  return (locale ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function translate(lang: Language, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[lang][key] ?? CATALOGUES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translator = (key: MessageKey, params?: Params) => string;

export function translator(lang: Language): Translator {
  return (key, params) => translate(lang, key, params);
}

/** Placeholder names of a template, sorted: used by the catalogue parity test. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const re = /\{(\w+)\}/g;
  for (let m = re.exec(template); m; m = re.exec(template)) names.add(m[1]);
  return Array.from(names).sort();
}
