/**
 * Packing an order: its picked goods move to packed, and the packaging used (boxes,
 * envelopes, tape: items of kind "packaging") is consumed from stock, valued like any take.
 */
import type { Item, OrderLine } from '../domain/types';
import { ProblemError, problem, type Problem } from '../domain/result';
import { cleanText, skuKey } from '../domain/text';
import { decimalPlaces, parseDecimal } from '../domain/quantity';
import { ItemIndex } from '../domain/items';
import { deriveStatus } from '../domain/orders/lifecycle';
import { holdings, lineRef } from '../domain/orders/holdings';
import { parsePackagingRules, suggestPackaging } from '../domain/orders/packaging';
import type { Translator } from '../domain/i18n';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite } from './write';
import { RowBuilder } from './movements';
import type { Caches } from './caches';

export interface PackPayload {
  requestId?: unknown;
  orderId?: unknown;
  packaging?: unknown;
}

export interface PackValue {
  orderId: string;
  packed: number;
  packaging: { sku: string; qty: number }[];
  replayed: boolean;
}

/** The bin packaging is taken from: its default bin when it holds enough, else the fullest. */
function packagingBin(caches: Caches, item: Item, qty: number): string | null {
  const levels = caches.levelList().filter((l) => skuKey(l.sku) === skuKey(item.sku) && l.state === 'available' && l.qty > 0);
  const preferred = levels.find((l) => l.bin === item.defaultBin && l.qty >= qty);
  if (preferred) return preferred.bin;
  const fullest = levels.sort((a, b) => b.qty - a.qty)[0];
  return fullest ? fullest.bin : null;
}

function parsePackaging(raw: unknown, index: ItemIndex): { lines: { item: Item; qty: number }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines: { item: Item; qty: number }[] = [];
  (Array.isArray(raw) ? raw : []).forEach((p: { sku?: unknown; qty?: unknown }, i) => {
    const n = i + 1;
    const code = cleanText(p?.sku);
    if (!code) return;
    const found = index.resolve(code);
    if (found.kind !== 'one') return void problems.push(problem('unknown_sku', 'packaging', n, { value: code }));
    if (found.item.kind !== 'packaging') return void problems.push(problem('not_packaging', 'packaging', n, { value: found.item.sku }));
    const qty = p?.qty === undefined || p?.qty === '' ? 1 : parseDecimal(p.qty);
    if (qty === null || qty <= 0) return void problems.push(problem('not_positive', 'packaging', n));
    if (decimalPlaces(qty) > found.item.decimals) return void problems.push(problem('too_many_decimals', 'packaging', n, { max: found.item.decimals }));
    lines.push({ item: found.item, qty });
  });
  return { lines, problems };
}

export function packOrder(ports: Ports, payload: PackPayload, t: Translator): Outcome<PackValue> {
  const requestId = cleanText(payload?.requestId);
  const orderId = cleanText(payload?.orderId);
  const missing: Problem[] = [];
  if (!requestId) missing.push(problem('required', 'requestId'));
  if (!orderId) missing.push(problem('required', 'orderId'));
  if (missing.length) throw new ProblemError(missing);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const caches = session.cachesLoaded();
    const all = wb.orders().readAll();
    const lines = all.filter((l) => l.value.orderId === orderId);
    if (lines.length === 0) throw new ProblemError([problem('unknown_order', 'orderId', undefined, { value: orderId })]);
    const prior = wb.ledger().findRequest(requestId).map((r) => r.value);
    const toPack = lines.filter((l) => l.value.qtyPicked - l.value.qtyPacked > 0 && l.value.status !== 'cancelled');
    if (prior.length === 0 && toPack.length === 0) throw new ProblemError([problem('nothing_to_pack', 'orderId', undefined, { value: orderId })]);
    const { lines: packaging, problems } = parsePackaging(payload.packaging, new ItemIndex(caches.items));
    if (problems.length) throw new ProblemError(problems);

    const now = ports.clock.now();
    let packed = 0;
    if (prior.length === 0) {
      const builder = new RowBuilder(caches, { requestId, user: ports.identity.email(), time: now, currency: wb.currency() });
      for (const { value: l } of toPack) {
        const ref = lineRef(l.orderId, l.lineKey);
        for (const h of holdings(wb.ledger().findByRef(ref), ['picked'])) {
          builder.move('pack', h, { ...h, state: 'packed' }, h.qty, { refType: 'order_line', refId: ref });
          packed += h.qty;
        }
      }
      packaging.forEach(({ item, qty }, i) => {
        const bin = packagingBin(caches, item, qty) ?? item.defaultBin;
        builder.out('consume', { sku: item.sku, bin, state: 'available', lot: '', expiry: '' }, qty, { refType: 'order', refId: orderId, note: 'packaging' }, i + 1);
      });
      session.post(builder.rows);
    } else {
      packed = prior.filter((m) => m.type === 'pack' && m.qty > 0).reduce((a, m) => a + m.qty, 0);
    }
    wb.orders().updateMany(toPack.map(({ row, value: l }) => ({ row, fields: { qtyPacked: l.qtyPicked, status: deriveStatus({ ...l, qtyPacked: l.qtyPicked }) } })));
    const value: PackValue = { orderId, packed, packaging: packaging.map((p) => ({ sku: p.item.sku, qty: p.qty })), replayed: prior.length > 0 };
    return { value, changes: [{ kind: 'packed', orderId, message: t('change.packed', { order: orderId, packed, packaging: value.packaging.map((p) => `${p.qty}× ${p.sku}`).join(', ') || '-' }) }] };
  });
}

export interface PackFormValue {
  orders: { orderId: string; customerName: string; units: number; lines: { sku: string; name: string; qty: number }[]; suggested: string }[];
  packaging: { sku: string; name: string; available: number }[];
}

/** Orders with picked goods waiting to be packed, and the packaging in stock. */
export function getPackFormData(ports: Ports): Outcome<PackFormValue> {
  const wb = ports.workbook;
  const items = wb.items().readAll();
  const levels = wb.stock().readAll().map((l) => l.value);
  const rules = parsePackagingRules(wb.settings().packaging_rules ?? '');
  const byOrder = new Map<string, OrderLine[]>();
  for (const { value: l } of wb.orders().readAll()) {
    if (l.qtyPicked - l.qtyPacked > 0 && l.status !== 'cancelled') byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  }
  const names = new Map(items.map((i) => [skuKey(i.sku), i.name]));
  return {
    value: {
      orders: Array.from(byOrder, ([orderId, ls]) => {
        const units = ls.reduce((a, l) => a + l.qtyPicked - l.qtyPacked, 0);
        return {
          orderId, customerName: ls[0].customerName, units, suggested: suggestPackaging(units, rules),
          lines: ls.map((l) => ({ sku: l.sku, name: names.get(skuKey(l.sku)) ?? l.itemName, qty: l.qtyPicked - l.qtyPacked })),
        };
      }),
      packaging: items.filter((i) => i.kind === 'packaging' && i.active).map((i) => ({
        sku: i.sku, name: i.name,
        available: levels.filter((l) => skuKey(l.sku) === skuKey(i.sku) && l.state === 'available').reduce((a, l) => a + l.qty, 0),
      })),
    },
    changes: [],
  };
}
