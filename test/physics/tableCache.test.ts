/**
 * The mass-independent tables (Eq. 11's kernel F, the moving-electron kernel G, the
 * Doppler-smeared source) are shared between contexts whose configurations agree on
 * every field the tables read, and rebuilt when one of those changes.
 */
import { describe, expect, it } from 'vitest';
import { belle2, withOverrides, yieldContext } from '../../src/index.js';
import { clearTableCache } from '../../src/yields/context.js';
import { annihilationYield } from '../../src/yields/annihilation.js';
import { radiativeYield } from '../../src/yields/radiative.js';

describe('mass-independent tables across configurations', () => {
  it('are reused when only the signal model or the statistics change', () => {
    const a = yieldContext(belle2);
    const b = yieldContext(withOverrides(belle2, { alphaD: 0.01, statistics: 'deltaChi2' }));
    expect(b.annihilationKernel()).toBe(a.annihilationKernel());
    expect(b.movingElectronKernel()).toBe(a.movingElectronKernel());
    expect(b.dopplerSource()).toBe(a.dopplerSource());
  });

  it('are scaled, not rebuilt, for another luminosity: twice the luminosity, twice every yield', () => {
    const a = yieldContext(belle2);
    const b = yieldContext(withOverrides(belle2, { lumi: 2 * belle2.lumi }));
    const b2 = yieldContext(withOverrides(belle2, { lumi: 2 * belle2.lumi, alphaD: 0.3 }));
    // a view of its own (the Doppler source's quadrature rules are per normalisation), shared at the same luminosity
    expect(b.dopplerSource()).not.toBe(a.dopplerSource());
    expect(b2.dopplerSource()).toBe(b.dopplerSource());
    const F = a.annihilationKernel();
    const eA = 0.5 * (F.start + F.end);
    expect(F.at(eA)).toBeGreaterThan(0);
    expect(b.annihilationKernel().at(eA)).toBe(2 * F.at(eA));
    for (const m of [0.06, 0.07, 0.09]) {
      expect(annihilationYield(b, m).value / annihilationYield(a, m).value).toBeCloseTo(2, 8);
      expect(radiativeYield(b, m).value / radiativeYield(a, m).value).toBeCloseTo(2, 8);
    }
  });

  it('are rebuilt when a field they read changes', () => {
    const a = yieldContext(belle2);
    const c = yieldContext(withOverrides(belle2, { energyCut: 0.1 }));
    expect(c.annihilationKernel()).not.toBe(a.annihilationKernel());
    expect(c.annihilationKernel().start).toBeLessThan(a.annihilationKernel().start);
  });

  it('give the same yields bit for bit whatever was computed before (a scan in one process = its shards)', () => {
    clearTableCache();
    const fresh = radiativeYield(yieldContext(belle2), 0.02).value;
    clearTableCache();
    const ctx = yieldContext(belle2);
    for (const m of [0.005, 0.011, 0.017, 0.03]) radiativeYield(ctx, m);
    expect(radiativeYield(yieldContext(withOverrides(belle2, { alphaD: 0.5 })), 0.02).value).toBe(fresh);
  });
});
