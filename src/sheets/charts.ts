/**
 * Native charts over a table's rows (label column, value column), replacing the charts
 * already on the tab: the dashboard is rebuilt as a whole, so its charts are too.
 */
import type { SheetLike } from './apps-script';
import type { Table } from './table';

export interface ChartSpec {
  type: 'LINE' | 'BAR' | 'PIE' | 'COLUMN';
  /** first sheet row of the block */
  firstRow: number;
  rows: number;
  title: string;
}

/** Apps Script's Charts.ChartType values, handed in by src/gas (a Google global). */
export type ChartTypes = Record<ChartSpec['type'], unknown>;

export function drawCharts(sheet: SheetLike, table: Table, specs: ChartSpec[], types: ChartTypes): number {
  for (const c of sheet.getCharts()) sheet.removeChart(c);
  const cols = table.columns();
  const label = cols.get('label') as number;
  const value = cols.get('value') as number;
  const right = Math.max(...Array.from(cols.values())) + 2;
  // The tab was trimmed to its columns at set-up: make room to the right for the charts.
  const wanted = right + 8;
  if (sheet.getMaxColumns() < wanted) sheet.insertColumnsAfter(sheet.getMaxColumns(), wanted - sheet.getMaxColumns());
  specs.forEach((spec, i) => {
    const chart = sheet.newChart()
      .setChartType(types[spec.type] as never)
      .addRange(sheet.getRange(spec.firstRow, label, spec.rows, 1))
      .addRange(sheet.getRange(spec.firstRow, value, spec.rows, 1))
      .setPosition(2 + i * 18, right, 0, 0)
      .setOption('title', spec.title)
      .setOption('legend', { position: spec.type === 'PIE' ? 'right' : 'none' })
      .build();
    sheet.insertChart(chart);
  });
  return specs.length;
}
