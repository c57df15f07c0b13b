/**
 * The preview's drawing of embedded charts (SheetModel.charts): a chart's ranges are read as
 * the tab shows them (display values), turned into categories and series the way Sheets reads
 * a chart's data (ranges side by side as columns, or transposed; header rows; the first column
 * as labels), and drawn as a small inline SVG with its title and a legend. No library, no URL.
 *
 *  - LINE: one polyline per series (and a dot per point); AREA: the same over a filled polygon;
 *  - COLUMN: vertical bars grouped by category; BAR: horizontal bars;
 *  - PIE: one slice per category of the first series (values <= 0 and blanks are left out).
 * A value is the number its display text reads ("1,234.50", "8,25 €", "10%" read as 10), else
 * the cell's number; a blank or text cell is a gap. Options read: title, legend (string or
 * { position }), colors, hAxis.title, vAxis.title, width, height.
 */
import { chartOption, type ChartModel } from '../emulator/chart-model';
import { cellA1 } from '../emulator/a1';
import type { SheetModel } from '../emulator/sheet-model';
import { decimalSeparator, parseLocaleNumber } from '../emulator/values';

export const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24', '#5c6bc0', '#f06292'];

interface DataCell {
  text: string;
  num: number | null;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** the display texts behind the values */
  labels: string[];
}

export interface ChartView {
  id: number;
  type: ChartModel['type'];
  title: string;
  /** A1 of the anchor cell */
  anchor: string;
  legend: 'right' | 'bottom' | 'none';
  colors: string[];
  hAxisTitle: string;
  vAxisTitle: string;
  width: number;
  height: number;
  categories: string[];
  series: ChartSeries[];
}

