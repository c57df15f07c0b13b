/**
 * Returns: find what an order (or a shipment, or a customer) can send back, take goods back
 * under an RMA (into quarantine at the returns bin, each row reversing the ship row it comes
 * back from, at the cost it left with), and record the credit note.
 *
 * Write order (DESIGN section 3): the Returns rows (the RMA) first, then the ledger, then the
 * caches, the order's returned quantities and a Log row holding the result. A retry finds
 * its Returns rows and ledger rows and finishes what is missing.
 */
import { returnValueMinor } from '../domain/valuation';
import type { Movement, OrderLine } from '../domain/types';
import { ProblemError, problem, type Change } from '../domain/result';
import { cleanText, normalizeBin, skuKey } from '../domain/text';
import { fromMinor, toMinor } from '../domain/money';
import { lineRef } from '../domain/orders/holdings';
import {
  DISPOSITIONS, nextRmaId, RETURN_REASONS, returnLineRef, unitCostOf, WRITE_OFF_REASONS,
  type Disposition, type ReturnReason, type ReturnStatus, type WriteOffReason,
} from '../domain/returns/rules';
import { planCreditNote, planReturn, type CreditNotePayload, type NormalizedReturnLine, type ReturnableLine, type ReturnPayload } from '../domain/returns/validate';
import { requestIdOf } from '../domain/form-input';
import type { MessageKey, Translator } from '../domain/i18n';
import { knownExpiries, lotKey } from '../domain/lots';
import { ledgerWhere, returnsStore, type ReturnRow } from '../sheets/returns-stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { RowBuilder, type Draft } from './movements';
import { refreshOrderReturns } from './return-lines';

export function returnsBin(ports: Ports): string {
  return normalizeBin(ports.workbook.settings().returns_bin) || 'RETURNS';
}

export function labels<T extends string>(t: Translator, prefix: string, codes: readonly T[]): { code: T; label: string }[] {
  return codes.map((code) => ({ code, label: t(`${prefix}.${code}` as MessageKey) }));
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** Earlier returns per order line ("orderId#lineKey"), from the Returns rows. */
function returnedByLine(rows: readonly ReturnRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.orderId) out.set(lineRef(r.orderId, r.lineKey), Number(((out.get(lineRef(r.orderId, r.lineKey)) ?? 0) + r.qty).toFixed(9)));
  return out;
}

// ---------------------------------------------------------------- find

export interface ReturnableOrder {
  orderId: string;
  channel: string;
  orderDate: string;
  customerName: string;
  email: string;
  shipments: { shipmentId: string; carrier: string; trackingNumber: string; shippedAt: string }[];
  lines: { lineKey: string; sku: string; name: string; qtyShipped: number; qtyReturned: number; returnable: number; unitPrice: number | null }[];
  rmaIds: string[];
}

/** An RMA as the Returns tab shows it: per line, its rows (status, bin, qty). */
export interface ReturnSummary {
  rmaId: string;
  orderId: string;
  createdAt: string;
  creditNoteRef: string;
  refund: number | null;
  lines: { lineKey: string; sku: string; reason: string; rows: { status: ReturnStatus; statusLabel: string; bin: string; qty: number }[] }[];
}

export interface ReturnableValue {
  query: string;
  matchedBy: 'order' | 'tracking' | 'customer' | 'rma' | 'none';
  returnsBin: string;
  reasons: { code: ReturnReason; label: string }[];
  dispositions: { code: Disposition; label: string }[];
  writeOffReasons: { code: WriteOffReason; label: string }[];
  orders: ReturnableOrder[];
  /** the RMAs of the orders found (and the RMA named by the query), for the inspection form */
  returns: ReturnSummary[];
}

function summarizeReturns(rows: readonly ReturnRow[], rmaIds: ReadonlySet<string>, currency: string, t: Translator): ReturnSummary[] {
  const by = new Map<string, ReturnSummary>();
  for (const r of rows) {
    if (!rmaIds.has(r.rmaId)) continue;
    const rma = by.get(r.rmaId) ?? { rmaId: r.rmaId, orderId: r.orderId, createdAt: iso(r.createdAt), creditNoteRef: r.creditNoteRef, refund: r.refundMinor === null ? null : fromMinor(r.refundMinor, currency), lines: [] };
    by.set(r.rmaId, rma);
    let line = rma.lines.find((l) => l.lineKey === r.lineKey);
    if (!line) rma.lines.push((line = { lineKey: r.lineKey, sku: r.sku, reason: r.reason, rows: [] }));
    if (r.qty !== 0) line.rows.push({ status: r.status, statusLabel: t(`returnStatus.${r.status}` as MessageKey), bin: r.bin, qty: r.qty });
  }
  return Array.from(by.values());
}

