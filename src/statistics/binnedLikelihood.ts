/**
 * Expected limits from a binned Poisson likelihood: signal s_k (at ε = 1, so
 * the signal at ε is ε² s_k) over background b_k in bins of a measured
 * quantity. Two forms of the likelihood ratio on the background-only (Asimov)
 * data set n_k = b_k:
 *
 *  - Poisson (Cowan, Cranmer, Gross & Vitells, EPJC 71 (2011) 1554, Eqs. 24 and 30):
 *      q_A(μ) = 2 Σ_k [μ s_k − b_k ln(1 + μ s_k / b_k)];
 *    the median expected CLs limit is where √q_A = Φ⁻¹(1 − α/2), i.e. q_A = 2.706
 *    at 90% CL (their Eq. 89 with the CLs denominator 1/2 at the median).
 *  - Gaussian (the large-count limit of the same, b_k ≫ μ s_k):
 *      Δχ²(μ) = Σ_k (μ s_k)² / b_k,
 *    which with one bin is the seed paper's N_s/√N_b = √Δχ² (Sec. V).
 *
 * Both are sums of jointly convex, positively homogeneous functions of
 * (s_k, b_k), hence subadditive: splitting a bin never lowers the statistic,
 * so the binned limit is never weaker than the one-bin (counting) limit of the
 * same form, and equals it with one bin.
 */

/** Σ s_k²/b_k, the Gaussian statistic per unit μ²; bins with s_k = 0 add nothing. Throws if s_k > 0 where b_k = 0. */
export function gaussianInformation(signal: readonly number[], background: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < signal.length; k++) {
    const s = signal[k];
    if (s === 0) continue;
    if (!(background[k] > 0)) throw new RangeError(`the Gaussian form needs background > 0 in every bin with signal (bin ${k})`);
    sum += (s * s) / background[k];
  }
  return sum;
}

/** ε at the Gaussian limit: ε⁴ Σ s_k²/b_k = Δχ² (Infinity without signal). */
export function gaussianEpsilon(signal: readonly number[], background: readonly number[], deltaChi2: number): number {
  const info = gaussianInformation(signal, background);
  return info > 0 ? Math.pow(deltaChi2 / info, 0.25) : Infinity;
}

/** q_A(μ) of the Poisson likelihood on Asimov data (b_k = 0 bins give 2μ s_k). */
export function asimovQ(mu: number, signal: readonly number[], background: readonly number[]): number {
  let q = 0;
  for (let k = 0; k < signal.length; k++) {
    const x = mu * signal[k];
    if (x === 0) continue;
    const b = background[k];
    // x − b ln(1 + x/b) without cancellation when x ≪ b
    q += b > 0 ? x - b * Math.log1p(x / b) : x;
  }
  return 2 * q;
}

/** The signal strength μ with q_A(μ) = target (monotone in μ); Infinity without signal. */
export function asimovSignalStrength(signal: readonly number[], background: readonly number[], target: number): number {
  if (!signal.some((s) => s > 0)) return Infinity;
  let lo = 0;
  let hi = 1;
  while (asimovQ(hi, signal, background) < target) hi *= 2;
  while (asimovQ(hi / 2, signal, background) >= target && hi > 1e-300) hi /= 2;
  lo = hi / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (asimovQ(mid, signal, background) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** ε at the Poisson Asimov limit: ε² = μ (signals scale as ε²). */
export function asimovEpsilon(signal: readonly number[], background: readonly number[], target: number): number {
  return Math.sqrt(asimovSignalStrength(signal, background, target));
}

/**
 * Groups of adjacent bins, merged from the left until each group's background
 * reaches `minBackground` (the last group joins its neighbour if it falls
 * short): the Gaussian form is used only where the counts are large. Returns
 * the first bin of each group.
 */
export function mergeBins(background: readonly number[], minBackground: number): number[] {
  const starts: number[] = [];
  let acc = 0;
  let start = 0;
  for (let k = 0; k < background.length; k++) {
    acc += background[k];
    if (acc >= minBackground) {
      starts.push(start);
      start = k + 1;
      acc = 0;
    }
  }
  if (starts.length === 0) return [0];
  // a short tail joins the last complete group
  return starts;
}

/** Sums bins into the groups that start at `starts`. */
export function sumGroups(values: readonly number[], starts: readonly number[]): number[] {
  return starts.map((s, g) => {
    const end = g + 1 < starts.length ? starts[g + 1] : values.length;
    let sum = 0;
    for (let k = s; k < end; k++) sum += values[k];
    return sum;
  });
}