const AFFIX_BEFORE = /^[\s(+-]*(?:[$€£¥₹]|[A-Z]{3})?[\s(+-]*$/;
const AFFIX_AFTER = /^\s*(?:%|[$€£¥₹]|[A-Z]{3})?\s*\)?$/;

/**
 * The number a display text reads in that locale, or null: a plain locale number, or one with a
 * currency symbol or code, a sign or parentheses before it and a symbol, code or % after it.
 */
export function displayNumber(text: string, locale: string): number | null {
  const t = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (t === '') return null;
  const direct = parseLocaleNumber(t, locale);
  if (direct !== null) return direct;
  const first = t.search(/\d/);
  if (first < 0) return null;
  let last = t.length - 1;
  while (!/\d/.test(t[last])) last--;
  const before = t.slice(0, first);
  const after = t.slice(last + 1);
  if (!AFFIX_BEFORE.test(before) || !AFFIX_AFTER.test(after)) return null;
  let core = t.slice(first, last + 1);
  if (decimalSeparator(locale) === '.') core = core.replace(/ /g, '');
  const n = parseLocaleNumber(core, locale);
  if (n === null) return null;
  return /[-(]/.test(before) ? -n : n;
}

function readCell(sheet: SheetModel, row: number, col: number): DataCell {
  const text = sheet.readDisplay(row, col);
  let num = displayNumber(text, sheet.book.locale);
  if (num === null && text !== '') {
    const v = sheet.cell(row, col)?.v;
    if (typeof v === 'number' && Number.isFinite(v)) num = v;
  }
  return { text, num };
}

/** The chart's data as one table: each range clipped to its sheet's data region, transposed if asked, ranges side by side. */
function dataTable(chart: ChartModel): DataCell[][] {
  const blocks = chart.ranges.map((r) => {
    const rows = Math.max(0, Math.min(r.rect.numRows, r.sheet.lastRow() - r.rect.row + 1));
    const cols = Math.max(0, Math.min(r.rect.numCols, r.sheet.lastColumn() - r.rect.col + 1));
    let grid: DataCell[][] = [];
    for (let i = 0; i < rows; i++) {
      const line: DataCell[] = [];
      for (let j = 0; j < cols; j++) line.push(readCell(r.sheet, r.rect.row + i, r.rect.col + j));
      grid.push(line);
    }
    if (chart.transpose) grid = Array.from({ length: cols }, (_, j) => grid.map((line) => line[j]));
    return { grid, width: chart.transpose ? rows : cols };
  });
  const height = Math.max(0, ...blocks.map((b) => b.grid.length));
  const out: DataCell[][] = [];
  for (let i = 0; i < height; i++) {
    const line: DataCell[] = [];
    for (const b of blocks) for (let j = 0; j < b.width; j++) line.push(b.grid[i]?.[j] ?? { text: '', num: null });
    out.push(line);
  }
  return out;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function legendOf(options: Record<string, unknown>): ChartView['legend'] {
  const v = chartOption(options, 'legend');
  const pos = typeof v === 'string' ? v : text(chartOption(options, 'legend.position'));
  if (pos === 'none') return 'none';
  if (pos === 'bottom' || pos === 'top' || pos === 'in') return 'bottom';
  return 'right';
}

function size(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.min(max, Math.round(v))) : fallback;
}

/** What the preview draws for one chart, from the workbook as it is now. */
export function chartView(chart: ChartModel): ChartView {
  const table = dataTable(chart);
  const width = table.reduce((w, r) => Math.max(w, r.length), 0);
  const domain = width >= 2 ? 1 : 0;
  let headers = chart.numHeaders;
  if (headers < 0) {
    // Sheets guesses: a first row whose value cells hold text (and a row below it) is a header
    headers = table.length >= 2 && table[0].slice(domain).some((c) => c.text !== '' && c.num === null) ? 1 : 0;
  }
  headers = Math.min(headers, table.length);
  const body = table.slice(headers);
  const colors = Array.isArray(chart.options.colors) ? (chart.options.colors as unknown[]).map(text).filter((c) => c) : [];
  const series: ChartSeries[] = [];
  for (let j = domain; j < width; j++) {
    const name = table.slice(0, headers).map((r) => r[j]?.text ?? '').filter((t) => t).join(' ');
    series.push({
      name: name || `Series ${series.length + 1}`,
      values: body.map((r) => r[j]?.num ?? null),
      labels: body.map((r) => r[j]?.text ?? ''),
    });
  }
  return {
    id: chart.id,
    type: chart.type,
    title: text(chartOption(chart.options, 'title')),
    anchor: cellA1(chart.position.row, chart.position.col),
    legend: legendOf(chart.options),
    colors: colors.length ? colors : PALETTE,
    hAxisTitle: text(chartOption(chart.options, 'hAxis.title')),
    vAxisTitle: text(chartOption(chart.options, 'vAxis.title')),
    width: size(chart.options.width, 360, 200, 640),
    height: size(chart.options.height, 220, 140, 480),
    categories: body.map((r, i) => (domain ? r[0]?.text ?? '' : String(i + 1))),
    series,
  };
}

// ---------- SVG ----------

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function short(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, Math.max(1, max - 1)) + '…';
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function tickLabel(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return r1(v / 1e9) + 'B';
  if (a >= 1e6) return r1(v / 1e6) + 'M';
  if (a >= 1e4) return r1(v / 1e3) + 'k';
  return String(Math.round(v * 100) / 100);
}

/** Axis bounds including 0 and round ticks (1, 2 or 5 x 10^k steps, about 4 of them). */
function scale(values: number[]): { min: number; max: number; ticks: number[] } {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) as number;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { min: lo, max: hi, ticks };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function legendItems(view: ChartView): { label: string; color: string }[] {
  if (view.type === 'PIE') return view.categories.map((c, i) => ({ label: c, color: view.colors[i % view.colors.length] }));
  return view.series.map((s, i) => ({ label: s.name, color: view.colors[i % view.colors.length] }));
}

function drawLegend(view: ChartView, box: Box, where: 'right' | 'bottom'): string {
  const items = legendItems(view);
  const out: string[] = ['<g class="legend">'];
  if (where === 'right') {
    items.slice(0, Math.floor(box.h / 16)).forEach((it, i) => {
      const y = box.y + i * 16;
      out.push(`<rect x="${box.x}" y="${y}" width="10" height="10" fill="${esc(it.color)}"/>`);
      out.push(`<text x="${box.x + 14}" y="${y + 9}">${esc(short(it.label, 14))}<title>${esc(it.label)}</title></text>`);
    });
  } else {
    let x = box.x;
    for (const it of items) {
      const label = short(it.label, 16);
      const w = 18 + label.length * 6.2;
      if (x + w > box.x + box.w) break;
      out.push(`<rect x="${r1(x)}" y="${box.y}" width="10" height="10" fill="${esc(it.color)}"/>`);
      out.push(`<text x="${r1(x + 14)}" y="${box.y + 9}">${esc(label)}<title>${esc(it.label)}</title></text>`);
      x += w + 8;
    }
  }
  out.push('</g>');
  return out.join('');
}

function tip(view: ChartView, s: ChartSeries, i: number): string {
  return `<title>${esc(`${view.categories[i]} · ${s.name}: ${s.labels[i]}`)}</title>`;
}

function drawPie(view: ChartView, box: Box): string {
  const s = view.series[0];
  if (!s) return '';
  const slices = s.values.map((v, i) => ({ v: v ?? 0, i })).filter((p) => p.v > 0);
  const total = slices.reduce((a, p) => a + p.v, 0);
  if (total <= 0) return '';
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const rad = Math.max(10, Math.min(box.w, box.h) / 2 - 4);
  const out: string[] = ['<g class="pie">'];
  let a0 = -Math.PI / 2;
  for (const p of slices) {
    const color = esc(view.colors[p.i % view.colors.length]);
    const pct = Math.round((p.v / total) * 1000) / 10;
    const title = `<title>${esc(`${view.categories[p.i]}: ${s.labels[p.i]} (${pct}%)`)}</title>`;
    if (slices.length === 1) {
      out.push(`<circle class="slice" cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(rad)}" fill="${color}">${title}</circle>`);
      break;
    }
    const a1 = a0 + (p.v / total) * 2 * Math.PI;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    const [x0, y0, x1, y1] = [cx + rad * Math.cos(a0), cy + rad * Math.sin(a0), cx + rad * Math.cos(a1), cy + rad * Math.sin(a1)];
    out.push(
      `<path class="slice" d="M${r1(cx)},${r1(cy)} L${r1(x0)},${r1(y0)} A${r1(rad)},${r1(rad)} 0 ${large} 1 ${r1(x1)},${r1(y1)} Z" fill="${color}" stroke="#fff" stroke-width="1">${title}</path>`,
    );
    a0 = a1;
  }
  out.push('</g>');
  return out.join('');
}

/** Axes, grid lines and the series of LINE, AREA, COLUMN and BAR charts. */
function drawCartesian(view: ChartView, box: Box): string {
  const n = view.categories.length;
  const values = view.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (n === 0 || values.length === 0) return '';
  const sc = scale(values);
  const horizontal = view.type === 'BAR';
  const out: string[] = [];
  // value axis position of v, along the axis (y for vertical charts, x for BAR)
  const along = (v: number) =>
    horizontal ? box.x + ((v - sc.min) / (sc.max - sc.min)) * box.w : box.y + box.h - ((v - sc.min) / (sc.max - sc.min)) * box.h;
  const band = (horizontal ? box.h : box.w) / n;
  const at = (i: number) => (horizontal ? box.y : box.x) + band * (i + 0.5);
  out.push('<g class="grid">');
  for (const t of sc.ticks) {
    const p = r1(along(t));
    if (horizontal) {
      out.push(`<line x1="${p}" y1="${box.y}" x2="${p}" y2="${box.y + box.h}" stroke="${t === 0 ? '#9aa0a6' : '#e8eaed'}"/>`);
      out.push(`<text x="${p}" y="${box.y + box.h + 12}" text-anchor="middle">${esc(tickLabel(t))}</text>`);
    } else {
      out.push(`<line x1="${box.x}" y1="${p}" x2="${box.x + box.w}" y2="${p}" stroke="${t === 0 ? '#9aa0a6' : '#e8eaed'}"/>`);
      out.push(`<text x="${box.x - 4}" y="${p + 3}" text-anchor="end">${esc(tickLabel(t))}</text>`);
    }
  }
  out.push('</g><g class="categories">');
  const every = Math.max(1, Math.ceil(n / (horizontal ? box.h / 14 : box.w / 48)));
  view.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const p = r1(at(i));
    if (horizontal) out.push(`<text x="${box.x - 4}" y="${p + 3}" text-anchor="end">${esc(short(c, 10))}<title>${esc(c)}</title></text>`);
    else out.push(`<text x="${p}" y="${box.y + box.h + 12}" text-anchor="middle">${esc(short(c, 8))}<title>${esc(c)}</title></text>`);
  });
  out.push('</g>');
  const base = along(Math.max(sc.min, Math.min(0, sc.max)));
  view.series.forEach((s, k) => {
    const color = esc(view.colors[k % view.colors.length]);
    out.push(`<g class="series" data-series="${esc(s.name)}">`);
    if (view.type === 'COLUMN' || view.type === 'BAR') {
      const inner = (band * 0.8) / view.series.length;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const start = at(i) - band * 0.4 + inner * k;
        const [a, b] = [Math.min(base, along(v)), Math.abs(along(v) - base)];
        const rect = horizontal
          ? `x="${r1(a)}" y="${r1(start)}" width="${r1(Math.max(b, 0.5))}" height="${r1(inner * 0.92)}"`
          : `x="${r1(start)}" y="${r1(a)}" width="${r1(inner * 0.92)}" height="${r1(Math.max(b, 0.5))}"`;
        out.push(`<rect class="bar" ${rect} fill="${color}">${tip(view, s, i)}</rect>`);
      });
    } else {
      const pts = s.values.map((v, i) => (v === null ? null : [r1(at(i)), r1(along(v))])).filter((p): p is number[] => p !== null);
      const line = pts.map((p) => p.join(',')).join(' ');
      if (view.type === 'AREA' && pts.length) {
        const b = r1(base);
        out.push(`<polygon points="${pts[0][0]},${b} ${line} ${pts[pts.length - 1][0]},${b}" fill="${color}" fill-opacity="0.25" stroke="none"/>`);
      }
      out.push(`<polyline points="${line}" fill="none" stroke="${color}" stroke-width="2"/>`);
      s.values.forEach((v, i) => {
        if (v !== null) out.push(`<circle cx="${r1(at(i))}" cy="${r1(along(v))}" r="2.5" fill="${color}">${tip(view, s, i)}</circle>`);
      });
    }
    out.push('</g>');
  });
  return out.join('');
}

