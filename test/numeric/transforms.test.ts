/**
 * integrateLogSingularAt0 against closed forms, and the reason it exists: the
 * plain adaptive integrator with a cut-off misses a measurable part of a
 * 1/(u ln²u) integral.
 */
import { describe, expect, it } from 'vitest';
import { QuadratureError, integrate } from '../../src/numeric/gaussKronrod.js';
import { integrateLogSingularAt0 } from '../../src/numeric/transforms.js';

/**
 * Exponential integral E1(x) by its power series (Abramowitz & Stegun 5.1.11):
 * E1(x) = −γ − ln x − Σ_{k≥1} (−x)^k / (k·k!). Terms peak near 1.5 at x = 3, so
 * the sum keeps ~1e−15 absolute accuracy for the x ≤ 5 used here.
 */
function expint1(x: number): number {
  const eulerGamma = 0.5772156649015329;
  let sum = 0;
  let term = 1;
  for (let k = 1; k < 200; k++) {
    term *= -x / k; // (−x)^k / k!
    sum += term / k;
  }
  return -eulerGamma - Math.log(x) - sum;
}

describe('integrateLogSingularAt0', () => {
  const uMax = 0.05;
  const L = Math.log(1 / uMax); // ln 20

  it('∫_0^{uMax} du/(u ln²u) = 1/ln(1/uMax): constant in w, exact in one panel', () => {
    const r = integrateLogSingularAt0((_u, lnU) => 1 / (lnU * lnU), uMax);
    expect(r.value).toBeCloseTo(1 / L, 15);
    expect(r.evaluations).toBe(21);
    // E1 sanity: A&S Table 5.1 gives E1(1) = 0.219383934395520
    expect(expint1(1)).toBeCloseTo(0.21938393439552, 14);
  });

  it('∫_0^{uMax} (1 + u)/(u ln²u) du = 1/ln(1/uMax) + li(uMax) − uMax/ln uMax', () => {
    // ∫ du/ln²u = li(u) − u/ln u (differentiate: 1/ln u − 1/ln u + 1/ln²u), which → 0 at u = 0;
    // li(uMax) = Ei(ln uMax) = −E1(ln(1/uMax)) for uMax < 1.
    const exact = 1 / L - expint1(L) + uMax / L;
    const r = integrateLogSingularAt0((u, lnU) => (1 + u) / (lnU * lnU), uMax, { relTol: 1e-12 });
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(1e-12 * exact);
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(Math.max(r.error, 1e-16));
  });

  it('∫_0^{uMax} u^{−1/2} du = 2√uMax (u·f = √u underflows harmlessly)', () => {
    for (const um of [0.05, 0.5, 0.999]) {
      const r = integrateLogSingularAt0((_u, lnU) => Math.exp(lnU / 2), um);
      expect(Math.abs(r.value - 2 * Math.sqrt(um))).toBeLessThanOrEqual(1e-8 * 2 * Math.sqrt(um));
      expect(Math.abs(r.value - 2 * Math.sqrt(um))).toBeLessThanOrEqual(r.error);
    }
  });

  it('∫_0^{uMax} ln u du = uMax (ln uMax − 1)', () => {
    const exact = uMax * (Math.log(uMax) - 1);
    const r = integrateLogSingularAt0((u, lnU) => u * lnU, uMax);
    expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(1e-8 * Math.abs(exact));
  });

  it('maps breakpoints given in u: a jump of 1/(u ln²u) at u = 1e−3', () => {
    // f = 1/(u ln²u) for u < c, 2/(u ln²u) above: ∫ = 1/ln(1/c) + 2[1/ln(1/uMax) − 1/ln(1/c)]
    const c = 1e-3;
    const exact = 1 / Math.log(1 / c) + 2 * (1 / L - 1 / Math.log(1 / c));
    const r = integrateLogSingularAt0((u, lnU) => (u < c ? 1 : 2) / (lnU * lnU), uMax, { points: [c] });
    expect(r.value).toBeCloseTo(exact, 14);
    expect(r.intervals).toBe(2);
  });

  it('the plain integrator with a cut-off at u = 1e−15 misses 1/ln(1e15) = 8.7% of ∫_0^{0.05} du/(u ln²u)', () => {
    // Total: 1/ln 20 = 0.333808. Below the cut: ∫_0^{1e−15} = 1/ln(1e15) = 1/34.539 = 0.028953,
    // i.e. ln 20 / ln 1e15 = 0.08674 of the total — while the plain result claims ~1e−9 accuracy.
    const f = (u: number) => 1 / (u * Math.log(u) ** 2);
    const plain = integrate(f, 1e-15, uMax);
    const full = integrateLogSingularAt0((_u, lnU) => 1 / (lnU * lnU), uMax);
    const missed = full.value - plain.value;
    expect(missed).toBeCloseTo(1 / Math.log(1e15), 9);
    expect(missed / full.value).toBeCloseTo(0.08674, 4);
    expect(missed).toBeGreaterThan(1e6 * plain.error);
  });

  it('the plain integrator from u = 0 fails where f overflows at subnormal u', () => {
    expect(() => integrate((u) => 1 / (u * Math.log(u) ** 2), 0, uMax)).toThrow(QuadratureError);
  });

  it('a non-finite u·f(u) throws, naming u', () => {
    expect(() => integrateLogSingularAt0((u) => (u > 0.01 ? NaN : u), uMax)).toThrow(/NaN at u = 0\.0[1-4]/);
  });

  it('rejects uMax outside (0, 1)', () => {
    for (const bad of [0, -0.1, 1, 2, NaN]) {
      expect(() => integrateLogSingularAt0((u) => u, bad)).toThrow(RangeError);
    }
  });
});
