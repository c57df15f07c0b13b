/** Public option and record types of the emulator. */
export interface EmulatorOptions {
  /** Spreadsheet time zone (cells). Default 'Europe/Paris'. */
  spreadsheetTimeZone?: string;
  /** Script time zone (Session.getScriptTimeZone). Default 'America/New_York'. */
  scriptTimeZone?: string;
  /** Default 'en_US' (e.g. 'fr_FR'). */
  spreadsheetLocale?: string;
  /** Session.getActiveUserLocale(); default: the language of spreadsheetLocale ('en', 'fr'). */
  userLocale?: string;
  /** Virtual clock start. Default '2026-01-05T09:00:00Z'. */
  now?: string | number | Date;
  /** Seeds the scheduler RNG and Utilities.getUuid. Default 1. */
  seed?: number;
  /** 'alwaysGranted' = "locking off": every lock is granted and nothing is exclusive. */
  locking?: 'enforced' | 'alwaysGranted';
  /** HtmlService.createHtmlOutputFromFile(name) sources, keyed by name without ".html". */
  htmlFiles?: Record<string, string>;
  spreadsheetName?: string;
  // ---- additions beyond the brief (all optional) ----
  /** Title of Ui.createAddonMenu(). Default 'Sheets Stock Ledger'. */
  addonName?: string;
  /** UNCONFIRMED: "+x"/"-x" (non-numeric) written user-entered. 'error' (default) = #ERROR! formula cell; 'text' = kept as text. */
  signedText?: 'error' | 'text';
  /** UNCONFIRMED: null/undefined in setValue(s). 'empty' (default) empties the cell; 'keep' leaves it unchanged (REST API style). */
  nullWrites?: 'empty' | 'keep';
  /** UNCONFIRMED: NaN/Infinity writes. 'throw' (default) or 'text' (written as the string "NaN"/"Infinity"). */
  nonFinite?: 'throw' | 'text';
  /** UNCONFIRMED: SpreadsheetApp.getActiveSpreadsheet() in kind 'trigger'. 'bound' (default, bound script) or 'null' (add-on clock trigger). */
  triggerSpreadsheet?: 'bound' | 'null';
  /** UNCONFIRMED: allowInvalid of the rule insertCheckboxes() sets. Default false (typed non-booleans are rejected). */
  checkboxAllowInvalid?: boolean;
  // ---- MailApp, UrlFetchApp, triggers ----
  /** Google Workspace account (true) or consumer account (false, default): noReply, default quotas, mail body size. */
  workspace?: boolean;
  /** MailApp recipients per user per 24 h window. Default 100 (consumer) or 1,500 (workspace). */
  mailQuota?: number;
  /** UrlFetchApp calls per user per 24 h window. Default 20,000 (consumer) or 100,000 (workspace). */
  urlFetchQuota?: number;
  /** appsscript.json urlFetchWhitelist: when set, a URL that starts with none of the prefixes is refused. Default null (no allowlist). */
  urlFetchWhitelist?: string[] | null;
  /** Virtual time one HTTP request takes (the clock advances by it). Default 200 ms; a route handler may return latencyMs. */
  httpLatencyMs?: number;
  /** The script is an editor add-on (default true): one time-driven trigger per user per document, at most hourly. */
  addon?: boolean;
}

export type ResolvedOptions = Required<EmulatorOptions>;

export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  /** Optional: errors Apps Script raises are built with it (so `e instanceof Error` holds in a vm context). */
  Error?: ErrorConstructor;
}

export interface RunOptions {
  /** Active user email, default 'owner@example.com'. */
  user?: string;
  /** Default 'FULL'. */
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** simpleTrigger: 30 s virtual budget and Session active email ""; others 6 min. */
  kind?: 'rpc' | 'simpleTrigger' | 'trigger';
  /** Object on which the globals are installed during fn; default globalThis. */
  target?: object;
  /** Constructors to build values handed back to the code (vm contexts); default: Node's. */
  realm?: Realm;
  /** After N counted service calls of this execution, the next service call throws EmulatorAbort. */
  abortAfterCalls?: number;
}

export type MenuItemRecord =
  | { caption: string; functionName: string }
  | 'separator'
  | { caption: string; functionName: ''; items: MenuItemRecord[] };

export interface UiRecord {
  menus: { title: string; items: MenuItemRecord[] }[];
  sidebars: { title: string; content: string; file?: string }[];
  dialogs: { title: string; content: string }[];
  alerts: string[];
  toasts: { msg: string; title?: string }[];
}

/** One message MailApp sent (emu.mail). Address fields are the strings the script passed ('' when absent). */
export interface MailRecord {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  /** Sender display name ('' when the script gave none). */
  name: string;
  replyTo: string;
  noReply: boolean;
  /** The effective user (the account the script runs as). */
  from: string;
  /** Virtual time of the send, ISO UTC. */
  at: string;
  /** Every parsed recipient address (to, then cc, then bcc): what the quota counted. */
  recipients: string[];
}
