/**
 * The stock and stock_summary caches, loaded once per write and updated from ledger rows.
 * Applying a row twice is harmless (applied_through), which is what makes healing safe.
 */
import type { Item, Movement, StockLevel, StockSummary } from '../domain/types';
import { keyOf, applyMovements, summarize } from '../domain/projection';
import { skuKey } from '../domain/text';
import { ItemIndex } from '../domain/items';
import { averageAfterBatch, createPolicy, emptyFifo, type SkuTotals, type SkuValuation } from '../domain/valuation';
import { isAfter } from '../domain/movement-id';
import type { ValuationRow } from '../sheets/valuation-store';
import { readLedger } from './ledger-read';
import type { Workbook } from './ports';

interface Cached<T> {
  row: number | null;
  value: T;
}

export interface LevelEffect {
  before: number;
  after: number;
  level: StockLevel;
}

export class Caches {
  readonly items: Item[];
  readonly levels = new Map<string, Cached<StockLevel>>();
  readonly summaries = new Map<string, Cached<StockSummary>>();

  private fifo: Map<string, ValuationRow> | null | undefined;

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

  /** Quantity, value and average cost of a SKU across bins and states: what valuation takes from. */
  totals(sku: string): SkuTotals {
    const k = skuKey(sku);
    let qty = 0;
    let valueMinor = 0;
    for (const c of this.levels.values()) {
      if (skuKey(c.value.sku) !== k) continue;
      qty += c.value.qty;
      valueMinor += c.value.valueMinor;
    }
    return { qty: Number(qty.toFixed(9)), valueMinor, avgUnitCost: this.summaries.get(k)?.value.avgUnitCost ?? null };
  }

  /**
   * FIFO layers per SKU when the workbook values by FIFO, else null. Until the first
   * outbound movement fixes the method, the layers are rebuilt from the whole ledger (a
   * seller may switch to FIFO after receiving); afterwards they follow the ledger row by row.
   */
  fifoStates(): Map<string, ValuationRow> | null {
    if (this.fifo !== undefined) return this.fifo;
    if (this.wb.valuationMethod() !== 'fifo') return (this.fifo = null);
    const stored = this.wb.valuation().readAll();
    if (this.wb.valuationLocked()) return (this.fifo = stored);
    const fresh = new Map<string, ValuationRow>();
    for (const [k, v] of stored) fresh.set(k, { ...v, state: emptyState(v.sku), through: '' });
    this.fifo = fresh;
    this.applyFifo(readLedger(this.wb, this.wb.ledger().lastRow()), this.wb.currency(), Date.now(), true);
    return this.fifo;
  }

  /** Apply rows to the FIFO layers of their SKUs (each row once, by `through`) and write them. */
  private applyFifo(movements: readonly Movement[], currency: string, now: number, writeAll = false): void {
    const states = this.fifo;
    if (!states) return;
    const changed = new Map<string, ValuationRow>();
    for (const m of movements) {
      const k = skuKey(m.sku);
      const v = states.get(k) ?? { row: null, sku: m.sku, method: 'fifo', state: emptyState(m.sku), through: '' };
      if (!isAfter(m.movementId, v.through)) continue;
      // A fresh policy per row (through ''), so the real id passes its check and names the layer.
      const policy = createPolicy('fifo', currency, { version: 1, method: 'fifo', currency, through: '', skus: { [k]: v.state } });
      policy.apply(m);
      v.state = policy.snapshot().skus[k];
      v.through = m.movementId;
      states.set(k, v);
      changed.set(k, v);
    }
    this.wb.valuation().write(writeAll ? Array.from(states.values()) : Array.from(changed.values()), now, writeAll);
  }

