/**
 * Orders: typed in the form, imported from a marketplace export, cancelled. Orders reserve
 * stock (stock_summary.reserved and available to sell change at once); they move nothing,
 * except that cancelling puts picked goods back to available.
 */
import type { OrderLine } from '../domain/types';
import { ProblemError, problem, type Change } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { adoptTypedLine, validateManualOrder, type ManualOrderInput } from '../domain/orders/manual';
import { deriveStatus, languageFor, openQty, orderLineIdentity } from '../domain/orders/lifecycle';
import { holdings, lineRef } from '../domain/orders/holdings';
import { parseOrderFile, type GenericMapping, type ImportedLine } from '../domain/orders/import';
import { ItemIndex } from '../domain/items';
import { decimalPlaces } from '../domain/quantity';
import type { MessageKey, Translator } from '../domain/i18n';
import type { Located } from '../sheets/stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { localize } from './context';
import { RowBuilder } from './movements';

function requireRequestId(payload: { requestId?: unknown } | null | undefined): string {
  const id = cleanText(payload?.requestId);
  if (!id) throw new ProblemError([problem('required', 'requestId')]);
  return id;
}

/**
 * Set the reserved quantity of some SKUs (those of the lines a request touches, changed or
 * not, so a retry after a cut-off corrects them) from ALL order lines after the change,
 * and refresh their summaries: reserved and available to sell change at once.
 */
export function reserve(session: WriteSession, all: readonly OrderLine[], touched: readonly { sku: string }[]): void {
  const skus = new Set(touched.map((l) => skuKey(l.sku)));
  const sums = new Map<string, number>();
  for (const k of skus) sums.set(k, 0);
  for (const l of all) {
    const k = skuKey(l.sku);
    if (sums.has(k)) sums.set(k, Number(((sums.get(k) ?? 0) + l.reserved).toFixed(9)));
  }
  session.cachesLoaded().refreshSummaries(skus, session.ports.clock.now(), { reserved: sums });
}

/**
 * All order lines, after taking on the lines people typed or pasted into the Orders tab
 * since the last write (they carry no status yet): valid ones become open and reserve
 * stock, invalid ones get a plain-words problem in their row and wait to be corrected.
 */
export function loadOrders(session: WriteSession, t: Translator): Located<OrderLine>[] {
  const store = session.ports.workbook.orders();
  const all = store.readAll();
  const typed = all.filter((l) => !l.value.status && !l.value.requestId);
  if (typed.length === 0) return all;
  const index = new ItemIndex(session.cachesLoaded().items);
  const now = session.ports.clock.now();
  const positions = new Map<string, number>();
  const updates: { row: number; fields: Partial<OrderLine> }[] = [];
  const adopted: OrderLine[] = [];
  for (const { row, value: l } of typed) {
    const position = (positions.get(l.orderId) ?? 0) + 1;
    positions.set(l.orderId, position);
    const r = adoptTypedLine(l, index, position, now);
    if ('problem' in r) {
      const text = localize(t, r.problem).message;
      if (text !== l.problem) updates.push({ row, fields: { problem: text } });
      continue;
    }
    Object.assign(l, r.fields);
    updates.push({ row, fields: r.fields });
    adopted.push(l);
  }
  store.updateMany(updates);
  if (adopted.length) reserve(session, all.map((l) => l.value), adopted);
  return all;
}

function nextManualId(all: Located<OrderLine>[]): string {
  let max = 0;
  for (const l of all) {
    const m = /^MAN-(\d+)$/.exec(l.value.orderId);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return 'MAN-' + String(max + 1).padStart(5, '0');
}

export interface AddOrderValue {
  orderId: string;
  lines: number;
  replayed: boolean;
}

export function addOrder(ports: Ports, payload: ManualOrderInput, t: Translator): Outcome<AddOrderValue> {
  const requestId = requireRequestId(payload);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const orders = wb.orders();
    const prior = orders.table.findRows('request_id', requestId);
    if (prior.length) {
      const line = orders.readAll().find((l) => l.row === prior[0]);
      return { value: { orderId: line?.value.orderId ?? '', lines: prior.length, replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    }
    const all = loadOrders(session, t);
    const orderId = cleanText(payload.orderId) || nextManualId(all);
    const caches = session.cachesLoaded();
    const { lines, problems } = validateManualOrder(payload, orderId, {
      items: caches.items, existing: new Set(all.map((l) => orderLineIdentity(l.value))), currency: wb.currency(), now: ports.clock.now(),
    });
    if (problems.length) throw new ProblemError(problems);
    orders.append(lines);
    reserve(session, [...all.map((l) => l.value), ...lines], lines);
    return {
      value: { orderId, lines: lines.length, replayed: false },
      changes: [{ kind: 'order_added', orderId, message: t('change.orderAdded', { order: orderId, lines: lines.length }) }, ...reservedChanges(session, lines, t)],
    };
  });
}

function reservedChanges(session: WriteSession, lines: OrderLine[], t: Translator): Change[] {
  const caches = session.cachesLoaded();
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const l of lines) {
    const k = skuKey(l.sku);
    if (seen.has(k)) continue;
    seen.add(k);
    const s = caches.summaries.get(k)?.value;
    if (s) out.push({ kind: 'reserved', sku: s.sku, reserved: s.reserved, availableToSell: s.availableToSell, message: t('change.reserved', { sku: s.sku, reserved: s.reserved, ats: s.availableToSell }) });
  }
  return out;
}

