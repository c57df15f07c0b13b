/**
 * Embedded charts in the uncounted model (SheetModel.charts): what a chart is, and how charts
 * follow row/column inserts and deletes and sheet removal. No facades here (sheet-model.ts and
 * model.ts import it), see charts.ts for the counted Apps Script surface.
 */
import type { Rect } from './a1';
import type { SheetModel } from './sheet-model';

/** Charts.ChartType names the emulator builds charts of (the preview draws each of them). */
export const EMULATED_CHART_TYPES = ['LINE', 'COLUMN', 'BAR', 'PIE', 'AREA'] as const;
export type EmulatedChartType = (typeof EMULATED_CHART_TYPES)[number];

export interface ChartRange {
  sheet: SheetModel;
  rect: Rect;
}

export interface ChartPosition {
  /** anchor row and column, 1-based */
  row: number;
  col: number;
  /** pixels from the anchor cell's top-left corner */
  offsetX: number;
  offsetY: number;
}

/** A chart on a sheet (SheetModel.charts). */
export interface ChartModel {
  /** getChartId(): unique in the book, stable across updateChart */
  id: number;
  type: EmulatedChartType;
  /** data ranges in addRange order; they may be on other sheets of the book */
  ranges: ChartRange[];
  /** setOption(name, value) as given: keys are the option names ('title', 'hAxis.title', ...) */
  options: Record<string, unknown>;
  position: ChartPosition;
  /** setNumHeaders; -1 = not set (Sheets guesses) */
  numHeaders: number;
  transpose: boolean;
}

/** What a builder and a built, not yet inserted, EmbeddedChart hold (id null until inserted). */
export interface ChartSpec extends Omit<ChartModel, 'id' | 'type'> {
  id: number | null;
  type: EmulatedChartType | null;
}

export function newSpec(): ChartSpec {
  return { id: null, type: null, ranges: [], options: {}, position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1, transpose: false };
}

/** A copy that shares nothing mutable with `c` but the sheets and the option values. */
export function copySpec<T extends ChartSpec | ChartModel>(c: T): T {
  return {
    ...c,
    ranges: c.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: { ...c.options },
    position: { ...c.position },
  };
}

/**
 * An option as ChartOptions.get(name) reads it: the key as set, else a dotted path through
 * object values ('hAxis.title' finds setOption('hAxis', { title })), else null.
 */
export function chartOption(options: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(options, name)) return options[name];
  const parts = name.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    if (!Object.prototype.hasOwnProperty.call(options, head)) continue;
    let v: unknown = options[head];
    for (const p of parts.slice(i)) {
      if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return null;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  }
  return null;
}

type Axis = 'row' | 'col';

function start(r: Rect, axis: Axis): number {
  return axis === 'row' ? r.row : r.col;
}
function length(r: Rect, axis: Axis): number {
  return axis === 'row' ? r.numRows : r.numCols;
}
function withSpan(r: Rect, axis: Axis, s: number, len: number): Rect {
  return axis === 'row' ? { ...r, row: s, numRows: len } : { ...r, col: s, numCols: len };
}

/**
 * `n` rows/columns inserted after `after` on `sheet`: anchors on that sheet below/right of it
 * move; every chart range of the book on that sheet moves or grows (an insert strictly inside
 * a range widens it, as for formulas and protections).
 */
export function chartsOnInsert(sheet: SheetModel, axis: Axis, after: number, n: number): void {
  for (const c of sheet.charts) {
    if (axis === 'row' && c.position.row > after) c.position.row += n;
    if (axis === 'col' && c.position.col > after) c.position.col += n;
  }
  for (const s of sheet.book.sheets) {
    for (const c of s.charts) {
      for (const r of c.ranges) {
        if (r.sheet !== sheet) continue;
        const st = start(r.rect, axis);
        const len = length(r.rect, axis);
        if (st > after) r.rect = withSpan(r.rect, axis, st + n, len);
        else if (st + len - 1 > after) r.rect = withSpan(r.rect, axis, st, len + n);
      }
    }
  }
}

/**
 * `n` rows/columns deleted from `pos` on `sheet`. A chart is never deleted with its anchor:
 * an anchor inside the block moves to `pos` (the row/column that now takes that place, at most
 * the last one); after the block it moves back by n. Chart ranges shrink, and a range wholly
 * inside the block is dropped from its chart.
 */
export function chartsOnDelete(sheet: SheetModel, axis: Axis, pos: number, n: number): void {
  const last = axis === 'row' ? sheet.maxRows : sheet.maxColumns; // already reduced by n
  for (const c of sheet.charts) {
    const key = axis === 'row' ? 'row' : 'col';
    const a = c.position[key];
    if (a >= pos + n) c.position[key] = a - n;
    else if (a >= pos) c.position[key] = Math.min(pos, last);
  }
  const delEnd = pos + n - 1;
  for (const s of sheet.book.sheets) {
    for (const c of s.charts) {
      c.ranges = c.ranges.flatMap((r) => {
        if (r.sheet !== sheet) return [r];
        const st = start(r.rect, axis);
        const len = length(r.rect, axis);
        const end = st + len - 1;
        const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(st, pos) + 1);
        if (len - overlap <= 0) return [];
        const newStart = st > delEnd ? st - n : Math.min(st, pos);
        return [{ sheet: r.sheet, rect: withSpan(r.rect, axis, newStart, len - overlap) }];
      });
    }
  }
}

/** `gone` was removed from the book: its charts went with it; ranges of other charts on it are dropped. */
export function chartsOnSheetRemoved(sheets: SheetModel[], gone: SheetModel): void {
  for (const s of sheets) for (const c of s.charts) c.ranges = c.ranges.filter((r) => r.sheet !== gone);
}
