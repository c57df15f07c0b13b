import { describe, expect, it } from 'vitest';
import { api, okValue, stocked } from '../support/harness';

const DAY = 24 * 3600 * 1000;

describe('reports and dashboard', () => {
  it('reports COGS, revenue and margin per month, value, ABC, turnover and idle days per SKU', () => {
    const s = stocked({ now: '2026-01-05T09:00:00Z' });
    // January: sell 10 soaps at 5.00 (cost 2.10) and 2 creams at 9.00 (cost 4.35)
    okValue(s.run(() => api.addOrder({ requestId: 'o1', orderId: '#1', lines: [{ sku: 'SOAP-LAV', qty: 10, unitPrice: 5 }, { sku: 'CREAM-50', qty: 2, unitPrice: 9 }] })));
    okValue(s.run(() => api.shipOrders({ requestId: 's1', shipments: [{ orderId: '#1', trackingNumber: '1Z999AA10123456784' }] })));
    s.emu.clock.advance(31 * DAY); // February
    okValue(s.run(() => api.addOrder({ requestId: 'o2', orderId: '#2', lines: [{ sku: 'SOAP-LAV', qty: 4, unitPrice: 5 }] })));
    okValue(s.run(() => api.shipOrders({ requestId: 's2', shipments: [{ orderId: '#2', trackingNumber: '1Z999AA10123456784' }] })));
    const r = okValue(s.run(() => api.rebuildReports()));
    expect(r).toMatchObject({ skus: 2, months: 2 });
    const months = s.table('report_months');
    expect(months.map((m) => [m.month, m.cogs, m.revenue, m.gross_margin, m.closing_value])).toEqual([
      // 24 x 2.10 + 12 x 4.35 = 102.60 received; out 10 x 2.10 + 2 x 4.35 = 29.70
      ['2026-01', 29.7, 68, 38.3, 72.9],
      // out 4 x 2.10 = 8.40; revenue 20
      ['2026-02', 8.4, 20, 11.6, 64.5],
    ]);
    const skus = s.table('report_skus');
    // consumption: soap 14 x 2.10 = 29.40 (77.3%), cream 8.70: A then C (77.3% <= 80% -> A; 100% > 95% -> C)
    expect(skus.map((x) => [x.sku, x.on_hand, x.value, x.annual_consumption, x.abc_class, x.dead])).toEqual([
      ['CREAM-50', 10, 43.5, 8.7, 'C', false],
      ['SOAP-LAV', 10, 21, 29.4, 'A', false],
    ]);
    expect(skus.find((x) => x.sku === 'SOAP-LAV')).toMatchObject({ revenue: 70, cogs: 29.4, margin: 40.6, idle_days: 0 });
    const dash = s.table('dashboard');
    expect(dash.filter((d) => d.section === 'value_by_month').map((d) => [d.label, d.value])).toEqual([['2026-01', 72.9], ['2026-02', 64.5]]);
    expect(dash.filter((d) => d.section === 'abc').map((d) => [d.label, d.value])).toEqual([['A', 1], ['C', 1]]);
  });

  it('the hourly run rebuilds reports only when the ledger moved', () => {
    const s = stocked();
    okValue(s.run(() => api.setHourlyChecks({ on: true })));
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    expect(String(s.table('log').at(-1)?.message)).toContain('Reports: 2 SKUs');
    s.emu.clock.advance(3600 * 1000);
    s.emu.fireDueTriggers(() => api.runHourly());
    expect(String(s.table('log').at(-1)?.message)).toContain('Reports: nothing new since the last build.');
  });
});

describe('the dashboard charts', () => {
  it('draws a native chart per non-empty dashboard block, replaced at each build', () => {
    const s = stocked();
    okValue(s.run(() => api.addOrder({ requestId: 'o', orderId: '#1', lines: [{ sku: 'SOAP-LAV', qty: 1, unitPrice: 5 }] })));
    okValue(s.run(() => api.rebuildReports()));
    const sheet = s.sheetOf('dashboard');
    const titles = sheet.charts.map((c) => c.options.title);
    // no shipment yet: that block is empty and gets no chart
    expect(titles).toEqual(['Stock value over time', 'Top SKUs by value', 'ABC split (SKUs)', 'Stock status']);
    expect(sheet.charts.map((c) => c.type)).toEqual(['LINE', 'BAR', 'PIE', 'COLUMN']);
    okValue(s.run(() => api.rebuildReports()));
    expect(s.sheetOf('dashboard').charts).toHaveLength(4);
  });
});
