/**
 * The message box at the top of a form: what changed (status) or what went wrong
 * (alert). One box per form, so a new result always replaces the last one.
 */
import { fill, h } from './dom';

export type MessageKind = 'success' | 'error' | 'info';

export interface Messages {
  root: HTMLElement;
  show(kind: MessageKind, title: string, items?: string[]): void;
  clear(): void;
}

export function messages(): Messages {
  const root = h('div', { class: 'messages' });
  return {
    root,
    show(kind, title, items = []) {
      const box = h(
        'div',
        { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-kind': kind, tabindex: -1 },
        h('div', { class: 'message-title' }, title),
        items.length ? h('ul', {}, items.map((i) => h('li', {}, i))) : null,
      );
      fill(root, box);
    },
    clear() {
      fill(root);
    },
  };
}
