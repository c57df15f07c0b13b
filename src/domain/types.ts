/** Closed sets are stored as codes; labels come from the i18n catalogues. */
export const MOVEMENT_TYPES = [
  'receipt', 'move', 'pick', 'pack', 'consume', 'ship', 'return', 'inspect', 'count', 'write_off', 'rtv', 'reversal',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const STATES = ['available', 'picked', 'packed', 'quarantine', 'damaged', 'repair', 'rtv'] as const;
export type StockState = (typeof STATES)[number];

export const ITEM_KINDS = ['product', 'packaging', 'component'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const STOCK_STATUSES = ['ok', 'low', 'out', 'inactive'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const CHANNELS = ['manual', 'shopify', 'woocommerce', 'etsy', 'amazon', 'generic'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Status of one order line, from the stock's point of view. */
export const ORDER_LINE_STATUSES = ['open', 'picking', 'picked', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderLineStatus = (typeof ORDER_LINE_STATUSES)[number];

export const PICK_LIST_STATUSES = ['open', 'confirmed', 'cancelled'] as const;
export type PickListStatus = (typeof PICK_LIST_STATUSES)[number];

export const PO_STATUSES = ['draft', 'sent', 'confirmed', 'received', 'cancelled'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

export const VALUE_SOURCES = ['items', 'computed', 'missing'] as const;

export const LOG_LEVELS = ['info', 'warning', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Item {
  sku: string;
  name: string;
  barcode: string;
  kind: ItemKind;
  unit: string;
  decimals: number;
  defaultBin: string;
  supplier: string;
  leadTimeDays: number | null;
  leadTimeSdDays: number | null;
  unitCost: number | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  reorderQty: number | null;
  minOrderQty: number | null;
  packSize: number | null;
  tracksExpiry: boolean;
  active: boolean;
}

/** One ledger row. Money is in integer minor units; time is epoch milliseconds. */
export interface Movement {
  movementId: string;
  requestId: string;
  time: number;
  user: string;
  type: MovementType;
  sku: string;
  bin: string;
  state: StockState;
  lot: string;
  /** yyyy-MM-dd or "" */
  expiry: string;
  qty: number;
  /** unrounded, in currency units (up to 6 decimals); null when unknown */
  unitCost: number | null;
  valueMinor: number;
  refType: string;
  refId: string;
  externalRef: string;
  note: string;
  reverses: string;
}

/** The identity of a stock cache row. */
export interface StockKey {
  sku: string;
  bin: string;
  state: StockState;
  lot: string;
}

export interface StockLevel extends StockKey {
  expiry: string;
  qty: number;
  valueMinor: number;
  /** last movement id applied to this row ("" when none) */
  appliedThrough: string;
}

export interface StockSummary {
  sku: string;
  name: string;
  onHand: number;
  /** quantity in the "available" state (physical), before reservations */
  inAvailableState: number;
  reserved: number;
  availableToSell: number;
  incoming: number;
  inventoryPosition: number;
  reorderPoint: number | null;
  status: StockStatus;
  valueMinor: number;
  /** moving average unit cost, unrounded (DESIGN section 5); null before any stock came in */
  avgUnitCost: number | null;
  alertedAt: number | null;
  appliedThrough: string;
}

export type Settings = Record<string, string>;

/** One order line. Quantities are cumulative; what is still open is derived (DESIGN section 3). */
export interface OrderLine {
  orderId: string;
  lineKey: string;
  channel: Channel;
  /** epoch ms, or null when the source gave none */
  orderDate: number | null;
  customerName: string;
  email: string;
  country: string;
  /** the customer's language for emails ('' = the workbook's) */
  language: '' | 'en' | 'fr';
  sku: string;
  itemName: string;
  qty: number;
  qtyCancelled: number;
  qtyPicked: number;
  qtyPacked: number;
  qtyShipped: number;
  unitPrice: number | null;
  currency: string;
  shippingMethod: string;
  status: OrderLineStatus;
  /** what this line counts in stock_summary.reserved */
  reserved: number;
  pickListId: string;
  tote: number | null;
  shipmentId: string;
  requestId: string;
  createdAt: number | null;
  problem: string;
  /** units taken back by returns (sum of the line's Returns rows) */
  qtyReturned?: number;
  /** refunds of the order's credit notes, minor units: on the order's first line only */
  refundTotal?: number | null;
}
