/**
 * npx tsx tools/bench-valuation.ts — prints figures, asserts nothing.
 *
 * 1. Generates 1,000,000 ledger rows over 2,500 SKUs: receipts of 10-30 units at varying costs
 *    when a SKU falls below 8 units (stock stays bounded, as in a shop), ships of 1-4 units,
 *    restocked returns referencing their ship, returns to vendor referencing their receipt,
 *    count gains and losses, pick moves; never below zero.
 * 2. For FIFO and moving average, in NODE (not Apps Script): "posting" (each row valued by the
 *    policy, then applied, as the app does) and "replay" (rows that already carry their values
 *    applied in ledger order, as a rebuild or a report does); time, heap, and the residue check.
 * 3. The size of the serialized per-SKU state (what a chunked run carries between executions).
 * 4. A chunk plan for Apps Script from STATED ASSUMPTIONS (not measured on Google).
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createPolicy, type ValuationMethod, type ValuationPolicy } from '../src/domain/valuation/index';
import { movementId } from '../src/domain/movement-id';
import { toMinor } from '../src/domain/money';
import type { Movement, MovementType } from '../src/domain/types';

const N = 1000000;
const SKUS = 2500;
const CURRENCY = 'EUR';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** What a row needs from the policy before it is written. */
const enum Need { None, Take, TakeFromReceipt, ReturnOfShip, Gain, MovePair }

interface Gen {
  rows: Movement[];
  need: Uint8Array;
  /** index of the referenced row (ship for a return, receipt for an rtv), -1 when none */
  refIndex: Int32Array;
  counts: Record<string, number>;
}

function generate(): Gen {
  let seed = 20260105;
  const rand = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const rows: Movement[] = new Array(N);
  const need = new Uint8Array(N);
  const refIndex = new Int32Array(N).fill(-1);
  const onHand = new Float64Array(SKUS);
  const lastShip = new Int32Array(SKUS).fill(-1);
  const lastReceipt = new Int32Array(SKUS).fill(-1);
  const counts: Record<string, number> = {};
  const base = Date.UTC(2024, 0, 1);
  const row = (i: number, sku: number, type: MovementType, qty: number, over: Partial<Movement> = {}): Movement => ({
    movementId: movementId(i + 1), requestId: 'b' + Math.floor(i / 4), time: base + i * 60000, user: 'bench', type,
    sku: 'SKU-' + String(sku).padStart(4, '0'), bin: 'A-' + (sku % 40), state: 'available', lot: '', expiry: '', qty,
    unitCost: null, valueMinor: 0, refType: '', refId: '', externalRef: '', note: '', reverses: '', ...over,
  });
  for (let i = 0; i < N; i++) {
    const s = Math.floor(rand() * SKUS);
    const x = rand();
    let m: Movement;
    if (onHand[s] < 8 || x < 0.02) {
      // replenish below a reorder point of 8 (and now and then regardless): stock stays bounded
      const qty = 10 + Math.floor(rand() * 21);
      const cost = Math.round((1 + rand() * 9) * 10000) / 10000; // 1.0000 .. 10.0000, 4 decimals
      m = row(i, s, 'receipt', qty, { unitCost: cost, valueMinor: toMinor(qty * cost, CURRENCY) });
      onHand[s] += qty;
      lastReceipt[s] = i;
    } else if (x < 0.88) {
      const qty = 1 + Math.floor(rand() * Math.min(onHand[s], 4));
      m = row(i, s, 'ship', -qty, { refType: 'order_line', refId: `#${i}#1` });
      need[i] = Need.Take;
      onHand[s] -= qty;
      lastShip[s] = i;
    } else if (x < 0.91 && lastShip[s] >= 0) {
      m = row(i, s, 'return', 1, { reverses: movementId(lastShip[s] + 1) });
      need[i] = Need.ReturnOfShip;
      refIndex[i] = lastShip[s];
      onHand[s] += 1;
    } else if (x < 0.93 && lastReceipt[s] >= 0) {
      m = row(i, s, 'rtv', -1, { refType: 'movement', refId: movementId(lastReceipt[s] + 1) });
      need[i] = Need.TakeFromReceipt;
      refIndex[i] = lastReceipt[s];
      onHand[s] -= 1;
    } else if (x < 0.96) {
      const d = rand() < 0.5 ? 1 : -1;
      m = row(i, s, 'count', d);
      need[i] = d > 0 ? Need.Gain : Need.Take;
      onHand[s] += d;
    } else if (i + 1 < N) {
      // a pick: two rows, available -> picked (then shipped later like any stock)
      m = row(i, s, 'pick', -1);
      need[i] = Need.MovePair;
      rows[i] = m;
      counts.pick = (counts.pick ?? 0) + 2;
      i++;
      rows[i] = row(i, s, 'pick', 1, { state: 'picked' });
      continue;
    } else {
      m = row(i, s, 'write_off', -1);
      need[i] = Need.Take;
      onHand[s] -= 1;
    }
    rows[i] = m;
    counts[m.type] = (counts[m.type] ?? 0) + 1;
  }
  return { rows, need, refIndex, counts };
}

