/**
 * Compile-time proof that the real Apps Script services fit the narrowed interfaces of
 * src/sheets/apps-script.ts (src/gas/ports.ts proves it for the services it assigns; MailApp and
 * UrlFetchApp are optional there, so they are checked here). `tsc -b` fails if one stops fitting.
 */
import type { HTTPResponseLike, MailAppLike, ScriptAppLike, TriggerLike, UrlFetchAppLike } from '../../src/sheets/apps-script';

type Fits<Real, Narrow> = Real extends Narrow ? true : false;
type Assert<T extends true> = T;

export type RealMailAppFits = Assert<Fits<GoogleAppsScript.Mail.MailApp, MailAppLike>>;
export type RealUrlFetchAppFits = Assert<Fits<GoogleAppsScript.URL_Fetch.UrlFetchApp, UrlFetchAppLike>>;
export type RealHTTPResponseFits = Assert<Fits<GoogleAppsScript.URL_Fetch.HTTPResponse, HTTPResponseLike>>;
export type RealScriptAppFits = Assert<Fits<GoogleAppsScript.Script.ScriptApp, ScriptAppLike>>;
export type RealTriggerFits = Assert<Fits<GoogleAppsScript.Script.Trigger, TriggerLike>>;
