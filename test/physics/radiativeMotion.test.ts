/**
 * e⁺e⁻ → γA′ on moving atomic electrons (electronMotion: comptonProfile), against
 * what the moving-electron code does not produce: the at-rest channel (J → δ),
 * the profile's closed-form normalisation, the second-order (p_z²) response of a
 * line source computed from at-rest yields, the closure from kinematics alone, and
 * the resonance's own moving-electron narrow-width limit (the soft/hard boundary
 * must still cancel between the two channels).
 */
import { describe, expect, it } from 'vitest';
import { alpha, electronMass as me } from '../../src/constants.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { softVirtualFactor } from '../../src/processes/radiativeAnnihilation.js';
import { belle2, besiii, computeFlux, withOverrides, yieldContext } from '../../src/index.js';
import { hydrogenicCdf, hydrogenicProfile, materialProfile } from '../../src/target/comptonProfile.js';
import { dopplerSmearedSource } from '../../src/yields/dopplerSpectrum.js';
import { perLepton, radiativeSetup, radiativeYield, radiativeYieldOver } from '../../src/yields/radiative.js';
import { annihilationYieldNarrowWidthMoving } from '../../src/yields/annihilation.js';

const atRest = withOverrides(belle2, { electronMotion: 'atRest' });

describe('e⁺e⁻ → γA′ with moving electrons: closure', () => {
  it('is exactly zero above √(2m_e((1 + p_far/m_e)E_max + m_e)) at Belle II (π = −p_far the profile’s far end), open below', () => {
    expect(belle2.electronMotion).toBe('comptonProfile');
    const eMax = computeFlux(belle2).energyMaxGeV;
    const ctx = yieldContext(belle2);
    const pFar = materialProfile(ctx.target).pFar;
    const end = Math.sqrt(2 * me * ((1 + pFar / me) * eMax + me));
    expect(radiativeYield(ctx, end * (1 + 1e-9)).value).toBe(0);
    expect(radiativeYield(ctx, end * 1.1).value).toBe(0);
    for (const m of [0.083, 0.09, 0.1, 0.11, end * 0.99]) expect(radiativeYield(ctx, m).value).toBeGreaterThan(0);
    // electrons at rest still close it at 82.25 MeV
    expect(radiativeYield(yieldContext(atRest), 0.083).value).toBe(0);
  });

  it('is continuous where electrons at rest close the channel (82.25 MeV)', () => {
    const ctx = yieldContext(belle2);
    const end = Math.sqrt(2 * me * (computeFlux(belle2).energyMaxGeV + me));
    const below = radiativeYield(ctx, end * (1 - 1e-5));
    const above = radiativeYield(ctx, end * (1 + 1e-5));
    expect(Math.abs(above.value - below.value)).toBeLessThan(1e-3 * below.value);
  });
});

