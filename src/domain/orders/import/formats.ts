/**
 * The four order exports sellers already have, recognised by their header names (never by
 * position; unknown columns are ignored; header case, spacing and a leading BOM do not
 * matter), and their field maps (reference/order-exports.md).
 */
import { buildLines, keyText, type Profile } from './lines';
import type { DetectedSource, FormatId, ImportedLine, RowProblem } from './types';
import { foldAccents, headerKey, type DecimalStyle } from './values';

export const FORMAT_IDS: readonly FormatId[] = ['shopify', 'woocommerce', 'etsy', 'amazon'];

/** An explicit language column, in any format (none of the four has one by default). */
const LANGUAGE = ['Language', 'Locale', 'Customer Locale', 'Customer Language', 'Order Language', 'Langue', 'Lang'];

/**
 * Headers that identify a format: every group must be present (any header of a group).
 * Checked in this order; the groups are specific enough not to overlap.
 */
const SIGNATURES: ReadonlyArray<readonly [FormatId, ReadonlyArray<readonly string[]>]> = [
  ['amazon', [['order-id'], ['order-item-id']]],
  ['etsy', [['Order ID'], ['Transaction ID'], ['Listing ID']]],
  ['shopify', [['Name'], ['Lineitem quantity']]],
  ['woocommerce', [['Order Number'], ['Item Name', 'SKU'], ['Quantity (- Refund)', 'Quantity']]],
];

export function detectSource(headers: string[]): DetectedSource {
  const keys: Record<string, true> = {};
  for (const h of headers) keys[headerKey(h)] = true;
  for (const [id, groups] of SIGNATURES) {
    if (groups.every((g) => g.some((h) => keys[headerKey(h)]))) return id;
  }
  return 'unknown';
}

export function isFormatId(s: string): s is FormatId {
  return FORMAT_IDS.indexOf(s as FormatId) >= 0;
}

/** Order status words (English, French, WooCommerce slugs) that mean the order will not ship. */
export function isCancelledStatus(status: string): boolean {
  const s = foldAccents(status.trim().toLowerCase()).replace(/^wc-/, '');
  return /^(cancell?ed|refunded|failed|voided|annulee|remboursee|echouee)$/.test(s);
}

/**
 * Shopify orders export. One row per line item; `Name` (#1001) is the order id; there is no
 * line id, so the line key is the position within the order (1, 2, ...). Order-level fields
 * (Currency, Shipping Method, names, countries, Cancelled at) are only on the order's first
 * row. Cancelled = `Cancelled at` set. `Lineitem sku` may be empty (custom items): the
 * listing key `shopify:name:<lineitem name>` then lets the app map it.
 */
const shopify = (decimal: DecimalStyle): Profile => ({
  channel: 'shopify',
  columns: {
    orderId: ['Name'],
    sku: ['Lineitem sku'],
    itemName: ['Lineitem name'],
    qty: ['Lineitem quantity'],
    unitPrice: ['Lineitem price'],
    date: ['Created at'],
    customerName: ['Shipping Name', 'Billing Name'],
    email: ['Email'],
    country: ['Shipping Country', 'Billing Country'],
    language: LANGUAGE,
    currency: ['Currency'],
    shippingMethod: ['Shipping Method'],
    status: ['Cancelled at'],
    fulfillment: ['Lineitem fulfillment status'],
  },
  required: ['orderId', 'qty'],
  finish: (raw) => {
    raw.listingKey = raw.itemName ? 'shopify:name:' + keyText(raw.itemName) : '';
  },
  dateOrder: null,
  decimal,
  isCancelled: (s) => s !== '',
  isFulfilled: (f) => f.trim().toLowerCase() === 'fulfilled',
});

/**
 * WooCommerce, "Advanced Order Export For WooCommerce" (AlgolPlus) CSV with its default
 * fields. Line key = `Item #`; with "Fill order columns for: 1st row only" the order's
 * other rows have no order number and no order fields: they continue the order above.
 * `Quantity (- Refund)` is net of refunds (0 = fully refunded line: `zero_qty`). Cancelled
 * = status Cancelled / Refunded / Failed (labels in English or French, or slugs). The
 * file's local `Order Date` (`Y-m-d H:i`, no zone) gives `yyyy-MM-ddTHH:mm`. Listing key:
 * `woocommerce:<variation or product id>` when those optional columns are exported, else
 * `woocommerce:name:<item name>`.
 */
const woocommerce = (decimal: DecimalStyle): Profile => ({
  channel: 'woocommerce',
  columns: {
    orderId: ['Order Number', 'Order ID'],
    lineId: ['Item #'],
    sku: ['SKU'],
    itemName: ['Item Name'],
    qty: ['Quantity (- Refund)', 'Quantity'],
    unitPrice: ['Item Cost'],
    date: ['Order Date'],
    email: ['Email (Billing)'],
    country: ['Country Code (Shipping)', 'Country Code (Billing)'],
    language: LANGUAGE,
    currency: ['Currency', 'Order Currency'],
    shippingMethod: ['Shipping Method Title'],
    status: ['Order Status'],
  },
  required: ['orderId', 'qty'],
  finish: (raw, get) => {
    const ship = join(get('First Name (Shipping)'), get('Last Name (Shipping)'));
    raw.customerName = ship || join(get('First Name (Billing)'), get('Last Name (Billing)'));
    const variation = get('Variation Id', 'Variation ID');
    const product = variation && variation !== '0' ? variation : get('Product Id', 'Product ID');
    raw.listingKey = product && product !== '0' ? 'woocommerce:' + keyText(product) : raw.itemName ? 'woocommerce:name:' + keyText(raw.itemName) : '';
  },
  carryOrderId: true,
  dateOrder: null,
  decimal,
  isCancelled: isCancelledStatus,
  // "Completed" means shipped in WooCommerce: such an order no longer needs stock here.
  isFulfilled: (_f, status) => /^(wc-)?(completed|termin[ée]e)$/i.test(status.trim()),
});

