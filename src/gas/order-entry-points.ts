/** Sidebar RPCs of the daily loop: orders, pick lists, packing, shipping. Thin wrappers. */
import type { RpcResult } from '../domain/result';
import type { ManualOrderInput } from '../domain/orders/manual';
import { addOrder as addOrderUseCase, cancelOrder as cancelUseCase, importOrders as importUseCase, type AddOrderValue, type CancelPayload, type ImportPayload, type ImportValue } from '../app/orders';
import { buildPickList as buildUseCase, cancelPickList as cancelListUseCase, confirmPick as confirmUseCase, getOpenPickLists as openListsUseCase, type CancelPickPayload, type CancelPickValue, type ConfirmPickPayload, type ConfirmPickValue, type PickListPayload, type PickListValue } from '../app/picking';
import { getPackFormData as packFormUseCase, packOrder as packUseCase, type PackFormValue, type PackPayload, type PackValue } from '../app/packing';
import { detectCarrierRpc, exportReadyToShip as exportUseCase, getShipFormData as shipFormUseCase, shipOrders as shipUseCase, type ShipFormValue, type ShipPayload, type ShipValue } from '../app/shipping';
import type { CarrierCandidate } from '../domain/carriers';
import { getImportMapping as getMappingUseCase, saveImportMapping as saveMappingUseCase, type ImportMappingValue } from '../app/import-mapping';
import { rpc } from './entry-points';

export function addOrder(payload: ManualOrderInput): RpcResult<AddOrderValue> {
  return rpc((ports, t) => addOrderUseCase(ports, payload, t()));
}

export function importOrders(payload: ImportPayload): RpcResult<ImportValue> {
  return rpc((ports, t) => importUseCase(ports, payload, t()));
}

export function cancelOrder(payload: CancelPayload): RpcResult<{ orderId: string; released: number; returned: number; replayed: boolean }> {
  return rpc((ports, t) => cancelUseCase(ports, payload, t()));
}

/** The column mapping remembered for order files in no known format (document properties). */
export function getImportMapping(): RpcResult<ImportMappingValue> {
  return rpc((ports) => getMappingUseCase(ports));
}

export function saveImportMapping(mapping: unknown): RpcResult<ImportMappingValue> {
  return rpc((ports) => saveMappingUseCase(ports, mapping));
}

export function buildPickList(payload: PickListPayload): RpcResult<PickListValue> {
  return rpc((ports, t) => buildUseCase(ports, payload, t()));
}

export function confirmPick(payload: ConfirmPickPayload): RpcResult<ConfirmPickValue> {
  return rpc((ports, t) => confirmUseCase(ports, payload, t()));
}

export function cancelPickList(payload: CancelPickPayload): RpcResult<CancelPickValue> {
  return rpc((ports, t) => cancelListUseCase(ports, payload, t()));
}

export function getOpenPickLists(): RpcResult<{ lists: (PickListValue & { createdAt: string })[] }> {
  return rpc((ports) => openListsUseCase(ports));
}

export function getPackFormData(): RpcResult<PackFormValue> {
  return rpc((ports) => packFormUseCase(ports));
}

export function packOrder(payload: PackPayload): RpcResult<PackValue> {
  return rpc((ports, t) => packUseCase(ports, payload, t()));
}

export function getShipFormData(): RpcResult<ShipFormValue> {
  return rpc((ports, t) => shipFormUseCase(ports, t()));
}

export function shipOrders(payload: ShipPayload): RpcResult<ShipValue> {
  return rpc((ports, t) => shipUseCase(ports, payload, t()));
}

export function exportReadyToShip(): RpcResult<{ fileName: string; csv: string; lines: number }> {
  return rpc((ports) => exportUseCase(ports));
}

/** Pure: ranked carrier candidates for a tracking number (also reachable from the replay CLI). */
export function detectCarrier(number: string): RpcResult<{ normalized: string; candidates: CarrierCandidate[] }> {
  return rpc(() => detectCarrierRpc(number));
}
