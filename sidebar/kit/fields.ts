/**
 * Labelled inputs with a hint and an error slot wired for screen readers
 * (aria-describedby, aria-invalid). `data-field` names the RPC error field the input
 * answers for, so errors land next to the right input.
 */
import { h, uid } from './dom';
import { capitalize } from './strings';

export interface Field<E extends HTMLInputElement | HTMLSelectElement = HTMLInputElement> {
  root: HTMLElement;
  input: E;
  /** Show a problem under the input, or clear it with null. */
  error(message: string | null): void;
}

export interface FieldOptions {
  label: string;
  /** the RPC error field, e.g. "qty" or "newItem.name" */
  name: string;
  value?: string;
  hint?: string;
  placeholder?: string;
  type?: string;
  inputmode?: string;
  /** extra class on the wrapper, e.g. "narrow" */
  class?: string;
}

function wrap<E extends HTMLInputElement | HTMLSelectElement>(o: FieldOptions, input: E, labelAfter = false): Field<E> {
  const errorId = uid('err');
  const hintId = o.hint ? uid('hint') : '';
  input.id = input.id || uid('in');
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const label = h('label', { for: input.id, class: 'label' }, o.label);
  const hint = o.hint ? h('div', { class: 'hint', id: hintId }, o.hint) : null;
  const err = h('div', { class: 'field-error', id: errorId, hidden: true });
  const root = h('div', { class: `field ${o.class ?? ''}`.trim(), 'data-field': o.name }, labelAfter ? [input, label] : [label, input], hint, err);
  return {
    root,
    input,
    error(message) {
      err.textContent = message ? capitalize(message) : '';
      err.hidden = !message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

export function textField(o: FieldOptions): Field<HTMLInputElement> {
  const input = h('input', {
    type: o.type ?? 'text', name: o.name, value: o.value ?? '', placeholder: o.placeholder, inputmode: o.inputmode,
    autocomplete: 'off', spellcheck: 'false',
  });
  return wrap(o, input);
}

export function selectField(o: FieldOptions & { options: [value: string, label: string][] }): Field<HTMLSelectElement> {
  const input = h('select', { name: o.name }, o.options.map(([value, label]) => h('option', { value, selected: value === o.value }, label)));
  return wrap(o, input);
}

export function checkboxField(o: FieldOptions & { checked?: boolean }): Field<HTMLInputElement> {
  const input = h('input', { type: 'checkbox', name: o.name, checked: !!o.checked });
  return wrap({ ...o, class: `check ${o.class ?? ''}` }, input, true);
}

/** Put fields side by side (they share the 300 px width). */
export function row(...fields: (Field<HTMLInputElement | HTMLSelectElement> | HTMLElement | null)[]): HTMLElement {
  return h('div', { class: 'row' }, fields.map((f) => (f && 'root' in f ? f.root : f)));
}
