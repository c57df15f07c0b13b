/** Replenishment and purchase order RPCs, and the reports. Thin wrappers. */
import type { RpcResult } from '../domain/result';
import { createPurchaseOrders as createUseCase, getPurchaseOrders as listUseCase, updatePurchaseOrder as updateUseCase, type PoSummary, type UpdatePoPayload } from '../app/purchasing';
import { rebuildReplenishment as rebuildUseCase } from '../app/replenishment';
import { withWrite } from '../app/write';
import { rebuildReports as reportsUseCase, type ReportsValue } from '../app/reports';
import { rpc } from './entry-points';
import { globals } from './ports';

export function getPurchaseOrders(): RpcResult<{ orders: PoSummary[] }> {
  return rpc((ports) => listUseCase(ports));
}

export function createPurchaseOrders(payload: { requestId: string; supplier?: string }): RpcResult<{ orders: PoSummary[]; replayed: boolean }> {
  return rpc((ports, t) => createUseCase(ports, payload, t()));
}

export function updatePurchaseOrder(payload: UpdatePoPayload): RpcResult<PoSummary> {
  return rpc((ports, t) => updateUseCase(ports, payload, t()));
}

/** Recompute the Replenishment tab now (the hourly run does it too). */
export function rebuildReplenishment(): RpcResult<{ rows: number }> {
  return rpc((ports, t) => withWrite(ports, (session) => ({ value: { rows: rebuildUseCase(session, t()).rows }, changes: [] })));
}

/** Rebuild the report tabs and the dashboard now (the hourly run does it when the ledger moved). */
export function rebuildReports(): RpcResult<ReportsValue> {
  return rpc((ports, t) => withWrite(ports, (session) => {
    const value = reportsUseCase(session, t());
    return { value, changes: [{ kind: 'reports', message: t()('change.reports', { skus: value.skus, months: value.months, charts: value.charts }) }] };
  }));
}

/** Menu "Rebuild reports and dashboard": runs `rebuildReports()` and says what it did in a toast. */
export function menuReports(): void {
  const result = rebuildReports();
  const text = result.ok ? result.changes.map((c) => c.message).join('\n') : result.errors.map((e) => e.message).join('\n');
  globals().SpreadsheetApp.getActiveSpreadsheet().toast(text);
}

/**
 * Menu "Create purchase orders": one draft per supplier for the items at or below their
 * reorder point; the alert says which (edit them in the Purchase orders tab, then set the
 * status to sent).
 */
export function menuPurchaseOrders(): void {
  const result = createPurchaseOrders({ requestId: globals().Utilities.getUuid() });
  const text = result.ok ? result.changes.map((c) => c.message).join('\n') : result.errors.map((e) => e.message).join('\n');
  globals().SpreadsheetApp.getUi().alert(text);
}