export const MAX_FOUND_ORDERS = 20;

export function findReturnable(ports: Ports, payload: { query?: unknown }, t: Translator): Outcome<ReturnableValue> {
  const query = cleanText(payload?.query);
  if (!query) throw new ProblemError([problem('required', 'query')]);
  const wb = ports.workbook;
  const lines = wb.orders().readAll().map((l) => l.value);
  const shipments = wb.shipments().readAll().map((s) => s.value);
  const returns = returnsStore(wb).readAll().map((r) => r.value);
  const q = query.toLowerCase();
  const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  let matchedBy: ReturnableValue['matchedBy'] = 'none';
  const rmaIds = new Set(returns.filter((r) => r.rmaId.toLowerCase() === q).map((r) => r.rmaId));
  let ids = new Set(lines.filter((l) => l.orderId.toLowerCase() === q).map((l) => l.orderId));
  if (ids.size) matchedBy = 'order';
  else if (rmaIds.size) {
    matchedBy = 'rma';
    ids = new Set(returns.filter((r) => rmaIds.has(r.rmaId) && r.orderId).map((r) => r.orderId));
  } else {
    ids = new Set(shipments.filter((s) => compact(s.trackingNumber) === compact(query) || s.shipmentId.toLowerCase() === q).map((s) => s.orderId));
    if (ids.size) matchedBy = 'tracking';
    else if (q.length >= 2) {
      ids = new Set(lines.filter((l) => l.customerName.toLowerCase().includes(q) || l.email.toLowerCase().includes(q)).map((l) => l.orderId));
      if (ids.size) matchedBy = 'customer';
    }
  }
  const returned = returnedByLine(returns);
  const items = new Map(wb.items().readAll().map((i) => [skuKey(i.sku), i]));
  const byOrder = new Map<string, OrderLine[]>();
  for (const l of lines) if (ids.has(l.orderId)) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  const orders: ReturnableOrder[] = Array.from(byOrder, ([orderId, ls]) => {
    const first = ls[0];
    return {
      orderId, channel: first.channel, orderDate: iso(first.orderDate), customerName: first.customerName, email: first.email,
      shipments: shipments.filter((s) => s.orderId === orderId).map((s) => ({ shipmentId: s.shipmentId, carrier: s.carrier, trackingNumber: s.trackingNumber, shippedAt: iso(s.shippedAt) })),
      lines: ls.filter((l) => l.qtyShipped > 0).map((l) => {
        const back = returned.get(lineRef(l.orderId, l.lineKey)) ?? 0;
        return {
          lineKey: l.lineKey, sku: l.sku, name: l.itemName || items.get(skuKey(l.sku))?.name || '', qtyShipped: l.qtyShipped,
          qtyReturned: back, returnable: Math.max(0, Number((l.qtyShipped - back).toFixed(9))), unitPrice: l.unitPrice,
        };
      }),
      rmaIds: Array.from(new Set(returns.filter((r) => r.orderId === orderId).map((r) => r.rmaId))),
    };
  }).sort((a, b) => b.orderDate.localeCompare(a.orderDate) || b.orderId.localeCompare(a.orderId)).slice(0, MAX_FOUND_ORDERS);
  for (const o of orders) for (const id of o.rmaIds) rmaIds.add(id);
  return {
    value: {
      query, matchedBy, returnsBin: returnsBin(ports), reasons: labels(t, 'returnReason', RETURN_REASONS), dispositions: labels(t, 'disposition', DISPOSITIONS),
      writeOffReasons: labels(t, 'writeOffReason', WRITE_OFF_REASONS), orders, returns: summarizeReturns(returns, rmaIds, wb.currency(), t),
    },
    changes: [],
  };
}

// ---------------------------------------------------------------- create

export interface ReturnValue {
  rmaId: string;
  replayed: boolean;
  orderId: string;
  bin: string;
  lines: { line: number; lineKey: string; sku: string; qty: number; reason: ReturnReason; value: number; lots: { lot: string; expiry: string; qty: number }[] }[];
  movementIds: string[];
}

