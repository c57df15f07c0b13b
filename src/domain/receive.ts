/**
 * Receiving: validate a receive payload against the items and stock it refers to, and
 * plan the ledger rows. Pure: the app layer reads, calls this, then writes.
 */
import type { Item, Movement, StockLevel } from './types';
import { ITEM_KINDS } from './types';
import { problem, type Problem } from './result';
import { decimalPlaces, MAX_QTY, parseDecimal } from './quantity';
import { cleanText, hasControlChars, MAX_ID, MAX_TEXT, normalizeBin, skuKey } from './text';
import { lineValueMinor, roundUnitCost } from './money';
import { ItemIndex } from './items';
import { text } from './form-input';
import { checkLotExpiry, knownExpiries, lotAndExpiry } from './lots';

export interface NewItemInput {
  name?: unknown;
  barcode?: unknown;
  kind?: unknown;
  unit?: unknown;
  decimals?: unknown;
  unitCost?: unknown;
  defaultBin?: unknown;
  supplier?: unknown;
  reorderPoint?: unknown;
  tracksExpiry?: unknown;
}

export interface ReceiveLineInput {
  /** a SKU or a barcode */
  sku?: unknown;
  bin?: unknown;
  qty?: unknown;
  unitCost?: unknown;
  lot?: unknown;
  expiry?: unknown;
  /** present when the line creates the item (the SKU must be new) */
  newItem?: NewItemInput;
}

export interface ReceivePayload {
  requestId?: unknown;
  /** a purchase order received against (partial receipts allowed) */
  poId?: unknown;
  supplierRef?: unknown;
  note?: unknown;
  lines?: unknown;
}

/** A receipt line as it is written, and as it is rebuilt from the ledger for a retry. */
export interface NormalizedLine {
  sku: string;
  bin: string;
  lot: string;
  expiry: string;
  qty: number;
  unitCost: number;
  externalRef: string;
  note: string;
}

export interface ReceivePlan {
  requestId: string;
  newItems: Item[];
  lines: NormalizedLine[];
}

export interface ReceiveContext {
  items: readonly Item[];
  /** existing stock levels, used for the lot -> expiry rule */
  levels: readonly StockLevel[];
  defaultBin: string;
  /** true when the request id is already in the ledger: items created by it exist now */
  replay: boolean;
}

export const MAX_LINES = 200;
export const MAX_REQUEST_ID = 100;

/** Checks that need no workbook: run before taking the lock. */
export function checkReceiveShape(payload: ReceivePayload): Problem[] {
  const problems: Problem[] = [];
  const requestId = cleanText(payload.requestId);
  if (!requestId) problems.push(problem('required', 'requestId'));
  else if (requestId.length > MAX_REQUEST_ID) problems.push(problem('too_long', 'requestId', undefined, { max: MAX_REQUEST_ID }));
  text(problems, payload.supplierRef, 'supplierRef', 200);
  text(problems, payload.note, 'note', MAX_TEXT);
  if (!Array.isArray(payload.lines) || payload.lines.length === 0) problems.push(problem('no_lines', 'lines'));
  else if (payload.lines.length > MAX_LINES) problems.push(problem('too_many_lines', 'lines', undefined, { max: MAX_LINES }));
  return problems;
}


