/**
 * The Dashboard tab: data blocks (one section each) and, when the Charts service is
 * available, native charts drawn from them. Charts are removed and drawn again at each
 * build, so their ranges always match the blocks.
 */
import type { Plain } from '../sheets/cells';
import type { MessageKey, Translator } from '../domain/i18n';
import type { WriteSession } from './write';

export interface DashboardInput {
  months: Record<string, Plain>[];
  skus: Record<string, Plain>[];
  /** minor units -> currency amount */
  currency: (minor: number) => number;
}

export type Section = 'value_by_month' | 'top_skus' | 'abc' | 'stock_status' | 'shipments';

export interface Block {
  section: Section;
  chart: 'LINE' | 'BAR' | 'PIE' | 'COLUMN';
  rows: { label: string; value: number; amount: number | null }[];
}

export function dashboardBlocks(session: WriteSession, t: Translator, input: DashboardInput): Block[] {
  const caches = session.cachesLoaded();
  const count = <T extends string>(values: T[]) => {
    const m = new Map<T, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return Array.from(m.entries());
  };
  const statuses = count(Array.from(caches.summaries.values(), (c) => c.value.status));
  const shipments = count(session.ports.workbook.shipments().readAll().map((s) => s.value.trackingStatus || 'pending'));
  const abc = count(input.skus.map((s) => String(s.abc_class)));
  return [
    { section: 'value_by_month', chart: 'LINE', rows: input.months.map((m) => ({ label: String(m.month), value: input.currency(Number(m.closing_value)), amount: Number(m.closing_value) })) },
    { section: 'top_skus', chart: 'BAR', rows: input.skus.slice(0, 10).map((s) => ({ label: String(s.sku), value: input.currency(Number(s.value)), amount: Number(s.value) })) },
    { section: 'abc', chart: 'PIE', rows: abc.sort().map(([c, n]) => ({ label: c, value: n, amount: null })) },
    { section: 'stock_status', chart: 'COLUMN', rows: statuses.sort().map(([s, n]) => ({ label: t(`status.${s}` as MessageKey), value: n, amount: null })) },
    { section: 'shipments', chart: 'PIE', rows: shipments.sort().map(([s, n]) => ({ label: t(`trackStatus.${s}` as MessageKey), value: n, amount: null })) },
  ];
}

/** Writes the blocks and (re)draws the charts; returns how many charts were drawn. */
export function drawDashboard(session: WriteSession, t: Translator, input: DashboardInput): number {
  const blocks = dashboardBlocks(session, t, input);
  const table = session.ports.workbook.table('dashboard');
  table.rewrite(blocks.flatMap((b) => b.rows.map((r) => ({ section: b.section, label: r.label, value: r.value, amount: r.amount }))));
  let row = 3;
  const placed = blocks.map((b) => {
    const block = { type: b.chart, firstRow: row, rows: b.rows.length, title: t(`chart.${b.section}` as MessageKey) };
    row += b.rows.length;
    return block;
  }).filter((b) => b.rows > 0);
  session.ports.workbook.drawCharts('dashboard', placed);
  return placed.length;
}
