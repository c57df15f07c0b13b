/**
 * Purchase orders: made from shortages, grouped by supplier (to order = DESIGN section 5),
 * edited while draft, then sent, confirmed, received (by receipts against the PO) or
 * cancelled. Sent and confirmed lines still awaited are the SKU's "incoming".
 */
import type { PoStatus } from '../domain/types';
import { ProblemError, problem, type Change, type Problem } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { parseDecimal } from '../domain/quantity';
import { parseYmd } from '../domain/dates';
import { toOrder } from '../domain/replenishment';
import type { MessageKey, Translator } from '../domain/i18n';
import type { PoLine } from '../sheets/replenishment-stores';
import type { Located } from '../sheets/stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { computePolicies, incomingBySku } from './replenishment';

const NEXT: Record<PoStatus, PoStatus[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['confirmed', 'cancelled'],
  confirmed: ['cancelled'],
  received: [],
  cancelled: [],
};

function nextPoNumber(lines: Located<PoLine>[]): number {
  let max = 0;
  for (const l of lines) {
    const m = /^PO-(\d+)$/.exec(l.value.poId);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Put the incoming quantities of some SKUs into the stock summary. */
export function refreshIncoming(session: WriteSession, skus: Iterable<string>): void {
  const incoming = incomingBySku(session.ports);
  const keys = new Set(Array.from(skus, skuKey));
  const values = new Map<string, number>();
  for (const k of keys) values.set(k, incoming.get(k) ?? 0);
  session.cachesLoaded().refreshSummaries(keys, session.ports.clock.now(), { incoming: values });
}

export interface PoSummary {
  poId: string;
  supplier: string;
  status: PoStatus;
  lines: { sku: string; name: string; qty: number; qtyReceived: number; qtyCancelled: number; unitCost: number | null; expectedDate: string }[];
}

function summarizePos(lines: PoLine[]): PoSummary[] {
  const by = new Map<string, PoSummary>();
  for (const l of lines) {
    const po = by.get(l.poId) ?? { poId: l.poId, supplier: l.supplier, status: l.status, lines: [] };
    po.lines.push({ sku: l.sku, name: l.name, qty: l.qty, qtyReceived: l.qtyReceived, qtyCancelled: l.qtyCancelled, unitCost: l.unitCost, expectedDate: l.expectedDate });
    by.set(l.poId, po);
  }
  return Array.from(by.values());
}

export function getPurchaseOrders(ports: Ports): Outcome<{ orders: PoSummary[] }> {
  return { value: { orders: summarizePos(ports.workbook.purchaseOrders().readAll().map((l) => l.value)) }, changes: [] };
}

/** Draft purchase orders, one per supplier, for every item at or below its reorder point. */
export function createPurchaseOrders(ports: Ports, payload: { requestId?: unknown; supplier?: unknown }, t: Translator): Outcome<{ orders: PoSummary[]; replayed: boolean }> {
  const requestId = cleanText(payload?.requestId);
  if (!requestId) throw new ProblemError([problem('required', 'requestId')]);
  const onlySupplier = cleanText(payload?.supplier).toUpperCase();
  return withWrite(ports, (session) => {
    const store = ports.workbook.purchaseOrders();
    const all = store.readAll();
    const mine = all.filter((l) => l.value.requestId === requestId).map((l) => l.value);
    if (mine.length) return { value: { orders: summarizePos(mine), replayed: true }, changes: [{ kind: 'replayed', message: t('change.replayed') }] };
    const caches = session.cachesLoaded();
    refreshIncoming(session, caches.items.map((i) => i.sku));
    const policies = computePolicies(ports, caches);
    const now = ports.clock.now();
    const bySupplier = new Map<string, PoLine[]>();
    let n = nextPoNumber(all);
    for (const item of caches.items) {
      if (!item.active) continue;
      if (onlySupplier && item.supplier.trim().toUpperCase() !== onlySupplier) continue;
      const k = skuKey(item.sku);
      const s = caches.summaries.get(k)?.value;
      const p = policies.bySku.get(k);
      const qty = toOrder({
        reorderPoint: s?.reorderPoint ?? p?.reorderPoint ?? null, q: p?.reorderQty ?? null, inventoryPosition: s?.inventoryPosition ?? 0,
        minOrderQty: item.minOrderQty, packSize: item.packSize, decimals: item.decimals,
      });
      if (qty <= 0) continue;
      const key = item.supplier.trim().toUpperCase();
      const list = bySupplier.get(key) ?? [];
      list.push({
        poId: '', supplier: item.supplier.trim(), status: 'draft', sku: item.sku, name: item.name, qty, qtyReceived: 0, qtyCancelled: 0,
        unitCost: item.unitCost, expectedDate: '', note: '', createdAt: now, user: ports.identity.email(), requestId,
      });
      bySupplier.set(key, list);
    }
    if (bySupplier.size === 0) throw new ProblemError([problem('nothing_to_order', '')]);
    const lines: PoLine[] = [];
    for (const key of Array.from(bySupplier.keys()).sort()) {
      const poId = 'PO-' + String(n++).padStart(5, '0');
      for (const l of bySupplier.get(key) as PoLine[]) lines.push({ ...l, poId });
    }
    store.append(lines);
    const orders = summarizePos(lines);
    return {
      value: { orders, replayed: false },
      changes: orders.map((o) => ({ kind: 'po_created', poId: o.poId, message: t('change.poCreated', { po: o.poId, supplier: o.supplier || '-', lines: o.lines.length }) })),
    };
  });
}

export interface UpdatePoPayload {
  requestId?: unknown;
  poId?: unknown;
  status?: unknown;
  lines?: { sku?: unknown; qty?: unknown; unitCost?: unknown; expectedDate?: unknown }[];
}

export function updatePurchaseOrder(ports: Ports, payload: UpdatePoPayload, t: Translator): Outcome<PoSummary> {
  const poId = cleanText(payload?.poId);
  if (!poId) throw new ProblemError([problem('required', 'poId')]);
  return withWrite(ports, (session) => {
    const store = ports.workbook.purchaseOrders();
    const lines = store.readAll().filter((l) => l.value.poId === poId);
    if (lines.length === 0) throw new ProblemError([problem('unknown_po', 'poId', undefined, { value: poId })]);
    const current = lines[0].value.status;
    const status = cleanText(payload.status) as PoStatus | '';
    const problems: Problem[] = [];
    if (status && status !== current && !NEXT[current].includes(status)) {
      problems.push(problem('po_status', 'status', undefined, { value: poId, status: t(`poStatus.${current}` as MessageKey), next: t(`poStatus.${status}` as MessageKey) }));
    }
    const updates: { row: number; fields: Partial<PoLine> }[] = [];
    (payload.lines ?? []).forEach((raw, i) => {
      const n = i + 1;
      const sku = cleanText(raw?.sku);
      const target = lines.find((l) => skuKey(l.value.sku) === skuKey(sku));
      if (!target) return void problems.push(problem('po_line_unknown', 'sku', n, { sku, po: poId }));
      const fields: Partial<PoLine> = {};
      if (raw.qty !== undefined && raw.qty !== '') {
        const q = parseDecimal(raw.qty);
        if (q === null || q <= 0) problems.push(problem('not_positive', 'qty', n));
        else if (current !== 'draft' && q !== target.value.qty) problems.push(problem('po_status', 'qty', n, { value: poId, status: t(`poStatus.${current}` as MessageKey), next: t('poStatus.draft') }));
        else fields.qty = q;
      }
      if (raw.unitCost !== undefined && raw.unitCost !== '') {
        const c = parseDecimal(raw.unitCost);
        if (c === null || c < 0) problems.push(problem('negative', 'unitCost', n));
        else fields.unitCost = c;
      }
      if (raw.expectedDate !== undefined && raw.expectedDate !== '') {
        const d = parseYmd(raw.expectedDate);
        if (!d) problems.push(problem('invalid_date', 'expectedDate', n, { value: String(raw.expectedDate) }));
        else fields.expectedDate = d;
      }
      updates.push({ row: target.row, fields });
    });
    if (problems.length) throw new ProblemError(problems);
    const byRow = new Map(updates.map((u) => [u.row, u.fields]));
    const all = lines.map(({ row, value: l }) => {
      const fields: Partial<PoLine> = { ...(byRow.get(row) ?? {}) };
      if (status && status !== current) {
        fields.status = status;
        if (status === 'cancelled') fields.qtyCancelled = Math.max(0, l.qty - l.qtyReceived);
      }
      return { row, fields };
    }).filter((u) => Object.keys(u.fields).length > 0);
    store.updateMany(all);
    refreshIncoming(session, lines.map((l) => l.value.sku));
    const after = store.readAll().filter((l) => l.value.poId === poId).map((l) => l.value);
    const changes: Change[] = [{ kind: 'po_updated', poId, message: t('change.poUpdated', { po: poId, status: t(`poStatus.${after[0].status}` as MessageKey) }) }];
    return { value: summarizePos(after)[0], changes };
  });
}

/**
 * After a receipt against a PO, or the void of one: each line's received quantity is the
 * sum of the PO's receipt rows in the ledger for that SKU, less their reversals (absolute,
 * so a retried receipt or void counts once), the PO is received when every line is (and
 * back to confirmed when a void leaves a line short: the supplier did ship), and incoming
 * follows.
 */
export function applyPoReceipt(session: WriteSession, poId: string, t: Translator): Change[] {
  const store = session.ports.workbook.purchaseOrders();
  const lines = store.readAll().filter((l) => l.value.poId === poId);
  const received = new Map<string, number>();
  for (const m of session.ports.workbook.ledger().findByRef(poId)) {
    if ((m.type === 'receipt' || m.type === 'reversal') && m.refType === 'po') received.set(skuKey(m.sku), (received.get(skuKey(m.sku)) ?? 0) + m.qty);
  }
  const done = lines.every((l) => (received.get(skuKey(l.value.sku)) ?? 0) + l.value.qtyCancelled >= l.value.qty);
  const statusOf = (l: PoLine): PoStatus => (l.status === 'cancelled' ? l.status : done ? 'received' : l.status === 'received' ? 'confirmed' : l.status);
  store.updateMany(lines.map(({ row, value: l }) => ({
    row, fields: { qtyReceived: Number((received.get(skuKey(l.sku)) ?? 0).toFixed(9)), status: statusOf(l) },
  })));
  refreshIncoming(session, lines.map((l) => l.value.sku));
  return lines.filter((l) => received.has(skuKey(l.value.sku))).map((l) => ({
    kind: 'po_received', poId, sku: l.value.sku,
    message: t('change.poReceived', { po: poId, sku: l.value.sku, qty: received.get(skuKey(l.value.sku)) ?? 0, received: received.get(skuKey(l.value.sku)) ?? 0, ordered: l.value.qty }),
  }));
}

/** Checks before a receipt against a PO: it exists, it was sent or confirmed, its SKUs are on it. */
export function checkPoForReceipt(session: WriteSession, poId: string, skus: string[], t: Translator): Problem[] {
  const lines = session.ports.workbook.purchaseOrders().readAll().filter((l) => l.value.poId === poId).map((l) => l.value);
  if (lines.length === 0) return [problem('unknown_po', 'poId', undefined, { value: poId })];
  const status = lines[0].status;
  if (status !== 'sent' && status !== 'confirmed') {
    return [problem('po_status', 'poId', undefined, { value: poId, status: t(`poStatus.${status}` as MessageKey), next: t('poStatus.received') })];
  }
  const on = new Set(lines.map((l) => skuKey(l.sku)));
  return skus.flatMap((sku, i) => (on.has(skuKey(sku)) ? [] : [problem('po_line_unknown', 'sku', i + 1, { sku, po: poId })]));
}
