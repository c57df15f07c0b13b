/**
 * Wire types of the stock forms (returns, counts, adjustments, "explain this number"), of
 * the tracking settings and of the purchase orders the receive form offers, as they travel
 * over google.script.run. Restated here for the same reason as in api.ts;
 * test/e2e/support/api-contract.ts proves they match src/app.
 */
import type { Disposition, PendingStatus, ReturnReason, ReturnStatus, WriteOffReason } from '../src/domain/returns/rules';
import type { CountStatus } from '../src/domain/counts';
import type { StockState } from '../src/domain/types';

export type { Disposition, PendingStatus, ReturnReason, ReturnStatus, WriteOffReason, CountStatus, StockState };

export interface Labelled<C extends string> {
  code: C;
  label: string;
}

// ---------------------------------------------------------------- returns

export interface ReturnableOrder {
  orderId: string;
  channel: string;
  orderDate: string;
  customerName: string;
  email: string;
  shipments: { shipmentId: string; carrier: string; trackingNumber: string; shippedAt: string }[];
  lines: { lineKey: string; sku: string; name: string; qtyShipped: number; qtyReturned: number; returnable: number; unitPrice: number | null }[];
  rmaIds: string[];
}

export interface ReturnSummary {
  rmaId: string;
  orderId: string;
  createdAt: string;
  creditNoteRef: string;
  refund: number | null;
  lines: { lineKey: string; sku: string; reason: string; rows: { status: ReturnStatus; statusLabel: string; bin: string; qty: number }[] }[];
}

export interface ReturnableValue {
  query: string;
  matchedBy: 'order' | 'tracking' | 'customer' | 'rma' | 'none';
  returnsBin: string;
  reasons: Labelled<ReturnReason>[];
  dispositions: Labelled<Disposition>[];
  writeOffReasons: Labelled<WriteOffReason>[];
  orders: ReturnableOrder[];
  returns: ReturnSummary[];
}

/**
 * A new return, quantities as typed (the server checks them): against an order, lines name
 * order lines; without an order (no orderId), lines name a SKU, with expiry and lot for
 * expiry-tracked items.
 */
export interface ReturnRequest {
  requestId: string;
  orderId?: string;
  reason: string;
  note: string;
  lines: { lineKey?: string; sku?: string; qty: string; expiry?: string; lot?: string }[];
}

export interface ReturnValue {
  rmaId: string;
  replayed: boolean;
  orderId: string;
  bin: string;
  movementIds: string[];
  lines: { line: number; lineKey: string; sku: string; qty: number; reason: ReturnReason; value: number }[];
}

/** One disposition of (part of) a return line; a line may come several times to split it. */
export interface InspectLineRequest {
  lineKey: string;
  from: string;
  disposition: string;
  qty: string;
  bin: string;
  reason: string;
  note: string;
  vendorRef: string;
}

export interface InspectRequest {
  requestId: string;
  rmaId: string;
  lines: InspectLineRequest[];
}

export interface InspectValue {
  rmaId: string;
  replayed: boolean;
  movementIds: string[];
  lines: { line: number; lineKey: string; sku: string; from: PendingStatus; disposition: Disposition; qty: number; bin: string; value: number }[];
  statuses: { lineKey: string; sku: string; rows: { status: ReturnStatus; bin: string; qty: number }[] }[];
}

export interface CreditNoteRequest {
  requestId: string;
  rmaId: string;
  reference: string;
  amount: string;
  taxRate: string;
}

export interface CreditNoteValue {
  rmaId: string;
  orderId: string;
  reference: string;
  amount: number;
  taxRate: number | null;
  taxAmount: number | null;
  refundTotal: number;
  replayed: boolean;
}

// ---------------------------------------------------------------- counts

export interface CountSheetRequest {
  requestId: string;
  binFrom: string;
  binTo: string;
  abcClass: string;
  notCountedDays: string;
  blind: boolean;
}

export interface CountSheetValue {
  countId: string;
  replayed: boolean;
  blind: boolean;
  watermark: string;
  lines: { line: number; bin: string; sku: string; name: string; lot: string; expiry: string; unit: string; decimals: number; expected?: number }[];
}

export interface SubmitCountRequest {
  requestId: string;
  countId: string;
  lines: { line: number; counted: string }[];
  /** stock found at places the sheet does not list; errors: field `found.*`, line = index + 1 */
  found?: FoundCountLine[];
}

export interface FoundCountLine {
  /** SKU or barcode */
  sku: string;
  bin: string;
  lot?: string;
  /** yyyy-MM-dd, expiry-tracked items only */
  expiry?: string;
  counted: string;
}