/**
 * Etsy Sold Order Items. Line key = `Transaction ID`. `Sale Date` is MM/DD/YY (date only).
 * `Ship Country` is an English name, turned into ISO-2 for the common countries. SKU is
 * often empty: the listing key `etsy:<Listing ID>` or `etsy:<Listing ID>|<variations>`
 * (e.g. `etsy:1550000002|color:blue`; personalisation text left out) lets the app map the
 * listing to an item. No email, no shipping method, no cancellation in this file.
 */
const etsy = (decimal: DecimalStyle): Profile => ({
  channel: 'etsy',
  columns: {
    orderId: ['Order ID'],
    lineId: ['Transaction ID'],
    sku: ['SKU'],
    itemName: ['Item Name'],
    qty: ['Quantity'],
    unitPrice: ['Price'],
    date: ['Sale Date'],
    customerName: ['Ship Name', 'Delivery Name'],
    country: ['Ship Country', 'Delivery Country'],
    language: LANGUAGE,
    currency: ['Currency'],
    fulfillment: ['Date Shipped'],
  },
  required: ['orderId', 'lineId', 'qty'],
  finish: (raw, get) => {
    if (!raw.customerName) raw.customerName = get('Buyer').replace(/\s*\([^()]*\)\s*$/, '');
    const listing = get('Listing ID');
    const variations = etsyVariations(get('Variations'));
    raw.listingKey = listing ? 'etsy:' + keyText(listing) + (variations ? '|' + variations : '') : '';
  },
  dateOrder: 'mdy',
  decimal,
  isCancelled: () => false,
  isFulfilled: (f) => f.trim() !== '',
});

/**
 * Amazon order reports (tab separated): Unshipped Orders, and the Order Report / New Orders
 * layout. Line key = `order-item-id`. Qty = `quantity-to-ship` when the column exists (the
 * Unshipped report: what is left to ship; units already shipped outside the app are not
 * reserved again), else `quantity-purchased`. Dates are ISO with offset -> UTC. No price or
 * currency in the Unshipped report; `item-price` of other reports is a line total, so it is
 * not read as a unit price. Rows continuing an item (promotions: no sku, no quantity) are
 * skipped. Listing key: none (Amazon always has the seller SKU).
 */
const amazon = (decimal: DecimalStyle): Profile => ({
  channel: 'amazon',
  columns: {
    orderId: ['order-id'],
    lineId: ['order-item-id'],
    sku: ['sku'],
    itemName: ['product-name'],
    qty: ['quantity-to-ship', 'quantity-purchased'],
    date: ['purchase-date'],
    customerName: ['recipient-name', 'buyer-name'],
    email: ['buyer-email'],
    country: ['ship-country'],
    language: LANGUAGE,
    currency: ['currency'],
    shippingMethod: ['ship-service-level'],
  },
  required: ['orderId', 'lineId', 'sku', 'qty'],
  skipContinuationRows: true,
  dateOrder: null,
  decimal,
  isCancelled: () => false,
});

const PROFILES: Record<FormatId, (decimal: DecimalStyle) => Profile> = { shopify, woocommerce, etsy, amazon };

export function formatProfile(id: FormatId, decimal: DecimalStyle): Profile {
  return PROFILES[id](decimal);
}

/** Records (header excluded) of a known format to canonical lines and row problems. */
export function mapFormat(id: FormatId, headers: string[], records: string[][], decimal: DecimalStyle = 'dot'): { lines: ImportedLine[]; problems: RowProblem[] } {
  return buildLines(headers, records, formatProfile(id, decimal));
}

function join(first: string, last: string): string {
  return (first + ' ' + last).trim();
}

/**
 * Etsy `Variations` (`Size:Large,Color:Blue`) as a key part: entries kept in file order,
 * lower case, spaces collapsed, personalisation entries dropped (free text would make every
 * order a new listing). A comma not followed by `name:` belongs to the previous value.
 */
export function etsyVariations(raw: string): string {
  const entries: string[] = [];
  for (const part of raw.split(/,|\r\n|\n|\r/)) {
    if (entries.length && part.indexOf(':') < 0) entries[entries.length - 1] += ',' + part;
    else entries.push(part);
  }
  return entries
    .filter((e) => !/^\s*(personali[sz]ation|personnalisation)\b/i.test(e) && e.trim() !== '')
    .map((e) => {
      const i = e.indexOf(':');
      return i < 0 ? keyText(e) : keyText(e.slice(0, i)) + ':' + keyText(e.slice(i + 1));
    })
    .join(',');
}