  /** Apply ledger rows and write the stock rows and summaries they change. */
  apply(movements: readonly Movement[], now: number, currency: string): Map<string, LevelEffect> {
    const plain = new Map<string, StockLevel>();
    const before = new Map<string, number>();
    for (const [k, c] of this.levels) {
      plain.set(k, c.value);
      before.set(k, c.value.qty);
    }
    const changed = applyMovements(plain, movements);
    const updates: { row: number; value: StockLevel }[] = [];
    const additions: StockLevel[] = [];
    const result = new Map<string, LevelEffect>();
    for (const key of changed) {
      const level = plain.get(key) as StockLevel;
      const cached = this.levels.get(key);
      if (cached && cached.row !== null) updates.push({ row: cached.row, value: level });
      else additions.push(level);
      result.set(key, { before: before.get(key) ?? 0, after: level.qty, level });
    }
    const firstAdded = this.wb.stock().write(updates, additions, now);
    additions.forEach((level, i) => this.levels.set(keyOf(level), { row: firstAdded ? firstAdded + i : null, value: level }));
    // Summaries of every SKU the rows touch, changed or not: after a crash between the stock
    // write and the summary write, the stock rows are current but their summary is not.
    this.refreshSummaries(new Set(movements.map((m) => skuKey(m.sku))), now, { batch: movements, currency });
    if (this.fifoStates()) this.applyFifo(movements, currency, now);
    return result;
  }

  /** Stamp alerted_at on the summaries of the SKUs a digest reported. */
  stampAlerted(when: Map<string, number>, now: number): void {
    const updates: { row: number; value: StockSummary }[] = [];
    for (const [k, at] of when) {
      const cached = this.summaries.get(k);
      if (!cached || cached.row === null) continue;
      cached.value = { ...cached.value, alertedAt: at };
      updates.push({ row: cached.row, value: cached.value });
    }
    this.wb.summary().write(updates, [], now);
  }

  /**
   * Recompute the summaries of some SKUs from their levels and write them. `reserved` gives
   * the SKUs' reserved quantities, summed from the order lines by the caller (absolute, so a
   * write cut off half-way is corrected by the next one); `batch` the ledger rows just
   * applied, for the moving average.
   */
  refreshSummaries(
    skus: Set<string>,
    now: number,
    opts: {
      batch?: readonly Movement[];
      currency?: string;
      reserved?: Map<string, number>;
      incoming?: Map<string, number>;
      /** computed reorder points (replenishment rebuild); absent SKUs keep the one they had */
      reorderPoints?: Map<string, number | null>;
    } = {},
  ): void {
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
      const levels = bySku.get(k) ?? [];
      const end = { qty: levels.reduce((a, l) => a + l.qty, 0), valueMinor: levels.reduce((a, l) => a + l.valueMinor, 0) };
      const batch = (opts.batch ?? []).filter((m) => skuKey(m.sku) === k);
      const next = summarize({
        item: index.bySku(k), sku: levels[0]?.sku ?? cached?.value.sku ?? k, levels,
        reserved: opts.reserved?.get(k) ?? cached?.value.reserved ?? 0,
        incoming: opts.incoming?.get(k) ?? cached?.value.incoming ?? 0,
        computedReorderPoint: opts.reorderPoints?.has(k) ? opts.reorderPoints.get(k) : cached?.value.reorderPoint ?? null,
        previousAlertedAt: cached?.value.alertedAt ?? null,
        avgUnitCost: averageAfterBatch(end, batch, cached?.value.avgUnitCost ?? null, opts.currency ?? this.wb.currency()),
      });
      if (cached && cached.row !== null) updates.push({ row: cached.row, value: next });
      else additions.push(next);
      this.summaries.set(k, { row: cached?.row ?? null, value: next });
    }
    const firstAdded = this.wb.summary().write(updates, additions, now);
    additions.forEach((s, i) => this.summaries.set(skuKey(s.sku), { row: firstAdded ? firstAdded + i : null, value: s }));
  }
}

function emptyState(sku: string): SkuValuation {
  return { sku, qty: 0, ledgerMinor: 0, fifo: emptyFifo() };
}
