/**
 * Inspecting returned goods: per line, one or more dispositions (restock, repair, defective,
 * return to vendor, write-off), and later the end of repairs and the RTV shipment. Ledger
 * first, then the Returns rows rebuilt from the ledger, then a Log row holding the result.
 */
import type { Movement, StockState } from '../domain/types';
import { ProblemError, problem, type Change } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { fromMinor } from '../domain/money';
import { heldGoods, PENDING, PENDING_STATE, returnLineRef, type Disposition, type PendingStatus } from '../domain/returns/rules';
import { planInspection, type InspectLine, type InspectPayload } from '../domain/returns/validate';
import { requestIdOf } from '../domain/form-input';
import type { MessageKey, Translator } from '../domain/i18n';
import { findLedgerRows, readLedgerRows, returnsStore } from '../sheets/returns-stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite, type WriteSession } from './write';
import { RowBuilder, type Place } from './movements';
import { reconcileRma, refreshOrderReturns, rowsOfLines, type LineStatus } from './return-lines';
import { logged, returnsBin } from './returns';

export interface InspectValue {
  rmaId: string;
  replayed: boolean;
  movementIds: string[];
  lines: { line: number; lineKey: string; sku: string; from: PendingStatus; disposition: Disposition; qty: number; bin: string; value: number }[];
  /** every line of the RMA after the inspection: its Returns rows */
  statuses: LineStatus[];
}

const TARGET_STATE: Partial<Record<Disposition, StockState>> = { restock: 'available', repair: 'repair', defective: 'damaged', rtv: 'rtv' };

/**
 * The receipt an RTV shipment refers to for its cost: the one given (a receipt of the SKU),
 * else the SKU's latest receipt of the same lot (any lot when none matches). Read newest
 * first, a window at a time, so the cost follows how far back it is, not the ledger's size.
 */
export function receiptFor(session: WriteSession, sku: string, lot: string, given: string, line: number): string {
  const ledger = session.ports.workbook.ledger();
  if (given) {
    const n = Number(given.slice(1));
    const row = n >= 1 && n + 2 <= ledger.lastRow() ? ledger.read(n + 2, n + 2)[0]?.value : undefined;
    if (!row || row.movementId !== given || row.type !== 'receipt' || skuKey(row.sku) !== skuKey(sku)) {
      throw new ProblemError([problem('unknown_receipt', 'receiptId', line, { value: given, sku })]);
    }
    return given;
  }
  const rows = findLedgerRows(ledger, 'sku', [sku], { ignoreCase: true }).reverse();
  let anyLot = '';
  for (let i = 0; i < rows.length; i += 200) {
    for (const m of readLedgerRows(ledger, rows.slice(i, i + 200)).reverse()) {
      if (m.value.type !== 'receipt' || skuKey(m.value.sku) !== skuKey(sku)) continue;
      if (m.value.lot === lot) return m.value.movementId;
      if (!anyLot) anyLot = m.value.movementId;
    }
    if (anyLot) return anyLot;
  }
  return anyLot;
}

/** The submission as typed, to tell a retry from another submission under the same request id. */
function fingerprint(lines: unknown): string {
  const list = Array.isArray(lines) ? (lines as Record<string, unknown>[]) : [];
  return JSON.stringify(list.map((l) => [cleanText(l?.lineKey), cleanText(l?.from) || 'received', cleanText(l?.disposition), cleanText(l?.qty), cleanText(l?.bin).toUpperCase()]));
}

function describe(t: Translator, l: InspectValue['lines'][number]): string {
  return t('change.inspected', { line: l.lineKey, sku: l.sku, qty: l.qty, disposition: t(`disposition.${l.disposition}` as MessageKey), bin: l.bin || '-' });
}

/** What an earlier try of this request did, from its ledger rows (a retry after a cut-off). */
function linesFromRows(rows: readonly Movement[], currency: string): InspectValue['lines'] {
  const out: InspectValue['lines'] = [];
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i];
    const from = PENDING.find((s) => PENDING_STATE[s] === m.state);
    if (m.qty >= 0 || !from) continue;
    const next = rows[i + 1];
    const paired = next && next.qty > 0 && next.refId === m.refId && next.type === m.type;
    const disposition: Disposition = m.type === 'write_off' ? 'write_off' : m.type === 'rtv' ? 'rtv'
      : (Object.keys(TARGET_STATE) as Disposition[]).find((d) => paired && TARGET_STATE[d] === next.state) ?? 'restock';
    out.push({ line: out.length + 1, lineKey: m.refId.slice(m.refId.lastIndexOf('#') + 1), sku: m.sku, from, disposition, qty: -m.qty, bin: paired ? next.bin : '', value: fromMinor(-m.valueMinor, currency) });
  }
  return out;
}