export interface StaleMovement {
  movementId: string;
  time: string;
  user: string;
  type: string;
  qty: number;
}

export interface SubmitCountValue {
  countId: string;
  replayed: boolean;
  posted: number;
  recount: number;
  stale: number;
  complete: boolean;
  valueChange: number;
  lines: {
    line: number; sku: string; bin: string; lot: string; counted: number; status: CountStatus;
    expected?: number; variance?: number; code?: 'count_stale' | 'count_recount'; message?: string; movements?: StaleMovement[];
  }[];  found: { line: number; sku: string; bin: string; lot: string; expiry: string; counted: number; value: number }[];
}

// ---------------------------------------------------------------- adjustments

/** A stock place as typed: SKU or barcode, bin, state, lot. */
export interface PlaceRequest {
  sku: string;
  bin: string;
  state: string;
  lot: string;
}

export interface WriteOffRequest {
  requestId: string;
  reason: string;
  note: string;
  lines: (PlaceRequest & { qty: string })[];
}

export interface WriteOffValue {
  replayed: boolean;
  movementIds: string[];
  lines: { line: number; sku: string; bin: string; state: StockState; lot: string; qty: number; reason: string; value: number }[];
  total: number;
}

export interface MoveRequest {
  requestId: string;
  note: string;
  lines: (PlaceRequest & { qty: string; toBin: string; toState: string })[];
}

export interface MoveValue {
  replayed: boolean;
  movementIds: string[];
  lines: { line: number; sku: string; lot: string; qty: number; fromBin: string; fromState: StockState; toBin: string; toState: StockState; value: number }[];
}

export interface ExpiringLotValue {
  sku: string;
  name: string;
  bin: string;
  state: StockState;
  lot: string;
  expiry: string;
  daysLeft: number;
  qty: number;
  value: number;
}

export interface ExpiringValue {
  today: string;
  days: number;
  lots: ExpiringLotValue[];
  reasons: Labelled<WriteOffReason>[];
}

export interface ExpiryActionRequest {
  requestId: string;
  action: 'damage' | 'write_off';
  days: string;
  lots: PlaceRequest[];
}

export interface VoidRequest {
  requestId: string;
  movementId: string;
  note: string;
}

export interface VoidValue {
  replayed: boolean;
  voided: string[];
  movementIds: string[];
}

// ---------------------------------------------------------------- explain this number

export interface ExplainRow {
  movementId: string;
  time: string;
  user: string;
  type: string;
  typeLabel: string;
  qty: number;
  unitCost: number | null;
  value: number;
  balanceAfter: number;
  note: string;
  reference: string;
}

export interface ExplainValue {
  sku: string;
  name: string;
  bin: string;
  state: string;
  lot: string;
  expiry: string;
  qty: number;
  value: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
  rows: ExplainRow[];
}

export interface ExplainRequest {
  sku: string;
  bin: string;
  state: string;
  lot: string;
  page: number;
  pageSize: number;
}

// ---------------------------------------------------------------- tracking and purchase orders

export interface TrackingSettingsValue {
  provider: string;
  /** keySaved: the saved key masked (••••1234), or '' */
  providers: { id: string; keySaved: string }[];
}

export interface PoSummary {
  poId: string;
  supplier: string;
  status: string;
  lines: { sku: string; name: string; qty: number; qtyReceived: number; qtyCancelled: number; unitCost: number | null; expectedDate: string }[];
}

/** Server function name -> [arguments, value], merged into ServerApi. */
export interface StockFormsApi {
  findReturnable: [[{ query: string }], ReturnableValue];
  createReturn: [[ReturnRequest], ReturnValue];
  inspectReturn: [[InspectRequest], InspectValue];
  recordCreditNote: [[CreditNoteRequest], CreditNoteValue];
  createCountSheet: [[CountSheetRequest], CountSheetValue];
  submitCount: [[SubmitCountRequest], SubmitCountValue];
  writeOff: [[WriteOffRequest], WriteOffValue];
  getExpiring: [[{ days: string }], ExpiringValue];
  expiryAction: [[ExpiryActionRequest], WriteOffValue];
  moveStock: [[MoveRequest], MoveValue];
  voidMovement: [[VoidRequest], VoidValue];
  explainStock: [[ExplainRequest], ExplainValue];
  explainSelection: [[{ page: number; pageSize: number }], ExplainValue];
  getTrackingSettings: [[], TrackingSettingsValue];
  saveTrackingKey: [[{ provider: string; apiKey: string }], TrackingSettingsValue];
  testTrackingConnection: [[{ provider: string; apiKey?: string }], { ok: boolean; message: string }];
  getPurchaseOrders: [[], { orders: PoSummary[] }];
}
