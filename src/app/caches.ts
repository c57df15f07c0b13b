/**
 * The stock and stock_summary caches, loaded once per write and updated from ledger rows.
 * Applying a row twice is harmless (applied_through), which is what makes healing safe.
 */
import type { Item, Movement, StockLevel, StockSummary } from '../domain/types';
import { keyOf, applyMovements, summarize } from '../domain/projection';
import { skuKey } from '../domain/text';
import { ItemIndex } from '../domain/items';
import type { Workbook } from './ports';

interface Cached<T> {
  row: number | null;
  value: T;
}

export class Caches {
  readonly items: Item[];
  readonly levels = new Map<string, Cached<StockLevel>>();
  readonly summaries = new Map<string, Cached<StockSummary>>();

  constructor(private readonly wb: Workbook) {
    this.items = wb.items().readAll();
    for (const l of wb.stock().readAll()) {
      const key = keyOf(l.value);
      // A duplicated key (a hand-copied row) keeps its first row; checkStock reports the rest.
      if (!this.levels.has(key)) this.levels.set(key, { row: l.row, value: l.value });
    }
    for (const s of wb.summary().readAll()) {
      const key = skuKey(s.value.sku);
      if (!this.summaries.has(key)) this.summaries.set(key, { row: s.row, value: s.value });
    }
  }

  levelList(): StockLevel[] {
    return Array.from(this.levels.values(), (c) => c.value);
  }

  /** Apply ledger rows and write the stock rows and summaries they change. */
  apply(movements: readonly Movement[], now: number): Map<string, { before: number; after: number; level: StockLevel }> {
    const plain = new Map<string, StockLevel>();
    const before = new Map<string, number>();
    for (const [k, c] of this.levels) {
      plain.set(k, c.value);
      before.set(k, c.value.qty);
    }
    const changed = applyMovements(plain, movements);
    const updates: { row: number; value: StockLevel }[] = [];
    const additions: StockLevel[] = [];
    const result = new Map<string, { before: number; after: number; level: StockLevel }>();
    for (const key of changed) {
      const level = plain.get(key) as StockLevel;
      const cached = this.levels.get(key);
      if (cached && cached.row !== null) updates.push({ row: cached.row, value: level });
      else {
        additions.push(level);
        this.levels.set(key, { row: null, value: level });
      }
      result.set(key, { before: before.get(key) ?? 0, after: level.qty, level });
    }
    this.wb.stock().write(updates, additions, now);
    // Summaries of every SKU the rows touch, changed or not: after a crash between the stock
    // write and the summary write, the stock rows are current but their summary is not.
    this.refreshSummaries(new Set(movements.map((m) => skuKey(m.sku))), now);
    return result;
  }

  /** Recompute the summaries of some SKUs from their levels and write those that differ. */
  refreshSummaries(skus: Set<string>, now: number): void {
    if (skus.size === 0) return;
    const index = new ItemIndex(this.items);
    const bySku = new Map<string, StockLevel[]>();
    for (const c of this.levels.values()) {
      const k = skuKey(c.value.sku);
      if (skus.has(k)) bySku.set(k, [...(bySku.get(k) ?? []), c.value]);
    }
    const updates: { row: number; value: StockSummary }[] = [];
    const additions: StockSummary[] = [];
    for (const k of skus) {
      const cached = this.summaries.get(k);
      const next = summarize({
        item: index.bySku(k), sku: (bySku.get(k) ?? [])[0]?.sku ?? k, levels: bySku.get(k) ?? [],
        // Orders and purchase orders arrive with later issues; until then nothing is reserved or incoming.
        reserved: 0, incoming: 0,
        previousAlertedAt: cached?.value.alertedAt ?? null,
      });
      if (cached && cached.row !== null) updates.push({ row: cached.row, value: next });
      else additions.push(next);
      this.summaries.set(k, { row: cached?.row ?? null, value: next });
    }
    this.wb.summary().write(updates, additions, now);
  }
}
