/**
 * The hourly checks switch in Settings, end to end: off at first; Turn on installs one
 * trigger for the user; a teammate sees who owns it and can only ask it to stop; after a
 * run, the last run is shown.
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

describe('hourly checks in Settings', () => {
  it('turns them on for the user, shows the owner to a teammate, and the last run', async () => {
    const s = await openSession(browser);
    try {
      const { emu } = s.preview;
      let form = await openForm(s, 'menuSettings', '.hourly-status');
      expect(await form.locator('.hourly-status').innerText()).toBe('Hourly checks are off.');
      expect(await form.locator('button[data-action=hourly-on]').innerText()).toBe('Turn on');

      await form.locator('button[data-action=hourly-on]').click();
      await expect.poll(() => form.locator('.hourly-status').innerText()).toBe('Hourly checks are on, run by your Google account.');
      expect(await form.locator('.message.success').innerText()).toContain('Hourly checks are on, run by your Google account.');
      expect(await form.locator('button[data-action=hourly-off]').innerText()).toBe('Turn off');
      expect(emu.triggers.map((x) => [x.user, x.functionName, x.everyMs])).toEqual([['amira@example.com', 'runHourly', 3600000]]);
      await screenshot(s, form, 'settings-hourly');

      // an hour later the trigger runs; the form then shows the last run
      emu.clock.advance(3600 * 1000);
      expect(emu.fireDueTriggers(s.preview.sandbox)).toHaveLength(1);
      expect(table(s, 'log').at(-1)).toMatchObject({ event: 'hourly' });

      // a teammate sees whose trigger it is, and can only ask it to stop
      await s.page.locator('#user').selectOption('raj@example.com');
      await expect.poll(() => s.preview.user).toBe('raj@example.com');
      form = await openForm(s, 'menuSettings', '.hourly-status');
      expect(await form.locator('.hourly-status').innerText()).toContain('Hourly checks are on, owned by amira@example.com.');
      expect(await form.locator('[data-last-run=ok]').innerText()).toMatch(/^Last run .+: Stock status: /);
      expect(await form.locator('button[data-action=hourly-off]').innerText()).toBe('Ask to stop');
      await form.locator('button[data-action=hourly-off]').click();
      await expect.poll(() => form.locator('.hourly-status').innerText()).toContain('will stop at their next run (raj@example.com turned them off)');
      expect(emu.triggers).toHaveLength(1);
      expect(await form.locator('button[data-action=hourly-on]').innerText()).toBe('Turn on');
    } finally {
      await s.close();
    }
  });
});
