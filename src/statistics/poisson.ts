/**
 * Poisson upper limit on a signal for a counting experiment, by the CLs
 * (modified frequentist) prescription used by NA64: the signal s excluded at
 * confidence level CL solves
 *   CLs(s) = P(N ≤ n | s + b) / P(N ≤ n | b) = 1 − CL.
 * For n = 0 it is s = −ln(1 − CL), whatever b (2.303 at 90% CL).
 */

/** P(N ≤ n | μ) for a Poisson mean μ. */
export function poissonCdf(n: number, mu: number): number {
  let term = Math.exp(-mu);
  let sum = term;
  for (let k = 1; k <= n; k++) {
    term *= mu / k;
    sum += term;
  }
  return Math.min(1, sum);
}

/** The CLs upper limit on the signal count for n observed events and b expected background. */
export function poissonUpperLimit(observed: number, background: number, confidenceLevel: number): number {
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`observed must be a whole number ≥ 0, got ${observed}`);
  if (!(background >= 0)) throw new RangeError(`background must be ≥ 0, got ${background}`);
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new RangeError(`confidenceLevel must lie in (0, 1), got ${confidenceLevel}`);
  const alpha = 1 - confidenceLevel;
  if (observed === 0) return -Math.log(alpha);
  const denominator = poissonCdf(observed, background);
  const cls = (s: number) => poissonCdf(observed, s + background) / denominator;
  let lo = 0;
  let hi = 1;
  while (cls(hi) > alpha) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (cls(mid) > alpha) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
