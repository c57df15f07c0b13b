/**
 * The public surface: every function Apps Script may call (menu, sidebar RPC, trigger).
 * Thin: build ports, call the use case, wrap the result in the RPC envelope.
 */
import { translator, type Translator } from '../domain/i18n';
import type { RpcResult } from '../domain/result';
import type { ReceivePayload } from '../domain/receive';
import { runRpc, type Outcome } from '../app/rpc';
import { languageOf } from '../app/context';
import { receive as receiveUseCase, type ReceiveValue } from '../app/receive';
import { setupSheet as setupUseCase, type SetupValue } from '../app/setup';
import { checkStock as checkUseCase, repairStock as repairUseCase, type CheckValue } from '../app/check-stock';
import { getReceiveFormData as formDataUseCase, getUiStrings as uiStringsUseCase, type ReceiveFormData, type UiStrings } from '../app/form-data';
import { getSettings as getSettingsUseCase, saveSettings as saveSettingsUseCase, type SettingsPayload, type SettingsValue } from '../app/settings';
import { getHelp as helpUseCase, type HelpValue } from '../app/help';
import type { Ports } from '../app/ports';
import { buildPorts, globals } from './ports';
import { showForm, type FormFile } from './menu';

function report(e: unknown): void {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
}

/** Run a use case with fresh ports; the translator is resolved lazily (it reads Settings). */
export function rpc<T>(body: (ports: Ports, t: () => Translator) => Outcome<T>): RpcResult<T> {
  let ports: Ports;
  try {
    ports = buildPorts();
  } catch (e) {
    report(e);
    const t = translator('en');
    return { ok: false, errors: [{ code: 'internal', field: '', message: t('err.internal', { detail: String(e) }), params: {} }] };
  }
  return runRpc(ports, () => body(ports, () => translator(languageOf(ports))), report);
}

export function setupSheet(): RpcResult<SetupValue> {
  return rpc((ports, t) => setupUseCase(ports, t));
}

export function getReceiveFormData(): RpcResult<ReceiveFormData> {
  return rpc((ports) => formDataUseCase(ports));
}

export function getUiStrings(): RpcResult<UiStrings> {
  return rpc((ports) => uiStringsUseCase(ports));
}

export function receive(payload: ReceivePayload): RpcResult<ReceiveValue> {
  return rpc((ports, t) => receiveUseCase(ports, payload, t()));
}

export function checkStock(): RpcResult<CheckValue> {
  return rpc((ports, t) => checkUseCase(ports, t()));
}

export function repairStock(token: string): RpcResult<{ repaired: number }> {
  return rpc((ports, t) => repairUseCase(ports, token, t()));
}

export function getSettings(): RpcResult<SettingsValue> {
  return rpc((ports) => getSettingsUseCase(ports));
}

export function saveSettings(payload: SettingsPayload): RpcResult<SettingsValue> {
  return rpc((ports, t) => saveSettingsUseCase(ports, payload, t));
}

export function getHelp(): RpcResult<HelpValue> {
  return rpc((_ports, t) => helpUseCase(t()));
}

export function menuSetup(): void {
  const result = setupSheet();
  const ports = buildPorts();
  const t = translator(languageOf(ports));
  const text = result.ok
    ? [t('setup.done'), t('setup.tabsIntro'), ...result.value.tables.map((r) => `• ${r.name}`), '', ...result.changes.map((c) => c.message)].join('\n')
    : result.errors.map((e) => e.message).join('\n');
  globals().SpreadsheetApp.getUi().alert(text);
}

type FormTitle = 'menu.receive' | 'menu.checkStock' | 'menu.settings' | 'menu.help' | 'menu.orders' | 'menu.pick' | 'menu.pack' | 'menu.ship'
  | 'menu.returns' | 'menu.count' | 'menu.stock' | 'menu.explain';

function openForm(file: FormFile, titleKey: FormTitle): void {
  showForm(translator(languageOf(buildPorts())), file, titleKey);
}

export function menuReceive(): void {
  openForm('receive', 'menu.receive');
}
export function menuCheckStock(): void {
  openForm('check-stock', 'menu.checkStock');
}
export function menuSettings(): void {
  openForm('settings', 'menu.settings');
}
export function menuHelp(): void {
  openForm('help', 'menu.help');
}
export function menuOrders(): void {
  openForm('orders', 'menu.orders');
}
export function menuPick(): void {
  openForm('pick', 'menu.pick');
}
export function menuPack(): void {
  openForm('pack', 'menu.pack');
}
export function menuShip(): void {
  openForm('ship', 'menu.ship');
}
export function menuReturns(): void {
  openForm('returns', 'menu.returns');
}
export function menuCount(): void {
  openForm('count', 'menu.count');
}
export function menuStock(): void {
  openForm('stock', 'menu.stock');
}
export function menuExplain(): void {
  openForm('explain', 'menu.explain');
}
