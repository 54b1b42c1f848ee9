/**
 * Product integration (numeric/productRule.ts) against closed forms: ∫ p(t) W(t) dt for
 * polynomial p and a weight with a kink, over the whole range and over sub-ranges whose
 * ends cut W's panels; sumPair against two separate sums.
 */
import { describe, expect, it } from 'vitest';
import { weightedRule } from '../../src/numeric/productRule.js';

// W(t) = e^{−t} on [0, 1], e^{−1}(2 − t) on [1, 2]: a kink at t = 1, given as a point
const W = (t: number) => (t <= 1 ? Math.exp(-t) : Math.exp(-1) * (2 - t));
/** ∫_a^b t W(t) dt, closed form. */
function firstMoment(a: number, b: number): number {
  // ∫ t e^{−t} = −(t + 1)e^{−t}; ∫ t(2 − t) = t² − t³/3
  const left = (x: number) => -(x + 1) * Math.exp(-x);
  const right = (x: number) => Math.exp(-1) * (x * x - (x * x * x) / 3);
  let sum = 0;
  if (a < 1) sum += left(Math.min(b, 1)) - left(a);
  if (b > 1) sum += right(b) - right(Math.max(a, 1));
  return sum;
}

describe('weightedRule', () => {
  const rule = weightedRule(W, 0, 2, { relTol: 1e-12, points: [1] });

  it('integrates p(t) = t against W to the rule’s tolerance, over the range and over sub-ranges cutting its panels', () => {
    for (const [a, b] of [
      [0, 2],
      [0.3, 1.7],
      [0.123, 0.456],
      [1.01, 1.99],
    ]) {
      const r = rule.sum(a, b, (t) => t);
      expect(Math.abs(r.value / firstMoment(a, b) - 1), `[${a}, ${b}]`).toBeLessThan(1e-11);
    }
  });

  it('sumPair gives the two sums of sum, h reading what g left at the same node', () => {
    for (const [a, b] of [
      [0, 2],
      [0.3, 1.7],
    ]) {
      let last = NaN;
      const pair = rule.sumPair(
        a,
        b,
        (t) => (last = t * t),
        (t) => {
          expect(last).toBe(t * t);
          return Math.abs(last - 1);
        },
      );
      const g = rule.sum(a, b, (t) => t * t);
      const h = rule.sum(a, b, (t) => Math.abs(t * t - 1));
      expect(pair.value).toBe(g.value);
      expect(pair.error).toBe(g.error);
      expect(pair.value2).toBe(h.value);
      expect(pair.error2).toBe(h.error);
    }
  });
});