/** Values each row with the policy, writes the value into the row, then applies it. */
function post(p: ValuationPolicy, g: Gen): void {
  const { rows, need, refIndex } = g;
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i];
    switch (need[i]) {
      case Need.Take: {
        const v = p.valueOfTake(m.sku, -m.qty);
        m.valueMinor = v.valueMinor;
        m.unitCost = v.unitCost;
        break;
      }
      case Need.TakeFromReceipt: {
        const v = p.valueOfTake(m.sku, -m.qty, { receiptId: rows[refIndex[i]].movementId });
        m.valueMinor = v.valueMinor;
        m.unitCost = v.unitCost;
        break;
      }
      case Need.ReturnOfShip: {
        const v = p.valueOfInbound(m.sku, m.qty, { reverses: rows[refIndex[i]] });
        m.valueMinor = v.valueMinor;
        m.unitCost = v.unitCost;
        break;
      }
      case Need.Gain: {
        const v = p.valueOfInbound(m.sku, m.qty);
        m.valueMinor = v.valueMinor;
        m.unitCost = v.unitCost;
        break;
      }
      case Need.MovePair: {
        const v = p.valueOfTake(m.sku, -m.qty);
        m.valueMinor = v.valueMinor;
        m.unitCost = v.unitCost;
        rows[i + 1].valueMinor = -v.valueMinor;
        rows[i + 1].unitCost = v.unitCost;
        break;
      }
      default:
    }
    p.apply(m);
  }
}

function replay(p: ValuationPolicy, rows: readonly Movement[]): number {
  let differences = 0;
  for (const m of rows) if (p.apply(m).differenceMinor !== 0) differences++;
  return differences;
}

interface Figures {
  postMs: number;
  replayMs: number;
  heapMb: number;
  stateBytes: number;
  maxSkuBytes: number;
  layers: number;
  maxLayers: number;
  snapshotMs: number;
  restoreMs: number;
}

function bench(method: ValuationMethod, g: Gen): Figures {
  const label = method === 'fifo' ? 'FIFO' : 'moving average';
  // posting
  let p = createPolicy(method, CURRENCY);
  let t0 = performance.now();
  post(p, g);
  const postMs = performance.now() - t0;
  p = createPolicy(method, CURRENCY); // drop the posting state before measuring the replay
  // replay
  const heap0 = heapMb();
  t0 = performance.now();
  const differences = replay(p, g.rows);
  const replayMs = performance.now() - t0;
  const heap = heapMb() - heap0;
  let residue = 0;
  let ledgerValue = 0;
  for (const m of g.rows) ledgerValue += m.valueMinor;
  for (const sku of p.skus()) residue += Math.abs(p.residue(sku));
  t0 = performance.now();
  const snap = p.snapshot();
  const json = JSON.stringify(snap);
  const snapshotMs = performance.now() - t0;
  let maxSkuBytes = 0;
  let layers = 0;
  let maxLayers = 0;
  for (const k of Object.keys(snap.skus)) {
    maxSkuBytes = Math.max(maxSkuBytes, JSON.stringify(snap.skus[k]).length);
    const n = snap.skus[k].fifo?.layers.length ?? 0;
    layers += n;
    maxLayers = Math.max(maxLayers, n);
  }
  t0 = performance.now();
  const restored = createPolicy(method, CURRENCY, JSON.parse(json));
  const restoreMs = performance.now() - t0;
  console.log(`  ${label} (Node ${process.versions.node}):`);
  console.log(`    posting (value + apply): ${fmt(postMs)} ms, ${fmt(N / (postMs / 1000))} rows/s`);
  console.log(`    replay (apply valued rows): ${fmt(replayMs)} ms, ${fmt(N / (replayMs / 1000))} rows/s, ${fmt((replayMs * 1000) / N, 2)} µs/row; ` +
    `state heap +${fmt(heap, 1)} MB`);
  console.log(`    stock value ${fmt(p.totalValue() / 100, 2)} ${CURRENCY} = ledger sum ${fmt(ledgerValue / 100, 2)}; ` +
    `residue over all SKUs ${residue}; rows whose value differs on replay: ${differences}; restored total ${fmt(restored.totalValue() / 100, 2)}`);
  console.log(`    state: ${fmt(json.length / 1024, 1)} KB JSON for ${fmt(p.skus().length)} SKUs (largest SKU ${fmt(maxSkuBytes)} B` +
    (method === 'fifo' ? `, ${fmt(layers)} layers, at most ${maxLayers} per SKU` : '') +
    `); snapshot + stringify ${fmt(snapshotMs)} ms, parse + restore ${fmt(restoreMs)} ms`);
  return { postMs, replayMs, heapMb: heap, stateBytes: json.length, maxSkuBytes, layers, maxLayers, snapshotMs, restoreMs };
}

