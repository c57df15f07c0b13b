/**
 * Bundle entry. Each assignment to `global` becomes a top-level function in dist/Code.js
 * (gas-entry-generator reads them from the built bundle), which is what Apps Script can
 * call from menus, google.script.run and triggers. This list IS the public surface,
 * documented in docs/api.md (checked by a test).
 */
import { onInstall, onOpen } from './menu';
import {
  checkStock, getHelp, getReceiveFormData, getSettings, getUiStrings, menuCheckStock, menuHelp, menuReceive, menuSettings, menuSetup,
  receive, repairStock, saveSettings, setupSheet,
} from './entry-points';
import {
  addOrder, buildPickList, cancelOrder, confirmPick, detectCarrier, exportReadyToShip, getPackFormData, getShipFormData, importOrders,
  packOrder, shipOrders,
} from './order-entry-points';
import { getHourlyStatus, runHourly, setHourlyChecks } from './hourly-entry-points';

declare const global: Record<string, unknown>;

// triggers
global.onOpen = onOpen;
global.onInstall = onInstall;
// menu
global.menuSetup = menuSetup;
global.menuReceive = menuReceive;
global.menuCheckStock = menuCheckStock;
global.menuSettings = menuSettings;
global.menuHelp = menuHelp;
// sidebar RPCs
global.setupSheet = setupSheet;
global.getReceiveFormData = getReceiveFormData;
global.getUiStrings = getUiStrings;
global.receive = receive;
global.checkStock = checkStock;
global.repairStock = repairStock;
global.getSettings = getSettings;
global.saveSettings = saveSettings;
global.getHelp = getHelp;
// daily loop: orders, pick lists, packing, shipping
global.addOrder = addOrder;
global.importOrders = importOrders;
global.cancelOrder = cancelOrder;
global.buildPickList = buildPickList;
global.confirmPick = confirmPick;
global.getPackFormData = getPackFormData;
global.packOrder = packOrder;
global.getShipFormData = getShipFormData;
global.shipOrders = shipOrders;
global.exportReadyToShip = exportReadyToShip;
global.detectCarrier = detectCarrier;
// the hourly dispatcher
global.runHourly = runHourly;
global.getHourlyStatus = getHourlyStatus;
global.setHourlyChecks = setHourlyChecks;
