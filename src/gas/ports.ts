/** Adapts Apps Script globals to the app's ports. The only place that reads them. */
import type { AppsScriptGlobals, PropertiesLike } from '../sheets/apps-script';
import { Workbook } from '../sheets/workbook';
import type { Http, KeyValueStore, Mail, Ports, Triggers } from '../app/ports';

export function globals(): AppsScriptGlobals {
  return {
    SpreadsheetApp, LockService, PropertiesService, CacheService, Session, Utilities, HtmlService, ScriptApp,
    UrlFetchApp: typeof UrlFetchApp === 'undefined' ? undefined : UrlFetchApp,
  };
}

function keyValue(props: PropertiesLike): KeyValueStore {
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => {
      props.setProperty(key, value);
    },
  };
}

/** MailApp as the Mail port; quota first, then one message per call (a digest is one email). */
function mailPort(): Mail | undefined {
  if (typeof MailApp === 'undefined') return undefined;
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send: (m) => MailApp.sendEmail({ to: m.to, subject: m.subject, body: m.body, htmlBody: m.htmlBody, name: m.name }),
  };
}

/** This user's time-driven triggers of this document. */
function triggersPort(g: AppsScriptGlobals, spreadsheet: ReturnType<AppsScriptGlobals['SpreadsheetApp']['getActiveSpreadsheet']>): Triggers {
  const mine = (handler: string) => g.ScriptApp.getUserTriggers(spreadsheet).filter((tr) => tr.getHandlerFunction() === handler);
  return {
    mine: (handler) => mine(handler).map((tr) => tr.getUniqueId()),
    createHourly: (handler) => g.ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId(),
    remove: (id) => {
      for (const tr of g.ScriptApp.getUserTriggers(spreadsheet)) if (tr.getUniqueId() === id) g.ScriptApp.deleteTrigger(tr);
    },
  };
}

/** UrlFetchApp.fetchAll with muteHttpExceptions: a 429 or a 500 is an answer, not an exception. */
function httpPort(g: AppsScriptGlobals): Http | undefined {
  const fetch = g.UrlFetchApp;
  if (!fetch) return undefined;
  return {
    fetchAll: (requests) => fetch.fetchAll(requests.map((r) => ({
      url: r.url, method: r.method, headers: r.headers, payload: r.payload, contentType: r.contentType, muteHttpExceptions: true,
    }))).map((res) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.getAllHeaders() as Record<string, unknown>)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
      return { status: res.getResponseCode(), headers, body: res.getContentText() };
    }),
    sleep: (ms) => g.Utilities.sleep(ms),
  };
}

export function buildPorts(g: AppsScriptGlobals = globals()): Ports {
  const docProps = g.PropertiesService.getDocumentProperties();
  if (!docProps) throw new Error('This add-on runs inside a spreadsheet: document properties are unavailable here.');
  const props = keyValue(docProps);
  const spreadsheet = g.SpreadsheetApp.getActiveSpreadsheet();
  const lock = g.LockService.getDocumentLock();
  let email: string | null = null;
  if (!lock) throw new Error('The document lock is unavailable outside a spreadsheet.');
  return {
    workbook: new Workbook({
      chartTypes: typeof Charts === 'undefined' ? undefined : {
        LINE: Charts.ChartType.LINE, BAR: Charts.ChartType.BAR, PIE: Charts.ChartType.PIE, COLUMN: Charts.ChartType.COLUMN,
      },
      app: g.SpreadsheetApp,
      spreadsheet,
      props,
      formatDate: (date, timeZone, pattern) => g.Utilities.formatDate(date, timeZone, pattern),
    }),
    clock: { now: () => Date.now() },
    lock: {
      tryAcquire: (ms) => lock.tryLock(ms),
      release: () => {
        if (lock.hasLock()) {
          g.SpreadsheetApp.flush();
          lock.releaseLock();
        }
      },
    },
    props,
    identity: {
      // Read once per execution: use cases stamp it on many rows.
      email: () => (email === null ? (email = g.Session.getActiveUser().getEmail()) : email),
      locale: () => g.Session.getActiveUserLocale(),
    },
    mail: mailPort(),
    triggers: triggersPort(g, spreadsheet),
    http: httpPort(g),
    userProps: keyValue(g.PropertiesService.getUserProperties()),
  };
}
