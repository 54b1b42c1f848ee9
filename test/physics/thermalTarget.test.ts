/**
 * Freeze-out and thermal targets (src/cosmology/): the plasma's degrees of
 * freedom against their textbook values, the freeze-out solver against
 * Steigman, Dasgupta & Beacom (2012), the thermal averages against their
 * non-relativistic closed forms, and relations between the models' targets.
 */
import { describe, expect, it } from 'vitest';
import { alpha } from '../../src/constants.js';
import { degreesOfFreedom, plasma } from '../../src/cosmology/degreesOfFreedom.js';
import { freezeOut } from '../../src/cosmology/freezeOut.js';
import { relicAbundance, thermalAverage, thermalTargetRange, thermalTargetY } from '../../src/cosmology/thermalTarget.js';
import { besselKScaled, besselKScaledFast } from '../../src/numeric/bessel.js';
import type { DarkMatterModel } from '../../src/models/darkMatter.js';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
/** 1 cm³/s in GeV⁻²: (ħc)² c = 0.3893794 mb × 2.99792458e10 cm/s. */
const CM3_PER_S = 1 / (0.3893793721e-27 * 2.99792458e10);

describe('modified Bessel K (scaled)', () => {
  it('matches tabulated values (A&S Table 9.8): K₁(1), K₂(1), K₁(10), K₂(50)', () => {
    expect(rel(besselKScaled(1, 1) * Math.exp(-1), 0.6019072302)).toBeLessThan(1e-9);
    expect(rel(besselKScaled(2, 1) * Math.exp(-1), 1.6248388986)).toBeLessThan(1e-9);
    expect(rel(besselKScaled(1, 10) * Math.exp(-10), 1.864877345e-5)).toBeLessThan(1e-9);
    // K₂(z) = K₀(z) + (2/z) K₁(z) (DLMF 10.29.1) across the switch to the asymptotic series
    for (const z of [29.9, 30, 50]) {
      expect(rel(besselKScaled(2, z), besselKScaled(0, z) + (2 / z) * besselKScaled(1, z))).toBeLessThan(1e-12);
    }
  });

  it('the table agrees with the integral to 1e−7', () => {
    for (const z of [0.5, 0.77, 3.3, 12.1, 29.99]) for (const nu of [1, 2] as const) expect(rel(besselKScaledFast(nu, z), besselKScaled(nu, z))).toBeLessThan(1e-7);
  });
});

describe('degrees of freedom of the plasma', () => {
  it('g_eff = 10.75 between the e± and μ thresholds; 3.36 and h_eff = 3.91 after e± annihilation (Kolb & Turner)', () => {
    const mid = degreesOfFreedom(0.01);
    expect(rel(mid.gEff, 10.75)).toBeLessThan(2e-3);
    expect(rel(mid.hEff, 10.75)).toBeLessThan(2e-3);
    const late = degreesOfFreedom(1e-6);
    expect(rel(late.gEff, 2 + 6 * (7 / 8) * (4 / 11) ** (4 / 3))).toBeLessThan(5e-3);
    expect(rel(late.hEff, 2 + 6 * (7 / 8) * (4 / 11))).toBeLessThan(5e-3);
    // the table reproduces the function between its nodes
    for (const T of [3.3e-5, 7e-3, 0.08]) expect(rel(plasma(T).gEff, degreesOfFreedom(T).gEff)).toBeLessThan(1e-3);
  });
});

describe('freeze-out', () => {
  it('s-wave ⟨σv⟩ = 5.2e−26 cm³/s gives Ω h² = 0.11 at 0.3 GeV (Steigman, Dasgupta & Beacom, PRD 86 (2012) 023506), to 5 %', () => {
    const m = 0.3;
    const r = freezeOut({
      mass: m,
      logEquilibriumDensity: (x) => Math.log((2 * x * x * besselKScaled(2, x)) / (2 * Math.PI * Math.PI)) - x,
      sigmaV: () => 5.2e-26 * CM3_PER_S,
    });
    expect(rel(r.omegaH2, 0.11)).toBeLessThan(0.05);
    expect(r.xFreezeOut).toBeGreaterThan(15);
    expect(r.xFreezeOut).toBeLessThan(25);
    expect(r.relError).toBeLessThan(1e-4);
  });

  it('Ω h² ∝ 1/⟨σv⟩ up to the logarithm of the freeze-out point', () => {
    const solve = (sv: number) =>
      freezeOut({ mass: 0.05, logEquilibriumDensity: (x) => Math.log((2 * x * x * besselKScaled(2, x)) / (2 * Math.PI * Math.PI)) - x, sigmaV: () => sv * CM3_PER_S }).omegaH2;
    const r = solve(3e-26) / solve(6e-26);
    expect(r).toBeGreaterThan(1.9);
    expect(r).toBeLessThan(2.1);
  });
});

