/**
 * Settings for carrier tracking and alerts, end to end: the provider, the low-stock email
 * recipients (each address checked, the bad one named at its field) and the parcel
 * statuses customers hear about go to the Settings tab; the API key goes to document
 * properties only, comes back masked, and "Test connection" asks the provider (an
 * emulator HTTP route) with it. The key never appears in any cell, nor in the form.
 */
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

const KEY = 'sk-live-7f3a9c0e1234';
const setting = (rows: Record<string, unknown>[], key: string) => rows.find((r) => r.key === key)?.value;

describe('tracking and alert settings', () => {
  it('saves provider, recipients and statuses; saves the API key masked; tests the connection; the key is in no cell', async () => {
    const s = await openSession(browser);
    try {
      const { emu } = s.preview;
      let answer: { status: number; body: object } = { status: 200, body: { code: 0, data: { accepted: [], rejected: [] } } };
      emu.http.route('https://api.17track.net/', () => answer);
      const form = await openForm(s, 'menuSettings', 'select[name=trackingProvider]');
      const key = form.locator('section.tracking-key');
      expect(await key.locator('h2').innerText()).toBe('Tracking API key');
      expect(await key.locator('.key-saved').innerText()).toBe('Choose a tracking service above first.');
      expect(await form.locator('input[name=apiKey]').isDisabled()).toBe(true);

      await form.locator('select[name=trackingProvider]').selectOption('17track');
      expect(await key.locator('h2').innerText()).toBe('17TRACK API key');
      expect(await key.locator('.key-saved').innerText()).toBe('No key saved yet.');
      await form.locator('input[name=alertRecipients]').fill('amira@example.com, raj@example');
      await form.locator('input[value=delivered]').check();
      await form.locator('input[value=exception]').check();
      const before = table(s, 'settings');
      await form.locator('button[data-action=save]').click();
      await form.locator('.message.error').waitFor();
      expect(await form.locator('[data-field=alertRecipients] .field-error').innerText()).toBe('"raj@example" is not an email address.');
      expect(await form.locator('input[name=alertRecipients]').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(table(s, 'settings')).toEqual(before);

      await form.locator('input[name=alertRecipients]').fill('amira@example.com; raj@example.com');
      await form.locator('input[name=alertRecipients]').press('Enter');
      await expect.poll(() => form.locator('.messages').innerText()).toContain('Settings saved.');
      const after = table(s, 'settings');
      expect(setting(after, 'tracking_provider')).toBe('17track');
      expect(setting(after, 'alert_recipients')).toBe('amira@example.com, raj@example.com');
      expect(setting(after, 'notify_status_changes')).toBe('delivered, exception');
      // the form shows what is saved
      expect(await form.locator('select[name=trackingProvider]').inputValue()).toBe('17track');
      expect(await form.locator('input[value=delivered]').isChecked()).toBe(true);
      expect(await form.locator('input[value=out_for_delivery]').isChecked()).toBe(false);

      // the key: a password field, sent once, shown masked, never echoed
      const input = form.locator('input[name=apiKey]');
      expect(await input.getAttribute('type')).toBe('password');
      await input.fill(KEY);
      await input.press('Enter');
      await expect.poll(() => form.locator('.message.success').innerText()).toContain('API key for 17track saved (••••1234).');
      expect(await input.inputValue()).toBe('');
      expect(await key.locator('.key-saved').innerText()).toBe('Saved key: ••••1234. Type a new one to replace it.');
      expect(await input.getAttribute('placeholder')).toBe('••••1234');
      expect(emu.documentProperties()['tracking_key:17track']).toBe(KEY);
      // the form drawn again after a save still shows the key as saved
      await form.locator('button[data-action=save]').click();
      await expect.poll(() => form.locator('.messages').innerText()).toContain('Settings saved.');
      expect(await form.locator('section.tracking-key .key-saved').innerText()).toBe('Saved key: ••••1234. Type a new one to replace it.');

      // test connection: the saved key goes to the provider, the answer is shown
      await key.locator('button[data-action=test-connection]').click();
      const result = key.locator('.test-result');
      await expect.poll(() => result.getAttribute('data-ok')).toBe('true');
      expect(await result.innerText()).toBe('17track answered: the key works.');
      const sent = emu.http.requests.at(-1);
      expect(sent?.url).toContain('https://api.17track.net/');
      expect(JSON.stringify(sent?.headers)).toContain(KEY);
      await screenshot(s, form, 'settings-tracking');

      answer = { status: 401, body: { code: -18010012, data: { errors: [{ code: -18010012, message: 'invalid key' }] } } };
      await key.locator('button[data-action=test-connection]').click();
      await expect.poll(() => result.getAttribute('data-ok')).toBe('false');
      expect(await result.innerText()).toBe('17track refused the key or did not answer (HTTP 401).');

      // nowhere in the workbook, nor in the form's page
      const cells = emu.book.sheets.map((sheet) => JSON.stringify([sheet.values(), sheet.displayValues()])).join('\n');
      expect(cells).not.toContain(KEY);
      expect(cells).not.toContain('7f3a9c0e');
      expect(await form.locator('html').evaluate((el) => el.outerHTML)).not.toContain(KEY);
      expect(JSON.stringify(s.preview.rpcLog.filter((c) => c.fn !== 'saveTrackingKey'))).not.toContain(KEY);
    } finally {
      await s.close();
    }
  });
});
