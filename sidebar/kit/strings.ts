/**
 * Form strings come from the server (catalogues in src/domain/i18n), so the sidebar holds
 * no prose of its own. Keys are typed against the English catalogue; a key the server did
 * not send shows as the key itself, which a test or a look at the form catches at once.
 */
import type { MessageKey } from '../../src/domain/i18n';
import type { RpcError, Strings } from '../api';

/** The catalogue prefixes getReceiveFormData and getUiStrings send to forms (FORM_PREFIXES in src/app/form-data.ts). */
export type UiKey = Extract<
  MessageKey,
  | `form.${string}` | `field.${string}` | `err.${string}` | `error.${string}` | `kind.${string}` | `state.${string}` | `channel.${string}` | `type.${string}`
  | `returnReason.${string}` | `disposition.${string}` | `returnStatus.${string}` | `writeOffReason.${string}` | `countStatus.${string}`
  | `trackStatus.${string}` | `poStatus.${string}`
>;
export type Params = Record<string, string | number>;
export type T = (key: UiKey, params?: Params) => string;

export function translator(strings: Strings): T {
  return (key, params = {}) => format(strings[key] ?? key, params);
}

export function format(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The problem part of an error, for display next to its field (the field is already labelled). */
export function problemText(t: T, e: RpcError): string {
  const key = `err.${e.code}` as UiKey;
  const text = t(key, e.params);
  return text === key ? e.message : text;
}

/**
 * Catalogue problems start in lower case ("must be more than zero.") to fit inside
 * "Line 2, quantity: ..."; alone under an input they start with a capital. Only a leading
 * letter changes: a quoted value ("« abc » ...") stays as the user typed it.
 */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
