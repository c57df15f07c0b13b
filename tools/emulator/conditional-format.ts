/**
 * Conditional format rules: the subset the add-on uses (text equal to a value -> background
 * and font colour over ranges). A sheet's rules are replaced as a whole by
 * setConditionalFormatRules, in order (reference section 5). Rules are recorded for tests
 * and the preview; the emulator does not render them into display values.
 */
import type { ConditionalFormatRuleBuilderLike, ConditionalFormatRuleLike, RangeLike } from '../../src/sheets/apps-script';
import type { Rect } from './a1';
import { ServiceError } from './errors';
import { unwrap, type Execution } from './execution';
import { RangeFacade, rangeFacade } from './range';
import type { SheetModel } from './sheet-model';

export interface ConditionalRuleModel {
  ranges: { sheet: SheetModel; rect: Rect }[];
  textEqualTo: string | null;
  background: string | null;
  fontColor: string | null;
}

export class ConditionalFormatRuleFacade implements ConditionalFormatRuleLike {
  constructor(private readonly x: Execution, readonly _rule: ConditionalRuleModel) {}
  getRanges(): RangeLike[] {
    return this.x.array(this._rule.ranges.map((r) => rangeFacade(this.x, r.sheet, r.rect)));
  }
}

export function ruleFacade(x: Execution, rule: ConditionalRuleModel): ConditionalFormatRuleLike {
  return x.wrap('ConditionalFormatRule', new ConditionalFormatRuleFacade(x, rule));
}

class BuilderFacade implements ConditionalFormatRuleBuilderLike {
  private readonly rule: ConditionalRuleModel = { ranges: [], textEqualTo: null, background: null, fontColor: null };
  constructor(private readonly x: Execution) {}
  private _self(): ConditionalFormatRuleBuilderLike {
    return this.x.wrap('ConditionalFormatRuleBuilder', this);
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderLike {
    this.rule.textEqualTo = String(text);
    return this._self();
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilderLike {
    this.rule.background = color;
    return this._self();
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilderLike {
    this.rule.fontColor = color;
    return this._self();
  }
  setRanges(ranges: RangeLike[]): ConditionalFormatRuleBuilderLike {
    this.rule.ranges = ranges.map((r) => {
      const f = unwrap<RangeFacade>(r, 'Range');
      return { sheet: f._sheet, rect: { ...f._rect } };
    });
    return this._self();
  }
  build(): ConditionalFormatRuleLike {
    if (this.rule.ranges.length === 0) throw new ServiceError('Conditional format rules must have at least one range.');
    if (this.rule.textEqualTo === null) throw new ServiceError('Conditional format rules must have a condition.');
    return ruleFacade(this.x, { ...this.rule, ranges: [...this.rule.ranges] });
  }
}

export function conditionalBuilderFacade(x: Execution): ConditionalFormatRuleBuilderLike {
  return x.wrap('ConditionalFormatRuleBuilder', new BuilderFacade(x));
}
