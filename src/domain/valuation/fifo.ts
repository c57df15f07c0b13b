/**
 * FIFO cost layers of one SKU, across bins, states and lots (DESIGN section 5).
 *
 * A layer is a quantity that came in at one cost, in ledger order. Takes consume layers from
 * the oldest. Money is integer minor units; unit costs are unrounded (6 decimals, like the
 * ledger's unit_cost). Rounding rule: a take from a layer costs qty x the layer's unit cost
 * rounded half-up to the minor unit; the take that empties a layer takes exactly the value
 * left in it. Emptying the item's stock empties every layer, so it takes exactly the stock
 * value: 3 units received for 10.00 go out at 3.33, 3.33, 3.34 and nothing is left over.
 * A partial take is also clamped to the value left in its layer, so a layer never goes
 * negative even for unit costs below one minor unit.
 *
 * Where a restocked return goes: a NEW layer at the END, whose id is the return movement's id,
 * at the cost the goods left with. Reasons:
 *  - the order of layers is the order of the ledger rows that made them, so a replay of any
 *    prefix of the ledger, a cached state and a live state always agree, and no layer moves;
 *    "its original position" may no longer exist (the layers it came from may be consumed)
 *    and would need the ship's consumption breakdown, which the ledger does not store;
 *  - the return row carries one value and one unit cost (pro rata of the ship row's value),
 *    so one layer represents it exactly;
 *  - it is what common inventory systems do (Odoo, Dynamics 365 BC, NetSuite post a customer
 *    return as a new inbound cost entry dated at the return, valued at the original cost);
 *  - the cost difference with the front is bounded by the returned quantity and only shifts
 *    when that cost is expensed, never the total.
 *
 * These functions MUTATE the state they are given (1,000,000 movements must not copy layer
 * arrays on every row); `peek*` functions compute the same result without changing it. The
 * state is plain data (JSON-safe) so the app can cache it; `cloneFifo` copies it.
 */
import type { Movement } from '../types';
import { minorDigits, roundUnitCost, toMinor } from '../money';

export interface FifoLayer {
  /** id of the movement that created the layer (receipt, return, count gain, reversal) */
  receiptId: string;
  /** unrounded unit cost in currency units */
  unitCost: number;
  qty: number;
  valueMinor: number;
}

export interface FifoState {
  /** in ledger order, oldest first; empty layers are removed */
  layers: FifoLayer[];
  /** unit cost of the last receipt (what a count gain enters at); null before any receipt */
  lastReceiptCost: number | null;
}

export interface LayerTake {
  receiptId: string;
  qty: number;
  valueMinor: number;
}

export interface FifoTake {
  /** positive value of the take, minor units */
  valueMinor: number;
  /** weighted unrounded unit cost of the take, for the row (null when nothing was taken) */
  unitCost: number | null;
  consumed: LayerTake[];
  /** quantity the layers could not supply (0 unless stock would go negative) */
  shortQty: number;
}

type LayerInput = Pick<Movement, 'movementId' | 'qty' | 'unitCost' | 'valueMinor'>;

interface Part extends LayerTake {
  index: number;
  qtyLeft: number;
}

/** Decimal quantities drift in floating point (0.1 + 0.2); 9 decimals is beyond any item's. */
function clean(n: number): number {
  return Number(n.toFixed(9));
}

export function emptyFifo(): FifoState {
  return { layers: [], lastReceiptCost: null };
}

export function cloneFifo(s: FifoState): FifoState {
  return { layers: s.layers.map((l) => ({ ...l })), lastReceiptCost: s.lastReceiptCost };
}

export function fifoQty(s: FifoState): number {
  let q = 0;
  for (const l of s.layers) q += l.qty;
  return clean(q);
}

export function fifoValueMinor(s: FifoState): number {
  let v = 0;
  for (const l of s.layers) v += l.valueMinor;
  return v;
}

/** The unit cost of an inbound row: its own, else its value over its quantity. */
export function inboundUnitCost(m: Pick<Movement, 'qty' | 'unitCost' | 'valueMinor'>, currency: string): number {
  if (m.unitCost !== null && m.unitCost !== undefined) return m.unitCost;
  return m.qty ? roundUnitCost(m.valueMinor / Math.pow(10, minorDigits(currency)) / m.qty) : 0;
}

/** Appends a layer for an inbound row (quantity > 0) at the row's value. */
export function addLayer(state: FifoState, m: LayerInput, currency = ''): FifoLayer | null {
  if (!(m.qty > 0)) return null;
  const layer: FifoLayer = { receiptId: m.movementId, unitCost: inboundUnitCost(m, currency), qty: m.qty, valueMinor: m.valueMinor };
  state.layers.push(layer);
  return layer;
}

/** A receipt: a new layer at the end; its cost becomes the last receipt cost. */
export function receiveLayer(state: FifoState, m: LayerInput, currency = ''): FifoLayer | null {
  const layer = addLayer(state, m, currency);
  if (layer) state.lastReceiptCost = layer.unitCost;
  return layer;
}

/**
 * A restocked return (or the reversal of an outbound row): a new layer at the END at the cost
 * the goods left with (the row's value, see `returnValueMinor`); see the header for why.
 * Does not change the last receipt cost.
 */
export function returnAtCost(state: FifoState, m: LayerInput, currency = ''): FifoLayer | null {
  return addLayer(state, m, currency);
}

