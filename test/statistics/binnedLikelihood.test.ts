/**
 * The binned likelihood's limits against closed forms: one bin is the seed's
 * N_s/√N_b = √Δχ²; more bins never weaken it (Cauchy–Schwarz for the Gaussian
 * form, subadditivity for the Poisson one); the Poisson Asimov statistic tends
 * to the Gaussian for large backgrounds and to 2μs without background.
 */
import { describe, expect, it } from 'vitest';
import {
  asimovEpsilon,
  asimovQ,
  asimovSignalStrength,
  gaussianEpsilon,
  mergeBins,
  sumGroups,
} from '../../src/statistics/binnedLikelihood.js';

describe('binned likelihood', () => {
  it('one bin: the Gaussian form is N_s/√N_b = √Δχ², ε = (Δχ² N_b)^{1/4}/√N_s', () => {
    for (const [s, b] of [[1e9, 91.48], [3e4, 1], [5, 1e6]]) {
      expect(gaussianEpsilon([s], [b], 2.71)).toBeCloseTo(Math.sqrt(Math.sqrt(2.71 * b) / s) , 14);
    }
  });

  it('splitting bins never weakens the limit (Cauchy–Schwarz), and equal shapes change nothing', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rnd() * 12);
      const s = Array.from({ length: n }, () => rnd() * 100);
      const b = Array.from({ length: n }, () => 0.1 + rnd() * 50);
      const S = s.reduce((x, y) => x + y, 0);
      const B = b.reduce((x, y) => x + y, 0);
      expect(gaussianEpsilon(s, b, 2.71)).toBeLessThanOrEqual(gaussianEpsilon([S], [B], 2.71) * (1 + 1e-12));
      expect(asimovEpsilon(s, b, 2.71)).toBeLessThanOrEqual(asimovEpsilon([S], [B], 2.71) * (1 + 1e-9));
    }
    const b = [10, 20, 30];
    expect(gaussianEpsilon(b.map((x) => 2 * x), b, 2.71)).toBeCloseTo(gaussianEpsilon([120], [60], 2.71), 12);
  });

  it('Poisson Asimov: q_A → (μs)²/b for b ≫ μs, and 2μs without background', () => {
    expect(asimovQ(1, [1], [1e6]) / (1 / 1e6)).toBeCloseTo(1, 5);
    expect(asimovQ(3, [2], [0])).toBe(12);
    expect(asimovSignalStrength([1], [0], 2.71)).toBeCloseTo(2.71 / 2, 12);
    // large background: the Gaussian limit
    expect(asimovEpsilon([1e9], [1e8], 2.71) / gaussianEpsilon([1e9], [1e8], 2.71)).toBeCloseTo(1, 3);
    // the median expected CLs limit at 90% CL for b = 0 is μs = 2.71/2 = 1.355 (√q_A = 1.645)
  });

  it('merges adjacent bins until each has the minimum background', () => {
    expect(mergeBins([3, 4, 5, 20, 1, 1], 10)).toEqual([0, 3]);
    expect(sumGroups([3, 4, 5, 20, 1, 1], [0, 3])).toEqual([12, 22]);
    expect(mergeBins([1, 1], 10)).toEqual([0]);
    expect(mergeBins([50, 50], 10)).toEqual([0, 1]);
  });
});
