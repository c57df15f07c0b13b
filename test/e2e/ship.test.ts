/**
 * Ship, end to end: the carrier is detected as the tracking number is typed (UPS, check
 * digit verified), the parcel ships (ledger ship rows, a Shipments row with the tracking
 * link, one email in the emulator's outbox to the customer, in the customer's language);
 * a pasted list ships its good rows and gives back the bad ones; the CSV of orders to ship
 * is offered as a download.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { s10CheckDigit } from '../../src/domain/carriers/check-digits';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table, type Session } from './support/preview';
import { ORDERS_PICKED } from './support/scenarios';

const UPS = '1Z999AA10123456784';
/** A Colissimo international number with a correct S10 check digit. */
const COLISSIMO = 'CB12345678' + s10CheckDigit('12345678') + 'FR';

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

describe('ship form', () => {
  it('detects UPS as the number is typed, ships, records the tracking link and emails the customer once', async () => {
    s = await openSession(browser, { scenario: ORDERS_PICKED });
    const form = await openForm(s, 'menuShip', 'li.parcel');
    expect(await form.locator('li.parcel').evaluateAll((els) => els.map((e) => e.getAttribute('data-order')))).toEqual(['#A', '#B']);
    const a = form.locator('li.parcel[data-order="#A"]');
    expect(await a.innerText()).toContain('Élodie Martin');
    expect(await a.innerText()).toContain('5 units · Picked · elodie@example.fr');

    // the first tracking number has the focus: type as a scanner would
    await expect.poll(() => a.locator('input[name=trackingNumber]').evaluate((el) => el === document.activeElement)).toBe(true);
    await s.page.keyboard.type(UPS);
    const best = a.locator('.candidates label.candidate').first();
    await best.waitFor();
    expect(await best.getAttribute('data-carrier')).toBe('ups');
    expect(await best.innerText()).toMatch(/^UPS · check digit correct · \d+%$/);
    expect(await best.locator('input').isChecked()).toBe(true);
    expect(await a.locator('select[name=carrier]').inputValue()).toBe('');
    expect(await form.locator('.parcels-section .preview').innerText()).toContain('Parcels: 1.');
    await screenshot(s, form, 'ship');

    const ledgerBefore = table(s, 'ledger').length;
    await s.page.keyboard.press('Control+Enter');
    const success = form.locator('.message.success');
    await success.waitFor();
    expect(await success.innerText()).toContain(`Order #A shipped with UPS (${UPS}).`);
    expect(await success.innerText()).toContain('Email sent to elodie@example.fr.');
    // the list now holds the orders still to ship
    await expect.poll(() => form.locator('li.parcel').evaluateAll((els) => els.map((e) => e.getAttribute('data-order')))).toEqual(['#B']);

    const ship = table(s, 'ledger').slice(ledgerBefore);
    expect(ship.map((r) => [r.type, r.sku, r.state, r.qty, r.ref_id, r.external_ref])).toEqual([
      ['ship', 'TOWEL-SAGE', 'picked', -2, '#A#1', 'SH-00001'],
      ['ship', 'DISH-CED', 'picked', -1, '#A#2', 'SH-00001'],
      ['ship', 'SOAP-LAV', 'picked', -2, '#A#3', 'SH-00001'],
    ]);
    expect(ship.every((r) => Number(r.value) < 0)).toBe(true);
    const shipments = table(s, 'shipments');
    expect(shipments).toHaveLength(1);
    expect(shipments[0]).toMatchObject({ shipment_id: 'SH-00001', order_id: '#A', carrier: 'UPS', tracking_number: UPS, email: 'elodie@example.fr', language: 'fr' });
    expect(String(shipments[0].tracking_url)).toMatch(/^https:\/\/www\.ups\.com\/.*1Z999AA10123456784/);
    expect(shipments[0].notified_at).not.toBe('');
    expect(table(s, 'orders').filter((l) => l.order_id === '#A').map((l) => l.status)).toEqual(['shipped', 'shipped', 'shipped']);

    const mail = s.preview.emu.mail;
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe('elodie@example.fr');
    expect(mail[0].subject).toBe('Votre commande #A est expédiée');
    expect(mail[0].body).toContain(UPS);
    expect(mail[0].body).toContain(String(shipments[0].tracking_url));
  });

  it('a carrier chosen by hand wins over the guess', async () => {
    s = await openSession(browser, { scenario: ORDERS_PICKED });
    const form = await openForm(s, 'menuShip', 'li.parcel');
    const b = form.locator('li.parcel[data-order="#B"]');
    await b.locator('input[name=trackingNumber]').fill('ABC-123');
    await b.locator('[data-candidates=none]').waitFor();
    expect(await b.locator('.candidates').innerText()).toBe('No carrier recognised: choose one below.');
    await b.locator('select[name=carrier]').selectOption('dpd');
    await form.locator('button[data-action=ship]').click();
    await form.locator('.message.success').waitFor();
    expect(s.preview.rpcLog.filter((c) => c.fn === 'shipOrders').map((c) => c.args[0])).toEqual([
      { requestId: expect.stringMatching(/^sh-/), shipments: [{ orderId: '#B', carrier: 'dpd', trackingNumber: 'ABC-123' }] },
    ]);
    expect(table(s, 'shipments')[0]).toMatchObject({ order_id: '#B', carrier: 'DPD', tracking_number: 'ABC-123' });
  });

  it('ships a pasted list: good rows go, bad rows come back with their row number', async () => {
    s = await openSession(browser, { scenario: ORDERS_PICKED });
    const form = await openForm(s, 'menuShip', 'textarea[name=text]');
    await form.locator('textarea[name=text]').fill(`#B,Colissimo,${COLISSIMO}\n#ZZ,UPS,${UPS}\n`);
    await form.locator('button[data-action=ship-bulk]').click();
    const result = form.locator('.bulk-result');
    await result.locator('ul.shipped li').first().waitFor();
    expect(await result.locator('ul.shipped li').allInnerTexts()).toEqual([`#B: Colissimo ${COLISSIMO}`]);
    expect(await result.locator('ul.problems li').allInnerTexts()).toEqual(['Line 2, order: no order #ZZ.']);
    expect(await result.locator('ul.problems li').getAttribute('data-row')).toBe('2');
    expect(await form.locator('.message.success').innerText()).toContain('Shipped: 1. Rows not shipped: 1.');
    await screenshot(s, form, 'ship-bulk');

    expect(table(s, 'shipments').map((r) => [r.order_id, r.carrier, r.tracking_number])).toEqual([['#B', 'Colissimo', COLISSIMO]]);
    expect(table(s, 'ledger').filter((r) => r.type === 'ship').map((r) => [r.sku, r.qty, r.ref_id])).toEqual([['TOWEL-SAGE', -1, '#B#1'], ['SOAP-ROSE', -3, '#B#2']]);
    expect(s.preview.emu.mail.map((m) => m.to)).toEqual(['ben@example.com']);
    // #B is gone from the parcels to ship
    await expect.poll(() => form.locator('li.parcel').evaluateAll((els) => els.map((e) => e.getAttribute('data-order')))).toEqual(['#A']);
  });

  it('offers the orders to ship as a CSV download', async () => {
    s = await openSession(browser, { scenario: ORDERS_PICKED });
    const form = await openForm(s, 'menuShip', 'button[data-action=export]');
    const [download] = await Promise.all([s.page.waitForEvent('download'), form.locator('button[data-action=export]').click()]);
    expect(download.suggestedFilename()).toMatch(/^ready-to-ship-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('order_id,line,sku,item,qty,customer,email,country,shipping_method');
    expect(csv).toContain('#A,1,TOWEL-SAGE');
    expect(await form.locator('a.download').innerText()).toBe(`Download ${download.suggestedFilename()}`);
    expect(await form.locator('.export-result').innerText()).toContain('5 order lines exported.');
  });
});
