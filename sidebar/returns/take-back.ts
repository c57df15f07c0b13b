/**
 * Taking goods back: find the order (its id, a tracking number, an RMA, or part of the
 * customer's name), type how many of each shipped line come back (never more than the line
 * can still return: shipped minus already returned), a reason from the server's labelled
 * list and a note. The goods come in under a new RMA, in quarantine at the returns bin.
 */
import type { FormItem, ReturnableOrder, ReturnableValue, ReturnRequest } from '../api';
import { call } from '../rpc';
import { fill, h } from '../kit/dom';
import { selectField, textField, type Field } from '../kit/fields';
import { button, number, section, type Page } from '../kit/page';
import type { T } from '../kit/strings';
import { showChanges, showFailed, submission } from '../kit/submission';
import { overReturnable } from './model';
import { lineMessage, reasonAndNote } from './reason-note';
import { noOrderPanel } from './no-order';

export interface ReturnsContext {
  lang: string;
  /** the items, for the SKU suggestions of a return without an order */
  items: FormItem[];
  /** open an RMA in the inspection tab */
  inspect(rmaId: string): void;
  /** open an RMA in the credit note tab */
  credit(rmaId: string): void;
}

export interface TakeBackPanel {
  root: HTMLElement;
  focus(): void;
}

interface LineInput {
  lineKey: string;
  sku: string;
  returnable: number;
  field: Field;
  error: HTMLElement;
}

