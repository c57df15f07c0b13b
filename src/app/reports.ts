/**
 * Reports and the dashboard: stock value, ABC, turnover, idle days and margin per SKU; COGS,
 * other outflows and closing stock value per month; data blocks for the dashboard's charts.
 * One read of the ledger in chunks; rebuilt on demand and by the hourly run when the ledger
 * moved since the last build.
 */
import type { Movement, OrderLine } from '../domain/types';
import { skuKey } from '../domain/text';
import {
  abcClasses, abcThresholds, cogsByMonth, consumptionBySku, deadStock, grossMargin, lastMovementBySku, salePrices, turnoverBySku,
  DEFAULT_ABC,
} from '../domain/valuation';
import { parseShare } from '../domain/replenishment';
import { parseDecimal } from '../domain/quantity';
import { fromMinor } from '../domain/money';
import type { Translator } from '../domain/i18n';
import type { Plain } from '../sheets/cells';
import type { Ports } from './ports';
import type { WriteSession } from './write';
import { readLedger } from './ledger-read';
import { drawDashboard } from './dashboard';

const YEAR_MS = 365 * 24 * 3600 * 1000;
export const REPORTS_THROUGH = 'reports_through';

export interface ReportsValue {
  skus: number;
  months: number;
  charts: number;
}

function monthRevenue(ships: Movement[], prices: Map<string, number>, currency: string): { revenue: number; margin: number } {
  const g = grossMargin(ships, prices, currency);
  return { revenue: g.total.revenueMinor, margin: g.total.marginMinor };
}

export function rebuildReports(session: WriteSession, t: Translator): ReportsValue {
  const ports = session.ports;
  const wb = ports.workbook;
  const now = ports.clock.now();
  const currency = wb.currency();
  const settings = wb.settings();
  const movements = readLedger(wb, wb.ledger().lastRow());
  const dayOf = wb.dayFn(now);
  const monthOf = (ms: number) => dayOf(ms).slice(0, 7);
  const caches = session.cachesLoaded();
  const orders: OrderLine[] = wb.orders().readAll().map((l) => l.value);
  const prices = salePrices(orders, currency);

  // Per month: outflows, revenue and the closing stock value (running sum of value deltas).
  const cogs = new Map(cogsByMonth(movements, monthOf).map((m) => [m.month, m]));
  const byMonth = new Map<string, Movement[]>();
  for (const m of movements) byMonth.set(monthOf(m.time), [...(byMonth.get(monthOf(m.time)) ?? []), m]);
  let running = 0;
  const monthRows: Record<string, Plain>[] = Array.from(byMonth.keys()).sort().map((month) => {
    const rows = byMonth.get(month) as Movement[];
    running += rows.reduce((a, m) => a + m.valueMinor, 0);
    const c = cogs.get(month);
    const money = (v: number | undefined) => v ?? 0;
    const r = monthRevenue(rows.filter((m) => m.type === 'ship'), prices, currency);
    return {
      month, cogs: money(c?.cogsMinor), shipped: money(c?.shippedMinor), returned: money(c?.returnedMinor), consumed: money(c?.consumedMinor),
      write_offs: money(c?.writeOffMinor), count_loss: money(c?.countLossMinor), rtv: money(c?.rtvMinor), closing_value: running,
      revenue: r.revenue, gross_margin: r.margin, updated_at: now,
    };
  });

  // Per SKU over the last twelve months.
  // [from, to) windows: the end is just after now, so a row posted this instant counts.
  const consumption = consumptionBySku(movements, now - YEAR_MS, now + 1);
  const a = parseShare(settings.abc_a ?? '') ?? DEFAULT_ABC.a;
  const b = parseShare(settings.abc_b ?? '') ?? DEFAULT_ABC.b;
  const abc = new Map(abcClasses(consumption, abcThresholds(a * 100, b * 100) ?? DEFAULT_ABC).map((r) => [skuKey(r.sku), r]));
  const turns = new Map(turnoverBySku(movements, now - YEAR_MS, now + 1).map((r) => [skuKey(r.sku), r]));
  const last = lastMovementBySku(movements);
  const onHand = new Map<string, number>();
  for (const s of caches.summaries.values()) onHand.set(s.value.sku, s.value.onHand);
  const deadDays = parseDecimal(settings.dead_stock_days ?? '') ?? 90;
  const dead = new Set(deadStock(last, now, deadDays, onHand).map((d) => skuKey(d.sku)));
  const margins = new Map(grossMargin(movements.filter((m) => m.type === 'ship'), prices, currency).bySku.map((r) => [skuKey(r.sku), r]));
  const lastBy = new Map(Array.from(last.entries()).map(([k, v]) => [skuKey(k), v]));
  const skuRows: Record<string, Plain>[] = Array.from(caches.summaries.values()).map((c) => c.value)
    .sort((x, y) => y.valueMinor - x.valueMinor || (skuKey(x.sku) < skuKey(y.sku) ? -1 : 1))
    .map((s) => {
      const k = skuKey(s.sku);
      const lastAt = lastBy.get(k) ?? null;
      const m = margins.get(k);
      return {
        sku: s.sku, name: s.name, on_hand: s.onHand, value: s.valueMinor, avg_unit_cost: s.avgUnitCost,
        annual_consumption: abc.get(k)?.valueMinor ?? 0, abc_share: round(abc.get(k)?.cumulativeShare ?? null, 4),
        abc_class: abc.get(k)?.class ?? 'C', turnover: round(turns.get(k)?.turnover ?? null, 2),
        days_of_inventory: round(turns.get(k)?.daysOfInventory ?? null, 1), last_movement: lastAt,
        idle_days: lastAt === null ? null : Math.floor((now - lastAt) / 86400000), dead: dead.has(k),
        revenue: m?.revenueMinor ?? null, cogs: m?.cogsMinor ?? null, margin: m?.marginMinor ?? null, margin_rate: round(m?.marginRate ?? null, 4),
        updated_at: now,
      };
    });
  wb.table('report_skus').rewrite(skuRows);
  wb.table('report_months').rewrite(monthRows);
  const charts = drawDashboard(session, t, { months: monthRows, skus: skuRows, currency: (minor: number) => fromMinor(minor, currency) });
  ports.props.set(REPORTS_THROUGH, movements.length ? movements[movements.length - 1].movementId : '');
  return { skus: skuRows.length, months: monthRows.length, charts };
}

function round(n: number | null, digits: number): number | null {
  return n === null || !Number.isFinite(n) ? null : Number(n.toFixed(digits));
}

/** True when the ledger moved since the last build (the hourly run skips otherwise). */
export function reportsStale(ports: Ports): boolean {
  const through = ports.props.get(REPORTS_THROUGH);
  const last = ports.workbook.ledger().lastRow();
  return through === null || through !== (last >= 3 ? 'M' + String(last - 2).padStart(8, '0') : '');
}
