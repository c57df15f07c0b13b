/**
 * Finding items by what is typed, as the server does: exact lookup by SKU (any case) or a
 * barcode owned by one item, and suggestions while typing. Shared by every form with a SKU.
 */
import { skuKey } from '../../src/domain/text';

export interface ItemLike {
  sku: string;
  name: string;
  barcode: string;
}

/** Exact lookup, as the server does it: SKU (any case) first, then a barcode owned by one item. */
export function findItem<I extends ItemLike>(items: readonly I[], code: string): I | null {
  const key = skuKey(code);
  if (!key) return null;
  const bySku = items.find((i) => skuKey(i.sku) === key);
  if (bySku) return bySku;
  const byBarcode = items.filter((i) => i.barcode && i.barcode === code.trim());
  return byBarcode.length === 1 ? byBarcode[0] : null;
}

/** Suggestions for what is typed: SKUs starting with it first, then SKU, name or barcode containing it. */
export function suggestItems<I extends ItemLike>(items: readonly I[], query: string, max = 8): I[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const starts = items.filter((i) => i.sku.toLowerCase().startsWith(q) || i.barcode.startsWith(q));
  const contains = items.filter((i) => !starts.includes(i) && (i.sku.toLowerCase().includes(q) || i.name.toLowerCase().includes(q)));
  return starts.concat(contains).slice(0, max);
}
