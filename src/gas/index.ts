/**
 * Bundle entry. Each assignment to `global` becomes a top-level function in dist/Code.js
 * (gas-entry-generator reads them from the built bundle), which is what Apps Script can
 * call from menus, google.script.run and triggers. This list IS the public surface,
 * documented in docs/api.md (checked by a test).
 */
import { onInstall, onOpen } from './menu';
import {
  checkStock, getHelp, getReceiveFormData, getSettings, getUiStrings, menuCheckStock, menuCount, menuExplain, menuHelp, menuOrders, menuPack, menuPick,
  menuReceive, menuReturns, menuSettings, menuSetup, menuShip, menuStock, receive, repairStock, saveSettings, setupSheet,
} from './entry-points';
import {
  addOrder, buildPickList, cancelOrder, cancelPickList, confirmPick, detectCarrier, exportReadyToShip, getImportMapping, getOpenPickLists, getPackFormData,
  getShipFormData, importOrders, packOrder, saveImportMapping, shipOrders,
} from './order-entry-points';
import {
  getHourlyStatus, getTrackingSettings, menuRefreshTracking, refreshTrackingNow, runHourly, saveTrackingKey, setHourlyChecks,
  testTrackingConnection,
} from './hourly-entry-points';
import { createPurchaseOrders, getPurchaseOrders, menuPurchaseOrders, menuReports, rebuildReplenishment, rebuildReports, updatePurchaseOrder } from './purchase-entry-points';
import {
  createCountSheet, createReturn, explainSelection, explainStock, expiryAction, findReturnable, getExpiring, inspectReturn, moveStock,
  recordCreditNote, submitCount, voidMovement, writeOff,
} from './returns-entry-points';

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
global.menuOrders = menuOrders;
global.menuPick = menuPick;
global.menuPack = menuPack;
global.menuShip = menuShip;
global.menuReturns = menuReturns;
global.menuCount = menuCount;
global.menuStock = menuStock;
global.menuExplain = menuExplain;
global.menuReports = menuReports;
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
global.getImportMapping = getImportMapping;
global.saveImportMapping = saveImportMapping;
global.cancelOrder = cancelOrder;
global.buildPickList = buildPickList;
global.confirmPick = confirmPick;
global.getOpenPickLists = getOpenPickLists;
global.cancelPickList = cancelPickList;
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
// replenishment and purchase orders
global.getPurchaseOrders = getPurchaseOrders;
global.createPurchaseOrders = createPurchaseOrders;
global.updatePurchaseOrder = updatePurchaseOrder;
global.rebuildReplenishment = rebuildReplenishment;
// carrier tracking
global.getTrackingSettings = getTrackingSettings;
global.saveTrackingKey = saveTrackingKey;
global.testTrackingConnection = testTrackingConnection;
global.refreshTrackingNow = refreshTrackingNow;
global.menuRefreshTracking = menuRefreshTracking;
// reports and dashboard
global.rebuildReports = rebuildReports;
// returns, counts, adjustments, explain
global.findReturnable = findReturnable;
global.createReturn = createReturn;
global.inspectReturn = inspectReturn;
global.recordCreditNote = recordCreditNote;
global.writeOff = writeOff;
global.getExpiring = getExpiring;
global.expiryAction = expiryAction;
global.createCountSheet = createCountSheet;
global.submitCount = submitCount;
global.moveStock = moveStock;
global.voidMovement = voidMovement;
global.explainStock = explainStock;
global.explainSelection = explainSelection;
global.menuPurchaseOrders = menuPurchaseOrders;
