/**
 * Cycle counts, end to end: a blind count sheet for a bin range, counted quantities typed
 * with the keyboard only (Enter and Tab to the next line, Ctrl+Enter submits), the count
 * movements in the Ledger and the Counts tab; a line far from the expected quantity asks
 * for a recount, a line whose place moved meanwhile is shown stale with the movement in
 * between, and both post once counted again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, type Session } from './support/preview';

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

const focusedName = (session: Session) => session.page.frameLocator('#sidebar-frame').locator(':focus').evaluate((el) => `${el.closest('li')?.getAttribute('data-line') ?? ''}:${el.getAttribute('name') ?? el.getAttribute('data-action')}`);

describe('count form', () => {
  it('makes a blind count sheet for a bin range, takes the counts from the keyboard, and posts the variances', async () => {
    s = await openSession(browser);
    const form = await openForm(s, 'menuCount', 'input[name=binFrom]');
    const keyboard = s.page.keyboard;
    expect(await form.locator('input[name=blind]').isChecked()).toBe(true);
    await form.locator('input[name=binFrom]').fill('a-1-1');
    await form.locator('input[name=binTo]').fill('A-1-3');
    await form.locator('input[name=binTo]').press('Enter');
    const sheet = form.locator('section.count-sheet');
    await sheet.waitFor();
    expect(await sheet.getAttribute('data-count')).toBe('CNT-00001');
    expect(await sheet.locator('li.count-line').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-bin')} ${e.getAttribute('data-sku')}`))).toEqual([
      'A-1-1 SOAP-LAV', 'A-1-2 SOAP-ROSE', 'A-1-3 SOAP-OAT',
    ]);
    // blind: no expected quantity anywhere in the form
    expect(await sheet.locator('.expected').count()).toBe(0);
    expect(await sheet.innerText()).not.toContain('Expected');
    expect(table(s, 'counts').map((r) => [r.count_id, r.bin, r.sku, r.expected, r.status])).toEqual([
      ['CNT-00001', 'A-1-1', 'SOAP-LAV', 36, 'open'], ['CNT-00001', 'A-1-2', 'SOAP-ROSE', 24, 'open'], ['CNT-00001', 'A-1-3', 'SOAP-OAT', 18, 'open'],
    ]);

    await expect.poll(() => focusedName(s as Session)).toBe('1:counted');
    await keyboard.type('36');
    await keyboard.press('Enter');
    expect(await focusedName(s)).toBe('2:counted');
    await keyboard.type('23');
    await keyboard.press('Tab');
    expect(await focusedName(s)).toBe('3:counted');
    await keyboard.type('17');
    await keyboard.press('Enter');
    expect(await focusedName(s)).toBe(':submit-count');
    expect(await sheet.locator('.preview').innerText()).toBe('Counted: 3 of 3 lines to count.');
    await screenshot(s, form, 'count-sheet');
    const ledgerBefore = table(s, 'ledger').length;
    await keyboard.press('Control+Enter');
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Count CNT-00001 complete. What changed:');
    expect(await success.innerText()).toContain('Count CNT-00001: 3 posted, 0 to recount, 0 moved since.');
    expect(await success.innerText()).toMatch(/Value of the differences posted: -€4\.05\./);

    const ledger = table(s, 'ledger');
    expect(ledger.slice(ledgerBefore).map((r) => [r.type, r.sku, r.bin, r.state, r.qty, r.ref_type, r.ref_id])).toEqual([
      ['count', 'SOAP-ROSE', 'A-1-2', 'available', -1, 'count', 'CNT-00001'],
      ['count', 'SOAP-OAT', 'A-1-3', 'available', -1, 'count', 'CNT-00001'],
    ]);
    expect(table(s, 'counts').map((r) => [r.sku, r.counted, r.variance, r.status])).toEqual([
      ['SOAP-LAV', 36, 0, 'posted'], ['SOAP-ROSE', 23, -1, 'posted'], ['SOAP-OAT', 17, -1, 'posted'],
    ]);
    expect(table(s, 'stock').find((r) => r.sku === 'SOAP-ROSE' && r.bin === 'A-1-2')).toMatchObject({ qty: 23 });
    // per line, in plain words; the lines are closed
    expect(await sheet.locator('li[data-line="2"] .count-status').innerText()).toBe('Posted');
    expect(await sheet.locator('li[data-line="2"] .count-outcome').innerText()).toBe('Posted: counted 23, expected 24, difference -1.');
    expect(await sheet.locator('li[data-line="1"] .count-outcome').innerText()).toBe('Posted: 36, as expected.');
    expect(await sheet.locator('input[name=counted]:enabled').count()).toBe(0);
    await expect.poll(() => focusedName(s as Session)).toBe(':new-count');
  });

  it('asks for a recount when far off, shows a line that moved meanwhile with that movement, and posts both once counted again', async () => {
    s = await openSession(browser);
    const form = await openForm(s, 'menuCount', 'input[name=binFrom]');
    await form.locator('input[name=binFrom]').fill('A-1-2');
    await form.locator('input[name=binTo]').fill('A-1-3');
    await form.locator('input[name=blind]').uncheck();
    await form.locator('button[data-action=make-sheet]').click();
    const sheet = form.locator('section.count-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('li[data-line="1"] .expected').innerText()).toBe('Expected 24 pc');

    // meanwhile a teammate receives into A-1-3
    const moved = s.preview.sandbox.call('receive', [{ requestId: 'raj-1', lines: [{ sku: 'SOAP-OAT', bin: 'A-1-3', qty: 2 }] }], { user: 'raj@example.com' }) as { ok: boolean; value: { movementIds: string[] } };
    expect(moved.ok).toBe(true);

    const keyboard = s.page.keyboard;
    await expect.poll(() => focusedName(s as Session)).toBe('1:counted');
    await keyboard.type('30');
    await keyboard.press('Enter');
    await keyboard.type('18');
    await keyboard.press('Control+Enter');
    // not a success: a note saying what to count again
    const note = form.locator('.message.info');
    await note.waitFor();
    expect(await note.innerText()).toContain('Count CNT-00001: 2 lines still to count.');
    expect(await note.innerText()).toContain('Line 1 (SOAP-ROSE in A-1-2) is far from the expected quantity');
    const rose = sheet.locator('li[data-line="1"]');
    const oat = sheet.locator('li[data-line="2"]');
    expect(await rose.locator('.count-status').innerText()).toBe('Recount');
    expect(await rose.locator('.count-outcome').innerText()).toBe('Line 1 (SOAP-ROSE in A-1-2) is far from the expected quantity: count it again and submit.');
    expect(await oat.locator('.count-status').innerText()).toBe('Moved since: count again');
    expect(await oat.locator('.count-outcome').innerText()).toContain('Line 2 (SOAP-OAT in A-1-3) moved while it was counted (1 movements): count it again.');
    expect(await oat.locator('.movements li').innerText()).toMatch(new RegExp(`raj@example\\.com: Receipt \\+2 \\(${moved.value.movementIds[0]}\\)$`));
    expect(table(s, 'ledger').filter((r) => r.type === 'count')).toEqual([]);
    expect(table(s, 'counts').map((r) => [r.sku, r.status])).toEqual([['SOAP-ROSE', 'recount'], ['SOAP-OAT', 'stale']]);
    // the boxes are emptied for the new count, the first one has the focus
    expect(await focusedName(s)).toBe('1:counted');
    expect(await rose.locator('input[name=counted]').inputValue()).toBe('');
    await screenshot(s, form, 'count-recount');

    await keyboard.type('30');
    await keyboard.press('Enter');
    await keyboard.type('20');
    await keyboard.press('Control+Enter');
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('Count CNT-00001 complete.');
    expect(table(s, 'ledger').filter((r) => r.type === 'count').map((r) => [r.sku, r.qty])).toEqual([['SOAP-ROSE', 6]]);
    expect(table(s, 'counts').map((r) => [r.sku, r.counted, r.variance, r.status])).toEqual([['SOAP-ROSE', 30, 6, 'posted'], ['SOAP-OAT', 20, 0, 'posted']]);
    // two submissions, two request ids
    const ids = s.preview.rpcLog.filter((c) => c.fn === 'submitCount').map((c) => (c.args[0] as { requestId: string }).requestId);
    expect(new Set(ids).size).toBe(2);
  });
  it('adds an item found at a place the sheet does not list, with the suggestions, an error at its field, and posts it as a count gain', async () => {
    s = await openSession(browser);
    const form = await openForm(s, 'menuCount', 'input[name=binFrom]');
    await form.locator('input[name=binFrom]').fill('A-1-1');
    await form.locator('input[name=binTo]').fill('A-1-1');
    await form.locator('button[data-action=make-sheet]').click();
    const sheet = form.locator('section.count-sheet');
    await sheet.waitFor();
    await sheet.locator('li[data-line="1"] input[name=counted]').fill('36');
    // nothing found yet: no found line until asked
    expect(await sheet.locator('li.found-line').count()).toBe(0);
    await sheet.locator('button[data-action=add-found]').click();
    const found = sheet.locator('li.found-line').first();
    const sku = found.locator('input[name="found.sku"]');
    await expect.poll(() => sku.evaluate((el) => el === document.activeElement)).toBe(true);
    await sku.pressSequentially('soap-l');
    await found.locator('.suggestions li', { hasText: 'SOAP-LAV' }).first().waitFor();
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    expect(await sku.inputValue()).toBe('SOAP-LAV');
    // not expiry-tracked: no expiry or lot
    expect(await found.locator('input[name="found.expiry"]').isVisible()).toBe(false);
    await found.locator('input[name="found.bin"]').fill('A-1-1');
    await found.locator('input[name="found.counted"]').fill('5');
    // a second found line, removed again
    await sheet.locator('button[data-action=add-found]').click();
    expect(await sheet.locator('li.found-line').count()).toBe(2);
    await sheet.locator('li.found-line').nth(1).locator('button[data-action=remove-found]').click();
    expect(await sheet.locator('li.found-line').count()).toBe(1);

    const ledgerBefore = table(s, 'ledger').length;
    await form.locator('button[data-action=submit-count]').click();
    // the place is the sheet's line 1: refused, the error next to the found line's SKU
    await form.locator('.message.error').waitFor();
    expect(await found.locator('[data-field="found.sku"] .field-error').innerText()).toContain('SOAP-LAV in A-1-1 is counted on line 1 of the sheet in this same submission');
    expect(table(s, 'ledger').length).toBe(ledgerBefore);

    await found.locator('input[name="found.bin"]').fill('b-2');
    await form.locator('button[data-action=submit-count]').click();
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Found 5 of SOAP-LAV in B-2: added to stock.');
    const rows = table(s, 'ledger').slice(ledgerBefore);
    expect(rows.map((r) => [r.type, r.sku, r.bin, r.state, r.qty, r.ref_type, r.ref_id])).toEqual([['count', 'SOAP-LAV', 'B-2', 'available', 5, 'count', 'CNT-00001']]);
    expect(rows[0].value).toBeGreaterThan(0);
    expect(table(s, 'stock').find((r) => r.sku === 'SOAP-LAV' && r.bin === 'B-2')).toMatchObject({ qty: 5, state: 'available' });
    expect(await found.locator('.count-outcome').innerText()).toMatch(/^Posted: found 5, value €\d+\.\d\d\.$/);
    expect(await found.locator('input[name="found.sku"]').isDisabled()).toBe(true);
    await screenshot(s, form, 'count-found');
  });
});
