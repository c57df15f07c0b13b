/** The periodic tasks the hourly dispatcher runs, in order. */
import type { Change } from '../domain/result';
import { skuKey } from '../domain/text';
import type { HourlyTask } from './hourly';
import { withWrite } from './write';
import { notifyCustomers } from './shipping';
import { digestOf, rebuildReplenishment } from './replenishment';
import { digestEmail, parseRecipients } from '../domain/emails/digest';
import { isEmail } from '../domain/orders/manual';
import { translate, type MessageKey } from '../domain/i18n';
import { languageOf } from './context';
import { refreshTracking } from './tracking';
import { rebuildReports, reportsStale } from './reports';

/** Customer emails that could not go when the parcel shipped (quota) go now, for two weeks. */
const EMAIL_RETRY_MS = 14 * 24 * 3600 * 1000;

/** Statuses follow Items edits (a reorder point typed by hand) even without stock moves. */
export const refreshStatuses: HourlyTask = {
  id: 'summaries',
  run(ports, t) {
    return withWrite(ports, (session) => {
      const caches = session.cachesLoaded();
      const skus = new Set<string>();
      for (const i of caches.items) skus.add(skuKey(i.sku));
      for (const l of caches.levelList()) skus.add(skuKey(l.sku));
      caches.refreshSummaries(skus, ports.clock.now());
      const low = Array.from(caches.summaries.values()).filter((s) => s.value.status === 'low' || s.value.status === 'out').length;
      return t('hourly.summaries', { count: skus.size, low });
    });
  },
};

export const pendingCustomerEmails: HourlyTask = {
  id: 'customerEmails',
  run(ports, t) {
    return withWrite(ports, (session) => {
      const now = ports.clock.now();
      const waiting = ports.workbook.shipments().readAll().map((r) => r.value)
        .filter((s) => s.notifiedAt === null && s.email && now - s.shippedAt < EMAIL_RETRY_MS);
      const changes: Change[] = [];
      const sent = notifyCustomers(session, waiting, t, changes);
      return t('hourly.customerEmails', { sent: sent.size, waiting: waiting.length - sent.size });
    });
  },
};


/** Expiring lots already reported, so each lot is in one email only (document property). */
const EXPIRY_ALERTED = 'expiry_alerted';
const PROBLEMS = ['exception', 'attempt_fail'];

/**
 * Replenishment and the low-stock digest in one task: rebuild the policies, then email the
 * items newly at or below their reorder point (alerted_at empty) and lots expiring soon
 * that were not reported yet. The alerted_at stamps are written before the email is sent:
 * a run cut off in between sends nothing rather than twice.
 */
export const replenishmentAndDigest: HourlyTask = {
  id: 'replenishment',
  run(ports, t) {
    return withWrite(ports, (session) => {
      const { policies, rows } = rebuildReplenishment(session, t);
      const caches = session.cachesLoaded();
      const digest = digestOf(caches, policies);
      const seen = new Set<string>(JSON.parse(ports.props.get(EXPIRY_ALERTED) ?? '[]') as string[]);
      const lotKey = (e: { sku: string; bin: string; lot: string }) => [skuKey(e.sku), e.bin, e.lot].join('|');
      const freshLots = digest.expiring.filter((e) => !seen.has(lotKey(e)));
      const parts = [t('hourly.replenishment', { count: rows })];
      // Parcels newly in exception or after a failed attempt are listed too, once per status.
      const shipments = ports.workbook.shipments().readAll();
      const troubled = shipments.filter((r) => PROBLEMS.includes(r.value.trackingStatus) && r.value.alertedStatus !== r.value.trackingStatus);
      if (digest.alerted.length === 0 && freshLots.length === 0 && troubled.length === 0) return [...parts, t('hourly.digestNothing')].join(' ');
      const settings = ports.workbook.settings();
      const { valid } = parseRecipients(settings.alert_recipients ?? '', isEmail);
      const count = digest.alerted.length + troubled.length;
      if (valid.length === 0) return [...parts, t('hourly.digestNoRecipients', { count })].join(' ');
      if (!ports.mail || ports.mail.remainingQuota() < valid.length) return [...parts, t('hourly.digestNoQuota', { count })].join(' ');
      const now = ports.clock.now();
      const stamped = new Map<string, number>();
      for (const sku of digest.alerted) stamped.set(skuKey(sku), now);
      caches.stampAlerted(stamped, now);
      const stillThere = new Set(digest.expiring.map(lotKey));
      ports.props.set(EXPIRY_ALERTED, JSON.stringify([...Array.from(seen).filter((k) => stillThere.has(k)), ...freshLots.map(lotKey)]));
      ports.workbook.flush();
      ports.workbook.shipments().updateMany(troubled.map((r) => ({ row: r.row, fields: { alertedStatus: r.value.trackingStatus } })));
      const lang = languageOf(ports);
      const parcels = troubled.map((r) => translate(lang, 'digest.parcelLine', {
        order: r.value.orderId, carrier: r.value.carrier, tracking: r.value.trackingNumber,
        status: translate(lang, `trackStatus.${r.value.trackingStatus}` as MessageKey), event: r.value.lastEvent,
      }));
      const mail = digestEmail(lang, digest, policies.expiryDays, settings.shop_name ?? '', parcels);
      ports.mail.send({ to: valid.join(','), subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody, name: settings.shop_name || undefined });
      return [...parts, t('hourly.digest', { count, recipients: valid.join(', ') })].join(' ');
    });
  },
};

export const trackingRefresh: HourlyTask = {
  id: 'tracking',
  run(ports, t, deadline) {
    const r = refreshTracking(ports, t, deadline);
    return r.stopped && r.checked === 0 ? r.stopped : t('hourly.tracking', { checked: r.checked, changed: r.changed, left: r.left }) + (r.stopped ? ' ' + r.stopped : '');
  },
};

/** Reports read the whole ledger: only when it moved since the last build. */
export const reportsRebuild: HourlyTask = {
  id: 'reports',
  run(ports, t) {
    if (!reportsStale(ports)) return t('hourly.reportsUnchanged');
    return withWrite(ports, (session) => {
      const r = rebuildReports(session, t);
      return t('hourly.reports', { skus: r.skus, months: r.months, charts: r.charts });
    });
  },
};

// Tracking before the digest, so parcels with a problem found this run are in its email;
// reports last: they are the longest and can wait for the next run.
export const HOURLY_TASKS: HourlyTask[] = [refreshStatuses, trackingRefresh, replenishmentAndDigest, pendingCustomerEmails, reportsRebuild];
