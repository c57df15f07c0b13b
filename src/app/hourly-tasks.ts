/** The periodic tasks the hourly dispatcher runs, in order. */
import type { Change } from '../domain/result';
import { skuKey } from '../domain/text';
import type { HourlyTask } from './hourly';
import { withWrite } from './write';
import { notifyCustomers } from './shipping';

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

export const HOURLY_TASKS: HourlyTask[] = [refreshStatuses, pendingCustomerEmails];
