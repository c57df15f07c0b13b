/**
 * The Returns tab as a view of the ledger: after any change to a return line (inspection,
 * RTV shipment, write-off, a void), its rows are rebuilt from the line's ledger rows, and
 * the order's returned quantities follow. Absolute, so running it again (a retry after a
 * cut-off) changes nothing more.
 */
import type { Movement } from '../domain/types';
import { lineStatuses, returnLineRef, STATUS_DISPOSITION, viewKey, type LineView } from '../domain/returns/rules';
import { ledgerWhere, returnsStore, type ReturnRow, type ReturnsStore } from '../sheets/returns-stores';
import type { Located } from '../sheets/stores';
import type { OrderLine } from '../domain/types';
import type { WriteSession } from './write';

export interface LineStatus {
  lineKey: string;
  sku: string;
  rows: LineView[];
}

/** Ledger rows of some return lines, by line ref. */
export function rowsOfLines(session: WriteSession, refs: readonly string[], extra: readonly Movement[] = []): Map<string, Movement[]> {
  const by = new Map<string, Movement[]>(refs.map((r) => [r, []]));
  const seen = new Set<string>();
  for (const m of [...ledgerWhere(session.ports.workbook.ledger(), 'ref_id', refs), ...extra]) {
    if (seen.has(m.movementId) || !by.has(m.refId) || m.refType !== 'return') continue;
    seen.add(m.movementId);
    (by.get(m.refId) as Movement[]).push(m);
  }
  for (const list of by.values()) list.sort((a, b) => a.movementId.localeCompare(b.movementId));
  return by;
}

/**
 * Rewrite the Returns rows of an RMA's lines from their ledger rows: a row per status (and
 * bin for restocked and damaged goods); a row whose status emptied is reused for a new one,
 * else it keeps its status at qty 0; new rows copy the line's reason, note and credit note.
 */
export function reconcileRma(
  session: WriteSession,
  store: ReturnsStore,
  all: Located<ReturnRow>[],
  rmaId: string,
  lineRows: Map<string, Movement[]>,
  requestId: string,
): LineStatus[] {
  const now = session.ports.clock.now();
  const user = session.ports.identity.email();
  const mine = all.filter((r) => r.value.rmaId === rmaId);
  const keys = Array.from(new Set(mine.map((r) => r.value.lineKey)));
  const updates: { row: number; fields: Partial<ReturnRow> }[] = [];
  const additions: ReturnRow[] = [];
  const out: LineStatus[] = [];
  for (const lineKey of keys) {
    const existing = mine.filter((r) => r.value.lineKey === lineKey);
    const template = existing[0].value;
    const targets = lineStatuses(lineRows.get(returnLineRef(rmaId, lineKey)) ?? []);
    out.push({ lineKey, sku: template.sku, rows: targets });
    const byKey = new Map<string, Located<ReturnRow>>();
    for (const r of existing) if (!byKey.has(viewKey(r.value))) byKey.set(viewKey(r.value), r);
    const wanted = new Set(targets.map(viewKey));
    const free = existing.filter((r) => !wanted.has(viewKey(r.value)) || byKey.get(viewKey(r.value)) !== r);
    const fields = (v: LineView): Partial<ReturnRow> => ({ status: v.status, disposition: STATUS_DISPOSITION[v.status], bin: v.bin, qty: v.qty });
    const differs = (r: ReturnRow, f: Partial<ReturnRow>) => (Object.keys(f) as (keyof ReturnRow)[]).some((k) => r[k] !== f[k]);
    for (const v of targets) {
      const match = byKey.get(viewKey(v));
      const f = fields(v);
      if (match) {
        if (differs(match.value, f)) updates.push({ row: match.row, fields: f });
        continue;
      }
      const reuse = free.shift();
      if (reuse) updates.push({ row: reuse.row, fields: f });
      else additions.push({ ...template, ...f, refundMinor: null, taxRate: null, taxMinor: null, requestId, createdAt: now, user });
    }
    for (const r of free) if (r.value.qty !== 0) updates.push({ row: r.row, fields: { qty: 0 } });
  }
  store.updateMany(updates);
  store.append(additions);
  return out;
}

/** Returned quantities of an order's lines: the sums of their Returns rows (absolute). */
export function refreshOrderReturns(session: WriteSession, orderId: string, returns: readonly ReturnRow[]): void {
  if (!orderId) return;
  const orders = session.ports.workbook.orders();
  const lines = orders.readAll().filter((l) => l.value.orderId === orderId);
  const sums = new Map<string, number>();
  for (const r of returns) if (r.orderId === orderId) sums.set(r.lineKey, Number(((sums.get(r.lineKey) ?? 0) + r.qty).toFixed(9)));
  const updates: { row: number; fields: Partial<OrderLine> }[] = [];
  for (const { row, value: l } of lines) {
    const q = sums.get(l.lineKey) ?? 0;
    if ((l.qtyReturned ?? 0) !== q) updates.push({ row, fields: { qtyReturned: q } });
  }
  orders.updateMany(updates);
}

/** After ledger rows of return lines changed (a void): rebuild those RMAs' rows and their orders' returned quantities. */
export function reconcileAfter(session: WriteSession, rows: readonly Movement[], requestId: string): void {
  const refs = Array.from(new Set(rows.filter((m) => m.refType === 'return' && m.refId.includes('#')).map((m) => m.refId)));
  if (refs.length === 0) return;
  const store = returnsStore(session.ports.workbook);
  const all = store.readAll();
  const rmaIds = Array.from(new Set(refs.map((r) => r.slice(0, r.lastIndexOf('#')))));
  const lineRefs = all.filter((r) => rmaIds.includes(r.value.rmaId)).map((r) => returnLineRef(r.value.rmaId, r.value.lineKey));
  const lineRows = rowsOfLines(session, lineRefs);
  for (const rmaId of rmaIds) reconcileRma(session, store, all, rmaId, lineRows, requestId);
  const after = store.readAll().map((r) => r.value);
  for (const orderId of new Set(after.filter((r) => rmaIds.includes(r.rmaId)).map((r) => r.orderId))) refreshOrderReturns(session, orderId, after);
}
