/** AuthMode gating: which Class.method an execution may call, and the scope named in the refusal. */
const BASE = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  sheets: BASE + 'spreadsheets.currentonly',
  ui: BASE + 'script.container.ui',
  email: BASE + 'userinfo.email',
  storage: BASE + 'script.storage',
  scriptapp: BASE + 'script.scriptapp',
  external: BASE + 'script.external_request',
  mail: BASE + 'script.send_mail',
} as const;

const SHEETS_CLASSES = new Set([
  'SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'TextFinder', 'DeveloperMetadata', 'DeveloperMetadataLocation',
  'DeveloperMetadataFinder', 'DataValidation', 'DataValidationBuilder', 'Protection',
  'EmbeddedChartBuilder', 'EmbeddedChart', 'ContainerInfo', 'ChartOptions',
]);

/** Allowed in AuthMode.NONE (editor add-on onOpen before authorization). */
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Session.getActiveUserLocale']);
const NONE_ALLOWED_CLASSES = new Set(['Menu']);

/** Needs AuthMode.FULL (not available in LIMITED). */
const FULL_ONLY_CLASSES = new Set(['UrlFetchApp', 'HTTPResponse', 'MailApp', 'ClockTriggerBuilder', 'TriggerBuilder', 'Trigger']);
const FULL_ONLY_METHODS = new Set([
  'ScriptApp.newTrigger', 'ScriptApp.getProjectTriggers', 'ScriptApp.getUserTriggers', 'ScriptApp.deleteTrigger',
]);

export function scopeOf(cls: string, method: string): string {
  if (SHEETS_CLASSES.has(cls)) return SCOPES.sheets;
  if (cls === 'Ui' || cls === 'Menu' || cls === 'HtmlService' || cls === 'HtmlOutput') return SCOPES.ui;
  if (cls === 'Session' && (method === 'getActiveUser' || method === 'getEffectiveUser')) return SCOPES.email;
  if (cls === 'User') return SCOPES.email;
  if (cls === 'ScriptApp' || cls.includes('Trigger')) return SCOPES.scriptapp;
  if (cls === 'UrlFetchApp' || cls === 'HTTPResponse') return SCOPES.external;
  if (cls === 'MailApp') return SCOPES.mail;
  return SCOPES.storage;
}

/** The refusal message, or null when allowed. */
export function refusal(cls: string, method: string, authMode: 'NONE' | 'LIMITED' | 'FULL'): string | null {
  const name = `${cls}.${method}`;
  let allowed: boolean;
  if (authMode === 'FULL') allowed = true;
  else if (authMode === 'LIMITED') allowed = !FULL_ONLY_CLASSES.has(cls) && !FULL_ONLY_METHODS.has(name);
  else allowed = NONE_ALLOWED.has(name) || NONE_ALLOWED_CLASSES.has(cls);
  if (allowed) return null;
  return `You do not have permission to call ${name}. Required permissions: ${scopeOf(cls, method)}`;
}
