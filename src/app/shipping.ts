/**
 * Shipping: the order's picked or packed goods leave the ledger (valued: COGS from the first
 * shipment), a Shipments row holds carrier, tracking number and link, and the customer gets
 * the tracking email once, in the order's language, when the quota allows.
 */
import type { OrderLine } from '../domain/types';
import { ProblemError, problem, type Change, type Problem } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { CARRIERS, detectCarrier, trackingUrl, type CarrierCandidate } from '../domain/carriers';
import { deriveStatus, openQty } from '../domain/orders/lifecycle';
import { planPickList } from '../domain/picking';
import { holdings, lineRef } from '../domain/orders/holdings';
import { parseTrackingList, type TrackingEntry } from '../domain/orders/tracking-list';
import { shippedEmail } from '../domain/emails/shipped';
import { toCsv } from '../domain/csv-export';
import { fromMinor } from '../domain/money';
import type { Language, MessageKey, Translator } from '../domain/i18n';
import type { ShipmentRow } from '../sheets/order-stores';
import type { Located } from '../sheets/stores';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { languageOf, localize } from './context';
import { withWrite, type WriteSession } from './write';
import { reserve } from './orders';
import { RowBuilder } from './movements';

/** A line can ship what it holds picked or packed, and (outsourced fulfilment) what is open. */
function shippableQty(l: OrderLine): number {
  if (l.status === 'cancelled' || l.status === 'picking') return Math.max(0, l.qtyPicked - l.qtyShipped);
  return Math.max(0, l.qtyPicked - l.qtyShipped) + openQty(l);
}

function isShippable(l: OrderLine): boolean {
  return shippableQty(l) > 0;
}

export interface ShipPayload {
  requestId?: unknown;
  /** the form: one or more orders */
  shipments?: { orderId?: unknown; carrier?: unknown; trackingNumber?: unknown }[];
  /** bulk: a pasted list or CSV (order id, carrier, tracking number) */
  text?: unknown;
}

export interface ShipValue {
  replayed: boolean;
  shipments: { shipmentId: string; orderId: string; carrier: string; trackingNumber: string; trackingUrl: string; units: number; cost: number; emailed: boolean }[];
  problems: { row: number; code: string; field: string; message: string }[];
}

/** A carrier typed by the user (code or name) wins; else the detector's best candidate. */
export function resolveCarrier(typed: string, number: string): { code: string; name: string; url: string } {
  const t = typed.trim().toLowerCase();
  const known = t ? CARRIERS.find((c) => c.code === t || c.name.toLowerCase() === t) : undefined;
  const best: CarrierCandidate | undefined = detectCarrier(number)[0];
  const code = known?.code ?? (t ? typed.trim() : best?.carrier ?? '');
  const name = known?.name ?? (t ? typed.trim() : best?.name ?? '');
  return { code, name, url: trackingUrl(code, number) ?? (code === best?.carrier ? best.trackingUrl : '') };
}

