/**
 * The server functions the sidebars call, with their argument and value types as they
 * travel over google.script.run. The value types are restated here because the sidebar
 * may import only src/domain (tools/check-layers.mjs); test/e2e/support/api-contract.ts
 * proves at compile time that they match the types src/app really returns.
 */
import type { RpcResult, Change, RpcError } from '../src/domain/result';
import type { NormalizedLine, ReceivePayload } from '../src/domain/receive';
import type { Language } from '../src/domain/i18n';
import type { DailyLoopApi } from './api-daily';
import type { StockFormsApi } from './api-stock';

export type { RpcResult, Change, RpcError, Language };
export type * from './api-daily';
export type * from './api-stock';

/** Strings of a form: the catalogue entries of the prefixes in src/app/form-data.ts (field.*, err.*, form.*, ...) */
export type Strings = Record<string, string>;

export interface UiStrings {
  language: Language;
  strings: Strings;
}

export interface FormItem {
  sku: string;
  name: string;
  barcode: string;
  unit: string;
  decimals: number;
  defaultBin: string;
  unitCost: number | null;
  tracksExpiry: boolean;
  kind: string;
}

export interface ReceiveFormData {
  language: Language;
  currency: string;
  defaultBin: string;
  items: FormItem[];
  bins: string[];
  lots: { sku: string; lot: string; expiry: string }[];
  strings: Strings;
}

/** What the receive form sends: every field as the user typed it; the server validates. */
export interface NewItemRequest {
  name: string;
  barcode: string;
  kind: string;
  unit: string;
  decimals: string;
  unitCost: string;
  defaultBin: string;
  supplier: string;
  reorderPoint: string;
  tracksExpiry: boolean;
}

export interface ReceiveLineRequest {
  sku: string;
  bin: string;
  qty: string;
  unitCost: string;
  lot: string;
  expiry: string;
  newItem?: NewItemRequest;
}

export interface ReceiveRequest {
  requestId: string;
  /** a sent or confirmed purchase order the goods arrive against; '' = none */
  poId: string;
  supplierRef: string;
  note: string;
  lines: ReceiveLineRequest[];
}

export interface ReceiveValue {
  replayed: boolean;
  movementIds: string[];
  itemsCreated: string[];
  lines: NormalizedLine[];
}

export interface StockDifference {
  sku: string;
  bin: string;
  state: string;
  lot: string;
  actual: number;
  expected: number;
  actualValue: number;
  expectedValue: number;
  message: string;
}

export interface CheckValue {
  through: string;
  movements: number;
  differences: StockDifference[];
  summaryDifferences: { sku: string; column: string; actual: number | string; expected: number | string; message: string }[];
  token: string;
}

export interface SettingsValue {
  language: string;
  currency: string;
  defaultBin: string;
  valuationMethod: string;
  effectiveLanguage: string;
  trackingProvider: string;
  alertRecipients: string;
  notifyStatusChanges: string[];
  notifyChoices: string[];
}

export interface SettingsRequest {
  language: string;
  currency: string;
  defaultBin: string;
  trackingProvider: string;
  alertRecipients: string;
  notifyStatusChanges: string[];
}

export interface HelpValue {
  title: string;
  sections: { table: string; name: string; text: string }[];
}

/** Server function name -> [arguments, value]. */
export interface ServerApi extends DailyLoopApi, StockFormsApi {
  getUiStrings: [[], UiStrings];
  getReceiveFormData: [[], ReceiveFormData];
  receive: [[ReceiveRequest], ReceiveValue];
  checkStock: [[], CheckValue];
  repairStock: [[string], { repaired: number }];
  getSettings: [[], SettingsValue];
  saveSettings: [[SettingsRequest], SettingsValue];
  getHelp: [[], HelpValue];
}

export type ServerFunction = keyof ServerApi;
export type ArgsOf<F extends ServerFunction> = ServerApi[F][0];
export type ValueOf<F extends ServerFunction> = ServerApi[F][1];

/** Compile-time proof that what the form sends is something the server's payload type accepts. */
type Assert<T extends true> = T;
export type RequestFitsPayload = Assert<ReceiveRequest extends ReceivePayload ? true : false>;
