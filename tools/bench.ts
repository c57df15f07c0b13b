/**
 * npm run bench: prints figures, asserts nothing.
 *  1. a 5-line receipt through the real bundle with 1,000 and 100,000 ledger rows:
 *     service calls, cells read/written/scanned, Node time (the emulator's, not Google's);
 *  2. rebuilding stock from 100,000 and 500,000 movements in Node (the pure projection);
 *  3. the chunk size that keeps a rebuild under the 6-minute Apps Script limit, from an
 *     explicit assumption about Apps Script's read speed (labelled as such).
 */
import { performance } from 'node:perf_hooks';
import { Emulator } from './emulator/index';
import { BundleSandbox } from './sandbox';
import { project } from '../src/domain/projection';
import { movementId } from '../src/domain/movement-id';
import type { Movement } from '../src/domain/types';
import { LEDGER_CHUNK } from '../src/app/ledger-read';

const SKUS = 2500;

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function movements(n: number): Movement[] {
  const out: Movement[] = [];
  for (let i = 1; i <= n; i++) {
    const sku = 'SKU-' + (i % SKUS);
    out.push({
      movementId: movementId(i), requestId: 'r' + Math.floor(i / 5), time: 0, user: 'bench', type: i % 3 ? 'receipt' : 'ship',
      sku, bin: `B-${i % 40}-${i % 7}`, state: 'available', lot: i % 11 ? '' : 'L' + (i % 13), expiry: '', qty: i % 3 ? 5 : -1,
      unitCost: 1.25, valueMinor: i % 3 ? 625 : -125, refType: '', refId: '', externalRef: '', note: '', reverses: '',
    });
  }
  return out;
}

function receiptBench(ledgerRows: number): void {
  const emu = new Emulator({ spreadsheetLocale: 'en_US' });
  const sb = new BundleSandbox(emu);
  sb.call('setupSheet', []);
  const items = Array.from({ length: 5 }, (_, i) => ({ sku: `ITEM-${i}`, qty: 1, unitCost: 2, bin: `A-${i}`, newItem: { name: `Item ${i}` } }));
  sb.call('receive', [{ requestId: 'seed-items', lines: items }]);
  const seedStart = performance.now();
  const lines = Array.from({ length: 200 }, (_, i) => ({ sku: `ITEM-${i % 5}`, qty: 1, bin: `A-${i % 5}` }));
  for (let done = 5; done < ledgerRows; done += 200) {
    const n = Math.min(200, ledgerRows - done);
    sb.call('receive', [{ requestId: `seed-${done}`, lines: lines.slice(0, n) }]);
  }
  const seedMs = performance.now() - seedStart;
  const before = emu.counters.snapshot();
  const t0 = performance.now();
  const result = sb.call('receive', [{ requestId: 'bench', lines: items.map(({ newItem: _n, ...l }) => ({ ...l, qty: 3 })) }]) as { ok: boolean };
  const ms = performance.now() - t0;
  const d = emu.counters.diff(before, emu.counters.snapshot());
  const calls = Object.values(d.calls).reduce((a, b) => a + b, 0);
  console.log(`  ${fmt(ledgerRows).padStart(7)} ledger rows: ok=${result.ok}, ${calls} service calls, ${fmt(d.cellsRead)} cells read, ` +
    `${fmt(d.cellsWritten)} written, ${fmt(d.cellsScanned)} scanned server-side (request id search), ${ms.toFixed(1)} ms in Node` +
    ` (seeding took ${(seedMs / 1000).toFixed(1)} s)`);
}

function rebuildBench(n: number): number {
  const rows = movements(n);
  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const levels = project(rows);
  const ms = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed - heapBefore;
  console.log(`  ${fmt(n).padStart(7)} movements -> ${fmt(levels.size)} stock rows in ${ms.toFixed(0)} ms (Node), ` +
    `${fmt(Math.round(n / (ms / 1000)))} movements/s, heap +${(heap / 1048576).toFixed(0)} MB`);
  return ms / n;
}

console.log('1. A 5-line receipt through dist/Code.js in the emulator');
receiptBench(1000);
receiptBench(100000);

console.log('\n2. Rebuilding stock from the ledger (domain projection, Node 20 — not Apps Script)');
rebuildBench(100000);
const perRowMs = rebuildBench(500000);

console.log('\n3. Chunk size for a rebuild within the 6-minute Apps Script limit (an ESTIMATE, not a measurement)');
// Assumptions, stated so they can be corrected by a measurement on Google: Apps Script's
// V8 runs this pure code about 5x slower than Node here, and Range.getValues returns about
// 150,000 cells per second for an 18-column ledger (published community measurements vary
// from 100k to 1M cells/s).
const APPS_SCRIPT_SLOWDOWN = 5;
const CELLS_PER_SECOND = 150000;
const BUDGET_S = 300; // stop at 5 minutes, leaving 1 for writing the result and the cursor
const perRowS = (perRowMs * APPS_SCRIPT_SLOWDOWN) / 1000 + 18 / CELLS_PER_SECOND;
const rowsPerRun = Math.floor(BUDGET_S / perRowS);
console.log(`  assumed: ${APPS_SCRIPT_SLOWDOWN}x Node for pure code, ${fmt(CELLS_PER_SECOND)} cells/s for getValues, ${BUDGET_S} s budget`);
console.log(`  => about ${(perRowS * 1e6).toFixed(0)} µs per ledger row, ${fmt(rowsPerRun)} rows per execution;`);
console.log(`  reads of ${fmt(LEDGER_CHUNK)} rows per getValues (${fmt(LEDGER_CHUNK * 18)} cells) keep each call short; ` +
  `a 500,000-row ledger needs ${Math.ceil(500000 / rowsPerRun)} execution(s) with a resumable cursor.`);

