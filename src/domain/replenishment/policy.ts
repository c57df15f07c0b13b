/**
 * Per-item replenishment policy (issue: replenishment, point 2; DESIGN section 5,
 * "Replenishment conventions"): safety stock, reorder point, order quantity (EOQ) and
 * days of cover, each with its source and an explanation made of formula ids and
 * numbers. The explanation is data, not prose: the UI turns `formula` ids into localized
 * text, so nothing here is English.
 *
 * Units: demand is per day, lead times in days, money in currency units (unit_cost as in
 * Items, order_cost as in Settings; EOQ only needs them in the same currency).
 *
 * A value typed in Items (safety_stock, reorder_point, reorder_qty) always wins over the
 * computed one; a computed value needs all its inputs, else it is 'missing' (never a
 * silent 0). Computed safety stock and reorder point are rounded UP to the item's unit
 * (its decimals), so rounding never lowers the service level; EOQ is rounded to the
 * nearest unit (the cost curve is flat around the optimum). The exact formula result is
 * kept in the explanation next to the value used.
 */
import type { Item } from '../types';
import type { DemandStats } from './demand';
import type { ReplenishmentSettings } from './settings';
import { DAYS_PER_YEAR } from './settings';
import { clean, zFromServiceLevel } from './stats';

export type ValueSource = 'items' | 'computed' | 'missing';

export const FORMULA_IDS = [
  /** z = inverse standard normal CDF of the service level */
  'z.inverse_normal',
  /** mean = total / days; sd = sample standard deviation of the daily values (n - 1) */
  'demand.daily',
  /** the value typed in Items */
  'safety_stock.items',
  /** z x sd_daily x sqrt(lead_time_days) */
  'safety_stock.basic',
  /** z x sqrt(lead_time_days x sd_daily^2 + mean_daily^2 x lead_time_sd_days^2) */
  'safety_stock.lead_time_variability',
  'reorder_point.items',
  /** mean_daily x lead_time_days + safety_stock */
  'reorder_point.basic',
  'reorder_qty.items',
  /** sqrt(2 x annual_demand x order_cost / (unit_cost x holding_rate)), annual_demand = mean_daily x days_per_year */
  'reorder_qty.eoq',
  /** available_to_sell / mean_daily (0 when nothing is available to sell) */
  'days_of_cover.basic',
  /** mean_daily is 0: no demand, cover is unbounded (value null) */
  'days_of_cover.no_demand',
] as const;
export type FormulaId = (typeof FORMULA_IDS)[number];

export type ExplainKey = 'z' | 'demand' | 'safety_stock' | 'reorder_point' | 'reorder_qty' | 'days_of_cover';

/** Input names are the snake_case ids of Items columns and Settings keys where one exists. */
export type ExplainInputs = Record<string, number | null>;

export interface ExplainStep {
  key: ExplainKey;
  formula: FormulaId;
  inputs: ExplainInputs;
  /** exact result of the formula, null when an input is missing */
  result: number | null;
  /** the value used from here on (the Items value, or the result rounded), null when missing */
  value: number | null;
  /** names of the inputs that are missing or unusable (empty when none) */
  missing: string[];
}

export interface ItemPolicy {
  sku: string;
  z: number | null;
  /** mean daily demand used (negative net demand counts as 0); null without demand data */
  meanDaily: number | null;
  sdDaily: number | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  /** Q: Items reorder_qty, else EOQ */
  reorderQty: number | null;
  daysOfCover: number | null;
  source: { safetyStock: ValueSource; reorderPoint: ValueSource; reorderQty: ValueSource; daysOfCover: ValueSource };
  explain: ExplainStep[];
}

