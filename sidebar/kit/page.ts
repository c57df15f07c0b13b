/**
 * The frame every form shares: busy indicator, message box, and a fieldset holding the
 * form (disabled while a call runs), plus the few helpers every form needs.
 */
import type { RpcError, RpcResult } from '../api';
import { setFailureText } from '../rpc';
import { busy, type Busy } from './busy';
import { h, type Props } from './dom';
import { messages, type Messages } from './messages';
import type { T } from './strings';

export interface Page {
  main: HTMLElement;
  messages: Messages;
  body: HTMLFieldSetElement;
  busy: Busy;
}

export function page(form: string): Page {
  const main = h('main', { class: 'sidebar', 'data-form': form });
  const body = h('fieldset', { class: 'form' });
  const m = messages();
  const b = busy(body, main);
  main.append(b.indicator, m.root, body);
  document.body.appendChild(main);
  return { main, messages: m, body, busy: b };
}

/** Once the strings are known, transport failures are explained in the user's language. */
export function useStrings(t: T): void {
  setFailureText((detail) => t('form.connectionLost', { detail }));
}

/** Run the call that opens a form; on failure show the server's messages (already localized). */
export async function load<V>(p: Page, work: () => Promise<RpcResult<V>>): Promise<V | null> {
  const result = await p.busy.run('', work);
  if (!result) return null;
  if (result.ok) return result.value;
  showFailure(p, result.errors);
  return null;
}

/** A failure that concerns the form as a whole: its messages, which name the field when there is one. */
export function showFailure(p: Page, errors: RpcError[]): void {
  p.messages.show('error', errors.map((e) => e.message).join(' '));
}

/** The error box of a failed call: a title and each message (they name field and line). */
export function showErrors(p: Page, title: string, errors: RpcError[]): void {
  p.messages.show('error', title, errors.map((e) => e.message));
}

export function button(label: string, onclick: () => void, kind: 'action' | 'secondary' = 'secondary', props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: kind, onclick, ...props }, label);
}

export function section(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'section' }, h('h2', { class: 'section-title' }, title), ...children);
}

/** Money in the user's language, e.g. "12.50 €" or "12,50 €"; a code Intl does not know stays as text. */
export function money(amount: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Numbers in the user's language (decimal comma in French). */
export function number(n: number, language: string): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 6 }).format(n);
}
