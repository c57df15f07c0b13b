import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorUnsupported } from '../../tools/emulator/index';
import { CHART_ALREADY_INSERTED, CHART_NOT_FOUND, CHART_TYPE_REQUIRED } from '../../tools/emulator/charts';
import { BundleSandbox } from '../../tools/sandbox';
import { chartsOf, chartSvg, chartView, displayNumber } from '../../tools/preview/charts';

/** A small table on Sheet1 (A1:C4) and one LINE chart over A1:A4 + C1:C4, anchored at E2. */
function seeded(): Emulator {
  const emu = new Emulator();
  emu.run({}, () => {
    const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sh.getRange('A1:C4').setValues([
      ['Month', 'Units', 'Value'],
      ['Jan', 3, 30],
      ['Feb', 5, 45],
      ['Mar', 4, 41],
    ]);
    const chart = sh
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sh.getRange('A1:A4'))
      .addRange(sh.getRange('C1:C4'))
      .setPosition(2, 5, 10, 20)
      .setOption('title', 'Stock value')
      .setOption('legend', { position: 'bottom' })
      .setOption('colors', ['#1a73e8'])
      .setOption('hAxis.title', 'Month')
      .setNumHeaders(1)
      .build();
    sh.insertChart(chart);
  });
  return emu;
}

