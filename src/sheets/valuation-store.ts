/**
 * The valuation cache: per SKU, the valuation policy's state (FIFO layers) as JSON and the
 * last movement applied to it — like the stock cache, derived from the ledger.
 */
import type { SkuValuation } from '../domain/valuation';
import { skuKey } from '../domain/text';
import type { Plain } from './cells';
import type { Table } from './table';

export interface ValuationRow {
  row: number | null;
  sku: string;
  method: string;
  state: SkuValuation;
  through: string;
}

export class ValuationStore {
  constructor(readonly table: Table) {}

  readAll(): Map<string, ValuationRow> {
    const out = new Map<string, ValuationRow>();
    for (const r of this.table.readAll()) {
      const sku = String(r.sku ?? '').trim();
      if (!sku) continue;
      try {
        const state = JSON.parse(String(r.state)) as SkuValuation;
        out.set(skuKey(sku), { row: r._row, sku, method: String(r.method ?? ''), state, through: String(r.through ?? '').trim() });
      } catch {
        // an unreadable state is rebuilt from the ledger by Check stock
      }
    }
    return out;
  }

  /** Changed rows in place and new ones appended; `all` rewrites the table in one write. */
  write(rows: ValuationRow[], now: number, all = false): void {
    const record = (v: ValuationRow): Record<string, Plain> => ({ sku: v.sku, method: v.method, state: JSON.stringify(v.state), through: v.through, updated_at: now });
    if (all) {
      this.table.rewrite(rows.map(record));
      rows.forEach((r, i) => {
        r.row = 3 + i;
      });
      return;
    }
    const additions = rows.filter((r) => r.row === null);
    for (const r of rows) if (r.row !== null) this.table.update(r.row, record(r));
    const first = this.table.append(additions.map(record));
    additions.forEach((r, i) => {
      r.row = first + i;
    });
  }
}
