/**
 * Validation of the returns forms: a new return (RMA), an inspection with its dispositions,
 * a credit note. Every problem names its field and 1-based form line; a bad form writes
 * nothing. Pure.
 */
import type { Item } from '../types';
import { problem, type Problem } from '../result';
import { MAX_QTY, parseDecimal } from '../quantity';
import { cleanText, MAX_ID, MAX_TEXT, normalizeBin, skuKey } from '../text';
import { choice, linesOf, positiveQty, requestIdOf, text } from '../form-input';
import { toMinor } from '../money';
import { ItemIndex, resolveCode } from '../items';
import { lotAndExpiry } from '../lots';
import {
  ALLOWED_DISPOSITIONS, DISPOSITIONS, PENDING, RETURN_REASONS, WRITE_OFF_REASONS,
  type Disposition, type PendingStatus, type ReturnReason, type WriteOffReason,
} from './rules';

export const MAX_RETURN_LINES = 200;

// ---------------------------------------------------------------- a new return

export interface ReturnPayload {
  requestId?: unknown;
  /** the order the goods come back from (or found through shipmentId); absent: no order */
  orderId?: unknown;
  shipmentId?: unknown;
  reason?: unknown;
  note?: unknown;
  lines?: unknown;
}

/** An order line as a return may take it back. */
export interface ReturnableLine {
  lineKey: string;
  sku: string;
  decimals: number;
  /** shipped minus already returned */
  returnable: number;
}

export interface NormalizedReturnLine {
  line: number;
  lineKey: string;
  sku: string;
  qty: number;
  reason: ReturnReason;
  note: string;
  /** no-order returns only (an order's come from the ship rows) */
  lot: string;
  expiry: string;
}

export function planReturn(
  payload: ReturnPayload,
  ctx: { order: ReturnableLine[] | null; items: readonly Item[] },
): { lines: NormalizedReturnLine[]; reason: ReturnReason | null; note: string; problems: Problem[] } {
  const problems: Problem[] = requestIdOf(payload);
  const reason = choice(problems, payload.reason, RETURN_REASONS, 'reason', undefined, 'other');
  const note = text(problems, payload.note, 'note', MAX_TEXT);
  const raw = linesOf(payload, problems, MAX_RETURN_LINES);
  const index = new ItemIndex(ctx.items);
  const lines: NormalizedReturnLine[] = [];
  const seen = new Map<string, number>();
  raw.forEach((input, i) => {
    const n = i + 1;
    const before = problems.length;
    const lineReason = choice(problems, input.reason, RETURN_REASONS, 'reason', n, reason ?? 'other');
    const lineNote = text(problems, input.note, 'note', MAX_TEXT, n) || note;
    let sku = '';
    let lineKey = '';
    let decimals: number | null = null;
    let lot = '';
    let expiry = '';
    let returnable = Infinity;
    if (ctx.order) {
      const key = cleanText(input.lineKey);
      const code = cleanText(input.sku);
      const byKey = key ? ctx.order.find((l) => l.lineKey === key) : undefined;
      const resolved = code ? index.resolve(code) : null;
      const wanted = resolved?.kind === 'one' ? resolved.item.sku : code;
      const bySku = !key && code ? ctx.order.filter((l) => skuKey(l.sku) === skuKey(wanted)) : [];
      const found = byKey ?? (bySku.length === 1 ? bySku[0] : undefined);
      if (!key && !code) problems.push(problem('required', 'lineKey', n));
      else if (!found) problems.push(problem('unknown_line', key ? 'lineKey' : 'sku', n, { value: key || code }));
      else {
        lineKey = found.lineKey;
        sku = found.sku;
        decimals = found.decimals;
        returnable = found.returnable;
      }
    } else {
      const code = cleanText(input.sku);
      const item = resolveCode(index, code, 'sku', n, problems);
      if (item) {
        sku = item.sku;
        decimals = item.decimals;
        lineKey = String(n);
        ({ lot, expiry } = lotAndExpiry(problems, item, input, { lot: 'lot', expiry: 'expiry' }, n));
      }
    }
    const qty = positiveQty(problems, input.qty, decimals, 'qty', n);
    if (lineKey && seen.has(lineKey)) problems.push(problem('duplicate_line', 'lineKey', n, { value: lineKey, line: seen.get(lineKey) as number }));
    if (lineKey) seen.set(lineKey, n);
    if (qty !== null && lineKey && qty > returnable) {
      problems.push(problem('over_return', 'qty', n, { sku, qty, returnable: Math.max(0, returnable) }));
    }
    if (problems.length === before && qty !== null && lineReason) {
      lines.push({ line: n, lineKey, sku, qty, reason: lineReason, note: lineNote, lot, expiry });
    }
  });
  return { lines, reason, note, problems };
}

// ---------------------------------------------------------------- inspection

export interface InspectPayload {
  requestId?: unknown;
  rmaId?: unknown;
  lines?: unknown;
}

/** What a return line holds now, per pending status, for checking an inspection. */
export interface InspectableLine {
  lineKey: string;
  sku: string;
  decimals: number;
  /** the item's default bin (restock goes there unless a bin is given) */
  defaultBin: string;
  held: Record<PendingStatus, number>;
}

export interface InspectLine {
  line: number;
  lineKey: string;
  sku: string;
  from: PendingStatus;
  disposition: Disposition;
  qty: number;
  /** where the goods go (restock, repair, defective, rtv); '' when they leave */
  bin: string;
  note: string;
  reason: WriteOffReason | '';
  /** rtv shipment: the receipt the goods came from ('' = the SKU's latest receipt) */
  receiptId: string;
  /** rtv shipment: the vendor's reference (their RMA, the parcel) */
  vendorRef: string;
}