function nextShipmentNumber(rows: Located<ShipmentRow>[]): number {
  let max = 0;
  for (const r of rows) {
    const m = /^SH-(\d+)$/.exec(r.value.shipmentId);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function entriesOf(payload: ShipPayload): { entries: TrackingEntry[]; problems: Problem[]; bulk: boolean } {
  if (typeof payload.text === 'string' && payload.text.trim()) {
    const parsed = parseTrackingList(payload.text);
    return { entries: parsed.entries, problems: parsed.problems.map((p) => problem(p.code === 'malformed_csv' ? 'invalid_text' : 'required', p.field, p.row)), bulk: true };
  }
  const problems: Problem[] = [];
  const entries: TrackingEntry[] = [];
  (Array.isArray(payload.shipments) ? payload.shipments : []).forEach((s, i) => {
    const row = i + 1;
    const orderId = cleanText(s?.orderId);
    const trackingNumber = cleanText(s?.trackingNumber);
    if (!orderId) problems.push(problem('required', 'orderId', row));
    if (!trackingNumber) problems.push(problem('tracking_required', 'trackingNumber', row));
    else if (trackingNumber.length > 60) problems.push(problem('too_long', 'trackingNumber', row, { max: 60 }));
    if (orderId && trackingNumber) entries.push({ row, orderId, carrier: cleanText(s?.carrier), trackingNumber });
  });
  if (entries.length === 0 && problems.length === 0) problems.push(problem('no_lines', 'lines'));
  return { entries, problems, bulk: false };
}

export function shipOrders(ports: Ports, payload: ShipPayload, t: Translator): Outcome<ShipValue> {
  const requestId = cleanText(payload?.requestId);
  if (!requestId) throw new ProblemError([problem('required', 'requestId')]);
  const { entries, problems, bulk } = entriesOf(payload ?? {});
  // The form writes nothing on a bad line; a pasted list is an import: good rows go through.
  if (!bulk && problems.length) throw new ProblemError(problems);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const shipmentsStore = wb.shipments();
    const existing = shipmentsStore.readAll();
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const mine = existing.filter((s) => s.value.requestId === requestId);
    const all = wb.orders().readAll();
    const rowProblems = [...problems];
    const now = ports.clock.now();
    let shipments: ShipmentRow[];
    if (mine.length) {
      shipments = mine.map((s) => s.value); // a retry: the shipments were written, maybe not the rest
    } else {
      let n = nextShipmentNumber(existing);
      shipments = [];
      for (const e of entries) {
        const lines = all.filter((l) => l.value.orderId === e.orderId);
        if (lines.length === 0) {
          rowProblems.push(problem('unknown_order', 'orderId', e.row, { value: e.orderId }));
          continue;
        }
        const ready = lines.filter((l) => isShippable(l.value));
        if (ready.length === 0) {
          rowProblems.push(problem('nothing_to_ship', 'orderId', e.row, { value: e.orderId }));
          continue;
        }
        const carrier = resolveCarrier(e.carrier, e.trackingNumber);
        const first = ready[0].value;
        shipments.push({
          shipmentId: 'SH-' + String(n++).padStart(5, '0'), orderId: e.orderId, carrier: carrier.name || carrier.code,
          trackingNumber: e.trackingNumber, trackingUrl: carrier.url, shippedAt: now, user: ports.identity.email(), packaging: '',
          items: ready.map((l) => `${shippableQty(l.value)}× ${l.value.sku}`).join(', '), email: first.email,
          language: first.language, notifiedAt: null, trackingStatus: 'pending', lastEvent: '', lastChecked: null, deliveredAt: null, requestId,
        });
      }
      if (!bulk && rowProblems.length) throw new ProblemError(rowProblems);
      if (shipments.length === 0) throw new ProblemError(rowProblems.length ? rowProblems : [problem('no_lines', 'lines')]);
      shipmentsStore.append(shipments); // the table this request creates, first
    }

    // Then the ledger: goods leave from packed first, then picked, then (an order never
    // picked here, e.g. fulfilled by an outsourced warehouse) from available stock,
    // first-expired-first-out. Each row is valued.
    const costs = new Map<string, number>();
    const units = new Map<string, number>();
    const shippedByRef = new Map<string, { total: number; fromOpen: number }>();
    const track = (shipmentId: string, ref: string, qty: number, cost: number, fromOpen: boolean) => {
      costs.set(shipmentId, (costs.get(shipmentId) ?? 0) + cost);
      units.set(shipmentId, (units.get(shipmentId) ?? 0) + qty);
      const r = shippedByRef.get(ref) ?? { total: 0, fromOpen: 0 };
      r.total += qty;
      if (fromOpen) r.fromOpen += qty;
      shippedByRef.set(ref, r);
    };
    if (prior.length === 0) {
      const caches = session.cachesLoaded();
      const builder = new RowBuilder(caches, { requestId, user: ports.identity.email(), time: now, currency: wb.currency() });
      for (const s of shipments) {
        const lines = all.filter((x) => x.value.orderId === s.orderId && isShippable(x.value)).map((x) => x.value);
        for (const l of lines) {
          const ref = lineRef(l.orderId, l.lineKey);
          for (const h of holdings(wb.ledger().findByRef(ref), ['packed', 'picked'])) {
            track(s.shipmentId, ref, h.qty, builder.out('ship', h, h.qty, { refType: 'order_line', refId: ref, externalRef: s.shipmentId }), false);
          }
        }
        const open = lines.filter((l) => openQty(l) > 0 && !l.pickListId);
        if (open.length) {
          const stock = caches.levelList().filter((v) => v.state === 'available').map((v) => ({ sku: v.sku, bin: v.bin, lot: v.lot, expiry: v.expiry, qty: builder.available(v) }));
          const plan = planPickList(open.map((l) => ({ orderId: l.orderId, lineKey: l.lineKey, sku: l.sku, openQty: openQty(l), orderDate: l.orderDate })), stock);
          for (const a of plan.allocations) {
            const ref = lineRef(a.orderId, a.lineKey);
            const from = { sku: a.sku, bin: a.bin, state: 'available' as const, lot: a.lot, expiry: a.expiry };
            track(s.shipmentId, ref, a.qty, builder.out('ship', from, a.qty, { refType: 'order_line', refId: ref, externalRef: s.shipmentId }), true);
          }
        }
      }
      session.post(builder.rows);
    } else {
      for (const m of prior) if (m.type === 'ship') track(m.externalRef, m.refId, -m.qty, -m.valueMinor, m.state === 'available');
    }

    // Then the order lines (a line already carrying its shipment id was done by an earlier try).
    const changed: OrderLine[] = [];
    const lineUpdates: { row: number; fields: Partial<OrderLine> }[] = [];
    for (const s of shipments) {
      for (const { row, value: l } of all) {
        const got = shippedByRef.get(lineRef(l.orderId, l.lineKey));
        if (l.orderId !== s.orderId || l.shipmentId === s.shipmentId || !got) continue;
        l.qtyPicked = Number((l.qtyPicked + got.fromOpen).toFixed(9));
        l.qtyShipped = Number((l.qtyShipped + got.total).toFixed(9));
        l.qtyPacked = l.qtyShipped;
        l.shipmentId = s.shipmentId;
        l.reserved = openQty(l);
        l.status = deriveStatus(l);
        lineUpdates.push({ row, fields: { qtyPicked: l.qtyPicked, qtyShipped: l.qtyShipped, qtyPacked: l.qtyPacked, shipmentId: l.shipmentId, reserved: l.reserved, status: l.status } });
        changed.push(l);
      }
    }
    wb.orders().updateMany(lineUpdates);
    reserve(session, all.map((l) => l.value), all.map((l) => l.value).filter((l) => shipments.some((x) => x.orderId === l.orderId)));
    const changes: Change[] = shipments.map((s) => ({ kind: 'shipped', orderId: s.orderId, shipmentId: s.shipmentId, message: t('change.shipped', { order: s.orderId, carrier: s.carrier || '?', tracking: s.trackingNumber }) }));
    const emailed = notifyCustomers(session, shipments, t, changes);
    const tr = t;
    return {
      value: {
        replayed: mine.length > 0,
        shipments: shipments.map((s) => ({
          shipmentId: s.shipmentId, orderId: s.orderId, carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl,
          units: units.get(s.shipmentId) ?? 0, cost: fromMinor(costs.get(s.shipmentId) ?? 0, wb.currency()), emailed: emailed.has(s.shipmentId),
        })),
        problems: rowProblems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map((p) => {
          const e = localize(tr, p);
          // a problem with a field and a line already reads "Line 2, order: ..."; say the line only once
          const message = p.field && p.line !== undefined ? e.message : tr('ship.problem', { row: p.line ?? 0, problem: e.message });
          return { row: p.line ?? 0, code: p.code, field: p.field, message };
        }),
      },
      changes,
    };
  });
}

