/**
 * Where each table lives. Document properties hold {tableId: sheetId} (authoritative: a
 * duplicated tab carrying the same metadata loses to it); developer metadata table=<id>
 * on the tab is the fallback when the property is missing or points nowhere.
 */
import type { SheetLike, SpreadsheetLike } from './apps-script';
import type { TableId } from './schema';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const TABLES_PROPERTY = 'tables';
export const METADATA_KEY = 'table';

export class TableDirectory {
  private ids: Partial<Record<TableId, number>> | null = null;

  constructor(private readonly ss: SpreadsheetLike, private readonly props: KeyValueStore) {}

  recorded(): Partial<Record<TableId, number>> {
    if (!this.ids) {
      try {
        this.ids = JSON.parse(this.props.get(TABLES_PROPERTY) ?? '{}') as Partial<Record<TableId, number>>;
      } catch {
        this.ids = {};
      }
    }
    return this.ids;
  }

  /** The tab of a table, or null. Costs one call when the property is right. */
  find(id: TableId): SheetLike | null {
    const sheetId = this.recorded()[id];
    if (sheetId !== undefined) {
      const sheet = this.ss.getSheetById(sheetId);
      if (sheet) return sheet;
    }
    const found = this.ss.createDeveloperMetadataFinder().withKey(METADATA_KEY).withValue(id).find();
    for (const md of found) {
      const sheet = md.getLocation().getSheet();
      if (sheet) {
        this.record(id, sheet);
        return sheet;
      }
    }
    return null;
  }

  /** True when the table was created once (the property remembers it). */
  wasCreated(id: TableId): boolean {
    return this.recorded()[id] !== undefined;
  }

  record(id: TableId, sheet: SheetLike): void {
    const ids = { ...this.recorded(), [id]: sheet.getSheetId() };
    this.ids = ids;
    this.props.set(TABLES_PROPERTY, JSON.stringify(ids));
  }
}
