/** The language of a request and the localization of problems into RPC errors. */
import { resolveLanguage, translator, type Language, type MessageKey, type Translator } from '../domain/i18n';
import type { Problem, RpcError } from '../domain/result';
import type { Ports } from './ports';

/** Document property holding the resolved language, so onOpen can label the menu cheaply. */
export const LANGUAGE_PROPERTY = 'language';

export function languageOf(ports: Ports): Language {
  const wb = ports.workbook;
  let setting = '';
  try {
    setting = wb.settings().language ?? '';
  } catch {
    setting = ''; // not set up yet, or settings unreadable: fall back to the locale
  }
  return resolveLanguage(setting, wb.locale());
}

export function localize(t: Translator, p: Problem): RpcError {
  const params = { ...(p.params ?? {}) };
  if (typeof params.table === 'string') params.table = t(`table.${params.table}` as MessageKey);
  const problemText = t(`err.${p.code}` as MessageKey, params);
  let message = problemText;
  if (p.field) {
    const field = t(`field.${p.field}` as MessageKey);
    message = p.line !== undefined
      ? t('error.atLine', { line: p.line, field, problem: problemText })
      : t('error.at', { field, problem: problemText });
  }
  const error: RpcError = { code: p.code, field: p.field, message, params: p.params ?? {} };
  if (p.line !== undefined) error.line = p.line;
  return error;
}

export function t(ports: Ports): Translator {
  return translator(languageOf(ports));
}
