/**
 * Bands of the expected limit, as HEP figures draw them around the median
 * (the ±1σ and ±2σ quantiles, Φ(±1) = 0.159/0.841, Φ(±2) = 0.023/0.977).
 *
 * Statistical band: the limit an experiment would set if it observed the
 * background-only count fluctuated by Nσ.
 *  - Collider (the paper's N_s/√N_b = √Δχ², an asymptotic Gaussian statistic with
 *    σ = √N_b): the asymptotic CLs upper limit at an observation N σ from the
 *    background (Cowan, Cranmer, Gross & Vitells, EPJC 71 (2011) 1554, Eq. 89 with
 *    μ′ = 0): s_N = σ [N + Φ⁻¹(1 − α Φ(N))]. α is the one of the paper's Δχ²,
 *    Φ⁻¹(1 − α/2) = √Δχ² (α = 0.0997 for 2.71), so at N = 0 this IS the expected
 *    limit √(Δχ² N_b): the median equals the curve exactly. CLs keeps s_N > 0 for
 *    downward fluctuations. Valid where N_b ≫ 1 (a warning below 10 events).
 *    This is for `statistics: deltaChi2`.
 *  - Poisson CLs (fixed targets, and colliders with `statistics: cls`, whose expected
 *    limit is the CLs limit at the median count, expectedCls.ts): the observed count
 *    n ~ Poisson(b); the quantiles of the limit are the CLs limits at the quantiles of
 *    n (the limit grows with n), a discrete band, as in published Poisson-limit projections.
 * Yields scale as ε², so a band of required signal counts s_N maps onto every mass
 * alike: ε_N(m) = ε(m) √(s_N / s₀).
 * Pure and browser-safe.
 */
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import type { AnyExperimentConfig } from '../config/schema.js';
import { poissonCdf, poissonUpperLimit } from './poisson.js';
import { requiredSignal } from './expectedLimit.js';
import { poissonMedian } from './expectedCls.js';

/** Φ(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a normal quantile needs 0 < p < 1, got ${p}`);
  return -Math.SQRT2 * erfcinv(2 * p);
}

/** The band's positions in σ, from −2σ to +2σ. */
export const BAND_SIGMAS = [-2, -1, 0, 1, 2] as const;
/** Their probabilities Φ(N). */
export const BAND_QUANTILES: readonly number[] = BAND_SIGMAS.map((n) => (n === 0 ? 0.5 : normalCdf(n)));

/** α of the collider's Δχ² criterion: Φ⁻¹(1 − α/2) = √Δχ². */
export function colliderAlpha(deltaChi2: number): number {
  return 2 * normalCdf(-Math.sqrt(deltaChi2));
}

/**
 * The collider's required signal at an observation N σ away from the background,
 * σ [N + Φ⁻¹(1 − α Φ(N))] with σ = √N_b; exactly √(Δχ² N_b) at N = 0.
 */
export function colliderSignalAt(background: number, deltaChi2: number, n: number): number {
  if (n === 0) return requiredSignal(background, deltaChi2);
  const alpha = colliderAlpha(deltaChi2);
  return Math.sqrt(background) * (n + normalQuantile(1 - alpha * normalCdf(n)));
}

/** The smallest n with P(N ≤ n | μ) ≥ q (the q-quantile of a Poisson count). */
export function poissonQuantile(q: number, mu: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`a quantile needs 0 < q < 1, got ${q}`);
  if (mu === 0) return 0;
  let lo = -1; // P(N ≤ lo) < q
  let hi = Math.ceil(mu + 10 * Math.sqrt(mu) + 10);
  while (poissonCdf(hi, mu) < q) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (poissonCdf(mid, mu) >= q) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface StatisticalBand {
  /** Signal counts the limit needs at −2σ, −1σ, median, +1σ, +2σ. */
  requiredSignal: number[];
  /** Observed counts at those quantiles (fixed target). */
  counts?: number[];
  warnings: string[];
}

/**
 * The required signal counts of the statistical band for a configuration and its
 * expected background; `expected` is the required signal the reach used (its
 * median for a collider, returned as is so the median curve equals it exactly).
 */
export function statisticalBand(config: AnyExperimentConfig, background: number, expected: number): StatisticalBand {
  const warnings: string[] = [];
  if (config.kind === 'fixedTarget' || config.statistics === 'cls') {
    // The median count is expectedCls.ts's poissonMedian, so a collider's median band is its expected limit exactly.
    const counts = BAND_QUANTILES.map((q, i) => (i === 2 ? poissonMedian(background) : poissonQuantile(q, background)));
    const signal = counts.map((n) => poissonUpperLimit(n, background, config.confidenceLevel));
    if (config.kind === 'fixedTarget' && counts[2] !== config.observedEvents) {
      warnings.push(
        `the reach uses observedEvents = ${config.observedEvents}, the band is the expected one around the background-only median count ${counts[2]} ` +
          `(b = ${background}); its median is the limit for ${counts[2]} events`,
      );
    }
    if (config.kind !== 'fixedTarget') signal[2] = expected;
    return { requiredSignal: signal, counts, warnings };
  }
  if (background < 10) {
    warnings.push(`the statistical band uses the Gaussian (asymptotic) statistic of the limit, which needs N_b ≫ 1; here N_b = ${background.toPrecision(3)}`);
  }
  const signal = BAND_SIGMAS.map((n) => (n === 0 ? expected : colliderSignalAt(background, config.deltaChi2, n)));
  return { requiredSignal: signal, warnings };
}

/** The q-quantile of sorted numbers (linear between order statistics, Hyndman & Fan type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('a quantile of no numbers');
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}
