/**
 * Replenishment math against worked examples with known answers.
 *
 * Sources of the formulas (the expected numbers are computed by hand in the comments):
 * - z: the standard normal quantile; reference values from any normal table / Python's
 *   statistics.NormalDist().inv_cdf (Wichura AS241, exact to double precision).
 * - Safety stock and reorder point for a continuous-review policy with normal demand:
 *   Chopra & Meindl, "Supply Chain Management: Strategy, Planning and Operation",
 *   chapter on safety inventory: ss = F_S^-1(CSL) x sigma_L, sigma_L = sqrt(L) x sigma_D,
 *   ROP = D x L + ss; with lead-time uncertainty sigma_L = sqrt(L sigma_D^2 + D^2 s_L^2)
 *   (same forms in Silver, Pyke & Peterson, "Inventory Management and Production
 *   Planning and Scheduling", ch. 7).
 * - EOQ: Harris (1913), "How many parts to make at once"; Q* = sqrt(2 D S / H), as in any
 *   operations management textbook (e.g. Heizer & Render, "Operations Management").
 */
import { describe, expect, it } from 'vitest';
import {
  FORMULA_IDS, daysOfCover, eoq, itemPolicy, mean, reorderPoint, replenishmentSettings, safetyStock, sampleSd,
  zFromServiceLevel, type DemandStats,
} from '../../src/domain/replenishment';
import type { Item } from '../../src/domain/types';

/** Standard normal CDF by Simpson's rule on the density (independent of the code under test). */
function phi(z: number): number {
  const n = 2000;
  const h = z / n;
  const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let s = f(0) + f(z);
  for (let i = 1; i < n; i++) s += f(i * h) * (i % 2 ? 4 : 2);
  return 0.5 + (s * h) / 3;
}

describe('zFromServiceLevel (Acklam)', () => {
  it('matches the normal table at the usual service levels', () => {
    // Table values (AS241 to 16 digits); Acklam's relative error is < 1.15e-9.
    const table: Array<[number, number]> = [
      [0.5, 0], [0.9, 1.2815515655446008], [0.95, 1.6448536269514715], [0.975, 1.9599639845400536],
      [0.98, 2.053748910631822], [0.99, 2.3263478740408408], [0.999, 3.090232306167813],
      [0.02, -2.0537489106318225], [0.01, -2.3263478740408408], [1e-6, -4.753424308822899],
    ];
    for (const [p, z] of table) expect(Math.abs(zFromServiceLevel(p) - z)).toBeLessThan(1e-8 * Math.max(1, Math.abs(z)));
    expect(zFromServiceLevel(0.5)).toBe(0);
    expect(zFromServiceLevel(0.95).toFixed(4)).toBe('1.6449');
    expect(zFromServiceLevel(0.99).toFixed(4)).toBe('2.3263');
  });

  it('inverts the normal CDF across the range, both tails and the centre', () => {
    for (const p of [0.001, 0.01, 0.024, 0.025, 0.1, 0.3, 0.5, 0.7, 0.85, 0.95, 0.975, 0.976, 0.995, 0.9999]) {
      expect(Math.abs(phi(zFromServiceLevel(p)) - p)).toBeLessThan(1e-9);
    }
  });

  it('refuses a service level outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, 95, NaN, Infinity]) expect(() => zFromServiceLevel(p)).toThrow(RangeError);
  });
});

describe('mean and sample standard deviation', () => {
  it('uses n - 1 (Bessel), like Sheets STDEV', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32; 32 / 7 -> sd 2.138 (n would give 2).
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(sampleSd(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleSd([3])).toBeNull();
    expect(mean([])).toBeNull();
  });
});

