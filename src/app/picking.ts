/**
 * Batch pick lists: many orders, one trip through the racks sorted by bin, each order in
 * its tote. Building a list claims order lines (two lists never claim the same line) and
 * moves nothing; confirming it moves what was picked from available to picked; cancelling it
 * releases the claims (and, as building moved nothing, writes no ledger row).
 */
import type { OrderLine } from '../domain/types';
import { ProblemError, problem, type Change, type Problem } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { parseDecimal } from '../domain/quantity';
import { compareNatural, distributePicked, planPickList, type PickPlan, type WalkLine } from '../domain/picking';
import { deriveStatus, openQty } from '../domain/orders/lifecycle';
import { lineRef } from '../domain/orders/holdings';
import type { MessageKey, Translator } from '../domain/i18n';
import type { PickListRow } from '../sheets/order-stores';
import type { Located } from '../sheets/stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { RowBuilder } from './movements';
import { loadOrders, reserve } from './orders';

export interface PickListPayload {
  requestId?: unknown;
  channel?: unknown;
  /** yyyy-MM-dd, inclusive, in the spreadsheet's time zone */
  fromDate?: unknown;
  toDate?: unknown;
  maxOrders?: unknown;
  maxLines?: unknown;
}

export interface PickListValue {
  pickListId: string;
  replayed: boolean;
  walk: { seq: number; bin: string; sku: string; name: string; lot: string; expiry: string; qty: number; totes: string }[];
  totes: { tote: number; orderId: string }[];
  shortages: { orderId: string; lineKey: string; sku: string; missing: number; message: string }[];
}

type Alloc = { o: string; l: string; t: number; q: number };

function totesText(allocs: Alloc[]): string {
  return allocs.map((a) => `T${a.t}×${a.q}`).join(' ');
}

function requestIdOf(payload: { requestId?: unknown } | null | undefined): string {
  const id = cleanText(payload?.requestId);
  if (!id) throw new ProblemError([problem('required', 'requestId')]);
  return id;
}

function positiveInt(v: unknown, field: string, problems: Problem[]): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = parseDecimal(v);
  if (n === null || !Number.isInteger(n) || n <= 0) {
    problems.push(problem('invalid_number', field, undefined, { value: String(v) }));
    return null;
  }
  return n;
}

function nextDay(ymd: string): string {
  return new Date(Date.parse(ymd + 'T00:00:00Z') + 86400000).toISOString().slice(0, 10);
}