/**
 * Email each customer whose shipment has not been notified, once: the Shipments row's
 * notified_at is the stamp. Without quota, nothing is sent and a later run sends it.
 */
export function notifyCustomers(session: WriteSession, shipments: ShipmentRow[], t: Translator, changes: Change[]): Set<string> {
  const ports = session.ports;
  const wb = ports.workbook;
  const settings = wb.settings();
  const sent = new Set<string>();
  if (!ports.mail || (settings.notify_customers ?? 'yes').trim().toLowerCase() === 'no') return sent;
  const rows = wb.shipments().readAll();
  const workbookLanguage = languageOf(ports);
  const orderLines = wb.orders().readAll().map((l) => l.value);
  const names = new Map(session.cachesLoaded().items.map((i) => [skuKey(i.sku), i.name]));
  for (const s of shipments) {
    const row = rows.find((r) => r.value.shipmentId === s.shipmentId);
    if (!row || row.value.notifiedAt !== null) continue;
    if (!s.email) {
      changes.push({ kind: 'email_skipped', orderId: s.orderId, message: t('change.emailSkippedNoAddress', { order: s.orderId }) });
      continue;
    }
    if (ports.mail.remainingQuota() < 1) {
      changes.push({ kind: 'email_skipped', orderId: s.orderId, message: t('change.emailSkippedQuota', { email: s.email }) });
      continue;
    }
    const language: Language = s.language || workbookLanguage;
    const lines = orderLines.filter((l) => l.orderId === s.orderId && l.shipmentId === s.shipmentId);
    const mail = shippedEmail({
      language, customerName: lines[0]?.customerName ?? '', orderId: s.orderId, carrierName: s.carrier, trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl, items: lines.map((l) => ({ name: l.itemName || names.get(skuKey(l.sku)) || l.sku, qty: l.qtyShipped })),
      shop: settings.shop_name ?? '', subjectTemplate: settings[`email_shipped_subject_${language}`], bodyTemplate: settings[`email_shipped_body_${language}`],
    });
    // Stamp first, then send: a run cut off in between leaves one customer without the
    // email rather than emailing anyone twice (the stamp is committed before sending).
    wb.shipments().update(row.row, { notifiedAt: ports.clock.now() });
    wb.flush();
    try {
      ports.mail.send({ to: s.email, subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody, name: settings.shop_name || undefined });
    } catch (e) {
      wb.shipments().update(row.row, { notifiedAt: null });
      changes.push({ kind: 'email_failed', orderId: s.orderId, message: t('change.emailFailed', { email: s.email, detail: e instanceof Error ? e.message : String(e) }) });
      continue;
    }
    sent.add(s.shipmentId);
    changes.push({ kind: 'emailed', orderId: s.orderId, message: t('change.emailed', { email: s.email }) });
  }
  return sent;
}

