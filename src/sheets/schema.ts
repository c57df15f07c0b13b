/**
 * The workbook schema: the single source of table ids, column ids, types and formats.
 * Column ids are snake_case and stored in a hidden id row above the localized header row,
 * so users may rename tabs, reorder columns and add their own without breaking anything.
 */
import { CHANNELS, ITEM_KINDS, LOG_LEVELS, MOVEMENT_TYPES, ORDER_LINE_STATUSES, PICK_LIST_STATUSES, PO_STATUSES, STATES, STOCK_STATUSES, VALUE_SOURCES } from '../domain/types';
import { REPLENISHMENT_SETTING_DEFAULTS } from '../domain/replenishment/settings';
import { DISPOSITIONS, RETURN_REASONS, RETURN_STATUSES, RETURNS_SETTING_DEFAULTS } from '../domain/returns/rules';
import { COUNT_STATUSES } from '../domain/counts';

export type ColumnType =
  | 'text' // free text, stored as typed: formatted "@"
  | 'code' // a closed-set code: "@", dropdown validation
  | 'int'
  | 'qty'
  | 'number'
  | 'money' // rounded to the minor unit, currency format
  | 'unit_cost' // unrounded (up to 6 decimals), currency format
  | 'datetime' // Date cell
  | 'date' // date-only, yyyy-MM-dd in the spreadsheet time zone
  | 'bool'; // checkbox

export interface ColumnDef {
  id: string;
  type: ColumnType;
  values?: readonly string[];
  width?: number;
  /** bookkeeping the add-on needs but a person does not read (hidden at set-up) */
  hidden?: boolean;
  /** conditional format: cell text -> background colour (e.g. low stock) */
  highlight?: Readonly<Record<string, string>>;
}

export interface TableDef {
  id: TableId;
  columns: readonly ColumnDef[];
  /** warning-only protection: the add-on writes here, people should not */
  protectedSheet: boolean;
}

