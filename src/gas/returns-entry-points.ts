/**
 * Sidebar RPCs of returns, counts and adjustments (moves, write-offs, expiry, voids) and
 * "explain this number". Thin wrappers; explainSelection reads the active range here, the
 * only place that may touch SpreadsheetApp.
 */
import type { RpcResult } from '../domain/result';
import type { CountSheetPayload } from '../domain/counts';
import type { CreditNotePayload, InspectPayload, ReturnPayload } from '../domain/returns/validate';
import { createReturn as createUseCase, findReturnable as findUseCase, recordCreditNote as creditUseCase, type CreditNoteValue, type ReturnableValue, type ReturnValue } from '../app/returns';
import { inspectReturn as inspectUseCase, type InspectValue } from '../app/inspection';
import { createCountSheet as countSheetUseCase, submitCount as submitUseCase, type CountSheetValue, type SubmitCountPayload, type SubmitCountValue } from '../app/counts';
import {
  expiryAction as expiryActionUseCase, getExpiring as expiringUseCase, moveStock as moveUseCase, voidMovement as voidUseCase, writeOff as writeOffUseCase,
  type ExpiringValue, type ExpiryActionValue, type MoveValue, type VoidValue, type WriteOffValue,
} from '../app/adjustments';
import { explainSelection as selectionUseCase, explainStock as explainUseCase, type ExplainValue } from '../app/explain';
import { rpc } from './entry-points';
import { globals } from './ports';

type Lines = { lines?: unknown };

export function findReturnable(payload: { query?: unknown }): RpcResult<ReturnableValue> {
  return rpc((ports, t) => findUseCase(ports, payload ?? {}, t()));
}

export function createReturn(payload: ReturnPayload): RpcResult<ReturnValue> {
  return rpc((ports, t) => createUseCase(ports, payload ?? {}, t()));
}

export function inspectReturn(payload: InspectPayload): RpcResult<InspectValue> {
  return rpc((ports, t) => inspectUseCase(ports, payload ?? {}, t()));
}

export function recordCreditNote(payload: CreditNotePayload): RpcResult<CreditNoteValue> {
  return rpc((ports, t) => creditUseCase(ports, payload ?? {}, t()));
}

export function writeOff(payload: { requestId?: unknown; reason?: unknown; note?: unknown } & Lines): RpcResult<WriteOffValue> {
  return rpc((ports, t) => writeOffUseCase(ports, payload ?? {}, t()));
}

export function getExpiring(payload?: { days?: unknown }): RpcResult<ExpiringValue> {
  return rpc((ports, t) => expiringUseCase(ports, payload ?? {}, t()));
}

export function expiryAction(payload: Parameters<typeof expiryActionUseCase>[1]): RpcResult<ExpiryActionValue> {
  return rpc((ports, t) => expiryActionUseCase(ports, payload ?? {}, t()));
}

export function createCountSheet(payload: CountSheetPayload): RpcResult<CountSheetValue> {
  return rpc((ports, t) => countSheetUseCase(ports, payload ?? {}, t()));
}

export function submitCount(payload: SubmitCountPayload): RpcResult<SubmitCountValue> {
  return rpc((ports, t) => submitUseCase(ports, payload ?? {}, t()));
}

export function moveStock(payload: { requestId?: unknown; note?: unknown } & Lines): RpcResult<MoveValue> {
  return rpc((ports, t) => moveUseCase(ports, payload ?? {}, t()));
}

export function voidMovement(payload: { requestId?: unknown; movementId?: unknown; note?: unknown }): RpcResult<VoidValue> {
  return rpc((ports, t) => voidUseCase(ports, payload ?? {}, t()));
}

export function explainStock(payload: { sku?: unknown; bin?: unknown; state?: unknown; lot?: unknown; page?: unknown; pageSize?: unknown }): RpcResult<ExplainValue> {
  return rpc((ports, t) => explainUseCase(ports, payload ?? {}, t()));
}

/** The Stock row under the user's selection, explained (error not_stock_cell elsewhere). */
export function explainSelection(payload?: { page?: unknown; pageSize?: unknown }): RpcResult<ExplainValue> {
  return rpc((ports, t) => {
    const range = globals().SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
    const selection = range ? { sheetId: range.getSheet().getSheetId(), row: range.getRow() } : null;
    return selectionUseCase(ports, selection, payload ?? {}, t());
  });
}
