/**
 * Poisson upper limit on a signal for a counting experiment, by the CLs
 * (modified frequentist) prescription used by NA64 (A. L. Read, J. Phys. G 28
 * (2002) 2693; PDG Review of Statistics, Sec. 40.4.2.4): the signal s excluded at
 * confidence level CL solves
 *   CLs(s) = P(N ≤ n | s + b) / P(N ≤ n | b) = 1 − CL.
 * For n = 0 it is s = −ln(1 − CL), whatever b (2.303 at 90% CL); for b = 0 it is
 * the classical Poisson upper limit, ½ χ²_{2(n+1)} quantile (PDG Table 40.3).
 *
 * Everything is done in log space: both probabilities underflow long before the
 * counts are large (P(N ≤ 1000 | 2000) ≈ 1e−100, e^{−μ} = 0 for μ > 745), while
 * their ratio is a sane number. The cumulative sum starts at its largest term,
 * whose logarithm is computed without cancellation by Loader's saddle-point
 * form (C. Loader, "Fast and accurate computation of binomial probabilities",
 * 2000, the method of R's dpois), so n up to 10⁹ costs O(√n) operations.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

/** x − ln(1 + x) for x > −1, accurate also for small |x| (Loader's bd0 in disguise). */
export function xMinusLog1p(x: number): number {
  if (Math.abs(x) >= 0.5) return x - Math.log1p(x);
  // r = x/(2 + x): ln(1 + x) = 2 atanh r = 2 Σ r^{2k+1}/(2k+1), and x − 2r = r x
  const r = x / (2 + x);
  const r2 = r * r;
  let term = r * r2;
  let sum = r * x;
  for (let k = 1; k < 200; k++) {
    const t = (2 * term) / (2 * k + 1);
    sum -= t;
    if (Math.abs(t) <= 1e-17 * Math.abs(sum)) break;
    term *= r2;
  }
  return sum;
}

/** ln Γ(k+1) − (k + ½) ln k + k − ½ ln 2π, the Stirling error (k ≥ 1). */
function stirlingError(k: number): number {
  if (k < 20) return gammaln(k + 1) - (k + 0.5) * Math.log(k) + k - 0.5 * Math.log(2 * Math.PI);
  const k2 = 1 / (k * k);
  // asymptotic series 1/12k − 1/360k³ + 1/1260k⁵ − 1/1680k⁷ (Abramowitz & Stegun 6.1.41)
  return (1 / 12 - k2 * (1 / 360 - k2 * (1 / 1260 - k2 / 1680))) / k;
}

/** ln P(N = k | μ), for a whole k ≥ 0 and μ ≥ 0 (−Infinity where the probability is 0). */
export function logPoissonPmf(k: number, mu: number): number {
  if (mu === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -mu;
  // −μ + k ln μ − ln k! = −k (x − ln(1 + x)) − ½ ln(2πk) − δ(k), x = (μ − k)/k
  return -k * xMinusLog1p((mu - k) / k) - 0.5 * Math.log(2 * Math.PI * k) - stirlingError(k);
}

/**
 * ln P(N ≤ n | μ). Summed from the largest term outwards: for μ > n the terms
 * fall as k goes down from n (ratio k/μ); otherwise P = 1 − P(N > n), whose terms
 * fall from k = n + 1 up (ratio μ/k). The loop stops when a term no longer
 * changes the sum, after ~9√n terms at worst.
 */
export function logPoissonCdf(n: number, mu: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!(mu >= 0) || !Number.isFinite(mu)) throw new RangeError(`mu must be finite and ≥ 0, got ${mu}`);
  if (mu === 0) return 0;
  if (mu > n) return logPoissonPmf(n, mu) + Math.log(sumBelow(n, mu));
  let term = 1;
  let sum = 1;
  for (let k = n + 2; ; k++) {
    term *= mu / k;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  const upper = Math.exp(logPoissonPmf(n + 1, mu)) * sum;
  return Math.log1p(-upper);
}

/** P(N ≤ n | μ) / P(N = n | μ) = Σ_{k ≤ n} μ^{k−n} n!/k!, for μ > n (terms fall as k goes down). */
function sumBelow(n: number, mu: number): number {
  let term = 1;
  let sum = 1;
  for (let k = n; k > 0; k--) {
    term *= k / mu;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/** P(N ≤ n | μ) for a Poisson mean μ (underflows to 0 where the logarithm {@link logPoissonCdf} does not). */
export function poissonCdf(n: number, mu: number): number {
  return Math.exp(logPoissonCdf(n, mu));
}

/**
 * ln CLs(s) = ln P(N ≤ n | s + b) − ln P(N ≤ n | b). When b > n both logarithms
 * are large and nearly equal (−10¹² for b = 10¹²); their difference is then
 * taken analytically, ln[P(n | s + b)/P(n | b)] = −s + n ln(1 + s/b), so no
 * digit is lost.
 */
export function logCls(observed: number, background: number, signal: number): number {
  if (background > observed && background > 0) {
    return (
      -signal +
      observed * Math.log1p(signal / background) +
      Math.log(sumBelow(observed, signal + background)) -
      Math.log(sumBelow(observed, background))
    );
  }
  return logPoissonCdf(observed, signal + background) - logPoissonCdf(observed, background);
}

/** The CLs upper limit on the signal count for n observed events and b expected background. */
export function poissonUpperLimit(observed: number, background: number, confidenceLevel: number): number {
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`observed must be a whole number ≥ 0, got ${observed}`);
  if (!(background >= 0) || !Number.isFinite(background)) throw new RangeError(`background must be finite and ≥ 0, got ${background}`);
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new RangeError(`confidenceLevel must lie in (0, 1), got ${confidenceLevel}`);
  const logAlpha = Math.log1p(-confidenceLevel);
  if (observed === 0) return -logAlpha;
  const f = (s: number) => logCls(observed, background, s) - logAlpha; // decreasing in s, f(0) = −ln α > 0
  // bracket: the limit is of order n + √n + (what the background leaves); start at the n = 0 limit
  let lo = 0;
  let hi = -logAlpha;
  while (f(hi) > 0) {
    lo = hi;
    hi = 2 * hi + Math.sqrt(observed + background);
    if (!Number.isFinite(hi)) throw new RangeError(`no CLs upper limit below ${lo} for n = ${observed}, b = ${background}`);
  }
  // bisection refined by the secant (regula falsi, Illinois variant) to 1e−13 relative
  let flo = f(lo);
  let fhi = f(hi);
  let side = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    let mid = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(mid > lo && mid < hi)) mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm > 0) {
      lo = mid;
      flo = fm;
      if (side === 1) fhi /= 2;
      side = 1;
    } else {
      hi = mid;
      fhi = fm;
      if (side === -1) flo /= 2;
      side = -1;
    }
  }
  return 0.5 * (lo + hi);
}
