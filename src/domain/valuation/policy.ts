/**
 * One valuation policy for both methods (DESIGN section 5): FIFO layers per SKU, or the
 * moving average of src/domain/valuation.ts (delegated to, not duplicated). Per SKU across
 * bins, states and lots.
 *
 * Use:
 *  - `apply(row)` for every ledger row, in ledger order (rows with an id at or before the
 *    last applied id are skipped, so re-reading a chunk is harmless; drafts without an id are
 *    applied, which lets the app value several rows of one request in order);
 *  - `valueOfTake(sku, qty, ctx)` BEFORE writing an outbound or internal row: the signed value
 *    (negative) and unit cost of taking qty. For an internal move (move, pick, pack, inspect)
 *    the source row gets that value and the destination row its opposite;
 *  - `valueOfInbound(sku, qty, ctx)` BEFORE writing a return or a count gain: the value
 *    (positive) and unit cost it comes in at.
 *
 * Rules (DESIGN section 5):
 *  - receipts come in at their own cost; outbound rows (ship, consume, write_off, count loss)
 *    take FIFO (oldest layer first) or at the average;
 *  - a restocked return that references the outbound row (ship) comes back at the cost it left
 *    with: pro rata of that row's value, the return that brings the rest back takes exactly
 *    the rest (3 units shipped for 10.00 come back at 3.33, 3.33, 3.34; the caller passes
 *    what already came back, `returnedOf`); under FIFO it is a new layer at the end (see
 *    fifo.ts). The reversal of an outbound row is the same;
 *  - a return without a reference comes in at the current cost and a count gain likewise:
 *    the current average, or under FIFO the last receipt cost (the "current cost" of FIFO
 *    stock: what the next purchase costs, as far as the ledger knows). With no cost known at
 *    all, the caller's fallback (the item's unit_cost), else 0 with `costUnknown`;
 *  - a return to vendor (rtv) references its receipt: under FIFO it leaves that receipt's
 *    layer at the receipt cost (what the layer no longer holds leaves FIFO); under moving
 *    average at the average. The reversal of an inbound row is the same as an rtv;
 *  - under FIFO an internal move is valued at what a FIFO take would cost now, without
 *    consuming: it does not change the SKU's layers or value, only how the value is split
 *    over places. Per-place values under FIFO are an allocation; the SKU value is exact.
 *
 * A row references a movement through `reverses`, or `ref_type` "movement" with the id in
 * `ref_id` (referencedMovementId). The app must write one of them on returns, rtv rows and
 * reversals.
 *
 * No residue: `residue(sku)` compares the sum of the value deltas of the applied rows with the
 * value the policy holds (its layers or its totals, which outbound rows reduce by the value
 * the POLICY computes, not the row's). It is 0 when every row carries the policy's value, and
 * at zero quantity any value left on either side is residue. Inbound rows are trusted as they
 * are (their value is the cost they come in at). `apply` also returns the difference for the
 * row. Between the two rows of an internal move the residue is not 0 (one side is applied).
 */
import type { Movement, MovementType } from '../types';
import { applyToTotals, takeUnitCost, takeValueMinor, type SkuTotals } from './moving-average';
import { skuKey } from '../text';
import { isAfter, movementNumber } from '../movement-id';
import { minorDigits, roundUnitCost, toMinor } from '../money';
import {
  cloneFifo, emptyFifo, fifoValueMinor, peekFifo, peekFromLayer, receiveLayer, returnAtCost, returnValueMinor,
  takeFifo, takeFromLayer, type FifoState, type FifoTake, type LayerTake,
} from './fifo';

export const VALUATION_METHODS = ['moving_average', 'fifo'] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** Types whose rows come in pairs that move stock between places without changing the SKU. */
export const INTERNAL_TYPES: readonly MovementType[] = ['move', 'pick', 'pack', 'inspect'];

export type PolicyMovement = Pick<Movement, 'movementId' | 'type' | 'sku' | 'qty' | 'unitCost' | 'valueMinor' | 'refType' | 'refId' | 'reverses'>;

