/**
 * The Workbook port: the app layer reaches the sheet only through this, and gets domain
 * values back. It knows tables and rows; it knows no business rule.
 */
import type { SpreadsheetAppLike, SpreadsheetLike } from './apps-script';
import { SETTING_DEFAULTS, type TableId } from './schema';
import { TableDirectory, type KeyValueStore } from './directory';
import { Table } from './table';
import type { CellEnv } from './cells';
import { ItemsStore, LedgerStore, LogStore, SettingsStore, StockStore, SummaryStore } from './stores';
import { setupTables, type TableReport } from './setup';
import { OrdersStore, PickListsStore, ShipmentsStore } from './order-stores';
import { PurchaseOrdersStore, ReplenishmentStore } from './replenishment-stores';
import { drawCharts, type ChartSpec, type ChartTypes } from './charts';
import { ValuationStore } from './valuation-store';
import { parseValuationMethod, type ValuationMethod } from '../domain/valuation';
import { ProblemError, problem } from '../domain/result';
import type { Translator } from '../domain/i18n';
import { isCurrencyCode } from '../domain/money';

export type { TableReport };

export const VALUATION_LOCK = 'valuation_method_locked';

export interface WorkbookDeps {
  /** Charts.ChartType from src/gas; absent where the Charts service is not available */
  chartTypes?: ChartTypes;
  app: SpreadsheetAppLike;
  spreadsheet: SpreadsheetLike;
  props: KeyValueStore;
  formatDate(date: Date, timeZone: string, pattern: string): string;
}

export class Workbook {
  readonly directory: TableDirectory;
  private readonly tables = new Map<TableId, Table>();
  private settingsCache: Record<string, string> | null = null;
  private tz: string | null = null;
  private ordersStore: OrdersStore | null = null;
  private pickListsStore: PickListsStore | null = null;
  private poStore: PurchaseOrdersStore | null = null;
  private shipmentsStore: ShipmentsStore | null = null;

  constructor(private readonly deps: WorkbookDeps) {
    this.directory = new TableDirectory(deps.spreadsheet, deps.props);
  }

  locale(): string {
    return this.deps.spreadsheet.getSpreadsheetLocale();
  }

  timeZone(): string {
    if (this.tz === null) this.tz = this.deps.spreadsheet.getSpreadsheetTimeZone();
    return this.tz;
  }

  /** A moment as a yyyy-MM-dd date in the spreadsheet's time zone. */
  ymd(ms: number): string {
    return this.deps.formatDate(new Date(ms), this.timeZone(), 'yyyy-MM-dd');
  }

  /**
   * Epoch ms of a wall-clock time without zone (yyyy-MM-ddTHH:mm[:ss]) in the spreadsheet's
   * time zone, as a shop's export means it. The zone's offset is read at that moment.
   */
  localToMs(local: string): number | null {
    const guess = Date.parse(local.length <= 10 ? local + 'T00:00:00Z' : local + 'Z');
    if (!Number.isFinite(guess)) return null;
    const offset = /^([+-])(\d\d):?(\d\d)$/.exec(this.deps.formatDate(new Date(guess), this.timeZone(), 'Z'));
    if (!offset) return guess;
    const ms = (Number(offset[2]) * 60 + Number(offset[3])) * 60000 * (offset[1] === '-' ? -1 : 1);
    return guess - ms;
  }

  /**
   * A pure day function for bucketing many times (demand per day): the spreadsheet zone's
   * offset is read once, now; a day at the other side of a DST change may shift by an hour.
   */
  dayFn(now: number): (ms: number) => string {
    const offset = /^([+-])(\d\d):?(\d\d)$/.exec(this.deps.formatDate(new Date(now), this.timeZone(), 'Z'));
    const ms = offset ? (Number(offset[2]) * 60 + Number(offset[3])) * 60000 * (offset[1] === '-' ? -1 : 1) : 0;
    return (t: number) => new Date(t + ms).toISOString().slice(0, 10);
  }

  isSetUp(): boolean {
    return this.directory.wasCreated('ledger');
  }

  private env(): CellEnv {
    return { currency: this.currency(), timeZone: this.timeZone(), formatDate: this.deps.formatDate };
  }

  /** The tab of a table; refuses clearly when it is not there. */
  table(id: TableId): Table {
    const known = this.tables.get(id);
    if (known) return known;
    const sheet = this.directory.find(id);
    if (!sheet) {
      if (id === 'ledger' && this.directory.wasCreated('ledger')) throw new ProblemError([problem('ledger_missing', 'ledger')]);
      if (!this.isSetUp()) throw new ProblemError([problem('not_set_up')]);
      throw new ProblemError([problem('table_missing', '', undefined, { table: id })]);
    }
    const table = new Table(id, sheet, this.env());
    this.tables.set(id, table);
    return table;
  }

