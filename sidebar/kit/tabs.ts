/**
 * Tabs for a form that does several things (the ARIA tabs pattern): one tab stop, the
 * arrow keys move between tabs, each tab shows its panel and hides the others.
 */
import { h, uid } from './dom';

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  root: HTMLElement;
  select(id: string, focus?: boolean): void;
}

export function tabs(label: string, list: Tab[], onSelect: (id: string) => void = () => undefined): Tabs {
  const buttons = list.map((tab) => {
    const b = h('button', { type: 'button', role: 'tab', class: 'tab', id: uid('tab'), 'data-tab': tab.id }, tab.label);
    b.addEventListener('click', () => select(tab.id, true));
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', b.id);
    return b;
  });
  const bar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': label }, buttons);
  bar.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = buttons.findIndex((b) => b === document.activeElement);
    const next = (i + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    select(list[next].id, true);
  });

  function select(id: string, focus = false): void {
    list.forEach((tab, i) => {
      const on = tab.id === id;
      buttons[i].setAttribute('aria-selected', String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
      if (on && focus) buttons[i].focus();
    });
    onSelect(id);
  }

  select(list[0].id);
  return { root: bar, select };
}
