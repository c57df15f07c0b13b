/** Developer metadata facades: entries, locations, finders (reference section 4). */
import type {
  DeveloperMetadataFinderLike,
  DeveloperMetadataLike,
  DeveloperMetadataLocationLike,
  RangeLike,
  SheetLike,
  Visibility,
} from '../../src/sheets/apps-script';
import type { Rect } from './a1';
import type { EnumValue } from './enums';
import { ServiceError } from './errors';
import type { Execution } from './execution';
import type { MetaEntry, MetaLocation, MetaVisibility } from './model';
import { rangeFacade } from './range';
import { sheetFacade } from './sheet';
import type { SheetModel } from './sheet-model';

/** UNCONFIRMED size limit (key + value characters per entry); see README. */
export const METADATA_MAX_CHARS = 30000;

type LocType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

function isEnum(v: unknown): v is EnumValue {
  return typeof v === 'object' && v !== null && typeof (v as EnumValue).name === 'string' && !Array.isArray(v);
}

/** addDeveloperMetadata(key [, value] [, visibility]) on any location. */
export function addMetadata(x: Execution, location: MetaLocation, key: unknown, value?: unknown, visibility?: unknown): MetaEntry {
  let val: unknown = value;
  let vis: unknown = visibility;
  if (isEnum(value) && visibility === undefined) {
    vis = value;
    val = undefined;
  }
  if (typeof key !== 'string' || key === '') throw new ServiceError('Invalid argument: key');
  const v = val === undefined || val === null ? null : String(val);
  let visibilityName: MetaVisibility = 'DOCUMENT';
  if (vis !== undefined && vis !== null) {
    const name = isEnum(vis) ? vis.name : String(vis);
    if (name !== 'DOCUMENT' && name !== 'PROJECT') throw new ServiceError('Invalid argument: visibility');
    visibilityName = name;
  }
  if (key.length + (v?.length ?? 0) > METADATA_MAX_CHARS) {
    throw new ServiceError(`Developer metadata is limited to ${METADATA_MAX_CHARS} characters per entry (emulator limit, UNCONFIRMED).`);
  }
  return x.emu.book.addMetadata(key, v, visibilityName, location);
}

/** Entries wholly inside a range: whole rows/columns it fully covers. */
export function rangeScope(sheet: SheetModel, rect: Rect): () => MetaEntry[] {
  return () =>
    sheet.metadata.filter((m) => {
      const loc = m.location;
      if (loc.type === 'ROW') {
        return rect.col === 1 && rect.numCols === sheet.maxColumns && loc.index >= rect.row && loc.index < rect.row + rect.numRows;
      }
      if (loc.type === 'COLUMN') {
        return rect.row === 1 && rect.numRows === sheet.maxRows && loc.index >= rect.col && loc.index < rect.col + rect.numCols;
      }
      return false;
    });
}

export function metadataFacade(x: Execution, e: MetaEntry): DeveloperMetadataLike {
  return x.wrap('DeveloperMetadata', new DeveloperMetadataFacade(x, e));
}

export function finderFacade(x: Execution, scope: () => MetaEntry[]): DeveloperMetadataFinderLike {
  return x.wrap('DeveloperMetadataFinder', new FinderFacade(x, scope));
}

class DeveloperMetadataFacade implements DeveloperMetadataLike {
  constructor(
    private readonly x: Execution,
    private readonly e: MetaEntry,
  ) {}
  getId(): number {
    return this.e.id;
  }
  getKey(): string {
    return this.e.key;
  }
  getValue(): string | null {
    return this.e.value;
  }
  getVisibility(): Visibility {
    return this.x.emu.enums.DeveloperMetadataVisibility[this.e.visibility] as unknown as Visibility;
  }
  getLocation(): DeveloperMetadataLocationLike {
    return this.x.wrap('DeveloperMetadataLocation', new LocationFacade(this.x, this.e));
  }
  setValue(value: string): DeveloperMetadataLike {
    this.e.value = value === null || value === undefined ? null : String(value);
    return metadataFacade(this.x, this.e);
  }
  setKey(key: string): DeveloperMetadataLike {
    this.e.key = String(key);
    return metadataFacade(this.x, this.e);
  }
  remove(): void {
    this.x.emu.book.removeMetadata(this.e);
  }
}

class LocationFacade implements DeveloperMetadataLocationLike {
  constructor(
    private readonly x: Execution,
    private readonly e: MetaEntry,
  ) {}
  getLocationType(): LocType {
    return this.x.emu.enums.DeveloperMetadataLocationType[this.e.location.type] as unknown as LocType;
  }
  getSheet(): SheetLike | null {
    const loc = this.e.location;
    return loc.type === 'SPREADSHEET' ? null : sheetFacade(this.x, loc.sheet);
  }
  getRow(): RangeLike | null {
    const loc = this.e.location;
    if (loc.type !== 'ROW') return null;
    return rangeFacade(this.x, loc.sheet, { row: loc.index, col: 1, numRows: 1, numCols: loc.sheet.maxColumns }, 'rows');
  }
  getColumn(): RangeLike | null {
    const loc = this.e.location;
    if (loc.type !== 'COLUMN') return null;
    return rangeFacade(this.x, loc.sheet, { row: 1, col: loc.index, numRows: loc.sheet.maxRows, numCols: 1 }, 'cols');
  }
}

class FinderFacade implements DeveloperMetadataFinderLike {
  private readonly filters: ((e: MetaEntry) => boolean)[] = [];
  constructor(
    private readonly x: Execution,
    private readonly scope: () => MetaEntry[],
  ) {}
  private _add(f: (e: MetaEntry) => boolean): DeveloperMetadataFinderLike {
    this.filters.push(f);
    return this.x.wrap('DeveloperMetadataFinder', this);
  }
  withKey(key: string): DeveloperMetadataFinderLike {
    return this._add((e) => e.key === key);
  }
  withValue(value: string): DeveloperMetadataFinderLike {
    return this._add((e) => e.value === value);
  }
  withId(id: number): DeveloperMetadataFinderLike {
    return this._add((e) => e.id === id);
  }
  withLocationType(t: LocType): DeveloperMetadataFinderLike {
    const name = String(t);
    return this._add((e) => e.location.type === name);
  }
  withVisibility(v: Visibility): DeveloperMetadataFinderLike {
    const name = String(v);
    return this._add((e) => e.visibility === name);
  }
  find(): DeveloperMetadataLike[] {
    const found = this.scope()
      .filter((e) => this.filters.every((f) => f(e)))
      .sort((a, b) => a.id - b.id);
    return this.x.array(found.map((e) => metadataFacade(this.x, e)));
  }
}