/** The first result of a request that ran to its end (its Log row), or null; `fp` null skips the payload check. */
export function logged<T>(session: WriteSession, requestId: string, fp: string | null, t: Translator): Outcome<T> | null {
  const earlier = session.ports.workbook.log().findRequest(requestId);
  if (earlier === null) return null;
  const parsed = JSON.parse(earlier) as { fp?: string; value: T };
  if (fp !== null && parsed.fp !== undefined && parsed.fp !== fp) throw new ProblemError([problem('request_reused', 'requestId')]);
  return { value: { ...parsed.value, replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
}

/** Ship rows of order lines and, per ship row, what already came back of it (returns, reversals, less their voids). */
function shipRowsOf(session: WriteSession, refs: string[], shipmentId: string) {
  const ledger = session.ports.workbook.ledger();
  const ships = ledgerWhere(ledger, 'ref_id', refs).filter((m) => m.type === 'ship' && m.refType === 'order_line' && (!shipmentId || m.externalRef === shipmentId));
  const backRows = ledgerWhere(ledger, 'reverses', ships.map((m) => m.movementId)).filter((m) => m.qty > 0);
  const voids = ledgerWhere(ledger, 'reverses', backRows.map((m) => m.movementId)).filter((m) => m.type === 'reversal');
  const back = new Map<string, { qty: number; valueMinor: number }>();
  const add = (id: string, m: Movement) => {
    const b = back.get(id) ?? { qty: 0, valueMinor: 0 };
    back.set(id, { qty: Number((b.qty + m.qty).toFixed(9)), valueMinor: b.valueMinor + m.valueMinor });
  };
  for (const m of backRows) add(m.reverses, m);
  for (const v of voids) {
    const original = backRows.find((m) => m.movementId === v.reverses);
    if (original) add(original.reverses, v);
  }
  return { ships, back };
}

/**
 * The return rows of an RMA: into quarantine at the returns bin. With an order, each line
 * reverses its ship rows (oldest first) at the cost they left with; without, at the current
 * cost (the moving average, else the item's cost).
 */
function returnRows(
  session: WriteSession,
  r: { requestId: string; user: string; now: number; rmaId: string; orderId: string; shipmentId: string; bin: string; lines: NormalizedReturnLine[] },
): Draft[] {
  const wb = session.ports.workbook;
  const currency = wb.currency();
  const caches = session.cachesLoaded();
  const items = new Map(caches.items.map((i) => [skuKey(i.sku), i]));
  const builder = new RowBuilder(caches, { requestId: r.requestId, user: r.user, time: r.now, currency });
  const currentCost = (sku: string) => builder.currentUnitCost(sku) ?? items.get(skuKey(sku))?.unitCost ?? null;
  if (r.orderId) {
    const { ships, back } = shipRowsOf(session, r.lines.map((l) => lineRef(r.orderId, l.lineKey)), r.shipmentId);
    for (const l of r.lines) {
      let want = l.qty;
      const ref = { refType: 'return', refId: returnLineRef(r.rmaId, l.lineKey), externalRef: lineRef(r.orderId, l.lineKey), note: l.note };
      for (const s of ships.filter((m) => m.refId === lineRef(r.orderId, l.lineKey))) {
        const left = { qty: -s.qty, valueMinor: -s.valueMinor };
        const b = back.get(s.movementId) ?? { qty: 0, valueMinor: 0 };
        const take = Math.min(want, Number((left.qty - b.qty).toFixed(9)));
        if (take <= 0) continue;
        const value = returnValueMinor(left, b, take, currency, currentCost(l.sku));
        builder.inbound('return', { sku: l.sku, bin: r.bin, state: 'quarantine', lot: s.lot, expiry: s.expiry }, take, value, unitCostOf(value, take, currency), { ...ref, reverses: s.movementId });
        back.set(s.movementId, { qty: Number((b.qty + take).toFixed(9)), valueMinor: b.valueMinor + value });
        want = Number((want - take).toFixed(9));
        if (want <= 0) break;
      }
      // The Orders tab said it shipped, the ledger has fewer ship rows left to reverse.
      if (want > 0) throw new ProblemError([problem('over_return', 'qty', l.line, { sku: l.sku, qty: l.qty, returnable: Number((l.qty - want).toFixed(9)) })]);
    }
    return builder.rows;
  }
  const expiries = knownExpiries(caches.levelList());
  for (const l of r.lines) {
    const known = expiries.get(lotKey(l.sku, l.lot));
    if (l.lot && l.expiry && known && known !== l.expiry) throw new ProblemError([problem('lot_expiry_conflict', 'expiry', l.line, { lot: l.lot, sku: l.sku, expiry: known })]);
    const cost = currentCost(l.sku);
    builder.inbound('return', { sku: l.sku, bin: r.bin, state: 'quarantine', lot: l.lot, expiry: l.expiry }, l.qty, cost === null ? 0 : toMinor(l.qty * cost, currency), cost, {
      refType: 'return', refId: returnLineRef(r.rmaId, l.lineKey), note: l.note,
    });
  }
  return builder.rows;
}

export function createReturn(ports: Ports, payload: ReturnPayload, t: Translator): Outcome<ReturnValue> {
  const shape = requestIdOf(payload);
  if (shape.length) throw new ProblemError(shape);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const store = returnsStore(wb);
    const all = store.readAll();
    const mine = all.filter((r) => r.value.requestId === requestId);
    let orderId = cleanText(payload.orderId);
    const shipmentId = cleanText(payload.shipmentId);
    if (shipmentId) {
      const s = wb.shipments().readAll().find((x) => x.value.shipmentId === shipmentId || x.value.trackingNumber === shipmentId);
      if (!s || (orderId && s.value.orderId !== orderId)) throw new ProblemError([problem('unknown_order', 'shipmentId', undefined, { value: shipmentId })]);
      orderId = s.value.orderId;
    }
    const caches = session.cachesLoaded();
    const items = new Map(caches.items.map((i) => [skuKey(i.sku), i]));
    let order: ReturnableLine[] | null = null;
    let orderLines: OrderLine[] = [];
    if (orderId) {
      orderLines = wb.orders().readAll().map((l) => l.value).filter((l) => l.orderId === orderId);
      if (orderLines.length === 0) throw new ProblemError([problem('unknown_order', 'orderId', undefined, { value: orderId })]);
      const earlier = returnedByLine(all.filter((r) => r.value.rmaId !== mine[0]?.value.rmaId).map((r) => r.value));
      order = orderLines.filter((l) => l.qtyShipped > 0).map((l) => ({
        lineKey: l.lineKey, sku: l.sku, decimals: items.get(skuKey(l.sku))?.decimals ?? 0,
        returnable: Number((l.qtyShipped - (earlier.get(lineRef(l.orderId, l.lineKey)) ?? 0)).toFixed(9)),
      }));
      if (order.length === 0) throw new ProblemError([problem('nothing_to_return', 'orderId', undefined, { value: orderId })]);
    }
    const plan = planReturn(payload, { order, items: caches.items });
    const fp = JSON.stringify([orderId, plan.lines.map((l) => [l.lineKey, skuKey(l.sku), l.qty, l.reason, l.lot])]);
    // A finished request answers with its first result, even if the order changed since.
    const replay = logged<ReturnValue>(session, requestId, plan.problems.length ? null : fp, t);
    if (replay) return replay;
    if (plan.problems.length) throw new ProblemError(plan.problems);
    const bin = returnsBin(ports);
    const now = ports.clock.now();
    const user = ports.identity.email();

    // Checked and valued before anything is written; then the RMA (its rows reserve the id),
    // then the ledger.
    const rmaId = mine.length ? mine[0].value.rmaId : nextRmaId(all.map((r) => r.value.rmaId));
    if (mine.length) {
      const keys = (list: string[]) => Array.from(new Set(list)).sort().join('|');
      if (keys(mine.map((r) => [r.value.lineKey, skuKey(r.value.sku)].join())) !== keys(plan.lines.map((l) => [l.lineKey, skuKey(l.sku)].join()))) {
        throw new ProblemError([problem('request_reused', 'requestId')]);
      }
    }
    let rows = wb.ledger().findRequest(requestId).map((r) => r.value);
    const drafts = rows.length ? [] : returnRows(session, { requestId, user, now, rmaId, orderId, shipmentId, bin, lines: plan.lines });
    if (!mine.length) {
      const shipmentOf = (key: string) => shipmentId || orderLines.find((l) => l.lineKey === key)?.shipmentId || '';
      store.append(plan.lines.map((l) => ({
        rmaId, orderId, lineKey: l.lineKey, shipmentId: shipmentOf(l.lineKey), sku: l.sku, qty: l.qty, reason: l.reason, note: l.note,
        status: 'received' as const, disposition: '' as const, bin, creditNoteRef: '', refundMinor: null, taxRate: null, taxMinor: null,
        requestId, createdAt: now, user,
      })));
    }
    if (rows.length === 0) rows = session.post(drafts).movements;

    // Then the order's returned quantities, and the Log row that makes a retry a replay.
    refreshOrderReturns(session, orderId, store.readAll().map((r) => r.value));
    const value: ReturnValue = {
      rmaId, replayed: mine.length > 0, orderId, bin, movementIds: rows.map((m) => m.movementId),
      lines: plan.lines.map((l) => {
        const mineRows = rows.filter((m) => m.refId === returnLineRef(rmaId, l.lineKey));
        return {
          line: l.line, lineKey: l.lineKey, sku: l.sku, qty: l.qty, reason: l.reason,
          value: fromMinor(mineRows.reduce((a, m) => a + m.valueMinor, 0), wb.currency()),
          lots: mineRows.map((m) => ({ lot: m.lot, expiry: m.expiry, qty: m.qty })),
        };
      }),
    };
    const units = plan.lines.reduce((a, l) => a + l.qty, 0);
    const message = t('change.returnCreated', { rma: rmaId, units, bin, order: orderId || '-' });
    wb.log().append([{ time: now, user, level: 'info', event: 'create_return', message, details: JSON.stringify({ fp, value }), requestId }]);
    const changes: Change[] = [{ kind: 'return_created', rmaId, message }];
    return { value, changes };
  });
}

