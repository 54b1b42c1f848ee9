/**
 * Beyond Belle II (issue 4): the Poisson limit, the improved WW cross-section,
 * A′-strahlung on lead against exact tree-level cross-sections published by
 * NA64, annihilation of a mono-energetic beam against its narrow-width limit,
 * the electron-beam annihilation window, and NA64 2019 recomputed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breathe } from '../breathe.js';
import { EXPERIMENTS, computeFlux, computeReach, withOverrides, yieldContext } from '../../src/index.js';
import type { FixedTargetConfig } from '../../src/index.js';
import { poissonUpperLimit } from '../../src/statistics/poisson.js';
import { bremsstrahlungShape, bremsstrahlungTotalCrossSection, iwwShape } from '../../src/processes/bremsstrahlung.js';
import { lineAnnihilation } from '../../src/yields/annihilation.js';
import { alpha, electronMass, pb } from '../../src/constants.js';
import { secondGenerationTrackLength } from '../../src/shower/trackLength.js';

const na64 = EXPERIMENTS['na64-2019'].config as FixedTargetConfig;

describe('Poisson CLs upper limit', () => {
  it('is −ln(1 − CL) = 2.303 at 90% CL for no observed events, whatever the background', () => {
    for (const b of [0, 0.53, 3]) expect(poissonUpperLimit(0, b, 0.9)).toBeCloseTo(Math.log(10), 12);
  });
  it('equals the classical limits of the PDG table without background: 3.89 (n = 1), 5.32 (n = 2)', () => {
    expect(poissonUpperLimit(1, 0, 0.9)).toBeCloseTo(3.8897, 4);
    expect(poissonUpperLimit(2, 0, 0.9)).toBeCloseTo(5.3223, 4);
  });
});

describe('A′-strahlung cross-sections', () => {
  it('IWW reduces to Eq. (13) times β_A′ = |k|/(xE) when m ≫ m_e', () => {
    const m = 0.2;
    const E = 100;
    for (const x of [0.5, 0.8, 0.95]) {
      const beta = Math.sqrt(x * x - (m / E) ** 2) / x;
      expect(iwwShape(m, 1 - x, E) / (bremsstrahlungShape(m, 1 - x) * beta)).toBeCloseTo(1, 3);
    }
  });

  it('WW and IWW on lead at 100 GeV lie above the exact tree-level (ETL) cross-sections, increasingly with mass', () => {
    // ETL reference values at ε = 1e−4, total over x, electrons on Pb: NA64's DMG4 package
    // (Bondì et al., CPC 269 (2021) 108129), examples/testCS; the ETL calculation of
    // Gninenko et al., PLB 782 (2018) 406. σ ∝ ε².
    const Pb = { Z: 82, A: 207 };
    const etlPb = [
      [0.0167, 3603.08],
      [0.1, 106.04],
      [1, 0.191974],
    ];
    const ratios = etlPb.map(([m, etl]) => {
      const ww = (bremsstrahlungTotalCrossSection(Pb, m, 100, 'ww') * 1e-8) / pb;
      const iww = (bremsstrahlungTotalCrossSection(Pb, m, 100, 'iww') * 1e-8) / pb;
      return { m, ww: ww / etl, iww: iww / etl };
    });
    // WW is within ≈ 10–20% of ETL for light A′ and overshoots by ≈ 2.7 at 1 GeV (the
    // known failure of WW at large m/E and x → 1; Liu & Miller, PRD 96 (2017) 016004)
    expect(ratios[0].ww).toBeGreaterThan(1);
    expect(ratios[0].ww).toBeLessThan(1.25);
    expect(ratios[0].iww).toBeLessThan(1.3);
    expect(ratios[1].iww).toBeGreaterThan(1.3);
    expect(ratios[1].iww).toBeLessThan(2);
    expect(ratios[2].iww).toBeGreaterThan(2.2);
    expect(ratios[2].iww).toBeLessThan(3.2);
    expect(ratios[0].iww).toBeLessThan(ratios[1].iww);
    expect(ratios[1].iww).toBeLessThan(ratios[2].iww);
  });
});

describe('a mono-energetic beam', () => {
  it('annihilation of a positron beam approaches n_e N X0 τ(u_res) 2π²α/(m_e E0) as Γ → 0', () => {
    const beam = withOverrides(EXPERIMENTS['na64-eplus-2022'].config as FixedTargetConfig, { alphaD: 1e-7, radiativeAnnihilation: false });
    const ctx = yieldContext(beam);
    for (const m of [0.25, 0.28, 0.31]) {
      const E0 = beam.beamEnergy;
      const uRes = (E0 + electronMass - (m * m) / (2 * electronMass)) / E0;
      const limit =
        (ctx.target.electronDensity * beam.particlesOnTarget * ctx.target.X0 * ctx.annihilationTrack.tau(uRes) * 2 * Math.PI ** 2 * alpha) /
        (electronMass * E0);
      const exact = lineAnnihilation(ctx, m, E0, beam.particlesOnTarget, { relTol: 1e-7 }).value;
      expect(exact / limit).toBeCloseTo(1, 3);
    }
  });

  it('an electron beam annihilates only through its pair-produced positrons (second generation)', () => {
    const ctx = yieldContext(na64);
    for (const u of [0.01, 0.2, 0.45]) {
      expect(ctx.annihilationTrack.tau(u) / secondGenerationTrackLength(u, 40, 1e-10)).toBeCloseTo(1, 4);
    }
  });

  it('NA64’s electron beam makes the annihilation dip at √(2m_e·50 GeV) … √(2m_e·100 GeV) = 0.226–0.320 GeV', () => {
    // with the cross-section model these tails were sized for (IWW); the preset's ETL A′-strahlung
    // is ≈ 2× smaller here, which makes the same tails look relatively larger
    const iww = withOverrides(na64, { bremsstrahlungModel: 'iww' });
    const r = computeReach(iww, [0.15, 0.2, 0.25, 0.3, 0.35], { includeEdges: false });
    const at = (m: number) => r.points.find((p) => p.massGeV === m)!;
    // inside the window annihilation dominates; it weakens towards 0.32 GeV, where it needs positrons
    // that kept almost all the beam energy and the second generation vanishes (τ₂ → 0 as v → 1)
    expect(at(0.25).epsilon90 / at(0.25).epsilon90Bremsstrahlung).toBeLessThan(0.5);
    expect(at(0.3).epsilon90 / at(0.3).epsilon90Bremsstrahlung).toBeLessThan(0.8);
    expect(at(0.3).epsilon90).toBeGreaterThan(at(0.25).epsilon90);
    // outside it only the Breit–Wigner tails (Γ/m ≈ 3% at NA64's α_D = 0.1) and, above it, the
    // lead's fast inner electrons moving against the positrons (s up to (1 + p_far/m_e)·2m_e E) remain
    for (const m of [0.15, 0.35]) expect(at(m).epsilon90 / at(m).epsilon90Bremsstrahlung).toBeGreaterThan(0.85);
    const still = computeReach(withOverrides(iww, { electronMotion: 'atRest' }), [0.35], { includeEdges: false }).points[0];
    expect(at(0.35).epsilon90).toBeLessThan(still.epsilon90);
    expect(r.edges.map((e) => +e.massGeV.toFixed(3))).toEqual([0.226, 0.32]);
  });

  it('a symmetric collider gives every positron the beam energy (without a beam energy spread)', () => {
    const besiii = withOverrides(EXPERIMENTS.besiii.config, { beamEnergySpread: 0 });
    const f = computeFlux(besiii);
    expect(f.energyMinGeV).toBe(1.8865);
    expect(f.energyMaxGeV).toBe(1.8865);
    expect(f.beta).toBe(0);
  });

  it('with a beam energy spread σ the positrons spread over E0(1 ± 6σ), their number unchanged', () => {
    const besiii = EXPERIMENTS.besiii.config;
    const f = computeFlux(besiii);
    const f0 = computeFlux(withOverrides(besiii, { beamEnergySpread: 0 }));
    expect(f.energyMinGeV).toBeCloseTo(1.8865 * (1 - 6 * 5.16e-4), 12);
    expect(f.energyMaxGeV).toBeCloseTo(1.8865 * (1 + 6 * 5.16e-4), 12);
    expect(f.positrons).toBe(f0.positrons);
  });
});

describe('NA64 2019 recomputed (published limit: PRL 123 (2019) 121801, from ../shared/data)', () => {
  const file = fileURLToPath(new URL('../../../shared/data/na64-2019-invisible-dark-photon.txt', import.meta.url));
  const published = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const at = (m: number) => {
    for (let i = 1; i < published.length; i++) {
      const [m1, e1] = published[i];
      if (m1 >= m) {
        const [m0, e0] = published[i - 1];
        const t = Math.log(m / m0) / Math.log(m1 / m0);
        return Math.exp(Math.log(e0) + t * Math.log(e1 / e0));
      }
    }
    return NaN;
  };

  it('with exact tree-level A′-strahlung lies within a factor 2 of the published limit from 1 MeV to 0.9 GeV', async () => {
    // The published curve is bremsstrahlung only (NA64 added annihilation in PRD 104 (2021) L091701).
    // vanish applies no signal efficiency (not read from the paper; ε ∝ efficiency^(−1/2)) and models
    // the ECAL as an effective medium, so it lies below (stronger than) the published ε; the README
    // lists the remaining differences. With IWW the ratio fell to 0.26 at 1 GeV.
    const masses = [0.001, 0.03, 0.9];
    expect(na64.bremsstrahlungModel).toBe('etl');
    // one mass at a time, letting the test runner's messages through between them (test/breathe.ts)
    const points = [];
    for (const m of masses) {
      await breathe();
      points.push(...computeReach(na64, [m], { includeEdges: false }).points);
    }
    const ratios = points.map((p) => p.epsilon90Bremsstrahlung / at(p.massGeV));
    for (const x of ratios) {
      expect(x).toBeGreaterThan(0.45);
      expect(x).toBeLessThan(1.05);
    }
  }, 300_000);
});
