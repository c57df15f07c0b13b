/**
 * The four sample exports of /work/shared/corpus/order-exports (invented data, real headers),
 * read from ../shared relative to the repository. Missing samples fail the suite, unless
 * ALLOW_MISSING_CORPUS=1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineIdentity, parseOrderFile, type ImportedLine } from '../../src/domain/orders/import';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/order-exports');
const present = existsSync(CORPUS);
const allowMissing = process.env.ALLOW_MISSING_CORPUS === '1';

function sample(name: string): string {
  const path = resolve(CORPUS, name);
  if (!existsSync(path)) {
    throw new Error(`order export sample missing: expected ${path} (the shared corpus, ../shared/corpus/order-exports next to the repository); set ALLOW_MISSING_CORPUS=1 to skip these tests`);
  }
  return readFileSync(path, 'utf8');
}

/** [orderId, lineKey, sku, qty, orderDate, country, cancelled] */
function brief(lines: ImportedLine[]): Array<[string, string, string, number, string | null, string, boolean]> {
  return lines.map((l) => [l.orderId, l.lineKey, l.sku, l.qty, l.orderDate, l.country, l.cancelled]);
}

describe.skipIf(!present && allowMissing)('order export samples', () => {
  it('the corpus folder is where the tests expect it', () => {
    if (!present) sample('shopify-orders.csv');
    expect(present).toBe(true);
  });

  it('Shopify orders export: grouped by Name, position keys, order fields from the first row', () => {
    const r = parseOrderFile(sample('shopify-orders.csv'));
    expect(r.source).toBe('shopify');
    expect(r.problems).toEqual([]);
    expect(r.headers).toHaveLength(79);
    expect(brief(r.lines)).toEqual([
      ['#1001', '1', '00417', 2, '2026-11-20T14:14:02Z', 'US', false],
      ['#1002', '1', 'SOAP-OAT', 3, '2026-11-20T16:02:40Z', 'CA', false],
      ['#1002', '2', 'DISH-CED', 1, '2026-11-20T16:02:40Z', 'CA', false],
      ['#1003', '1', 'CANDLE-FIG', 1, '2026-11-21T13:45:09Z', 'US', false],
      ['#1003', '2', 'CANDLE-PINE', 2, '2026-11-21T13:45:09Z', 'US', false],
      ['#1003', '3', 'WICK-TRIM', 1, '2026-11-21T13:45:09Z', 'US', false],
      ['#1004', '1', 'TOWEL-BLU', 1, '2026-11-22T18:20:54Z', 'SE', false],
      ['#1005', '1', 'MUG-STONE', 2, '2026-11-23T22:05:11Z', 'GB', false],
      ['#1005', '2', 'COASTER-SET', 1, '2026-11-23T22:05:11Z', 'GB', false],
    ]);
    // Row 3 (#1002, second item) has blank order fields in the file: they come from row 2.
    const second = r.lines[2];
    expect(second).toEqual({
      channel: 'shopify', orderId: '#1002', lineKey: '2', sourceRow: 3, orderDate: '2026-11-20T16:02:40Z',
      customerName: 'Tobias Fenwick', email: 'tobias.fenwick@example.com', country: 'CA', language: '',
      sku: 'DISH-CED', listingKey: 'shopify:name:cedar soap dish', itemName: 'Cedar Soap Dish', qty: 1, unitPrice: 12,
      currency: 'USD', shippingMethod: 'Standard Shipping', cancelled: false, fulfilled: false,
    });
    // #1003's lines are fulfilled in the file (already shipped by the shop)
    expect(r.lines.filter((l) => l.fulfilled).map((l) => l.orderId)).toEqual(['#1003', '#1003', '#1003']);
    expect(r.lines.map((l) => l.unitPrice)).toEqual([14, 6.5, 12, 24, 24, 9.5, 14, 18, 11]);
    expect(lineIdentity(r.lines[0])).toBe('shopify/#1001/1');
  });

  it('WooCommerce AlgolPlus CSV (CRLF, quoted headers): Item # keys, local dates, French accents', () => {
    const r = parseOrderFile(sample('woocommerce-orders.csv'));
    expect(r.source).toBe('woocommerce');
    // "Completed" orders were shipped by the shop already
    expect(Array.from(new Set(r.lines.filter((l) => l.fulfilled).map((l) => l.orderId)))).toEqual(['2102', '2105']);
    expect(r.delimiter).toBe(',');
    expect(r.problems).toEqual([]);
    expect(brief(r.lines)).toEqual([
      ['2101', '1', '00523', 2, '2026-11-18T10:42', 'FR', false],
      ['2102', '1', 'BOUGIE-FIG', 1, '2026-11-18T15:07', 'FR', false],
      ['2102', '2', 'BOUGIE-CED', 1, '2026-11-18T15:07', 'FR', false],
      ['2103', '1', 'TOTE-NAT', 1, '2026-11-19T09:31', 'FR', false],
      ['2103', '2', 'TOTE-IND', 2, '2026-11-19T09:31', 'FR', false],
      ['2103', '3', 'BADGE-SET', 1, '2026-11-19T09:31', 'FR', false],
      ['2104', '1', 'CARNET-A5', 3, '2026-11-19T21:12', 'FR', false],
      ['2105', '1', 'SAVON-MIEL', 1, '2026-11-20T08:05', 'FR', false],
      ['2105', '2', 'PORTE-SAVON', 1, '2026-11-20T08:05', 'FR', false],
    ]);
    const cedre = r.lines[2];
    expect(cedre.itemName).toBe('Bougie cèdre');
    expect(cedre.customerName).toBe('Hugo Lambert');
    expect(cedre.email).toBe('hugo.lambert@example.com');
    expect(cedre.shippingMethod).toBe('Mondial Relay');
    expect(cedre.currency).toBe('');
    expect(r.lines[6].unitPrice).toBe(8.1);
    expect(r.lines[6].listingKey).toBe('woocommerce:name:carnet a5 pointillé');
  });

  it('Etsy Sold Order Items: Transaction ID keys, MM/DD/YY dates, country names, listing keys', () => {
    const r = parseOrderFile(sample('etsy-sold-order-items.csv'));
    expect(r.source).toBe('etsy');
    expect(r.problems).toEqual([]);
    expect(brief(r.lines)).toEqual([
      ['3870000101', '4410000101', '00731', 1, '2026-11-18', 'US', false],
      ['3870000102', '4410000102', 'DISH-RING', 1, '2026-11-18', 'US', false],
      ['3870000102', '4410000103', 'SPOON-REST', 1, '2026-11-18', 'US', false],
      ['3870000103', '4410000104', 'PRINT-FERN', 1, '2026-11-19', 'US', false],
      ['3870000103', '4410000105', 'PRINT-POPPY', 2, '2026-11-19', 'US', false],
      ['3870000103', '4410000106', 'ENV-KRAFT', 1, '2026-11-19', 'US', false],
      ['3870000104', '4410000107', '00731', 1, '2026-11-20', 'US', false],
      ['3870000105', '4410000108', 'APRON-LIN', 2, '2026-11-21', 'CA', false],
    ]);
    expect(r.lines.map((l) => l.listingKey)).toEqual([
      'etsy:1550000001', 'etsy:1550000002|color:blue', 'etsy:1550000003', 'etsy:1550000004',
      'etsy:1550000005', 'etsy:1550000006', 'etsy:1550000001', 'etsy:1550000007|size:large',
    ]);
    expect(r.lines[1]).toMatchObject({ customerName: 'Eli Brandt', email: '', currency: 'USD', unitPrice: 16, shippingMethod: '', itemName: 'Ceramic Ring Dish | speckled glaze' });
    expect(r.lines[7]).toMatchObject({ customerName: 'Ravi Chandran', unitPrice: 34 });
  });

  it('Amazon Unshipped Orders (TSV, literal quote in a product name): order-item-id keys, UTC dates', () => {
    const r = parseOrderFile(sample('amazon-unshipped-orders.txt'));
    expect(r.source).toBe('amazon');
    expect(r.delimiter).toBe('\t');
    expect(r.problems).toEqual([]);
    expect(brief(r.lines)).toEqual([
      ['113-4820175-2036412', '61234567890101', '000981', 1, '2026-11-19T16:12:45Z', 'US', false],
      ['114-5937261-8802319', '61234567890201', 'SOAP-OAT-3PK', 1, '2026-11-19T18:02:11Z', 'US', false],
      ['114-5937261-8802319', '61234567890202', 'DISH-CED', 1, '2026-11-19T18:02:11Z', 'US', false],
      ['112-7719043-5540087', '61234567890301', 'CANDLE-FIG', 1, '2026-11-19T22:27:33Z', 'US', false],
      ['112-7719043-5540087', '61234567890302', 'CANDLE-PINE', 2, '2026-11-19T22:27:33Z', 'US', false],
      ['112-7719043-5540087', '61234567890303', 'WICK-TRIM', 1, '2026-11-19T22:27:33Z', 'US', false],
      ['111-2048837-6671523', '61234567890401', 'RULER-12', 1, '2026-11-20T15:55:09Z', 'US', false],
      ['113-9385520-1173346', '61234567890501', 'TOWEL-BLU', 2, '2026-11-21T00:40:52Z', 'US', false],
    ]);
    expect(r.lines[6].itemName).toBe('Steel Desk Ruler 12" - Metric/Imperial');
    expect(r.lines[7]).toMatchObject({ customerName: 'Receiving Dept - Vance Studio', email: 'n9m3l7k1h5@example.com', shippingMethod: 'Standard', unitPrice: null, currency: '', listingKey: '' });
  });

  it('re-importing the same file yields the same identities (the app adds nothing)', () => {
    for (const name of ['shopify-orders.csv', 'woocommerce-orders.csv', 'etsy-sold-order-items.csv', 'amazon-unshipped-orders.txt']) {
      const text = sample(name);
      const a = parseOrderFile(text).lines.map(lineIdentity);
      const b = parseOrderFile(text.replace(/\r?\n/g, '\r\n')).lines.map(lineIdentity);
      expect(new Set(a).size).toBe(a.length);
      expect(b).toEqual(a);
    }
  });
});