describe('e⁺e⁻ → γA′ with moving electrons: limits', () => {
  it('J → δ(p_z): narrowing a profile gives back the at-rest yield', () => {
    // below 66 MeV (threshold below the spectrum, R(E) smooth over it) a symmetric J moves
    // the yield at O(p₀²), so (4N(p₀) − N(2p₀))/3 is the p₀ → 0 limit to O(p₀⁴); where the
    // threshold's 1/ln cusp lies inside the spectrum (65–82 MeV) the approach is non-analytic
    // in p₀, but it is an approach: the deviation shrinks as p₀ does
    const moving = yieldContext(belle2);
    const rest = yieldContext(atRest);
    const at = (pAu: number) => dopplerSmearedSource(moving.spectrum, hydrogenicProfile(pAu * alpha * me, 30));
    const [p1, p2, p4] = [at(1), at(2), at(4)];
    for (const m of [0.02, 0.05, 0.06]) {
      const a = radiativeYieldOver(moving, m, p2, { relTol: 1e-6 });
      const b = radiativeYieldOver(moving, m, p4, { relTol: 1e-6 });
      const limit = (4 * a.value - b.value) / 3;
      const r = radiativeYield(rest, m, { relTol: 1e-6 });
      expect(Math.abs(limit - r.value)).toBeLessThanOrEqual((4 * a.error + b.error) / 3 + r.error + 1e-4 * r.value);
      expect(a.error).toBeLessThan(1e-3 * a.value);
    }
    for (const m of [0.065, 0.07, 0.075, 0.08]) {
      const r = radiativeYield(rest, m, { relTol: 1e-6 }).value;
      const d = [p1, p2, p4].map((src) => Math.abs(radiativeYieldOver(moving, m, src, { relTol: 1e-6 }).value / r - 1));
      expect(d[0]).toBeLessThan(d[1]);
      expect(d[1]).toBeLessThan(d[2]);
      expect(d[0]).toBeLessThan(0.03);
    }
  });

  it('a profile narrower than the smearing grid resolves is refused, not smeared wrongly', () => {
    expect(() => dopplerSmearedSource(yieldContext(belle2).spectrum, hydrogenicProfile(1e-9))).toThrow(/too narrow/);
  });

  it('normalisation: ∫ dÑ = N × ∫ J (1 − p_z/m_e) (closed form for the hydrogenic profile; line and continuum)', () => {
    const p0 = 5 * alpha * me;
    const profile = hydrogenicProfile(p0, 14);
    const norm = 2 * hydrogenicCdf(14 * p0, p0);
    // a line (BESIII's positrons): closed-form smearing, integrated here
    const line = yieldContext(besiii).spectrum;
    const srcLine = dopplerSmearedSource(line, profile);
    const integral = integrate(srcLine.dNdE, srcLine.energyMin, srcLine.energyMax, { relTol: 1e-10, points: srcLine.points }).value;
    expect(integral / (line.total * norm)).toBeCloseTo(1, 7);
    // the Belle II continuum, through the logarithmic convolution
    const cont = yieldContext(belle2).spectrum;
    const srcCont = dopplerSmearedSource(cont, profile);
    const total = integrate(srcCont.dNdE, srcCont.energyMin, srcCont.energyMax, { relTol: 1e-9, points: srcCont.points }).value;
    expect(total / (cont.total * norm)).toBeCloseTo(1, 4);
    // CsI's relativistic profile: the flux-weighted ∫ ρ (1 − π/m_e) is 1 whatever ρ, up to the tables' own deficit
    const csi = materialProfile(yieldContext(belle2).target);
    expect(Math.abs(csi.fluxNorm - 1)).toBeLessThan(2e-3);
    expect(dopplerSmearedSource(cont, csi).total / (cont.total * csi.fluxNorm)).toBeCloseTo(1, 4);
  });

  it('narrow profile: a line responds at second order, ⟨p_z²⟩/(2m_e²) · d²[λR(λE₀)]/dλ², from at-rest yields', () => {
    // BESIII's positron line; R(E) is the at-rest per-lepton yield, differentiated numerically
    const config = withOverrides(besiii, { electronMotion: 'comptonProfile', beamEnergySpread: 0 });
    const ctx = yieldContext(config);
    const E0 = ctx.spectrum.lines[0].energy;
    const M = 0.02;
    const st = radiativeSetup(ctx, M);
    const R = (E: number) => perLepton(ctx, st, E, 1e-10).value;
    const h = 0.01;
    const d1 = (R(E0 * (1 + h)) - R(E0 * (1 - h))) / (2 * h); // E0 R′
    const d2 = (R(E0 * (1 + h)) - 2 * R(E0) + R(E0 * (1 - h))) / (h * h); // E0² R″
    const curvature = (2 * d1 + d2) / R(E0); // (d²/dλ² λR(λE0)) / R at λ = 1
    const rest = radiativeYield(yieldContext(withOverrides(config, { electronMotion: 'atRest' })), M, { relTol: 1e-8 }).value;
    for (const pAu of [2, 4]) {
      const p0 = pAu * alpha * me;
      const profile = hydrogenicProfile(p0, 20);
      // the truncated profile's own moments: ∫ J and ∫ J p²/m_e²
      const m0 = integrate(profile.density, -profile.pMax, profile.pMax, { relTol: 1e-12, points: [0] }).value;
      const m2 = integrate((p) => (profile.density(p) * p * p) / (me * me), -profile.pMax, profile.pMax, { relTol: 1e-12, points: [0] }).value;
      const moving = radiativeYieldOver(ctx, M, dopplerSmearedSource(ctx.spectrum, profile), { relTol: 1e-8 });
      const expected = 0.5 * m2 * curvature;
      expect(expected).toBeGreaterThan(1e-5); // a measurable effect
      expect((moving.value / rest - m0) / expected).toBeCloseTo(1, 1);
    }
  });
});

describe('e⁺e⁻ → γA′ with moving electrons: a beam line with an energy spread', () => {
  it('keeps ∫ dÑ = N ∫ ρ (1 − π/m_e), and tends to the line as the spread goes to 0 (BESIII)', () => {
    const spread = yieldContext(besiii); // σ_E/E = 5.16 × 10⁻⁴, moving electrons
    expect(spread.spectrum.spreadLine).toBeDefined();
    const src = spread.dopplerSource();
    const profile = materialProfile(spread.target);
    const integral = integrate(src.dNdE, src.energyMin, src.energyMax, { relTol: 1e-9, points: src.points }).value;
    expect(integral / (spread.spectrum.total * profile.fluxNorm)).toBeCloseTo(1, 4);
    const line = yieldContext(withOverrides(besiii, { beamEnergySpread: 0 }));
    for (const m of [0.01, 0.03]) {
      const a = radiativeYield(spread, m);
      const b = radiativeYield(line, m);
      // the spread moves a smooth yield at O(σ²) = O(3 × 10⁻⁷) of its curvature: nothing here
      expect(Math.abs(a.value / b.value - 1)).toBeLessThan(1e-3);
    }
  });
});

describe('e⁺e⁻ → γA′ with moving electrons: with the resonance', () => {
  it('Eq. 11 (moving electrons) times the soft factor plus the hard channel does not depend on the soft/hard boundary', () => {
    const M = 0.075;
    const c = yieldContext(withOverrides(belle2, { alphaD: 1e-6 }));
    const resonance = annihilationYieldNarrowWidthMoving(c, M);
    const total = (x0: number) => resonance * softVirtualFactor(M, x0)(M * M) + radiativeYield(c, M, { softCut: x0 }).value;
    expect(total(1e-4) / total(1e-3)).toBeCloseTo(1, 3);
  });
});
