/**
 * From records to canonical lines, the same way for every format: a profile says which
 * header feeds which field; this module carries order-level fields across an order's rows,
 * gives line keys, validates, and reports problems with their rows.
 */
import { countryCode } from './countries';
import type { Channel, ImportedLine, RowProblem } from './types';
import { cleanCell, headerKey, inferDateOrder, parseNumber, parseQtyText, readCurrency, readDate, readLanguage, type DateOrder, type DecimalStyle } from './values';

/** The text of one row, per field, before validation. */
export interface RawLine {
  orderId: string;
  lineId: string;
  sku: string;
  listingKey: string;
  itemName: string;
  qty: string;
  unitPrice: string;
  date: string;
  customerName: string;
  email: string;
  country: string;
  language: string;
  currency: string;
  shippingMethod: string;
  /** Text that says whether the order is cancelled (Shopify `Cancelled at`, a status...). */
  status: string;
  /** Text that says whether the line already left the shop (Shopify line fulfillment, Etsy `Date Shipped`). */
  fulfillment: string;
}
export type RawField = keyof RawLine;

/**
 * Order-level fields: an order takes, for each, the first non-empty value among its rows
 * (Shopify and WooCommerce "1st row only" leave them blank on the order's other rows).
 */
export const ORDER_FIELDS: readonly RawField[] = ['date', 'customerName', 'email', 'country', 'language', 'currency', 'shippingMethod', 'status'];

const RAW_FIELDS: readonly RawField[] = ['orderId', 'lineId', 'sku', 'listingKey', 'itemName', 'qty', 'unitPrice', 'date', 'customerName', 'email', 'country', 'language', 'currency', 'shippingMethod', 'status', 'fulfillment'];

/** The first non-empty cleaned cell among the named headers present in the file ('' if none). */
export type Getter = (...headers: string[]) => string;

export interface Profile {
  channel: Channel;
  /** Headers per field, in order of preference (per row, the first non-empty wins). */
  columns: Partial<Record<RawField, readonly string[]>>;
  /** Fields whose column must exist (else `missing_column`, nothing imported). */
  required: readonly RawField[];
  /** Adjusts the raw line with the row's other cells (names, listing keys). */
  finish?: (raw: RawLine, get: Getter) => void;
  /** WooCommerce "1st row only": a row without order id continues the order above. */
  carryOrderId?: boolean;
  /** Amazon order reports: a row without sku and quantity continues the item above (promotions). */
  skipContinuationRows?: boolean;
  /** Day/month order of slashed dates; null: settled by the file's values, else per value. */
  dateOrder: DateOrder | null;
  decimal: DecimalStyle;
  isCancelled: (status: string) => boolean;
  /**
   * Whether the line was already fulfilled outside the add-on (it must not reserve stock
   * again): from the line's fulfillment text or the order's status. Absent: never.
   */
  isFulfilled?: (fulfillment: string, status: string) => boolean;
}

