/**
 * Orders, end to end: the Shopify sample export imported through the file input (items
 * seeded for its SKUs but one), a file in no known format imported through the column
 * picker (read as Windows-1252, the columns remembered for the next file), and an order
 * typed by hand. Effects are read from the Orders tab and Stock summary.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, type Session } from './support/preview';
import { withCalls } from './support/scenarios';

const CORPUS = resolve('..', 'shared', 'corpus', 'order-exports');

function sample(name: string): string {
  const path = resolve(CORPUS, name);
  if (!existsSync(path)) {
    throw new Error(`order export sample missing: expected ${path} (the shared corpus, ../shared/corpus/order-exports next to the repository). The orders e2e test imports it through the form.`);
  }
  return path;
}

/** Items for the Shopify sample's SKUs, except 00417 (the sample's first line: an unknown SKU). */
const SHOPIFY_ITEMS = withCalls({
  fn: 'receive', now: '2026-01-06T09:00:00Z', args: [{
    requestId: 'e2e-shop-items', lines: [
      ['DISH-CED', 'Cedar soap dish', 'B-2-1'], ['CANDLE-PINE', 'Pine candle', 'C-1-2'], ['WICK-TRIM', 'Wick trimmer', 'C-1-3'],
      ['TOWEL-BLU', 'Linen tea towel blue', 'B-3-1'], ['MUG-STONE', 'Stoneware mug', 'B-4-1'], ['COASTER-SET', 'Coaster set', 'B-4-2'],
    ].map(([sku, name, bin]) => ({ sku, bin, qty: 10, unitCost: 2, newItem: { name, unit: 'pc' } })),
  }],
});

let browser: Browser;
let s: Session | null = null;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await s?.close();
  s = null;
});

async function importTab(session: Session) {
  const form = await openForm(session, 'menuOrders', '[role=tab][data-tab=import]');
  await form.locator('[role=tab][data-tab=import]').click();
  await form.locator('input[type=file]').waitFor();
  return form;
}

