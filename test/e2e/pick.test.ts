/**
 * Pick list, end to end: a list built from seeded orders, walked in rack order (A-2-9
 * before A-2-10) with totes, confirmed with the keyboard with one line short; the effects
 * are read from the emulated workbook (ledger pick rows, Orders statuses, Stock in the
 * picked state), not only from the success text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, type Session } from './support/preview';
import { ORDERS_TO_PICK } from './support/scenarios';

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

const focused = (loc: { evaluate: (fn: (el: Element) => boolean) => Promise<boolean> }) => loc.evaluate((el) => el === document.activeElement);

describe('pick list form', () => {
  it('builds a list sorted by rack path with totes, and confirms a short line with the keyboard', async () => {
    s = await openSession(browser, { scenario: ORDERS_TO_PICK });
    const form = await openForm(s, 'menuPick', 'button[data-action=build]');
    const ledgerBefore = table(s, 'ledger').length;
    await form.locator('button[data-action=build]').click();
    const list = form.locator('[data-pick-list=PL-00001]');
    await list.waitFor();
    expect(await form.locator('.message.success').innerText()).toContain('Pick list PL-00001: 4 lines for 2 orders.');

    // the walk: one trip through the racks, A-2-9 before A-2-10
    const lines = list.locator('li.walk-line');
    expect(await lines.evaluateAll((els) => els.map((e) => [e.getAttribute('data-seq'), e.getAttribute('data-bin'), e.getAttribute('data-sku')]))).toEqual([
      ['1', 'A-1-1', 'SOAP-LAV'], ['2', 'A-1-2', 'SOAP-ROSE'], ['3', 'A-2-9', 'DISH-CED'], ['4', 'A-2-10', 'TOWEL-SAGE'],
    ]);
    expect(await lines.nth(3).locator('.item-info').innerText()).toBe('Linen tea towel sage');
    expect(await lines.nth(3).locator('.totes-text').innerText()).toBe('T1×2 T2×1');
    expect(await list.locator('.totes li').allInnerTexts()).toEqual(['T1: order #A', 'T2: order #B']);
    expect(await list.locator('.print-hint').innerText()).toContain('The Pick lists tab holds this list');
    // the printable version is there, in the same order
    expect(table(s, 'pick_lists').map((r) => [r.seq, r.bin, r.sku, r.qty])).toEqual([
      [1, 'A-1-1', 'SOAP-LAV', 2], [2, 'A-1-2', 'SOAP-ROSE', 3], [3, 'A-2-9', 'DISH-CED', 1], [4, 'A-2-10', 'TOWEL-SAGE', 3],
    ]);
    expect(table(s, 'orders').map((l) => l.status)).toEqual(['picking', 'picking', 'picking', 'picking', 'picking']);
    await screenshot(s, form, 'pick-list');

    // keyboard only: the first picked quantity has the focus, Tab goes from one to the next
    const picked = (i: number) => lines.nth(i).locator('input[name=picked]');
    await expect.poll(() => focused(picked(0))).toBe(true);
    expect(await picked(0).inputValue()).toBe('2');
    const keyboard = s.page.keyboard;
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    expect(await focused(picked(3))).toBe(true);
    await keyboard.type('2');
    await expect.poll(() => lines.nth(3).locator('.short-hint').innerText()).toContain('Short by 1');
    expect(await list.locator('.preview').innerText()).toBe('Units moving from Available to Picked: 8. Short lines: 1.');
    await keyboard.press('Control+Enter');

    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Pick confirmed. Short lines: 1;');
    expect(await success.innerText()).toContain('Pick list PL-00001 confirmed: 8 picked, 1 short lines.');
    expect(await success.innerText()).toContain('Line 4: 1 × TOWEL-SAGE not found in A-2-10; the order stays open for the rest.');
    // back to the choice of orders, ready for the next list
    await form.locator('button[data-action=build]').waitFor();

    // the ledger: one move available -> picked per allocation picked (two rows each), tote 2's towel not picked
    const rows = table(s, 'ledger').slice(ledgerBefore);
    expect(rows.every((r) => r.type === 'pick')).toBe(true);
    expect(rows.filter((r) => Number(r.qty) > 0).map((r) => [r.sku, r.bin, r.state, r.qty, r.ref_id, r.external_ref])).toEqual([
      ['SOAP-LAV', 'A-1-1', 'picked', 2, '#A#3', 'PL-00001'],
      ['SOAP-ROSE', 'A-1-2', 'picked', 3, '#B#2', 'PL-00001'],
      ['DISH-CED', 'A-2-9', 'picked', 1, '#A#2', 'PL-00001'],
      ['TOWEL-SAGE', 'A-2-10', 'picked', 2, '#A#1', 'PL-00001'],
    ]);
    expect(rows.filter((r) => Number(r.qty) < 0).map((r) => [r.sku, r.state, r.qty])).toEqual([
      ['SOAP-LAV', 'available', -2], ['SOAP-ROSE', 'available', -3], ['DISH-CED', 'available', -1], ['TOWEL-SAGE', 'available', -2],
    ]);
    // Orders: #A fully picked; #B's towel stays open (reserved) for a later list
    expect(table(s, 'orders').map((l) => [l.order_id, l.sku, l.qty_picked, l.status, l.reserved, l.pick_list_id])).toEqual([
      ['#A', 'TOWEL-SAGE', 2, 'picked', 0, ''], ['#A', 'DISH-CED', 1, 'picked', 0, ''], ['#A', 'SOAP-LAV', 2, 'picked', 0, ''],
      ['#B', 'TOWEL-SAGE', 0, 'open', 1, ''], ['#B', 'SOAP-ROSE', 3, 'picked', 0, ''],
    ]);
    // Stock: the picked state holds what was picked, in the bins it came from
    const pickedStock = table(s, 'stock').filter((r) => r.state === 'picked').map((r) => [r.sku, r.bin, r.qty]);
    expect(pickedStock).toEqual(expect.arrayContaining([['SOAP-LAV', 'A-1-1', 2], ['SOAP-ROSE', 'A-1-2', 3], ['DISH-CED', 'A-2-9', 1], ['TOWEL-SAGE', 'A-2-10', 2]]));
    expect(pickedStock).toHaveLength(4);
    expect(table(s, 'stock').find((r) => r.sku === 'TOWEL-SAGE' && r.state === 'available')).toMatchObject({ qty: 8 });
    expect(table(s, 'pick_lists').map((r) => [r.qty_picked, r.status])).toEqual([[2, 'confirmed'], [3, 'confirmed'], [1, 'confirmed'], [2, 'confirmed']]);
  });

  it('shows a bad quantity at its line and records nothing; an open list can be taken up again', async () => {
    s = await openSession(browser, { scenario: ORDERS_TO_PICK });
    let form = await openForm(s, 'menuPick', 'button[data-action=build]');
    await form.locator('input[name=maxOrders]').fill('1');
    await form.locator('button[data-action=build]').click();
    await form.locator('[data-pick-list=PL-00001]').waitFor();
    expect(await form.locator('.totes li').allInnerTexts()).toEqual(['T1: order #A']);

    // the sidebar is closed and opened again later: the list is still there to confirm
    form = await openForm(s, 'menuPick', 'button[data-resume=PL-00001]');
    await form.locator('button[data-resume=PL-00001]').click();
    const lines = form.locator('li.walk-line');
    await expect.poll(() => lines.count()).toBe(3);
    const ledger = table(s, 'ledger').length;
    await lines.nth(1).locator('input[name=picked]').fill('5');
    await lines.nth(2).locator('input[name=picked]').fill('x');
    await form.locator('button[data-action=confirm]').click();
    await form.locator('.message.error').waitFor();
    expect(await form.locator('.message.error').innerText()).toContain('Nothing was recorded.');
    expect(await lines.nth(1).locator('.field-error').innerText()).toBe('More than the 1 the list asks for.');
    expect(await lines.nth(2).locator('.field-error').innerText()).toBe('"x" is not a number.');
    expect(await focused(lines.nth(1).locator('input[name=picked]'))).toBe(true);
    expect(table(s, 'ledger').length).toBe(ledger);
  });

  it('cancels a list after an inline "are you sure?": its orders go back to the choice, no stock moves', async () => {
    s = await openSession(browser, { scenario: ORDERS_TO_PICK });
    const form = await openForm(s, 'menuPick', 'button[data-action=build]');
    await form.locator('button[data-action=build]').click();
    await form.locator('[data-pick-list=PL-00001]').waitFor();
    const ledger = JSON.stringify(table(s, 'ledger'));
    const ask = form.locator('.confirm-ask');
    expect(await ask.isVisible()).toBe(false);

    // No keeps the list
    await form.locator('button[data-action=cancel]').click();
    await ask.waitFor();
    expect(await ask.innerText()).toContain('Cancel pick list PL-00001?');
    expect(await focused(form.locator('button[data-action=cancel-no]'))).toBe(true);
    await form.locator('button[data-action=cancel-no]').click();
    expect(await ask.isVisible()).toBe(false);
    expect(s.preview.rpcLog.filter((c) => c.fn === 'cancelPickList')).toHaveLength(0);
    expect(table(s, 'pick_lists').map((r) => r.status)).toEqual(['open', 'open', 'open', 'open']);

    // Yes cancels it
    await form.locator('button[data-action=cancel]').click();
    await form.locator('button[data-action=cancel-yes]').click();
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Pick list cancelled.');
    expect(await success.innerText()).toContain('Pick list PL-00001 cancelled: 5 order lines from 2 orders can go on another list.');
    // back to the choice of orders, with no list to continue
    await form.locator('button[data-action=build]').waitFor();
    expect(await form.locator('button[data-resume]').count()).toBe(0);
    expect(table(s, 'pick_lists').map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(table(s, 'orders').map((l) => [l.status, l.pick_list_id, l.tote])).toEqual(Array(5).fill(['open', '', '']));
    expect(JSON.stringify(table(s, 'ledger'))).toBe(ledger);

    // the same orders make the next list
    await form.locator('button[data-action=build]').click();
    await form.locator('[data-pick-list=PL-00002]').waitFor();
    expect(await form.locator('.totes li').allInnerTexts()).toEqual(['T1: order #A', 'T2: order #B']);
  });

  it('says so when no open order matches', async () => {
    s = await openSession(browser, { scenario: ORDERS_TO_PICK });
    const form = await openForm(s, 'menuPick', 'button[data-action=build]');
    await form.locator('select[name=channel]').selectOption('shopify');
    await form.locator('button[data-action=build]').click();
    await form.locator('.message.error').waitFor();
    expect(await form.locator('.message.error').innerText()).toContain('no open order line matches this choice');
    expect(table(s, 'pick_lists')).toEqual([]);
  });
});

describe('pick list form: one submission, recorded once', () => {
  it('keeps the request id when the answer is lost, so pressing again records nothing twice; a double click sends once', async () => {
    s = await openSession(browser, { scenario: ORDERS_TO_PICK, latencyMs: 150 });
    const form = await openForm(s, 'menuPick', 'button[data-action=build]');
    await form.locator('button[data-action=build]').dblclick();
    await form.locator('[data-pick-list=PL-00001]').waitFor();
    expect(s.preview.rpcLog.filter((c) => c.fn === 'buildPickList')).toHaveLength(1);

    const ledger = table(s, 'ledger').length;
    s.preview.loseResponses(1);
    await form.locator('button[data-action=confirm]').click();
    await form.locator('.message.error').waitFor();
    expect(await form.locator('.message.error').innerText()).toContain('The server did not answer');
    // the server did record it: only the answer was lost
    expect(table(s, 'ledger').length).toBe(ledger + 10);
    await form.locator('button[data-action=confirm]').click();
    await form.locator('.message.success').waitFor();
    expect(await form.locator('.message.success').innerText()).toContain('Already recorded (same submission)');
    expect(table(s, 'ledger').length).toBe(ledger + 10);
    const ids = s.preview.rpcLog.filter((c) => c.fn === 'confirmPick').map((c) => (c.args[0] as { requestId: string }).requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });
});
