/** DataValidation builder and rule facades (requireValueInList, requireCheckbox). */
import type { DataValidationBuilderLike, DataValidationLike } from '../../src/sheets/apps-script';
import { copyRule, type ValidationRule } from './cells';
import { ServiceError } from './errors';
import type { Execution } from './execution';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export function validationFacade(x: Execution, rule: ValidationRule): DataValidationLike {
  return x.wrap('DataValidation', new DataValidationFacade(x, rule));
}

export function builderFacade(x: Execution): DataValidationBuilderLike {
  return x.wrap('DataValidationBuilder', new DataValidationBuilderFacade(x));
}

export class DataValidationFacade implements DataValidationLike {
  constructor(
    private readonly x: Execution,
    readonly _rule: ValidationRule,
  ) {}
  getCriteriaType(): Criteria {
    return this.x.emu.enums.DataValidationCriteria[this._rule.type] as unknown as Criteria;
  }
  getCriteriaValues(): any[] {
    const r = this._rule;
    if (r.type === 'VALUE_IN_LIST') return this.x.array([this.x.array([...r.values]), r.showDropdown]);
    return this.x.array([]);
  }
  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }
  getHelpText(): string | null {
    return this._rule.helpText;
  }
}

class DataValidationBuilderFacade implements DataValidationBuilderLike {
  private rule: ValidationRule | null = null;
  private allowInvalid = true;
  private helpText: string | null = null;
  constructor(private readonly x: Execution) {}
  private _self(): DataValidationBuilderLike {
    return this.x.wrap('DataValidationBuilder', this);
  }
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilderLike {
    if (!Array.isArray(values)) {
      throw new ServiceError("The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.");
    }
    this.rule = {
      type: 'VALUE_IN_LIST',
      values: values.map((v) => String(v)),
      showDropdown: showDropdown === undefined ? true : !!showDropdown,
      allowInvalid: true,
      helpText: null,
    };
    return this._self();
  }
  requireCheckbox(): DataValidationBuilderLike {
    this.rule = { type: 'CHECKBOX', values: [], showDropdown: false, allowInvalid: true, helpText: null };
    return this._self();
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderLike {
    this.allowInvalid = !!allowInvalidData;
    return this._self();
  }
  setHelpText(helpText: string): DataValidationBuilderLike {
    this.helpText = helpText === null || helpText === undefined ? null : String(helpText);
    return this._self();
  }
  build(): DataValidationLike {
    if (!this.rule) throw new ServiceError('You must specify a data validation criteria before building the rule.');
    return validationFacade(this.x, { ...copyRule(this.rule), allowInvalid: this.allowInvalid, helpText: this.helpText });
  }
}
