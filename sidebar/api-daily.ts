/**
 * Wire types of the daily loop (orders, pick lists, packing, shipping) and of the hourly
 * checks, as they travel over google.script.run. Restated here for the same reason as in
 * api.ts; test/e2e/support/api-contract.ts proves they match src/app.
 */
import type { CarrierCandidate } from '../src/domain/carriers';
import type { GenericMapping } from '../src/domain/orders/import';
import type { ManualOrderInput } from '../src/domain/orders/manual';

export type { CarrierCandidate, GenericMapping };

/** What the order form sends: every field as typed; the server validates. */
export interface AddOrderRequest {
  requestId: string;
  orderId: string;
  customerName: string;
  email: string;
  country: string;
  language: string;
  shippingMethod: string;
  lines: { sku: string; qty: string; unitPrice: string }[];
}

export interface AddOrderValue {
  orderId: string;
  lines: number;
  replayed: boolean;
}

export interface ImportRequest {
  requestId: string;
  text: string;
  /** '' = recognise the format from the headers; 'generic' = use the mapping */
  source: string;
  mapping?: GenericMapping;
}

export interface ImportValue {
  source: string;
  added: number;
  orders: number;
  duplicates: number;
  cancelled: number;
  fulfilled: number;
  problems: { row: number; code: string; field: string; message: string }[];
  headers: string[];
  replayed: boolean;
}

export interface ImportMappingValue {
  mapping: GenericMapping | null;
}

export interface CancelRequest {
  requestId: string;
  orderId: string;
}

export interface CancelValue {
  orderId: string;
  released: number;
  returned: number;
  replayed: boolean;
}

export interface PickListRequest {
  requestId: string;
  channel: string;
  fromDate: string;
  toDate: string;
  maxOrders: string;
  maxLines: string;
}

export interface WalkLine {
  seq: number;
  bin: string;
  sku: string;
  name: string;
  lot: string;
  expiry: string;
  qty: number;
  totes: string;
}

export interface PickListValue {
  pickListId: string;
  replayed: boolean;
  walk: WalkLine[];
  totes: { tote: number; orderId: string }[];
  shortages: { orderId: string; lineKey: string; sku: string; missing: number; message: string }[];
}

export interface OpenPickLists {
  lists: (PickListValue & { createdAt: string })[];
}

export interface ConfirmPickRequest {
  requestId: string;
  pickListId: string;
  /** every line of the list, the quantity as typed (0 allowed) */
  lines: { seq: number; picked: string }[];
}

export interface ConfirmPickValue {
  pickListId: string;
  replayed: boolean;
  picked: number;
  short: { seq: number; sku: string; bin: string; lot: string; missing: number; message: string }[];
}

export interface CancelPickRequest {
  requestId: string;
  pickListId: string;
}

export interface CancelPickValue {
  pickListId: string;
  replayed: boolean;
  released: number;
  orders: number;
}

export interface PackFormData {
  orders: { orderId: string; customerName: string; units: number; lines: { sku: string; name: string; qty: number }[]; suggested: string }[];
  packaging: { sku: string; name: string; available: number }[];
}

export interface PackRequest {
  requestId: string;
  orderId: string;
  packaging: { sku: string; qty: string }[];
}

export interface PackValue {
  orderId: string;
  packed: number;
  packaging: { sku: string; qty: number }[];
  replayed: boolean;
}

export interface ShipFormData {
  orders: { orderId: string; customerName: string; email: string; units: number; status: string }[];
  carriers: { code: string; name: string }[];
}

/** The form's parcels, or a pasted list (`text`): one or the other. */
export interface ShipRequest {
  requestId: string;
  shipments?: { orderId: string; carrier: string; trackingNumber: string }[];
  text?: string;
}

export interface ShipValue {
  replayed: boolean;
  shipments: { shipmentId: string; orderId: string; carrier: string; trackingNumber: string; trackingUrl: string; units: number; cost: number; emailed: boolean }[];
  problems: { row: number; code: string; field: string; message: string }[];
}

export interface DetectValue {
  normalized: string;
  candidates: CarrierCandidate[];
}

export interface ExportValue {
  fileName: string;
  csv: string;
  lines: number;
}

export interface HourlyStatus {
  on: boolean;
  owner: string;
  triggerId: string;
  /** epoch ms */
  since: number | null;
  offRequestedBy: string;
  lastRun: { start: number; end: number; ok: boolean; summary: string } | null;
  mine: boolean;
  message: string;
}

/** Server function name -> [arguments, value], merged into ServerApi. */
export interface DailyLoopApi {
  addOrder: [[AddOrderRequest], AddOrderValue];
  importOrders: [[ImportRequest], ImportValue];
  getImportMapping: [[], ImportMappingValue];
  saveImportMapping: [[GenericMapping], ImportMappingValue];
  cancelOrder: [[CancelRequest], CancelValue];
  buildPickList: [[PickListRequest], PickListValue];
  getOpenPickLists: [[], OpenPickLists];
  confirmPick: [[ConfirmPickRequest], ConfirmPickValue];
  cancelPickList: [[CancelPickRequest], CancelPickValue];
  getPackFormData: [[], PackFormData];
  packOrder: [[PackRequest], PackValue];
  getShipFormData: [[], ShipFormData];
  shipOrders: [[ShipRequest], ShipValue];
  detectCarrier: [[string], DetectValue];
  exportReadyToShip: [[], ExportValue];
  getHourlyStatus: [[], HourlyStatus];
  setHourlyChecks: [[{ on: boolean }], HourlyStatus];
}

type Assert<T extends true> = T;
export type OrderFitsPayload = Assert<AddOrderRequest extends ManualOrderInput ? true : false>;
