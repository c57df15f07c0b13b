/**
 * Putting RPC errors where they belong: each error goes next to the input named by its
 * `field` (and `line`), the full messages go to the form's message box, and the first
 * misplaced input gets the focus so a keyboard user lands on what to fix.
 */
import type { RpcError } from '../api';

export interface ErrorTarget {
  error(message: string | null): void;
  /** the element to focus for this error, if any */
  focusable?: HTMLElement;
}

/** Find the input for an error field (and 1-based line), or null when the form has none. */
export type ErrorLookup = (field: string, line?: number) => ErrorTarget | null;

/** `text` is what to show at the input: usually the problem alone, as the input is labelled. */
export function placeErrors(errors: RpcError[], lookup: ErrorLookup, text: (e: RpcError) => string): { placed: number; first: HTMLElement | null } {
  const texts = new Map<ErrorTarget, string[]>();
  let first: HTMLElement | null = null;
  for (const e of errors) {
    const target = lookup(e.field, e.line);
    if (!target) continue;
    const list = texts.get(target) ?? [];
    list.push(text(e));
    texts.set(target, list);
    if (!first && target.focusable) first = target.focusable;
  }
  texts.forEach((list, target) => target.error(list.join(' ')));
  return { placed: texts.size, first };
}
