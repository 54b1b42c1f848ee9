/**
 * Brent's minimiser against minima known in closed form.
 *
 * Attainable accuracy (hand estimate): near a smooth minimum f(x) ≈ f* + f''(x − x*)²/2,
 * and points closer than √(2ε|f*|/f'') cannot be told apart in double precision;
 * Brent's own stopping rule is 2(√ε|x| + xTol/3) ≈ 3e−8·|x|. Bounds below use 1e−7·max(1, |x*|).
 */
import { describe, expect, it } from 'vitest';
import { MinimizeError, minimizeScalar } from '../../src/numeric/minimize.js';

describe('minimizeScalar', () => {
  it('(x − 1)² on [−3, 5]: x = 1, f = 0, with parabolic (not golden-section) speed', () => {
    let calls = 0;
    const r = minimizeScalar((x) => (calls++, (x - 1) ** 2), -3, 5);
    expect(Math.abs(r.x - 1)).toBeLessThan(1e-7);
    expect(r.fx).toBeLessThan(1e-14);
    expect(r.evaluations).toBe(calls);
    // golden section alone needs ln(8 / 3e−8)/ln(1.618) ≈ 40 steps to shrink the bracket that far
    expect(r.evaluations).toBeLessThan(20);
  });

  it('cos x on [2, 4]: x = π, f = −1', () => {
    const r = minimizeScalar(Math.cos, 2, 4);
    expect(Math.abs(r.x - Math.PI)).toBeLessThan(1e-7 * Math.PI);
    expect(r.fx).toBe(-1); // cos(π + δ) = −1 + δ²/2 rounds to −1 for |δ| < 1e−8
  });

  it('the bracket may be given in either order', () => {
    const r = minimizeScalar(Math.cos, 4, 2);
    expect(Math.abs(r.x - Math.PI)).toBeLessThan(1e-7 * Math.PI);
  });

  it('|x − 0.3| on [0, 1]: a cusp, where parabolas do not help', () => {
    const r = minimizeScalar((x) => Math.abs(x - 0.3), 0, 1);
    expect(Math.abs(r.x - 0.3)).toBeLessThan(1e-7);
    expect(r.fx).toBe(Math.abs(r.x - 0.3));
  });

  it('an asymmetric cusp, 5(0.7 − x) left and (x − 0.7) right, on [−2, 1]', () => {
    const r = minimizeScalar((x) => (x < 0.7 ? 5 * (0.7 - x) : x - 0.7), -2, 1);
    expect(Math.abs(r.x - 0.7)).toBeLessThan(1e-7);
  });

  it('a minimum at the lower end: (x + 1)² on [0, 3] gives x = 0 exactly', () => {
    const r = minimizeScalar((x) => (x + 1) ** 2, 0, 3);
    expect(r.x).toBe(0);
    expect(r.fx).toBe(1);
  });

  it('a minimum at the upper end: −x on [1, 2] gives x = 2 exactly', () => {
    const r = minimizeScalar((x) => -x, 1, 2);
    expect(r.x).toBe(2);
    expect(r.fx).toBe(-2);
  });

  it('a loose xTol is respected: x within 2(√ε|x| + xTol/3) of the minimum', () => {
    // minimum of (x − 2)² + 0.1 (x − 2)⁴ at x = 2
    const xTol = 1e-3;
    const r = minimizeScalar((x) => (x - 2) ** 2 + 0.1 * (x - 2) ** 4, 0, 10, { xTol });
    expect(Math.abs(r.x - 2)).toBeLessThan(2 * (Math.sqrt(Number.EPSILON) * 2 + xTol / 3));
  });

  it('a NaN value, an exhausted budget and bad arguments throw', () => {
    expect(() => minimizeScalar(() => NaN, 0, 1)).toThrow(/NaN at x = /);
    expect(() => minimizeScalar((x) => Math.abs(x - 0.3), 0, 1, { maxEvaluations: 5 })).toThrow(MinimizeError);
    expect(() => minimizeScalar(Math.cos, 2, 2)).toThrow(RangeError);
    expect(() => minimizeScalar(Math.cos, 2, Infinity)).toThrow(RangeError);
    expect(() => minimizeScalar(Math.cos, 2, 4, { xTol: 0 })).toThrow(RangeError);
  });
});
