/**
 * Replenishment: demand from the ledger's recent window, the policy of each item (safety
 * stock, reorder point, order quantity, days of cover, each with its formula), the
 * Replenishment tab, and incoming quantities from purchase orders.
 */
import type { Item } from '../domain/types';
import { skuKey } from '../domain/text';
import {
  buildDigest, demandBySku, itemPolicy, replenishmentSettings, toOrder, windowBefore,
  type Digest, type DigestPolicy, type ExplainStep, type ItemPolicy,
} from '../domain/replenishment';
import type { MessageKey, Translator } from '../domain/i18n';
import type { ReplenishmentRow } from '../sheets/replenishment-stores';
import type { Ports } from './ports';
import type { Caches } from './caches';
import type { WriteSession } from './write';

export interface Policies {
  bySku: Map<string, ItemPolicy>;
  today: string;
  expiryDays: number;
}

/** Demand over the Settings window, read from the ledger's tail, and each item's policy. */
export function computePolicies(ports: Ports, caches: Caches): Policies {
  const wb = ports.workbook;
  const now = ports.clock.now();
  const { settings } = replenishmentSettings(wb.settings());
  const today = wb.ymd(now);
  const window = windowBefore(today, settings.windowDays);
  const since = wb.localToMs(window.fromDay) ?? 0;
  const movements = wb.ledger().readSince(since);
  const demand = demandBySku(movements, { fromDay: window.fromDay, toDay: window.toDay, dayOf: wb.dayFn(now) }, caches.items.map((i) => i.sku));
  const bySku = new Map<string, ItemPolicy>();
  for (const item of caches.items) {
    const k = skuKey(item.sku);
    const ats = caches.summaries.get(k)?.value.availableToSell ?? 0;
    bySku.set(k, itemPolicy(item, demand.get(k) ?? null, settings, ats));
  }
  return { bySku, today, expiryDays: settings.expiryAlertDays };
}

function fmt(n: number | null): string {
  return n === null ? '?' : String(Number(n.toFixed(3)));
}

/** The formula of each step in words, in the user's language. */
export function explainText(t: Translator, steps: readonly ExplainStep[]): string {
  return steps.map((s) => {
    if (s.missing.length) return t('formula.missing', { step: t(`col.replenishment.${s.key}` as MessageKey), inputs: s.missing.join(', ') });
    const params: Record<string, string> = { result: fmt(s.result) };
    for (const [k, v] of Object.entries(s.inputs)) params[k] = fmt(v);
    return t(`formula.${s.formula}` as MessageKey, params);
  }).join('; ');
}

function round(n: number | null, digits = 3): number | null {
  return n === null ? null : Number(n.toFixed(digits));
}

/** incoming = what sent or confirmed purchase order lines still await, per SKU. */
export function incomingBySku(ports: Ports): Map<string, number> {
  const out = new Map<string, number>();
  for (const { value: l } of ports.workbook.purchaseOrders().readAll()) {
    if (l.status !== 'sent' && l.status !== 'confirmed') continue;
    const open = Math.max(0, l.qty - l.qtyReceived - l.qtyCancelled);
    out.set(skuKey(l.sku), Number(((out.get(skuKey(l.sku)) ?? 0) + open).toFixed(9)));
  }
  return out;
}

/**
 * Rebuild the Replenishment tab and put computed reorder points and incoming quantities
 * into the stock summary (an Items value always wins), under the caller's lock.
 */
export function rebuildReplenishment(session: WriteSession, t: Translator): { policies: Policies; rows: number } {
  const ports = session.ports;
  const caches = session.cachesLoaded();
  const incoming = incomingBySku(ports);
  const skus = new Set(caches.items.map((i) => skuKey(i.sku)));
  for (const k of incoming.keys()) skus.add(k);
  // Incoming first: the inventory position the policies see must include it.
  caches.refreshSummaries(skus, ports.clock.now(), { incoming: withZeros(incoming, skus) });
  const policies = computePolicies(ports, caches);
  const reorderPoints = new Map<string, number | null>();
  for (const [k, p] of policies.bySku) reorderPoints.set(k, p.reorderPoint);
  caches.refreshSummaries(skus, ports.clock.now(), { reorderPoints });
  const now = ports.clock.now();
  const rows: ReplenishmentRow[] = caches.items.filter((i) => i.active).map((item: Item) => {
    const p = policies.bySku.get(skuKey(item.sku)) as ItemPolicy;
    const s = caches.summaries.get(skuKey(item.sku))?.value;
    return {
      sku: item.sku, name: item.name, supplier: item.supplier, meanDaily: round(p.meanDaily), sdDaily: round(p.sdDaily),
      leadTimeDays: item.leadTimeDays, safetyStock: p.safetyStock, safetyStockSource: p.source.safetyStock,
      reorderPoint: p.reorderPoint, reorderPointSource: p.source.reorderPoint, reorderQty: p.reorderQty,
      reorderQtySource: p.source.reorderQty, daysOfCover: round(p.daysOfCover, 1),
      toOrder: toOrder({
        reorderPoint: p.reorderPoint, q: p.reorderQty, inventoryPosition: s?.inventoryPosition ?? 0,
        minOrderQty: item.minOrderQty, packSize: item.packSize, decimals: item.decimals,
      }),
      explain: explainText(t, p.explain), updatedAt: now,
    };
  });
  ports.workbook.replenishment().rewrite(rows);
  return { policies, rows: rows.length };
}

function withZeros(values: Map<string, number>, skus: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of skus) out.set(k, values.get(k) ?? 0);
  return out;
}

/** The digest of newly low items (and lots expiring soon) from the current caches. */
export function digestOf(caches: Caches, policies: Policies): Digest {
  const items = new Map(caches.items.map((i) => [skuKey(i.sku), i]));
  const digestPolicies = new Map<string, DigestPolicy>();
  for (const [k, p] of policies.bySku) digestPolicies.set(k, { reorderPoint: p.reorderPoint, reorderQty: p.reorderQty, meanDaily: p.meanDaily });
  return buildDigest({
    summaries: Array.from(caches.summaries.values(), (c) => c.value),
    items, policies: digestPolicies, levels: caches.levelList(), today: policies.today, expiryDays: policies.expiryDays,
  });
}
