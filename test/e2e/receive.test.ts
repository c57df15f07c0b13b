/**
 * Receive stock, end to end: the real sidebar HTML in Chromium, google.script.run through
 * the preview shim, dist/Code.js in the sandbox, effects read from the emulated workbook.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { DEMO, openForm, openSession, screenshot, table, type Session } from './support/preview';

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

const SKU = 'input[name=sku]';

async function receiveForm(latencyMs = 0) {
  s = await openSession(browser, { latencyMs });
  const form = await openForm(s, 'menuReceive', SKU);
  return { s, form, keyboard: s.page.keyboard };
}

function receiveCalls(session: Session) {
  return session.preview.rpcLog.filter((c) => c.fn === 'receive').map((c) => c.args[0] as { requestId: string; lines: unknown[] });
}

describe('receive form', () => {
  it('receives two lines with the keyboard only: scan or type, Enter, quantity, Enter; Ctrl+Enter records', async () => {
    const { s, form, keyboard } = await receiveForm();
    const ledgerBefore = table(s, 'ledger').length;
    await expect.poll(() => form.locator(SKU).evaluate((el) => el === document.activeElement)).toBe(true);

    await keyboard.type('soap-rose');
    await keyboard.press('Enter');
    await expect.poll(() => form.locator('.entry input[name=qty]').evaluate((el) => el === document.activeElement)).toBe(true);
    await keyboard.type('6');
    await keyboard.press('Enter');
    // a barcode, as a scanner sends it, then a bin typed over the item's default
    await keyboard.type('3760000000035');
    await keyboard.press('Enter');
    await keyboard.type('4');
    await keyboard.press('Tab');
    await keyboard.type('b-9');
    await keyboard.press('Enter');

    await expect.poll(() => form.locator('li.line').count()).toBe(2);
    const preview = form.locator('.preview');
    await expect.poll(() => preview.innerText()).toContain('SOAP-ROSE: +6 in A-1-2, €12.60');
    expect(await preview.innerText()).toContain('SOAP-OAT: +4 in B-9, €7.80');
    expect(await preview.innerText()).toContain('Ledger rows: 2. Total value: €20.40.');
    await screenshot(s, form, 'receive-preview');

    await keyboard.press('Control+Enter');
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('SOAP-ROSE: +6 in A-1-2 (24 → 30)');
    expect(await success.innerText()).toContain('SOAP-OAT: +4 in B-9 (0 → 4)');
    expect(await form.locator('li.line').count()).toBe(0);
    await screenshot(s, form, 'receive-success');

    const ledger = table(s, 'ledger');
    expect(ledger.length).toBe(ledgerBefore + 2);
    expect(ledger.slice(-2)).toMatchObject([
      { type: 'receipt', sku: 'SOAP-ROSE', bin: 'A-1-2', qty: 6, unit_cost: 2.1, user: 'amira@example.com' },
      { type: 'receipt', sku: 'SOAP-OAT', bin: 'B-9', qty: 4, unit_cost: 1.95 },
    ]);
    const stock = table(s, 'stock');
    expect(stock.find((r) => r.sku === 'SOAP-ROSE' && r.bin === 'A-1-2')).toMatchObject({ qty: 30 });
    expect(stock.find((r) => r.sku === 'SOAP-OAT' && r.bin === 'B-9')).toMatchObject({ qty: 4 });
    // the page's Ledger tab shows the new rows too (display values)
    await s.page.locator('#tabs button[data-sheet="Ledger"]').click();
    await expect.poll(() => s.page.locator('table[data-table=ledger]').innerText()).toContain('SOAP-OAT');
  });

  it("shows a bad line's error at that field, writes nothing, and records once fixed with the same request id", async () => {
    const { s, form, keyboard } = await receiveForm();
    const before = JSON.stringify([table(s, 'ledger'), table(s, 'stock'), table(s, 'items')]);
    for (const [sku, qty] of [['CANDLE-FIG', '2'], ['SOAP-LAV', '0']]) {
      await keyboard.type(sku);
      await keyboard.press('Enter');
      await keyboard.type(qty);
      await keyboard.press('Enter');
    }
    await keyboard.press('Control+Enter');
    await form.locator('.message.error').waitFor();
    expect(await form.locator('.message.error').innerText()).toContain('Line 2, quantity: must be more than zero.');
    const qty2 = form.locator('li.line').nth(1).locator('[data-field=qty]');
    expect(await qty2.locator('.field-error').innerText()).toMatch(/must be more than zero/i);
    expect(await qty2.locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(await qty2.locator('input').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.locator('li.line').nth(0).locator('[aria-invalid=true]').count()).toBe(0);
    expect(JSON.stringify([table(s, 'ledger'), table(s, 'stock'), table(s, 'items')])).toBe(before);

    // the focus is on the bad quantity: type over it and submit again
    await keyboard.press('Control+A');
    await keyboard.type('3');
    expect(await qty2.locator('.field-error').isHidden()).toBe(true);
    await keyboard.press('Control+Enter');
    await form.locator('.message.success').waitFor();
    expect(table(s, 'ledger').slice(-2)).toMatchObject([{ sku: 'CANDLE-FIG', qty: 2 }, { sku: 'SOAP-LAV', qty: 3 }]);
    const calls = receiveCalls(s);
    expect(calls.length).toBe(2);
    // nothing was written under the first attempt's id, and it is the same submission: same id
    expect(calls[1].requestId).toBe(calls[0].requestId);
  });

  it('records once on a double-click of the submit button', async () => {
    const { s, form, keyboard } = await receiveForm(300);
    const rows = table(s, 'ledger').length;
    await keyboard.type('BOX-S');
    await keyboard.press('Enter');
    await keyboard.type('50');
    await keyboard.press('Enter');
    await form.locator('button[data-action=submit]').dblclick();
    await form.locator('.message.success').waitFor();
    expect(table(s, 'ledger').length).toBe(rows + 1);
    expect(receiveCalls(s).length).toBe(1);
    expect(table(s, 'stock').find((r) => r.sku === 'BOX-S')).toMatchObject({ qty: 150 });
  });

  it('keeps the request id when the answer is lost, so the retry cannot record twice; a new submission gets a new id', async () => {
    const { s, form, keyboard } = await receiveForm();
    const rows = table(s, 'ledger').length;
    await keyboard.type('ENV-PAD');
    await keyboard.press('Enter');
    await keyboard.type('25');
    await keyboard.press('Enter');
    s.preview.loseResponses(1);
    await keyboard.press('Control+Enter');
    await form.locator('.message.error').waitFor();
    expect(await form.locator('.message.error').innerText()).toContain('The server did not answer');
    // the server did record it: only the answer was lost
    expect(table(s, 'ledger').length).toBe(rows + 1);
    await form.locator('button[data-action=submit]').click();
    await form.locator('.message.success').waitFor();
    expect(await form.locator('.message.success').innerText()).toContain('Already recorded (same submission)');
    expect(table(s, 'ledger').length).toBe(rows + 1);

    await keyboard.type('ENV-PAD');
    await keyboard.press('Enter');
    await keyboard.type('5');
    await keyboard.press('Enter');
    await keyboard.press('Control+Enter');
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('ENV-PAD: +5 in D-2-1 (225 → 230)');
    const ids = receiveCalls(s).map((c) => c.requestId);
    expect(ids.length).toBe(3);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('creates a new SKU inline, with lot and expiry only for an expiry-tracked item', async () => {
    const { s, form, keyboard } = await receiveForm();
    await keyboard.type('SOAP-LAV');
    await keyboard.press('Enter');
    expect(await form.locator('.entry input[name=expiry]').isVisible()).toBe(false);
    await keyboard.press('Shift+Tab');
    await keyboard.press('Control+A');
    await keyboard.type('ARGAN-30');
    await keyboard.press('Enter');
    const panel = form.locator('.new-item');
    await panel.waitFor();
    expect(await panel.innerText()).toContain('“ARGAN-30” is not in Items yet');
    await keyboard.type('Argan oil 30 ml');
    await panel.locator('input[name="newItem.tracksExpiry"]').check();
    await keyboard.press('Enter');
    expect(await form.locator('.item-info').innerText()).toContain('Argan oil 30 ml');
    await keyboard.type('5');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.type('7,50');
    await keyboard.press('Enter');
    // no expiry yet: the form asks for it at the field and adds nothing
    const expiry = form.locator('.entry [data-field=expiry]');
    expect(await expiry.locator('.field-error').innerText()).toMatch(/expiry date/);
    await expiry.locator('input').fill('2027-05-31');
    await keyboard.press('Enter');
    await expect.poll(() => form.locator('.preview').innerText()).toContain('New item in Items: ARGAN-30 (Argan oil 30 ml)');
    expect(await form.locator('.preview').innerText()).toContain('ARGAN-30: +5 in RECEIVING, lot EXP-2027-05-31 (expires 2027-05-31), €37.50');
    await keyboard.press('Control+Enter');
    await form.locator('.message.success').waitFor();
    expect(await form.locator('.message.success').innerText()).toContain('New item ARGAN-30: Argan oil 30 ml');
    expect(table(s, 'items').find((i) => i.sku === 'ARGAN-30')).toMatchObject({ name: 'Argan oil 30 ml', tracks_expiry: true, unit_cost: 7.5 });
    expect(table(s, 'ledger').at(-1)).toMatchObject({ sku: 'ARGAN-30', bin: 'RECEIVING', lot: 'EXP-2027-05-31', expiry: '2027-05-31', qty: 5 });
  });

  it('suggests items by SKU or name as you type; the arrows and Enter take one', async () => {
    const { form, keyboard } = await receiveForm();
    await keyboard.type('cream');
    const list = form.locator('[data-field=sku] ul.suggestions');
    await list.waitFor();
    expect(await list.locator('li').allInnerTexts()).toEqual([expect.stringContaining('CREAM-50')]);
    await keyboard.type('x');
    expect(await list.isHidden()).toBe(true);
    await keyboard.press('Backspace');
    await keyboard.press('ArrowDown');
    expect(await list.locator('li[aria-selected=true]').count()).toBe(1);
    await keyboard.press('Enter');
    expect(await form.locator(SKU).inputValue()).toBe('CREAM-50');
    expect(await form.locator('.item-info').innerText()).toContain('Face cream 50 ml');
    // an expiry-tracked item: lot and expiry appear, and the quantity has the focus
    expect(await form.locator('.entry input[name=expiry]').isVisible()).toBe(true);
    expect(await form.locator('.entry input[name=qty]').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("records the user chosen in the preview's switch", async () => {
    const { s, form, keyboard } = await receiveForm();
    await s.page.locator('#user').selectOption('raj@example.com');
    await expect.poll(() => s.preview.user).toBe('raj@example.com');
    await form.locator(SKU).focus();
    await keyboard.type('BALM-LIP');
    await keyboard.press('Enter');
    await keyboard.type('10');
    await keyboard.press('Enter');
    await keyboard.press('Control+Enter');
    await form.locator('.message.success').waitFor();
    expect(table(s, 'ledger').at(-1)).toMatchObject({ sku: 'BALM-LIP', qty: 10, user: 'raj@example.com' });
  });

  it('says what to do when the sheet is not set up yet', async () => {
    s = await openSession(browser, { scenario: { ...DEMO, calls: [] } });
    const form = await openForm(s, 'menuReceive', '.message.error');
    expect(await form.locator('.message.error').innerText()).toContain('choose "Set up this sheet"');
    expect(await form.locator('input').count()).toBe(0);
  });
});
