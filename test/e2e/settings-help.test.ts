/** Settings (validated by the server, errors at their fields) and Help, end to end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table } from './support/preview';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const setting = (rows: Record<string, unknown>[], key: string) => rows.find((r) => r.key === key)?.value;

describe('settings sidebar', () => {
  it('shows each invalid value at its field, saves nothing, then saves the corrected values', async () => {
    const s = await openSession(browser);
    try {
      const form = await openForm(s, 'menuSettings', 'input[name=currency]');
      expect(await form.locator('input[name=currency]').inputValue()).toBe('EUR');
      expect(await form.locator('input[name=defaultBin]').inputValue()).toBe('RECEIVING');
      await screenshot(s, form, 'settings');

      const before = table(s, 'settings');
      await form.locator('input[name=currency]').fill('EURO');
      await form.locator('input[name=defaultBin]').fill('X'.repeat(65));
      await form.locator('button[data-action=save]').click();
      await form.locator('.messages .message.error').waitFor();
      expect(await form.locator('.messages').innerText()).toContain('Nothing was saved.');
      expect(await form.locator('[data-field=currency] .field-error').innerText()).toBe('"EURO" is not one of: EUR, USD, GBP, INR, ….');
      expect(await form.locator('[data-field=defaultBin] .field-error').innerText()).toBe('Is too long (at most 64 characters).');
      expect(await form.locator('input[name=currency]').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(table(s, 'settings')).toEqual(before);

      await form.locator('input[name=currency]').fill('usd');
      await form.locator('input[name=defaultBin]').fill('dock-1');
      await form.locator('input[name=defaultBin]').press('Enter');
      await expect.poll(() => form.locator('.messages').innerText()).toContain('Settings saved.');
      expect(await form.locator('input[name=currency]').inputValue()).toBe('USD');
      const after = table(s, 'settings');
      expect(setting(after, 'currency')).toBe('USD');
      expect(setting(after, 'default_bin')).toBe('DOCK-1');
    } finally {
      await s.close();
    }
  });
});

describe('help sidebar', () => {
  it('explains each tab and gives a short guide, without links', async () => {
    const s = await openSession(browser);
    try {
      const form = await openForm(s, 'menuHelp', 'dl.help');
      expect(await form.locator('h2').first().innerText()).toBe('How this sheet works');
      expect(await form.locator('ol.guide li').count()).toBe(5);
      const tabs = await form.locator('dl.help dt').allInnerTexts();
      expect(tabs).toEqual(expect.arrayContaining(['Items', 'Ledger', 'Stock', 'Stock summary', 'Settings', 'Log']));
      expect(await form.locator('a').count()).toBe(0);
      await screenshot(s, form, 'help');
    } finally {
      await s.close();
    }
  });
});
