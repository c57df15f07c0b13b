/**
 * Check stock, end to end: someone types over a quantity in the Stock tab (the emulator's
 * userEdit, like a person in the Sheets UI); the sidebar names the difference in plain
 * words, Repair puts the ledger's figure back, and the check then comes out clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSheet } from '../../tools/tables';
import { ID_ROW } from '../../src/sheets/schema';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table } from './support/preview';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('check stock', () => {
  it('finds a hand edit of the Stock tab and repairs it', async () => {
    const s = await openSession(browser);
    try {
      const form0 = await openForm(s, 'menuCheckStock', '.check-result .message');
      expect(await form0.locator('[data-kind=check-ok]').innerText()).toContain('Stock matches the ledger up to movement M00000014.');
      expect(await form0.locator('button[data-action=repair]').isHidden()).toBe(true);

      const stock = tableSheet(s.preview.emu.book, 'stock')!;
      const ids = stock.values()[ID_ROW - 1].map(String);
      const row = stock.values().findIndex((r) => r[ids.indexOf('sku')] === 'SOAP-LAV' && r[ids.indexOf('bin')] === 'A-1-1') + 1;
      stock.userEdit(row, ids.indexOf('qty') + 1, '99');

      const form = await openForm(s, 'menuCheckStock', '.differences');
      const found = await form.locator('.check-result').innerText();
      expect(found).toContain('Differences found: 1');
      expect(found).toContain('SOAP-LAV in A-1-1 (Available): the Stock tab says 99, the ledger adds up to 36.');
      await screenshot(s, form, 'check-stock');

      await form.locator('button[data-action=repair]').click();
      await form.locator('.messages .message.success').waitFor();
      expect(await form.locator('.messages .message.success').innerText()).toContain('SOAP-LAV in A-1-1 (Available): 99 → 36');
      await expect.poll(() => form.locator('[data-kind=check-ok]').count()).toBe(1);
      expect(await form.locator('button[data-action=repair]').isHidden()).toBe(true);
      expect(table(s, 'stock').find((r) => r.sku === 'SOAP-LAV' && r.bin === 'A-1-1')).toMatchObject({ qty: 36 });
      expect(table(s, 'log').at(-1)).toMatchObject({ event: 'repair_stock' });
    } finally {
      await s.close();
    }
  });
});
