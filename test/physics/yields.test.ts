/** (Oracle-level: against the seed paper's model, preset belle2-paper.)
 *
 * Signal yields (Eqs. 11–12): the resonant annihilation against its
 * narrow-width limit (independent of α_D and m_χ), the tabulated kernel against
 * a direct evaluation, the numerical accuracy, and the edge.
 *
 * These check the seed paper's model (two channels): the preset belle2-paper.
 */
import { describe, expect, it } from 'vitest';
import { belle2_paper as belle2, computeYield, withOverrides, yieldContext } from '../../src/index.js';
import { annihilationYield, annihilationYieldNarrowWidth } from '../../src/yields/annihilation.js';
import { annihilationKernel } from '../../src/yields/annihilationKernel.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { integrateLogSingularAt0 } from '../../src/numeric/transforms.js';
import { trackLength } from '../../src/shower/trackLength.js';
import { electronMass } from '../../src/constants.js';

const EULER_GAMMA = 0.5772156649015329;
const ctx = yieldContext(belle2);
const mEdge = Math.sqrt(2 * electronMass * (ctx.spectrum.energyMin + electronMass));

describe('annihilation (Eq. 11)', () => {
  it('approaches the narrow-width limit n_e (2π²α/m_e) F(m²/2m_e) as Γ → 0, whatever α_D and m_χ', () => {
    for (const mass of [0.07, 0.075, 0.079]) {
      const limit = annihilationYieldNarrowWidth(ctx, mass);
      for (const [alphaD, massRatio] of [
        [1e-7, 3],
        [1e-8, 2.5],
        [1e-8, 5],
      ]) {
        const c = yieldContext(withOverrides(belle2, { alphaD, massRatio }));
        const exact = annihilationYield(c, mass, { relTol: 1e-7 });
        expect(Math.abs(exact.value / limit - 1)).toBeLessThan(2e-4);
      }
    }
  });

  it('at α_D = 1e−3 the finite width matters only near the edges of the resonance window', () => {
    const r = annihilationYield(ctx, 0.075).value / annihilationYieldNarrowWidth(ctx, 0.075);
    expect(Math.abs(r - 1)).toBeLessThan(0.01);
  });

  it('the tabulated kernel F(E_A′) equals a direct evaluation with the track length computed afresh', () => {
    // independent path: plain E integral, τ from trackLength() (no table), singular end by the log transform
    const { energyMin, energyMax, dNdE } = ctx.spectrum;
    const X0 = ctx.target.X0;
    for (const eA of [4.2, energyMin + electronMass + 0.01, 5.5, 6.5]) {
      const eP = eA - electronMass;
      const eHi = Math.min(energyMax, eA / 0.95);
      const rest = (u: number) => (dNdE(eP / (1 - u)) * X0) / (1 - u);
      const g = (u: number) => trackLength(u, 16, 1e-10) * rest(u);
      let direct: number;
      if (eP >= energyMin) {
        // u·τ(u); where u underflows, its asymptotic series (1 + 2γ/ln(1/u))/(b1 ln²u), from 1/Γ(1 + z) = 1 + γz + …
        const uTau = (u: number, lnU: number) =>
          u > 1e-300 ? u * trackLength(u, 16, 1e-10) : (1 - (2 * EULER_GAMMA) / lnU) / ((4 / 3) * lnU * lnU);
        direct = integrateLogSingularAt0((u, lnU) => uTau(u, lnU) * rest(u), 1 - eP / eHi, { relTol: 1e-9 }).value;
      } else {
        direct = integrate(g, 1 - eP / energyMin, 1 - eP / eHi, { relTol: 1e-9 }).value;
      }
      const kernel = ctx.annihilationKernel();
      // within the table's own (measured) error bound, plus the two quadratures' 1e−9
      expect(Math.abs(kernel.at(eA) - direct)).toBeLessThanOrEqual(kernel.absError + 2e-9 * direct);
      expect(kernel.at(eA) / direct).toBeCloseTo(1, 5);
      const unTabulated = annihilationKernel(ctx, eA, 1e-9);
      expect(Math.abs(unTabulated.value - direct)).toBeLessThanOrEqual(unTabulated.error + 2e-9 * direct);
    }
  });

  it('jumps at the edge m = √(2m_e(E_min + m_e)), where the resonance reaches unradiated positrons', () => {
    expect(mEdge * 1e3).toBeCloseTo(66.67, 2);
    const below = annihilationYield(ctx, mEdge - 5e-5).value;
    const above = annihilationYield(ctx, mEdge + 5e-5).value;
    expect(above / below).toBeGreaterThan(1.3);
  });
});

describe('numerical accuracy', () => {
  it('moves by less than 1e−3 when the tolerance is tightened tenfold, and the error estimate covers the move', () => {
    for (const mass of [0.001, 0.03, mEdge, mEdge + 2e-5, 0.075, 0.3, 1]) {
      const coarse = computeYield(belle2, mass);
      const fine = computeYield(belle2, mass, { relTol: 1e-6 });
      const total = (y: typeof coarse) => y.annihilation + y.bremsstrahlung;
      expect(Math.abs(total(coarse) / total(fine) - 1)).toBeLessThan(1e-3);
      expect(Math.abs(coarse.bremsstrahlung - fine.bremsstrahlung)).toBeLessThanOrEqual(
        coarse.bremsstrahlungError + fine.bremsstrahlungError,
      );
      expect(Math.abs(coarse.annihilation - fine.annihilation)).toBeLessThanOrEqual(
        coarse.annihilationError + fine.annihilationError + 1e-300,
      );
    }
  });
});

describe('bremsstrahlung (Eq. 12)', () => {
  it('falls with the A′ mass and scales with the target depth used for its track length', () => {
    const y1 = computeYield(belle2, 0.01).bremsstrahlung;
    const y2 = computeYield(belle2, 0.1).bremsstrahlung;
    expect(y2).toBeLessThan(y1);
    // a positron keeping > 95% of its energy does so mostly within the first X0: 16 X0 adds little
    const deep = computeYield(withOverrides(belle2, { bremsstrahlungDepth: 16 }), 0.01).bremsstrahlung;
    expect(deep / y1).toBeGreaterThan(1);
    expect(deep / y1).toBeLessThan(1.2);
  });

  it('for light A′ (m ≪ m_e·E/…) goes like the x-integral of Eq. (13): 1/m² ln(m²/m_e²) above a few MeV', () => {
    // between 10 and 20 MeV the yield should drop by ≈ 4 × ln(10²/m_e²…) ratio, within the φ(t_min) variation
    const y10 = computeYield(belle2, 0.01).bremsstrahlung;
    const y20 = computeYield(belle2, 0.02).bremsstrahlung;
    const shape = (m: number) => Math.log((m * m) / electronMass ** 2) / (m * m);
    expect((y10 / y20) / (shape(0.01) / shape(0.02))).toBeGreaterThan(0.8);
    expect((y10 / y20) / (shape(0.01) / shape(0.02))).toBeLessThan(1.25);
  });
});