describe('safety stock, reorder point, EOQ, days of cover', () => {
  it('safety stock without lead-time variability: Lego example (Chopra & Meindl)', () => {
    // Weekly demand 2,500 boxes, sd 500, lead time 2 weeks, CSL 90% (the formula is
    // unit-agnostic: periods are weeks here). z = 1.28155; sigma_L = 500 x sqrt(2) = 707.107;
    // ss = 1.28155 x 707.107 = 906.19 (the book, with z rounded to 1.28: 906).
    // ROP = 2,500 x 2 + 906.19 = 5,906.19.
    const z = zFromServiceLevel(0.9);
    const ss = safetyStock({ z, sdDaily: 500, leadTimeDays: 2, meanDaily: 2500 });
    expect(ss).toBeCloseTo(906.194, 2);
    expect(reorderPoint(2500, 2, ss)).toBeCloseTo(5906.194, 2);
  });

  it('safety stock with lead-time variability: Dell example (Chopra & Meindl)', () => {
    // Daily demand 2,500, sd 500; lead time 7 days, sd 7 days; CSL 90%.
    // sigma_L = sqrt(7 x 500^2 + 2,500^2 x 7^2) = sqrt(1,750,000 + 306,250,000) = sqrt(308,000,000)
    // = 17,549.93; ss = 1.28155 x 17,549.93 = 22,491.1 (book: 22,491).
    const z = zFromServiceLevel(0.9);
    const ss = safetyStock({ z, sdDaily: 500, leadTimeDays: 7, meanDaily: 2500, leadTimeSdDays: 7 });
    expect(ss).toBeCloseTo(22491.14, 1);
    // With a lead-time sd of 0 the variability form reduces to the basic one.
    expect(safetyStock({ z, sdDaily: 500, leadTimeDays: 7, meanDaily: 2500, leadTimeSdDays: 0 }))
      .toBeCloseTo(safetyStock({ z, sdDaily: 500, leadTimeDays: 7, meanDaily: 2500 }), 9);
  });

  it('EOQ: Heizer & Render needles example', () => {
    // D = 1,000 units/year, S = 10 per order, H = 0.50 per unit per year (unit cost 2.00 x 25%):
    // Q* = sqrt(2 x 1,000 x 10 / 0.50) = sqrt(40,000) = 200.
    expect(eoq({ annualDemand: 1000, orderCost: 10, unitCost: 2, holdingRate: 0.25 })).toBeCloseTo(200, 9);
    expect(eoq({ annualDemand: 0, orderCost: 10, unitCost: 2, holdingRate: 0.25 })).toBe(0);
    expect(() => eoq({ annualDemand: 1000, orderCost: 10, unitCost: 0, holdingRate: 0.25 })).toThrow(RangeError);
  });

  it('days of cover = ATS / mean daily demand; null without demand', () => {
    expect(daysOfCover(30, 4)).toBe(7.5);
    expect(daysOfCover(-3, 4)).toBe(0);
    expect(daysOfCover(30, 0)).toBeNull();
  });
});

const item: Item = {
  sku: 'JAR-50', name: 'Jar 50 ml', barcode: '', kind: 'product', unit: '', decimals: 0, defaultBin: '', supplier: 'Acme',
  leadTimeDays: 9, leadTimeSdDays: null, unitCost: 10, safetyStock: null, reorderPoint: null, reorderQty: null,
  minOrderQty: null, packSize: null, tracksExpiry: false, active: true,
};

function demand(meanDaily: number, sd: number | null): DemandStats {
  return {
    sku: 'JAR-50', fromDay: '2026-01-01', toDay: '2026-03-31', days: 90, daily: [], shipped: meanDaily * 90, restocked: 0,
    total: meanDaily * 90, mean: meanDaily, sd,
  };
}

const settings = { serviceLevel: 0.95, orderCost: 50, holdingRate: 0.2 };

