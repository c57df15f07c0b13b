/**
 * The French UI end to end, once: the language is chosen in the Settings sidebar, the menu
 * follows after the spreadsheet is reopened, and a receipt goes through in French (labels,
 * an error, decimal comma, amounts, the success list).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, textOf } from './support/preview';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('in French', () => {
  it('switches to French in Settings, then receives stock in French', async () => {
    const s = await openSession(browser);
    try {
      const { page } = s;
      const settings = await openForm(s, 'menuSettings', 'select[name=language]');
      await settings.locator('select[name=language]').selectOption('fr');
      await settings.locator('input[name=currency]').press('Enter');
      await expect.poll(() => settings.locator('.message.success').innerText()).toContain('Paramètres enregistrés.');
      expect(await settings.locator('label[for]').first().innerText()).toMatch(/^langue$/i);
      expect(await settings.locator('button[data-action=save]').innerText()).toBe('Enregistrer');

      await page.locator('#reopen').click();
      await expect.poll(() => page.locator('nav.menu button[data-fn=menuReceive]').innerText()).toBe('Réceptionner du stock');
      const form = await openForm(s, 'menuReceive', 'input[name=sku]');
      expect(await page.locator('#sidebar-title').innerText()).toBe('Réceptionner du stock');
      expect(await form.locator('.entry label').first().innerText()).toMatch(/^référence ou code-barres$/i);

      const keyboard = page.keyboard;
      await keyboard.type('SOAP-LAV');
      await keyboard.press('Enter');
      await keyboard.type('abc');
      await keyboard.press('Enter');
      await keyboard.press('Control+Enter');
      await form.locator('.message.error').waitFor();
      expect(await form.locator('.message.error').innerText()).toContain("Rien n'a été enregistré.");
      expect(await form.locator('.message.error').innerText()).toContain("Ligne 1, quantité : « abc » n'est pas un nombre.");
      const line = form.locator('li.line').first();
      expect(await line.locator('[data-field=qty] .field-error').innerText()).toBe("« abc » n'est pas un nombre.");

      await keyboard.press('Control+A');
      await keyboard.type('3');
      await line.locator('input[name=unitCost]').fill('2,75');
      await expect.poll(() => textOf(form.locator('.preview'))).toContain('SOAP-LAV : +3 en A-1-1, 8,25 €');
      expect(await textOf(form.locator('.preview'))).toContain('Lignes du journal : 1. Valeur totale : 8,25 €.');
      await screenshot(s, form, 'receive-fr');
      await keyboard.press('Control+Enter');
      await form.locator('.message.success').waitFor();
      expect(await form.locator('.message.success').innerText()).toContain('Enregistré. Ce qui a changé :');
      expect(await form.locator('.message.success').innerText()).toContain('SOAP-LAV : +3 en A-1-1 (36 → 39)');
      expect(table(s, 'ledger').at(-1)).toMatchObject({ sku: 'SOAP-LAV', qty: 3, unit_cost: 2.75, bin: 'A-1-1' });
    } finally {
      await s.close();
    }
  });
});
