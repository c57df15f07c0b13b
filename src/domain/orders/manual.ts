/** Validation of an order typed in the Orders form or in the Orders tab. */
import type { Item, OrderLine } from '../types';
import { problem, type Problem } from '../result';
import { cleanText, hasControlChars, MAX_ID } from '../text';
import { decimalPlaces, MAX_QTY, parseDecimal } from '../quantity';
import { ItemIndex, resolveCode } from '../items';
import { parseYmd } from '../dates';
import { languageFor, orderLineIdentity } from './lifecycle';

export interface ManualOrderLineInput {
  sku?: unknown;
  qty?: unknown;
  unitPrice?: unknown;
}

export interface ManualOrderInput {
  requestId?: unknown;
  orderId?: unknown;
  orderDate?: unknown;
  customerName?: unknown;
  email?: unknown;
  country?: unknown;
  language?: unknown;
  shippingMethod?: unknown;
  lines?: unknown;
}

export function isEmail(s: string): boolean {
  return /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(s);
}

export interface OrderContext {
  items: readonly Item[];
  existing: ReadonlySet<string>;
  currency: string;
  now: number;
}

/** Lines of a valid manual order, or the problems (field and line) that keep it out. */
export function validateManualOrder(input: ManualOrderInput, orderId: string, ctx: OrderContext): { lines: OrderLine[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (v: unknown, field: string, max: number): string => {
    const s = cleanText(v);
    if (s.length > max) problems.push(problem('too_long', field, undefined, { max }));
    else if (hasControlChars(s)) problems.push(problem('invalid_text', field));
    return s;
  };
  if (!cleanText(input.requestId)) problems.push(problem('required', 'requestId'));
  if (!orderId) problems.push(problem('required', 'orderId'));
  else if (orderId.length > MAX_ID) problems.push(problem('too_long', 'orderId', undefined, { max: MAX_ID }));
  const customerName = text(input.customerName, 'customerName', 200);
  const email = text(input.email, 'email', 200);
  if (email && !isEmail(email)) problems.push(problem('invalid_email', 'email', undefined, { value: email }));
  const country = text(input.country, 'country', 2).toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) problems.push(problem('invalid_choice', 'country', undefined, { value: country, choices: 'FR, US, IN, …' }));
  const languageRaw = cleanText(input.language).toLowerCase();
  if (languageRaw && languageRaw !== 'en' && languageRaw !== 'fr') problems.push(problem('invalid_choice', 'language', undefined, { value: languageRaw, choices: 'en, fr' }));
  const shippingMethod = text(input.shippingMethod, 'shippingMethod', 200);
  const dateRaw = cleanText(input.orderDate);
  const ymd = dateRaw ? parseYmd(dateRaw) : null;
  if (dateRaw && !ymd) problems.push(problem('invalid_date', 'orderDate', undefined, { value: dateRaw }));
  if (!Array.isArray(input.lines) || input.lines.length === 0) problems.push(problem('no_lines', 'lines'));

  const index = new ItemIndex(ctx.items);
  const lines: OrderLine[] = [];
  (Array.isArray(input.lines) ? (input.lines as ManualOrderLineInput[]) : []).forEach((raw, i) => {
    const n = i + 1;
    const l = raw && typeof raw === 'object' ? raw : {};
    const code = cleanText(l.sku);
    const item = resolveCode(index, code, 'sku', n, problems);
    const qty = parseDecimal(l.qty);
    if (l.qty === undefined || l.qty === null || l.qty === '') problems.push(problem('required', 'qty', n));
    else if (qty === null) problems.push(problem('invalid_number', 'qty', n, { value: String(l.qty) }));
    else if (qty <= 0) problems.push(problem('not_positive', 'qty', n));
    else if (qty > MAX_QTY) problems.push(problem('too_large', 'qty', n, { max: MAX_QTY }));
    else if (item && decimalPlaces(qty) > item.decimals) problems.push(problem('too_many_decimals', 'qty', n, { max: item.decimals }));
    let unitPrice: number | null = null;
    if (l.unitPrice !== undefined && l.unitPrice !== null && l.unitPrice !== '') {
      unitPrice = parseDecimal(l.unitPrice);
      if (unitPrice === null) problems.push(problem('invalid_number', 'unitPrice', n, { value: String(l.unitPrice) }));
      else if (unitPrice < 0) problems.push(problem('negative', 'unitPrice', n));
    }
    if (item && qty !== null && qty > 0) {
      const line: OrderLine = {
        orderId, lineKey: String(n), channel: 'manual', orderDate: ymd ? Date.parse(ymd + 'T00:00:00Z') : ctx.now,
        customerName, email, country, language: languageFor(languageRaw, country), sku: item.sku, itemName: item.name, qty,
        qtyCancelled: 0, qtyPicked: 0, qtyPacked: 0, qtyShipped: 0, unitPrice, currency: ctx.currency, shippingMethod,
        status: 'open', reserved: qty, pickListId: '', tote: null, shipmentId: '', requestId: cleanText(input.requestId),
        createdAt: ctx.now, problem: '',
      };
      if (n === 1 && ctx.existing.has(orderLineIdentity(line))) problems.push(problem('order_exists', 'orderId', undefined, { value: orderId }));
      lines.push(line);
    }
  });
  return { lines: problems.length ? [] : lines, problems };
}

/**
 * A line a person typed or pasted into the Orders tab (no status yet): what the add-on fills
 * in to take it on (Items spelling of the SKU, channel, line key, status, reservation), or
 * the problem that keeps it out (shown in the row's `problem` column).
 */
export function adoptTypedLine(l: OrderLine, index: ItemIndex, position: number, now: number): { fields: Partial<OrderLine> } | { problem: Problem } {
  if (!l.orderId) return { problem: problem('required', 'orderId') };
  const found = l.sku ? index.resolve(l.sku) : { kind: 'none' as const };
  if (found.kind !== 'one') return { problem: problem(l.sku ? 'unknown_sku' : 'required', 'sku', undefined, { value: l.sku }) };
  if (!(l.qty > 0)) return { problem: problem('not_positive', 'qty') };
  if (decimalPlaces(l.qty) > found.item.decimals) return { problem: problem('too_many_decimals', 'qty', undefined, { max: found.item.decimals }) };
  if (l.email && !isEmail(l.email)) return { problem: problem('invalid_email', 'email', undefined, { value: l.email }) };
  const open = Math.max(0, l.qty - l.qtyCancelled);
  return {
    fields: {
      sku: found.item.sku, channel: l.channel || 'manual', lineKey: l.lineKey || String(position), itemName: l.itemName || found.item.name,
      language: languageFor(l.language, l.country), status: open > 0 ? 'open' : 'cancelled', reserved: open, createdAt: l.createdAt ?? now,
      orderDate: l.orderDate ?? now, problem: '',
    },
  };
}
