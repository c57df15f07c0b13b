import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { api, codes, okValue, Sheet } from '../support/harness';

const CORPUS = resolve('..', 'shared', 'corpus', 'order-exports');

function sample(name: string): string {
  const path = resolve(CORPUS, name);
  if (!existsSync(path)) throw new Error(`order export samples expected in ${CORPUS} (the team's shared/ folder beside the repo)`);
  return readFileSync(path, 'utf8');
}

/** A sheet whose items carry the SKUs of the Shopify sample, except MUG-STONE. */
function shopifySheet(): Sheet {
  const s = Sheet.setUp();
  const skus = ['00417', 'SOAP-OAT', 'DISH-CED', 'CANDLE-FIG', 'CANDLE-PINE', 'WICK-TRIM', 'TOWEL-BLU', 'COASTER-SET'];
  okValue(s.receive({ requestId: 'items', lines: skus.map((sku, i) => ({ sku, qty: 10, unitCost: 1, bin: `A-${i + 1}`, newItem: { name: sku } })) }));
  return s;
}

describe('importing a marketplace export', () => {
  it('adds the good lines in one batch, lists bad rows with their codes, and reserves stock', () => {
    const s = shopifySheet();
    const r = okValue(s.run(() => api.importOrders({ requestId: 'imp-1', text: sample('shopify-orders.csv') })));
    // #1003 is fulfilled in the export (already shipped by the shop): not imported, nothing reserved
    expect(r).toMatchObject({ source: 'shopify', added: 5, orders: 4, duplicates: 0, fulfilled: 3 });
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([['unknown_sku', 'sku']]);
    expect(r.problems[0].message).toMatch(/^Row \d+: no item has the SKU or barcode "MUG-STONE"/);
    const lines = s.table('orders');
    expect(lines.map((l) => [l.channel, l.order_id, l.line_key, l.sku, l.qty])).toContainEqual(['shopify', '#1005', '2', 'COASTER-SET', 1]);
    expect(lines.some((l) => l.order_id === '#1003')).toBe(false);
    expect(lines.find((l) => l.sku === '00417')).toMatchObject({ order_id: '#1001', country: 'US', email: 'mara.quinlan@example.com', status: 'open' });
    expect(s.table('stock_summary').find((x) => x.sku === 'SOAP-OAT')).toMatchObject({ reserved: 3, available_to_sell: 7 });
    expect(s.table('log').at(-1)).toMatchObject({ event: 'import_orders', request_id: 'imp-1' });
  });

  it('re-importing the same file adds nothing; a retried request returns its first result', () => {
    const s = shopifySheet();
    okValue(s.run(() => api.importOrders({ requestId: 'imp-1', text: sample('shopify-orders.csv') })));
    const again = okValue(s.run(() => api.importOrders({ requestId: 'imp-2', text: sample('shopify-orders.csv') })));
    expect(again).toMatchObject({ added: 0, duplicates: 5, fulfilled: 3 });
    expect(okValue(s.run(() => api.importOrders({ requestId: 'imp-1', text: sample('shopify-orders.csv') })))).toMatchObject({ replayed: true, added: 5 });
    expect(s.table('orders')).toHaveLength(5);
  });

  it('reads WooCommerce in French with the customer language from the country', () => {
    const s = Sheet.setUp({ spreadsheetLocale: 'fr_FR' });
    const skus = ['00523', 'BOUGIE-FIG', 'BOUGIE-CED', 'TOTE-NAT', 'TOTE-IND', 'BADGE-SET', 'CARNET-A5', 'SAVON-MIEL', 'PORTE-SAVON'];
    okValue(s.receive({ requestId: 'items', lines: skus.map((sku) => ({ sku, qty: 5, unitCost: 1, bin: 'B-1', newItem: { name: sku } })) }));
    const r = okValue(s.run(() => api.importOrders({ requestId: 'woo', text: sample('woocommerce-orders.csv') })));
    expect(r.source).toBe('woocommerce');
    expect(r.added).toBeGreaterThan(0);
    expect(s.table('orders').every((l) => l.language === 'fr')).toBe(true);
  });

  it('an empty file is refused and writes nothing', () => {
    const s = shopifySheet();
    const before = s.snapshot();
    expect(codes(s.run(() => api.importOrders({ requestId: 'e', text: '  ' })))).toEqual([['import_empty', 'text', undefined]]);
    expect(s.snapshot()).toBe(before);
  });
});
