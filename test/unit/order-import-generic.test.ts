import { describe, expect, it } from 'vitest';
import { isCompleteMapping, parseOrderFile, suggestMapping, type GenericMapping } from '../../src/domain/orders/import';
import { applyMapping } from '../../src/domain/orders/import/generic';
import { parseNumber, readDate } from '../../src/domain/orders/import/values';

describe('suggestMapping', () => {
  it('proposes columns from common English headers', () => {
    const headers = ['Order ID', 'Line', 'Product', 'SKU', 'Qty', 'Order Date', 'Customer Name', 'E-mail', 'Country', 'Unit Price', 'Currency', 'Shipping Method', 'Language', 'Status', 'Notes'];
    expect(suggestMapping(headers)).toEqual({
      orderId: 'Order ID', lineId: 'Line', sku: 'SKU', qty: 'Qty', date: 'Order Date', unitPrice: 'Unit Price', itemName: 'Product',
      customerName: 'Customer Name', email: 'E-mail', country: 'Country', language: 'Language', currency: 'Currency',
      shippingMethod: 'Shipping Method', cancelled: 'Status',
    });
  });

  it('proposes columns from common French headers (accents, N°, spacing ignored)', () => {
    const headers = ['\uFEFFN° de commande', 'Référence', 'Désignation', 'Quantité', 'Date de commande', 'Nom du client', 'Courriel', 'Pays', 'Langue', 'Prix unitaire', 'Devise', 'Transporteur', 'Statut'];
    expect(suggestMapping(headers)).toEqual({
      orderId: 'N° de commande', sku: 'Référence', qty: 'Quantité', date: 'Date de commande', unitPrice: 'Prix unitaire', itemName: 'Désignation',
      customerName: 'Nom du client', email: 'Courriel', country: 'Pays', language: 'Langue', currency: 'Devise', shippingMethod: 'Transporteur', cancelled: 'Statut',
    });
  });

  it('falls back to a header containing the words for required fields, and says when it is incomplete', () => {
    const m = suggestMapping(['Order ID (marketplace)', 'Seller SKU', 'Quantité commandée (unités)', 'Remarks']);
    expect(m).toEqual({ orderId: 'Order ID (marketplace)', sku: 'Seller SKU', qty: 'Quantité commandée (unités)' });
    expect(isCompleteMapping(m)).toBe(true);
    expect(isCompleteMapping(suggestMapping(['Foo', 'Bar']))).toBe(false);
  });
});

const FR_MAPPING: GenericMapping = { orderId: 'Commande', sku: 'Réf', qty: 'Qté', date: 'Date', country: 'Pays', language: 'Langue', unitPrice: 'Prix', customerName: 'Client' };

