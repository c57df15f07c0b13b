/** Protection facade. Script writes are never blocked (the script runs as an editor); see README. */
import type { ProtectionLike, RangeLike } from '../../src/sheets/apps-script';
import type { Execution } from './execution';
import { rangeFacade } from './range';
import type { ProtectionModel, SheetModel } from './sheet-model';

type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;

export function protectionFacade(x: Execution, sheet: SheetModel, p: ProtectionModel): ProtectionLike {
  return x.wrap('Protection', new ProtectionFacade(x, sheet, p));
}

class ProtectionFacade implements ProtectionLike {
  constructor(
    private readonly x: Execution,
    private readonly sheet: SheetModel,
    private readonly p: ProtectionModel,
  ) {}
  private _self(): ProtectionLike {
    return this.x.wrap('Protection', this);
  }
  setWarningOnly(warningOnly: boolean): ProtectionLike {
    this.p.warningOnly = !!warningOnly;
    return this._self();
  }
  isWarningOnly(): boolean {
    return this.p.warningOnly;
  }
  setDescription(description: string): ProtectionLike {
    this.p.description = String(description);
    return this._self();
  }
  getDescription(): string {
    return this.p.description;
  }
  getProtectionType(): ProtectionType {
    return this.x.emu.enums.ProtectionType[this.p.type] as unknown as ProtectionType;
  }
  getRange(): RangeLike {
    const r = this.p.rect ?? { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxColumns };
    return rangeFacade(this.x, this.sheet, r);
  }
  canEdit(): boolean {
    return true;
  }
  remove(): void {
    const i = this.sheet.protectionList.indexOf(this.p);
    if (i >= 0) this.sheet.protectionList.splice(i, 1);
  }
}