export function parseValuationMethod(s: unknown): ValuationMethod | null {
  const v = typeof s === 'string' ? s.trim().toLowerCase() : '';
  return v === 'fifo' || v === 'moving_average' ? v : null;
}

export function isInternal(m: Pick<Movement, 'type'>): boolean {
  return INTERNAL_TYPES.indexOf(m.type) >= 0;
}

/** Stock leaves the SKU (ship, consume, write-off, count loss, rtv, negative reversal). */
export function isOutbound(m: Pick<Movement, 'type' | 'qty'>): boolean {
  return m.qty < 0 && !isInternal(m);
}

/** The id of the movement a row refers to ("" when none). */
export function referencedMovementId(m: Pick<Movement, 'reverses' | 'refType' | 'refId'>): string {
  if (m.reverses) return m.reverses;
  return m.refType === 'movement' ? m.refId : '';
}

/**
 * The first outbound row's id, or "" when none: from then on the valuation method in
 * Settings is fixed (DESIGN section 5).
 */
export function firstOutbound(rows: Iterable<Pick<Movement, 'movementId' | 'type' | 'qty'>>): string {
  for (const m of rows) if (isOutbound(m)) return m.movementId;
  return '';
}

/**
 * What already came back of an outbound row: the sum of the inbound rows (returns, reversals)
 * that reference it, among `rows`.
 */
export function returnedOf(rows: Iterable<Pick<Movement, 'type' | 'qty' | 'valueMinor' | 'reverses' | 'refType' | 'refId'>>, movementId: string): { qty: number; valueMinor: number } {
  let qty = 0;
  let valueMinor = 0;
  for (const m of rows) {
    if (m.qty > 0 && !isInternal(m) && referencedMovementId(m) === movementId) {
      qty += m.qty;
      valueMinor += m.valueMinor;
    }
  }
  return { qty: clean(qty), valueMinor };
}

/** Per-SKU state; plain data. */
export interface SkuValuation {
  /** the spelling of the first row seen */
  sku: string;
  qty: number;
  /** sum of the value deltas of the applied rows (the ledger's value for the SKU) */
  ledgerMinor: number;
  fifo?: FifoState;
  totals?: SkuTotals;
}

export interface PolicySnapshot {
  version: 1;
  method: ValuationMethod;
  currency: string;
  /** last applied movement id ("" when none) */
  through: string;
  /** by skuKey */
  skus: Record<string, SkuValuation>;
}

export interface TakeContext {
  /** the row being reversed, when this take reverses an inbound row */
  reverses?: Pick<Movement, 'movementId' | 'qty'>;
  /** the receipt a return to vendor references */
  receiptId?: string;
}

export interface InboundContext {
  /** the outbound row (ship...) the goods left with: a restocked return or a reversal */
  reverses?: Pick<Movement, 'movementId' | 'qty' | 'valueMinor'>;
  /**
   * what already came back of that row (quantity, value): the sum of the earlier inbound rows
   * that reference it (`returnedOf`). The app reads them anyway to refuse returning more than
   * was shipped; the policy does not keep them, so its state stays per SKU and bounded.
   */
  returned?: { qty: number; valueMinor: number };
  /** fallback unit cost when the SKU has none yet (e.g. the item's unit_cost) */
  unitCost?: number | null;
}

export interface RowValue {
  /** signed value for the row: negative for a take, positive for an inbound row */
  valueMinor: number;
  /** unrounded unit cost for the row */
  unitCost: number | null;
  /** FIFO layers a take consumes (empty under moving average) */
  consumed: LayerTake[];
  /** quantity the stock could not supply (negative stock is refused by the app) */
  shortQty: number;
  /** inbound only: no cost was known (no receipt, no average, no fallback); value is 0 */
  costUnknown: boolean;
}

export interface ApplyResult {
  applied: boolean;
  /** for an outbound row: the (signed) value the policy gives it; null otherwise */
  expectedMinor: number | null;
  /** row value minus expected value (0 when the row was valued by this policy) */
  differenceMinor: number;
  shortQty: number;
}

