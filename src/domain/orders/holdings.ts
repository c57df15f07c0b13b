/** What an order line holds in the picked and packed states, from its ledger rows. */
import type { Movement, StockState } from '../types';

export interface Holding {
  sku: string;
  bin: string;
  state: StockState;
  lot: string;
  expiry: string;
  qty: number;
}

/** The ledger ref of an order line: one string, searched exactly. */
export function lineRef(orderId: string, lineKey: string): string {
  return `${orderId}#${lineKey}`;
}

export function holdings(rows: readonly Movement[], states: readonly StockState[] = ['picked', 'packed']): Holding[] {
  const map = new Map<string, Holding>();
  for (const m of rows) {
    if (!states.includes(m.state)) continue;
    const key = [m.sku.toUpperCase(), m.bin, m.state, m.lot].join('\u0001');
    const h = map.get(key) ?? { sku: m.sku, bin: m.bin, state: m.state, lot: m.lot, expiry: m.expiry, qty: 0 };
    h.qty = Number((h.qty + m.qty).toFixed(9));
    if (m.expiry) h.expiry = m.expiry;
    map.set(key, h);
  }
  return Array.from(map.values()).filter((h) => h.qty > 0);
}
