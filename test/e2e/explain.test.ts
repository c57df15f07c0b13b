/**
 * "Explain this number", end to end: a Stock cell selected in the sheet (emu.book.setActive),
 * the sidebar shows the Ledger rows behind it newest first, with their references and the
 * balance after each, ten at a time; elsewhere it says to select a Stock cell and explains
 * the place typed in its fields.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, textOf, type Session } from './support/preview';
import { withCalls } from './support/scenarios';
import { tableSheet } from '../../tools/tables';
import { FIRST_DATA_ROW } from '../../src/sheets/schema';

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

/** Eleven more small receipts of lavender soap into A-1-1: 13 rows at that place, two pages. */
const MANY = withCalls(...Array.from({ length: 11 }, (_, i) => ({
  fn: 'receive', now: `2026-01-07T09:${String(10 + i)}:00Z`, args: [{ requestId: `e2e-more-${i + 1}`, supplierRef: `DN-${i + 1}`, lines: [{ sku: 'SOAP-LAV', qty: 1 }] }],
})));

/** Select a cell of the Stock row of a SKU and bin, as the user would in the sheet. */
function selectStock(session: Session, sku: string, bin: string): void {
  const book = session.preview.emu.book;
  const index = table(session, 'stock').findIndex((r) => r.sku === sku && r.bin === bin && r.state === 'available');
  expect(index).toBeGreaterThanOrEqual(0);
  book.setActive((tableSheet(book, 'stock') as { name: string }).name, `F${index + FIRST_DATA_ROW}`);
}

describe('explain this number', () => {
  it('explains the selected Stock cell: its rows newest first with references and balances, then more', async () => {
    s = await openSession(browser, { scenario: MANY });
    selectStock(s, 'SOAP-LAV', 'A-1-1');
    const form = await openForm(s, 'menuExplain', '.explain section');
    const result = form.locator('.explain');
    expect(await result.locator('h2').innerText()).toBe('SOAP-LAV Lavender soap 100 g');
    expect(await result.locator('.place').innerText()).toBe('A-1-1 · Available');
    expect(await textOf(result.locator('.now'))).toBe('Now: 47, worth €98.70.');
    const rows = result.locator('li.movement');
    expect(await rows.count()).toBe(10);
    const newest = rows.first();
    expect(await newest.locator('.line-title').innerText()).toBe('Receipt +1');
    expect(await newest.locator('.balance').innerText()).toBe('balance 47');
    expect(await newest.locator('.reference').innerText()).toBe('Reference DN-11');
    expect(await newest.getAttribute('data-movement')).toBe(String(table(s, 'ledger').at(-1)?.movement_id));
    expect(await newest.locator('.item-info').innerText()).toContain('amira@example.com');
    await screenshot(s, form, 'explain');

    // the next page: the three oldest rows, down to the first receipt of 24
    await result.locator('button[data-action=more]').click();
    await expect.poll(() => rows.count()).toBe(13);
    expect(await result.locator('button[data-action=more]').isHidden()).toBe(true);
    expect(await rows.nth(10).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await rows.last().locator('.line-title').innerText()).toBe('Receipt +24');
    expect(await rows.last().locator('.balance').innerText()).toBe('balance 24');
    expect(await rows.last().locator('.reference').innerText()).toBe('Reference INV-2026-001');
    expect(await rows.nth(11).locator('.item-info').innerText()).toContain('raj@example.com');
    const calls = s.preview.rpcLog.filter((c) => c.fn === 'explainSelection').map((c) => c.args[0]);
    expect(calls).toEqual([{ page: 1, pageSize: 10 }, { page: 2, pageSize: 10 }]);
  });

  it('says to select a Stock cell when the selection is elsewhere, explains a place typed in, then the selection again', async () => {
    s = await openSession(browser);
    s.preview.emu.book.setActive((tableSheet(s.preview.emu.book, 'items') as { name: string }).name, 'A3');
    const form = await openForm(s, 'menuExplain', 'input[name=sku]');
    await expect.poll(() => form.locator('.message.info').innerText()).toBe('Select a cell of a row of the Stock tab first.');
    expect(await form.locator('input[name=sku]').evaluate((el) => el === document.activeElement)).toBe(true);

    await s.page.keyboard.type('soap-rose');
    await form.locator('input[name=bin]').fill('a-1-2');
    await form.locator('input[name=bin]').press('Enter');
    const result = form.locator('.explain');
    await expect.poll(() => result.locator('h2').innerText()).toBe('SOAP-ROSE Rose soap 100 g');
    expect(await result.locator('li.movement').count()).toBe(1);
    expect(await result.locator('button[data-action=more]').isHidden()).toBe(true);

    // an unknown SKU: said at the field
    await form.locator('input[name=sku]').fill('NOPE');
    await form.locator('button[data-action=explain]').click();
    await expect.poll(() => form.locator('[data-field=sku] .field-error').innerText()).toContain('No item has the SKU or barcode "NOPE"');

    // the user selects a Stock cell and asks again
    selectStock(s, 'CANDLE-FIG', 'C-1-1');
    await form.locator('button[data-action=selection]').click();
    await expect.poll(() => result.locator('h2').innerText()).toBe('CANDLE-FIG Fig candle 180 g');
    expect(await form.locator('input[name=sku]').inputValue()).toBe('CANDLE-FIG');
  });
});