export interface ImportPayload {
  requestId?: unknown;
  text?: unknown;
  source?: unknown;
  mapping?: GenericMapping;
}

export interface ImportValue {
  source: string;
  added: number;
  orders: number;
  duplicates: number;
  cancelled: number;
  /** lines already fulfilled outside the add-on (shipped): not imported, nothing to reserve */
  fulfilled: number;
  problems: { row: number; code: string; field: string; message: string }[];
  headers: string[];
  replayed: boolean;
}

/** Where a marketplace line meets an item: the SKU first, else the listing key as a SKU or barcode. */
function resolveItem(index: ItemIndex, l: ImportedLine) {
  for (const code of [l.sku, l.listingKey]) {
    if (!code) continue;
    const r = index.resolve(code);
    if (r.kind === 'one') return r.item;
  }
  return undefined;
}

export function importOrders(ports: Ports, payload: ImportPayload, t: Translator): Outcome<ImportValue> {
  const requestId = requireRequestId(payload);
  const text = typeof payload.text === 'string' ? payload.text : '';
  if (!text.trim()) throw new ProblemError([problem('import_empty', 'text')]);
  const parsed = parseOrderFile(text, { mapping: payload.mapping, sourceHint: cleanText(payload.source) || undefined });
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const earlier = wb.log().findRequest(requestId);
    if (earlier) return { value: { ...(JSON.parse(earlier) as ImportValue), replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    const orders = wb.orders();
    const before = loadOrders(session, t).map((l) => l.value);
    const existing = new Set(before.map((l) => orderLineIdentity(l)));
    const caches = session.cachesLoaded();
    const index = new ItemIndex(caches.items);
    const now = ports.clock.now();
    const problems: ImportValue['problems'] = parsed.problems.map((p) => ({
      row: p.row, code: p.code, field: p.field,
      message: t('import.problem', { row: p.row, problem: t(`importErr.${p.code}` as MessageKey, { ...(p.params ?? {}), field: p.field }) }),
    }));
    let duplicates = 0;
    let cancelled = 0;
    let fulfilled = 0;
    const good: OrderLine[] = [];
    for (const l of parsed.lines) {
      const identity = orderLineIdentity({ channel: l.channel, orderId: l.orderId, lineKey: l.lineKey });
      if (existing.has(identity)) {
        duplicates++;
        continue;
      }
      if (l.cancelled) {
        cancelled++;
        continue;
      }
      if (l.fulfilled) {
        fulfilled++;
        continue;
      }
      const item = resolveItem(index, l);
      if (!item) {
        problems.push({ row: l.sourceRow, code: 'unknown_sku', field: 'sku', message: t('import.problem', { row: l.sourceRow, problem: t('err.unknown_sku', { value: l.sku || l.itemName }) }) });
        continue;
      }
      if (decimalPlaces(l.qty) > item.decimals) {
        problems.push({ row: l.sourceRow, code: 'too_many_decimals', field: 'qty', message: t('import.problem', { row: l.sourceRow, problem: t('err.too_many_decimals', { max: item.decimals }) }) });
        continue;
      }
      existing.add(identity);
      // A time with its zone is exact; one without is the shop's wall clock: read it in the sheet's zone.
      const orderDate = !l.orderDate ? null : /[zZ]|[+-]\d\d:?\d\d$/.test(l.orderDate) ? Date.parse(l.orderDate) : wb.localToMs(l.orderDate);
      good.push({
        orderId: l.orderId, lineKey: l.lineKey, channel: l.channel, orderDate: orderDate !== null && Number.isFinite(orderDate) ? orderDate : null,
        customerName: l.customerName, email: l.email, country: l.country, language: languageFor(l.language, l.country),
        sku: item.sku, itemName: l.itemName || item.name, qty: l.qty, qtyCancelled: 0, qtyPicked: 0, qtyPacked: 0, qtyShipped: 0,
        unitPrice: l.unitPrice, currency: l.currency, shippingMethod: l.shippingMethod, status: 'open', reserved: l.qty,
        pickListId: '', tote: null, shipmentId: '', requestId, createdAt: now, problem: '',
      });
    }
    problems.sort((a, b) => a.row - b.row);
    // Valid rows go in one batch; rejected rows come back with their codes (DESIGN section 5).
    orders.append(good);
    reserve(session, [...before, ...good], good);
    const value: ImportValue = {
      source: parsed.source, added: good.length, orders: new Set(good.map((l) => l.orderId)).size, duplicates, cancelled, fulfilled,
      problems, headers: parsed.headers, replayed: false,
    };
    wb.log().append([{
      time: now, user: ports.identity.email(), level: problems.length ? 'warning' : 'info', event: 'import_orders',
      message: t('log.import', { source: parsed.source, added: good.length, duplicates, problems: problems.length }),
      details: JSON.stringify(value).slice(0, 45000), requestId,
    }]);
    return { value, changes: [{ kind: 'orders_imported', message: t('change.imported', { added: good.length, orders: value.orders, duplicates }) }, ...reservedChanges(session, good, t)] };
  });
}

