/**
 * Every RPC answers with the envelope of DESIGN section 5. Problems become localized
 * errors; anything unexpected becomes `internal`, logged, never a raw exception.
 */
import { ProblemError, problem, type Change, type RpcResult } from '../domain/result';
import { translator } from '../domain/i18n';
import { languageOf, localize } from './context';
import type { Ports } from './ports';

export interface Outcome<T> {
  value: T;
  changes: Change[];
}

export function runRpc<T>(ports: Ports, body: () => Outcome<T>, report: (e: unknown) => void): RpcResult<T> {
  try {
    const { value, changes } = body();
    return { ok: true, value, changes };
  } catch (e) {
    const t = translator(safeLanguage(ports));
    if (e instanceof ProblemError) {
      const result: RpcResult<T> = { ok: false, errors: e.problems.map((p) => localize(t, p)) };
      if (e.retryable) result.retryable = true;
      return result;
    }
    report(e);
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [localize(t, problem('internal', '', undefined, { detail: detail.slice(0, 200) }))], retryable: false };
  }
}

function safeLanguage(ports: Ports) {
  try {
    return languageOf(ports);
  } catch {
    return 'en' as const;
  }
}
