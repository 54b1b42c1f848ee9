/**
 * The Poisson CLs limit against closed forms and published tables: n = 0
 * (−ln(1 − CL) for any b), b = 0 (the classical limit, PDG Table 40.3 and the
 * χ² quantile), n = 1 and 2 (closed-form CLs), the Gaussian limit of large
 * counts, and sums that underflow in linear space.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import { logCls, logPoissonCdf, logPoissonPmf, poissonCdf, poissonUpperLimit } from '../../src/statistics/poisson.js';

/** ln Σ_{k≤n} e^{−μ} μ^k / k!, summed term by term with log-sum-exp (an independent reference). */
function directLogCdf(n: number, mu: number): number {
  const logs = Array.from({ length: n + 1 }, (_, k) => -mu + k * Math.log(mu) - gammaln(k + 1));
  const top = Math.max(...logs);
  return top + Math.log(logs.reduce((s, l) => s + Math.exp(l - top), 0));
}

describe('Poisson probabilities in log space', () => {
  it('the pmf and cdf match direct sums where those do not underflow', () => {
    for (const [n, mu] of [[0, 3], [1, 0.5], [7, 7], [50, 30], [30, 50], [200, 201]] as const) {
      expect(logPoissonCdf(n, mu)).toBeCloseTo(directLogCdf(n, mu), 11);
      expect(logPoissonPmf(n, mu)).toBeCloseTo(-mu + n * Math.log(mu) - gammaln(n + 1), 11);
    }
    expect(poissonCdf(2, 1.5)).toBeCloseTo(Math.exp(-1.5) * (1 + 1.5 + 1.125), 14);
  });

  it('stays finite and accurate where e^{−μ} underflows (μ > 745)', () => {
    expect(logPoissonCdf(1000, 2000)).toBeCloseTo(directLogCdf(1000, 2000), 8);
    expect(logPoissonCdf(1000, 1000)).toBeCloseTo(directLogCdf(1000, 1000), 10);
    expect(logPoissonCdf(0, 1e6)).toBe(-1e6);
    expect(logPoissonCdf(5, 0)).toBe(0);
  });
});

describe('CLs upper limit', () => {
  it('n = 0 gives −ln(1 − CL) whatever the background', () => {
    for (const cl of [0.68, 0.9, 0.95])
      for (const b of [0, 0.53, 3, 1e3, 1e9]) expect(poissonUpperLimit(0, b, cl)).toBeCloseTo(-Math.log(1 - cl), 12);
  });

  it('b = 0 reproduces the classical Poisson limits of PDG Table 40.3', () => {
    const cl90 = [2.3, 3.89, 5.32, 6.68, 7.99, 9.27, 10.53, 11.77, 13.0, 14.21, 15.41];
    const cl95 = [3.0, 4.74, 6.3, 7.75, 9.15, 10.51, 11.84, 13.15, 14.43, 15.71, 16.96];
    // the table gives two decimals (9.27 for 9.2745…): within 0.006
    cl90.forEach((v, n) => expect(Math.abs(poissonUpperLimit(n, 0, 0.9) - v)).toBeLessThan(0.006));
    cl95.forEach((v, n) => expect(Math.abs(poissonUpperLimit(n, 0, 0.95) - v)).toBeLessThan(0.006));
  });

  it('n = 1 and n = 2 solve the closed-form CLs equations', () => {
    const cls1 = (s: number, b: number) => (Math.exp(-s) * (1 + s + b)) / (1 + b);
    const cls2 = (s: number, b: number) => {
      const q = (m: number) => 1 + m + (m * m) / 2;
      return (Math.exp(-s) * q(s + b)) / q(b);
    };
    for (const b of [0, 0.53, 2, 10, 100]) {
      expect(cls1(poissonUpperLimit(1, b, 0.9), b)).toBeCloseTo(0.1, 12);
      expect(cls2(poissonUpperLimit(2, b, 0.95), b)).toBeCloseTo(0.05, 12);
    }
  });

  it('observed = background = n large tends to the Gaussian limit s = z √b with Φ(−z) = (1 − CL)/2', () => {
    const z = 1.6448536269514722; // Φ⁻¹(0.95)
    for (const n of [1e6, 1e8]) {
      const s = poissonUpperLimit(n, n, 0.9);
      expect(Math.abs(s / (z * Math.sqrt(n)) - 1)).toBeLessThan(5 / Math.sqrt(Math.sqrt(n)) / 10);
    }
  });

  it('b = 0 and large n follow the χ² quantile ½ χ²_{2(n+1)}(CL) (Wilson–Hilferty)', () => {
    const z = 1.2815515655446004; // Φ⁻¹(0.9)
    for (const n of [1e4, 1e6, 1e9]) {
      const k = 2 * (n + 1);
      const chi2 = k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
      expect(poissonUpperLimit(n, 0, 0.9) / (chi2 / 2)).toBeCloseTo(1, 7);
    }
  });

  it('a sane limit for the underflowing cases of issue 10 (n = b = 1000, n = 10⁹)', () => {
    const s = poissonUpperLimit(1000, 1000, 0.9);
    expect(s).toBeGreaterThan(1.6 * Math.sqrt(1000));
    expect(s).toBeLessThan(1.8 * Math.sqrt(1000));
    expect(logCls(1000, 1000, s)).toBeCloseTo(Math.log(0.1), 10);
    const big = poissonUpperLimit(1e9, 1e9, 0.9);
    expect(logCls(1e9, 1e9, big)).toBeCloseTo(Math.log(0.1), 6);
  });

  it('many fewer events than background: CLs → e^{−s(1 − n/b)}', () => {
    expect(poissonUpperLimit(1e9, 2e9, 0.9)).toBeCloseTo(2 * Math.log(10), 4);
    expect(poissonUpperLimit(3, 1e12, 0.9)).toBeCloseTo(Math.log(10), 6);
  });

  it('rejects what has no meaning', () => {
    expect(() => poissonUpperLimit(1.5, 0, 0.9)).toThrow(RangeError);
    expect(() => poissonUpperLimit(1, -1, 0.9)).toThrow(RangeError);
    expect(() => poissonUpperLimit(1, Infinity, 0.9)).toThrow(RangeError);
    expect(() => poissonUpperLimit(1, 0, 1)).toThrow(RangeError);
  });
});