export function takeBackPanel(p: Page, t: T, ctx: ReturnsContext): TakeBackPanel {
  const query = textField({ label: t('field.query'), name: 'query', hint: t('form.returns.queryHint') });
  const results = h('div', { class: 'found', 'aria-live': 'polite' });
  let found: ReturnableValue | null = null;
  const noOrder = noOrderPanel(p, t, () => ctx.items, ctx);
  const noOrderToggle = button(t('form.returns.noOrder'), () => {
    noOrder.root.hidden = !noOrder.root.hidden;
    noOrderToggle.setAttribute('aria-expanded', String(!noOrder.root.hidden));
    p.messages.clear();
    if (noOrder.root.hidden) query.input.focus();
    else noOrder.focus();
  }, 'secondary', { 'data-action': 'no-order', 'aria-expanded': 'false', 'aria-controls': 'no-order' });
  noOrder.root.id = 'no-order';

  async function find(): Promise<void> {
    p.messages.clear();
    query.error(null);
    const q = query.input.value.trim();
    if (!q) {
      query.error(t('err.required'));
      query.input.focus();
      return;
    }
    const r = await p.busy.run(t('form.busy.loading'), () => call('findReturnable', { query: q }));
    if (!r) return;
    if (!r.ok) return showFailed(p, t, r, (field) => (field === 'query' ? { error: query.error, focusable: query.input } : null));
    found = r.value;
    render(found.orders[0]);
    results.querySelector<HTMLInputElement>('input[name=qty]')?.focus();
  }

  function render(order: ReturnableOrder | undefined): void {
    const v = found;
    if (!v) return;
    if (!order) {
      fill(results, h('p', { class: 'empty', 'data-empty': 'orders' }, t('form.returns.nothingFound', { query: v.query })));
      return;
    }
    const choose = v.orders.length > 1
      ? selectField({
        label: t('form.returns.order'), name: 'orderId', value: order.orderId,
        options: v.orders.map((o): [string, string] => [o.orderId, t('form.returns.orderOption', { order: o.orderId, customer: o.customerName || '-', date: o.orderDate.slice(0, 10) })]),
      })
      : null;
    choose?.input.addEventListener('change', () => {
      render(v.orders.find((o) => o.orderId === choose.input.value));
      choose.input.focus();
    });
    fill(results, choose?.root ?? null, orderView(v, order));
  }

  function orderView(v: ReturnableValue, order: ReturnableOrder): HTMLElement {
    const send = submission(p, 'rma');
    const inputs: LineInput[] = [];
    const header = reasonAndNote(t, v.reasons.map((x) => [x.code, x.label] as const));
    const { reason, note } = header;
    const preview = h('p', { class: 'preview', 'aria-live': 'polite' });

    const lines = order.lines.map((l) => {
      const head = h('div', { class: 'line-head' }, h('span', { class: 'line-title' }, h('span', { class: 'sku' }, l.sku), ' ', l.name));
      const info = h('div', { class: 'item-info' }, t('form.returns.lineInfo', { shipped: number(l.qtyShipped, ctx.lang), returned: number(l.qtyReturned, ctx.lang), returnable: number(l.returnable, ctx.lang) }));
      if (l.returnable <= 0) return h('li', { class: 'line done', 'data-line-key': l.lineKey }, head, info);
      const field = textField({ label: t('form.returns.qty'), name: 'qty', inputmode: 'decimal', class: 'narrow', placeholder: t('form.returns.qtyHint', { max: number(l.returnable, ctx.lang) }) });
      const error = h('div', { class: 'field-error line-error', hidden: true });
      const input: LineInput = { lineKey: l.lineKey, sku: l.sku, returnable: l.returnable, field, error };
      field.input.addEventListener('input', () => {
        send.reset();
        field.error(overReturnable(field.input.value, l.returnable) ? t('form.returns.overReturnable', { max: number(l.returnable, ctx.lang) }) : null);
        refresh();
      });
      inputs.push(input);
      return h('li', { class: 'line', 'data-line-key': l.lineKey, 'data-sku': l.sku }, head, error, h('div', { class: 'pick-row' }, h('div', { class: 'to-pick' }, info), field.root));
    });

    const typed = () => inputs.filter((i) => i.field.input.value.trim() !== '');

    function refresh(): void {
      const parts = typed().map((i) => t('form.returns.previewPart', { qty: i.field.input.value.trim(), sku: i.sku }));
      preview.textContent = parts.length ? t('form.returns.preview', { parts: parts.join(', '), bin: v.returnsBin }) : t('form.returns.previewNone');
    }

    async function submit(): Promise<void> {
      if (p.busy.active) return;
      p.messages.clear();
      reason.error(null);
      note.error(null);
      inputs.forEach((i) => {
        i.field.error(null);
        i.error.hidden = true;
      });
      const sent = typed();
      const over = sent.find((i) => overReturnable(i.field.input.value, i.returnable));
      if (over) {
        over.field.error(t('form.returns.overReturnable', { max: number(over.returnable, ctx.lang) }));
        over.field.input.focus();
        return;
      }
      if (!sent.length) {
        p.messages.show('error', t('form.returns.noQty'));
        inputs[0]?.field.input.focus();
        return;
      }
      if (!header.chosen()) return;
      const payload = (requestId: string): [ReturnRequest] => [{
        requestId, orderId: order.orderId, reason: reason.input.value, note: note.input.value.trim(),
        lines: sent.map((i) => ({ lineKey: i.lineKey, qty: i.field.input.value.trim() })),
      }];
      const r = await send.send(t('form.busy.saving'), 'createReturn', payload);
      if (!r) return;
      if (!r.ok) {
        return showFailed(p, t, r, (field, line) => {
          const i = line ? sent[line - 1] : undefined;
          if (!i) return header.target(field, line);
          return field === 'qty' ? { error: i.field.error, focusable: i.field.input } : lineMessage(i.error, i.field.input);
        });
      }
      const rmaId = r.value.rmaId;
      showChanges(p, t('form.returns.recorded', { rma: rmaId }), r.changes);
      // the order again, with what it can still return, and the new RMA ready to inspect
      const again = await call('findReturnable', { query: order.orderId });
      if (again.ok) {
        found = again.value;
        render(found.orders.find((o) => o.orderId === order.orderId) ?? found.orders[0]);
      }
      results.querySelector<HTMLButtonElement>(`button[data-inspect="${rmaId}"]`)?.focus();
    }

    const shipments = order.shipments.map((s) => h('li', {}, t('form.returns.shipment', { carrier: s.carrier, tracking: s.trackingNumber, date: s.shippedAt.slice(0, 10) })));
    const rmas = v.returns.filter((x) => x.orderId === order.orderId);
    const root = h(
      'div',
      { class: 'order', 'data-order': order.orderId },
      h('h2', { class: 'section-title' }, t('form.returns.orderTitle', { order: order.orderId, customer: order.customerName || '-' })),
      h('p', { class: 'item-info' }, [order.email, order.orderDate.slice(0, 10)].filter(Boolean).join(' · ')),
      shipments.length ? h('ul', { class: 'list shipments' }, shipments) : null,
      h('ol', { class: 'lines return-lines' }, lines),
      inputs.length ? [reason.root, note.root, preview] : h('p', { class: 'empty' }, t(order.lines.length ? 'form.returns.allReturned' : 'form.returns.notShipped')),
      inputs.length ? h('div', { class: 'buttons' }, button(t('form.returns.submit'), () => void submit(), 'action', { 'data-action': 'create-return' }), h('span', { class: 'hint' }, t('form.shortcut'))) : null,
      rmas.length ? section(t('form.returns.rmasTitle', { count: rmas.length }), h('ul', { class: 'list rmas' }, rmas.map((x) => h(
        'li', { 'data-rma': x.rmaId },
        h('span', { class: 'sku' }, x.rmaId), ' ',
        x.lines.flatMap((l) => l.rows.map((row) => t('form.returns.rmaRow', { sku: l.sku, status: row.statusLabel, qty: number(row.qty, ctx.lang) }))).join(', '),
        h('div', { class: 'buttons' },
          button(t('form.returns.inspect', { rma: x.rmaId }), () => ctx.inspect(x.rmaId), 'secondary', { 'data-inspect': x.rmaId }),
          button(t('form.returns.creditNote'), () => ctx.credit(x.rmaId), 'secondary', { 'data-credit': x.rmaId })),
      )))) : null,
    );
    root.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        void submit();
        return;
      }
      // Enter in a quantity goes to the next line's, then to the reason
      const i = inputs.findIndex((x) => x.field.input === e.target);
      if (i < 0) return;
      e.preventDefault();
      (inputs[i + 1]?.field.input ?? reason.input).focus();
    });
    reason.input.addEventListener('change', () => {
      send.reset();
      reason.error(null);
    });
    refresh();
    return root;
  }

  const search = h('form', {
    novalidate: true,
    class: 'search',
    onsubmit: (e: Event) => {
      e.preventDefault();
      void find();
    },
  }, query.root, h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary', 'data-action': 'find' }, t('form.returns.find')), noOrderToggle));
  return { root: h('div', { 'data-panel': 'take-back' }, search, noOrder.root, results), focus: () => query.input.focus() };
}