describe('applyMapping through parseOrderFile', () => {
  it('a French semicolon file: day-first dates, decimal commas, country names, language, positions as line keys', () => {
    const text = [
      'Commande;Client;Réf;Qté;Prix;Date;Pays;Langue',
      'C-1;Amira;00123;2;12,50;13/11/2026;France;fr',
      'C-1;;-A1;1;3;13/11/2026;;',
      'C-2;Jan;SAVON;1;"1 000,00";05/11/2026 14:30;Belgique;nl',
    ].join('\r\n');
    const r = parseOrderFile(text, { mapping: FR_MAPPING });
    expect(r.source).toBe('generic');
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => [l.channel, l.orderId, l.lineKey, l.sku, l.qty, l.unitPrice, l.orderDate, l.country, l.language, l.customerName])).toEqual([
      ['generic', 'C-1', '1', '00123', 2, 12.5, '2026-11-13', 'FR', 'fr', 'Amira'],
      ['generic', 'C-1', '2', '-A1', 1, 3, '2026-11-13', 'FR', 'fr', 'Amira'],
      ['generic', 'C-2', '1', 'SAVON', 1, 1000, '2026-11-05T14:30', 'BE', '', 'Jan'],
    ]);
  });

  it('a known format wins over a remembered mapping; the generic hint forces the mapping', () => {
    const shopify = 'Name,Lineitem quantity,Lineitem sku\n#1,1,A\n';
    expect(parseOrderFile(shopify, { mapping: { orderId: 'Name', sku: 'Lineitem sku', qty: 'Lineitem quantity' } }).source).toBe('shopify');
    const forced = parseOrderFile(shopify, { mapping: { orderId: 'Name', sku: 'Lineitem sku', qty: 'Lineitem quantity' }, sourceHint: 'generic' });
    expect(forced.source).toBe('generic');
    expect(forced.lines[0]).toMatchObject({ channel: 'generic', orderId: '#1', lineKey: '1', sku: 'A', qty: 1 });
  });

  it('ambiguous day/month dates are reported unless the file or the mapping settles the order', () => {
    const text = 'Order,SKU,Qty,Date\nA,X,1,05/11/2026\nB,X,1,07/07/2026\n';
    const base = { orderId: 'Order', sku: 'SKU', qty: 'Qty', date: 'Date' };
    const r = parseOrderFile(text, { mapping: base });
    expect(r.lines.map((l) => l.orderDate)).toEqual(['2026-07-07']);
    expect(r.problems).toEqual([{ row: 1, code: 'ambiguous_date', field: 'orderDate', params: { header: 'Date', value: '05/11/2026' } }]);
    expect(parseOrderFile(text, { mapping: { ...base, dateOrder: 'mdy' } }).lines.map((l) => l.orderDate)).toEqual(['2026-05-11', '2026-07-07']);
    const settled = parseOrderFile(text + 'C,X,1,11/25/2026\n', { mapping: base });
    expect(settled.problems).toEqual([]);
    expect(settled.lines.map((l) => l.orderDate)).toEqual(['2026-05-11', '2026-07-07', '2026-11-25']);
  });

  it('a mapped column that the file lacks is missing_column and imports nothing', () => {
    const r = parseOrderFile('Order,SKU,Qty\nA,X,1\n', { mapping: { orderId: 'Order', sku: 'SKU', qty: 'Qty', country: 'Pays' } });
    expect(r.lines).toEqual([]);
    expect(r.problems).toEqual([{ row: 0, code: 'missing_column', field: 'country', params: { header: 'Pays' } }]);
  });

  it('header names in the mapping match without case or outer spaces', () => {
    const r = parseOrderFile(' ORDER , sku ,QTY\nA,X,1\n', { mapping: { orderId: 'Order', sku: 'SKU', qty: 'Qty' } });
    expect(r.lines).toHaveLength(1);
  });

  it('bad rows are listed with their rows and fields; good rows still come out', () => {
    const text = [
      'Order,Line,SKU,Qty,Price,Date,Status',
      'A,1,X,1,2.50,2026-11-20,',           // 1 ok
      ',1,X,1,,,',                          // 2 missing order id
      'B,1,,1,,,',                          // 3 missing sku
      'B,2,Y,1.5,,,',                       // 4 fractional qty
      'B,3,Y,-2,,,',                        // 5 negative qty
      'B,4,Y,,,,',                          // 6 empty qty
      'B,5,Y,1,abc,,',                      // 7 bad price
      'B,6,Y,1,-1,,',                       // 8 negative price
      'C,1,Z,1,,2026-02-30,',               // 9 impossible date
      '',                                   // 10 blank line: skipped, still counted
      'A,1,X,1,2.50,2026-11-20,',           // 11 duplicate of row 1
      'D,1,"00123",3,0,2026-11-21T10:00:00Z,Cancelled', // 12 ok, cancelled
      'Order,Line,SKU,Qty,Price,Date,Status', // 13 repeated header: skipped
      'E,1,W,two,x,someday,',               // 14 three problems on one row
    ].join('\n');
    const mapping: GenericMapping = { orderId: 'Order', lineId: 'Line', sku: 'SKU', qty: 'Qty', unitPrice: 'Price', date: 'Date', cancelled: 'Status' };
    const r = parseOrderFile(text, { mapping });
    expect(r.lines.map((l) => [l.sourceRow, l.orderId, l.lineKey, l.sku, l.qty, l.unitPrice, l.orderDate, l.cancelled])).toEqual([
      [1, 'A', '1', 'X', 1, 2.5, '2026-11-20', false],
      [12, 'D', '1', '00123', 3, 0, '2026-11-21T10:00:00Z', true],
    ]);
    expect(r.problems.map((p) => [p.row, p.code, p.field, p.params?.value ?? p.params?.firstRow ?? ''])).toEqual([
      [2, 'missing_order_id', 'orderId', ''],
      [3, 'missing_sku', 'sku', ''],
      [4, 'invalid_qty', 'qty', '1.5'],
      [5, 'invalid_qty', 'qty', '-2'],
      [6, 'invalid_qty', 'qty', ''],
      [7, 'invalid_price', 'unitPrice', 'abc'],
      [8, 'invalid_price', 'unitPrice', '-1'],
      [9, 'invalid_date', 'orderDate', '2026-02-30'],
      [11, 'duplicate_line', 'lineKey', 1],
      [14, 'invalid_qty', 'qty', 'two'],
      [14, 'invalid_price', 'unitPrice', 'x'],
      [14, 'invalid_date', 'orderDate', 'someday'],
    ]);
  });

  it('applyMapping works on records directly (the sidebar preview)', () => {
    const out = applyMapping(['Order', 'SKU', 'Qty'], [['A', 'X', '2'], ['A', 'Y', '1']], { orderId: 'Order', sku: 'SKU', qty: 'Qty' });
    expect(out.lines.map((l) => `${l.orderId}#${l.lineKey}:${l.sku}x${l.qty}`)).toEqual(['A#1:Xx2', 'A#2:Yx1']);
  });
});