/** Validate every line against the workbook's items and stock, and plan the rows. */
export function planReceive(payload: ReceivePayload, ctx: ReceiveContext): { plan?: ReceivePlan; problems: Problem[] } {
  const problems = checkReceiveShape(payload);
  if (problems.length) return { problems };
  const index = new ItemIndex(ctx.items);
  const newItems = new Map<string, Item>();
  const lotExpiry = knownExpiries(ctx.levels);
  const externalRef = cleanText(payload.supplierRef);
  const note = cleanText(payload.note);
  const lines: NormalizedLine[] = [];

  (payload.lines as ReceiveLineInput[]).forEach((raw, i) => {
    const n = i + 1;
    const input: ReceiveLineInput = raw && typeof raw === 'object' ? raw : {};
    const before = problems.length;
    const code = cleanText(input.sku);
    let item: Item | undefined;
    if (!code) problems.push(problem('required', 'sku', n));
    else if (code.length > MAX_ID) problems.push(problem('too_long', 'sku', n, { max: MAX_ID }));
    else if (hasControlChars(code)) problems.push(problem('invalid_text', 'sku', n));
    else if (input.newItem) item = newItemFor(code, input.newItem, n, index, newItems, ctx.replay, problems);
    else {
      const found = index.resolve(code);
      if (found.kind === 'none') problems.push(problem('unknown_sku', 'sku', n, { value: code }));
      else if (found.kind === 'many') problems.push(problem('ambiguous_code', 'sku', n, { value: code, skus: found.skus.join(', ') }));
      else item = found.item;
    }
    if (item && !item.active) problems.push(problem('inactive_item', 'sku', n, { sku: item.sku }));

    const qty = parseDecimal(input.qty);
    if (input.qty === undefined || input.qty === null || input.qty === '') problems.push(problem('required', 'qty', n));
    else if (qty === null) problems.push(problem('invalid_number', 'qty', n, { value: String(input.qty) }));
    else if (qty <= 0) problems.push(problem('not_positive', 'qty', n));
    else if (qty > MAX_QTY) problems.push(problem('too_large', 'qty', n, { max: MAX_QTY }));
    else if (item && decimalPlaces(qty) > item.decimals) problems.push(problem('too_many_decimals', 'qty', n, { max: item.decimals }));

    const bin = normalizeBin(input.bin) || (item ? item.defaultBin : '') || normalizeBin(ctx.defaultBin);
    if (!bin) problems.push(problem('required', 'bin', n));
    else if (bin.length > MAX_ID) problems.push(problem('too_long', 'bin', n, { max: MAX_ID }));
    else if (hasControlChars(bin)) problems.push(problem('invalid_text', 'bin', n));

    let unitCost: number | null = null;
    const costGiven = input.unitCost !== undefined && input.unitCost !== null && input.unitCost !== '';
    if (costGiven) {
      unitCost = parseDecimal(input.unitCost);
      if (unitCost === null) problems.push(problem('invalid_number', 'unitCost', n, { value: String(input.unitCost) }));
      else if (unitCost < 0) problems.push(problem('negative', 'unitCost', n));
      else if (unitCost > MAX_QTY) problems.push(problem('too_large', 'unitCost', n, { max: MAX_QTY }));
    } else if (item) {
      unitCost = item.unitCost;
      if (unitCost === null) problems.push(problem('unit_cost_required', 'unitCost', n, { sku: item.sku }));
    }

    const { lot, expiry } = lotAndExpiry(problems, item, input, { lot: 'lot', expiry: 'expiry' }, n);
    if (item) checkLotExpiry(problems, lotExpiry, item.sku, lot, expiry, 'expiry', n);

    // An item created on this line takes the line's cost and bin as its defaults.
    if (item && newItems.get(skuKey(item.sku)) === item) {
      if (item.unitCost === null && unitCost !== null) item.unitCost = roundUnitCost(unitCost);
      if (!item.defaultBin && bin) item.defaultBin = bin;
    }
    if (problems.length === before && item && qty !== null && unitCost !== null) {
      lines.push({ sku: item.sku, bin, lot, expiry, qty, unitCost: roundUnitCost(unitCost), externalRef, note });
    }
  });

  if (problems.length) return { problems };
  return { plan: { requestId: cleanText(payload.requestId), newItems: Array.from(newItems.values()), lines }, problems };
}