describe('embedded charts', () => {
  it('builds, inserts and lists a chart; the model holds what was built', () => {
    const emu = new Emulator();
    const out = emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      const chart = sh
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(sh.getRange('A1:B5'))
        .setPosition(3, 4, 5, 6)
        .setOption('title', 'Units')
        .setOption('vAxis', { title: 'units' })
        .setTransposeRowsAndColumns(true)
        .build();
      const before = chart.getChartId();
      sh.insertChart(chart);
      const listed = sh.getCharts();
      const c = listed[0];
      const info = c.getContainerInfo();
      return {
        before,
        after: chart.getChartId(),
        count: listed.length,
        id: c.getChartId(),
        ranges: c.getRanges().map((r) => r.getA1Notation()),
        title: c.getOptions().get('title'),
        vTitle: c.getOptions().get('vAxis.title'),
        unset: c.getOptions().get('subtitle'),
        anchor: [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
        transpose: c.getTransposeRowsAndColumns(),
        headers: c.getNumHeaders(),
      };
    });
    expect(out.before).toBeNull();
    expect(typeof out.after).toBe('number');
    expect(out).toMatchObject({
      count: 1,
      id: out.after,
      ranges: ['A1:B5'],
      title: 'Units',
      vTitle: 'units',
      unset: null,
      anchor: [3, 4, 5, 6],
      transpose: true,
      headers: -1,
    });
    const [m] = emu.book.sheets[0].charts;
    expect(m).toMatchObject({
      id: out.after,
      type: 'COLUMN',
      options: { title: 'Units', vAxis: { title: 'units' } },
      position: { row: 3, col: 4, offsetX: 5, offsetY: 6 },
      numHeaders: -1,
      transpose: true,
    });
    expect(m.ranges.map((r) => [r.sheet.name, r.rect])).toEqual([['Sheet1', { row: 1, col: 1, numRows: 5, numCols: 2 }]]);
  });

  it('stores options as given, one key per setOption call', () => {
    const emu = seeded();
    expect(emu.book.sheets[0].charts[0].options).toEqual({
      title: 'Stock value',
      legend: { position: 'bottom' },
      colors: ['#1a73e8'],
      'hAxis.title': 'Month',
    });
    expect(emu.book.sheets[0].charts[0].numHeaders).toBe(1);
  });

  it('modify() + setOption change nothing until updateChart, which keeps the id', () => {
    const emu = seeded();
    const id = emu.book.sheets[0].charts[0].id;
    const seen = emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      const old = sh.getCharts()[0];
      const changed = old
        .modify()
        .setChartType(Charts.ChartType.AREA)
        .clearRanges()
        .addRange(sh.getRange('A1:B4'))
        .setOption('title', 'Units by month')
        .setPosition(6, 2, 0, 0)
        .build();
      const untouched = sh.getCharts()[0].getOptions().get('title');
      // a built chart is a snapshot: later builder calls do not reach it
      const builder = old.modify();
      const snapshot = builder.build();
      builder.setOption('title', 'later');
      expect(snapshot.getOptions().get('title')).toBe('Stock value');
      sh.updateChart(changed);
      return { untouched, oldStill: old.getOptions().get('title'), now: sh.getCharts()[0].getOptions().get('title'), n: sh.getCharts().length };
    });
    expect(seen).toEqual({ untouched: 'Stock value', oldStill: 'Stock value', now: 'Units by month', n: 1 });
    const [m] = emu.book.sheets[0].charts;
    expect(m.id).toBe(id);
    expect(m.type).toBe('AREA');
    expect(m.position).toEqual({ row: 6, col: 2, offsetX: 0, offsetY: 0 });
    expect(m.options['hAxis.title']).toBe('Month'); // modify() starts from every option of the chart
    expect(m.ranges.map((r) => r.rect)).toEqual([{ row: 1, col: 1, numRows: 4, numCols: 2 }]);
  });

  it('removes a chart; a removed or never-inserted chart cannot be updated or removed; removing the sheet removes its charts', () => {
    const emu = seeded();
    emu.run({}, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sh = ss.getSheets()[0];
      const c = sh.getCharts()[0];
      sh.removeChart(c);
      expect(sh.getCharts()).toHaveLength(0);
      expect(() => sh.removeChart(c)).toThrow(CHART_NOT_FOUND);
      expect(() => sh.updateChart(c)).toThrow(CHART_NOT_FOUND);
      const loose = sh.newChart().setChartType(Charts.ChartType.PIE).addRange(sh.getRange('A1:B4')).build();
      expect(() => sh.removeChart(loose)).toThrow(CHART_NOT_FOUND);
    });
    expect(emu.book.sheets[0].charts).toEqual([]);

    const emu2 = seeded();
    const dash = emu2.book.insertSheet('Dashboard');
    emu2.run({}, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const d = ss.getSheetByName('Dashboard')!;
      // a chart on Dashboard over Sheet1's data
      d.insertChart(d.newChart().setChartType(Charts.ChartType.BAR).addRange(ss.getSheets()[0].getRange('A1:B4')).build());
    });
    expect(dash.charts).toHaveLength(1);
    emu2.book.deleteSheet(emu2.book.sheets[0]);
    expect(dash.charts[0].ranges).toEqual([]); // its data was on the removed sheet
    emu2.book.insertSheet('Other');
    emu2.run({}, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName('Dashboard')!);
    });
    expect(emu2.book.sheets.map((s) => s.name)).toEqual(['Other']);
    expect(emu2.book.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(emu2.book.chartById(dash.charts[0].id)).toBeNull();
  });

  it('anchors and ranges follow inserted and deleted rows and columns', () => {
    const emu = seeded();
    const sheet = emu.book.sheets[0];
    const ranges = () => sheet.charts[0].ranges.map((r) => r.rect);
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].insertRowsAfter(1, 3));
    expect(sheet.charts[0].position).toMatchObject({ row: 5, col: 5 });
    // rows inserted inside the data widen its ranges (A1:A4 -> A1:A7)
    expect(ranges()).toEqual([
      { row: 1, col: 1, numRows: 7, numCols: 1 },
      { row: 1, col: 3, numRows: 7, numCols: 1 },
    ]);
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].insertColumnsAfter(2, 1));
    expect(sheet.charts[0].position).toMatchObject({ row: 5, col: 6 });
    expect(ranges()[1]).toEqual({ row: 1, col: 4, numRows: 7, numCols: 1 });
    const seen = emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.deleteRows(2, 3);
      const info = sh.getCharts()[0].getContainerInfo();
      return [info.getAnchorRow(), info.getAnchorColumn()];
    });
    expect(seen).toEqual([2, 6]);
    expect(ranges()[0]).toEqual({ row: 1, col: 1, numRows: 4, numCols: 1 });
    // the anchor row itself deleted: the chart stays, anchored where its row was
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].deleteRows(2, 1));
    expect(sheet.charts[0].position.row).toBe(2);
    // a range wholly deleted leaves its chart
    emu.run({}, () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].deleteColumns(4, 1));
    expect(ranges()).toEqual([{ row: 1, col: 1, numRows: 3, numCols: 1 }]);
    expect(sheet.charts[0].position.col).toBe(5);
  });

  it('refuses bad arguments with Apps Script-style errors', () => {
    const emu = seeded();
    emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      expect(() => sh.newChart().addRange(sh.getRange('A1:B2')).build()).toThrow(CHART_TYPE_REQUIRED);
      expect(() => sh.newChart().setChartType('LINE' as unknown as GoogleAppsScript.Charts.ChartType)).toThrow(
        "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
      );
      const c = sh.getCharts()[0];
      expect(() => sh.insertChart(c)).toThrow(CHART_ALREADY_INSERTED);
      expect(() => sh.insertChart(c.modify().build())).toThrow(CHART_ALREADY_INSERTED);
      const far = sh.newChart().setChartType(Charts.ChartType.LINE).setPosition(1001, 1, 0, 0).build();
      expect(() => sh.insertChart(far)).toThrow('The chart anchor is outside the dimensions of the sheet.');
    });
    expect(emu.book.sheets[0].charts).toHaveLength(1);
  });

  it('throws EmulatorUnsupported for what is not emulated', () => {
    const emu = seeded();
    emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      const c = sh.getCharts()[0];
      expect(() => c.getBlob()).toThrow(EmulatorUnsupported);
      expect(() => c.getBlob()).toThrow('EmbeddedChart.getBlob is not emulated');
      // the real EmbeddedChart has getChartId(), no getId()
      expect(() => (c as unknown as { getId(): string }).getId()).toThrow('EmbeddedChart.getId is not emulated');
      expect(() => sh.newChart().asLineChart()).toThrow('EmbeddedChartBuilder.asLineChart is not emulated');
      expect(() => Charts.newDataTable()).toThrow('Charts.newDataTable is not emulated');
      expect(() => sh.newChart().setChartType(Charts.ChartType.SCATTER)).toThrow(EmulatorUnsupported);
    });
  });

  it('counts every chart call; Charts.ChartType is an uncounted enum read; gated by spreadsheets.currentonly', () => {
    const emu = seeded();
    const before = emu.counters.snapshot();
    emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      const t = Charts.ChartType.PIE;
      const b = sh.newChart().setChartType(t).addRange(sh.getRange('A1:B4')).setOption('title', 'Mix');
      sh.insertChart(b.build());
      const c = sh.getCharts()[1];
      c.getOptions().get('title');
      c.getContainerInfo().getAnchorRow();
      sh.removeChart(c);
    });
    const d = emu.counters.diff(before, emu.counters.snapshot());
    expect(d.calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.newChart': 1,
      'EmbeddedChartBuilder.setChartType': 1,
      'Sheet.getRange': 1,
      'EmbeddedChartBuilder.addRange': 1,
      'EmbeddedChartBuilder.setOption': 1,
      'EmbeddedChartBuilder.build': 1,
      'Sheet.insertChart': 1,
      'Sheet.getCharts': 1,
      'EmbeddedChart.getOptions': 1,
      'ChartOptions.get': 1,
      'EmbeddedChart.getContainerInfo': 1,
      'ContainerInfo.getAnchorRow': 1,
      'Sheet.removeChart': 1,
    });
    // the chart classes need the spreadsheet scope, like every Sheet method
    expect(() =>
      emu.run({ authMode: 'NONE' }, () => {
        String(Charts.ChartType.LINE); // enum reads pass in every mode
        return SpreadsheetApp.getActiveSpreadsheet();
      }),
    ).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly');
  });

  it('installs Charts in the bundle sandbox and hands back realm arrays', () => {
    const emu = seeded();
    const code = `
      function charts() {
        var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        var list = sh.getCharts();
        var colors = list[0].getOptions().get('colors');
        return [typeof Charts, String(Charts.ChartType.LINE), list instanceof Array, list[0].getRanges() instanceof Array, list.length, colors[0]];
      }`;
    const sandbox = new BundleSandbox(emu, { code });
    expect(sandbox.call('charts')).toEqual(['object', 'LINE', true, true, 1, '#1a73e8']);
  });
});

