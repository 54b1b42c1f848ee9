/**
 * e⁺e⁻ → γA′ with the electron mass kept, against results the code did not
 * produce: the massless-A′ limit (e⁺e⁻ → γγ, Peskin & Schroeder Eq. 5.105 and
 * Dirac's total cross-section for a positron on an electron at rest, Heitler,
 * "The Quantum Theory of Radiation", §27), the massless-electron limit
 * (e⁺e⁻ → γZ), the leading-log total cross-section and the collinear splitting
 * function (Altarelli–Parisi / Weizsäcker–Williams for an electron).
 */
import { describe, expect, it } from 'vitest';
import { alpha, electronMass as me } from '../../src/constants.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import {
  radiativeAcceptedBelow,
  radiativeAcceptedCrossSection,
  radiativeAmplitudeSquared,
  radiativeCrossSectionBetween,
  radiativeDSigmaDOmega,
  radiativeKinematics,
  radiativeTotalCrossSection,
  softVirtualFactor,
} from '../../src/processes/radiativeAnnihilation.js';
import { belle2, belle2_paper, computeFlux, computeReach, computeYield, EXPERIMENTS, withOverrides, yieldContext } from '../../src/index.js';
import type { FixedTargetConfig } from '../../src/index.js';
import { radiativeYield } from '../../src/yields/radiative.js';
import { annihilationYield, annihilationYieldNarrowWidth } from '../../src/yields/annihilation.js';

/** Dirac's σ(e⁺e⁻ → γγ) for a positron of Lorentz factor γ on an electron at rest (r_e = α/m). */
function dirac(gamma: number): number {
  const re = alpha / me;
  const r = Math.sqrt(gamma * gamma - 1);
  return ((Math.PI * re * re) / (gamma + 1)) * (((gamma * gamma + 4 * gamma + 1) / (gamma * gamma - 1)) * Math.log(gamma + r) - (gamma + 3) / r);
}

describe('e⁺e⁻ → γA′: squared amplitude', () => {
  it('M → 0: e⁺e⁻ → γγ with massive electrons (Peskin & Schroeder 5.105)', () => {
    // with a = p·k₁ = A/2, b = p·k₂ = B/2 (p the electron): 2e⁴[b/a + a/b + 2m²(1/a + 1/b) − m⁴(1/a + 1/b)²]
    for (const [E, frac] of [[0.003, 0.3], [0.05, 0.01], [5, 0.999], [2, 1e-4]]) {
      const k = radiativeKinematics(E, 0)!;
      const A = k.aMin + frac * (k.aMax - k.aMin);
      const B = k.S - A;
      const a = A / 2;
      const b = B / 2;
      const m2 = me * me;
      const peskin = b / a + a / b + 2 * m2 * (1 / a + 1 / b) - m2 * m2 * (1 / a + 1 / b) ** 2;
      expect(radiativeAmplitudeSquared(A, B, k.s, 0)).toBeCloseTo(peskin, 9);
    }
  });

  it('m ≪ everything: e⁺e⁻ → γZ form u/t + t/u + 2sM²/(tu), t = −A, u = −B', () => {
    const s = 1; // GeV², m² = 2.6e−7 s
    for (const [M, A] of [[0.3, 0.2], [0.7, 0.4], [0.1, 0.5]]) {
      const B = s - M * M - A;
      const gz = B / A + A / B + (2 * s * M * M) / (A * B);
      expect(radiativeAmplitudeSquared(A, B, s, M) / gz - 1).toBeLessThan(1e-5);
      expect(radiativeAmplitudeSquared(A, B, s, M) / gz - 1).toBeGreaterThan(-1e-5);
    }
  });
});

