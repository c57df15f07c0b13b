/**
 * Embedded charts (counted facades): the global `Charts` (its ChartType enum), EmbeddedChartBuilder
 * from Sheet.newChart() / EmbeddedChart.modify(), EmbeddedChart, ContainerInfo, ChartOptions.
 * Sheet.insertChart/updateChart/removeChart/getCharts live in sheet.ts and use the helpers here.
 * The model is SheetModel.charts (chart-model.ts). Rules and wordings: README, "Embedded charts".
 */
import type {
  ChartOptionsLike,
  ChartsLike,
  ContainerInfoLike,
  EmbeddedChartBuilderLike,
  EmbeddedChartLike,
  RangeLike,
} from '../../src/sheets/apps-script';
import {
  chartOption,
  copySpec,
  EMULATED_CHART_TYPES,
  newSpec,
  type ChartModel,
  type ChartPosition,
  type ChartSpec,
  type EmulatedChartType,
} from './chart-model';
import type { EnumValue } from './enums';
import { EmulatorUnsupported, ServiceError } from './errors';
import { unwrap, type Execution } from './execution';
import { RangeFacade, rangeFacade } from './range';
import type { SheetModel } from './sheet-model';

type ChartType = GoogleAppsScript.Charts.ChartType;

/** Our wordings (UNCONFIRMED: Google's texts for these cases are not documented). */
export const CHART_TYPE_REQUIRED = 'A chart needs a type: call setChartType before build().';
export const CHART_ALREADY_INSERTED = 'This chart is already in the spreadsheet: use updateChart to change it.';
export const CHART_NOT_FOUND = 'The chart is not on this sheet.';
export const CHART_ANCHOR_OUTSIDE = 'The chart anchor is outside the dimensions of the sheet.';

