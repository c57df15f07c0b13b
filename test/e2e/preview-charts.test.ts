/**
 * The preview draws a tab's embedded charts (tools/preview/charts.ts) above its table, so a
 * person can look at a dashboard. The chart is set up through the emulator, as the add-on would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { openSession, type Session } from './support/preview';

describe('preview: embedded charts', () => {
  let browser: Browser;
  let s: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
    s = await openSession(browser);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
  });

  it('shows a tab with a chart as an inline <svg> carrying the chart title, above the table', async () => {
    s.preview.emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Chart demo');
      sh.getRange('A1:B4').setValues([
        ['Month', 'Units'],
        ['Jan', 3],
        ['Feb', 5],
        ['Mar', 4],
      ]);
      sh.insertChart(
        sh.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sh.getRange('A1:B4')).setOption('title', 'Units by month').setPosition(1, 4, 0, 0).build(),
      );
    });
    await s.page.reload();
    await s.page.locator('#tabs button[data-sheet="Chart demo"]').click();
    const svg = s.page.locator('#charts svg', { hasText: 'Units by month' });
    await svg.waitFor();
    expect(await svg.locator('.chart-title').textContent()).toBe('Units by month');
    expect(await svg.locator('rect.bar').count()).toBe(3);
    expect(await s.page.locator('table.sheet[data-sheet="Chart demo"]').innerText()).toContain('Feb');
    // a tab without charts keeps the plain table
    await s.page.locator('#tabs button[data-sheet="Sheet1"]').click();
    expect(await s.page.locator('#charts').isHidden()).toBe(true);
  });
});
