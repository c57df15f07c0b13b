/**
 * onOpen builds the menu only (it may run in AuthMode.NONE, where only the user's locale
 * is readable). Menu handlers open sidebars or run set-up.
 */
import { resolveLanguage, translator, type Language, type MessageKey, type Translator } from '../domain/i18n';
import { LANGUAGE_PROPERTY } from '../app/context';
import { globals } from './ports';

/**
 * The add-on menu in order; `separatorBefore` starts a group
 * (set-up | daily loop | stock | run now | settings).
 */
export const MENU: { key: MessageKey; fn: string; separatorBefore?: true }[] = [
  { key: 'menu.setup', fn: 'menuSetup' },
  { key: 'menu.orders', fn: 'menuOrders', separatorBefore: true },
  { key: 'menu.pick', fn: 'menuPick' },
  { key: 'menu.pack', fn: 'menuPack' },
  { key: 'menu.ship', fn: 'menuShip' },
  { key: 'menu.returns', fn: 'menuReturns' },
  { key: 'menu.receive', fn: 'menuReceive', separatorBefore: true },
  { key: 'menu.count', fn: 'menuCount' },
  { key: 'menu.stock', fn: 'menuStock' },
  { key: 'menu.explain', fn: 'menuExplain' },
  { key: 'menu.checkStock', fn: 'menuCheckStock' },
  { key: 'menu.refreshTracking', fn: 'menuRefreshTracking', separatorBefore: true },
  { key: 'menu.purchaseOrders', fn: 'menuPurchaseOrders' },
  { key: 'menu.reports', fn: 'menuReports' },
  { key: 'menu.settings', fn: 'menuSettings', separatorBefore: true },
  { key: 'menu.help', fn: 'menuHelp' },
];

interface OpenEvent {
  authMode?: GoogleAppsScript.Script.AuthMode;
}

function menuLanguage(e: OpenEvent | undefined): Language {
  const g = globals();
  if (!e || e.authMode !== g.ScriptApp.AuthMode.NONE) {
    try {
      const saved = g.PropertiesService.getDocumentProperties()?.getProperty(LANGUAGE_PROPERTY) ?? '';
      return resolveLanguage(saved, g.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
    } catch {
      // not authorized in this mode: fall back to the user's locale
    }
  }
  return resolveLanguage('', g.Session.getActiveUserLocale());
}

export function onOpen(e?: OpenEvent): void {
  const t = translator(menuLanguage(e));
  const menu = globals().SpreadsheetApp.getUi().createAddonMenu();
  for (const m of MENU) {
    if (m.separatorBefore) menu.addSeparator();
    menu.addItem(t(m.key), m.fn);
  }
  menu.addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

/** The sidebars, built from sidebar/<form>/ into dist/<form>.html by tools/build-sidebars.mjs. */
export type FormFile = 'receive' | 'check-stock' | 'settings' | 'help' | 'orders' | 'pick' | 'pack' | 'ship' | 'returns' | 'count' | 'stock' | 'explain';

/** Open a form in the sidebar, titled in the user's language (the form loads its own strings). */
export function showForm(t: Translator, file: FormFile, titleKey: MessageKey): void {
  const g = globals();
  g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutputFromFile(file).setTitle(t(titleKey)));
}
