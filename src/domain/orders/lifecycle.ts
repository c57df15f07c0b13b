/**
 * An order line's quantities and status (DESIGN section 3): orders reserve, they do not
 * move stock. open = max(0, ordered - cancelled - picked); what is picked but not shipped
 * is in the picked or packed state in the ledger.
 */
import type { OrderLine, OrderLineStatus } from '../types';

function clean(n: number): number {
  return Number(n.toFixed(9));
}

export function openQty(l: Pick<OrderLine, 'qty' | 'qtyCancelled' | 'qtyPicked' | 'status'>): number {
  if (l.status === 'cancelled') return 0;
  return Math.max(0, clean(l.qty - l.qtyCancelled - l.qtyPicked));
}

/** The part still to ship: ordered minus cancelled. */
export function wanted(l: Pick<OrderLine, 'qty' | 'qtyCancelled'>): number {
  return Math.max(0, clean(l.qty - l.qtyCancelled));
}

export function deriveStatus(l: Pick<OrderLine, 'qty' | 'qtyCancelled' | 'qtyPicked' | 'qtyPacked' | 'qtyShipped' | 'pickListId'>): OrderLineStatus {
  const w = wanted(l);
  if (w <= 0) return 'cancelled';
  if (l.qtyShipped >= w) return 'shipped';
  if (l.qtyPacked >= w) return 'packed';
  if (l.qtyPicked >= w) return 'picked';
  if (l.pickListId) return 'picking';
  return 'open';
}

/** The identity that makes a re-import add nothing: channel, order id and line. */
export function orderLineIdentity(l: Pick<OrderLine, 'channel' | 'orderId' | 'lineKey'>): string {
  return [l.channel, l.orderId.trim().toUpperCase(), l.lineKey.trim().toUpperCase()].join('\u0001');
}

/** Countries where a customer is taken to read French when the order says nothing. */
const FRENCH = ['FR', 'MC', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC'];

export function languageFor(explicit: string, country: string): '' | 'en' | 'fr' {
  const e = explicit.trim().toLowerCase().slice(0, 2);
  if (e === 'en' || e === 'fr') return e;
  return FRENCH.includes(country.trim().toUpperCase()) ? 'fr' : '';
}