function signature(method: string, args: unknown[]): ServiceError {
  const names = args.map((a) => (a === null || a === undefined ? 'null' : typeof a === 'object' ? 'Object' : typeof a === 'string' ? 'String' : typeof a === 'number' ? 'number' : typeof a === 'boolean' ? 'Boolean' : 'Object'));
  return new ServiceError(`The parameters (${names.join(',')}) don't match the method signature for SpreadsheetApp.${method}.`);
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

// ---------- Charts (global) ----------

class ChartsFacade implements ChartsLike {
  constructor(private readonly x: Execution) {}
  get ChartType(): typeof GoogleAppsScript.Charts.ChartType {
    return this.x.emu.enums.ChartType as unknown as typeof GoogleAppsScript.Charts.ChartType;
  }
}

/** The `Charts` global: ChartType is an uncounted enum read; everything else is EmulatorUnsupported. */
export function chartsFacade(x: Execution): ChartsLike {
  return x.wrap('Charts', new ChartsFacade(x));
}

// ---------- ContainerInfo, ChartOptions ----------

class ContainerInfoFacade implements ContainerInfoLike {
  constructor(private readonly p: ChartPosition) {}
  getAnchorColumn(): number {
    return this.p.col;
  }
  getAnchorRow(): number {
    return this.p.row;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}

class ChartOptionsFacade implements ChartOptionsLike {
  constructor(private readonly options: Record<string, unknown>) {}
  get(option: string): any {
    if (typeof option !== 'string') throw signature('ChartOptions.get', [option]);
    return chartOption(this.options, option);
  }
}

// ---------- EmbeddedChart ----------

export class EmbeddedChartFacade implements EmbeddedChartLike {
  constructor(
    private readonly x: Execution,
    /** this object's own state: a snapshot (getCharts) or what build() produced */
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): number | null {
    return this._spec.id;
  }
  getRanges(): RangeLike[] {
    return this.x.array(this._spec.ranges.map((r) => rangeFacade(this.x, r.sheet, { ...r.rect })));
  }
  getOptions(): ChartOptionsLike {
    return this.x.wrap('ChartOptions', new ChartOptionsFacade({ ...this._spec.options }));
  }
  getContainerInfo(): ContainerInfoLike {
    return this.x.wrap('ContainerInfo', new ContainerInfoFacade({ ...this._spec.position }));
  }
  getNumHeaders(): number {
    return this._spec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._spec.transpose;
  }
  modify(): EmbeddedChartBuilderLike {
    return builderFacade(this.x, copySpec(this._spec));
  }
}

export function chartFacade(x: Execution, spec: ChartSpec | ChartModel): EmbeddedChartLike {
  return x.wrap('EmbeddedChart', new EmbeddedChartFacade(x, copySpec(spec)));
}

// ---------- EmbeddedChartBuilder ----------

class EmbeddedChartBuilderFacade implements EmbeddedChartBuilderLike {
  constructor(
    private readonly x: Execution,
    private readonly spec: ChartSpec,
  ) {}
  private _self(): EmbeddedChartBuilderLike {
    return this.x.wrap('EmbeddedChartBuilder', this);
  }
  setChartType(type: ChartType): EmbeddedChartBuilderLike {
    const all = this.x.emu.enums.ChartType as Record<string, EnumValue>;
    const found = Object.values(all).find((v) => v === (type as unknown));
    if (!found) throw signature('EmbeddedChartBuilder.setChartType', [type]);
    if (!(EMULATED_CHART_TYPES as readonly string[]).includes(found.name)) {
      throw new EmulatorUnsupported(`Charts.ChartType.${found.name} is not emulated (charts: ${EMULATED_CHART_TYPES.join(', ')})`);
    }
    this.spec.type = found.name as EmulatedChartType;
    return this._self();
  }
  getChartType(): ChartType {
    const all = this.x.emu.enums.ChartType as Record<string, EnumValue>;
    return (this.spec.type === null ? null : all[this.spec.type]) as unknown as ChartType;
  }
  addRange(range: RangeLike): EmbeddedChartBuilderLike {
    const f = unwrap<RangeFacade>(range, 'Range');
    this.spec.ranges.push({ sheet: f._sheet, rect: { ...f._rect } });
    return this._self();
  }
  removeRange(range: RangeLike): EmbeddedChartBuilderLike {
    const f = unwrap<RangeFacade>(range, 'Range');
    const same = (r: ChartSpec['ranges'][number]) =>
      r.sheet === f._sheet && r.rect.row === f._rect.row && r.rect.col === f._rect.col && r.rect.numRows === f._rect.numRows && r.rect.numCols === f._rect.numCols;
    this.spec.ranges = this.spec.ranges.filter((r) => !same(r));
    return this._self();
  }
  clearRanges(): EmbeddedChartBuilderLike {
    this.spec.ranges = [];
    return this._self();
  }
  getRanges(): RangeLike[] {
    return this.x.array(this.spec.ranges.map((r) => rangeFacade(this.x, r.sheet, { ...r.rect })));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderLike {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every(finite)) throw signature('EmbeddedChartBuilder.setPosition', args);
    const [row, col, ox, oy] = args.map((v) => Math.trunc(v));
    if (row < 1 || col < 1) throw new ServiceError(CHART_ANCHOR_OUTSIDE);
    this.spec.position = { row, col, offsetX: ox, offsetY: oy };
    return this._self();
  }
  getContainer(): ContainerInfoLike {
    return this.x.wrap('ContainerInfo', new ContainerInfoFacade({ ...this.spec.position }));
  }
  setOption(option: string, value: any): EmbeddedChartBuilderLike {
    if (typeof option !== 'string') throw signature('EmbeddedChartBuilder.setOption', [option, value]);
    this.spec.options[option] = value;
    return this._self();
  }
  setNumHeaders(headers: number): EmbeddedChartBuilderLike {
    if (!finite(headers)) throw signature('EmbeddedChartBuilder.setNumHeaders', [headers]);
    const n = Math.trunc(headers);
    if (n < -1) throw new ServiceError('Invalid argument: headers');
    this.spec.numHeaders = n;
    return this._self();
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilderLike {
    if (typeof transpose !== 'boolean') throw signature('EmbeddedChartBuilder.setTransposeRowsAndColumns', [transpose]);
    this.spec.transpose = transpose;
    return this._self();
  }
  build(): EmbeddedChartLike {
    if (this.spec.type === null) throw new ServiceError(CHART_TYPE_REQUIRED);
    return chartFacade(this.x, this.spec);
  }
}

export function builderFacade(x: Execution, spec: ChartSpec = newSpec()): EmbeddedChartBuilderLike {
  return x.wrap('EmbeddedChartBuilder', new EmbeddedChartBuilderFacade(x, spec));
}

// ---------- Sheet operations (called by the Sheet facade) ----------

function checkAnchor(sheet: SheetModel, p: ChartPosition): void {
  if (p.row > sheet.maxRows || p.col > sheet.maxColumns) throw new ServiceError(CHART_ANCHOR_OUTSIDE);
}

function stored(spec: ChartSpec, id: number): ChartModel {
  return { ...copySpec(spec), id, type: spec.type as EmulatedChartType };
}

/** A new chart on `sheet`; the EmbeddedChart passed gets its id, so it can be updated or removed later. */
export function insertChart(x: Execution, sheet: SheetModel, chart: EmbeddedChartLike): void {
  const f = unwrap<EmbeddedChartFacade>(chart, 'EmbeddedChart');
  if (f._spec.id !== null && x.emu.book.chartById(f._spec.id)) throw new ServiceError(CHART_ALREADY_INSERTED);
  checkAnchor(sheet, f._spec.position);
  const id = x.emu.book.newChartId();
  f._spec.id = id;
  sheet.charts.push(stored(f._spec, id));
}

function indexOn(sheet: SheetModel, chart: EmbeddedChartLike): { f: EmbeddedChartFacade; i: number } {
  const f = unwrap<EmbeddedChartFacade>(chart, 'EmbeddedChart');
  const i = f._spec.id === null ? -1 : sheet.charts.findIndex((c) => c.id === f._spec.id);
  if (i < 0) throw new ServiceError(CHART_NOT_FOUND);
  return { f, i };
}

/** Replaces the chart of the same id on `sheet` with the given one (ranges, type, options, position...). */
export function updateChart(sheet: SheetModel, chart: EmbeddedChartLike): void {
  const { f, i } = indexOn(sheet, chart);
  checkAnchor(sheet, f._spec.position);
  sheet.charts[i] = stored(f._spec, sheet.charts[i].id);
}

export function removeChart(sheet: SheetModel, chart: EmbeddedChartLike): void {
  sheet.charts.splice(indexOn(sheet, chart).i, 1);
}
