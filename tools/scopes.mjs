/**
 * Which OAuth scope each Apps Script service needs. The manifest sets oauthScopes
 * explicitly, which switches off Google's detection: a missing scope fails only on Google.
 * The build and a test check dist/Code.js against this table.
 */
const BASE = 'https://www.googleapis.com/auth/';

export const SERVICE_SCOPES = [
  { service: 'SpreadsheetApp', pattern: /\bSpreadsheetApp\b/, scope: BASE + 'spreadsheets.currentonly' },
  { service: 'Ui', pattern: /\.getUi\(/, scope: BASE + 'script.container.ui' },
  { service: 'HtmlService', pattern: /\bHtmlService\b/, scope: BASE + 'script.container.ui' },
  { service: 'Session user', pattern: /\.(getActiveUser|getEffectiveUser)\(/, scope: BASE + 'userinfo.email' },
  { service: 'UrlFetchApp', pattern: /\bUrlFetchApp\b/, scope: BASE + 'script.external_request' },
  { service: 'MailApp', pattern: /\bMailApp\b/, scope: BASE + 'script.send_mail' },
  { service: 'ScriptApp triggers', pattern: /\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)\(/, scope: BASE + 'script.scriptapp' },
];

/** Scopes granted without a service in the bundle needing them, each with its reason. */
export const EXTRA_SCOPES = {};

export function requiredScopes(code) {
  return Array.from(new Set(SERVICE_SCOPES.filter((s) => s.pattern.test(code)).map((s) => s.scope))).sort();
}

/** Differences between what the code needs and what the manifest grants. */
export function scopeProblems(code, manifest) {
  const granted = new Set(manifest.oauthScopes ?? []);
  const needed = requiredScopes(code);
  const missing = needed.filter((s) => !granted.has(s));
  const unexplained = [...granted].filter((s) => !needed.includes(s) && !(s in EXTRA_SCOPES));
  return { needed, missing, unexplained };
}