export interface ShipFormValue {
  orders: { orderId: string; customerName: string; email: string; units: number; status: string }[];
  carriers: { code: string; name: string }[];
}

export function getShipFormData(ports: Ports, t: Translator): Outcome<ShipFormValue> {
  const byOrder = new Map<string, OrderLine[]>();
  for (const { value: l } of ports.workbook.orders().readAll()) {
    if (isShippable(l)) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  }
  return {
    value: {
      orders: Array.from(byOrder, ([orderId, ls]) => ({
        orderId, customerName: ls[0].customerName, email: ls[0].email, units: ls.reduce((a, l) => a + shippableQty(l), 0),
        status: t(`orderStatus.${ls[0].status}` as MessageKey),
      })),
      carriers: CARRIERS.map((c) => ({ code: c.code, name: c.name })),
    },
    changes: [],
  };
}

export function detectCarrierRpc(number: unknown): Outcome<{ normalized: string; candidates: CarrierCandidate[] }> {
  const text = cleanText(number);
  if (!text) throw new ProblemError([problem('tracking_required', 'trackingNumber')]);
  const candidates = detectCarrier(text);
  return { value: { normalized: candidates[0]?.normalized ?? text.replace(/[\s-]/g, '').toUpperCase(), candidates }, changes: [] };
}

/** Orders to ship (open or picked, not shipped), as CSV for an outsourced warehouse (3PL). */
export function exportReadyToShip(ports: Ports): Outcome<{ fileName: string; csv: string; lines: number }> {
  const rows: (string | number)[][] = [['order_id', 'line', 'sku', 'item', 'qty', 'customer', 'email', 'country', 'shipping_method']];
  for (const { value: l } of ports.workbook.orders().readAll()) {
    const qty = shippableQty(l);
    if (qty <= 0) continue;
    rows.push([l.orderId, l.lineKey, l.sku, l.itemName, qty, l.customerName, l.email, l.country, l.shippingMethod]);
  }
  const day = ports.workbook.ymd(ports.clock.now());
  return { value: { fileName: `ready-to-ship-${day}.csv`, csv: toCsv(rows), lines: rows.length - 1 }, changes: [] };
}
