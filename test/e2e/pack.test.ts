/**
 * Pack, end to end: an order whose goods are picked, the packaging Settings suggest for its
 * size preselected; packing moves the goods to packed and takes the box from packaging
 * stock (read in the ledger, Orders and Stock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSheet } from '../../tools/tables';
import { ID_ROW } from '../../src/sheets/schema';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table } from './support/preview';
import { ORDERS_PICKED } from './support/scenarios';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('pack form', () => {
  it('packs a picked order with the suggested box, taken from packaging stock', async () => {
    const s = await openSession(browser, { scenario: ORDERS_PICKED });
    try {
      // the seller typed packaging rules in the Settings tab: up to 4 units in a padded envelope, else box S
      const settings = tableSheet(s.preview.emu.book, 'settings')!;
      const ids = settings.values()[ID_ROW - 1].map(String);
      const row = settings.values().findIndex((r) => r[ids.indexOf('key')] === 'packaging_rules') + 1;
      settings.userEdit(row, ids.indexOf('value') + 1, '4:ENV-PAD, BOX-S');

      const form = await openForm(s, 'menuPack', 'select[name=orderId]');
      expect(await form.locator('select[name=orderId] option').allInnerTexts()).toEqual(['#A · Élodie Martin · 5 units', '#B · Ben Carter · 4 units']);
      expect(await form.locator('.order-lines li').allInnerTexts()).toEqual(['2 × TOWEL-SAGE (Linen tea towel sage)', '1 × DISH-CED (Cedar soap dish)', '2 × SOAP-LAV (Lavender soap 100 g)']);
      expect(await form.locator('select[name=packaging]').inputValue()).toBe('BOX-S');
      expect(await form.locator('input[name=qty]').inputValue()).toBe('1');
      expect(await form.locator('.preview').innerText()).toBe('5 units move from Picked to Packed; packaging taken from stock: 1 × BOX-S.');
      // #B has 4 units: the envelope
      await form.locator('select[name=orderId]').selectOption('#B');
      expect(await form.locator('select[name=packaging]').inputValue()).toBe('ENV-PAD');
      await form.locator('select[name=orderId]').selectOption('#A');
      await screenshot(s, form, 'pack');

      await form.locator('button[data-action=pack]').click();
      const success = form.locator('.message.success');
      await success.waitFor();
      expect(await success.innerText()).toContain('Order #A packed: 5 units; packaging used: 1× BOX-S.');
      // the form now offers the order left to pack
      await expect.poll(() => form.locator('select[name=orderId] option').allInnerTexts()).toEqual(['#B · Ben Carter · 4 units']);

      const ledger = table(s, 'ledger');
      expect(ledger.filter((r) => r.type === 'pack' && Number(r.qty) > 0).map((r) => [r.sku, r.state, r.qty])).toEqual([
        ['TOWEL-SAGE', 'packed', 2], ['DISH-CED', 'packed', 1], ['SOAP-LAV', 'packed', 2],
      ]);
      expect(ledger.at(-1)).toMatchObject({ type: 'consume', sku: 'BOX-S', bin: 'D-1-1', qty: -1, ref_id: '#A' });
      expect(table(s, 'orders').filter((l) => l.order_id === '#A').map((l) => l.status)).toEqual(['packed', 'packed', 'packed']);
      expect(table(s, 'stock').find((r) => r.sku === 'BOX-S')).toMatchObject({ qty: 99 });
    } finally {
      await s.close();
    }
  });
});
