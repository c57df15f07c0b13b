/**
 * Suggestions under a text input (the ARIA combobox pattern). The arrow keys choose a
 * suggestion and Enter takes it; Enter without a chosen suggestion is left to the form.
 * That is what makes a barcode scanner work: it types the code fast and sends Enter, and
 * the form looks the code up exactly instead of taking whatever was suggested first.
 */
import { fill, h, uid } from './dom';

export interface SuggestOptions<T> {
  input: HTMLInputElement;
  /** where the list is placed (positioned relative) */
  anchor: HTMLElement;
  source: (query: string) => T[];
  text: (item: T) => string;
  detail?: (item: T) => string;
  onPick: (item: T) => void;
  listLabel: string;
}

export interface Suggest {
  close(): void;
}

export function suggest<T>(o: SuggestOptions<T>): Suggest {
  const list = h('ul', { class: 'suggestions', role: 'listbox', id: uid('list'), 'aria-label': o.listLabel, hidden: true });
  o.anchor.appendChild(list);
  o.anchor.classList.add('has-suggestions');
  o.input.setAttribute('role', 'combobox');
  o.input.setAttribute('aria-autocomplete', 'list');
  o.input.setAttribute('aria-expanded', 'false');
  o.input.setAttribute('aria-controls', list.id);
  let items: T[] = [];
  let active = -1;

  function setActive(i: number): void {
    active = i;
    Array.from(list.children).forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) o.input.setAttribute('aria-activedescendant', `${list.id}-${i}`);
    else o.input.removeAttribute('aria-activedescendant');
  }

  function close(): void {
    list.hidden = true;
    o.input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function open(): void {
    items = o.source(o.input.value);
    if (!items.length) return close();
    fill(list, items.map((item, i) => h(
      'li',
      {
        role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false',
        // mousedown, not click: the input keeps the focus
        onmousedown: (e: Event) => {
          e.preventDefault();
          pick(i);
        },
      },
      h('span', { class: 'suggestion-text' }, o.text(item)),
      o.detail ? h('span', { class: 'suggestion-detail' }, o.detail(item)) : null,
    )));
    list.hidden = false;
    o.input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  }

  function pick(i: number): void {
    const item = items[i];
    close();
    if (item !== undefined) o.onPick(item);
  }

  o.input.addEventListener('input', () => (o.input.value.trim() ? open() : close()));
  o.input.addEventListener('blur', close);
  o.input.addEventListener('keydown', (e) => {
    const isOpen = !list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!isOpen) open();
      if (!items.length) return;
      // -1 is the typed text itself: the arrows cycle through it and the suggestions
      const next = active + (e.key === 'ArrowDown' ? 1 : -1);
      setActive(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
    } else if (e.key === 'Enter' && isOpen && active >= 0) {
      e.preventDefault();
      e.stopImmediatePropagation();
      pick(active);
    } else if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      e.stopImmediatePropagation();
      close();
    } else if (e.key === 'Enter') close();
  });
  return { close };
}