export interface ValuationPolicy {
  readonly method: ValuationMethod;
  readonly currency: string;
  apply(m: PolicyMovement): ApplyResult;
  valueOfTake(sku: string, qty: number, context?: TakeContext): RowValue;
  valueOfInbound(sku: string, qty: number, context?: InboundContext): RowValue;
  /** quantity of the SKU after the applied rows */
  qty(sku: string): number;
  /** value the policy holds for the SKU (layers or totals), minor units */
  stockValue(sku: string): number;
  totalValue(): number;
  /** ledger value minus policy value; at zero quantity any value left. 0 always. */
  residue(sku: string): number;
  /** current unit cost: the average, or under FIFO the last receipt cost */
  currentUnitCost(sku: string): number | null;
  skus(): string[];
  /** a JSON-safe deep copy of the state */
  snapshot(): PolicySnapshot;
}

function clean(n: number): number {
  return Number(n.toFixed(9));
}

function cloneSku(s: SkuValuation): SkuValuation {
  const out: SkuValuation = { sku: s.sku, qty: s.qty, ledgerMinor: s.ledgerMinor };
  if (s.fifo) out.fifo = cloneFifo(s.fifo);
  if (s.totals) out.totals = { ...s.totals };
  return out;
}

function fromFifoTake(t: FifoTake): RowValue {
  return { valueMinor: -t.valueMinor, unitCost: t.unitCost, consumed: t.consumed, shortQty: t.shortQty, costUnknown: false };
}

/**
 * A policy for one workbook. `restore` continues from a snapshot (its method and currency
 * must match).
 */
