/** Typed access to the Orders, Pick lists and Shipments tables. No business rules here. */
import type { OrderLine, PickListStatus } from '../domain/types';
import type { Plain } from './cells';
import type { Row, Table } from './table';
import type { Located } from './stores';

const str = (v: Plain): string => (v === null ? '' : String(v));
const num = (v: Plain): number | null => (typeof v === 'number' ? v : null);

export function orderLineFromRow(r: Row): OrderLine {
  const language = str(r.language).trim().toLowerCase();
  return {
    orderId: str(r.order_id).trim(),
    lineKey: str(r.line_key).trim(),
    channel: (str(r.channel).trim() || 'manual') as OrderLine['channel'],
    orderDate: num(r.order_date),
    customerName: str(r.customer_name),
    email: str(r.email).trim(),
    country: str(r.country).trim().toUpperCase(),
    language: language === 'en' || language === 'fr' ? language : '',
    sku: str(r.sku).trim(),
    itemName: str(r.item_name),
    qty: num(r.qty) ?? 0,
    qtyCancelled: num(r.qty_cancelled) ?? 0,
    qtyPicked: num(r.qty_picked) ?? 0,
    qtyPacked: num(r.qty_packed) ?? 0,
    qtyShipped: num(r.qty_shipped) ?? 0,
    unitPrice: num(r.unit_price),
    currency: str(r.currency).trim(),
    shippingMethod: str(r.shipping_method),
    status: str(r.status).trim() as OrderLine['status'],
    reserved: num(r.reserved) ?? 0,
    pickListId: str(r.pick_list_id).trim(),
    tote: num(r.tote),
    shipmentId: str(r.shipment_id).trim(),
    requestId: str(r.request_id),
    createdAt: num(r.created_at),
    problem: str(r.problem),
    qtyReturned: num(r.qty_returned) ?? 0,
    refundTotal: num(r.refund_total),
  };
}

const FIELDS: Record<keyof OrderLine, string> = {
  orderId: 'order_id', lineKey: 'line_key', channel: 'channel', orderDate: 'order_date', customerName: 'customer_name',
  email: 'email', country: 'country', language: 'language', sku: 'sku', itemName: 'item_name', qty: 'qty',
  qtyCancelled: 'qty_cancelled', qtyPicked: 'qty_picked', qtyPacked: 'qty_packed', qtyShipped: 'qty_shipped',
  unitPrice: 'unit_price', currency: 'currency', shippingMethod: 'shipping_method', status: 'status', reserved: 'reserved',
  pickListId: 'pick_list_id', tote: 'tote', shipmentId: 'shipment_id', requestId: 'request_id', createdAt: 'created_at',
  problem: 'problem', qtyReturned: 'qty_returned', refundTotal: 'refund_total',
};

function orderRecord(fields: Partial<OrderLine>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(fields)) out[FIELDS[k as keyof OrderLine]] = v as Plain;
  return out;
}

export class OrdersStore {
  private readonly rows = new Map<number, Row>();

  constructor(readonly table: Table) {}

  /** Every row that has an order id or a SKU (typed rows included). */
  readAll(): Located<OrderLine>[] {
    this.rows.clear();
    return this.table.readAll()
      .filter((r) => {
        this.rows.set(r._row, r);
        return str(r.order_id).trim() !== '' || str(r.sku).trim() !== '';
      })
      .map((r) => ({ row: r._row, value: orderLineFromRow(r) }));
  }

  /** Many lines at once, in a constant number of calls (after readAll in this execution). */
  updateMany(updates: { row: number; fields: Partial<OrderLine> }[]): void {
    const records = updates.map((u) => ({ row: u.row, values: orderRecord(u.fields) }));
    this.table.updateMany(records, (row) => this.rows.get(row));
    // Later batches in this execution rewrite these cells too: keep the cache current.
    for (const r of records) Object.assign(this.rows.get(r.row) ?? {}, r.values);
  }

  append(lines: OrderLine[]): number {
    return this.table.append(lines.map((l) => orderRecord(l)));
  }

  update(row: number, fields: Partial<OrderLine>): void {
    this.table.update(row, orderRecord(fields));
  }
}

export interface PickListRow {
  pickListId: string;
  seq: number;
  bin: string;
  sku: string;
  name: string;
  lot: string;
  expiry: string;
  qty: number;
  qtyPicked: number | null;
  done: boolean;
  totes: string;
  status: PickListStatus;
  requestId: string;
  createdAt: number | null;
  user: string;
  /** JSON: [{ o: orderId, l: lineKey, t: tote, q: qty }] */
  allocations: string;
}

export class PickListsStore {
  private readonly rows = new Map<number, Row>();

  constructor(readonly table: Table) {}

  readAll(): Located<PickListRow>[] {
    this.rows.clear();
    return this.table.readAll().filter((r) => {
      this.rows.set(r._row, r);
      return str(r.pick_list_id).trim() !== '';
    }).map((r) => ({
      row: r._row,
      value: {
        pickListId: str(r.pick_list_id).trim(), seq: num(r.seq) ?? 0, bin: str(r.bin), sku: str(r.sku), name: str(r.name),
        lot: str(r.lot), expiry: str(r.expiry), qty: num(r.qty) ?? 0, qtyPicked: num(r.qty_picked), done: r.done === true,
        totes: str(r.totes), status: (str(r.status).trim() || 'open') as PickListStatus, requestId: str(r.request_id),
        createdAt: num(r.created_at), user: str(r.user), allocations: str(r.allocations),
      },
    }));
  }