/**
 * Value of bringing back `qty` of an outbound row at the cost it left with: `left` is that
 * row's quantity and (positive) value, `back` what already came back of it. Like a take from
 * a layer: qty x the row's unit value (its value over its quantity) half-up, clamped to what
 * is not back yet; the return that brings the rest back takes exactly the value left. So 3
 * units shipped for 10.00 come back at 3.33, 3.33, 3.34. A return larger than what is left
 * brings the excess at `extraUnitCost` (0 when null).
 */
export function returnValueMinor(
  left: { qty: number; valueMinor: number },
  back: { qty: number; valueMinor: number },
  qty: number,
  currency: string,
  extraUnitCost: number | null = null,
): number {
  if (!(qty > 0)) return 0;
  const qtyLeft = clean(left.qty - back.qty);
  const valueLeft = left.valueMinor - back.valueMinor;
  const extraQty = qtyLeft > 0 ? clean(qty - qtyLeft) : qty;
  const extra = extraQty > 0 && extraUnitCost !== null ? toMinor(extraQty * extraUnitCost, currency) : 0;
  if (qtyLeft <= 0) return extra;
  if (qty >= qtyLeft) return valueLeft + extra;
  const unit = left.valueMinor / Math.pow(10, minorDigits(currency)) / left.qty;
  return Math.min(valueLeft, Math.max(0, toMinor(qty * unit, currency)));
}

/** One layer's part of a take: half-up, exact when it empties the layer, clamped to what is left. */
function partOf(layer: FifoLayer, index: number, want: number, currency: string): Part {
  const qty = Math.min(want, layer.qty);
  const empties = qty >= layer.qty;
  const valueMinor = empties ? layer.valueMinor : Math.min(layer.valueMinor, Math.max(0, toMinor(qty * layer.unitCost, currency)));
  return { index, receiptId: layer.receiptId, qty, valueMinor, qtyLeft: empties ? 0 : clean(layer.qty - qty) };
}

function planFrom(layers: readonly FifoLayer[], qty: number, currency: string, skip: number): { parts: Part[]; short: number } {
  const parts: Part[] = [];
  let remaining = qty;
  for (let i = 0; i < layers.length && remaining > 0; i++) {
    if (i === skip || layers[i].qty <= 0) continue;
    const p = partOf(layers[i], i, remaining, currency);
    parts.push(p);
    remaining = clean(remaining - p.qty);
  }
  return { parts, short: Math.max(0, remaining) };
}

function planLayer(state: FifoState, receiptId: string, qty: number, currency: string): { parts: Part[]; short: number } {
  let index = -1;
  for (let i = 0; i < state.layers.length; i++) {
    if (state.layers[i].receiptId === receiptId && state.layers[i].qty > 0) {
      index = i;
      break;
    }
  }
  if (index < 0 || !receiptId) return planFrom(state.layers, qty, currency, -1);
  const first = partOf(state.layers[index], index, qty, currency);
  const rest = clean(qty - first.qty);
  if (rest <= 0) return { parts: [first], short: 0 };
  // The layer no longer holds it all (FIFO already expensed part of it): the rest leaves FIFO.
  const more = planFrom(state.layers, rest, currency, index);
  return { parts: [first].concat(more.parts), short: more.short };
}

function result(parts: readonly Part[], short: number, layers: readonly FifoLayer[]): FifoTake {
  let valueMinor = 0;
  let qty = 0;
  let cost = 0;
  for (const p of parts) {
    valueMinor += p.valueMinor;
    qty += p.qty;
    cost += p.qty * layers[p.index].unitCost;
  }
  qty = clean(qty);
  let unitCost: number | null = null;
  if (parts.length === 1) unitCost = layers[parts[0].index].unitCost;
  else if (qty > 0) unitCost = roundUnitCost(cost / qty);
  return { valueMinor, unitCost, consumed: parts.map((p) => ({ receiptId: p.receiptId, qty: p.qty, valueMinor: p.valueMinor })), shortQty: short };
}

function commit(state: FifoState, parts: readonly Part[]): void {
  for (const p of parts) {
    const l = state.layers[p.index];
    l.qty = p.qtyLeft;
    l.valueMinor -= p.valueMinor;
  }
  if (parts.some((p) => p.qtyLeft === 0)) state.layers = state.layers.filter((l) => l.qty > 0);
}

/** What taking qty in FIFO order would cost, without changing the state. */
export function peekFifo(state: FifoState, qty: number, currency: string): FifoTake {
  const plan = planFrom(state.layers, qty, currency, -1);
  return result(plan.parts, plan.short, state.layers);
}

/** Takes qty in FIFO order (oldest layer first). Mutates the state. */
export function takeFifo(state: FifoState, qty: number, currency: string): FifoTake {
  const plan = planFrom(state.layers, qty, currency, -1);
  const out = result(plan.parts, plan.short, state.layers);
  commit(state, plan.parts);
  return out;
}

/** What taking qty from one layer (a return to vendor) would cost, without changing the state. */
export function peekFromLayer(state: FifoState, receiptId: string, qty: number, currency: string): FifoTake {
  const plan = planLayer(state, receiptId, qty, currency);
  return result(plan.parts, plan.short, state.layers);
}

/**
 * A return to vendor: takes qty from the layer of the receipt it references, at that
 * receipt's cost. If the layer holds less (FIFO already expensed part of it, or the id is
 * unknown), the rest is taken in FIFO order: the value always comes out of the layers, so
 * the stock value never keeps a residue. Mutates the state.
 */
export function takeFromLayer(state: FifoState, receiptId: string, qty: number, currency: string): FifoTake {
  const plan = planLayer(state, receiptId, qty, currency);
  const out = result(plan.parts, plan.short, state.layers);
  commit(state, plan.parts);
  return out;
}