describe('e⁺e⁻ → γA′: cross-sections', () => {
  it('M → 0: the total is twice Dirac’s σ(e⁺e⁻ → γγ) (identical photons), from γ = 1.5 to 10⁵', () => {
    for (const gamma of [1.5, 3, 30, 1e3, 1e5]) {
      const sigma = radiativeTotalCrossSection(gamma * me, 0);
      expect(sigma / (2 * dirac(gamma))).toBeCloseTo(1, 9);
    }
  });

  it('m² ≪ s: the total approaches (4πα²/s)(ln(s/m²) − 1)(1 + M⁴/s²)/(1 − M²/s)', () => {
    const E = 5e4; // s/m² ≈ 2e8
    for (const M of [0.01, 0.1, 0.2]) {
      const s = 2 * me * (E + me);
      const z = (M * M) / s;
      const ll = ((4 * Math.PI * alpha * alpha) / s) * (Math.log(s / (me * me)) - 1) * ((1 + z * z) / (1 - z));
      expect(radiativeTotalCrossSection(E, M) / ll).toBeCloseTo(1, 5);
    }
  });

  it('collinear region: dσ/d ln ω equals (2πα²/s)(1 + z²)/(1 − z), z = M²/s, for ω_min ≪ ω ≪ ω_max', () => {
    // the electron-leg splitting function (α/2π)(1 + z²)/(1 − z) times the Born e⁺e⁻ → A′, 4π²α δ(zs − M²)
    const E = 500; // ω_max/ω_min ≈ 4E/m ≈ 4e6: room for ω_min ≪ ω ≪ ω_max
    for (const M of [0.1, 0.3, 0.6]) {
      const k = radiativeKinematics(E, M)!;
      const z = (M * M) / k.s;
      const expected = ((2 * Math.PI * alpha * alpha) / k.s) * ((1 + z * z) / (1 - z));
      const w = Math.sqrt(k.omegaMin * k.omegaMax); // ≈ 2000 ω_min ≈ ω_max/2000
      const h = 1e-3;
      const slope =
        (radiativeAcceptedCrossSection(E, M, w * Math.exp(h)) - radiativeAcceptedCrossSection(E, M, w * Math.exp(-h))) / (2 * h);
      expect(slope / expected).toBeCloseTo(1, 2);
    }
  });

  it('the closed form is the integral of dσ/dω', () => {
    for (const [E, M] of [[4.4, 0.06], [6, 0.01], [0.2, 0.012]]) {
      const k = radiativeKinematics(E, M)!;
      const lo = k.omegaMin;
      const hi = Math.min(k.omegaMax, 0.05 * E);
      // integrate in ln ω (the collinear peak ∝ 1/ω)
      const r = integrate((l) => Math.exp(l) * radiativeDSigmaDOmega(E, M, Math.exp(l)), Math.log(lo), Math.log(hi), { relTol: 1e-11 });
      expect(radiativeCrossSectionBetween(k, M, lo, hi) / r.value).toBeCloseTo(1, 8);
    }
  });

  it('the yields’ one-pass accepted cross-section is the integral of dσ/dω from ω_min, also for cuts just above ω_min', () => {
    for (const [E, M] of [[4.53, 0.068], [11.9, 0.107], [0.0383, 0.00629], [6.0, 0.01]]) {
      const k = radiativeKinematics(E, M)!;
      for (const cut of [k.omegaMin * (1 + 1e-4), k.omegaMin * 1.5, k.omegaMin * 100, 0.5 * k.omegaMax, 2 * k.omegaMax]) {
        const ref = integrate((w) => radiativeDSigmaDOmega(E, M, w), k.omegaMin, Math.min(cut, k.omegaMax), { relTol: 1e-13 }).value;
        expect(radiativeAcceptedBelow(E, M, 0, cut) / ref).toBeCloseTo(1, 9);
      }
      expect(radiativeAcceptedBelow(E, M, 1.0000001 * k.s, k.omegaMax)).toBe(0);
      expect(radiativeAcceptedBelow(E, M, 0, k.omegaMin)).toBe(0);
    }
  });

  it('closed below threshold: exactly zero for s ≤ M²', () => {
    const M = 0.08;
    const eThr = (M * M) / (2 * me) - me;
    expect(radiativeTotalCrossSection(eThr * (1 - 1e-12), M)).toBe(0);
    expect(radiativeKinematics(eThr * 0.9, M)).toBeNull();
    expect(radiativeTotalCrossSection(eThr * 1.01, M)).toBeGreaterThan(0);
  });
});

