import type { Item } from './types';
import { skuKey } from './text';
import { problem, type Problem } from './result';

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

/**
 * The item a form line names by SKU or barcode, or the problem that says why not
 * (required, unknown_sku, ambiguous_code) on that field and line.
 */
export function resolveCode(index: ItemIndex, code: string, field: string, line: number | undefined, problems: Problem[]): Item | undefined {
  if (!code) {
    problems.push(problem('required', field, line));
    return undefined;
  }
  const r = index.resolve(code);
  if (r.kind === 'one') return r.item;
  if (r.kind === 'many') problems.push(problem('ambiguous_code', field, line, { value: code, skus: r.skus.join(', ') }));
  else problems.push(problem('unknown_sku', field, line, { value: code }));
  return undefined;
}