/** Channel + order id + line key: what makes a re-import add nothing. `/` and `%` are escaped. */
export function lineIdentity(l: Pick<ImportedLine, 'channel' | 'orderId' | 'lineKey'>): string {
  return [l.channel, l.orderId, l.lineKey].map((p) => p.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/');
}

/** Lower case, spaces collapsed: the text part of a listing key. */
export function keyText(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

interface Row {
  sourceRow: number;
  raw: RawLine;
  lineKey: string;
}

export function buildLines(headers: string[], records: string[][], profile: Profile): { lines: ImportedLine[]; problems: RowProblem[] } {
  const index: Record<string, number> = {};
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k !== '' && index[k] === undefined) index[k] = i;
  });
  const present = (h: string): boolean => index[headerKey(h)] !== undefined;
  const headerOf = (field: RawField): string => {
    const list = profile.columns[field] ?? [];
    for (const h of list) if (present(h)) return headers[index[headerKey(h)]].trim();
    return list[0] ?? '';
  };

  const missing: RowProblem[] = [];
  for (const field of profile.required) {
    const list = profile.columns[field] ?? [];
    if (!list.some(present)) missing.push({ row: 0, code: 'missing_column', field: canonicalField(field), params: { header: list[0] ?? field } });
  }
  if (missing.length) return { lines: [], problems: missing };

  const headerKeys = headers.map(headerKey);
  const rows: Row[] = [];
  const positions: Record<string, number> = {};
  let prevOrderId = '';
  let prevRaw: RawLine | null = null;

  records.forEach((record, i) => {
    const cells = record.map(cleanCell);
    if (cells.every((c) => c === '')) return;
    if (headerKey(cells[0] ?? '') === headerKeys[0] && cells.length >= headerKeys.length && cells.every((c, j) => headerKey(c) === (headerKeys[j] ?? ''))) return; // a repeated header
    const get: Getter = (...names) => {
      for (const n of names) {
        const j = index[headerKey(n)];
        if (j !== undefined && cells[j]) return cells[j];
      }
      return '';
    };
    const raw = {} as RawLine;
    for (const f of RAW_FIELDS) raw[f] = get(...(profile.columns[f] ?? []));
    if (profile.finish) profile.finish(raw, get);

    if (profile.carryOrderId && raw.orderId === '' && prevOrderId !== '') raw.orderId = prevOrderId;
    if (profile.skipContinuationRows && prevRaw && raw.sku === '' && raw.qty === '' && raw.orderId === prevRaw.orderId && (raw.lineId === '' || raw.lineId === prevRaw.lineId)) return;

    let lineKey = raw.lineId;
    if (raw.orderId !== '') {
      // Position within the order's block of consecutive rows: a block repeated further
      // down (the same export pasted twice) gets the same keys, hence duplicate_line.
      if (raw.orderId !== prevOrderId) positions[raw.orderId] = 0;
      positions[raw.orderId]++;
      if (lineKey === '') lineKey = String(positions[raw.orderId]);
      prevOrderId = raw.orderId;
    }
    prevRaw = raw;
    rows.push({ sourceRow: i + 1, raw, lineKey });
  });

  // Order-level fields: first non-empty per order.
  const orders: Record<string, Partial<RawLine>> = {};
  for (const { raw } of rows) {
    if (raw.orderId === '') continue;
    const o = orders[raw.orderId] || (orders[raw.orderId] = {});
    for (const f of ORDER_FIELDS) if (!o[f] && raw[f]) o[f] = raw[f];
  }
  const dateOrder = profile.dateOrder ?? inferDateOrder(rows.map((r) => r.raw.date));

  const lines: ImportedLine[] = [];
  const problems: RowProblem[] = [];
  const seen: Record<string, number> = {};
  for (const { sourceRow, raw, lineKey } of rows) {
    const order: Partial<RawLine> = raw.orderId !== '' ? orders[raw.orderId] : raw;
    const found: RowProblem[] = [];
    const report = (code: RowProblem['code'], field: RawField, params: Record<string, string | number> = {}): void => {
      const header = headerOf(field);
      found.push({ row: sourceRow, code, field: canonicalField(field), params: header ? { header, ...params } : params });
    };

    if (raw.orderId === '') report('missing_order_id', 'orderId');
    if (raw.sku === '' && raw.listingKey === '') report('missing_sku', 'sku');

    const qty = parseQtyText(raw.qty, profile.decimal);
    if (qty === null || qty < 0 || !Number.isInteger(qty)) report('invalid_qty', 'qty', { value: raw.qty });
    else if (qty === 0) report('zero_qty', 'qty', { value: raw.qty });

    let unitPrice: number | null = null;
    if (raw.unitPrice !== '') {
      unitPrice = parseNumber(raw.unitPrice, profile.decimal);
      if (unitPrice === null || unitPrice < 0) report('invalid_price', 'unitPrice', { value: raw.unitPrice });
    }

    const dateText = order.date ?? '';
    const date = readDate(dateText, dateOrder);
    if (date.kind === 'invalid') report('invalid_date', 'date', { value: dateText });
    if (date.kind === 'ambiguous') report('ambiguous_date', 'date', { value: dateText });

    if (raw.orderId !== '') {
      const id = lineIdentity({ channel: profile.channel, orderId: raw.orderId, lineKey });
      if (seen[id] !== undefined) report('duplicate_line', 'lineId', { firstRow: seen[id], lineKey });
      else seen[id] = sourceRow;
    }

    if (found.length) {
      problems.push(...found);
      continue;
    }
    lines.push({
      channel: profile.channel,
      orderId: raw.orderId,
      lineKey,
      sourceRow,
      orderDate: date.kind === 'ok' ? date.value : null,
      customerName: order.customerName ?? '',
      email: order.email ?? '',
      country: countryCode(order.country ?? ''),
      language: readLanguage(order.language ?? ''),
      sku: raw.sku,
      listingKey: raw.listingKey,
      itemName: raw.itemName,
      qty: qty as number,
      unitPrice,
      currency: readCurrency(order.currency ?? ''),
      shippingMethod: order.shippingMethod ?? '',
      cancelled: profile.isCancelled(order.status ?? ''),
      fulfilled: profile.isFulfilled ? profile.isFulfilled(raw.fulfillment ?? '', order.status ?? '') : false,
    });
  }
  return { lines, problems };
}

/** Problem `field` names: the canonical ImportedLine fields. */
function canonicalField(field: RawField): string {
  if (field === 'date') return 'orderDate';
  if (field === 'lineId') return 'lineKey';
  return field;
}
