/** Shared set-ups of the returns, counts and adjustments tests. */
import { api, okValue, stocked, type Sheet } from './harness';

export const UPS = '1Z999AA10123456784';

/** Order #A (3 soaps, 1 cream) shipped straight from available stock. */
export function shipped(): Sheet {
  const s = stocked();
  okValue(s.run(() => api.addOrder({ requestId: 'o-a', orderId: '#A', orderDate: '2026-01-02', customerName: 'Élodie Martin', email: 'elodie@example.fr', lines: [{ sku: 'SOAP-LAV', qty: 3 }, { sku: 'CREAM-50', qty: 1 }] })));
  okValue(s.run(() => api.shipOrders({ requestId: 's-a', shipments: [{ orderId: '#A', trackingNumber: UPS }] })));
  return s;
}

/** Stock rows below zero ([] when none). */
export function negativeStock(s: Sheet): string[] {
  return s.table('stock').filter((r) => Number(r.qty) < 0).map((r) => `${r.sku}|${r.bin}|${r.state}|${r.lot}: ${r.qty}`);
}