console.log(`Valuation bench: ${fmt(N)} movements, ${fmt(SKUS)} SKUs — Node, NOT Apps Script`);
const heapBefore = heapMb();
let t0 = performance.now();
const g = generate();
console.log(`  generated in ${fmt(performance.now() - t0)} ms (rows in memory: +${fmt(heapMb() - heapBefore)} MB heap): ` +
  Object.keys(g.counts).sort().map((k) => `${k} ${fmt(g.counts[k])}`).join(', '));

const fifo = bench('fifo', g);
const avg = bench('moving_average', g);

// ------------------------------------------------------------------ chunk plan (estimate)
const SLOWDOWN = 5; // Apps Script V8 vs Node for pure code (same assumption as tools/bench.ts)
const CELLS_PER_S = 150000; // Range.getValues over the 18-column ledger (community figures: 100k-1M)
const COLS = 18;
const BUDGET_S = 300; // stop at 5 minutes of the 6, leaving 1 for writing results and the cursor
const READ_ROWS = 5000; // rows per getValues (LEDGER_CHUNK of src/app/check-stock.ts): 90,000 cells
const SHEET_STATE_S = 3; // read + write of the state sheet (one getValues + one setValues), assumed
const PROP_LIMIT = 500 * 1024; // document property store, key + value bytes
const PROP_VALUE = 9 * 1024;
const CELL_LIMIT = 50000;

console.log(`\nChunk plan for Apps Script (an ESTIMATE from assumptions, not a measurement):`);
console.log(`  assumed: pure code ${SLOWDOWN}x slower than this Node; getValues ${fmt(CELLS_PER_S)} cells/s (${COLS} columns); ` +
  `budget ${BUDGET_S} s of the 360 s limit; state sheet read + write ${SHEET_STATE_S} s; reads of ${fmt(READ_ROWS)} rows.`);
for (const [label, f] of [['FIFO', fifo], ['moving average', avg]] as const) {
  const computeS = ((f.replayMs / N) * SLOWDOWN) / 1000;
  const readS = COLS / CELLS_PER_S;
  const stateS = ((f.snapshotMs + f.restoreMs) * SLOWDOWN) / 1000 + SHEET_STATE_S;
  const perRow = computeS + readS;
  const rows = Math.floor((BUDGET_S - stateS) / perRow / READ_ROWS) * READ_ROWS;
  console.log(`  ${label}: ${fmt(computeS * 1e6, 1)} µs compute + ${fmt(readS * 1e6)} µs reading per row (reading dominates), ` +
    `state in/out ${fmt(stateS, 1)} s => about ${fmt(rows)} rows per execution; ${fmt(N)} rows => ${Math.ceil(N / rows)} execution(s), ` +
    `a full 500,000-row ledger => ${Math.ceil(500000 / rows)}.`);
}
{
  // the same plan if Google is much slower than assumed: 20x for pure code, 50,000 cells/s
  const perRow = ((fifo.replayMs / N) * 20) / 1000 + COLS / 50000;
  const rows = Math.floor((BUDGET_S - SHEET_STATE_S * 2) / perRow / READ_ROWS) * READ_ROWS;
  console.log(`  pessimistic (20x, 50,000 cells/s), FIFO: ${fmt(perRow * 1e6)} µs per row => about ${fmt(rows)} rows per execution; ` +
    `a 500,000-row ledger => ${Math.ceil(500000 / rows)} executions.`);
}
const fifoKb = fifo.stateBytes / 1024;
console.log(`  state between executions: FIFO ${fmt(fifoKb, 1)} KB, moving average ${fmt(avg.stateBytes / 1024, 1)} KB of JSON.`);
console.log(`   - document properties: ${fmt(Math.ceil(fifo.stateBytes / PROP_VALUE))} values of <= 9 KB for FIFO, against a 500 KB store ` +
    `(key + value bytes) shared with settings, secrets and the watermark: ${fifo.stateBytes > PROP_LIMIT * 0.5 ? 'does NOT fit safely' : 'fits, barely'}.`);
console.log(`   - hidden cache sheet (recommended): one row per SKU [sku_key, state_json, through]; ${fmt(SKUS)} rows x 3 = ${fmt(SKUS * 3)} cells ` +
  `(of the 10M-cell file limit), largest SKU cell ${fmt(Math.max(fifo.maxSkuBytes, avg.maxSkuBytes))} chars (limit ${fmt(CELL_LIMIT)}: a SKU above it ` +
  `spills into more columns); one getValues to load, one setValues to save, written with the cursor last.`);
console.log(`  The job stops on elapsed time, not on the estimate: after each ${fmt(READ_ROWS)}-row read it checks the clock, and past ` +
  `${BUDGET_S} s it saves the state sheet and the cursor (last movement id) and schedules the next run; re-reading rows at or before ` +
  `the cursor is harmless (apply skips them).`);
console.log(`  Note: 1,000,000 ledger rows exceed what one spreadsheet holds (10M cells / 18 columns = 555k rows): ` +
  `at that size the ledger is split by an archive (period close to an opening balance), which is also a FIFO snapshot.`);