// ---------------------------------------------------------------- credit note

export interface CreditNoteValue {
  rmaId: string;
  orderId: string;
  reference: string;
  amount: number;
  taxRate: number | null;
  taxAmount: number | null;
  /** the order's refunds so far, all credit notes together */
  refundTotal: number;
  replayed: boolean;
}

export function recordCreditNote(ports: Ports, payload: CreditNotePayload, t: Translator): Outcome<CreditNoteValue> {
  const problems = requestIdOf(payload);
  const planned = planCreditNote(payload ?? {}, ports.workbook.currency());
  if (problems.length || !planned.note) throw new ProblemError([...problems, ...planned.problems]);
  const note = planned.note;
  const requestId = cleanText(payload.requestId);
  const rmaId = cleanText(payload.rmaId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const fp = JSON.stringify([rmaId, note]);
    const replay = logged<CreditNoteValue>(session, requestId, fp, t);
    if (replay) return replay;
    const store = returnsStore(wb);
    const all = store.readAll();
    const rows = all.filter((r) => r.value.rmaId === rmaId);
    if (rows.length === 0) throw new ProblemError([problem('unknown_return', 'rmaId', undefined, { value: rmaId })]);
    // The amounts on the RMA's first row (a column total is then the total refunded), the reference on every row.
    store.updateMany(rows.map((r, i) => ({
      row: r.row,
      fields: i === 0 ? { creditNoteRef: note.reference, refundMinor: note.amountMinor, taxRate: note.taxRate, taxMinor: note.taxMinor } : { creditNoteRef: note.reference },
    })));
    const orderId = rows[0].value.orderId;
    let refundTotal = note.amountMinor;
    if (orderId) {
      const firsts = new Map<string, number>();
      for (const r of all) if (r.value.orderId === orderId && !firsts.has(r.value.rmaId)) firsts.set(r.value.rmaId, r.value.rmaId === rmaId ? note.amountMinor : r.value.refundMinor ?? 0);
      refundTotal = Array.from(firsts.values()).reduce((a, b) => a + b, 0);
      const orders = wb.orders();
      const first = orders.readAll().find((l) => l.value.orderId === orderId);
      if (first) orders.updateMany([{ row: first.row, fields: { refundTotal } }]);
    }
    const currency = wb.currency();
    const value: CreditNoteValue = {
      rmaId, orderId, reference: note.reference, amount: fromMinor(note.amountMinor, currency), taxRate: note.taxRate,
      taxAmount: note.taxMinor === null ? null : fromMinor(note.taxMinor, currency), refundTotal: fromMinor(refundTotal, currency), replayed: false,
    };
    const message = t('change.creditNote', { rma: rmaId, reference: note.reference, amount: value.amount, currency });
    wb.log().append([{ time: ports.clock.now(), user: ports.identity.email(), level: 'info', event: 'credit_note', message, details: JSON.stringify({ fp, value }), requestId }]);
    return { value, changes: [{ kind: 'credit_note', rmaId, message }] };
  });
}