describe('orders form: import', () => {
  it('imports the Shopify sample export: lines added, the unknown SKU row listed', async () => {
    const file = sample('shopify-orders.csv');
    s = await openSession(browser, { scenario: SHOPIFY_ITEMS });
    const form = await importTab(s);
    await form.locator('input[type=file]').setInputFiles(file);
    await form.locator('button[data-action=import]').click();
    const result = form.locator('.import-result');
    await result.locator('[data-count=added]').waitFor();
    expect(await result.locator('h2').first().innerText()).toBe('File read as: Shopify');
    // order #1003 is fulfilled in the export: already shipped by the shop, it reserves nothing
    expect(await result.locator('[data-count=added]').innerText()).toBe('Order lines added: 5 (orders: 3)');
    expect(await result.locator('[data-count=duplicates]').innerText()).toBe('Already imported, skipped: 0');
    expect(await result.locator('[data-count=cancelled]').innerText()).toBe('Cancelled in the file, skipped: 0');
    expect(await result.locator('[data-count=fulfilled]').innerText()).toBe('Already shipped by the shop, skipped: 3');
    const problems = result.locator('ul.problems li');
    expect(await problems.count()).toBe(1);
    expect(await problems.getAttribute('data-row')).toBe('1');
    expect(await problems.getAttribute('data-code')).toBe('unknown_sku');
    expect(await problems.innerText()).toBe('Row 1: no item has the SKU or barcode "00417". Check it or create the item.');
    expect(await form.locator('.message.success').innerText()).toContain('5 order lines added (3 orders); 0 already there.');
    await screenshot(s, form, 'orders-import');

    const orders = table(s, 'orders');
    expect(orders.map((l) => [l.channel, l.order_id, l.sku, l.qty, l.status])).toEqual([
      ['shopify', '#1002', 'SOAP-OAT', 3, 'open'], ['shopify', '#1002', 'DISH-CED', 1, 'open'],
      ['shopify', '#1004', 'TOWEL-BLU', 1, 'open'], ['shopify', '#1005', 'MUG-STONE', 2, 'open'], ['shopify', '#1005', 'COASTER-SET', 1, 'open'],
    ]);
    expect(table(s, 'stock_summary').find((r) => r.sku === 'SOAP-OAT')).toMatchObject({ reserved: 3, available_to_sell: 15 });

    // the same file again: everything is a duplicate
    await form.locator('button[data-action=import]').click();
    await expect.poll(() => result.locator('[data-count=duplicates]').innerText()).toBe('Already imported, skipped: 5');
    expect(table(s, 'orders')).toHaveLength(5);
  });

  it('asks which column holds what for an unknown file (read as Windows-1252), and remembers it', async () => {
    s = await openSession(browser);
    const form = await importTab(s);
    // Excel on Windows: semicolons, Windows-1252 ("é" is the byte E9), French headers
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    await form.locator('input[type=file]').setInputFiles({ name: 'commandes.csv', mimeType: 'text/csv', buffer: latin1('Commande;Réf;Qté;Client;Pays\nC-1;SOAP-LAV;2;Clément Dupré;FR\n') });
    await expect.poll(() => form.locator('[data-panel=import] .hint').allInnerTexts()).toContain('This file is not UTF-8: it was read as Windows-1252 (Western European).');
    await form.locator('button[data-action=import]').click();
    const picker = form.locator('.column-picker');
    await picker.waitFor();
    expect(await form.locator('.message.info').innerText()).toContain('Choose which column holds what');
    expect(await picker.locator('select[name=orderId] option').allInnerTexts()).toEqual(['(not in the file)', 'Commande', 'Réf', 'Qté', 'Client', 'Pays']);
    // pre-filled from the usual header names
    expect(await picker.locator('select[name=orderId]').inputValue()).toBe('Commande');
    expect(await picker.locator('select[name=sku]').inputValue()).toBe('Réf');
    expect(await picker.locator('select[name=customerName]').inputValue()).toBe('Client');
    // a needed column left out: said at its select, nothing saved
    await picker.locator('select[name=qty]').selectOption('');
    await picker.locator('button[data-action=import-mapped]').click();
    await picker.locator('[data-field=qty] .field-error').waitFor();
    expect(await picker.locator('[data-field=qty] .field-error').innerText()).toBe('This is required.');
    expect(s.preview.emu.documentProperties().import_mapping).toBeUndefined();
    await picker.locator('select[name=qty]').selectOption('Qté');
    await screenshot(s, form, 'orders-columns');
    await picker.locator('button[data-action=import-mapped]').click();
    await expect.poll(() => form.locator('[data-count=added]').innerText()).toBe('Order lines added: 1 (orders: 1)');
    expect(await picker.count()).toBe(0);
    expect(table(s, 'orders').map((l) => [l.channel, l.order_id, l.sku, l.qty, l.customer_name, l.country, l.language])).toEqual([
      ['generic', 'C-1', 'SOAP-LAV', 2, 'Clément Dupré', 'FR', 'fr'],
    ]);
    expect(JSON.parse(String(s.preview.emu.documentProperties().import_mapping))).toMatchObject({ orderId: 'Commande', sku: 'Réf', qty: 'Qté', customerName: 'Client', country: 'Pays' });

    // the next file from the same shop goes straight in, with the remembered columns
    const again = await importTab(s);
    await again.locator('input[type=file]').setInputFiles({ name: 'commandes-2.csv', mimeType: 'text/csv', buffer: latin1('Commande;Réf;Qté;Client;Pays\nC-2;SOAP-ROSE;1;Zoé;FR\n') });
    await again.locator('button[data-action=import]').click();
    await expect.poll(() => again.locator('[data-count=added]').innerText()).toBe('Order lines added: 1 (orders: 1)');
    expect(await again.locator('.column-picker').count()).toBe(0);
    expect(table(s, 'orders').map((l) => [l.order_id, l.customer_name])).toEqual([['C-1', 'Clément Dupré'], ['C-2', 'Zoé']]);
  });

  it('fails with a clear message when the file is missing', async () => {
    s = await openSession(browser);
    const form = await importTab(s);
    await form.locator('button[data-action=import]').click();
    expect(await form.locator('[data-field=text] .field-error').innerText()).toBe('This is required.');
    expect(s.preview.rpcLog.filter((c) => c.fn === 'importOrders')).toEqual([]);
  });
});