describe('thermal averages of σ(χχ → A′* → ℓ⁺ℓ⁻)', () => {
  const m = 0.05;
  const y = 1e-10;
  const alphaD = 1e-3; // a narrow A′: the Breit–Wigner is (M² − 4m²)² at threshold
  const sector = (darkMatter: DarkMatterModel, massSplitting = 0.1) => ({ darkMatter, alphaD, massRatio: 3, massSplitting });
  const eps2 = (y * 81) / alphaD;
  const M = 3 * m;
  const D = (M * M - 4 * m * m) ** 2;

  it('Dirac: ⟨σ_eff v⟩ → σv/2 with σv = 16π αα_D ε² m²/(M² − 4m²)² (s-wave; ½ for χ and χ̄)', () => {
    const sv = (16 * Math.PI * alpha * alphaD * eps2 * m * m) / D;
    expect(rel(thermalAverage(sector('dirac'), m, y, 1e4).sigmaV, sv / 2)).toBeLessThan(1e-3);
  });

  it('complex scalar and Majorana: p-wave (8π/3) αα_D ε² m² ⟨v²⟩/(M² − 4m²)², ⟨v²⟩ = 6/x; ½ for φ and φ*', () => {
    const x = 1e4;
    const sv = ((8 * Math.PI) / 3) * alpha * alphaD * eps2 * m * m * (6 / x) / D;
    expect(rel(thermalAverage(sector('scalar'), m, y, x).sigmaV, sv / 2)).toBeLessThan(2e-3);
    expect(rel(thermalAverage(sector('majorana'), m, y, x).sigmaV, sv)).toBeLessThan(2e-3);
  });

  it('pseudo-Dirac: coannihilation, Dirac × 4r/(1 + r)², r = n₂/n₁ = (m₂/m₁)² K₂(m₂/T)/K₂(m₁/T) (Griest & Seckel)', () => {
    const d = 1e-4;
    const x = 2000;
    const T = m / x;
    const m2 = m * (1 + d);
    const r = ((m2 / m) ** 2 * besselKScaled(2, m2 / T) * Math.exp(-(m2 - m) / T)) / besselKScaled(2, m / T);
    const dirac = thermalAverage(sector('dirac'), m, y, x).sigmaV;
    expect(rel(thermalAverage(sector('pseudoDirac', d), m, y, x).sigmaV, (dirac * 4 * r) / (1 + r) ** 2)).toBeLessThan(2e-3);
  });
});

describe('thermal targets', () => {
  const sector = (darkMatter: DarkMatterModel) => ({ darkMatter, alphaD: 0.5, massRatio: 3, massSplitting: 0.1 });

  it('give Ω h² = 0.120 (Planck 2018)', () => {
    const t = thermalTargetY(sector('scalar'), 0.03);
    expect(rel(relicAbundance(sector('scalar'), 0.03, t.y).omegaH2, 0.12)).toBeLessThan(2e-3);
  });

  it('a complex scalar needs twice the y of a Majorana fermion (same σ off resonance, φ and φ* each annihilating half the time)', () => {
    // to 1 %: the widths in the Breit–Wigner differ (α_D m β³/12 and /6: 0.3 % in σ at α_D = 0.5). At small α_D the
    // Boltzmann tail reaching the narrow A′ pole (σ ∝ 3S/(g_i g_j) there: twice as large for the scalar) breaks the relation.
    for (const m of [0.01, 0.1]) {
      expect(rel(thermalTargetY(sector('scalar'), m).y, 2 * thermalTargetY(sector('majorana'), m).y)).toBeLessThan(1e-2);
    }
  });

  it('order: Dirac (s-wave) < pseudo-Dirac (s-wave, Boltzmann-suppressed partner) < Majorana < scalar (p-wave)', () => {
    const m = 0.02;
    const [d, p, mj, s] = (['dirac', 'pseudoDirac', 'majorana', 'scalar'] as const).map((k) => thermalTargetY(sector(k), m).y);
    expect(d).toBeLessThan(p);
    expect(p).toBeLessThan(mj);
    expect(mj).toBeLessThan(s);
  });

  it('are drawn from 1 MeV to the π⁺π⁻ threshold (hadrons not included)', () => {
    expect(thermalTargetRange({ darkMatter: 'scalar', massSplitting: 0.1 })[1]).toBeCloseTo(0.13957039, 8);
    expect(thermalTargetRange({ darkMatter: 'pseudoDirac', massSplitting: 0.2 })[1]).toBeCloseTo((2 * 0.13957039) / 2.2, 8);
  });
});