export function inspectReturn(ports: Ports, payload: InspectPayload, t: Translator): Outcome<InspectValue> {
  const shape = requestIdOf(payload);
  const rmaId = cleanText(payload?.rmaId);
  if (!rmaId) shape.push(problem('required', 'rmaId'));
  if (shape.length) throw new ProblemError(shape);
  const requestId = cleanText(payload.requestId);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const currency = wb.currency();
    const store = returnsStore(wb);
    const all = store.readAll();
    const rows = all.filter((r) => r.value.rmaId === rmaId);
    if (rows.length === 0) throw new ProblemError([problem('unknown_return', 'rmaId', undefined, { value: rmaId })]);
    const fp = fingerprint(payload.lines);
    const replay = logged<InspectValue>(session, requestId, fp, t);
    if (replay) return replay;
    const keys = Array.from(new Set(rows.map((r) => r.value.lineKey)));
    const refs = keys.map((k) => returnLineRef(rmaId, k));
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const lineRows = rowsOfLines(session, refs);
    let lines: InspectValue['lines'];
    let posted: Movement[] = prior;
    if (prior.length === 0) {
      const caches = session.cachesLoaded();
      const items = new Map(caches.items.map((i) => [skuKey(i.sku), i]));
      const held = new Map(keys.map((k) => [k, heldGoods(lineRows.get(returnLineRef(rmaId, k)) ?? [])]));
      const planned = planInspection(payload, {
        returnsBin: returnsBin(ports), defaultBin: wb.settings().default_bin ?? '',
        lines: keys.map((k) => {
          const sku = rows.find((r) => r.value.lineKey === k)?.value.sku ?? '';
          const h = held.get(k) ?? [];
          const sum = (s: PendingStatus) => Number(h.filter((x) => x.status === s).reduce((a, x) => a + x.qty, 0).toFixed(9));
          const item = items.get(skuKey(sku));
          return { lineKey: k, sku: item?.sku ?? sku, decimals: item?.decimals ?? 0, defaultBin: item?.defaultBin ?? '', held: { received: sum('received'), repair: sum('repair'), inspected: sum('inspected') } };
        }),
      });
      if (planned.problems.length) throw new ProblemError(planned.problems);
      const builder = new RowBuilder(caches, { requestId, user: ports.identity.email(), time: ports.clock.now(), currency });
      lines = planned.lines.map((l) => ({ ...take(session, builder, rmaId, l, held.get(l.lineKey) ?? []), line: l.line, lineKey: l.lineKey, sku: l.sku, from: l.from, disposition: l.disposition, qty: l.qty, bin: l.bin }));
      posted = session.post(builder.rows).movements;
      for (const m of posted) lineRows.get(m.refId)?.push(m);
    } else {
      lines = linesFromRows(prior, currency);
    }
    const statuses = reconcileRma(session, store, all, rmaId, lineRows, requestId);
    refreshOrderReturns(session, rows[0].value.orderId, store.readAll().map((r) => r.value));
    const value: InspectValue = { rmaId, replayed: prior.length > 0, movementIds: posted.map((m) => m.movementId), lines, statuses };
    const changes: Change[] = lines.map((l) => ({ kind: 'inspected', rmaId, lineKey: l.lineKey, disposition: l.disposition, qty: l.qty, message: describe(t, l) }));
    wb.log().append([{ time: ports.clock.now(), user: ports.identity.email(), level: 'info', event: 'inspect_return', message: t('log.inspected', { rma: rmaId, lines: lines.length }), details: JSON.stringify({ fp, value }), requestId }]);
    return { value, changes };
  });
}

/** The rows of one disposition, taken from the line's goods in the source status (oldest expiry first). */
function take(session: WriteSession, builder: RowBuilder, rmaId: string, l: InspectLine, held: ReturnType<typeof heldGoods>): { value: number } {
  const currency = session.ports.workbook.currency();
  const ref = { refType: 'return', refId: returnLineRef(rmaId, l.lineKey), note: l.disposition === 'write_off' ? [l.reason, l.note].filter(Boolean).join(': ') : l.note };
  const sources = held.filter((h) => h.status === l.from).sort((a, b) => (a.expiry || '9999').localeCompare(b.expiry || '9999') || a.lot.localeCompare(b.lot));
  let want = l.qty;
  let value = 0;
  for (const h of sources) {
    const from: Place = { sku: l.sku, bin: h.bin, state: PENDING_STATE[l.from], lot: h.lot, expiry: h.expiry };
    const q = Math.min(want, builder.available(from));
    if (q <= 0) continue;
    if (l.disposition === 'write_off') value += builder.out('write_off', from, q, ref, l.line);
    else if (l.disposition === 'rtv' && l.from === 'inspected') {
      const receipt = receiptFor(session, l.sku, h.lot, l.receiptId, l.line);
      value += builder.out('rtv', from, q, { ...ref, externalRef: l.vendorRef, reverses: receipt }, l.line);
    } else value += builder.transfer('inspect', from, { ...from, bin: l.bin, state: TARGET_STATE[l.disposition] as StockState }, q, ref, l.line);
    want = Number((want - q).toFixed(9));
    if (want <= 0) break;
  }
  if (want > 0) {
    // The line's goods were moved away by hand (Move stock): what is left is not enough.
    const from = sources[0] ?? { bin: returnsBin(session.ports), lot: '' };
    throw new ProblemError([problem('insufficient_stock', 'qty', l.line, { sku: l.sku, bin: from.bin, state: PENDING_STATE[l.from], have: Number((l.qty - want).toFixed(9)), need: l.qty })]);
  }
  return { value: fromMinor(value, currency) };
}
