/**
 * "Explain this number": the ledger rows that make up one stock row (sku x bin x state x
 * lot), newest first, with the balance after each and what it refers to. Pure.
 */
import type { Movement, StockKey, StockState } from './types';
import { STATES } from './types';
import { problem, type Problem } from './result';
import { cleanText, MAX_ID, normalizeBin, skuKey } from './text';
import { choice, text } from './form-input';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface ExplainQuery extends StockKey {
  page: number;
  pageSize: number;
}

function positiveInt(value: unknown, fallback: number, max: number, field: string, problems: Problem[]): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(cleanText(value));
  if (!Number.isInteger(n) || n < 1) {
    problems.push(problem('invalid_number', field, undefined, { value: String(value) }));
    return fallback;
  }
  return Math.min(n, max);
}

export function planExplain(payload: { sku?: unknown; bin?: unknown; state?: unknown; lot?: unknown; page?: unknown; pageSize?: unknown }): { query?: ExplainQuery; problems: Problem[] } {
  const problems: Problem[] = [];
  const sku = cleanText(payload?.sku);
  if (!sku) problems.push(problem('required', 'sku'));
  const bin = normalizeBin(payload?.bin);
  if (!bin) problems.push(problem('required', 'bin'));
  else text(problems, bin, 'bin', MAX_ID);
  const state = choice(problems, payload?.state, STATES, 'state', undefined, 'available');
  const lot = text(problems, payload?.lot, 'lot', MAX_ID);
  const page = positiveInt(payload?.page, 1, 100000, 'page', problems);
  const pageSize = positiveInt(payload?.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, 'pageSize', problems);
  if (problems.length || !state) return { problems };
  return { query: { sku, bin, state: state as StockState, lot, page, pageSize }, problems };
}

export function sameKey(m: StockKey, k: StockKey): boolean {
  return skuKey(m.sku) === skuKey(k.sku) && m.bin === k.bin && m.state === k.state && m.lot === k.lot;
}

/** What a ledger row refers to, as a catalogue key and its params (labels are localized by the app). */
export function referenceOf(m: Movement): { key: string; params: Record<string, string> } {
  if (m.type === 'reversal') return { key: 'ref.reversal', params: { id: m.reverses } };
  const [head, line] = m.refId.includes('#') ? [m.refId.slice(0, m.refId.lastIndexOf('#')), m.refId.slice(m.refId.lastIndexOf('#') + 1)] : [m.refId, ''];
  switch (m.refType) {
    case 'order_line':
      return { key: 'ref.orderLine', params: { order: head, line, shipment: m.externalRef } };
    case 'order':
      return { key: 'ref.order', params: { order: m.refId } };
    case 'return':
      return { key: 'ref.returnLine', params: { rma: head, line } };
    case 'po':
      return { key: 'ref.po', params: { po: m.refId, invoice: m.externalRef } };
    case 'count':
      return { key: 'ref.count', params: { count: m.refId } };
    case 'reason':
      return { key: 'ref.reason', params: { reason: m.refId } };
    default:
      return m.externalRef ? { key: 'ref.external', params: { ref: m.externalRef } } : { key: 'ref.none', params: {} };
  }
}

export interface ExplainedRow {
  movement: Movement;
  /** quantity of the stock row just after this movement */
  balanceAfter: number;
}

/**
 * Page `page` of the rows (newest first) and the balance after each, from the rows read so
 * far (newest first, every row of the key down to the end of the page and one more) and the
 * quantity now.
 */
export function pageOf(newestFirst: readonly Movement[], current: number, page: number, pageSize: number): { rows: ExplainedRow[]; hasMore: boolean } {
  const start = (page - 1) * pageSize;
  const rows: ExplainedRow[] = [];
  let balance = current;
  newestFirst.forEach((m, i) => {
    if (i >= start && i < start + pageSize) rows.push({ movement: m, balanceAfter: balance });
    balance = Number((balance - m.qty).toFixed(9));
  });
  return { rows, hasMore: newestFirst.length > start + pageSize };
}