export function planInspection(
  payload: InspectPayload,
  ctx: { lines: readonly InspectableLine[]; returnsBin: string; defaultBin: string },
): { lines: InspectLine[]; problems: Problem[] } {
  const problems: Problem[] = requestIdOf(payload);
  if (!cleanText(payload.rmaId)) problems.push(problem('required', 'rmaId'));
  const raw = linesOf(payload, problems);
  const out: InspectLine[] = [];
  const used = new Map<string, number>();
  raw.forEach((input, i) => {
    const n = i + 1;
    const before = problems.length;
    const key = cleanText(input.lineKey);
    const target = ctx.lines.find((l) => l.lineKey === key);
    if (!key) problems.push(problem('required', 'lineKey', n));
    else if (!target) problems.push(problem('unknown_line', 'lineKey', n, { value: key }));
    const from = choice(problems, input.from, PENDING, 'from', n, 'received');
    const disposition = choice(problems, input.disposition, DISPOSITIONS, 'disposition', n);
    if (from && disposition && !ALLOWED_DISPOSITIONS[from].includes(disposition)) {
      problems.push(problem('disposition_not_allowed', 'disposition', n, { value: disposition, status: from }));
    }
    const qty = positiveQty(problems, input.qty, target ? target.decimals : null, 'qty', n);
    const bin = normalizeBin(input.bin);
    text(problems, bin, 'bin', MAX_ID, n);
    const note = text(problems, input.note, 'note', MAX_TEXT, n);
    const reason = disposition === 'write_off' ? choice(problems, input.reason, WRITE_OFF_REASONS, 'reason', n, 'damaged') : '';
    const receiptId = cleanText(input.receiptId);
    if (receiptId && !/^M\d{8,}$/.test(receiptId)) problems.push(problem('unknown_movement', 'receiptId', n, { value: receiptId }));
    const vendorRef = text(problems, input.vendorRef, 'vendorRef', 200, n);
    if (target && from && qty !== null) {
      const k = key + '\u0001' + from;
      const want = Number(((used.get(k) ?? 0) + qty).toFixed(9));
      used.set(k, want);
      if (want > target.held[from]) problems.push(problem('over_inspect', 'qty', n, { sku: target.sku, status: from, have: target.held[from], need: want }));
    }
    if (problems.length > before || !target || !from || !disposition || qty === null) return;
    const leaves = disposition === 'write_off' || (disposition === 'rtv' && from === 'inspected');
    const to = leaves ? '' : bin || (disposition === 'restock' ? target.defaultBin || ctx.defaultBin : ctx.returnsBin);
    out.push({
      line: n, lineKey: key, sku: target.sku, from, disposition, qty, bin: to, note, reason: reason ?? '',
      receiptId: disposition === 'rtv' && from === 'inspected' ? receiptId : '', vendorRef,
    });
  });
  return { lines: out, problems };
}

// ---------------------------------------------------------------- credit note

export interface CreditNotePayload {
  requestId?: unknown;
  rmaId?: unknown;
  reference?: unknown;
  /** refund to the customer, tax included, in currency units */
  amount?: unknown;
  /** percent: 20 means 20% ("20%" accepted) */
  taxRate?: unknown;
  /** tax included in the amount, currency units; computed from the rate when absent */
  taxAmount?: unknown;
}

export interface CreditNote {
  reference: string;
  amountMinor: number;
  taxRate: number | null;
  taxMinor: number | null;
}

function amountOf(problems: Problem[], value: unknown, field: string): number | null {
  const n = parseDecimal(value);
  if (n === null) problems.push(problem('invalid_number', field, undefined, { value: String(value) }));
  else if (n < 0) problems.push(problem('negative', field));
  else if (n > MAX_QTY) problems.push(problem('too_large', field, undefined, { max: MAX_QTY }));
  else return n;
  return null;
}

export function planCreditNote(payload: CreditNotePayload, currency: string): { note?: CreditNote; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!cleanText(payload.rmaId)) problems.push(problem('required', 'rmaId'));
  const reference = text(problems, payload.reference, 'reference', MAX_ID);
  if (!reference) problems.push(problem('required', 'reference'));
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  let amount: number | null = null;
  if (!given(payload.amount)) problems.push(problem('required', 'amount'));
  else amount = amountOf(problems, payload.amount, 'amount');
  let rate: number | null = null;
  if (given(payload.taxRate)) {
    const s = cleanText(payload.taxRate);
    const r = amountOf(problems, s.endsWith('%') ? s.slice(0, -1) : s, 'taxRate');
    if (r !== null && r > 100) problems.push(problem('too_large', 'taxRate', undefined, { max: 100 }));
    else rate = r;
  }
  let tax: number | null = null;
  if (given(payload.taxAmount)) {
    const t = amountOf(problems, payload.taxAmount, 'taxAmount');
    if (t !== null && amount !== null && t > amount) problems.push(problem('too_large', 'taxAmount', undefined, { max: amount }));
    else if (t !== null) tax = toMinor(t, currency);
  }
  if (problems.length || amount === null) return { problems };
  const amountMinor = toMinor(amount, currency);
  // A credit note's amount includes its tax: tax = amount x rate / (100 + rate).
  if (tax === null && rate !== null) tax = toMinor((amount * rate) / (100 + rate), currency);
  return { note: { reference, amountMinor, taxRate: rate, taxMinor: tax }, problems };
}