// 4. A batch pick list: its service calls must not grow with the number of orders.
function pickListBench(orders: number): { calls: number; ms: number; lines: number } {
  const emu = new Emulator({ spreadsheetLocale: 'en_US' });
  const sb = new BundleSandbox(emu);
  sb.call('setupSheet', []);
  const skus = Array.from({ length: 500 }, (_, i) => `SKU-${String(i).padStart(3, '0')}`);
  for (let i = 0; i < skus.length; i += 200) {
    const lines = skus.slice(i, i + 200).map((sku, j) => ({ sku, qty: 100, unitCost: 1, bin: `${String.fromCharCode(65 + ((i + j) % 4))}-${((i + j) % 25) + 1}-1`, newItem: { name: sku } }));
    sb.call('receive', [{ requestId: `stock-${i}`, lines }]);
  }
  const csv = ['order,line,sku,qty,date'];
  for (let o = 0; o < orders; o++) for (let l = 1; l <= 3; l++) csv.push(`#${o},${l},${skus[(o * 7 + l * 13) % 500]},1,2026-01-0${1 + (o % 5)}`);
  sb.call('importOrders', [{ requestId: 'orders', text: csv.join('\n'), source: 'generic', mapping: { orderId: 'order', lineId: 'line', sku: 'sku', qty: 'qty', date: 'date' } }]);
  const before = emu.counters.snapshot();
  const t0 = performance.now();
  const r = sb.call('buildPickList', [{ requestId: 'pl' }]) as { ok: boolean; value: { walk: unknown[] } };
  const ms = performance.now() - t0;
  const d = emu.counters.diff(before, emu.counters.snapshot());
  return { calls: Object.values(d.calls).reduce((a, b) => a + b, 0), ms, lines: r.ok ? r.value.walk.length : -1 };
}

console.log('\n4. A batch pick list through dist/Code.js in the emulator (500 SKUs in 100 bins)');
for (const n of [50, 200]) {
  const r = pickListBench(n);
  console.log(`  ${String(n).padStart(3)} orders x 3 lines: ${r.calls} service calls, ${r.lines} walk lines, ${r.ms.toFixed(0)} ms in Node`);
}

// 5. Tracking refresh of 500 shipments through a fake 17TRACK (answers in the documented shape).
function trackingBench(shipments: number): void {
  const emu = new Emulator({ spreadsheetLocale: 'en_US', httpLatencyMs: 400 });
  const sb = new BundleSandbox(emu);
  sb.call('setupSheet', []);
  sb.call('receive', [{ requestId: 'stock', lines: [{ sku: 'T-1', qty: shipments, unitCost: 1, bin: 'A-1', newItem: { name: 'T' } }] }]);
  const lines = Array.from({ length: shipments }, (_, i) => `#${i},T-1,1`);
  sb.call('importOrders', [{ requestId: 'orders', text: 'order,sku,qty\n' + lines.join('\n'), source: 'generic', mapping: { orderId: 'order', sku: 'sku', qty: 'qty' } }]);
  for (let i = 0; i < shipments; i += 100) {
    const batch = Array.from({ length: Math.min(100, shipments - i) }, (_, j) => ({ orderId: `#${i + j}`, trackingNumber: `1Z999AA1${String(i + j).padStart(8, '0')}4` }));
    sb.call('shipOrders', [{ requestId: `ship-${i}`, shipments: batch }]);
  }
  sb.call('saveTrackingKey', [{ provider: '17track', apiKey: 'bench' }]);
  // choose the provider in the Settings tab, as a person would
  const settings = emu.book.sheets.find((s) => s.metadata.some((m) => m.value === 'settings'))!;
  const keys = settings.values().map((r) => r[0]);
  settings.userEdit(keys.indexOf('tracking_provider') + 1, 2, '17track');
  const accepted = (payload: string) => JSON.parse(payload).map((n: { number: string }) => ({ number: n.number, carrier: 100002, track_info: { latest_status: { status: 'InTransit', sub_status: 'InTransit_Other' }, latest_event: { time_utc: '2026-01-05T08:00:00Z', description: 'In transit', location: 'Lyon' } } }));
  emu.http.route('https://api.17track.net/track/v2.2/register', (req) => ({ status: 200, body: { code: 0, data: { accepted: JSON.parse(req.payload).map((n: { number: string }) => ({ number: n.number, carrier: 100002 })), rejected: [] } } }));
  emu.http.route('https://api.17track.net/track/v2.2/gettrackinfo', (req) => ({ status: 200, body: { code: 0, data: { accepted: accepted(req.payload), rejected: [] } } }));
  const before = emu.counters.snapshot();
  const virtualStart = emu.clock.now();
  const t0 = performance.now();
  const r = sb.call('refreshTrackingNow', []) as { ok: boolean; value: { checked: number; left: number } };
  const ms = performance.now() - t0;
  const d = emu.counters.diff(before, emu.counters.snapshot());
  const calls = Object.values(d.calls).reduce((a, b) => a + b, 0);
  console.log(`  ${shipments} shipments: ${r.value.checked} checked, ${r.value.left} left; ${emu.http.requests.length} HTTP requests in ${d.calls['UrlFetchApp.fetchAll'] ?? 0} fetchAll calls; ` +
    `${calls} service calls; ${((emu.clock.now() - virtualStart) / 1000).toFixed(1)} s of virtual time (400 ms per request, 1 s between rate-limited waves); ${ms.toFixed(0)} ms in Node`);
}

console.log('\n5. Tracking refresh through dist/Code.js in the emulator (17TRACK: 40 numbers per call, 3 requests/s)');
trackingBench(500);