function nextPickListId(rows: Located<PickListRow>[]): string {
  let max = 0;
  for (const r of rows) {
    const m = /^PL-(\d+)$/.exec(r.value.pickListId);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return 'PL-' + String(max + 1).padStart(5, '0');
}

function listValue(id: string, rows: PickListRow[], replayed: boolean, shortages: PickListValue['shortages'] = []): PickListValue {
  const totes = new Map<number, string>();
  for (const r of rows) for (const a of JSON.parse(r.allocations || '[]') as Alloc[]) totes.set(a.t, a.o);
  return {
    pickListId: id,
    replayed,
    walk: rows.map((r) => ({ seq: r.seq, bin: r.bin, sku: r.sku, name: r.name, lot: r.lot, expiry: r.expiry, qty: r.qty, totes: r.totes })),
    totes: Array.from(totes, ([tote, orderId]) => ({ tote, orderId })).sort((a, b) => a.tote - b.tote),
    shortages,
  };
}

/** Claim the lines a list allocates (idempotent: a retry after a cut-off claims the rest). */
function claim(session: WriteSession, all: Located<OrderLine>[], id: string, rows: PickListRow[]): void {
  const totes = new Map<string, number>();
  for (const r of rows) for (const a of JSON.parse(r.allocations || '[]') as Alloc[]) totes.set(lineRef(a.o, a.l), a.t);
  const updates: { row: number; fields: Partial<OrderLine> }[] = [];
  for (const { row, value: l } of all) {
    const tote = totes.get(lineRef(l.orderId, l.lineKey));
    if (tote === undefined || l.pickListId === id) continue;
    l.pickListId = id;
    l.tote = tote;
    l.status = deriveStatus(l);
    updates.push({ row, fields: { pickListId: id, tote, status: l.status } });
  }
  session.ports.workbook.orders().updateMany(updates);
}

export function buildPickList(ports: Ports, payload: PickListPayload, t: Translator): Outcome<PickListValue> {
  const requestId = requestIdOf(payload);
  const problems: Problem[] = [];
  const maxOrders = positiveInt(payload.maxOrders, 'maxOrders', problems);
  const maxLines = positiveInt(payload.maxLines, 'maxLines', problems);
  const channel = cleanText(payload.channel).toLowerCase();
  const fromDate = cleanText(payload.fromDate);
  const toDate = cleanText(payload.toDate);
  for (const [v, f] of [[fromDate, 'fromDate'], [toDate, 'toDate']] as const) {
    if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) problems.push(problem('invalid_date', f, undefined, { value: v }));
  }
  if (problems.length) throw new ProblemError(problems);

  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const lists = wb.pickLists();
    const allLists = lists.readAll();
    const orders = loadOrders(session, t);
    const earlier = allLists.filter((r) => r.value.requestId === requestId);
    if (earlier.length) {
      const id = earlier[0].value.pickListId;
      // Finish the claims of a cut-off build, but never claim again for a list since confirmed or cancelled.
      if (earlier[0].value.status === 'open') claim(session, orders, id, earlier.map((r) => r.value));
      return { value: listValue(id, earlier.map((r) => r.value), true), changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    }

    // Open, unclaimed lines matching the choice, oldest orders first, capped by orders and lines.
    // Day bounds in the sheet's time zone, computed once (formatting each date is a service call).
    const fromMs = fromDate ? wb.localToMs(fromDate) : null;
    const toMs = toDate ? wb.localToMs(nextDay(toDate)) : null;
    const candidates = orders.map((o) => o.value).filter((l) => {
      if (l.pickListId || openQty(l) <= 0 || l.status === 'cancelled' || l.status === 'shipped') return false;
      if (channel && l.channel !== channel) return false;
      if (fromMs !== null && (l.orderDate === null || l.orderDate < fromMs)) return false;
      if (toMs !== null && (l.orderDate === null || l.orderDate >= toMs)) return false;
      return true;
    });
    const byOrder = new Map<string, OrderLine[]>();
    for (const l of candidates) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    const orderIds = Array.from(byOrder.keys()).sort((a, b) => {
      const da = Math.min(...(byOrder.get(a) as OrderLine[]).map((l) => l.orderDate ?? Infinity));
      const db = Math.min(...(byOrder.get(b) as OrderLine[]).map((l) => l.orderDate ?? Infinity));
      return da === db ? compareNatural(a, b) : da - db;
    });
    const chosen: OrderLine[] = [];
    for (const id of orderIds.slice(0, maxOrders ?? undefined)) {
      const lines = byOrder.get(id) as OrderLine[];
      if (maxLines !== null && chosen.length + lines.length > maxLines) break;
      chosen.push(...lines);
    }

    // Stock in the available state, less what open lists already plan to take from it.
    const planned = new Map<string, number>();
    for (const r of allLists) {
      if (r.value.status !== 'open') continue;
      const k = [skuKey(r.value.sku), r.value.bin, r.value.lot].join('\u0001');
      planned.set(k, (planned.get(k) ?? 0) + r.value.qty);
    }
    const caches = session.cachesLoaded();
    const stock = caches.levelList().filter((l) => l.state === 'available' && l.qty > 0).map((l) => ({
      sku: l.sku, bin: l.bin, lot: l.lot, expiry: l.expiry,
      qty: Math.max(0, l.qty - (planned.get([skuKey(l.sku), l.bin, l.lot].join('\u0001')) ?? 0)),
    }));
    const plan: PickPlan = planPickList(
      chosen.map((l) => ({ orderId: l.orderId, lineKey: l.lineKey, sku: l.sku, openQty: openQty(l), orderDate: l.orderDate })),
      stock,
      { firstTote: 1, today: wb.ymd(ports.clock.now()) },
    );
    if (plan.allocations.length === 0) throw new ProblemError([problem('nothing_to_pick', '')]);

    const id = nextPickListId(allLists);
    const names = new Map(caches.items.map((i) => [skuKey(i.sku), i.name]));
    const now = ports.clock.now();
    const rows: PickListRow[] = plan.walk.map((w: WalkLine) => {
      const allocs: Alloc[] = w.allocations.map((a) => ({ o: a.orderId, l: a.lineKey, t: a.tote, q: a.qty }));
      return {
        pickListId: id, seq: w.seq, bin: w.bin, sku: w.sku, name: names.get(skuKey(w.sku)) ?? '', lot: w.lot, expiry: w.expiry,
        qty: w.qty, qtyPicked: null, done: false, totes: totesText(allocs), status: 'open', requestId, createdAt: now,
        user: ports.identity.email(), allocations: JSON.stringify(allocs),
      };
    });
    // The list first (the table this request creates), then the claims on the order lines.
    lists.append(rows);
    claim(session, orders, id, rows);
    const shortages = plan.shortages.map((s) => ({ ...s, message: t('pick.shortage', { order: s.orderId, sku: s.sku, missing: s.missing }) }));
    const changes: Change[] = [
      { kind: 'pick_list_created', pickListId: id, message: t('change.pickListCreated', { id, lines: rows.length, orders: plan.totes.length }) },
      ...shortages.map((s) => ({ kind: 'shortage', orderId: s.orderId, sku: s.sku, missing: s.missing, message: s.message })),
    ];
    return { value: listValue(id, rows, false, shortages), changes };
  });
}

