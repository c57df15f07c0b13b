/**
 * Small statistics for replenishment: the standard normal quantile (service level -> z),
 * mean and sample standard deviation.
 */

/*
 * Inverse of the standard normal CDF by Peter J. Acklam's rational approximation
 * ("An algorithm for computing the inverse normal cumulative distribution function",
 * 2003; relative error below 1.15e-9 over (0, 1)). A central rational function for
 * 0.02425 <= p <= 0.97575 and a tail function in q = sqrt(-2 ln p) outside it, the upper
 * tail by symmetry. Coefficients as published by Acklam.
 */
const A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
const B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
const C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
const D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
const P_LOW = 0.02425;

function lowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/**
 * z such that P(Z <= z) = p for a standard normal Z: the safety factor for a cycle service
 * level p (probability of no stock-out during a replenishment lead time).
 * 0.95 -> 1.6449, 0.99 -> 2.3263, 0.5 -> 0. Throws RangeError unless 0 < p < 1.
 */
export function zFromServiceLevel(p: number): number {
  if (typeof p !== 'number' || !(p > 0 && p < 1)) throw new RangeError(`service level must be strictly between 0 and 1: ${String(p)}`);
  if (p < P_LOW) return lowerTail(p);
  if (p > 1 - P_LOW) return -lowerTail(1 - p);
  const q = p - 0.5;
  if (q === 0) return 0;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Float sums of decimal quantities drift (0.1 + 0.2); 9 decimals is beyond any item's. */
export function clean(n: number): number {
  return Number(n.toFixed(9));
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Sample standard deviation, with n - 1 in the denominator (Bessel's correction):
 * s = sqrt(sum (x - mean)^2 / (n - 1)). Daily demand over a window is a sample from which
 * the demand process's deviation is estimated, and the unbiased sample variance is the
 * estimator statistics texts define for it (e.g. Montgomery & Runger, "Applied
 * Statistics and Probability for Engineers", definition of the sample variance; the
 * population form with n is for a complete population, not a window of history; with
 * windows of 30 to 365 days the two differ by 0.1% to 1.7%). It is also what Sheets'
 * STDEV (not STDEVP) returns, so a user checking the figure in the sheet gets the same
 * number. Null for fewer than 2 values (undefined, not zero).
 */
export function sampleSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}
