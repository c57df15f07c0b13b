/**
 * Canonical output of the order import (issue B). Pure data: the app layer turns these
 * lines into order rows and the problems into localized messages.
 */

/** The formats recognised by their header names. */
export type FormatId = 'shopify' | 'woocommerce' | 'etsy' | 'amazon';
/** What header detection can say about a file. */
export type DetectedSource = FormatId | 'unknown';
/** Where the lines of a parsed file came from: a known format, the user's mapping, or nothing. */
export type Source = FormatId | 'generic' | 'unknown';
export type Channel = FormatId | 'generic';

/**
 * One order line.
 *
 * `orderDate` has exactly one of three shapes:
 * - `yyyy-MM-ddTHH:mm:ssZ`: an instant in UTC, when the file states the offset
 *   (Shopify `2026-11-20 09:14:02 -0500`, Amazon `2026-11-19T08:12:45-08:00`);
 * - `yyyy-MM-ddTHH:mm`: a wall-clock time without zone (WooCommerce `Y-m-d H:i`, in the
 *   shop's time zone, which the file does not state; seconds, if any, are dropped);
 * - `yyyy-MM-dd`: a date without time (Etsy `Sale Date`);
 * or null when the file has no date for the order.
 */
export interface ImportedLine {
  channel: Channel;
  orderId: string;
  /** Stable per line within the order: the file's line id, else the position within the order (1, 2, ...). */
  lineKey: string;
  /** 1-based data row: 1 is the first record after the header (a spreadsheet showing the file has it on row 2). */
  sourceRow: number;
  orderDate: string | null;
  customerName: string;
  email: string;
  /** ISO 3166-1 alpha-2, upper case, or '' when absent or not recognised. */
  country: string;
  /** From an explicit language/locale column when present, else '' (the app decides from country or workbook). */
  language: 'en' | 'fr' | '';
  /** As written in the file, trimmed (may be '' when `listingKey` identifies the product). */
  sku: string;
  /**
   * A channel-scoped key of the product listing, for an item mapping kept by the app when the
   * SKU is empty or unknown: lower case, spaces collapsed, e.g. `etsy:1550000002|color:blue`,
   * `shopify:name:linen tea towel - sage`, `woocommerce:name:bougie figue`. '' for Amazon and generic.
   */
  listingKey: string;
  itemName: string;
  /** A positive integer (for Amazon's Unshipped report: the quantity still to ship). */
  qty: number;
  /** Decimal as written in the file (not rounded to minor units), or null when the file has none. */
  unitPrice: number | null;
  /** As written (ISO 4217 upper-cased when it looks like one), or ''. */
  currency: string;
  shippingMethod: string;
  cancelled: boolean;
  /** Already fulfilled outside the add-on (Shopify line fulfilled, WooCommerce Completed, Etsy shipped): nothing to reserve. */
  fulfilled: boolean;
}

/**
 * The closed set of import problem codes. A row with a problem is left out; the other rows
 * still come out (DESIGN section 5, the import exception). Row 0 means the whole file.
 */
export const IMPORT_PROBLEM_CODES = [
  /** row 0: the file is empty (no header row). */
  'empty_file',
  /** row 0: the text is not valid CSV (an unterminated quote); params.line is the physical line where it opens. Nothing is imported. */
  'malformed_csv',
  /** row 0: the headers match no known format and no mapping was given; choose columns (suggestMapping). */
  'unknown_format',
  /** row 0: a column the format or the mapping needs is absent; field = canonical field, params.header. Nothing is imported. */
  'missing_column',
  /** the row has no order id (and none to carry forward from the order's first row). */
  'missing_order_id',
  /** the row has neither a SKU nor a listing key. */
  'missing_sku',
  /** the quantity is empty, not a number, negative or not a whole number; params.value. */
  'invalid_qty',
  /** notice, not an error: the (net) quantity is 0 (a fully refunded line, or nothing left to ship); the row is left out on purpose. */
  'zero_qty',
  /** the unit price is present but not a number, or negative; params.value. */
  'invalid_price',
  /** the date is present but unreadable; params.value. */
  'invalid_date',
  /** a day/month date that reads both ways (05/11/2026); set the mapping's dateOrder. params.value. */
  'ambiguous_date',
  /** the same order id + line key appeared on an earlier row of this file; params.firstRow. */
  'duplicate_line',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** Codes that report a row left out on purpose, not a bad row. */
export const IMPORT_NOTICE_CODES: readonly ImportProblemCode[] = ['zero_qty'];

export function isNotice(code: ImportProblemCode): boolean {
  return IMPORT_NOTICE_CODES.indexOf(code) >= 0;
}

export interface RowProblem {
  /** 1-based data row (as ImportedLine.sourceRow), or 0 for the whole file. */
  row: number;
  code: ImportProblemCode;
  /** The canonical field (orderId, lineKey, sku, qty, unitPrice, orderDate) or '' for the file. */
  field: string;
  /** Always strings or numbers; `header` names the file's column when there is one. */
  params?: Record<string, string | number>;
}