export const TABLE_IDS = ['items', 'ledger', 'stock', 'stock_summary', 'settings', 'log', 'orders', 'pick_lists', 'shipments', 'purchase_orders', 'replenishment', 'report_skus', 'report_months', 'dashboard', 'valuation', 'returns', 'counts'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** Row 1 holds column ids (hidden), row 2 the localized headers, data starts at row 3. */
export const ID_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

const text = (id: string, width = 120): ColumnDef => ({ id, type: 'text', width });
const code = (id: string, values: readonly string[]): ColumnDef => ({ id, type: 'code', values, width: 110 });
const col = (id: string, type: ColumnType, width = 100): ColumnDef => ({ id, type, width });
const hidden = (def: ColumnDef): ColumnDef => ({ ...def, hidden: true });

export const SCHEMA: Record<TableId, TableDef> = {
  items: {
    id: 'items',
    protectedSheet: false,
    columns: [
      text('sku'), text('name', 220), text('barcode', 130), code('kind', ITEM_KINDS), text('unit', 70),
      col('decimals', 'int', 80), text('default_bin'), text('supplier', 140), col('lead_time_days', 'number'),
      col('lead_time_sd_days', 'number'), col('unit_cost', 'unit_cost'), col('safety_stock', 'qty'),
      col('reorder_point', 'qty'), col('reorder_qty', 'qty'), col('min_order_qty', 'qty'), col('pack_size', 'qty'),
      col('tracks_expiry', 'bool', 90), col('active', 'bool', 70),
    ],
  },
  ledger: {
    id: 'ledger',
    protectedSheet: true,
    columns: [
      text('movement_id', 100), text('request_id', 140), col('time', 'datetime', 150), text('user', 160),
      code('type', MOVEMENT_TYPES), text('sku'), text('bin'), code('state', STATES), text('lot'),
      col('expiry', 'date'), col('qty', 'qty', 80), col('unit_cost', 'unit_cost'), col('value', 'money'),
      text('ref_type'), text('ref_id'), text('external_ref', 140), text('note', 200), text('reverses', 100),
    ],
  },
  stock: {
    id: 'stock',
    protectedSheet: true,
    columns: [
      text('sku'), text('bin'), code('state', STATES), text('lot'), col('expiry', 'date'), col('qty', 'qty', 80),
      col('value', 'money'), text('applied_through', 110), col('updated_at', 'datetime', 150),
    ],
  },
  stock_summary: {
    id: 'stock_summary',
    protectedSheet: true,
    columns: [
      text('sku'), text('name', 220), col('on_hand', 'qty'), col('in_available_state', 'qty'), col('reserved', 'qty'),
      col('available_to_sell', 'qty'), col('incoming', 'qty'), col('inventory_position', 'qty'),
      col('reorder_point', 'qty'), { ...code('status', STOCK_STATUSES), highlight: { low: '#fde68a', out: '#fca5a5' } },
      col('value', 'money'), col('avg_unit_cost', 'unit_cost', 110),
      col('alerted_at', 'datetime', 150), text('applied_through', 110), col('updated_at', 'datetime', 150),
    ],
  },
  settings: {
    id: 'settings',
    protectedSheet: false,
    columns: [text('key', 160), text('value', 200), text('description', 380)],
  },
  log: {
    id: 'log',
    protectedSheet: true,
    columns: [
      col('time', 'datetime', 150), text('user', 160), code('level', LOG_LEVELS), text('event', 140),
      text('message', 380), text('details', 300), hidden(text('request_id', 140)),
    ],
  },
  orders: {
    id: 'orders',
    protectedSheet: false,
    columns: [
      text('order_id'), text('line_key', 70), code('channel', CHANNELS), col('order_date', 'datetime', 150), text('customer_name', 160),
      text('email', 180), text('country', 70), code('language', ['en', 'fr']), text('sku'), text('item_name', 200),
      col('qty', 'qty', 70), col('qty_cancelled', 'qty', 80), col('qty_picked', 'qty', 80), col('qty_packed', 'qty', 80),
      col('qty_shipped', 'qty', 80), col('unit_price', 'unit_cost'), text('currency', 70), text('shipping_method', 140),
      code('status', ORDER_LINE_STATUSES), col('reserved', 'qty', 80), text('pick_list_id', 100), col('tote', 'int', 60),
      text('shipment_id', 100), hidden(text('request_id', 140)), col('created_at', 'datetime', 150), text('problem', 240),
      col('qty_returned', 'qty', 80), col('refund_total', 'money'),
    ],
  },
  pick_lists: {
    id: 'pick_lists',
    protectedSheet: false,
    columns: [
      text('pick_list_id', 100), col('seq', 'int', 50), text('bin'), text('sku'), text('name', 200), text('lot'),
      col('expiry', 'date'), col('qty', 'qty', 70), col('qty_picked', 'qty', 80), col('done', 'bool', 60), text('totes', 160),
      code('status', PICK_LIST_STATUSES), hidden(text('request_id', 140)), hidden(col('created_at', 'datetime', 150)),
      hidden(text('user', 160)), hidden(text('allocations', 300)),
    ],
  },
  shipments: {
    id: 'shipments',
    protectedSheet: false,
    columns: [
      text('shipment_id', 100), text('order_id'), text('carrier', 120), text('tracking_number', 200), text('tracking_url', 300),
      col('shipped_at', 'datetime', 150), text('user', 160), text('packaging', 200), text('items', 300), text('email', 180),
      code('language', ['en', 'fr']), col('notified_at', 'datetime', 150),
      { ...text('tracking_status', 120), highlight: { exception: '#fca5a5', attempt_fail: '#fde68a', expired: '#e5e7eb' } }, text('last_event', 300),
      col('last_checked', 'datetime', 150), col('delivered_at', 'datetime', 150), hidden(text('request_id', 140)),
      hidden(text('notified_status', 120)), hidden(text('alerted_status', 120)),
    ],
  },
  purchase_orders: {
    id: 'purchase_orders',
    protectedSheet: false,
    columns: [
      text('po_id', 100), text('supplier', 160), code('status', PO_STATUSES), text('sku'), text('name', 200), col('qty', 'qty', 80),
      col('qty_received', 'qty', 80), col('qty_cancelled', 'qty', 80), col('unit_cost', 'unit_cost'), col('expected_date', 'date'),
      text('note', 200), col('created_at', 'datetime', 150), text('user', 160), hidden(text('request_id', 140)),
    ],
  },
  replenishment: {
    id: 'replenishment',
    protectedSheet: true,
    columns: [
      text('sku'), text('name', 200), text('supplier', 140), col('mean_daily', 'number'), col('sd_daily', 'number'),
      col('lead_time_days', 'number'), col('safety_stock', 'qty'), code('safety_stock_source', VALUE_SOURCES),
      col('reorder_point', 'qty'), code('reorder_point_source', VALUE_SOURCES), col('reorder_qty', 'qty'),
      code('reorder_qty_source', VALUE_SOURCES), col('days_of_cover', 'number'), col('to_order', 'qty'), text('explain', 420),
      col('updated_at', 'datetime', 150),
    ],
  },
  returns: {
    id: 'returns',
    protectedSheet: true,
    columns: [
      text('rma_id', 100), text('order_id'), text('line_key', 70), text('shipment_id', 100), text('sku'), col('qty', 'qty', 70),
      code('reason', RETURN_REASONS), text('note', 200), { ...code('status', RETURN_STATUSES), highlight: { received: '#fde68a', inspected: '#e5e7eb', repair: '#e5e7eb' } },
      code('disposition', DISPOSITIONS), text('bin'), text('credit_note_ref', 130), col('refund_amount', 'money'), col('tax_rate', 'number', 80),
      col('tax_amount', 'money'), hidden(text('request_id', 140)), col('created_at', 'datetime', 150), text('user', 160),
    ],
  },
  counts: {
    id: 'counts',
    protectedSheet: false,
    columns: [
      text('count_id', 100), text('bin'), text('sku'), text('lot'), col('expected', 'qty', 80), col('counted', 'qty', 80), col('variance', 'qty', 80),
      { ...code('status', COUNT_STATUSES), highlight: { stale: '#fde68a', recount: '#fde68a' } }, text('watermark', 110),
      hidden(text('request_id', 140)), col('created_at', 'datetime', 150), text('user', 160),
    ],
  },
  report_skus: {
    id: 'report_skus',
    protectedSheet: true,
    columns: [
      text('sku'), text('name', 200), col('on_hand', 'qty'), col('value', 'money'), col('avg_unit_cost', 'unit_cost'),
      col('annual_consumption', 'money', 130), col('abc_share', 'number'), code('abc_class', ['A', 'B', 'C']), col('turnover', 'number'),
      col('days_of_inventory', 'number'), col('last_movement', 'datetime', 150), col('idle_days', 'int'), col('dead', 'bool', 60),
      col('revenue', 'money'), col('cogs', 'money'), col('margin', 'money'), col('margin_rate', 'number'), col('updated_at', 'datetime', 150),
    ],
  },
  report_months: {
    id: 'report_months',
    protectedSheet: true,
    columns: [
      text('month', 90), col('cogs', 'money'), col('shipped', 'money'), col('returned', 'money'), col('consumed', 'money'),
      col('write_offs', 'money'), col('count_loss', 'money'), col('rtv', 'money'), col('closing_value', 'money', 120),
      col('revenue', 'money'), col('gross_margin', 'money', 120), col('updated_at', 'datetime', 150),
    ],
  },
  valuation: {
    id: 'valuation',
    protectedSheet: true,
    columns: [text('sku'), text('method', 110), text('state', 600), text('through', 110), col('updated_at', 'datetime', 150)],
  },
  dashboard: {
    id: 'dashboard',
    protectedSheet: true,
    columns: [code('section', ['value_by_month', 'top_skus', 'abc', 'stock_status', 'shipments']), text('label', 160), col('value', 'number', 110), col('amount', 'money', 120)],
  },
};

export function columnIds(table: TableId): string[] {
  return SCHEMA[table].columns.map((c) => c.id);
}

export function columnDef(table: TableId, column: string): ColumnDef {
  const def = SCHEMA[table].columns.find((c) => c.id === column);
  if (!def) throw new Error(`Unknown column ${table}.${column}`);
  return def;
}

/** Settings keys the add-on knows, with their defaults. */
export const SETTING_DEFAULTS = {
  language: '',
  currency: 'EUR',
  default_bin: 'RECEIVING',
  valuation_method: 'moving_average',
  packaging_rules: '',
  shop_name: '',
  notify_customers: 'yes',
  email_shipped_subject_en: '',
  email_shipped_body_en: '',
  email_shipped_subject_fr: '',
  email_shipped_body_fr: '',
  alert_recipients: '',
  tracking_provider: '',
  abc_a: '80%',
  abc_b: '95%',
  dead_stock_days: '90',
  notify_status_changes: '',
  ...REPLENISHMENT_SETTING_DEFAULTS,
  ...RETURNS_SETTING_DEFAULTS,
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;
