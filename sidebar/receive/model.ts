/**
 * The receive form's data, without the DOM: finding items by SKU or barcode, the lines
 * being entered, the payload sent to `receive`, and the preview of what it will record.
 * The preview applies the same defaults the server applies (bin: line, then item, then
 * Settings; unit cost: line, then item; lot: from the expiry date), using the domain's
 * own helpers, so what the form promises is what the ledger gets.
 */
import type { FormItem, NewItemRequest, ReceiveFormData, ReceiveLineRequest, ReceiveRequest } from '../api';
import { parseDecimal } from '../../src/domain/quantity';
import { normalizeBin, skuKey } from '../../src/domain/text';
import { defaultLot } from '../../src/domain/lots';
import { fromMinor, lineValueMinor } from '../../src/domain/money';
import { newRequestId as makeRequestId } from '../kit/submission';

export interface LineDraft {
  /** the code as entered (a SKU or a barcode); the SKU of a new item */
  code: string;
  item: FormItem | null;
  newItem: NewItemRequest | null;
  bin: string;
  qty: string;
  unitCost: string;
  lot: string;
  expiry: string;
}

export { findItem, suggestItems } from '../kit/items';

export function suggestBins(bins: readonly string[], query: string, max = 8): string[] {
  const q = normalizeBin(query);
  return q ? bins.filter((b) => b.includes(q) && b !== q).slice(0, max) : [];
}

export function tracksExpiry(line: Pick<LineDraft, 'item' | 'newItem'>): boolean {
  return !!(line.item?.tracksExpiry || line.newItem?.tracksExpiry);
}

export function skuOf(line: LineDraft): string {
  return line.item ? line.item.sku : line.code.trim();
}

export function toRequest(requestId: string, supplierRef: string, note: string, lines: readonly LineDraft[], poId = ''): ReceiveRequest {
  return {
    requestId,
    poId,
    supplierRef,
    note,
    lines: lines.map((l) => {
      const out: ReceiveLineRequest = { sku: skuOf(l), bin: l.bin, qty: l.qty, unitCost: l.unitCost, lot: l.lot, expiry: l.expiry };
      // a new item takes the line's unit cost and bin as its own defaults
      if (l.newItem) out.newItem = { ...l.newItem, unitCost: l.newItem.unitCost || l.unitCost, defaultBin: l.newItem.defaultBin || l.bin };
      return out;
    }),
  };
}

export interface PreviewLine {
  sku: string;
  qty: number | null;
  bin: string;
  lot: string;
  expiry: string;
  /** in currency units; null when the quantity or the cost is not known yet */
  value: number | null;
}

export interface Preview {
  lines: PreviewLine[];
  newItems: { sku: string; name: string }[];
  /** null when any line's value is unknown */
  total: number | null;
}

export function preview(lines: readonly LineDraft[], data: Pick<ReceiveFormData, 'currency' | 'defaultBin'>): Preview {
  const out: PreviewLine[] = lines.map((l) => {
    const qty = parseDecimal(l.qty);
    const cost = parseDecimal(l.unitCost) ?? parseDecimal(l.newItem?.unitCost ?? '') ?? l.item?.unitCost ?? null;
    const expiry = l.expiry.trim();
    const lot = l.lot.trim() || (expiry && tracksExpiry(l) ? defaultLot(expiry) : '');
    return {
      sku: skuOf(l),
      qty,
      bin: normalizeBin(l.bin) || normalizeBin(l.newItem?.defaultBin ?? '') || l.item?.defaultBin || normalizeBin(data.defaultBin),
      lot,
      expiry,
      value: qty !== null && cost !== null ? fromMinor(lineValueMinor(qty, cost, data.currency), data.currency) : null,
    };
  });
  const known = out.every((l) => l.value !== null);
  const totalMinor = out.reduce((sum, l) => sum + (l.value === null ? 0 : lineValueMinor(l.value, 1, data.currency)), 0);
  const newItems: Preview['newItems'] = [];
  for (const l of lines) {
    if (l.newItem && !newItems.some((n) => skuKey(n.sku) === skuKey(l.code))) newItems.push({ sku: l.code.trim(), name: l.newItem.name });
  }
  return { lines: out, newItems, total: known ? fromMinor(totalMinor, data.currency) : null };
}

/** A request id is made once per submission and kept for its retries (DESIGN section 4). */
export function newRequestId(): string {
  return makeRequestId('rcv');
}
