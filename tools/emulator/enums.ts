/** Apps Script enums: objects with a name and toString(); identity-equal within one emulator. */
export interface EnumValue {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

function makeEnum<K extends string>(names: readonly K[]): EnumOf<K> {
  const out = {} as Record<K, EnumValue>;
  for (const name of names) {
    out[name] = Object.freeze({ name, toString: () => name, toJSON: () => name });
  }
  return Object.freeze(out);
}

export function makeEnums() {
  return {
    DeveloperMetadataVisibility: makeEnum(['DOCUMENT', 'PROJECT'] as const),
    DeveloperMetadataLocationType: makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN', 'OBJECT'] as const),
    DataValidationCriteria: makeEnum([
      'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
      'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
      'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
    ] as const),
    ProtectionType: makeEnum(['RANGE', 'SHEET'] as const),
    AuthMode: makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const),
    Button: makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const),
    EventType: makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const),
    TriggerSource: makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const),
    /** Charts.ChartType: every name exists; builders accept the emulated ones (chart-model.ts). */
    ChartType: makeEnum([
      'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE',
      'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
    ] as const),
  };
}

export type Enums = ReturnType<typeof makeEnums>;
