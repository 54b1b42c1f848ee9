/**
 * The source's normalisation (collider luminosity, particles on target) scales dN/dE, the
 * lines' counts and the total linearly, so every table (F of Eq. 11, G(s), the
 * Doppler-smeared source) and every yield built on them is linear in it: at normalisation
 * L each value and each error bound is L × the one at unit normalisation. The tables are
 * built once (at the reference normalisation) and scaled, so this holds to rounding.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, belle2, withOverrides, yieldContext, type AnyExperimentConfig } from '../../src/index.js';
import { clearTableCache, tableKey } from '../../src/yields/context.js';
import { annihilationYield } from '../../src/yields/annihilation.js';
import { bremsstrahlungYield } from '../../src/yields/bremsstrahlung.js';
import { radiativeYield } from '../../src/yields/radiative.js';
import type { QuadratureResult } from '../../src/numeric/gaussKronrod.js';

const ROUNDING = 1e-12;

/** |a − L·b| ≤ tol·|L·b| (both zero passes). */
function expectScaled(a: number, b: number, L: number, what: string): void {
  const want = L * b;
  if (want === 0) expect(a, what).toBe(0);
  else expect(Math.abs(a - want) / Math.abs(want), `${what}: ${a} vs ${L} × ${b}`).toBeLessThan(ROUNDING);
}

/** Error estimates are differences of nearly equal sums: their rounding is relative to the value. */
function expectYieldScaled(a: QuadratureResult, b: QuadratureResult, L: number, what: string): void {
  expectScaled(a.value, b.value, L, `${what} value`);
  expect(Math.abs(a.error - L * b.error), `${what} error: ${a.error} vs ${L} × ${b.error}`).toBeLessThanOrEqual(
    ROUNDING * (Math.abs(L * b.value) + Math.abs(L * b.error)),
  );
  expect(a.error > 0, `${what} error > 0`).toBe(b.error > 0);
}

function unit(config: AnyExperimentConfig, L: number): [AnyExperimentConfig, AnyExperimentConfig] {
  return config.kind === 'fixedTarget'
    ? [withOverrides(config, { particlesOnTarget: L }), withOverrides(config, { particlesOnTarget: 1 })]
    : [withOverrides(config, { lumi: L }), withOverrides(config, { lumi: 1 })];
}

const cases: [string, AnyExperimentConfig, number, number[]][] = [
  ['belle2 (moving e−, γA′ on)', belle2, 37.3, [0.005, 0.03, 0.0667, 0.072, 0.08, 0.2]],
  ['na64-2019 (e− line, moving e−, γA′ on)', EXPERIMENTS['na64-2019'].config, 2.84e11, [0.01, 0.1, 0.3]],
  ['na64-eplus-2022 (e+ line with a spread)', EXPERIMENTS['na64-eplus-2022'].config, 1.01e10, [0.1, 0.2, 0.225, 0.3]],
];

describe('tables and yields are linear in the source normalisation (closed scaling law)', () => {
  for (const [name, config, L, masses] of cases) {
    it(`${name}: at normalisation ${L}, every table value and yield is ${L} × the unit one`, () => {
      clearTableCache();
      const [atL, atOne] = unit(config, L);
      expect(tableKey(atL)).toBe(tableKey(atOne));
      const a = yieldContext(atL);
      const b = yieldContext(atOne);
      const [Fa, Fb] = [a.annihilationKernel(), b.annihilationKernel()];
      // F is the continuum's (a line's kernel is closed: movingElectrons.ts, annihilation.ts)
      if (b.spectrum.continuous) expectScaled(Fa.absError, Fb.absError, L, 'F absError');
      for (const x of b.spectrum.continuous ? [0.05, 0.2, 0.5, 0.8, 0.95] : []) {
        const eA = Fb.start + x * (Fb.end - Fb.start);
        expectScaled(Fa.at(eA), Fb.at(eA), L, `F(${eA})`);
        expectScaled(Fa.errorAt(eA), Fb.errorAt(eA), L, `F error at ${eA}`);
        expectScaled(Fa.nearStart.at(eA), Fb.nearStart.at(eA), L, `F near start at ${eA}`);
      }
      const [Ga, Gb] = [a.movingElectronKernel(), b.movingElectronKernel()];
      expect(Ga.relError).toBe(Gb.relError);
      for (const x of [0.01, 0.1, 0.3, 0.6, 0.9]) {
        const s = Gb.sLo + x * (Gb.sHi - Gb.sLo);
        expectScaled(Ga.at(s), Gb.at(s), L, `G(${s})`);
        expectScaled(Ga.absErrorAt(s), Gb.absErrorAt(s), L, `G error at ${s}`);
      }
      const [Da, Db] = [a.dopplerSource(), b.dopplerSource()];
      expectScaled(Da.total, Db.total, L, 'Doppler total');
      for (const x of [0.001, 0.1, 0.4, 0.7, 0.99]) {
        const E = Db.energyMin + x * (Db.energyMax - Db.energyMin);
        expectScaled(Da.dNdE(E), Db.dNdE(E), L, `dÑ/dE(${E})`);
        expectScaled(Da.errorAt(E), Db.errorAt(E), L, `dÑ/dE error at ${E}`);
      }
      for (const m of masses) {
        expectYieldScaled(annihilationYield(a, m), annihilationYield(b, m), L, `annihilation at ${m}`);
        expectYieldScaled(bremsstrahlungYield(a, m), bremsstrahlungYield(b, m), L, `bremsstrahlung at ${m}`);
        expectYieldScaled(radiativeYield(a, m), radiativeYield(b, m), L, `γA′ at ${m}`);
      }
    });
  }

  it('a view never shares the Doppler source’s quadrature rules with another normalisation', () => {
    clearTableCache();
    const a = yieldContext(withOverrides(belle2, { lumi: 3 }));
    const b = yieldContext(withOverrides(belle2, { lumi: 7 }));
    const c = yieldContext(withOverrides(belle2, { lumi: 3, alphaD: 0.2 }));
    radiativeYield(a, 0.005);
    expect(a.dopplerSource().cache.size).toBeGreaterThan(0);
    expect(b.dopplerSource().cache).not.toBe(a.dopplerSource().cache);
    expect(b.dopplerSource().cache.size).toBe(0);
    // the same normalisation shares them (and its view)
    expect(c.dopplerSource()).toBe(a.dopplerSource());
    expectYieldScaled(radiativeYield(b, 0.005), radiativeYield(a, 0.005), 7 / 3, 'γA′ at 5 MeV, lumi 7 vs 3');
  });
});
