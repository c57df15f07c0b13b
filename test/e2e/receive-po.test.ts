/**
 * Receiving against a purchase order, end to end: the sent order is offered, choosing it
 * fills the lines with what is still awaited at the PO's cost, a partial delivery is typed
 * over one line, and the receipt goes with `poId`: Ledger rows refer to the PO, its lines'
 * received quantities follow, and it stays open for the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openForm, openSession, screenshot, table } from './support/preview';
import { withCalls } from './support/scenarios';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Two oils below their reorder points, ordered from their supplier, the order sent. */
const PO_SENT = withCalls(
  { fn: 'receive', now: '2026-01-06T09:00:00Z', args: [{ requestId: 'e2e-oils', supplierRef: 'INV-77', lines: [
    { sku: 'OIL-ARG', bin: 'B-2-1', qty: 4, unitCost: 3.5, newItem: { name: 'Argan oil 30 ml', unit: 'bottle', supplier: 'Huiles du Maroc', reorderPoint: 20 } },
    { sku: 'OIL-JOJ', bin: 'B-2-2', qty: 2, unitCost: 2.8, newItem: { name: 'Jojoba oil 30 ml', unit: 'bottle', supplier: 'Huiles du Maroc', reorderPoint: 10 } },
  ] }] },
  { fn: 'createPurchaseOrders', now: '2026-01-06T09:05:00Z', args: [{ requestId: 'e2e-po' }] },
  { fn: 'updatePurchaseOrder', now: '2026-01-06T09:06:00Z', args: [{ requestId: 'e2e-po-sent', poId: 'PO-00001', status: 'sent' }] },
);

describe('receive form against a purchase order', () => {
  it('fills the lines from the PO, records a partial delivery with poId, and the PO follows', async () => {
    const s = await openSession(browser, { scenario: PO_SENT });
    try {
      const po = table(s, 'purchase_orders').map((l) => [l.po_id, l.sku, l.qty, l.status]);
      expect(po.map((l) => l.slice(0, 2))).toEqual([['PO-00001', 'OIL-ARG'], ['PO-00001', 'OIL-JOJ']]);
      const ordered = Object.fromEntries(po.map((l) => [l[1], Number(l[2])]));
      const form = await openForm(s, 'menuReceive', 'input[name=sku]');
      const choice = form.locator('select[name=poId]');
      expect(await choice.locator('option').allInnerTexts()).toEqual(['None', 'PO-00001 from Huiles du Maroc (Sent)']);
      await choice.selectOption('PO-00001');

      const lines = form.locator('li.line');
      await expect.poll(() => lines.count()).toBe(2);
      expect(await lines.nth(0).locator('.sku').innerText()).toBe('OIL-ARG');
      expect(await lines.nth(0).locator('input[name=qty]').inputValue()).toBe(String(ordered['OIL-ARG']));
      expect(await lines.nth(0).locator('input[name=unitCost]').inputValue()).toBe('3.5');
      expect(await lines.nth(1).locator('input[name=qty]').inputValue()).toBe(String(ordered['OIL-JOJ']));
      expect(await lines.nth(0).locator('input[name=qty]').evaluate((el) => el === document.activeElement)).toBe(true);
      // a partial delivery of the argan oil
      await s.page.keyboard.press('Control+A');
      await s.page.keyboard.type('10');
      expect(await form.locator('.preview').innerText()).toContain('OIL-ARG: +10 in B-2-1, €35.00');
      await screenshot(s, form, 'receive-po');
      await s.page.keyboard.press('Control+Enter');
      await form.locator('.message.success').waitFor();
      expect(await form.locator('.message.success').innerText()).toContain('PO-00001');

      const sent = s.preview.rpcLog.filter((c) => c.fn === 'receive').map((c) => c.args[0] as { poId: string });
      expect(sent.map((x) => x.poId)).toEqual(['PO-00001']);
      const rows = table(s, 'ledger').slice(-2);
      expect(rows.map((r) => [r.type, r.sku, r.qty, r.unit_cost, r.ref_type, r.ref_id])).toEqual([
        ['receipt', 'OIL-ARG', 10, 3.5, 'po', 'PO-00001'], ['receipt', 'OIL-JOJ', ordered['OIL-JOJ'], 2.8, 'po', 'PO-00001'],
      ]);
      expect(table(s, 'purchase_orders').map((l) => [l.sku, l.qty_received, l.status])).toEqual([['OIL-ARG', 10, 'sent'], ['OIL-JOJ', ordered['OIL-JOJ'], 'sent']]);
      expect(table(s, 'stock_summary').find((r) => r.sku === 'OIL-ARG')).toMatchObject({ on_hand: 14, incoming: ordered['OIL-ARG'] - 10 });
      // the choice now offers what is still awaited, none chosen
      await expect.poll(() => choice.locator('option').allInnerTexts()).toEqual(['None', 'PO-00001 from Huiles du Maroc (Sent)']);
      expect(await choice.inputValue()).toBe('');
    } finally {
      await s.close();
    }
  });
});
