/**
 * The one typed RPC client of every form: google.script.run wrapped in a promise that
 * always resolves to the RPC envelope (DESIGN section 5). A call that never reached the
 * server's envelope (network cut, an exception thrown by Apps Script itself, an illegal
 * argument) becomes a retryable `internal` error, so forms handle one shape only.
 */
import type { ArgsOf, RpcResult, ServerFunction, ValueOf } from './api';

type Handler = (value: unknown, userObject?: unknown) => void;

/** google.script.run as far as the forms use it (declared here: no @types package needed). */
interface ScriptRun {
  withSuccessHandler(fn: Handler): ScriptRun;
  withFailureHandler(fn: (error: Error, userObject?: unknown) => void): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
}

declare const google: { script: { run: ScriptRun } };

/** Turns a transport failure's detail into a sentence in the user's language, once strings are loaded. */
let describeFailure: (detail: string) => string = (detail) => detail;

export function setFailureText(describe: (detail: string) => string): void {
  describeFailure = describe;
}

function transportFailure<T>(e: unknown): RpcResult<T> {
  const detail = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
  return { ok: false, errors: [{ code: 'internal', field: '', message: describeFailure(detail), params: { detail } }], retryable: true };
}

function isEnvelope(v: unknown): v is RpcResult<unknown> {
  return !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean';
}

/** Call a server function; resolves with its envelope, never rejects. */
export function call<F extends ServerFunction>(fn: F, ...args: ArgsOf<F>): Promise<RpcResult<ValueOf<F>>> {
  return new Promise((resolve) => {
    try {
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(isEnvelope(value) ? (value as RpcResult<ValueOf<F>>) : transportFailure(fn)))
        .withFailureHandler((error) => resolve(transportFailure(error)));
      (runner as unknown as Record<string, (...a: unknown[]) => void>)[fn](...args);
    } catch (e) {
      // google.script.run throws synchronously on an illegal argument (a Date, a function...)
      resolve(transportFailure(e));
    }
  });
}
