/**
 * Check stock: project the ledger and compare it with the Stock and Stock summary tabs.
 * Repair rewrites the differing rows from the projection, under the lock.
 */
import type { StockLevel } from '../domain/types';
import { keyOf, levelsBySku, project, summarize } from '../domain/projection';
import { movementId, movementNumber, isAfter } from '../domain/movement-id';
import { ProblemError, problem, type Change } from '../domain/result';
import { skuKey } from '../domain/text';
import { ItemIndex } from '../domain/items';
import type { MessageKey, Translator } from '../domain/i18n';
import type { Ports } from './ports';
import type { Outcome } from './rpc';
import { withWrite } from './write';
import { openQty } from '../domain/orders/lifecycle';
import { incomingBySku } from './replenishment';
import type { Ports as PortsType } from './ports';

function incomingOf(ports: PortsType): Map<string, number> {
  return ports.workbook.directory.find('purchase_orders') ? incomingBySku(ports) : new Map();
}

/** Order lines whose `reserved` is not their open quantity (a write cut off) are corrected. */
function fixLineReservations(ports: PortsType): void {
  if (!ports.workbook.directory.find('orders')) return;
  const store = ports.workbook.orders();
  const wrong = store.readAll().filter((l) => l.value.status && l.value.reserved !== openQty(l.value));
  store.updateMany(wrong.map((l) => ({ row: l.row, fields: { reserved: openQty(l.value) } })));
}

/** What order lines still reserve, per SKU: the open quantity of every line not closed. */
export function reservedBySku(ports: PortsType): Map<string, number> {
  const out = new Map<string, number>();
  if (!ports.workbook.directory.find('orders')) return out;
  for (const { value: l } of ports.workbook.orders().readAll()) {
    if (!l.status) continue; // a typed line not taken on yet reserves nothing
    const open = openQty(l);
    if (open > 0) out.set(skuKey(l.sku), Number(((out.get(skuKey(l.sku)) ?? 0) + open).toFixed(9)));
  }
  return out;
}
import { readLedger } from './ledger-read';


const FIRST_ROW = 3;

export interface StockDifference {
  sku: string;
  bin: string;
  state: string;
  lot: string;
  actual: number;
  expected: number;
  actualValue: number;
  expectedValue: number;
  message: string;
}

export interface CheckValue {
  through: string;
  movements: number;
  differences: StockDifference[];
  summaryDifferences: { sku: string; column: string; actual: number | string; expected: number | string; message: string }[];
  token: string;
}

function lotText(t: Translator, lot: string): string {
  return lot ? t('change.lotText', { lot }) : '';
}

export function checkStock(ports: Ports, t: Translator): Outcome<CheckValue> {
  const wb = ports.workbook;
  const lastRow = wb.ledger().lastRow();
  const movements = readLedger(wb, lastRow);
  const through = lastRow >= FIRST_ROW ? movementId(lastRow - FIRST_ROW + 1) : '';
  const expected = project(movements);
  const actualRows = wb.stock().readAll();
  const actual = new Map<string, { qty: number; value: number; level: StockLevel; rows: number; newer: boolean }>();
  for (const r of actualRows) {
    const key = keyOf(r.value);
    const a = actual.get(key);
    // A row that moved after this read's last movement cannot be compared fairly: skip it.
    const newer = isAfter(r.value.appliedThrough, through);
    if (a) {
      a.qty += r.value.qty;
      a.value += r.value.valueMinor;
      a.rows++;
      a.newer = a.newer || newer;
    } else actual.set(key, { qty: r.value.qty, value: r.value.valueMinor, level: r.value, rows: 1, newer });
  }
  const differences: StockDifference[] = [];
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  for (const key of keys) {
    const e = expected.get(key);
    const a = actual.get(key);
    if (a?.newer) continue;
    const eq = e?.qty ?? 0;
    const ev = e?.valueMinor ?? 0;
    if (a && a.rows === 1 && a.qty === eq && a.value === ev) continue;
    if (!a && eq === 0 && ev === 0) continue;
    const level = (e ?? a?.level) as StockLevel;
    differences.push({
      sku: level.sku, bin: level.bin, state: level.state, lot: level.lot, actual: a?.qty ?? 0, expected: eq,
      actualValue: a?.value ?? 0, expectedValue: ev,
      message: t('check.difference', {
        sku: level.sku, bin: level.bin, state: t(`state.${level.state}` as MessageKey), lotText: lotText(t, level.lot),
        actual: a?.qty ?? 0, expected: eq,
      }),
    });
  }

  const index = new ItemIndex(wb.items().readAll());
  const bySku = levelsBySku(expected.values());
  const summaryDifferences: CheckValue['summaryDifferences'] = [];
  const summaries = new Map(wb.summary().readAll().map((s) => [skuKey(s.value.sku), s.value]));
  // Reserved and incoming come from order and purchase order lines: what they should be.
  const reserved = reservedBySku(ports);
  const incoming = incomingOf(ports);
  const skus = new Set([...bySku.keys(), ...reserved.keys(), ...incoming.keys()]);
  for (const k of skus) {
    const levels = bySku.get(k) ?? [];
    const s = summaries.get(k);
    if (s && isAfter(s.appliedThrough, through)) continue;
    const want = summarize({
      item: index.bySku(k), sku: levels[0]?.sku ?? s?.sku ?? k, levels, reserved: reserved.get(k) ?? 0, incoming: incoming.get(k) ?? 0,
      previousAlertedAt: null, avgUnitCost: null, computedReorderPoint: s?.reorderPoint ?? null,
    });
    const compare: [string, number | string, number | string][] = [
      ['reserved', s?.reserved ?? 0, want.reserved],
      ['incoming', s?.incoming ?? 0, want.incoming],
      ['on_hand', s?.onHand ?? '', want.onHand],
      ['available_to_sell', s?.availableToSell ?? '', want.availableToSell],
      ['value', s?.valueMinor ?? '', want.valueMinor],
      ['status', s?.status ?? '', want.status],
    ];
    for (const [column, got, should] of compare) {
      if (got === should) continue;
      summaryDifferences.push({
        sku: want.sku, column, actual: got, expected: should,
        message: t('check.summaryDifference', { sku: want.sku, column: t(`col.stock_summary.${column}` as MessageKey), actual: got, expected: should }),
      });
    }
  }

  const token = JSON.stringify({ through, keys: differences.map((d) => [d.sku, d.bin, d.state, d.lot]), skus: summaryDifferences.map((d) => d.sku) });
  const changes: Change[] = differences.length || summaryDifferences.length
    ? []
    : [{ kind: 'check_ok', message: t('check.ok', { through: through || '-' }) }];
  return { value: { through, movements: movements.length, differences, summaryDifferences, token }, changes };
}