  append(rows: PickListRow[]): number {
    return this.table.append(rows.map((p) => ({
      pick_list_id: p.pickListId, seq: p.seq, bin: p.bin, sku: p.sku, name: p.name, lot: p.lot, expiry: p.expiry, qty: p.qty,
      qty_picked: p.qtyPicked, done: p.done, totes: p.totes, status: p.status, request_id: p.requestId,
      created_at: p.createdAt, user: p.user, allocations: p.allocations,
    })));
  }

  /** Confirmation of a whole list, in a constant number of calls (after readAll). */
  updateMany(updates: { row: number; qtyPicked: number; done: boolean; status: PickListStatus }[]): void {
    const records = updates.map((u) => ({ row: u.row, values: { qty_picked: u.qtyPicked, done: u.done, status: u.status } }));
    this.table.updateMany(records, (row) => this.rows.get(row));
    for (const r of records) Object.assign(this.rows.get(r.row) ?? {}, r.values);
  }

  /** A new status for some rows (a cancelled list), in a constant number of calls (after readAll). */
  setStatus(rows: number[], status: PickListStatus): void {
    const records = rows.map((row) => ({ row, values: { status } }));
    this.table.updateMany(records, (row) => this.rows.get(row));
    for (const r of records) Object.assign(this.rows.get(r.row) ?? {}, r.values);
  }
}

export interface ShipmentRow {
  shipmentId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  shippedAt: number;
  user: string;
  packaging: string;
  items: string;
  email: string;
  language: '' | 'en' | 'fr';
  notifiedAt: number | null;
  trackingStatus: string;
  lastEvent: string;
  lastChecked: number | null;
  deliveredAt: number | null;
  requestId: string;
  /** the last tracking status the customer was emailed about */
  notifiedStatus?: string;
  /** the last exception status listed in the digest */
  alertedStatus?: string;
}

export class ShipmentsStore {
  private readonly rows = new Map<number, Row>();

  constructor(readonly table: Table) {}

  readAll(): Located<ShipmentRow>[] {
    this.rows.clear();
    return this.table.readAll().filter((r) => {
      this.rows.set(r._row, r);
      return str(r.shipment_id).trim() !== '';
    }).map((r) => {
      const language = str(r.language).trim();
      return {
        row: r._row,
        value: {
          shipmentId: str(r.shipment_id).trim(), orderId: str(r.order_id).trim(), carrier: str(r.carrier), trackingNumber: str(r.tracking_number),
          trackingUrl: str(r.tracking_url), shippedAt: num(r.shipped_at) ?? 0, user: str(r.user), packaging: str(r.packaging),
          items: str(r.items), email: str(r.email), language: language === 'en' || language === 'fr' ? language : '',
          notifiedAt: num(r.notified_at), trackingStatus: str(r.tracking_status), lastEvent: str(r.last_event),
          lastChecked: num(r.last_checked), deliveredAt: num(r.delivered_at), requestId: str(r.request_id),
          notifiedStatus: str(r.notified_status), alertedStatus: str(r.alerted_status),
        },
      };
    });
  }

  append(rows: ShipmentRow[]): number {
    return this.table.append(rows.map((s) => ({
      shipment_id: s.shipmentId, order_id: s.orderId, carrier: s.carrier, tracking_number: s.trackingNumber, tracking_url: s.trackingUrl,
      shipped_at: s.shippedAt, user: s.user, packaging: s.packaging, items: s.items, email: s.email, language: s.language,
      notified_at: s.notifiedAt, tracking_status: s.trackingStatus, last_event: s.lastEvent, last_checked: s.lastChecked,
      delivered_at: s.deliveredAt, request_id: s.requestId,
    })));
  }

  /** Tracking results for many rows in a constant number of calls (after readAll). */
  updateMany(updates: { row: number; fields: { trackingStatus?: string; lastEvent?: string; lastChecked?: number; deliveredAt?: number | null; notifiedStatus?: string; alertedStatus?: string; notifiedAt?: number | null } }[]): void {
    const names: Record<string, string> = {
      trackingStatus: 'tracking_status', lastEvent: 'last_event', lastChecked: 'last_checked', deliveredAt: 'delivered_at',
      notifiedStatus: 'notified_status', alertedStatus: 'alerted_status', notifiedAt: 'notified_at',
    };
    const records = updates.map((u) => {
      const values: Record<string, Plain> = {};
      for (const [k, v] of Object.entries(u.fields)) if (v !== undefined) values[names[k]] = v as Plain;
      return { row: u.row, values };
    });
    this.table.updateMany(records, (row) => this.rows.get(row));
    for (const r of records) Object.assign(this.rows.get(r.row) ?? {}, r.values);
  }

  update(row: number, fields: { notifiedAt?: number | null; trackingStatus?: string; lastEvent?: string; lastChecked?: number; deliveredAt?: number }): void {
    const rec: Record<string, Plain> = {};
    if (fields.notifiedAt !== undefined) rec.notified_at = fields.notifiedAt;
    if (fields.trackingStatus !== undefined) rec.tracking_status = fields.trackingStatus;
    if (fields.lastEvent !== undefined) rec.last_event = fields.lastEvent;
    if (fields.lastChecked !== undefined) rec.last_checked = fields.lastChecked;
    if (fields.deliveredAt !== undefined) rec.delivered_at = fields.deliveredAt;
    this.table.update(row, rec);
  }
}
