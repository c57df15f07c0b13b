/**
 * Workbooks for the daily loop's e2e tests, seeded through real RPCs on top of the demo
 * scenario (examples/demo.json): two more items in bins A-2-9 and A-2-10 (a text sort
 * would put A-2-10 first), two orders, and for the later steps a confirmed pick list.
 */
import type { Scenario, ScenarioCall } from '../../../tools/replay';
import { DEMO } from './preview';

/** Two items whose bins sort differently as text and as rack paths. */
export const RACK_ITEMS: ScenarioCall = {
  fn: 'receive', now: '2026-01-06T09:00:00Z', args: [{
    requestId: 'e2e-racks', supplierRef: 'INV-2026-010', lines: [
      { sku: 'TOWEL-SAGE', bin: 'A-2-10', qty: 10, unitCost: 4, newItem: { name: 'Linen tea towel sage', unit: 'pc' } },
      { sku: 'DISH-CED', bin: 'A-2-9', qty: 6, unitCost: 3, newItem: { name: 'Cedar soap dish', unit: 'pc' } },
    ],
  }],
};

/** #A (France, oldest) and #B (United States). */
export const TWO_ORDERS: ScenarioCall[] = [
  { fn: 'addOrder', now: '2026-01-06T09:10:00Z', args: [{
    requestId: 'e2e-order-a', orderId: '#A', orderDate: '2026-01-05', customerName: 'Élodie Martin', email: 'elodie@example.fr', country: 'FR',
    lines: [{ sku: 'TOWEL-SAGE', qty: 2 }, { sku: 'DISH-CED', qty: 1 }, { sku: 'SOAP-LAV', qty: 2 }],
  }] },
  { fn: 'addOrder', now: '2026-01-06T09:11:00Z', args: [{
    requestId: 'e2e-order-b', orderId: '#B', orderDate: '2026-01-06', customerName: 'Ben Carter', email: 'ben@example.com', country: 'US',
    lines: [{ sku: 'TOWEL-SAGE', qty: 1 }, { sku: 'SOAP-ROSE', qty: 3 }],
  }] },
];

export function withCalls(...calls: ScenarioCall[]): Scenario {
  return { ...DEMO, calls: [...DEMO.calls, ...calls] };
}

/** Orders waiting to be picked. */
export const ORDERS_TO_PICK: Scenario = withCalls(RACK_ITEMS, ...TWO_ORDERS);

/** The same orders, picked in full by one list: ready to pack and ship. */
export const ORDERS_PICKED: Scenario = withCalls(
  RACK_ITEMS, ...TWO_ORDERS,
  { fn: 'buildPickList', now: '2026-01-06T10:00:00Z', args: [{ requestId: 'e2e-list' }] },
  { fn: 'confirmPick', now: '2026-01-06T10:30:00Z', args: [{ requestId: 'e2e-confirm', pickListId: 'PL-00001', lines: [1, 2, 3, 4].map((seq) => ({ seq, picked: [2, 3, 1, 3][seq - 1] })) }] },
);

export const UPS = '1Z999AA10123456784';

/** Order #A picked, then shipped with UPS: ready to come back. */
export const ORDER_SHIPPED: Scenario = withCalls(
  RACK_ITEMS, ...TWO_ORDERS,
  { fn: 'buildPickList', now: '2026-01-06T10:00:00Z', args: [{ requestId: 'e2e-list' }] },
  { fn: 'confirmPick', now: '2026-01-06T10:30:00Z', args: [{ requestId: 'e2e-confirm', pickListId: 'PL-00001', lines: [1, 2, 3, 4].map((seq) => ({ seq, picked: [2, 3, 1, 3][seq - 1] })) }] },
  { fn: 'shipOrders', now: '2026-01-06T11:00:00Z', args: [{ requestId: 'e2e-ship', shipments: [{ orderId: '#A', trackingNumber: UPS }] }] },
);