describe('values', () => {
  it('parseNumber: symbols, groups, decimal style', () => {
    expect(parseNumber('12.50', 'dot')).toBe(12.5);
    expect(parseNumber('12,50', 'dot')).toBe(12.5);
    expect(parseNumber('1,234', 'dot')).toBe(1234);
    expect(parseNumber('1,234', 'comma')).toBe(1.234);
    expect(parseNumber('1.234,56', 'comma')).toBe(1234.56);
    expect(parseNumber('1,234.56', 'comma')).toBe(1234.56);
    expect(parseNumber('$12.50', 'dot')).toBe(12.5);
    expect(parseNumber('12,50 €', 'comma')).toBe(12.5);
    expect(parseNumber('EUR 8.10', 'dot')).toBe(8.1);
    expect(parseNumber('1\u00a0234,5', 'comma')).toBe(1234.5);
    expect(parseNumber('1.2.3', 'dot')).toBeNull();
    expect(parseNumber('abc', 'dot')).toBeNull();
    expect(parseNumber('', 'dot')).toBeNull();
  });

  it('readDate: the three output shapes', () => {
    expect(readDate('2026-11-20 09:14:02 -0500', null)).toEqual({ kind: 'ok', value: '2026-11-20T14:14:02Z' });
    expect(readDate('2026-12-31T23:30:00-08:00', null)).toEqual({ kind: 'ok', value: '2027-01-01T07:30:00Z' });
    expect(readDate('2026-11-20T09:14:02.123Z', null)).toEqual({ kind: 'ok', value: '2026-11-20T09:14:02Z' });
    expect(readDate('2026-11-18 10:42', null)).toEqual({ kind: 'ok', value: '2026-11-18T10:42' });
    expect(readDate('2026-11-18 10:42:59', null)).toEqual({ kind: 'ok', value: '2026-11-18T10:42' });
    expect(readDate('2026-11-18', null)).toEqual({ kind: 'ok', value: '2026-11-18' });
    expect(readDate('11/18/26', 'mdy')).toEqual({ kind: 'ok', value: '2026-11-18' });
    expect(readDate('11/18/2026 9:05 PM', null)).toEqual({ kind: 'ok', value: '2026-11-18T21:05' });
    expect(readDate('18.11.2026', null)).toEqual({ kind: 'ok', value: '2026-11-18' });
    expect(readDate('2026-11-18 25:00', null)).toEqual({ kind: 'invalid' });
    expect(readDate('2026-11-18T10:00:00+1900', null)).toEqual({ kind: 'invalid' });
    expect(readDate('  ', null)).toEqual({ kind: 'empty' });
  });
});
