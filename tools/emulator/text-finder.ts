/** TextFinder facade: searches display text; defaults are Sheets' (partial match, case-insensitive). */
import type { RangeLike, TextFinderLike } from '../../src/sheets/apps-script';
import type { Rect } from './a1';
import { ServiceError } from './errors';
import type { Execution } from './execution';
import { rangeFacade } from './range';
import type { SheetModel } from './sheet-model';

export type SearchArea = { sheet: SheetModel; rect: Rect };

export function textFinderFacade(x: Execution, findText: string, areas: () => SearchArea[]): TextFinderLike {
  if (typeof findText !== 'string' || findText === '') throw new ServiceError('Invalid argument: findText');
  return x.wrap('TextFinder', new TextFinderFacade(x, findText, areas));
}

/** Row-major cells of every area (sheet by sheet). */
function* cellsOf(areas: SearchArea[]): Generator<{ sheet: SheetModel; row: number; col: number }> {
  for (const { sheet, rect } of areas) {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) yield { sheet, row: r, col: c };
    }
  }
}

class TextFinderFacade implements TextFinderLike {
  private caseSensitive = false;
  private entire = false;
  private regex = false;
  /** Index (in scan order) of the last cell findNext returned; -1 before the first. */
  private cursor = -1;

  constructor(
    private readonly x: Execution,
    private readonly text: string,
    private readonly areas: () => SearchArea[],
  ) {}

  private _self(): TextFinderLike {
    return this.x.wrap('TextFinder', this);
  }
  matchCase(matchCase: boolean): TextFinderLike {
    this.caseSensitive = !!matchCase;
    return this._self();
  }
  matchEntireCell(entireCell: boolean): TextFinderLike {
    this.entire = !!entireCell;
    return this._self();
  }
  useRegularExpression(useRegEx: boolean): TextFinderLike {
    this.regex = !!useRegEx;
    return this._self();
  }

  private _matcher(): (s: string) => boolean {
    if (this.regex) {
      const re = new RegExp(this.entire ? `^(?:${this.text})$` : this.text, this.caseSensitive ? '' : 'i');
      return (s) => re.test(s);
    }
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    return (s) => {
      const hay = this.caseSensitive ? s : s.toLowerCase();
      return this.entire ? hay === needle : hay.includes(needle);
    };
  }

  /** Scans from index `from`; calls back on matches until it returns false. Counts scanned cells. */
  private _scan(from: number, onMatch: (i: number, cell: { sheet: SheetModel; row: number; col: number }) => boolean): void {
    const match = this._matcher();
    let i = -1;
    let scanned = 0;
    for (const cell of cellsOf(this.areas())) {
      i++;
      if (i < from) continue;
      scanned++;
      const s = cell.sheet.readDisplay(cell.row, cell.col);
      if (s !== '' && match(s) && !onMatch(i, cell)) break;
    }
    this.x.emu.counters.cellsScanned += scanned;
  }

  findAll(): RangeLike[] {
    const out: RangeLike[] = [];
    this._scan(0, (_i, c) => {
      out.push(rangeFacade(this.x, c.sheet, { row: c.row, col: c.col, numRows: 1, numCols: 1 }));
      return true;
    });
    return this.x.array(out);
  }

  findNext(): RangeLike | null {
    let found: RangeLike | null = null;
    this._scan(this.cursor + 1, (i, c) => {
      this.cursor = i;
      found = rangeFacade(this.x, c.sheet, { row: c.row, col: c.col, numRows: 1, numCols: 1 });
      return false;
    });
    return found;
  }
}