describe('preview drawing of charts (tools/preview/charts.ts)', () => {
  it('reads ranges as the tab shows them: header row, labels, one series per value column', () => {
    const emu = seeded();
    const view = chartView(emu.book.sheets[0].charts[0]);
    expect(view).toMatchObject({
      type: 'LINE',
      title: 'Stock value',
      anchor: 'E2',
      legend: 'bottom',
      colors: ['#1a73e8'],
      hAxisTitle: 'Month',
      categories: ['Jan', 'Feb', 'Mar'],
      series: [{ name: 'Value', values: [30, 45, 41], labels: ['30', '45', '41'] }],
    });
    // transposed: rows become series
    const t = chartView({ ...emu.book.sheets[0].charts[0], ranges: [{ sheet: emu.book.sheets[0], rect: { row: 1, col: 1, numRows: 3, numCols: 3 } }], transpose: true, numHeaders: 1 });
    expect(t.categories).toEqual(['Units', 'Value']);
    expect(t.series.map((x) => [x.name, x.values])).toEqual([['Jan', [3, 30]], ['Feb', [5, 45]]]);
  });

  it('draws a polyline per series, a bar per value, a slice per positive value, with the title and a legend', () => {
    const emu = seeded();
    emu.run({}, () => {
      const sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      for (const type of [Charts.ChartType.COLUMN, Charts.ChartType.PIE, Charts.ChartType.AREA, Charts.ChartType.BAR]) {
        sh.insertChart(sh.newChart().setChartType(type).addRange(sh.getRange('A1:C4')).setOption('title', `<${String(type)}> & co`).setPosition(20, 1, 0, 0).build());
      }
    });
    const svgs = Object.fromEntries(chartsOf(emu.book.sheets[0]).map((c) => [c.type, c.svg]));
    const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
    expect(count(svgs.LINE, /<polyline /g)).toBe(1);
    expect(svgs.LINE).toContain('>Stock value</text>');
    expect(count(svgs.AREA, /<polyline /g)).toBe(2);
    expect(count(svgs.AREA, /<polygon /g)).toBe(2);
    expect(count(svgs.COLUMN, /<rect class="bar"/g)).toBe(6);
    expect(count(svgs.BAR, /<rect class="bar"/g)).toBe(6);
    expect(count(svgs.PIE, /class="slice"/g)).toBe(3);
    // legend: series names (or a pie's categories), and the title is escaped, never markup
    expect(svgs.COLUMN).toContain('>Units<title>Units</title></text>');
    expect(svgs.PIE).toContain('>Feb<title>Feb</title></text>');
    expect(svgs.PIE).toContain('&lt;PIE&gt; &amp; co');
    expect(svgs.PIE).not.toContain('<PIE>');
    expect(chartSvg({ ...chartView(emu.book.sheets[0].charts[0]), categories: [], series: [] })).toContain('No data');
  });

  it('reads numbers from display texts in the spreadsheet locale', () => {
    expect(displayNumber('$1,234.50', 'en_US')).toBe(1234.5);
    expect(displayNumber('(12)', 'en_US')).toBe(-12);
    expect(displayNumber('-€5.00', 'en_US')).toBe(-5);
    expect(displayNumber('8,25\u00a0€', 'fr_FR')).toBe(8.25);
    expect(displayNumber('1\u202f234,5', 'fr_FR')).toBe(1234.5);
    expect(displayNumber('10%', 'en_US')).toBe(10);
    expect(displayNumber('1.5 EUR', 'en_US')).toBe(1.5);
    for (const text of ['', 'Jan', 'SOAP-ROSE 12', '2026-01', 'A-1-2']) expect(displayNumber(text, 'en_US')).toBeNull();
  });
});
