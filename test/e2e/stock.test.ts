/**
 * Stock adjustments, end to end: a write-off typed with the keyboard (with a reason), an
 * expiring lot sent to damaged with one button, a move between bins, and that move voided
 * by its id. Effects are read from the Ledger and Stock tabs.
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

const level = (session: Session, sku: string, bin: string, state = 'available') => table(session, 'stock').find((r) => r.sku === sku && r.bin === bin && r.state === state)?.qty;

describe('stock adjustments form', () => {
  it('writes stock off from the keyboard with a reason, and says what it will do first', async () => {
    s = await openSession(browser);
    const form = await openForm(s, 'menuStock', 'input[name=sku]');
    const keyboard = s.page.keyboard;
    await expect.poll(() => form.locator('[data-panel=writeOff] input[name=sku]').evaluate((el) => el === document.activeElement)).toBe(true);
    await keyboard.type('CANDLE-FIG');
    await keyboard.press('Enter');
    await keyboard.type('c-1-1');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.type('2');
    await keyboard.press('Enter');
    const panel = form.locator('[data-panel=writeOff]');
    await expect.poll(() => panel.locator('li.line').count()).toBe(1);
    await panel.locator('select[name=reason]').selectOption('theft');
    expect(await panel.locator('.preview').innerText()).toBe('CANDLE-FIG: −2 from C-1-1 (Available), Theft');
    await screenshot(s, form, 'stock-write-off');
    await keyboard.press('Control+Enter');
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('CANDLE-FIG: 2 written off from C-1-1 (Available), Theft.');
    expect(table(s, 'ledger').at(-1)).toMatchObject({ type: 'write_off', sku: 'CANDLE-FIG', bin: 'C-1-1', qty: -2, ref_type: 'reason', ref_id: 'theft' });
    expect(level(s, 'CANDLE-FIG', 'C-1-1')).toBe(6);
    expect(await panel.locator('li.line').count()).toBe(0);

    // more than there is: the error at the line, nothing written
    const rows = table(s, 'ledger').length;
    await panel.locator('input[name=sku]').fill('CANDLE-FIG');
    await panel.locator('input[name=bin]').fill('C-1-1');
    await panel.locator('.entry input[name=qty]').fill('50');
    await panel.locator('button[data-action=write-off]').click();
    await form.locator('.message.error').waitFor();
    expect(await form.locator('.message.error').innerText()).toContain('Line 1, quantity: only 6 of CANDLE-FIG in C-1-1 (available); 50 needed.');
    const qty = panel.locator('li.line [data-field=qty]');
    expect(await qty.locator('.field-error').innerText()).toBe('Only 6 of CANDLE-FIG in C-1-1 (available); 50 needed. Stock never goes below zero.');
    expect(await qty.locator('input').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(table(s, 'ledger').length).toBe(rows);
  });

  it('sends an expiring lot to damaged, moves stock between bins, and voids that move by its id', async () => {
    s = await openSession(browser);
    const form = await openForm(s, 'menuStock', 'input[name=sku]');
    await form.locator('[role=tab][data-tab=expiring]').click();
    const expiring = form.locator('[data-panel=expiring]');
    await expiring.locator('input[name=days]').waitFor();
    await expect.poll(() => expiring.locator('input[name=days]').inputValue()).toBe('30');
    await expiring.locator('input[name=days]').fill('365');
    await expiring.locator('input[name=days]').press('Enter');
    const serum = expiring.locator('li.lot[data-sku=SERUM-30]');
    await serum.waitFor();
    expect(await serum.innerText()).toContain('Lot S2611A, 2026-11-30');
    await serum.locator('button[data-action=damage]').click();
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('Moved to damaged.');
    expect(level(s, 'SERUM-30', 'A-2-2', 'damaged')).toBe(10);
    expect(level(s, 'SERUM-30', 'A-2-2')).toBe(0);
    // still listed (damaged lots can be written off), without "to damaged"
    await expect.poll(() => serum.locator('button[data-action=damage]').count()).toBe(0);

    await form.locator('[role=tab][data-tab=move]').click();
    const move = form.locator('[data-panel=move]');
    await move.locator('input[name=sku]').fill('BALM-LIP');
    await move.locator('input[name=bin]').fill('B-1-1');
    await move.locator('.entry input[name=qty]').fill('5');
    await move.locator('button[data-action=add-line]').click();
    await move.locator('li.line input[name=toBin]').fill('b-1-9');
    expect(await move.locator('.preview').innerText()).toBe('BALM-LIP: 5 from B-1-1 (Available) to B-1-9 (Available)');
    await move.locator('button[data-action=move]').click();
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('BALM-LIP: 5 moved from B-1-1 (Available) to B-1-9 (Available).');
    expect([level(s, 'BALM-LIP', 'B-1-1'), level(s, 'BALM-LIP', 'B-1-9')]).toEqual([35, 5]);
    const moveId = String(table(s, 'ledger').at(-1)?.movement_id);

    await form.locator('[role=tab][data-tab=void]').click();
    const voids = form.locator('[data-panel=void]');
    await voids.locator('input[name=movementId]').fill(moveId.toLowerCase());
    await voids.locator('input[name=note]').fill('wrong shelf');
    await voids.locator('input[name=note]').press('Enter');
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('voided: 2 reversal rows added to the Ledger.');
    expect(table(s, 'ledger').slice(-2).map((r) => [r.type, r.bin, r.qty, r.note])).toEqual([['reversal', 'B-1-9', -5, 'wrong shelf'], ['reversal', 'B-1-1', 5, 'wrong shelf']]);
    expect([level(s, 'BALM-LIP', 'B-1-1'), level(s, 'BALM-LIP', 'B-1-9')]).toEqual([40, 0]);
  });
});
