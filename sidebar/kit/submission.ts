/**
 * One submission of a form (DESIGN section 4): its request id is made once, kept by every
 * retry of it (a lost answer, `busy`) so the server records it at most once, and dropped
 * after a success, so the next submission is a new one. Plus how every form reports the
 * outcome: what changed, or what went wrong next to the input it concerns.
 */
import type { ArgsOf, Change, RpcError, RpcResult, ServerFunction, ValueOf } from '../api';
import { call } from '../rpc';
import { placeErrors, type ErrorLookup } from './errors';
import { showErrors, type Page } from './page';
import { problemText, type T } from './strings';

export function newRequestId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return prefix + '-' + Date.now().toString(36) + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Submission {
  /**
   * Send a write: the payload is built with the submission's request id; the form is busy
   * meanwhile (a second click does nothing). Undefined when a call was already running.
   */
  send<F extends ServerFunction>(label: string, fn: F, payload: (requestId: string) => ArgsOf<F>): Promise<RpcResult<ValueOf<F>> | undefined>;
  /** forget the id: what the form sends next is a new submission */
  reset(): void;
}

export function submission(p: Page, prefix: string): Submission {
  let requestId: string | null = null;
  return {
    async send(label, fn, payload) {
      if (p.busy.active) return undefined;
      requestId = requestId ?? newRequestId(prefix);
      const id = requestId;
      const result = await p.busy.run(label, () => call(fn, ...payload(id)));
      if (result?.ok) requestId = null;
      return result;
    },
    reset() {
      requestId = null;
    },
  };
}

/** Success: the title and each change in plain words. */
export function showChanges(p: Page, title: string, changes: Change[], extra: string[] = []): void {
  p.messages.show('success', title, [...changes.map((c) => c.message), ...extra]);
}

/**
 * Failure: the messages at the top (they name field and line), each problem next to its
 * input when the form has one, and the focus on the first of them (else on the message).
 */
export function showFailed(p: Page, t: T, result: { errors: RpcError[]; retryable?: boolean }, lookup: ErrorLookup = () => null, text: (e: RpcError) => string = (e) => problemText(t, e)): void {
  showErrors(p, t(result.retryable ? 'form.retry' : 'form.notRecorded'), result.errors);
  const placed = placeErrors(result.errors, lookup, text);
  (placed.first ?? p.messages.root.querySelector<HTMLElement>('.message'))?.focus();
}