/**
 * The pick lists still open (built, not confirmed), newest first, so the Pick list form can
 * take up a list printed earlier: the walk, the totes and the picked quantities to confirm.
 */
export function getOpenPickLists(ports: Ports): Outcome<{ lists: (PickListValue & { createdAt: string })[] }> {
  const byId = new Map<string, PickListRow[]>();
  for (const { value: r } of ports.workbook.pickLists().readAll()) {
    if (r.status === 'open') byId.set(r.pickListId, [...(byId.get(r.pickListId) ?? []), r]);
  }
  const lists = Array.from(byId, ([id, rows]) => ({
    ...listValue(id, rows.sort((a, b) => a.seq - b.seq), false),
    createdAt: rows[0].createdAt === null ? '' : new Date(rows[0].createdAt).toISOString(),
  }));
  return { value: { lists: lists.sort((a, b) => compareNatural(b.pickListId, a.pickListId)) }, changes: [] };
}

export interface ConfirmPickPayload {
  requestId?: unknown;
  pickListId?: unknown;
  lines?: unknown;
}

export interface ConfirmPickValue {
  pickListId: string;
  replayed: boolean;
  picked: number;
  short: { seq: number; sku: string; bin: string; lot: string; missing: number; message: string }[];
}

export function confirmPick(ports: Ports, payload: ConfirmPickPayload, t: Translator): Outcome<ConfirmPickValue> {
  const requestId = requestIdOf(payload);
  const id = cleanText(payload?.pickListId);
  if (!id) throw new ProblemError([problem('required', 'pickListId')]);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const lists = wb.pickLists();
    const rows = lists.readAll().filter((r) => r.value.pickListId === id).sort((a, b) => a.value.seq - b.value.seq);
    if (rows.length === 0) throw new ProblemError([problem('unknown_pick_list', 'pickListId', undefined, { value: id })]);
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const earlier = wb.log().findRequest(requestId);
    if (earlier) return { value: { ...(JSON.parse(earlier) as ConfirmPickValue), replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    if (rows[0].value.status !== 'open' && prior.length === 0) {
      throw new ProblemError([problem('pick_list_closed', 'pickListId', undefined, { value: id, status: t(`pickStatus.${rows[0].value.status}` as MessageKey) })]);
    }
    const walk: WalkLine[] = rows.map(({ value: r }) => ({
      seq: r.seq, bin: r.bin, sku: r.sku, lot: r.lot, expiry: r.expiry, qty: r.qty,
      allocations: (JSON.parse(r.allocations || '[]') as Alloc[]).map((a) => ({ tote: a.t, orderId: a.o, lineKey: a.l, qty: a.q })),
    }));
    const picked = Array.isArray(payload.lines) ? (payload.lines as { seq?: unknown; picked?: unknown }[]).map((l) => ({ seq: Number(l?.seq), picked: l?.picked as number })) : [];
    const result = distributePicked(walk, picked);
    if (result.problems.length) {
      throw new ProblemError(result.problems.map((p) => {
        const w = walk.find((x) => x.seq === p.seq);
        // "value" names the line, except for a quantity that is not a number: then it is what was typed
        const typed = p.code === 'invalid_number' ? String(picked.find((x) => x.seq === p.seq)?.picked ?? '') : p.seq;
        return problem(p.code, 'picked', p.seq, { value: typed, planned: w?.qty ?? 0 });
      }));
    }

    const now = ports.clock.now();
    const all = wb.orders().readAll();
    const pickedByLine = new Map<string, number>();
    // Ledger first. A retry after a cut-off finds its rows and does not move stock twice.
    if (prior.length === 0) {
      const builder = new RowBuilder(session.cachesLoaded(), { requestId, user: ports.identity.email(), time: now, currency: wb.currency() });
      result.allocations.forEach((a) => {
        if (a.picked <= 0) return;
        const from = { sku: a.sku, bin: a.bin, state: 'available' as const, lot: a.lot, expiry: a.expiry };
        const seq = walk.find((w) => w.bin === a.bin && w.sku === a.sku && w.lot === a.lot)?.seq;
        builder.move('pick', from, { ...from, state: 'picked' }, a.picked, { refType: 'order_line', refId: lineRef(a.orderId, a.lineKey), externalRef: id }, seq);
      });
      session.post(builder.rows);
    }
    for (const a of result.allocations) {
      const ref = lineRef(a.orderId, a.lineKey);
      pickedByLine.set(ref, (pickedByLine.get(ref) ?? 0) + a.picked);
    }
    // Then the order lines still claimed by this list: picked, released from the list (a
    // short line stays open for a later list), reserved down by what was picked.
    const changed: OrderLine[] = [];
    const lineUpdates: { row: number; fields: Partial<OrderLine> }[] = [];
    for (const { row, value: l } of all) {
      if (l.pickListId !== id) continue;
      const got = pickedByLine.get(lineRef(l.orderId, l.lineKey)) ?? 0;
      l.qtyPicked = Number((l.qtyPicked + got).toFixed(9));
      l.pickListId = '';
      l.reserved = openQty(l);
      l.status = deriveStatus(l);
      lineUpdates.push({ row, fields: { qtyPicked: l.qtyPicked, pickListId: '', reserved: l.reserved, status: l.status } });
      changed.push(l);
    }
    wb.orders().updateMany(lineUpdates);
    reserve(session, all.map((l) => l.value), walk);
    const pickedBySeq = new Map((picked as { seq: number; picked: unknown }[]).map((p) => [p.seq, parseDecimal(p.picked) ?? 0]));
    lists.updateMany(rows.map(({ row, value: r }) => ({ row, qtyPicked: pickedBySeq.get(r.seq) ?? 0, done: true, status: 'confirmed' as const })));
    const short = result.short.map((s) => ({ ...s, message: t('pick.short', { seq: s.seq, sku: s.sku, bin: s.bin, missing: s.missing }) }));
    const value: ConfirmPickValue = { pickListId: id, replayed: false, picked: result.allocations.reduce((a, x) => a + x.picked, 0), short };
    wb.log().append([{ time: now, user: ports.identity.email(), level: short.length ? 'warning' : 'info', event: 'confirm_pick', message: t('change.pickConfirmed', { id, picked: value.picked, short: short.length }), details: JSON.stringify(value), requestId }]);
    return {
      value,
      changes: [{ kind: 'pick_confirmed', pickListId: id, message: t('change.pickConfirmed', { id, picked: value.picked, short: short.length }) }, ...short.map((s) => ({ kind: 'short', seq: s.seq, sku: s.sku, missing: s.missing, message: s.message }))],
    };
  });
}