export interface CancelPayload {
  requestId?: unknown;
  orderId?: unknown;
  /** line keys to cancel; all lines of the order when absent */
  lineKeys?: unknown;
}

export function cancelOrder(ports: Ports, payload: CancelPayload, t: Translator): Outcome<{ orderId: string; released: number; returned: number; replayed: boolean }> {
  const requestId = requireRequestId(payload);
  const orderId = cleanText(payload?.orderId);
  if (!orderId) throw new ProblemError([problem('required', 'orderId')]);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const earlier = wb.log().findRequest(requestId);
    if (earlier) return { value: { ...JSON.parse(earlier), replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    const orders = wb.orders();
    const keys = Array.isArray(payload.lineKeys) ? payload.lineKeys.map((k) => cleanText(k)) : null;
    const all = loadOrders(session, t);
    const lines = all.filter((l) => l.value.orderId === orderId && (!keys || keys.includes(l.value.lineKey)));
    if (lines.length === 0) throw new ProblemError([problem('unknown_order', 'orderId', undefined, { value: orderId })]);
    const onList = lines.find((l) => l.value.status === 'picking');
    if (onList) throw new ProblemError([problem('on_pick_list', 'orderId', undefined, { value: orderId, list: onList.value.pickListId })]);
    const now = ports.clock.now();
    // Ledger first: if an earlier attempt of this request already moved goods back and was
    // cut off before updating the order, its rows say how much came back.
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const builder = new RowBuilder(session.cachesLoaded(), { requestId, user: ports.identity.email(), time: now, currency: wb.currency() });
    const updates: { row: number; fields: Partial<OrderLine> }[] = [];
    let released = 0;
    let returned = 0;
    for (const { row, value: l } of lines) {
      if (l.status === 'shipped' || l.status === 'cancelled') continue;
      const open = openQty(l);
      const ref = lineRef(l.orderId, l.lineKey);
      let back = 0;
      if (prior.length) {
        back = prior.filter((m) => m.refId === ref && m.qty > 0).reduce((a, m) => a + m.qty, 0);
      } else {
        // Picked or packed goods not shipped go back to available in the bin they came from.
        for (const h of holdings(wb.ledger().findByRef(ref))) {
          builder.move('move', h, { ...h, state: 'available' }, h.qty, { refType: 'order_line', refId: ref, note: 'cancel' });
          back += h.qty;
        }
      }
      returned += back;
      const next = { ...l, qtyCancelled: l.qtyCancelled + open + back, qtyPicked: Math.max(0, l.qtyPicked - back), qtyPacked: Math.max(0, l.qtyPacked - back), reserved: 0 };
      const fields: Partial<OrderLine> = { qtyCancelled: next.qtyCancelled, qtyPicked: next.qtyPicked, qtyPacked: next.qtyPacked, reserved: 0, status: deriveStatus(next) };
      updates.push({ row, fields });
      released += l.reserved;
      Object.assign(l, fields);
    }
    if (updates.length === 0) throw new ProblemError([problem('nothing_to_cancel', 'orderId', undefined, { value: orderId })]);
    session.post(builder.rows);
    orders.updateMany(updates);
    reserve(session, all.map((l) => l.value), lines.map((l) => l.value));
    const value = { orderId, released, returned, replayed: false };
    wb.log().append([{ time: now, user: ports.identity.email(), level: 'info', event: 'cancel_order', message: t('change.cancelled', { order: orderId, released: value.released, returned }), details: JSON.stringify(value), requestId }]);
    return { value, changes: [{ kind: 'order_cancelled', orderId, message: t('change.cancelled', { order: orderId, released: value.released, returned }) }] };
  });
}
