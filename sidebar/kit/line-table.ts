/**
 * The list of lines a form is about to submit: one card per line (numbered as the server
 * numbers lines in its errors), a remove button each, and a line-level error slot for
 * problems that belong to the line rather than one of its inputs (e.g. an unknown SKU).
 */
import { fill, h } from './dom';
import { capitalize } from './strings';

type Content = Node | string | null | (Node | string | null)[];

export interface LineTableOptions {
  title: (count: number) => string;
  empty: string;
  removeLabel: (line: number) => string;
  /** after a line was removed by the user; `focusAfter` is false when no line is left */
  onRemove: (focusAfter: boolean) => void;
}

interface Row<L> {
  line: L;
  root: HTMLLIElement;
  number: HTMLElement;
  remove: HTMLButtonElement;
  error: HTMLElement;
}

export class LineTable<L> {
  readonly root: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly emptyText: HTMLElement;
  private rows: Row<L>[] = [];

  constructor(private readonly o: LineTableOptions) {
    this.heading = h('h2', { class: 'section-title' });
    this.list = h('ol', { class: 'lines' });
    this.emptyText = h('p', { class: 'empty' }, o.empty);
    this.root = h('section', { class: 'line-table' }, this.heading, this.emptyText, this.list);
    this.refresh();
  }

  lines(): L[] {
    return this.rows.map((r) => r.line);
  }

  add(line: L, head: Content, body: Content): void {
    const number = h('span', { class: 'line-number' });
    const error = h('div', { class: 'field-error line-error', hidden: true });
    const remove = h('button', { type: 'button', class: 'icon', onclick: () => this.removeRow(row) }, '✕');
    const root = h('li', { class: 'line' }, h('div', { class: 'line-head' }, number, h('div', { class: 'line-title' }, head), remove), error, h('div', { class: 'line-body' }, body));
    const row: Row<L> = { line, root, number, remove, error };
    this.rows.push(row);
    this.list.appendChild(root);
    this.refresh();
  }

  /** Show (or clear with null) a problem of the 1-based line as a whole. */
  lineError(line: number, message: string | null): void {
    const row = this.rows[line - 1];
    if (!row) return;
    row.error.textContent = message ? capitalize(message) : '';
    row.error.hidden = !message;
  }

  /** The remove button of a line: the focus target for line-level errors. */
  removeButton(line: number): HTMLElement | undefined {
    return this.rows[line - 1]?.remove;
  }

  clear(): void {
    this.rows = [];
    fill(this.list);
    this.refresh();
  }

  private removeRow(row: Row<L>): void {
    const i = this.rows.indexOf(row);
    this.rows.splice(i, 1);
    row.root.remove();
    this.refresh();
    const next = this.rows[Math.min(i, this.rows.length - 1)];
    if (next) next.remove.focus();
    this.o.onRemove(!!next);
  }

  private refresh(): void {
    this.heading.textContent = this.o.title(this.rows.length);
    this.emptyText.hidden = this.rows.length > 0;
    this.rows.forEach((r, i) => {
      r.number.textContent = String(i + 1);
      r.remove.setAttribute('aria-label', this.o.removeLabel(i + 1));
      r.remove.title = this.o.removeLabel(i + 1);
    });
  }
}
