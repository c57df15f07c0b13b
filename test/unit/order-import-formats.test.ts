import { describe, expect, it } from 'vitest';
import { detectSource, etsyVariations } from '../../src/domain/orders/import/formats';
import { countryCode, lineIdentity, parseOrderFile, type ImportedLine, type RowProblem } from '../../src/domain/orders/import';
import { isNotice } from '../../src/domain/orders/import/types';

/** A CSV text from named columns; values quoted when they need it. */
function csv(headers: string[], rows: Array<Record<string, string>>, opts: { delim?: string; eol?: string; bom?: boolean } = {}): string {
  const d = opts.delim ?? ',';
  const eol = opts.eol ?? '\n';
  const q = (v: string): string => (v.indexOf(d) >= 0 || /["\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
  const lines = [headers.map(q).join(d), ...rows.map((r) => headers.map((h) => q(r[h] ?? '')).join(d))];
  return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

const keys = (lines: ImportedLine[]): string[] => lines.map((l) => `${l.orderId}#${l.lineKey}`);
const codes = (problems: RowProblem[]): Array<[number, string, string]> => problems.map((p) => [p.row, p.code, p.field]);

describe('detectSource', () => {
  it('recognises each format by header names, whatever their order, case, spacing or BOM', () => {
    expect(detectSource(['Lineitem quantity', 'Extra', 'Name'])).toBe('shopify');
    expect(detectSource(['\uFEFFname', '  LINEITEM   QUANTITY '])).toBe('shopify');
    expect(detectSource(['SKU', 'Order Number', 'Quantity (- Refund)', 'Item #'])).toBe('woocommerce');
    expect(detectSource(['Item #', 'SKU', 'Item Name', 'Quantity', 'Order Number'])).toBe('woocommerce');
    expect(detectSource(['Listing ID', 'order id', 'Transaction ID'])).toBe('etsy');
    expect(detectSource(['sku', 'order-item-id', 'order-id'])).toBe('amazon');
  });

  it('says unknown for the files it cannot map line by line', () => {
    expect(detectSource(['Date', 'Order #', 'Status', 'Customer', 'Product(s)', 'Items sold'])).toBe('unknown'); // Woo Analytics
    expect(detectSource(['Sale Date', 'Order ID', 'Buyer User ID', 'Number of Items'])).toBe('unknown'); // Etsy Sold Orders
    expect(detectSource(['amazon-order-id', 'sku', 'quantity'])).toBe('unknown'); // Amazon All Orders
    expect(detectSource([])).toBe('unknown');
  });
});

const SHOPIFY = ['Name', 'Email', 'Financial Status', 'Currency', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Billing Name', 'Shipping Name', 'Shipping Country', 'Notes', 'Note Attributes', 'Cancelled at', 'Id'];

describe('Shopify', () => {
  it('takes order-level fields from the first row, marks cancelled orders, keys lines by position', () => {
    const text = csv(SHOPIFY, [
      { Name: '#2001', Email: 'a@example.com', 'Financial Status': 'voided', Currency: 'EUR', 'Shipping Method': 'Colissimo', 'Created at': '2026-12-01 10:00:00 +0100', 'Lineitem quantity': '1', 'Lineitem name': 'Crème jour', 'Lineitem price': '19.90', 'Lineitem sku': 'CREME-J', 'Shipping Name': 'Amira B', 'Shipping Country': 'FR', 'Note Attributes': 'gift: yes\nwrap: blue', 'Cancelled at': '2026-12-01 12:00:00 +0100', Id: '6100000002001' },
      { Name: '#2001', Email: 'a@example.com', 'Created at': '2026-12-01 10:00:00 +0100', 'Lineitem quantity': '2', 'Lineitem name': 'Savon', 'Lineitem price': '5.00', 'Lineitem sku': 'SAVON' },
      { Name: '#2002', Email: '', Currency: 'EUR', 'Created at': '2026-12-01 11:30:00 +0100', 'Lineitem quantity': '1', 'Lineitem name': 'Gift wrap', 'Lineitem price': '0.00', 'Lineitem sku': '', 'Billing Name': 'Cash Buyer', 'Shipping Country': 'BE' },
    ], { eol: '\r\n', bom: true });
    const r = parseOrderFile(text);
    expect(r.source).toBe('shopify');
    expect(r.headers[0]).toBe('Name');
    expect(r.problems).toEqual([]);
    expect(keys(r.lines)).toEqual(['#2001#1', '#2001#2', '#2002#1']);
    expect(r.lines.map((l) => l.cancelled)).toEqual([true, true, false]);
    expect(r.lines[1]).toMatchObject({ sourceRow: 2, customerName: 'Amira B', country: 'FR', currency: 'EUR', shippingMethod: 'Colissimo', orderDate: '2026-12-01T09:00:00Z', qty: 2, unitPrice: 5 });
    // Empty SKU (custom item), empty email (cash on delivery), billing name as fallback.
    expect(r.lines[2]).toMatchObject({ sku: '', listingKey: 'shopify:name:gift wrap', email: '', customerName: 'Cash Buyer', country: 'BE', unitPrice: 0 });
  });

  it('reads an explicit language column when there is one', () => {
    const r = parseOrderFile(csv([...SHOPIFY, 'Customer Locale'], [
      { Name: '#1', 'Lineitem quantity': '1', 'Lineitem sku': 'A', 'Customer Locale': 'fr-FR' },
      { Name: '#2', 'Lineitem quantity': '1', 'Lineitem sku': 'A', 'Customer Locale': 'en' },
      { Name: '#3', 'Lineitem quantity': '1', 'Lineitem sku': 'A', 'Customer Locale': 'de' },
    ]));
    expect(r.lines.map((l) => l.language)).toEqual(['fr', 'en', '']);
  });

  it('an order pasted twice gives duplicate lines, reported with the first row', () => {
    const block: Array<Record<string, string>> = [
      { Name: '#5', 'Lineitem quantity': '1', 'Lineitem sku': 'A', 'Created at': '2026-12-01 10:00:00 +0000' },
      { Name: '#5', 'Lineitem quantity': '1', 'Lineitem sku': 'B' },
    ];
    const text = csv(SHOPIFY, [...block, { Name: '#6', 'Lineitem quantity': '3', 'Lineitem sku': 'C' }]);
    const twice = text + text.split('\n').slice(1).join('\n'); // the rows again, without the header
    const r = parseOrderFile(twice);
    expect(keys(r.lines)).toEqual(['#5#1', '#5#2', '#6#1']);
    expect(r.problems).toEqual([
      { row: 4, code: 'duplicate_line', field: 'lineKey', params: { firstRow: 1, lineKey: '1' } },
      { row: 5, code: 'duplicate_line', field: 'lineKey', params: { firstRow: 2, lineKey: '2' } },
      { row: 6, code: 'duplicate_line', field: 'lineKey', params: { firstRow: 3, lineKey: '1' } },
    ]);
    // A repeated header row (two exports concatenated) is skipped, and the numbering keeps counting it.
    const concatenated = parseOrderFile(text + text);
    expect(concatenated.lines).toHaveLength(3);
    expect(codes(concatenated.problems)).toEqual([[5, 'duplicate_line', 'lineKey'], [6, 'duplicate_line', 'lineKey'], [7, 'duplicate_line', 'lineKey']]);
  });

  it('a bad row does not shift the positions of the rows after it', () => {
    const r = parseOrderFile(csv(SHOPIFY, [
      { Name: '#7', 'Lineitem quantity': 'two', 'Lineitem sku': 'A' },
      { Name: '#7', 'Lineitem quantity': '1', 'Lineitem sku': 'B' },
    ]));
    expect(keys(r.lines)).toEqual(['#7#2']);
    expect(r.problems).toEqual([{ row: 1, code: 'invalid_qty', field: 'qty', params: { header: 'Lineitem quantity', value: 'two' } }]);
  });
});

const WOO = ['Order Number', 'Order Status', 'Order Date', 'Customer Note', 'First Name (Billing)', 'Last Name (Billing)', 'Email (Billing)', 'Phone (Billing)', 'First Name (Shipping)', 'Last Name (Shipping)', 'Country Code (Shipping)', 'SKU', 'Item #', 'Item Name', 'Quantity (- Refund)', 'Item Cost', 'Shipping Method Title'];

describe('WooCommerce (AlgolPlus)', () => {
  it('"1st row only": later rows of an order carry its number and fields forward', () => {
    const r = parseOrderFile(csv(WOO, [
      { 'Order Number': '3001', 'Order Status': 'Processing', 'Order Date': '2026-12-02 09:15', 'First Name (Shipping)': 'Léa', 'Last Name (Shipping)': 'Martin', 'Email (Billing)': 'lea@example.com', 'Country Code (Shipping)': 'FR', SKU: 'SAVON-L', 'Item #': '1', 'Item Name': 'Savon lavande', 'Quantity (- Refund)': '2', 'Item Cost': '6.50', 'Shipping Method Title': 'Colissimo' },
      { SKU: 'SAVON-M', 'Item #': '2', 'Item Name': 'Savon miel', 'Quantity (- Refund)': '1', 'Item Cost': '6.50' },
      { 'Order Number': '3002', 'Order Status': 'Completed', 'Order Date': '2026-12-02 10:00', 'First Name (Billing)': 'Tom', 'Last Name (Billing)': 'Durand', SKU: 'BOUGIE', 'Item #': '1', 'Quantity (- Refund)': '1', 'Item Cost': '22' },
    ], { eol: '\r\n' }));
    expect(r.source).toBe('woocommerce');
    expect(r.problems).toEqual([]);
    expect(keys(r.lines)).toEqual(['3001#1', '3001#2', '3002#1']);
    expect(r.lines[1]).toMatchObject({ sourceRow: 2, customerName: 'Léa Martin', email: 'lea@example.com', country: 'FR', orderDate: '2026-12-02T09:15', shippingMethod: 'Colissimo' });
    expect(r.lines[2].customerName).toBe('Tom Durand');
  });

  it('a fully refunded line (net quantity 0) is left out with the zero_qty notice; the rest comes in', () => {
    const r = parseOrderFile(csv(WOO, [
      { 'Order Number': '3003', 'Order Date': '2026-12-03 08:00', SKU: 'A', 'Item #': '1', 'Quantity (- Refund)': '0', 'Item Cost': '5' },
      { 'Order Number': '3003', 'Order Date': '2026-12-03 08:00', SKU: 'B', 'Item #': '2', 'Quantity (- Refund)': '1', 'Item Cost': '5' },
    ]));
    expect(keys(r.lines)).toEqual(['3003#2']);
    expect(r.problems).toEqual([{ row: 1, code: 'zero_qty', field: 'qty', params: { header: 'Quantity (- Refund)', value: '0' } }]);
    expect(isNotice('zero_qty')).toBe(true);
    expect(isNotice('invalid_qty')).toBe(false);
  });

  it('semicolon files: decimal commas; the CSV-injection guard (leading space or apostrophe) is trimmed', () => {
    const text = [
      'Order Number;Order Status;Order Date;Phone (Billing);SKU;Item #;Item Name;Quantity (- Refund);Item Cost',
      '3004;Processing;2026-12-04 14:05; +33600000000; -A1;1;" =cmd|x";1;"12,50"',
      "3004;Processing;2026-12-04 14:05; +33600000000;'-B2;2;Tote;2;1 234,5",
      '3004;Processing;2026-12-04 14:05;;00123;3;Badge;1;0,9',
    ].join('\r\n');
    const r = parseOrderFile(text);
    expect(r.delimiter).toBe(';');
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => [l.sku, l.itemName, l.qty, l.unitPrice])).toEqual([
      ['-A1', '=cmd|x', 1, 12.5],
      ['-B2', 'Tote', 2, 1234.5],
      ['00123', 'Badge', 1, 0.9],
    ]);
  });

  it('cancelled, refunded and failed statuses mark the order cancelled, in English or French', () => {
    const statuses = ['Cancelled', 'Annulée', 'wc-refunded', 'Échouée', 'On hold', 'Completed'];
    const r = parseOrderFile(csv(WOO, statuses.map((s, i) => ({ 'Order Number': String(4000 + i), 'Order Status': s, SKU: 'A', 'Item #': '1', 'Quantity (- Refund)': '1' }))));
    expect(r.lines.map((l) => l.cancelled)).toEqual([true, true, true, true, false, false]);
  });

  it('without an Item # column, lines are keyed by position; a first row without order number is an error', () => {
    const headers = WOO.filter((h) => h !== 'Item #');
    const r = parseOrderFile(csv(headers, [
      { SKU: 'X', 'Quantity (- Refund)': '1' },
      { 'Order Number': '5001', SKU: 'A', 'Quantity (- Refund)': '1' },
      { SKU: 'B', 'Quantity (- Refund)': '1' },
    ]));
    expect(keys(r.lines)).toEqual(['5001#1', '5001#2']);
    expect(codes(r.problems)).toEqual([[1, 'missing_order_id', 'orderId']]);
  });
});

const ETSY = ['Sale Date', 'Item Name', 'Buyer', 'Quantity', 'Price', 'Currency', 'Transaction ID', 'Listing ID', 'Ship Name', 'Ship Country', 'Order ID', 'Variations', 'SKU'];

describe('Etsy Sold Order Items', () => {
  it('empty SKU: the listing key comes from Listing ID + Variations (personalisation left out)', () => {
    const r = parseOrderFile(csv(ETSY, [
      { 'Sale Date': '12/05/26', 'Item Name': 'Ring dish', Buyer: 'Jo Bloggs (jobl)', Quantity: '1', Price: '16', Currency: 'gbp', 'Transaction ID': '901', 'Listing ID': '777', 'Ship Name': '', 'Ship Country': 'United Kingdom', 'Order ID': '55', Variations: 'Colour:Sage Green, Size : Small', SKU: '' },
      { 'Sale Date': '12/05/26', 'Item Name': 'Name tag', Buyer: 'Jo Bloggs (jobl)', Quantity: '2', Price: '3.3', Currency: 'GBP', 'Transaction ID': '902', 'Listing ID': '778', 'Ship Country': 'United Kingdom', 'Order ID': '55', Variations: 'Personalization:Emma,\nwith love', SKU: '' },
    ]));
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => [l.orderId, l.lineKey, l.sku, l.listingKey, l.customerName, l.country, l.orderDate, l.currency, l.unitPrice])).toEqual([
      ['55', '901', '', 'etsy:777|colour:sage green,size:small', 'Jo Bloggs', 'GB', '2026-12-05', 'GBP', 16],
      ['55', '902', '', 'etsy:778', 'Jo Bloggs', 'GB', '2026-12-05', 'GBP', 3.3],
    ]);
  });

  it('turns common English country names into ISO-2 codes, unknown names into ""', () => {
    const names = ['United States', 'France', 'Germany', 'Canada', 'Australia', 'The Netherlands', 'Atlantis'];
    const r = parseOrderFile(csv(ETSY, names.map((c, i) => ({ 'Sale Date': '01/02/26', Quantity: '1', 'Transaction ID': String(i), 'Listing ID': '1', 'Order ID': String(i), 'Ship Country': c, SKU: 'A' }))));
    expect(r.lines.map((l) => l.country)).toEqual(['US', 'FR', 'DE', 'CA', 'AU', 'NL', '']);
    expect(r.lines[0].orderDate).toBe('2026-01-02'); // month first
  });

  it('reports a date that is not MM/DD/YY', () => {
    const r = parseOrderFile(csv(ETSY, [{ 'Sale Date': '25/12/26', Quantity: '1', 'Transaction ID': '1', 'Listing ID': '1', 'Order ID': '1' }]));
    expect(r.lines).toEqual([]);
    expect(r.problems).toEqual([{ row: 1, code: 'invalid_date', field: 'orderDate', params: { header: 'Sale Date', value: '25/12/26' } }]);
  });

  it('a row with neither SKU nor Listing ID is missing_sku', () => {
    const r = parseOrderFile(csv(ETSY, [{ 'Sale Date': '01/02/26', Quantity: '1', 'Transaction ID': '1', 'Order ID': '1' }]));
    expect(codes(r.problems)).toEqual([[1, 'missing_sku', 'sku']]);
  });

  it('variation keys ignore spacing and case', () => {
    expect(etsyVariations('Size:Large,Color:Blue')).toBe('size:large,color:blue');
    expect(etsyVariations(' size : LARGE ,  color:blue ')).toBe('size:large,color:blue');
    expect(etsyVariations('')).toBe('');
  });
});

