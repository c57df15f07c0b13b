/**
 * Returns, end to end: find a shipped order, take one line back with a reason (a new RMA,
 * the goods in quarantine at the returns bin), then inspect it: restock into a bin; and a
 * line split across two dispositions with its credit note; and a return without an order,
 * at the item's current cost. Effects are read from the emulated workbook: Ledger rows, the
 * Returns tab, the order's returned quantities.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, textOf, type Session } from './support/preview';
import { ORDER_SHIPPED, UPS } from './support/scenarios';

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

const focused = (l: { evaluate: (f: (el: Element) => boolean) => Promise<boolean> }) => l.evaluate((el) => el === document.activeElement);

describe('returns form', () => {
  it('finds a shipped order, takes one line back with a reason, then restocks it into a bin', async () => {
    s = await openSession(browser, { scenario: ORDER_SHIPPED });
    const form = await openForm(s, 'menuReturns', 'input[name=query]');
    const keyboard = s.page.keyboard;
    await expect.poll(() => focused(form.locator('input[name=query]'))).toBe(true);
    // found by its tracking number, as a parcel that comes back shows it
    await keyboard.type(UPS);
    await keyboard.press('Enter');
    const order = form.locator('.order[data-order="#A"]');
    await order.waitFor();
    expect(await order.locator('h2').innerText()).toBe('Order #A, Élodie Martin');
    expect(await order.locator('.shipments').innerText()).toContain(`UPS ${UPS}, shipped 2026-01-06`);
    const soap = order.locator('li.line[data-sku=SOAP-LAV]');
    expect(await soap.locator('.item-info').innerText()).toBe('Shipped 2, returned 0: 2 can come back.');
    expect(await focused(order.locator('input[name=qty]').first())).toBe(true);

    // Enter goes from one line's quantity to the next; never more than the line can return: said at once, nothing sent
    await keyboard.press('Enter');
    await keyboard.press('Enter');
    expect(await focused(soap.locator('input[name=qty]'))).toBe(true);
    await keyboard.type('3');
    expect(await soap.locator('[data-field=qty] .field-error').innerText()).toBe('At most 2 can come back on this line.');
    await order.locator('button[data-action=create-return]').click();
    expect(await focused(soap.locator('input[name=qty]'))).toBe(true);
    expect(s.preview.rpcLog.filter((c) => c.fn === 'createReturn')).toHaveLength(0);

    await soap.locator('input[name=qty]').fill('1');
    await order.locator('select[name=reason]').selectOption('damaged_in_transit');
    await order.locator('input[name=note]').fill('Box crushed');
    expect(await order.locator('.preview').innerText()).toBe('Will come back into RETURNS, in quarantine until inspected: 1 × SOAP-LAV.');
    await screenshot(s, form, 'returns-take-back');
    const ledgerBefore = table(s, 'ledger').length;
    await keyboard.press('Control+Enter');
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Return RMA-00001 recorded. What changed:');
    expect(await success.innerText()).toContain('Return RMA-00001: 1 units received into RETURNS (order #A), waiting for inspection.');

    const lineKey = String(table(s, 'orders').find((l) => l.order_id === '#A' && l.sku === 'SOAP-LAV')?.line_key);
    const ledger = table(s, 'ledger');
    expect(ledger.length).toBe(ledgerBefore + 1);
    expect(ledger.at(-1)).toMatchObject({ type: 'return', sku: 'SOAP-LAV', bin: 'RETURNS', state: 'quarantine', qty: 1, ref_type: 'return', ref_id: `RMA-00001#${lineKey}`, note: 'Box crushed' });
    expect(table(s, 'returns').map((r) => [r.rma_id, r.order_id, r.sku, r.qty, r.reason, r.status, r.bin])).toEqual([
      ['RMA-00001', '#A', 'SOAP-LAV', 1, 'damaged_in_transit', 'received', 'RETURNS'],
    ]);
    expect(table(s, 'orders').find((l) => l.order_id === '#A' && l.sku === 'SOAP-LAV')).toMatchObject({ qty_returned: 1 });
    // the order again: one more can come back; the new RMA is listed, its Inspect button focused
    await expect.poll(() => soap.locator('.item-info').innerText()).toBe('Shipped 2, returned 1: 1 can come back.');
    const inspectButton = order.locator('button[data-inspect=RMA-00001]');
    await expect.poll(() => focused(inspectButton)).toBe(true);
    expect(await order.locator('li[data-rma=RMA-00001]').innerText()).toContain('SOAP-LAV: Received, to inspect 1');

    // inspection: restock into A-1-1
    await keyboard.press('Enter');
    const rma = form.locator('[data-panel=inspect] .rma');
    await rma.locator('h2[data-rma=RMA-00001]').waitFor();
    expect(await form.locator('[role=tab][aria-selected=true]').innerText()).toBe('Inspect');
    const line = rma.locator(`li.line[data-line-key="${lineKey}"]`);
    expect(await line.locator('.statuses').innerText()).toBe('Received, to inspect: 1 (RETURNS)');
    expect(await line.locator('.line-head').innerText()).toContain('reason: Damaged in transit');
    const split = line.locator('.split').first();
    expect(await split.locator('select[name=disposition]').inputValue()).toBe('restock');
    expect(await split.locator('input[name=qty]').inputValue()).toBe('1');
    expect(await textOf(line.locator('p.hint[aria-live]'))).toBe('Received, to inspect: 1, 1 decided, 0 left.');
    await split.locator('input[name=bin]').fill('a-1-1');
    await screenshot(s, form, 'returns-inspect');
    await rma.locator('button[data-action=inspect]').click();
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('Inspection of RMA-00001 recorded. What changed:');
    expect(await form.locator('.message.success').innerText()).toContain('SOAP-LAV: 1 → Restock (A-1-1).');

    const after = table(s, 'ledger');
    expect(after.length).toBe(ledgerBefore + 3);
    expect(after.slice(-2)).toMatchObject([
      { type: 'inspect', sku: 'SOAP-LAV', bin: 'RETURNS', state: 'quarantine', qty: -1, ref_id: `RMA-00001#${lineKey}` },
      { type: 'inspect', sku: 'SOAP-LAV', bin: 'A-1-1', state: 'available', qty: 1, ref_id: `RMA-00001#${lineKey}` },
    ]);
    expect(table(s, 'returns').map((r) => [r.rma_id, r.sku, r.qty, r.status, r.disposition, r.bin])).toEqual([
      ['RMA-00001', 'SOAP-LAV', 1, 'restocked', 'restock', 'A-1-1'],
    ]);
    expect(table(s, 'stock').filter((r) => r.sku === 'SOAP-LAV' && r.state === 'quarantine').map((r) => r.qty)).toEqual([0]);
    // the form shows the line as the Returns tab does now
    await expect.poll(() => line.locator('.statuses').innerText()).toBe('Restocked: 1 (A-1-1)');
    expect(await line.innerText()).toContain('Nothing waits for a decision on this line.');
  });

  it('splits a line across restock and write-off, then records the credit note with its tax', async () => {
    s = await openSession(browser, { scenario: ORDER_SHIPPED });
    const form = await openForm(s, 'menuReturns', 'input[name=query]');
    // #B is not shipped: nothing to take back, said so
    await form.locator('input[name=query]').fill('#b');
    await form.locator('button[data-action=find]').click();
    await expect.poll(() => form.locator('.order[data-order="#B"] .empty').innerText()).toBe('Nothing of this order has shipped yet: there is nothing to take back.');
    expect(await form.locator('button[data-action=create-return]').count()).toBe(0);
    // found by part of the customer's name
    await form.locator('input[name=query]').fill('élodie');
    await form.locator('button[data-action=find]').click();
    const order = form.locator('.order[data-order="#A"]');
    await order.waitFor();
    await order.locator('li.line[data-sku=TOWEL-SAGE] input[name=qty]').fill('2');
    await order.locator('select[name=reason]').selectOption('wrong_item');
    await order.locator('button[data-action=create-return]').click();
    await form.locator('.message.success').waitFor();
    await order.locator('button[data-inspect=RMA-00001]').click();
    const rma = form.locator('[data-panel=inspect] .rma');
    const line = rma.locator('li.line[data-sku=TOWEL-SAGE]');
    await line.waitFor();

    // 2 waiting: 1 back on the shelf, 1 written off as damaged
    const first = line.locator('.split').nth(0);
    await first.locator('input[name=qty]').fill('1');
    await first.locator('input[name=bin]').fill('A-2-10');
    expect(await textOf(line.locator('p.hint[aria-live]'))).toBe('Received, to inspect: 2, 1 decided, 1 left.');
    await line.locator('button[data-action=split]').click();
    const second = line.locator('.split').nth(1);
    expect(await second.locator('input[name=qty]').inputValue()).toBe('1');
    expect(await focused(second.locator('input[name=qty]'))).toBe(true);
    await second.locator('select[name=disposition]').selectOption('write_off');
    expect(await second.locator('[data-field=bin]').isHidden()).toBe(true);
    await second.locator('select[name=reason]').selectOption('damaged');
    expect(await textOf(line.locator('p.hint[aria-live]'))).toBe('Received, to inspect: 2, 2 decided, 0 left.');
    await rma.locator('button[data-action=inspect]').click();
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('Inspection of RMA-00001 recorded.');
    const rows = table(s, 'ledger').slice(-3);
    expect(rows.map((r) => [r.type, r.bin, r.state, r.qty])).toEqual([
      ['inspect', 'RETURNS', 'quarantine', -1], ['inspect', 'A-2-10', 'available', 1], ['write_off', 'RETURNS', 'quarantine', -1],
    ]);
    expect(rows[2].note).toContain('damaged');
    expect(table(s, 'returns').map((r) => [r.status, r.bin, r.qty]).sort()).toEqual([['restocked', 'A-2-10', 1], ['written_off', '', 1]]);

    // the credit note: the tax part is shown before it is recorded
    await form.locator('[role=tab][data-tab=credit]').click();
    const credit = form.locator('[data-panel=credit]');
    await credit.locator('input[name=rmaId]').fill('RMA-00001');
    await credit.locator('input[name=reference]').fill('CN-2026-001');
    await credit.locator('input[name=amount]').fill('12');
    await credit.locator('input[name=taxRate]').fill('20');
    expect(await textOf(credit.locator('.preview'))).toBe('Credit note CN-2026-001 on RMA-00001: €12.00, of which tax €2.00 (20%).');
    await credit.locator('button[data-action=credit-note]').click();
    await expect.poll(() => form.locator('.message.success').innerText()).toContain('Credit note recorded.');
    expect(await form.locator('.message.success').innerText()).toContain('Refunded on order #A so far: €12.00.');
    expect(table(s, 'returns').map((r) => [r.credit_note_ref, r.refund_amount, r.tax_rate, r.tax_amount])[0]).toEqual(['CN-2026-001', 12, 20, 2]);
  });
  it('takes goods back without an order, at the item\'s current cost, and opens the RMA for inspection', async () => {
    s = await openSession(browser, { scenario: ORDER_SHIPPED });
    const form = await openForm(s, 'menuReturns', 'input[name=query]');
    const panel = form.locator('[data-panel=no-order]');
    expect(await panel.isHidden()).toBe(true);
    await form.locator('button[data-action=no-order]').click();
    expect(await form.locator('button[data-action=no-order]').getAttribute('aria-expanded')).toBe('true');
    const sku = panel.locator('input[name=sku]').first();
    await expect.poll(() => focused(sku)).toBe(true);
    // an unknown SKU: the server's message next to that line's SKU, which gets the focus; nothing written
    const ledgerAtStart = table(s, 'ledger').length;
    await s.page.keyboard.type('NOPE-1');
    await panel.locator('input[name=qty]').first().fill('1');
    await panel.locator('select[name=reason]').selectOption('changed_mind');
    await panel.locator('button[data-action=create-return-no-order]').click();
    await form.locator('.message.error').waitFor();
    expect(await panel.locator('[data-field=sku] .field-error').first().innerText()).toMatch(/NOPE-1/);
    await expect.poll(() => focused(sku)).toBe(true);
    expect(table(s, 'ledger').length).toBe(ledgerAtStart);
    expect(table(s, 'returns')).toHaveLength(0);
    await sku.fill('');
    await panel.locator('input[name=qty]').first().fill('');
    await sku.focus();
    // the SKU from the item suggestions
    await s.page.keyboard.type('candle');
    await panel.locator('.suggestions li', { hasText: 'CANDLE-FIG' }).click();
    expect(await sku.inputValue()).toBe('CANDLE-FIG');
    expect(await focused(panel.locator('input[name=qty]').first())).toBe(true);
    expect(await panel.locator('[data-field=expiry]').first().isHidden()).toBe(true);
    await s.page.keyboard.type('2');
    await panel.locator('select[name=reason]').selectOption('changed_mind');
    await panel.locator('input[name=note]').fill('Parcel without a slip');
    const ledgerBefore = table(s, 'ledger').length;
    await panel.locator('button[data-action=create-return-no-order]').click();
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Return RMA-00001 recorded. What changed:');
    expect(s.preview.rpcLog.filter((c) => c.fn === 'createReturn').at(-1)?.args[0]).not.toHaveProperty('orderId');

    const ledger = table(s, 'ledger');
    expect(ledger.length).toBe(ledgerBefore + 1);
    expect(ledger.at(-1)).toMatchObject({
      type: 'return', sku: 'CANDLE-FIG', bin: 'RETURNS', state: 'quarantine', qty: 2, unit_cost: 5.4, value: 10.8,
      ref_type: 'return', ref_id: 'RMA-00001#1', note: 'Parcel without a slip',
    });
    expect(table(s, 'returns').map((r) => [r.rma_id, r.order_id, r.sku, r.qty, r.reason, r.status, r.bin])).toEqual([
      ['RMA-00001', '', 'CANDLE-FIG', 2, 'changed_mind', 'received', 'RETURNS'],
    ]);

    // the RMA shown, its Inspect button focused; it opens in the Inspect tab as an order's does
    const inspectButton = panel.locator('button[data-inspect=RMA-00001]');
    await expect.poll(() => focused(inspectButton)).toBe(true);
    expect(await panel.locator('[data-rma=RMA-00001]').innerText()).toContain('RMA-00001 in RETURNS, in quarantine until inspected.');
    await inspectButton.click();
    const rma = form.locator('[data-panel=inspect] .rma');
    await rma.locator('h2[data-rma=RMA-00001]').waitFor();
    expect(await form.locator('[role=tab][aria-selected=true]').innerText()).toBe('Inspect');
    expect(await rma.locator('li.line[data-sku=CANDLE-FIG] .statuses').innerText()).toBe('Received, to inspect: 2 (RETURNS)');
  });
  it('asks expiry and lot only for an expiry-tracked item coming back without an order', async () => {
    s = await openSession(browser, { scenario: ORDER_SHIPPED });
    const form = await openForm(s, 'menuReturns', 'input[name=query]');
    const panel = form.locator('[data-panel=no-order]');
    await form.locator('button[data-action=no-order]').click();
    const sku = panel.locator('input[name=sku]').first();
    await expect.poll(() => focused(sku)).toBe(true);
    // by its barcode, as a scanner types it
    await s.page.keyboard.type('3760000000042');
    await panel.locator('input[name=qty]').first().fill('1');
    expect(await sku.inputValue()).toBe('CREAM-50');
    expect(await panel.locator('[data-field=expiry]').first().isVisible()).toBe(true);
    await panel.locator('select[name=reason]').selectOption('wrong_item');
    const ledgerBefore = table(s, 'ledger').length;
    // no expiry: the server asks for it at that line's expiry; nothing written
    await panel.locator('button[data-action=create-return-no-order]').click();
    await form.locator('.message.error').waitFor();
    expect(await panel.locator('[data-field=expiry] .field-error').first().innerText()).toBe('This item tracks expiry: give the expiry date.');
    await expect.poll(() => focused(panel.locator('input[name=expiry]').first())).toBe(true);
    expect(table(s, 'ledger').length).toBe(ledgerBefore);

    await panel.locator('input[name=expiry]').first().fill('2027-03-31');
    await panel.locator('button[data-action=create-return-no-order]').click();
    await form.locator('.message.success').waitFor();
    expect(table(s, 'ledger').length).toBe(ledgerBefore + 1);
    expect(table(s, 'ledger').at(-1)).toMatchObject({ type: 'return', sku: 'CREAM-50', qty: 1, state: 'quarantine', bin: 'RETURNS', lot: 'EXP-2027-03-31' });
  });
});