describe('e⁺e⁻ → γA′ folded with the shower (the third channel), electrons at rest', () => {
  const atRest = withOverrides(belle2, { electronMotion: 'atRest' });
  const ctx = yieldContext(atRest);
  const eMax = computeFlux(belle2).energyMaxGeV;

  it('is exactly zero above √(2m_e(E_max + m_e)) = 82.25 MeV at Belle II, open just below', () => {
    const end = Math.sqrt(2 * me * (eMax + me));
    expect(end * 1e3).toBeCloseTo(82.25, 2);
    expect(radiativeYield(ctx, end * (1 + 1e-9)).value).toBe(0);
    expect(radiativeYield(ctx, 0.1).value).toBe(0);
    expect(computeYield(atRest, 0.09).radiative).toBe(0);
    expect(radiativeYield(ctx, end * 0.99).value).toBeGreaterThan(0); // the hard channel ends at √(1 − x₀) of it
  });

  it('is exactly zero when the configuration turns it off, and belle2-paper has it off', () => {
    expect(belle2_paper.radiativeAnnihilation).toBe(false);
    expect(computeYield(belle2_paper, 0.06).radiative).toBe(0);
    const paperPhysics = withOverrides(belle2, { radiativeAnnihilation: false, electronMotion: 'atRest', statistics: 'deltaChi2' });
    expect(computeYield(belle2_paper, 0.06).annihilation).toBe(computeYield(paperPhysics, 0.06).annihilation);
  });

  it('its soft end is the leading-log soft-photon spectrum β dx/x times the resonance (what Eq. 11’s soft factor takes away)', () => {
    // N_rad(x₀a) − N_rad(x₀b) → β ln(x₀b/x₀a) · n_e (2π²α/m_e) F(M²/2m_e), β = (2α/π)(ln(M²/m_e²) − 1)
    const M = 0.075; // inside the window, away from its edges
    const narrow = withOverrides(atRest, { alphaD: 1e-6 });
    const c = yieldContext(narrow);
    const [xa, xb] = [1e-4, 1e-3];
    const diff = radiativeYield(c, M, { softCut: xa }).value - radiativeYield(c, M, { softCut: xb }).value;
    const beta = ((2 * alpha) / Math.PI) * (Math.log((M * M) / (me * me)) - 1);
    const expected = beta * Math.log(xb / xa) * annihilationYieldNarrowWidth(c, M);
    expect(diff / expected).toBeCloseTo(1, 1);
  });

  it('the soft factor takes the collision’s log ln(s/m_e²): at the pole the leading-log closed form, and an M → 0 plateau', () => {
    const M = 0.075;
    const L = Math.log((M * M) / (me * me));
    const beta = ((2 * alpha) / Math.PI) * (L - 1);
    const pole = 1 + beta * Math.log(0.01) + (alpha / Math.PI) * (1.5 * L + (Math.PI * Math.PI) / 3 - 2);
    expect(softVirtualFactor(M, 0.01)(M * M)).toBeCloseTo(pole, 14);
    // far below any collision (s ≥ 2m_e²) the A′ mass no longer enters: the same S at 1 keV and 1e−100 GeV
    const s = 2 * me * 4;
    expect(softVirtualFactor(1e-100, 0.01)(s)).toBeCloseTo(softVirtualFactor(1e-6, 0.01)(s), 8); // differ by O(β M²/s)
    expect(softVirtualFactor(1e-100, 0.01)(s)).toBeGreaterThan(1);
    // so the annihilation yield (with this factor) reaches its plateau as m → 0, like the paper's (no factor)
    const c = yieldContext(belle2);
    const tiny = [1e-6, 1e-10, 1e-30, 1e-100].map((m) => annihilationYield(c, m));
    for (const y of tiny) expect(Math.abs(y.value - tiny[0].value)).toBeLessThanOrEqual(y.error + tiny[0].error);
  });

  it('Eq. 11 times the soft factor plus the hard channel does not depend on the soft/hard boundary (to O(α x₀))', () => {
    const M = 0.075;
    const narrow = withOverrides(atRest, { alphaD: 1e-6 });
    const c = yieldContext(narrow);
    const total = (x0: number) =>
      annihilationYieldNarrowWidth(c, M) * softVirtualFactor(M, x0)(M * M) + radiativeYield(c, M, { softCut: x0 }).value;
    expect(total(1e-4) / total(1e-3)).toBeCloseTo(1, 3);
  });

  it('reproduces arXiv:2505.10302: at Belle II the gain in ε near 60 MeV is ≈ 2.7 (seed inputs, free electrons at rest, N_s/√N_b)', () => {
    const withThird = withOverrides(belle2_paper, { radiativeAnnihilation: true });
    const gain = (m: number) => computeReach(belle2_paper, [m], { includeEdges: false }).points[0].epsilon90 / computeReach(withThird, [m], { includeEdges: false }).points[0].epsilon90;
    const g60 = gain(0.06);
    expect(g60).toBeGreaterThan(2.5);
    expect(g60).toBeLessThan(3.0);
    // well below the window it fades: bremsstrahlung dominates
    expect(gain(0.01)).toBeLessThan(1.05);
  });

  it('reproduces arXiv:2505.10302: at NA64e (100 GeV e⁻, α_D = 10⁻³) the gain near 200 MeV is ≈ 1.3', () => {
    const na = withOverrides(EXPERIMENTS['na64-2019'].config as FixedTargetConfig, { alphaD: 1e-3, electronMotion: 'atRest', bremsstrahlungModel: 'iww' });
    const masses = [0.2, 0.21, 0.22];
    const on = computeReach(na, masses, { includeEdges: false }).points;
    const off = computeReach(withOverrides(na, { radiativeAnnihilation: false }), masses, { includeEdges: false }).points;
    const gains = on.map((p, i) => off[i].epsilon90 / p.epsilon90);
    expect(Math.max(...gains)).toBeGreaterThan(1.2);
    expect(Math.max(...gains)).toBeLessThan(1.5);
    expect(gains[0]).toBeGreaterThan(1.05);
  });
});