  /** Settings by key, with defaults for keys the tab does not hold. Read once. */
  settings(): Record<string, string> {
    if (!this.settingsCache) {
      const sheet = this.isSetUp() ? this.directory.find('settings') : null;
      // Settings are all text: the currency of the cell env does not matter here.
      const env: CellEnv = { currency: SETTING_DEFAULTS.currency, timeZone: this.timeZone(), formatDate: this.deps.formatDate };
      const rows = sheet ? new SettingsStore(new Table('settings', sheet, env)).readAll() : [];
      const values: Record<string, string> = { ...SETTING_DEFAULTS };
      for (const r of rows) if (r.value.value !== '' || r.value.key === 'language') values[r.value.key] = r.value.value;
      this.settingsCache = values;
    }
    return this.settingsCache;
  }

  /** Forget settings read earlier in this execution (after the Settings form saved). */
  settingsChanged(): void {
    this.settingsCache = null;
    this.tables.clear();
    this.ordersStore = null;
    this.pickListsStore = null;
    this.poStore = null;
    this.shipmentsStore = null;
  }

  currency(): string {
    const c = (this.settings().currency ?? '').toUpperCase();
    return isCurrencyCode(c) ? c : SETTING_DEFAULTS.currency;
  }

  items(): ItemsStore {
    return new ItemsStore(this.table('items'));
  }
  ledger(): LedgerStore {
    return new LedgerStore(this.table('ledger'));
  }
  stock(): StockStore {
    return new StockStore(this.table('stock'));
  }
  summary(): SummaryStore {
    return new SummaryStore(this.table('stock_summary'));
  }
  settingsStore(): SettingsStore {
    return new SettingsStore(this.table('settings'));
  }
  log(): LogStore {
    return new LogStore(this.table('log'));
  }
  /** One store per execution, so rows read once can back a batched update. */
  orders(): OrdersStore {
    if (!this.ordersStore) this.ordersStore = new OrdersStore(this.table('orders'));
    return this.ordersStore;
  }
  pickLists(): PickListsStore {
    if (!this.pickListsStore) this.pickListsStore = new PickListsStore(this.table('pick_lists'));
    return this.pickListsStore;
  }
  valuation(): ValuationStore {
    return new ValuationStore(this.table('valuation'));
  }

  /**
   * The valuation method: Settings valuation_method until the first outbound movement is
   * posted, then the one recorded at that moment (document property), whatever Settings says.
   */
  valuationMethod(): ValuationMethod {
    return parseValuationMethod(this.deps.props.get(VALUATION_LOCK) ?? '') ?? parseValuationMethod(this.settings().valuation_method ?? '') ?? 'moving_average';
  }

  valuationLocked(): boolean {
    return !!this.deps.props.get(VALUATION_LOCK);
  }

  /** Record the method in force at the first outbound movement; later calls change nothing. */
  lockValuationMethod(): void {
    if (!this.deps.props.get(VALUATION_LOCK)) this.deps.props.set(VALUATION_LOCK, this.valuationMethod());
  }

  purchaseOrders(): PurchaseOrdersStore {
    if (!this.poStore) this.poStore = new PurchaseOrdersStore(this.table('purchase_orders'));
    return this.poStore;
  }
  replenishment(): ReplenishmentStore {
    return new ReplenishmentStore(this.table('replenishment'));
  }
  shipments(): ShipmentsStore {
    if (!this.shipmentsStore) this.shipmentsStore = new ShipmentsStore(this.table('shipments'));
    return this.shipmentsStore;
  }

  setup(t: Translator): TableReport[] {
    this.settingsCache = null;
    const reports = setupTables(this.deps.app, this.deps.spreadsheet, this.directory, t, this.currency());
    this.tables.clear();
    this.ordersStore = null;
    this.pickListsStore = null;
    this.poStore = null;
    this.shipmentsStore = null;
    return reports;
  }

  /** Replace a tab's charts (the dashboard); 0 when charts cannot be drawn here. */
  drawCharts(id: TableId, specs: ChartSpec[]): number {
    if (!this.deps.chartTypes) return 0;
    const table = this.table(id);
    return drawCharts(table.sheet, table, specs, this.deps.chartTypes);
  }

  /** Pending writes are committed before the lock is released. */
  flush(): void {
    this.deps.app.flush();
  }
}