const AMAZON_UNSHIPPED = ['order-id', 'order-item-id', 'purchase-date', 'buyer-email', 'sku', 'product-name', 'quantity-purchased', 'quantity-shipped', 'quantity-to-ship', 'ship-service-level', 'recipient-name', 'ship-country'];

describe('Amazon order reports', () => {
  it('Unshipped: the quantity still to ship; nothing left to ship is zero_qty; = is plain text', () => {
    const r = parseOrderFile(csv(AMAZON_UNSHIPPED, [
      { 'order-id': '111-1', 'order-item-id': '9001', 'purchase-date': '2026-12-01T23:30:00-08:00', sku: '-A1', 'product-name': '=HYPERLINK("x")', 'quantity-purchased': '3', 'quantity-shipped': '1', 'quantity-to-ship': '2', 'ship-country': 'us' },
      { 'order-id': '111-1', 'order-item-id': '9002', 'purchase-date': '2026-12-01T23:30:00-08:00', sku: 'B', 'quantity-purchased': '1', 'quantity-shipped': '1', 'quantity-to-ship': '0' },
    ], { delim: '\t' }));
    expect(r.source).toBe('amazon');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ orderId: '111-1', lineKey: '9001', sku: '-A1', itemName: '=HYPERLINK("x")', qty: 2, orderDate: '2026-12-02T07:30:00Z', country: 'US' });
    expect(codes(r.problems)).toEqual([[2, 'zero_qty', 'qty']]);
  });

  it('Order Report layout: quantity-purchased; promotion continuation rows are skipped', () => {
    const headers = ['order-id', 'order-item-id', 'purchase-date', 'sku', 'quantity-purchased', 'currency', 'item-price', 'item-promotion-discount'];
    const r = parseOrderFile(csv(headers, [
      { 'order-id': '222-2', 'order-item-id': '7001', 'purchase-date': '2026-12-01T10:00:00+00:00', sku: 'MUG', 'quantity-purchased': '2', currency: 'USD', 'item-price': '36.00', 'item-promotion-discount': '-2.00' },
      { 'order-id': '222-2', 'order-item-id': '7001', 'item-promotion-discount': '-1.00' },
    ], { delim: '\t' }));
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => [l.lineKey, l.qty, l.currency, l.unitPrice])).toEqual([['7001', 2, 'USD', null]]);
  });
});

