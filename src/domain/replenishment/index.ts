/** Replenishment: demand, safety stock, reorder point, EOQ, low-stock alerts and the digest. */
export { addDays, daysBetween, daysFrom, windowBefore } from './calendar';
export { clean, mean, sampleSd, zFromServiceLevel } from './stats';
export {
  MAX_WINDOW_DAYS, RETURN_REF_TYPE, dailyDemand, demandBySku, demandEffect, reversedIds,
  type DemandOptions, type DemandStats,
} from './demand';
export {
  DAYS_PER_YEAR, REPLENISHMENT_SETTING_DEFAULTS, parseShare, replenishmentSettings, type ReplenishmentSettings,
} from './settings';
export {
  FORMULA_IDS, daysOfCover, eoq, itemPolicy, reorderPoint, roundToUnit, roundUpToUnit, safetyStock,
  type ExplainInputs, type ExplainKey, type ExplainStep, type FormulaId, type ItemPolicy, type ValueSource,
} from './policy';
export { isLow, roundUpToMultiple, toOrder, type ToOrderInput } from './to-order';
export {
  alertAfterWrite, buildDigest, digestLine, expiringLots, groupBySupplier, isLowSummary, newlyLow, nextAlertState,
  type AlertDecision, type AlertState, type Digest, type DigestLine, type DigestPolicy, type ExpiringLot, type SupplierGroup,
} from './alerts';
