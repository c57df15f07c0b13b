/** Adapts Apps Script globals to the app's ports. The only place that reads them. */
import type { AppsScriptGlobals, PropertiesLike } from '../sheets/apps-script';
import { Workbook } from '../sheets/workbook';
import type { KeyValueStore, Mail, Ports } from '../app/ports';

export function globals(): AppsScriptGlobals {
  return { SpreadsheetApp, LockService, PropertiesService, CacheService, Session, Utilities, HtmlService, ScriptApp };
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
  };
}