export function createPolicy(method: ValuationMethod, currency: string, restore?: PolicySnapshot): ValuationPolicy {
  if (restore && (restore.method !== method || restore.currency !== currency)) {
    throw new Error(`snapshot is ${restore.method}/${restore.currency}, not ${method}/${currency}`);
  }
  const isFifo = method === 'fifo';
  const state = new Map<string, SkuValuation>();
  let through = restore ? restore.through : '';
  if (restore) for (const k of Object.keys(restore.skus)) state.set(k, cloneSku(restore.skus[k]));

  function fresh(sku: string): SkuValuation {
    return isFifo
      ? { sku, qty: 0, ledgerMinor: 0, fifo: emptyFifo() }
      : { sku, qty: 0, ledgerMinor: 0, totals: { qty: 0, valueMinor: 0, avgUnitCost: null } };
  }

  function get(sku: string): SkuValuation {
    const k = skuKey(sku);
    let s = state.get(k);
    if (!s) {
      s = fresh(sku.trim());
      state.set(k, s);
    }
    return s;
  }

  function peek(sku: string): SkuValuation {
    return state.get(skuKey(sku)) ?? fresh(sku);
  }

  function policyValue(s: SkuValuation): number {
    return s.fifo ? fifoValueMinor(s.fifo) : (s.totals as SkuTotals).valueMinor;
  }

  function currentCost(s: SkuValuation): number | null {
    return s.fifo ? s.fifo.lastReceiptCost : (s.totals as SkuTotals).avgUnitCost;
  }

  function valueOfTake(sku: string, qty: number, context: TakeContext = {}): RowValue {
    const s = peek(sku);
    if (s.fifo) {
      const ref = context.receiptId || (context.reverses && context.reverses.qty > 0 ? context.reverses.movementId : '');
      return fromFifoTake(ref ? peekFromLayer(s.fifo, ref, qty, currency) : peekFifo(s.fifo, qty, currency));
    }
    const t = s.totals as SkuTotals;
    const v = takeValueMinor(t, qty, currency);
    return { valueMinor: -v, unitCost: takeUnitCost(t), consumed: [], shortQty: Math.max(0, clean(qty - Math.max(0, t.qty))), costUnknown: false };
  }

  function valueOfInbound(sku: string, qty: number, context: InboundContext = {}): RowValue {
    const s = peek(sku);
    const fallback = context.unitCost === undefined ? null : context.unitCost;
    const current = currentCost(s) ?? fallback;
    const ref = context.reverses;
    if (ref && ref.qty < 0) {
      const back = context.returned ?? { qty: 0, valueMinor: 0 };
      const valueMinor = returnValueMinor({ qty: -ref.qty, valueMinor: -ref.valueMinor }, back, qty, currency, current);
      const unitCost = qty > 0 ? roundUnitCost(valueMinor / Math.pow(10, minorDigits(currency)) / qty) : null;
      return { valueMinor, unitCost, consumed: [], shortQty: 0, costUnknown: false };
    }
    if (current === null) return { valueMinor: 0, unitCost: null, consumed: [], shortQty: 0, costUnknown: true };
    return { valueMinor: toMinor(qty * current, currency), unitCost: current, consumed: [], shortQty: 0, costUnknown: false };
  }

  function apply(m: PolicyMovement): ApplyResult {
    if (movementNumber(m.movementId) !== null) {
      if (!isAfter(m.movementId, through)) return { applied: false, expectedMinor: null, differenceMinor: 0, shortQty: 0 };
      through = m.movementId;
    }
    const s = get(m.sku);
    s.qty = clean(s.qty + m.qty);
    s.ledgerMinor += m.valueMinor;
    const ref = referencedMovementId(m);
    if (isInternal(m) || m.qty === 0) {
      if (s.totals) s.totals = applyToTotals(s.totals, m, currency);
      return { applied: true, expectedMinor: null, differenceMinor: 0, shortQty: 0 };
    }
    if (m.qty > 0) {
      if (s.fifo) {
        if (m.type === 'receipt') receiveLayer(s.fifo, m, currency);
        else returnAtCost(s.fifo, m, currency);
      } else {
        s.totals = applyToTotals(s.totals as SkuTotals, m, currency);
      }
      return { applied: true, expectedMinor: null, differenceMinor: 0, shortQty: 0 };
    }
    // outbound: the policy computes its own value and holds that; the row's is compared
    const qty = -m.qty;
    let expected: number;
    let shortQty: number;
    if (s.fifo) {
      const t = ref ? takeFromLayer(s.fifo, ref, qty, currency) : takeFifo(s.fifo, qty, currency);
      expected = -t.valueMinor;
      shortQty = t.shortQty;
    } else {
      const t = s.totals as SkuTotals;
      expected = -takeValueMinor(t, qty, currency);
      shortQty = Math.max(0, clean(qty - Math.max(0, t.qty)));
      s.totals = applyToTotals(t, { type: m.type, qty: m.qty, valueMinor: expected }, currency);
    }
    return { applied: true, expectedMinor: expected, differenceMinor: m.valueMinor - expected, shortQty };
  }

  function residue(sku: string): number {
    const s = state.get(skuKey(sku));
    if (!s) return 0;
    const held = policyValue(s);
    if (s.qty === 0) return s.ledgerMinor !== 0 ? s.ledgerMinor : 0 - held || 0;
    return s.ledgerMinor - held;
  }

  return {
    method,
    currency,
    apply,
    valueOfTake,
    valueOfInbound,
    qty: (sku) => state.get(skuKey(sku))?.qty ?? 0,
    stockValue: (sku) => {
      const s = state.get(skuKey(sku));
      return s ? policyValue(s) : 0;
    },
    totalValue: () => {
      let v = 0;
      state.forEach((s) => {
        v += policyValue(s);
      });
      return v;
    },
    residue,
    currentUnitCost: (sku) => currentCost(peek(sku)),
    skus: () => Array.from(state.values()).map((s) => s.sku),
    snapshot: () => {
      const skus: Record<string, SkuValuation> = {};
      state.forEach((s, k) => {
        skus[k] = cloneSku(s);
      });
      return { version: 1, method, currency, through, skus };
    },
  };
}