describe('parseOrderFile: file-level problems', () => {
  it('unknown headers: unknown_format, with the headers for the column picker', () => {
    const r = parseOrderFile('\uFEFFCommande;Réf;Qté\n1;A;2\n');
    expect(r).toMatchObject({ source: 'unknown', lines: [], headers: ['Commande', 'Réf', 'Qté'], delimiter: ';' });
    expect(r.problems).toEqual([{ row: 0, code: 'unknown_format', field: '' }]);
  });

  it('a hint names the format; a column the format needs is then missing_column', () => {
    const r = parseOrderFile('Name,Qty\n#1,2\n', { sourceHint: 'Shopify' });
    expect(r.source).toBe('shopify');
    expect(r.problems).toEqual([{ row: 0, code: 'missing_column', field: 'qty', params: { header: 'Lineitem quantity' } }]);
    expect(parseOrderFile('Name,Qty\n#1,2\n', { sourceHint: 'orders_export.csv' }).source).toBe('unknown');
  });

  it('an unterminated quote imports nothing and names the line; the format is still told', () => {
    const text = csv(SHOPIFY, [{ Name: '#1', 'Lineitem quantity': '1', 'Lineitem sku': 'A' }]) + '#2,"oops\n#3,x\n';
    const r = parseOrderFile(text);
    expect(r.source).toBe('shopify');
    expect(r.lines).toEqual([]);
    expect(r.problems).toEqual([{ row: 0, code: 'malformed_csv', field: '', params: { line: 3 } }]);
  });

  it('an empty file', () => {
    expect(parseOrderFile('').problems).toEqual([{ row: 0, code: 'empty_file', field: '' }]);
    expect(parseOrderFile('\uFEFF\r\n').problems).toEqual([{ row: 0, code: 'empty_file', field: '' }]);
  });

  it('a header-only file imports nothing and reports nothing', () => {
    expect(parseOrderFile(SHOPIFY.join(',') + '\n')).toMatchObject({ source: 'shopify', lines: [], problems: [] });
  });
});

describe('identity and countries', () => {
  it('lineIdentity = channel / order id / line key, escaping / and %', () => {
    expect(lineIdentity({ channel: 'etsy', orderId: '3870000101', lineKey: '4410000101' })).toBe('etsy/3870000101/4410000101');
    expect(lineIdentity({ channel: 'generic', orderId: 'A/1', lineKey: '50%' })).toBe('generic/A%2F1/50%25');
    expect(lineIdentity({ channel: 'generic', orderId: 'A', lineKey: '1/2' })).not.toBe(lineIdentity({ channel: 'generic', orderId: 'A/1', lineKey: '2' }));
  });

  it('countryCode reads codes and English or French names', () => {
    expect(countryCode('gb')).toBe('GB');
    expect(countryCode('UK')).toBe('GB');
    expect(countryCode('USA')).toBe('US');
    expect(countryCode('United States of America')).toBe('US');
    expect(countryCode('États-Unis')).toBe('US');
    expect(countryCode('Royaume-Uni')).toBe('GB');
    expect(countryCode('  belgique ')).toBe('BE');
    expect(countryCode('Côte d’Ivoire')).toBe('CI');
    expect(countryCode('')).toBe('');
    expect(countryCode('Narnia')).toBe('');
  });
});