function newItemFor(
  sku: string,
  input: NewItemInput,
  line: number,
  index: ItemIndex,
  created: Map<string, Item>,
  replay: boolean,
  problems: Problem[],
): Item | undefined {
  const before = problems.length;
  const name = cleanText(input.name);
  if (!name) problems.push(problem('required', 'newItem.name', line));
  else text(problems, name, 'newItem.name', 200, line);
  const kind = cleanText(input.kind) || 'product';
  if (!(ITEM_KINDS as readonly string[]).includes(kind)) {
    problems.push(problem('invalid_choice', 'newItem.kind', line, { value: kind, choices: ITEM_KINDS.join(', ') }));
  }
  const decimalsRaw = input.decimals === undefined || input.decimals === '' || input.decimals === null ? 0 : parseDecimal(input.decimals);
  if (decimalsRaw === null || !Number.isInteger(decimalsRaw) || decimalsRaw < 0 || decimalsRaw > 6) {
    problems.push(problem('invalid_choice', 'newItem.decimals', line, { value: String(input.decimals), choices: '0-6' }));
  }
  const numberOrNull = (value: unknown, field: string): number | null => {
    if (value === undefined || value === null || value === '') return null;
    const v = parseDecimal(value);
    if (v === null) problems.push(problem('invalid_number', field, line, { value: String(value) }));
    else if (v < 0) problems.push(problem('negative', field, line));
    return v;
  };
  const unitCost = numberOrNull(input.unitCost, 'newItem.unitCost');
  const reorderPoint = numberOrNull(input.reorderPoint, 'newItem.reorderPoint');
  const barcode = cleanText(input.barcode);
  text(problems, barcode, 'newItem.barcode', MAX_ID, line);
  const unit = cleanText(input.unit);
  text(problems, unit, 'newItem.unit', 20, line);
  const supplier = cleanText(input.supplier);
  text(problems, supplier, 'newItem.supplier', 200, line);
  const defaultBin = normalizeBin(input.defaultBin);
  text(problems, defaultBin, 'newItem.defaultBin', MAX_ID, line);
  if (problems.length > before) return undefined;

  const item: Item = {
    sku, name, barcode, kind: kind as Item['kind'], unit, decimals: decimalsRaw as number, defaultBin, supplier,
    leadTimeDays: null, leadTimeSdDays: null, unitCost: unitCost === null ? null : roundUnitCost(unitCost),
    safetyStock: null, reorderPoint, reorderQty: null, minOrderQty: null, packSize: null,
    tracksExpiry: input.tracksExpiry === true, active: true,
  };
  const existing = index.bySku(sku);
  if (existing) {
    // A retry after a crash between the Items write and the ledger write finds its own item:
    // accept it when it is the same item, refuse a different one.
    if (replay || sameItem(existing, item)) return existing;
    problems.push(problem('sku_exists', 'sku', line, { value: existing.sku }));
    return undefined;
  }
  const prior = created.get(skuKey(sku));
  if (prior) {
    if (!sameItem(prior, item)) problems.push(problem('duplicate_new_item', 'sku', line, { value: sku }));
    return prior;
  }
  if (barcode) {
    const owner = index.resolve(barcode);
    const clash = owner.kind === 'one' ? owner.item.sku : Array.from(created.values()).find((c) => c.barcode === barcode)?.sku;
    if (clash) {
      problems.push(problem('barcode_exists', 'newItem.barcode', line, { value: barcode, sku: clash }));
      return undefined;
    }
  }
  created.set(skuKey(sku), item);
  return item;
}

function sameItem(a: Item, b: Item): boolean {
  return a.name === b.name && a.barcode === b.barcode && a.kind === b.kind && a.tracksExpiry === b.tracksExpiry;
}

/** Ledger rows for a plan; ids are given by the caller (under the lock). */
export function receiptMovements(plan: ReceivePlan, firstNumber: number, ctx: { user: string; time: number; currency: string; poId?: string }, id: (n: number) => string): Movement[] {
  return plan.lines.map((l, i) => ({
    movementId: id(firstNumber + i),
    requestId: plan.requestId,
    time: ctx.time,
    user: ctx.user,
    type: 'receipt',
    sku: l.sku,
    bin: l.bin,
    state: 'available',
    lot: l.lot,
    expiry: l.expiry,
    qty: l.qty,
    unitCost: l.unitCost,
    valueMinor: lineValueMinor(l.qty, l.unitCost, ctx.currency),
    refType: ctx.poId ? 'po' : '',
    refId: ctx.poId ?? '',
    externalRef: l.externalRef,
    note: l.note,
    reverses: '',
  }));
}

/** Rebuild the normalized lines of an earlier submission from its ledger rows. */
export function linesFromMovements(rows: readonly Movement[]): NormalizedLine[] {
  return rows.map((m) => ({
    sku: m.sku, bin: m.bin, lot: m.lot, expiry: m.expiry, qty: m.qty, unitCost: m.unitCost ?? 0,
    externalRef: m.externalRef, note: m.note,
  }));
}

export function sameLines(a: readonly NormalizedLine[], b: readonly NormalizedLine[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return skuKey(x.sku) === skuKey(y.sku) && x.bin === y.bin && x.lot === y.lot && x.expiry === y.expiry &&
      x.qty === y.qty && Math.abs(x.unitCost - y.unitCost) < 1e-9 && x.externalRef === y.externalRef && x.note === y.note;
  });
}