function finiteNonNegative(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function requireNonNegative(name: string, n: number): void {
  if (!finiteNonNegative(n)) throw new RangeError(`${name} must be a finite number >= 0: ${String(n)}`);
}

/** Round up to the item's unit (10^-decimals), ignoring float noise (12.000000001 -> 12). */
export function roundUpToUnit(n: number, decimals: number): number {
  const f = Math.pow(10, Math.max(0, Math.min(9, Math.floor(decimals || 0))));
  return clean(Math.ceil(clean(n * f)) / f);
}

/** Round half up to the item's unit. */
export function roundToUnit(n: number, decimals: number): number {
  const f = Math.pow(10, Math.max(0, Math.min(9, Math.floor(decimals || 0))));
  return clean(Math.floor(clean(n * f) + 0.5) / f);
}

/**
 * Safety stock for a continuous-review (reorder point) policy with normally distributed
 * daily demand: z x sd_daily x sqrt(L); when the lead time itself varies with standard
 * deviation sd_L (leadTimeSdDays given), z x sqrt(L x sd_daily^2 + mean_daily^2 x sd_L^2)
 * (the deviation of demand over a random lead time).
 */
export function safetyStock(p: { z: number; sdDaily: number; leadTimeDays: number; meanDaily: number; leadTimeSdDays?: number | null }): number {
  if (typeof p.z !== 'number' || !Number.isFinite(p.z)) throw new RangeError(`z must be a finite number: ${String(p.z)}`);
  requireNonNegative('sdDaily', p.sdDaily);
  requireNonNegative('leadTimeDays', p.leadTimeDays);
  if (p.leadTimeSdDays === null || p.leadTimeSdDays === undefined) return p.z * p.sdDaily * Math.sqrt(p.leadTimeDays);
  requireNonNegative('meanDaily', p.meanDaily);
  requireNonNegative('leadTimeSdDays', p.leadTimeSdDays);
  return p.z * Math.sqrt(p.leadTimeDays * p.sdDaily * p.sdDaily + p.meanDaily * p.meanDaily * p.leadTimeSdDays * p.leadTimeSdDays);
}

/** Reorder point: expected demand over the lead time plus safety stock. */
export function reorderPoint(meanDaily: number, leadTimeDays: number, safety: number): number {
  requireNonNegative('meanDaily', meanDaily);
  requireNonNegative('leadTimeDays', leadTimeDays);
  return meanDaily * leadTimeDays + safety;
}

/**
 * Economic order quantity (Harris 1913): sqrt(2 D S / H), D annual demand in units, S the
 * cost of one order, H = unit_cost x holding_rate the cost of holding one unit a year.
 * RangeError when H is not positive.
 */
export function eoq(p: { annualDemand: number; orderCost: number; unitCost: number; holdingRate: number }): number {
  requireNonNegative('annualDemand', p.annualDemand);
  requireNonNegative('orderCost', p.orderCost);
  requireNonNegative('unitCost', p.unitCost);
  requireNonNegative('holdingRate', p.holdingRate);
  const h = p.unitCost * p.holdingRate;
  if (!(h > 0)) throw new RangeError('holding cost per unit per year (unit_cost x holding_rate) must be > 0');
  return Math.sqrt((2 * p.annualDemand * p.orderCost) / h);
}

/** Days the stock available to sell lasts at the mean daily demand; null when there is no demand. */
export function daysOfCover(availableToSell: number, meanDaily: number): number | null {
  if (!(meanDaily > 0)) return null;
  return Math.max(0, availableToSell) / meanDaily;
}

/** Names of the inputs that are null (inputs are checked before they go in). */
function missingOf(inputs: ExplainInputs): string[] {
  return Object.keys(inputs).filter((k) => inputs[k] === null);
}

/**
 * The policy of one item. `demand` is the item's DemandStats (null when unknown);
 * `availableToSell` is needed for days of cover only.
 */
export function itemPolicy(
  item: Item,
  demand: DemandStats | null,
  settings: Pick<ReplenishmentSettings, 'serviceLevel' | 'orderCost' | 'holdingRate'> & { daysPerYear?: number },
  availableToSell: number | null = null,
): ItemPolicy {
  const explain: ExplainStep[] = [];
  const decimals = item.decimals || 0;
  const meanDaily = demand ? Math.max(0, demand.mean) : null;
  const sdDaily = demand ? demand.sd : null;
  const lead = finiteNonNegative(item.leadTimeDays) ? item.leadTimeDays : null;
  const leadSd = finiteNonNegative(item.leadTimeSdDays) ? item.leadTimeSdDays : null;
  if (demand) {
    explain.push({
      key: 'demand', formula: 'demand.daily',
      inputs: { days: demand.days, shipped: demand.shipped, restocked: demand.restocked, total: demand.total },
      result: demand.mean, value: meanDaily, missing: [],
    });
  }

  // Safety stock
  let z: number | null = null;
  let ss: number | null;
  let ssSource: ValueSource;
  if (item.safetyStock !== null && item.safetyStock !== undefined) {
    ss = item.safetyStock;
    ssSource = 'items';
    explain.push({ key: 'safety_stock', formula: 'safety_stock.items', inputs: { safety_stock: ss }, result: ss, value: ss, missing: [] });
  } else {
    const sl = settings.serviceLevel;
    const slOk = typeof sl === 'number' && sl > 0 && sl < 1;
    z = slOk ? zFromServiceLevel(sl as number) : null;
    explain.push({ key: 'z', formula: 'z.inverse_normal', inputs: { service_level: slOk ? sl : null }, result: z, value: z, missing: slOk ? [] : ['service_level'] });
    const withVariability = leadSd !== null;
    const inputs: ExplainInputs = withVariability
      ? { z, sd_daily: sdDaily, lead_time_days: lead, mean_daily: meanDaily, lead_time_sd_days: leadSd }
      : { z, sd_daily: sdDaily, lead_time_days: lead };
    const missing = missingOf(inputs);
    const result = missing.length
      ? null
      : safetyStock({ z: z as number, sdDaily: sdDaily as number, leadTimeDays: lead as number, meanDaily: meanDaily as number, leadTimeSdDays: leadSd });
    ss = result === null ? null : roundUpToUnit(result, decimals);
    ssSource = result === null ? 'missing' : 'computed';
    explain.push({
      key: 'safety_stock', formula: withVariability ? 'safety_stock.lead_time_variability' : 'safety_stock.basic',
      inputs, result, value: ss, missing,
    });
  }

  // Reorder point
  let rop: number | null;
  let ropSource: ValueSource;
  if (item.reorderPoint !== null && item.reorderPoint !== undefined) {
    rop = item.reorderPoint;
    ropSource = 'items';
    explain.push({ key: 'reorder_point', formula: 'reorder_point.items', inputs: { reorder_point: rop }, result: rop, value: rop, missing: [] });
  } else {
    const inputs: ExplainInputs = { mean_daily: meanDaily, lead_time_days: lead, safety_stock: ss };
    const missing = missingOf(inputs);
    const result = missing.length ? null : reorderPoint(meanDaily as number, lead as number, ss as number);
    rop = result === null ? null : roundUpToUnit(result, decimals);
    ropSource = result === null ? 'missing' : 'computed';
    explain.push({ key: 'reorder_point', formula: 'reorder_point.basic', inputs, result, value: rop, missing });
  }

  // Order quantity
  let q: number | null;
  let qSource: ValueSource;
  if (item.reorderQty !== null && item.reorderQty !== undefined) {
    q = item.reorderQty;
    qSource = 'items';
    explain.push({ key: 'reorder_qty', formula: 'reorder_qty.items', inputs: { reorder_qty: q }, result: q, value: q, missing: [] });
  } else {
    const daysPerYear = settings.daysPerYear ?? DAYS_PER_YEAR;
    const annual = meanDaily === null ? null : clean(meanDaily * daysPerYear);
    const inputs: ExplainInputs = {
      mean_daily: meanDaily, days_per_year: daysPerYear, annual_demand: annual,
      order_cost: finiteNonNegative(settings.orderCost) ? settings.orderCost : null,
      unit_cost: typeof item.unitCost === 'number' && item.unitCost > 0 ? item.unitCost : null,
      holding_rate: typeof settings.holdingRate === 'number' && settings.holdingRate > 0 ? settings.holdingRate : null,
    };
    const missing = ['annual_demand', 'order_cost', 'unit_cost', 'holding_rate'].filter((k) => inputs[k] === null);
    const result = missing.length
      ? null
      : eoq({ annualDemand: annual as number, orderCost: inputs.order_cost as number, unitCost: inputs.unit_cost as number, holdingRate: inputs.holding_rate as number });
    q = result === null ? null : roundToUnit(result, decimals);
    qSource = result === null ? 'missing' : 'computed';
    explain.push({ key: 'reorder_qty', formula: 'reorder_qty.eoq', inputs, result, value: q, missing });
  }

  // Days of cover
  let cover: number | null = null;
  let coverSource: ValueSource = 'missing';
  {
    const inputs: ExplainInputs = { available_to_sell: availableToSell, mean_daily: meanDaily };
    const missing = missingOf(inputs);
    if (missing.length) {
      explain.push({ key: 'days_of_cover', formula: 'days_of_cover.basic', inputs, result: null, value: null, missing });
    } else {
      cover = daysOfCover(availableToSell as number, meanDaily as number);
      coverSource = 'computed';
      explain.push({ key: 'days_of_cover', formula: cover === null ? 'days_of_cover.no_demand' : 'days_of_cover.basic', inputs, result: cover, value: cover, missing: [] });
    }
  }

  return {
    sku: item.sku, z, meanDaily, sdDaily, safetyStock: ss, reorderPoint: rop, reorderQty: q, daysOfCover: cover,
    source: { safetyStock: ssSource, reorderPoint: ropSource, reorderQty: qSource, daysOfCover: coverSource },
    explain,
  };
}
