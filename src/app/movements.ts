/**
 * Building ledger rows for stock that moves or leaves, valued by the domain's policy
 * (moving average for now) from the SKU's current totals. Rows are built in order and the
 * running totals follow them, so several takes in one request are valued like separate ones.
 */
import type { Movement, MovementType, StockState } from '../domain/types';
import { applyToTotals, createPolicy, takeValueMinor, type SkuTotals, type ValuationPolicy } from '../domain/valuation';
import { skuKey } from '../domain/text';
import { keyOf } from '../domain/projection';
import { ProblemError, problem } from '../domain/result';
import { minorDigits } from '../domain/money';
import type { Caches } from './caches';

export type Draft = Omit<Movement, 'movementId'>;

export interface RowContext {
  requestId: string;
  user: string;
  time: number;
  currency: string;
}

export interface Place {
  sku: string;
  bin: string;
  state: StockState;
  lot: string;
  expiry: string;
}

export interface Ref {
  refType?: string;
  refId?: string;
  externalRef?: string;
  note?: string;
  /** the movement this row reverses or refers to for its cost (a return's ship row, a reversal's row) */
  reverses?: string;
}

export class RowBuilder {
  readonly rows: Draft[] = [];
  private readonly totals = new Map<string, SkuTotals>();
  private readonly pending = new Map<string, number>();
  private readonly pendingValue = new Map<string, number>();
  /** the FIFO layers as the rows built so far leave them; null under moving average */
  private fifo: ValuationPolicy | null | undefined;

  constructor(private readonly caches: Caches, private readonly ctx: RowContext) {}

  private fifoPolicy(): ValuationPolicy | null {
    if (this.fifo === undefined) {
      const states = this.caches.fifoStates();
      const currency = this.ctx.currency;
      const skus: Record<string, import('../domain/valuation').SkuValuation> = {};
      if (states) for (const [k, v] of states) skus[k] = v.state;
      this.fifo = states ? createPolicy('fifo', currency, { version: 1, method: 'fifo', currency, through: '', skus }) : null;
    }
    return this.fifo;
  }

  /** The value (positive, minor units) and unit cost of taking qty of a SKU, by the workbook's method. */
  private valueOfTake(sku: string, qty: number, receiptId?: string): { value: number; unit: number | null } {
    const fifo = this.fifoPolicy();
    if (fifo) {
      const v = fifo.valueOfTake(sku, qty, receiptId ? { receiptId } : {});
      return { value: -v.valueMinor, unit: v.unitCost };
    }
    const t = this.totalsOf(sku);
    return { value: takeValueMinor(t, qty, this.ctx.currency), unit: t.avgUnitCost };
  }

  /** The cost stock comes in at without a reference: the average, or under FIFO the last receipt cost. */
  currentUnitCost(sku: string): number | null {
    const fifo = this.fifoPolicy();
    return fifo ? fifo.currentUnitCost(sku) : this.totalsOf(sku).avgUnitCost;
  }

  private totalsOf(sku: string): SkuTotals {
    const k = skuKey(sku);
    const t = this.totals.get(k) ?? this.caches.totals(sku);
    this.totals.set(k, t);
    return t;
  }

  private push(type: MovementType, at: Place, qty: number, valueMinor: number, unitCost: number | null, ref: Ref): void {
    const row: Draft = {
      requestId: this.ctx.requestId, time: this.ctx.time, user: this.ctx.user, type, sku: at.sku, bin: at.bin, state: at.state,
      lot: at.lot, expiry: at.expiry, qty, unitCost, valueMinor, refType: ref.refType ?? '', refId: ref.refId ?? '',
      externalRef: ref.externalRef ?? '', note: ref.note ?? '', reverses: ref.reverses ?? '',
    };
    this.rows.push(row);
    const key = keyOf(at);
    this.pending.set(key, (this.pending.get(key) ?? 0) + qty);
    this.pendingValue.set(key, (this.pendingValue.get(key) ?? 0) + valueMinor);
    this.totals.set(skuKey(at.sku), applyToTotals(this.totalsOf(at.sku), row, this.ctx.currency));
    this.fifoPolicy()?.apply({ ...row, movementId: '' });
  }

  /** Quantity at a place now, counting the rows built so far. */
  available(at: Omit<Place, 'expiry'>): number {
    const key = keyOf(at);
    return Number(((this.caches.levels.get(key)?.value.qty ?? 0) + (this.pending.get(key) ?? 0)).toFixed(9));
  }

  /** Negative stock is always refused (DESIGN section 5). */
  private ensure(from: Place, qty: number, line?: number): void {
    const have = this.available(from);
    if (have < qty) {
      throw new ProblemError([problem('insufficient_stock', 'qty', line, { sku: from.sku, bin: from.bin, state: from.state, have, need: qty })]);
    }
  }

  /** Stock changes state or bin: two rows, the value follows at the method's take value. */
  move(type: MovementType, from: Place, to: Place, qty: number, ref: Ref = {}, line?: number): void {
    this.ensure(from, qty, line);
    const { value, unit } = this.valueOfTake(from.sku, qty);
    this.push(type, from, -qty, -value, unit, ref);
    this.push(type, to, qty, value, unit, ref);
  }

  /** Stock leaves (ship, consume, write-off): one row, valued by the method (COGS). */
  out(type: MovementType, from: Place, qty: number, ref: Ref = {}, line?: number): number {
    this.ensure(from, qty, line);
    // A return to vendor leaves at its receipt's cost under FIFO (the row references it).
    const { value, unit } = this.valueOfTake(from.sku, qty, type === 'rtv' ? ref.reverses : undefined);
    this.push(type, from, -qty, -value, unit, ref);
    return value;
  }

  /** The SKU's running totals (quantity, value, average), counting the rows built so far. */
  skuTotals(sku: string): SkuTotals {
    return this.totalsOf(sku);
  }

  /** Value (minor units) at a place now, counting the rows built so far. */
  valueAt(at: Omit<Place, 'expiry'>): number {
    const key = keyOf(at);
    return (this.caches.levels.get(key)?.value.valueMinor ?? 0) + (this.pendingValue.get(key) ?? 0);
  }

  /**
   * Stock changes bin or state at the value it holds at its place: pro rata, all of it when
   * the place empties, so a place without stock keeps no value (a returned unit moved on
   * takes the cost it came back with). The SKU's total does not change.
   */
  transfer(type: MovementType, from: Place, to: Place, qty: number, ref: Ref = {}, line?: number): number {
    this.ensure(from, qty, line);
    const have = this.available(from);
    const held = this.valueAt(from);
    const value = qty >= have ? held : Math.max(0, Math.min(held, Math.round((held * qty) / have)));
    const unit = qty > 0 ? Number((value / Math.pow(10, minorDigits(this.ctx.currency)) / qty).toFixed(6)) : null;
    this.push(type, from, -qty, -value, unit, ref);
    this.push(type, to, qty, value, unit, ref);
    return value;
  }

  /** Stock comes in at a given value (a return, a count gain, a reversal). */
  inbound(type: MovementType, at: Place, qty: number, valueMinor: number, unitCost: number | null, ref: Ref = {}): void {
    this.push(type, at, qty, valueMinor, unitCost, ref);
  }
}
