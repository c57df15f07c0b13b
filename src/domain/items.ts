import type { Item } from './types';
import { skuKey } from './text';

export type Resolution = { kind: 'one'; item: Item } | { kind: 'many'; skus: string[] } | { kind: 'none' };

/** Look items up by SKU (case-insensitive) first, then by barcode (exact). */
export class ItemIndex {
  private readonly skus = new Map<string, Item>();
  private readonly barcodes = new Map<string, Item[]>();

  constructor(items: readonly Item[]) {
    for (const item of items) {
      if (!this.skus.has(skuKey(item.sku))) this.skus.set(skuKey(item.sku), item);
      if (item.barcode) {
        const list = this.barcodes.get(item.barcode) ?? [];
        list.push(item);
        this.barcodes.set(item.barcode, list);
      }
    }
  }

  bySku(sku: string): Item | undefined {
    return this.skus.get(skuKey(sku));
  }

  resolve(code: string): Resolution {
    const item = this.bySku(code);
    if (item) return { kind: 'one', item };
    const list = this.barcodes.get(code.trim()) ?? [];
    if (list.length === 1) return { kind: 'one', item: list[0] };
    if (list.length > 1) return { kind: 'many', skus: list.map((i) => i.sku) };
    return { kind: 'none' };
  }
}
