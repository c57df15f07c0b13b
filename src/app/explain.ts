/**
 * "Explain this number": the ledger rows behind one Stock row, newest first, paged, each
 * with the balance after it and what it refers to. Read-only: no lock. The SKU's rows are
 * found with one TextFinder on the ledger's sku column; only those rows are read, newest
 * first, until the page is full.
 */
import type { Movement, StockKey } from '../domain/types';
import { ProblemError, problem } from '../domain/result';
import { skuKey } from '../domain/text';
import { fromMinor } from '../domain/money';
import { keyOf } from '../domain/projection';
import { isAfter } from '../domain/movement-id';
import { ItemIndex } from '../domain/items';
import { pageOf, planExplain, referenceOf, sameKey } from '../domain/explain';
import type { MessageKey, Translator } from '../domain/i18n';
import { findLedgerRows, readLedgerRows, stockKeyAt } from '../sheets/returns-stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';

export interface ExplainRow {
  movementId: string;
  time: string;
  user: string;
  type: string;
  typeLabel: string;
  qty: number;
  unitCost: number | null;
  value: number;
  /** quantity of this stock row just after the movement */
  balanceAfter: number;
  refType: string;
  refId: string;
  externalRef: string;
  note: string;
  reverses: string;
  requestId: string;
  /** what the movement refers to, in words */
  reference: string;
}

export interface ExplainValue {
  sku: string;
  name: string;
  bin: string;
  state: string;
  lot: string;
  expiry: string;
  /** quantity and value now, from the ledger */
  qty: number;
  value: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
  rows: ExplainRow[];
}

/** Batches of row numbers read at a time, newest first. */
const BATCH = 200;

export function explainStock(ports: Ports, payload: { sku?: unknown; bin?: unknown; state?: unknown; lot?: unknown; page?: unknown; pageSize?: unknown }, t: Translator): Outcome<ExplainValue> {
  const planned = planExplain(payload ?? {});
  if (!planned.query) throw new ProblemError(planned.problems);
  const q = planned.query;
  const wb = ports.workbook;
  const found = new ItemIndex(wb.items().readAll()).resolve(q.sku);
  if (found.kind !== 'one') throw new ProblemError([problem('unknown_sku', 'sku', undefined, { value: q.sku })]);
  const key: StockKey = { sku: found.item.sku, bin: q.bin, state: q.state, lot: q.lot };
  const level = wb.stock().readAll().map((l) => l.value).find((l) => keyOf(l) === keyOf(key));
  const ledger = wb.ledger();
  const candidates = findLedgerRows(ledger, 'sku', [key.sku], { ignoreCase: true }).reverse();
  const need = q.page * q.pageSize + 1;
  const matches: Movement[] = [];
  for (let i = 0; i < candidates.length && matches.length < need; i += BATCH) {
    const read = readLedgerRows(ledger, candidates.slice(i, i + BATCH)).reverse();
    for (const r of read) if (skuKey(r.value.sku) === skuKey(key.sku) && sameKey(r.value, key)) matches.push(r.value);
  }
  // The Stock tab may lag the ledger after a cut-off (the next write heals it): add what it has not applied.
  const through = level?.appliedThrough ?? '';
  const newer = matches.filter((m) => isAfter(m.movementId, through));
  const qty = Number(((level?.qty ?? 0) + newer.reduce((a, m) => a + m.qty, 0)).toFixed(9));
  const valueMinor = (level?.valueMinor ?? 0) + newer.reduce((a, m) => a + m.valueMinor, 0);
  const currency = wb.currency();
  const { rows, hasMore } = pageOf(matches, qty, q.page, q.pageSize);
  return {
    value: {
      sku: key.sku, name: found.item.name, bin: key.bin, state: key.state, lot: key.lot, expiry: level?.expiry ?? matches[0]?.expiry ?? '',
      qty, value: fromMinor(valueMinor, currency), page: q.page, pageSize: q.pageSize, hasMore,
      rows: rows.map(({ movement: m, balanceAfter }) => {
        const ref = referenceOf(m);
        const params: Record<string, string> = { ...ref.params };
        if (params.reason) params.reason = t(`writeOffReason.${params.reason}` as MessageKey);
        return {
          movementId: m.movementId, time: new Date(m.time).toISOString(), user: m.user, type: m.type, typeLabel: t(`type.${m.type}` as MessageKey),
          qty: m.qty, unitCost: m.unitCost, value: fromMinor(m.valueMinor, currency), balanceAfter, refType: m.refType, refId: m.refId,
          externalRef: m.externalRef, note: m.note, reverses: m.reverses, requestId: m.requestId, reference: t(ref.key as MessageKey, params),
        };
      }),
    },
    changes: [],
  };
}

/** The selected cell, as the gas layer reads it: its tab (sheet id) and row. */
export interface Selection {
  sheetId: number;
  row: number;
}

export function explainSelection(ports: Ports, selection: Selection | null, payload: { page?: unknown; pageSize?: unknown }, t: Translator): Outcome<ExplainValue> {
  const key = selection ? stockKeyAt(ports.workbook, selection.sheetId, selection.row) : null;
  if (!key) throw new ProblemError([problem('not_stock_cell', '')]);
  return explainStock(ports, { ...key, page: payload?.page, pageSize: payload?.pageSize }, t);
}