export interface CancelPickPayload {
  requestId?: unknown;
  pickListId?: unknown;
}

export interface CancelPickValue {
  pickListId: string;
  replayed: boolean;
  /** order lines released from the list, free to go on another list */
  released: number;
  /** orders those lines belong to */
  orders: number;
}

/**
 * Cancel an open pick list the seller will not walk: the list's rows become cancelled (so
 * getOpenPickLists no longer returns it) and the order lines it claimed are released,
 * undoing exactly what claim() wrote (pick list id, tote, status). Building moved no stock,
 * so no ledger row is written. Written in this order: the list, the log row with the answer,
 * the lines; a run cut off anywhere is finished by its retry (which releases what is still
 * claimed and answers from the log row), so every retry succeeds.
 */
export function cancelPickList(ports: Ports, payload: CancelPickPayload, t: Translator): Outcome<CancelPickValue> {
  const requestId = requestIdOf(payload);
  const id = cleanText(payload?.pickListId);
  if (!id) throw new ProblemError([problem('required', 'pickListId')]);
  return withWrite(ports, () => {
    const wb = ports.workbook;
    const claimedBy = () => wb.orders().readAll().filter((l) => l.value.pickListId === id);
    const earlier = wb.log().findRequest(requestId);
    if (earlier) {
      const value = JSON.parse(earlier) as CancelPickValue;
      if (value.pickListId !== id) throw new ProblemError([problem('request_reused', 'requestId')]);
      release(wb, claimedBy());
      return { value: { ...value, replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    }
    const lists = wb.pickLists();
    const rows = lists.readAll().filter((r) => r.value.pickListId === id);
    if (rows.length === 0) throw new ProblemError([problem('unknown_pick_list', 'pickListId', undefined, { value: id })]);
    const claimed = claimedBy();
    const status = rows[0].value.status;
    // A cancelled list whose lines are still claimed was cut off before its log row: finish it.
    if (status === 'confirmed' || (status === 'cancelled' && claimed.length === 0)) {
      throw new ProblemError([problem('pick_list_closed', 'pickListId', undefined, { value: id, status: t(`pickStatus.${status}` as MessageKey) })]);
    }
    const value: CancelPickValue = { pickListId: id, replayed: false, released: claimed.length, orders: new Set(claimed.map((l) => l.value.orderId)).size };
    const message = t('change.pickListCancelled', { id, lines: value.released, orders: value.orders });
    lists.setStatus(rows.filter((r) => r.value.status !== 'cancelled').map((r) => r.row), 'cancelled');
    wb.log().append([{ time: ports.clock.now(), user: ports.identity.email(), level: 'info', event: 'cancel_pick_list', message, details: JSON.stringify(value), requestId }]);
    release(wb, claimed);
    return { value, changes: [{ kind: 'pick_list_cancelled', pickListId: id, message }] };
  });
}

/** Undo claim() on these order lines: no list, no tote, status from their quantities. */
function release(wb: Ports['workbook'], claimed: { row: number; value: OrderLine }[]): void {
  if (claimed.length === 0) return;
  wb.orders().updateMany(claimed.map(({ row, value: l }) => {
    const status = deriveStatus({ ...l, pickListId: '' });
    return { row, fields: { pickListId: '', tote: null, status } };
  }));
}
