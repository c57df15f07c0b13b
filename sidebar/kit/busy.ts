/**
 * Busy state: while a server call runs, the form's fieldset is disabled (every input and
 * button at once, so a second click cannot submit twice) and a spinner says why.
 */
import { h } from './dom';

export interface Busy {
  indicator: HTMLElement;
  readonly active: boolean;
  /** Run a server call with the form disabled; nested or repeated calls while busy are refused. */
  run<R>(label: string, work: () => Promise<R>): Promise<R | undefined>;
}

export function busy(scope: HTMLFieldSetElement, container: HTMLElement): Busy {
  const text = h('span', { class: 'busy-text' });
  const indicator = h('div', { class: 'busy', hidden: true, role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
  let active = false;
  return {
    indicator,
    get active() {
      return active;
    },
    async run(label, work) {
      if (active) return undefined;
      active = true;
      scope.disabled = true;
      container.setAttribute('aria-busy', 'true');
      text.textContent = label;
      indicator.hidden = false;
      try {
        return await work();
      } finally {
        active = false;
        scope.disabled = false;
        container.removeAttribute('aria-busy');
        indicator.hidden = true;
      }
    },
  };
}