/** The chart as a standalone inline <svg> (title, legend, plot), sized by the width/height options. */
export function chartSvg(view: ChartView): string {
  const { width: W, height: H } = view;
  const top = view.title ? 26 : 10;
  const legendRight = view.legend === 'right' && legendItems(view).length > 0;
  const legendBottom = view.legend === 'bottom' && legendItems(view).length > 0;
  const pie = view.type === 'PIE';
  const left = pie ? 10 : 44 + (view.vAxisTitle ? 14 : 0);
  const right = legendRight ? 110 : 12;
  const bottom = (pie ? 10 : 22) + (view.hAxisTitle && !pie ? 14 : 0) + (legendBottom ? 18 : 0);
  const plot: Box = { x: left, y: top, w: Math.max(20, W - left - right), h: Math.max(20, H - top - bottom) };
  if (view.type === 'BAR') {
    plot.x += 20;
    plot.w = Math.max(20, plot.w - 20);
  }
  const label = view.title || `${view.type} chart`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart-id="${view.id}" data-type="${view.type}" role="img" aria-label="${esc(label)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Roboto, Arial, sans-serif" font-size="10" fill="#3c4043">`,
    `<title>${esc(label)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff" stroke="#dadce0"/>`,
  ];
  if (view.title) out.push(`<text class="chart-title" x="10" y="17" font-size="13" font-weight="bold" fill="#202124">${esc(short(view.title, Math.floor((W - 20) / 7.5)))}</text>`);
  const drawn = pie ? drawPie(view, plot) : drawCartesian(view, plot);
  out.push(drawn || `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" fill="#5f6368">No data</text>`);
  if (!pie && view.hAxisTitle) {
    out.push(`<text class="axis-title" x="${r1(plot.x + plot.w / 2)}" y="${plot.y + plot.h + 27}" text-anchor="middle" font-style="italic">${esc(view.hAxisTitle)}</text>`);
  }
  if (!pie && view.vAxisTitle) {
    const y = r1(plot.y + plot.h / 2);
    out.push(`<text class="axis-title" x="12" y="${y}" text-anchor="middle" font-style="italic" transform="rotate(-90 12 ${y})">${esc(view.vAxisTitle)}</text>`);
  }
  if (drawn && legendRight) out.push(drawLegend(view, { x: W - right + 8, y: top + 4, w: right - 12, h: H - top - 8 }, 'right'));
  if (drawn && legendBottom) out.push(drawLegend(view, { x: left, y: H - 16, w: W - left - 8, h: 12 }, 'bottom'));
  out.push('</svg>');
  return out.join('');
}

/** The charts of a tab as the preview page gets them, top-left anchors first. */
export function chartsOf(sheet: SheetModel): { id: number; type: string; title: string; anchor: string; svg: string }[] {
  return [...sheet.charts]
    .sort((a, b) => a.position.row - b.position.row || a.position.col - b.position.col)
    .map((c) => {
      const view = chartView(c);
      return { id: c.id, type: c.type, title: view.title, anchor: view.anchor, svg: chartSvg(view) };
    });
}
