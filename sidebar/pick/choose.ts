/**
 * Which open orders go on the next pick list: all, or by channel, order dates, and at
 * most so many orders or lines (oldest orders first). Open lists made earlier (printed,
 * not confirmed yet) can be taken up again.
 */
import type { OpenPickLists, PickListValue } from '../api';
import { h } from '../kit/dom';
import { row, selectField, textField, type Field } from '../kit/fields';
import { button, section, type Page } from '../kit/page';
import type { T, UiKey } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';

const CHANNELS = ['manual', 'shopify', 'woocommerce', 'etsy', 'amazon', 'generic'] as const;
const FIELDS = ['channel', 'fromDate', 'toDate', 'maxOrders', 'maxLines'] as const;
type ChoiceField = (typeof FIELDS)[number];

export function chooseOrders(p: Page, t: T, open: OpenPickLists['lists'], onList: (list: PickListValue) => void): HTMLElement {
  const send = submission(p, 'pl');
  const fields: Record<ChoiceField, Field<HTMLInputElement | HTMLSelectElement>> = {
    channel: selectField({
      label: t('form.pick.channel'), name: 'channel', value: '',
      options: [['', t('form.pick.channelAll')], ...CHANNELS.map((c): [string, string] => [c, t(`channel.${c}` as UiKey)])],
    }),
    fromDate: textField({ label: t('field.fromDate'), name: 'fromDate', type: 'date' }),
    toDate: textField({ label: t('field.toDate'), name: 'toDate', type: 'date' }),
    maxOrders: textField({ label: t('form.pick.maxOrders'), name: 'maxOrders', inputmode: 'numeric' }),
    maxLines: textField({ label: t('form.pick.maxLines'), name: 'maxLines', inputmode: 'numeric' }),
  };
  for (const f of Object.values(fields)) f.input.addEventListener('input', () => f.error(null));

  async function build(): Promise<void> {
    p.messages.clear();
    Object.values(fields).forEach((f) => f.error(null));
    const v = (f: ChoiceField) => fields[f].input.value.trim();
    const r = await send.send(t('form.busy.saving'), 'buildPickList', (requestId) => [{
      requestId, channel: v('channel'), fromDate: v('fromDate'), toDate: v('toDate'), maxOrders: v('maxOrders'), maxLines: v('maxLines'),
    }]);
    if (!r) return;
    if (!r.ok) {
      return showFailed(p, t, r, (field) => {
        const f = fields[field as ChoiceField];
        return f ? { error: f.error, focusable: f.input } : null;
      });
    }
    showChanges(p, t('form.pick.built', { id: r.value.pickListId }), r.changes);
    onList(r.value);
  }

  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => {
      e.preventDefault();
      void build();
    },
  },
  h('p', { class: 'hint' }, t('form.pick.chooseHint')),
  fields.channel.root, row(fields.fromDate, fields.toDate), row(fields.maxOrders, fields.maxLines),
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'action', 'data-action': 'build' }, t('form.pick.build'))));

  const resume = open.length
    ? section(t('form.pick.openLists'),
      h('p', { class: 'hint' }, t('form.pick.openListsHint')),
      h('div', { class: 'buttons' }, open.map((l) => button(t('form.pick.resume', { id: l.pickListId, lines: l.walk.length }), () => {
        p.messages.clear();
        onList(l);
      }, 'secondary', { 'data-resume': l.pickListId }))))
    : null;
  return h('div', { class: 'choose' }, h('h2', { class: 'section-title' }, t('form.pick.chooseTitle')), form, resume);
}