interface Token {
  through: string;
  keys: [string, string, string, string][];
  skus: string[];
}

function parseToken(token: unknown): Token {
  try {
    const v = JSON.parse(String(token)) as Token;
    if (typeof v.through === 'string' && Array.isArray(v.keys) && Array.isArray(v.skus)) return v;
  } catch {
    // fall through
  }
  throw new ProblemError([problem('invalid_token', 'token')]);
}

export function repairStock(ports: Ports, token: unknown, t: Translator): Outcome<{ repaired: number }> {
  const parsed = parseToken(token);
  return withWrite(ports, (session) => {
    const wb = ports.workbook;
    const throughNumber = parsed.through ? movementNumber(parsed.through) : 0;
    if (throughNumber === null || throughNumber > session.nextNumber - 1) throw new ProblemError([problem('invalid_token', 'token')]);
    // The projection up to W and then the rows after W is the projection of the whole ledger.
    const expected = project(readLedger(wb, session.lastRow));
    const caches = session.cachesLoaded();
    const targets = new Set(parsed.keys.map(([sku, bin, state, lot]) => keyOf({ sku, bin, state: state as StockLevel['state'], lot })));
    const stockRows = wb.stock().readAll();
    const updates: { row: number; value: StockLevel }[] = [];
    const additions: StockLevel[] = [];
    const changes: Change[] = [];
    const written = new Set<string>();
    for (const r of stockRows) {
      const key = keyOf(r.value);
      if (!targets.has(key)) continue;
      const want = written.has(key) ? { ...r.value, qty: 0, valueMinor: 0 } : { ...(expected.get(key) ?? { ...r.value, qty: 0, valueMinor: 0 }) };
      written.add(key);
      updates.push({ row: r.row, value: want });
      caches.levels.set(key, { row: r.row, value: want });
      changes.push(repairChange(t, r.value, want));
    }
    for (const key of targets) {
      const want = expected.get(key);
      if (written.has(key) || !want) continue;
      additions.push(want);
      caches.levels.set(key, { row: null, value: want });
      changes.push(repairChange(t, { ...want, qty: 0 }, want));
    }
    const now = ports.clock.now();
    wb.stock().write(updates, additions, now);
    const skus = new Set([...parsed.skus, ...parsed.keys.map((k) => k[0])].map(skuKey));
    fixLineReservations(ports);
    const reserved = reservedBySku(ports);
    const incoming = incomingOf(ports);
    caches.refreshSummaries(skus, now, {
      reserved: new Map(Array.from(skus, (k) => [k, reserved.get(k) ?? 0])),
      incoming: new Map(Array.from(skus, (k) => [k, incoming.get(k) ?? 0])),
    });
    wb.log().append([{ time: now, user: ports.identity.email(), level: 'warning', event: 'repair_stock', message: t('log.repair', { count: changes.length }), details: changes.map((c) => c.message).join('\n').slice(0, 4000) }]);
    return { value: { repaired: changes.length }, changes };
  });
}

function repairChange(t: Translator, before: StockLevel, after: StockLevel): Change {
  return {
    kind: 'stock_repaired', sku: after.sku, bin: after.bin, state: after.state, lot: after.lot, before: before.qty, after: after.qty,
    message: t('change.stockRepaired', { sku: after.sku, bin: after.bin, state: t(`state.${after.state}` as MessageKey), lotText: lotText(t, after.lot), before: before.qty, after: after.qty }),
  };
}
