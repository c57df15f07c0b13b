/**
 * Compile-time proof that the real Apps Script services fit the narrowed interfaces of
 * src/sheets/apps-script.ts (src/gas/ports.ts proves it for the services it assigns; MailApp,
 * UrlFetchApp and Charts are optional there, so they are checked here). `tsc -b` fails if one stops fitting.
 */
import type {
  ChartsLike,
  EmbeddedChartBuilderLike,
  EmbeddedChartLike,
  HTTPResponseLike,
  MailAppLike,
  ScriptAppLike,
  SheetLike,
  TriggerLike,
  UrlFetchAppLike,
} from '../../src/sheets/apps-script';

type Fits<Real, Narrow> = Real extends Narrow ? true : false;
type Assert<T extends true> = T;

export type RealMailAppFits = Assert<Fits<GoogleAppsScript.Mail.MailApp, MailAppLike>>;
export type RealUrlFetchAppFits = Assert<Fits<GoogleAppsScript.URL_Fetch.UrlFetchApp, UrlFetchAppLike>>;
export type RealHTTPResponseFits = Assert<Fits<GoogleAppsScript.URL_Fetch.HTTPResponse, HTTPResponseLike>>;
export type RealScriptAppFits = Assert<Fits<GoogleAppsScript.Script.ScriptApp, ScriptAppLike>>;
export type RealTriggerFits = Assert<Fits<GoogleAppsScript.Script.Trigger, TriggerLike>>;
// Charts is optional in AppsScriptGlobals; the chart classes are reached through SheetLike, checked here too.
export type RealChartsFits = Assert<Fits<GoogleAppsScript.Charts.Charts, ChartsLike>>;
export type RealSheetFits = Assert<Fits<GoogleAppsScript.Spreadsheet.Sheet, SheetLike>>;
export type RealEmbeddedChartFits = Assert<Fits<GoogleAppsScript.Spreadsheet.EmbeddedChart, EmbeddedChartLike>>;
export type RealEmbeddedChartBuilderFits = Assert<Fits<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, EmbeddedChartBuilderLike>>;
