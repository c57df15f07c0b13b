/**
 * Replenishment inputs from the Settings tab (key/value strings). Proposed keys and
 * defaults; the schema's SETTING_DEFAULTS should carry the same keys.
 */
import { parseDecimal } from '../quantity';
import { problem, type Problem } from '../result';

export const REPLENISHMENT_SETTING_DEFAULTS = {
  /** cycle service level: probability of no stock-out during a lead time ("95%" or 0.95) */
  service_level: '0.95',
  /** demand window, in complete days before today */
  demand_window_days: '90',
  /** cost of placing one purchase order, in the workbook currency; blank = no EOQ */
  order_cost: '',
  /** holding cost per year as a share of unit cost ("25%" or 0.25) */
  holding_rate: '0.25',
  /** the digest lists lots expiring within this many days */
  expiry_alert_days: '30',
} as const;

export interface ReplenishmentSettings {
  /** 0 < p < 1, or null when unusable */
  serviceLevel: number | null;
  /** currency units, >= 0, or null when not set */
  orderCost: number | null;
  /** per year, > 0, or null when unusable */
  holdingRate: number | null;
  windowDays: number;
  expiryAlertDays: number;
  /** annual demand = mean daily demand x daysPerYear */
  daysPerYear: number;
}

export const DAYS_PER_YEAR = 365;

const MAX_DAYS = 3660;

/** "95%" -> 0.95, "95" -> 0.95, "0.95" -> 0.95, "0,95" -> 0.95; null when not a number. */
export function parseShare(input: string): number | null {
  const s = String(input ?? '').trim();
  const percent = /%$/.test(s);
  const n = parseDecimal(percent ? s.slice(0, -1) : s);
  if (n === null) return null;
  return percent || n > 1 ? n / 100 : n;
}

function value(s: Record<string, string>, key: keyof typeof REPLENISHMENT_SETTING_DEFAULTS): string {
  const v = s[key];
  return v === undefined || String(v).trim() === '' ? REPLENISHMENT_SETTING_DEFAULTS[key] : String(v);
}

function wholeDays(raw: string, key: string, min: number, problems: Problem[], fallback: number): number {
  const n = parseDecimal(raw);
  if (n !== null && Number.isInteger(n) && n >= min && n <= MAX_DAYS) return n;
  problems.push(problem('invalid_number', key, undefined, { value: raw }));
  return fallback;
}

/** Typed replenishment settings; unusable values come back as problems (field = setting key). */
export function replenishmentSettings(s: Record<string, string>): { settings: ReplenishmentSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const sl = parseShare(value(s, 'service_level'));
  const serviceLevel = sl !== null && sl > 0 && sl < 1 ? sl : null;
  if (serviceLevel === null) problems.push(problem('invalid_number', 'service_level', undefined, { value: value(s, 'service_level') }));
  const oc = value(s, 'order_cost');
  const orderCostN = oc === '' ? null : parseDecimal(oc);
  const orderCost = orderCostN !== null && orderCostN >= 0 ? orderCostN : null;
  if (oc !== '' && orderCost === null) problems.push(problem('invalid_number', 'order_cost', undefined, { value: oc }));
  const hr = parseShare(value(s, 'holding_rate'));
  const holdingRate = hr !== null && hr > 0 ? hr : null;
  if (holdingRate === null) problems.push(problem('invalid_number', 'holding_rate', undefined, { value: value(s, 'holding_rate') }));
  const windowDays = wholeDays(value(s, 'demand_window_days'), 'demand_window_days', 1, problems, Number(REPLENISHMENT_SETTING_DEFAULTS.demand_window_days));
  const expiryAlertDays = wholeDays(value(s, 'expiry_alert_days'), 'expiry_alert_days', 0, problems, Number(REPLENISHMENT_SETTING_DEFAULTS.expiry_alert_days));
  return { settings: { serviceLevel, orderCost, holdingRate, windowDays, expiryAlertDays, daysPerYear: DAYS_PER_YEAR }, problems };
}
