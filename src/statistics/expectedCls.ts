/**
 * The expected (median) CLs upper limit of a Poisson counting experiment with
 * a known expected background b, for colliders' `statistics: cls`.
 *
 * Under the background-only hypothesis the observed count N ~ Poisson(b); its
 * median n_med is the smallest n with P(N ≤ n | b) ≥ 1/2. The median expected
 * limit is the CLs upper limit for n_med observed events (poisson.ts: A. L.
 * Read, J. Phys. G 28 (2002) 2693; PDG Review of Statistics, Sec. 40.4.2.4).
 * At b = 0 (n_med = 0) it is −ln(1 − CL) = 2.30 events at 90 % CL; at large b
 * it tends to the Gaussian median limit z_{1−(1−CL)/2} √b (1.645 √b at 90 % CL,
 * since CL_b = 1/2 at the median), which is the N_s/√N_b = √2.71 criterion of
 * the seed paper. Because n_med is whole, the limit steps with b.
 */
import { poissonCdf, poissonUpperLimit } from './poisson.js';

/** The median of Poisson(b): the smallest whole n with P(N ≤ n | b) ≥ 1/2. */
export function poissonMedian(background: number): number {
  if (!(background >= 0) || !Number.isFinite(background)) throw new RangeError(`background must be finite and ≥ 0, got ${background}`);
  if (background === 0) return 0;
  // b − ln 2 ≤ median < b + 1/3 (Choi, Proc. AMS 121 (1994) 245)
  let n = Math.max(0, Math.floor(background - Math.LN2));
  while (poissonCdf(n, background) < 0.5) n++;
  while (n > 0 && poissonCdf(n - 1, background) >= 0.5) n--;
  return n;
}

/** The median expected CLs upper limit on the signal count, for expected background b. */
export function medianExpectedClsLimit(background: number, confidenceLevel: number): number {
  return poissonUpperLimit(poissonMedian(background), background, confidenceLevel);
}