describe('orders form: by hand and cancel', () => {
  it('adds an order typed with the keyboard, errors at their fields first; then cancels it', async () => {
    s = await openSession(browser);
    const form = await openForm(s, 'menuOrders', 'input[name=orderId]');
    const { keyboard } = s.page;
    await form.locator('input[name=customerName]').fill('Nadia Benali');
    await form.locator('input[name=email]').fill('nadia@example');
    await form.locator('input[name=country]').fill('fr');
    await form.locator('.entry input[name=sku]').focus();
    await keyboard.type('soap-la');
    await form.locator('[data-field=sku] ul.suggestions li').first().waitFor();
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    expect(await form.locator('.entry input[name=qty]').evaluate((el) => el === document.activeElement)).toBe(true);
    await keyboard.type('3');
    await keyboard.press('Enter');
    await keyboard.type('CREAM-50');
    await keyboard.press('Enter');
    await keyboard.type('1');
    await keyboard.press('Tab');
    await keyboard.type('24,90');
    await keyboard.press('Enter');
    expect(await form.locator('li.line').count()).toBe(2);
    expect(await form.locator('.preview').innerText()).toBe('Reserves 3 × SOAP-LAV, 1 × CREAM-50. Nothing leaves the shelves until it is picked.');
    await screenshot(s, form, 'orders-new');

    await keyboard.press('Control+Enter');
    await form.locator('.message.error').waitFor();
    expect(await form.locator('[data-field=email] .field-error').innerText()).toBe('"nadia@example" is not an email address.');
    expect(await form.locator('input[name=email]').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(table(s, 'orders')).toEqual([]);

    await form.locator('input[name=email]').fill('nadia@example.fr');
    await keyboard.press('Control+Enter');
    await form.locator('.message.success').waitFor();
    expect(await form.locator('.message.success').innerText()).toContain('Order MAN-00001 added. What changed:');
    expect(await form.locator('.message.success').innerText()).toContain('SOAP-LAV: 3 reserved');
    expect(table(s, 'orders').map((l) => [l.order_id, l.sku, l.qty, l.unit_price, l.customer_name, l.email, l.country, l.language, l.status])).toEqual([
      ['MAN-00001', 'SOAP-LAV', 3, '', 'Nadia Benali', 'nadia@example.fr', 'FR', 'fr', 'open'],
      ['MAN-00001', 'CREAM-50', 1, 24.9, 'Nadia Benali', 'nadia@example.fr', 'FR', 'fr', 'open'],
    ]);
    expect(table(s, 'stock_summary').find((r) => r.sku === 'SOAP-LAV')).toMatchObject({ reserved: 3 });

    await form.locator('[role=tab][data-tab=cancel]').click();
    await form.locator('[data-panel=cancel] input[name=orderId]').fill('MAN-00001');
    await form.locator('button[data-action=cancel-order]').click();
    await form.locator('.message.success').waitFor();
    expect(await form.locator('.message.success').innerText()).toContain('Order MAN-00001 cancelled: 4 released, 0 put back in stock.');
    expect(table(s, 'orders').map((l) => l.status)).toEqual(['cancelled', 'cancelled']);
    expect(table(s, 'stock_summary').find((r) => r.sku === 'SOAP-LAV')).toMatchObject({ reserved: 0 });
  });
});
