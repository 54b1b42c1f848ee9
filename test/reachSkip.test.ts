/** computeReach's skipFailedMasses: a numerical failure at one mass is left out and reported, not fatal. */
import { describe, expect, it, vi } from 'vitest';

// A yield that fails at one mass, as an integral that does not converge would.
const BAD = 0.05;
vi.mock('../src/yields/annihilation.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/yields/annihilation.js')>();
  return {
    ...real,
    annihilationYield: (ctx: Parameters<typeof real.annihilationYield>[0], mass: number, options?: Parameters<typeof real.annihilationYield>[2]) => {
      if (mass === BAD) throw new Error('adaptive quadrature did not reach its tolerance');
      return real.annihilationYield(ctx, mass, options);
    },
  };
});

const { computeReach } = await import('../src/reach.js');
const { belle2 } = await import('../src/config/presets.js');

describe('computeReach with skipFailedMasses', () => {
  const masses = [0.01, BAD, 0.2];

  it('fails the whole scan by default', () => {
    expect(() => computeReach(belle2, masses, { includeEdges: false })).toThrow(/did not reach/);
  });

  it('leaves the failing mass out, lists it with its reason, and keeps the others', () => {
    const r = computeReach(belle2, masses, { includeEdges: false, skipFailedMasses: true });
    expect(r.points.map((p) => p.massGeV)).toEqual([0.01, 0.2]);
    expect(r.skipped).toEqual([{ massGeV: BAD, reason: 'adaptive quadrature did not reach its tolerance' }]);
    expect(r.points.map((p) => p.massGeV)).not.toContain(r.best.massGeV === BAD ? BAD : NaN);
  });

  it('still throws when no mass can be computed, and for a configuration error', () => {
    expect(() => computeReach(belle2, [BAD], { includeEdges: false, skipFailedMasses: true })).toThrow(/did not reach/);
    expect(() => computeReach({ ...belle2, lumi: -1 }, masses, { skipFailedMasses: true })).toThrow(/lumi/);
  });

  it('has no skipped list without the option', () => {
    expect(computeReach(belle2, [0.01], { includeEdges: false }).skipped).toBeUndefined();
  });
});