describe('itemPolicy', () => {
  it('computes every value with its formula and inputs', () => {
    // mean 20/day, sd 5/day, L = 9 days, 95% -> z = 1.64485.
    // ss = 1.64485 x 5 x sqrt(9) = 24.673 -> 25 (rounded up to a whole unit)
    // ROP = 20 x 9 + 25 = 205
    // EOQ: D = 20 x 365 = 7,300; H = 10 x 0.2 = 2; sqrt(2 x 7,300 x 50 / 2) = sqrt(365,000) = 604.15 -> 604
    // days of cover: ATS 150 / 20 = 7.5
    const p = itemPolicy(item, demand(20, 5), settings, 150);
    expect(p).toMatchObject({ safetyStock: 25, reorderPoint: 205, reorderQty: 604, daysOfCover: 7.5, meanDaily: 20, sdDaily: 5 });
    expect(p.source).toEqual({ safetyStock: 'computed', reorderPoint: 'computed', reorderQty: 'computed', daysOfCover: 'computed' });
    const ss = p.explain.find((e) => e.key === 'safety_stock');
    expect(ss?.formula).toBe('safety_stock.basic');
    expect(ss?.result).toBeCloseTo(24.6728, 4);
    expect(ss?.value).toBe(25);
    expect(ss?.inputs).toMatchObject({ sd_daily: 5, lead_time_days: 9 });
    expect(ss?.inputs.z).toBeCloseTo(1.6449, 4);
    const q = p.explain.find((e) => e.key === 'reorder_qty');
    expect(q).toMatchObject({ formula: 'reorder_qty.eoq', value: 604, missing: [] });
    expect(q?.inputs).toMatchObject({ annual_demand: 7300, order_cost: 50, unit_cost: 10, holding_rate: 0.2 });
    expect(p.explain.find((e) => e.key === 'reorder_point')).toMatchObject({
      formula: 'reorder_point.basic', inputs: { mean_daily: 20, lead_time_days: 9, safety_stock: 25 }, result: 205, value: 205,
    });
  });

  it('uses the lead-time variability form when lead_time_sd_days is set', () => {
    // ss = 1.64485 x sqrt(9 x 5^2 + 20^2 x 2^2) = 1.64485 x sqrt(1,825) = 1.64485 x 42.72 = 70.27 -> 71; ROP = 180 + 71 = 251
    const p = itemPolicy({ ...item, leadTimeSdDays: 2 }, demand(20, 5), settings, 150);
    expect(p.safetyStock).toBe(71);
    expect(p.reorderPoint).toBe(251);
    expect(p.explain.find((e) => e.key === 'safety_stock')?.formula).toBe('safety_stock.lead_time_variability');
  });

  it('a value typed in Items wins over the computed one', () => {
    const ssOnly = itemPolicy({ ...item, safetyStock: 40 }, demand(20, 5), settings, 150);
    expect(ssOnly).toMatchObject({ safetyStock: 40, reorderPoint: 220 }); // 20 x 9 + 40
    expect(ssOnly.source).toMatchObject({ safetyStock: 'items', reorderPoint: 'computed' });
    expect(ssOnly.explain.some((e) => e.key === 'z')).toBe(false);
    const all = itemPolicy({ ...item, safetyStock: 40, reorderPoint: 300, reorderQty: 500 }, demand(20, 5), settings, 150);
    expect(all).toMatchObject({ safetyStock: 40, reorderPoint: 300, reorderQty: 500 });
    expect(all.source).toMatchObject({ safetyStock: 'items', reorderPoint: 'items', reorderQty: 'items' });
    expect(all.explain.map((e) => e.formula)).toEqual(['demand.daily', 'safety_stock.items', 'reorder_point.items', 'reorder_qty.items', 'days_of_cover.basic']);
    // Items values win even with no demand data at all.
    const noData = itemPolicy({ ...item, reorderPoint: 12, reorderQty: 24 }, null, settings);
    expect(noData).toMatchObject({ reorderPoint: 12, reorderQty: 24, safetyStock: null, daysOfCover: null });
  });

  it('says what is missing instead of inventing a value', () => {
    const p = itemPolicy({ ...item, leadTimeDays: null, unitCost: null }, demand(20, 5), { serviceLevel: null, orderCost: 50, holdingRate: 0.2 });
    expect(p).toMatchObject({ safetyStock: null, reorderPoint: null, reorderQty: null, daysOfCover: null });
    expect(p.source).toEqual({ safetyStock: 'missing', reorderPoint: 'missing', reorderQty: 'missing', daysOfCover: 'missing' });
    expect(p.explain.find((e) => e.key === 'z')?.missing).toEqual(['service_level']);
    expect(p.explain.find((e) => e.key === 'safety_stock')?.missing).toEqual(['z', 'lead_time_days']);
    expect(p.explain.find((e) => e.key === 'reorder_point')?.missing).toEqual(['lead_time_days', 'safety_stock']);
    expect(p.explain.find((e) => e.key === 'reorder_qty')?.missing).toEqual(['unit_cost']);
    expect(p.explain.find((e) => e.key === 'days_of_cover')?.missing).toEqual(['available_to_sell']);
  });

  it('an item with no demand gets a reorder point of its safety stock and no days of cover', () => {
    const p = itemPolicy(item, demand(0, 0), settings, 10);
    expect(p).toMatchObject({ safetyStock: 0, reorderPoint: 0, reorderQty: 0, daysOfCover: null });
    expect(p.explain.find((e) => e.key === 'days_of_cover')?.formula).toBe('days_of_cover.no_demand');
  });

  it('rounds up to the item unit for decimal items', () => {
    // decimals 1: ss 24.6728 -> 24.7; ROP 180 + 24.7 = 204.7; EOQ 604.15 -> 604.2
    const p = itemPolicy({ ...item, decimals: 1 }, demand(20, 5), settings);
    expect(p).toMatchObject({ safetyStock: 24.7, reorderPoint: 204.7, reorderQty: 604.2 });
  });

  it('explains with formula ids and numbers only (the UI localizes)', () => {
    const p = itemPolicy({ ...item, leadTimeSdDays: 1 }, demand(3, 1.5), settings, 7);
    for (const step of p.explain) {
      expect(FORMULA_IDS).toContain(step.formula);
      for (const v of Object.values(step.inputs)) expect(v === null || typeof v === 'number').toBe(true);
      expect(step.result === null || typeof step.result === 'number').toBe(true);
      for (const m of step.missing) expect(m).toMatch(/^[a-z_]+$/);
    }
    expect(JSON.stringify(p.explain)).not.toMatch(/ [a-z]+ /); // no prose
  });
});

describe('replenishment settings', () => {
  it('reads shares as percent or fraction, with defaults for blanks', () => {
    const { settings: s, problems } = replenishmentSettings({ service_level: '97,5%', holding_rate: '20', order_cost: '12,50' });
    expect(problems).toEqual([]);
    expect(s).toMatchObject({ serviceLevel: 0.975, holdingRate: 0.2, orderCost: 12.5, windowDays: 90, expiryAlertDays: 30, daysPerYear: 365 });
    const d = replenishmentSettings({});
    expect(d.settings).toMatchObject({ serviceLevel: 0.95, holdingRate: 0.25, orderCost: null });
    expect(d.problems).toEqual([]);
  });

  it('reports unusable values by setting key', () => {
    const { settings: s, problems } = replenishmentSettings({ service_level: '100%', holding_rate: 'x', order_cost: '-3', demand_window_days: '2.5' });
    expect(s).toMatchObject({ serviceLevel: null, holdingRate: null, orderCost: null, windowDays: 90 });
    expect(problems.map((p) => p.field).sort()).toEqual(['demand_window_days', 'holding_rate', 'order_cost', 'service_level']);
    expect(problems.every((p) => p.code === 'invalid_number')).toBe(true);
  });
});
