/**
 * The mass grid of a curve's exact-tree-level A′-strahlung (src/yields/massGrid.ts):
 * interpolation in ln m against closed forms (its error estimate must cover the
 * actual error), fall-back to the direct yield where a node is unavailable
 * (a kinematically closed channel stays exactly zero), sharing of the nodes,
 * and the NA64 ETL yield interpolated against the directly computed one.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, withOverrides, yieldContext } from '../../src/index.js';
import { bremsstrahlungYield } from '../../src/yields/bremsstrahlung.js';
import { INTERPOLATION_TOL, interpolatedInMass } from '../../src/yields/massGrid.js';
import type { QuadratureResult } from '../../src/numeric/gaussKronrod.js';

const exact = (value: number): QuadratureResult => ({ value, error: 0, evaluations: 1, intervals: 1, converged: true });

describe('interpolatedInMass', () => {
  // N(m) = ln(1/m)^{3/2}/m² · (1 + m)^{-4}: the shape of an A′-strahlung yield (1/m², logs, a form-factor fall)
  const N = (m: number) => Math.log(1 / m) ** 1.5 / (m * m) / (1 + m) ** 4;
  const masses = Array.from({ length: 40 }, (_, i) => 1.3e-3 * Math.exp(i * 0.15));

  it('reproduces a smooth yield within its own error estimate, which stays below the tolerance', () => {
    const owner = {};
    for (const m of masses) {
      const r = interpolatedInMass(owner, 'N', m, (x) => exact(N(x)));
      const actual = Math.abs(r.value - N(m));
      expect(actual).toBeLessThanOrEqual(r.error);
      expect(r.error / r.value).toBeLessThanOrEqual(Math.expm1(INTERPOLATION_TOL) * 1.0001);
    }
  });

  it('computes each grid node once for a whole curve', () => {
    const owner = {};
    let calls = 0;
    for (const m of masses) interpolatedInMass(owner, 'N', m, (x) => (calls++, exact(N(x))));
    // 40 masses over 5.85 in ln m, nodes 8 per decade (ln 10 / 8 = 0.29 apart): fewer nodes than masses
    expect(calls).toBeLessThan(masses.length);
    const first = calls;
    for (const m of masses) interpolatedInMass(owner, 'N', m * 1.01, (x) => (calls++, exact(N(x))));
    expect(calls - first).toBeLessThan(4); // a shifted curve reuses the nodes
  });

  it('falls back to the direct value where the channel closes (exactly zero stays zero)', () => {
    const owner = {};
    const closing = (m: number) => (m < 0.5 ? N(m) * (0.5 - m) : 0);
    expect(interpolatedInMass(owner, 'c', 0.6, (x) => exact(closing(x))).value).toBe(0);
    // just below the closure the nodes above it are zero: the direct value is used
    expect(interpolatedInMass(owner, 'c', 0.45, (x) => exact(closing(x))).value).toBe(closing(0.45));
  });

  it('passes on the largest relative error of the nodes it uses', () => {
    const owner = {};
    const r = interpolatedInMass(owner, 'e', 0.0123, (x) => ({ ...exact(N(x)), error: 0.01 * N(x) }));
    expect(r.error / r.value).toBeGreaterThanOrEqual(0.01);
  });
});

describe('NA64 exact-tree-level A′-strahlung on the mass grid', () => {
  it('agrees with the directly computed yield within the interpolation tolerance', () => {
    const cfg = withOverrides(EXPERIMENTS['na64-2019'].config, { bremsstrahlungModel: 'etl' });
    const ctx = yieldContext(cfg);
    const m = 0.0421; // between grid nodes
    const direct = bremsstrahlungYield(ctx, m);
    const grid = bremsstrahlungYield(ctx, m, { massGrid: true });
    expect(Math.abs(grid.value - direct.value)).toBeLessThanOrEqual(grid.error + direct.error);
    // the tables' actual errors are far below their stated 1 %: what remains is the interpolation's
    expect(Math.abs(grid.value / direct.value - 1)).toBeLessThanOrEqual(2 * INTERPOLATION_TOL);
  }, 120_000);
});
