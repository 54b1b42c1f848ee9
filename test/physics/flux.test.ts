/** (Oracle-level: against the seed paper's model, preset belle2-paper.)
 *
 * Bhabha positrons in the Belle II barrel (Eqs. 3–4) against the paper's
 * Sec. III numbers and against closed forms.
 */
import { describe, expect, it } from 'vitest';
import { belle2_paper as belle2, computeFlux, withOverrides } from '../../src/index.js';
import { bhabhaDSigmaDCos, bhabhaPrimitive, bhabhaSource } from '../../src/flux/bhabha.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { alpha, invAb, pb } from '../../src/constants.js';

describe('Bhabha flux (Eqs. 3–4)', () => {
  const flux = computeFlux(belle2);

  it('reproduces the paper: E_min ≈ 4.35 GeV, E_max ≈ 6.62 GeV, ≈ 6e11 positrons in 50 ab⁻¹', () => {
    expect(flux.energyMinGeV).toBeCloseTo(4.35, 2);
    expect(flux.energyMaxGeV).toBeCloseTo(6.62, 2);
    expect(flux.positrons / 6e11).toBeGreaterThan(0.97);
    expect(flux.positrons / 6e11).toBeLessThan(1.03);
  });

  it('derives the boost β = 3/11 and √s = 2√(7·4) GeV from the beams', () => {
    expect(flux.beta).toBeCloseTo(3 / 11, 15);
    expect(flux.sqrtS).toBeCloseTo(2 * Math.sqrt(28), 12);
  });

  it('integrates (3 + c²)²/(1 + c)² in closed form', () => {
    for (const [a, b] of [
      [-0.7, 0.7],
      [-0.95, 0.2],
      [0, 0.9],
    ]) {
      const numeric = integrate((c) => ((3 + c * c) ** 2) / (1 + c) ** 2, a, b, { relTol: 1e-13 }).value;
      expect(bhabhaPrimitive(b) - bhabhaPrimitive(a)).toBeCloseTo(numeric, 10);
    }
  });

  it('dσ/dE integrates over the lab energies to the cross-section in cos θ*', () => {
    const s = bhabhaSource(7, 4, 32.2, 128.7);
    const overE = integrate((E) => s.dSigmaDE(E), s.energyMin, s.energyMax, { relTol: 1e-12 }).value;
    const overCos = integrate((c) => bhabhaDSigmaDCos(s.s, c), s.cosStarAtEnergyMin, s.cosStarAtEnergyMax, { relTol: 1e-12 }).value;
    expect(overE / overCos).toBeCloseTo(1, 10);
    expect(s.crossSection / overCos).toBeCloseTo(1, 10);
  });

  it('matches a hand calculation of σ(acceptance): πα²/2s × ∫ = 12.0 nb', () => {
    // s = 112 GeV², πα²/2s = 7.4684e-7 GeV⁻² = 290.81 pb; the integral from
    // cos θ* = −0.76720 to 0.74628 is 41.25 (computed with the primitive by hand).
    const pref = (Math.PI * alpha * alpha) / (2 * 112) / pb;
    expect(pref).toBeCloseTo(290.8, 0);
    expect(flux.crossSectionPb).toBeGreaterThan(11900);
    expect(flux.crossSectionPb).toBeLessThan(12100);
  });

  it('scales linearly with luminosity', () => {
    const f10 = computeFlux(withOverrides(belle2, { lumi: 10 }));
    expect(f10.positrons / flux.positrons).toBeCloseTo(0.2, 12);
    expect(flux.positrons).toBeCloseTo(50 * invAb * (flux.crossSectionPb! * pb), -3);
  });

  it('lab energy follows E = E*/(γ(1 − β cos θ)) at the acceptance edges', () => {
    const beta = 3 / 11;
    const eStar = Math.sqrt(112) / 2;
    const E = (deg: number) => (eStar * Math.sqrt(1 - beta * beta)) / (1 - beta * Math.cos((deg * Math.PI) / 180));
    expect(flux.energyMinGeV).toBeCloseTo(E(128.7), 12);
    expect(flux.energyMaxGeV).toBeCloseTo(E(32.2), 12);
  });
});
