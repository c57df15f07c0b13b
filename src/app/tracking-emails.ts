/**
 * Optional customer emails on tracking status changes (Settings notify_status_changes, e.g.
 * "out_for_delivery, delivered, exception"), once per change, in the order's language. The
 * shipment's notified_status is stamped before sending: at most once.
 */
import type { Change } from '../domain/result';
import { translate, type Language, type MessageKey } from '../domain/i18n';
import { escapeHtml } from '../domain/text';
import type { ShipmentRow } from '../sheets/order-stores';
import type { Translator } from '../domain/i18n';
import { languageOf } from './context';
import type { WriteSession } from './write';

export const NOTIFIABLE = ['out_for_delivery', 'delivered', 'exception'] as const;

export function notifyStatusChanges(session: WriteSession, changed: ShipmentRow[], t: Translator, changes: Change[]): number {
  const ports = session.ports;
  const wb = ports.workbook;
  const wanted = (wb.settings().notify_status_changes ?? '').split(/[,;\s]+/).map((s) => s.trim()).filter((s) => (NOTIFIABLE as readonly string[]).includes(s));
  if (!ports.mail || wanted.length === 0) return 0;
  const rows = wb.shipments().readAll();
  let sent = 0;
  for (const s of changed) {
    if (!wanted.includes(s.trackingStatus) || !s.email) continue;
    const row = rows.find((r) => r.value.shipmentId === s.shipmentId);
    if (!row || row.value.notifiedStatus === s.trackingStatus) continue;
    if (ports.mail.remainingQuota() < 1) {
      changes.push({ kind: 'email_skipped', message: t('change.emailSkippedQuota', { email: s.email }) });
      continue;
    }
    const lang: Language = s.language || languageOf(ports);
    const params = { order: s.orderId, carrier: s.carrier, tracking_number: s.trackingNumber, tracking_link: s.trackingUrl, event: s.lastEvent, shop: wb.settings().shop_name ?? '' };
    const subject = translate(lang, `email.status.${s.trackingStatus}.subject` as MessageKey, params);
    const body = translate(lang, `email.status.${s.trackingStatus}.body` as MessageKey, params);
    const html: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) html[k] = escapeHtml(v);
    html.tracking_link = s.trackingUrl ? `<a href="${escapeHtml(s.trackingUrl)}">${escapeHtml(s.trackingUrl)}</a>` : '';
    const htmlBody = translate(lang, `email.status.${s.trackingStatus}.body` as MessageKey, html).replace(/\n/g, '<br>');
    wb.shipments().updateMany([{ row: row.row, fields: { notifiedStatus: s.trackingStatus } }]);
    wb.flush();
    ports.mail.send({ to: s.email, subject, body, htmlBody });
    sent++;
    changes.push({ kind: 'emailed', message: t('change.emailed', { email: s.email }) });
  }
  return sent;
}
