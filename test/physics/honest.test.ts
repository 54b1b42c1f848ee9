/**
 * A number is converged or it is an error (issue 10, item 1): yields that
 * kinematics closes are exactly 0 ± 0; no yield is negative; every error
 * estimate is finite and below its value; the m → 0 plateau is reached, not
 * overshot; inputs the numerics cannot serve are refused by the schema.
 * On the seed's model (belle2-paper: electrons at rest, WW; NA64 with IWW), the
 * one these fixes are about; any model's dishonest yield is an error (massRange.ts).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, EXPERIMENTS, belle2_paper as belle2, computeReach, computeYield, logGrid, withOverrides, yieldContext } from '../../src/index.js';
import type { FixedTargetConfig } from '../../src/index.js';
import { electronMass } from '../../src/constants.js';
import { effectivePhotonFlux, iwwShape, momentumTransferRange } from '../../src/processes/bremsstrahlung.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { annihilationKernel } from '../../src/yields/annihilationKernel.js';
import { bremsstrahlungOpen } from '../../src/yields/bremsstrahlung.js';
import { honestShape } from '../../src/yields/massRange.js';
import { movingElectronKernelAt } from '../../src/yields/movingElectrons.js';
import { materialProfile } from '../../src/target/comptonProfile.js';
import { crossSection, resolveTarget } from '../../src/crossSection.js';
import { etlTotalCrossSection } from '../../src/processes/etl.js';

const na64 = withOverrides(EXPERIMENTS['na64-2019'].config as FixedTargetConfig, {
  bremsstrahlungModel: 'iww',
  electronMotion: 'atRest',
  radiativeAnnihilation: false,
});

function expectHonest(y: { annihilation: number; annihilationError: number; bremsstrahlung: number; bremsstrahlungError: number }) {
  for (const [v, e] of [
    [y.annihilation, y.annihilationError],
    [y.bremsstrahlung, y.bremsstrahlungError],
  ]) {
    expect(Number.isFinite(v) && v >= 0).toBe(true);
    expect(Number.isFinite(e) && e >= 0).toBe(true);
    if (v === 0) expect(e).toBe(0);
    else expect(e).toBeLessThanOrEqual(v);
  }
}

describe('kinematically closed channels are exactly zero', () => {
  it('A′-strahlung needs max((1 − c)E, m) < E − m_e', () => {
    expect(bremsstrahlungOpen(0.01, 0.05, 7)).toBe(true);
    expect(bremsstrahlungOpen(7, 0.05, 7)).toBe(false); // E_A' ≥ m > E − m_e
    expect(bremsstrahlungOpen(0.01, 1e-4, 5)).toBe(false); // c E < m_e: no room for E_A' ≤ E − m_e
    expect(bremsstrahlungOpen(0.01, 1e-4, 5.2)).toBe(true);
  });

  it('belle2 at 10 GeV (above every positron energy): 0 ± 0 for both channels', () => {
    const y = computeYield(belle2, 10);
    expect([y.annihilation, y.annihilationError, y.bremsstrahlung, y.bremsstrahlungError]).toEqual([0, 0, 0, 0]);
  });

  it('energyCut 1e−9: c E_max < m_e closes A′-strahlung exactly', () => {
    const y = computeYield(withOverrides(belle2, { energyCut: 1e-9 }), 0.01);
    expect([y.bremsstrahlung, y.bremsstrahlungError]).toEqual([0, 0]);
    expectHonest(y);
  });

  it('NA64 at 100 GeV and above: 0 ± 0; at 50 and 99 GeV positive and honest', () => {
    for (const m of [100, 150]) expect(computeYield(na64, m).bremsstrahlung).toBe(0);
    for (const m of [50, 99]) {
      const y = computeYield(na64, m);
      expect(y.bremsstrahlung).toBeGreaterThan(0);
      expectHonest(y);
    }
  });
});

describe('no negative yields, no oversized errors', () => {
  it('energyCut 1e−4 at 10 MeV: only positrons above m_e/c radiate, and the yield is positive', () => {
    const y = computeYield(withOverrides(belle2, { energyCut: 1e-4 }), 0.01);
    expect(y.bremsstrahlung).toBeGreaterThan(0);
    expectHonest(y);
  });

  it('energyCut 0.99: every point of a scan, edges included, has error ≤ value', () => {
    const r = computeReach(withOverrides(belle2, { energyCut: 0.99 }), [0.001, 0.01, 0.1, 1]);
    for (const p of r.points) expectHonest(p);
  });

  it('α_D = 1e−8 at the annihilation edges: error ≤ value where the resonance sits on a kink of F', () => {
    const c = withOverrides(belle2, { alphaD: 1e-8 });
    const masses = computeReach(c, [0.06, 0.09]).edges.map((e) => e.massGeV);
    const r = computeReach(c, masses, { includeEdges: false });
    for (const p of r.points) {
      expect(p.annihilation).toBeGreaterThan(0);
      expectHonest(p);
    }
  });
});

describe('the m → 0 plateau', () => {
  it('belle2: the A′-strahlung yield at 66 eV, 1e−7 and 1e−10 GeV agree (the x-shape and φ have m-independent limits)', () => {
    const ys = [66e-9, 1e-7, 1e-10].map((m) => computeYield(belle2, m));
    for (const y of ys) expectHonest(y);
    for (const y of ys.slice(1)) expect(y.bremsstrahlung / ys[0].bremsstrahlung).toBeCloseTo(1, 5);
  });

  it('NA64 at 5.6e−11 GeV equals the plateau at 1e−8 GeV (not twice it)', () => {
    const a = computeYield(na64, 5.6e-11).bremsstrahlung;
    const b = computeYield(na64, 1e-8).bremsstrahlung;
    expect(a / b).toBeCloseTo(1, 5);
  });
});

describe('precision at the ends of the formulas', () => {
  it('φ (Eq. 14) for heavy A′ equals direct quadrature, where the partial fractions cancel', () => {
    const lead = { Z: 82, A: 207.2 };
    for (const [m, E] of [
      [50, 60],
      [99, 99.5],
      [5, 100],
    ]) {
      const { tmin, tmax } = momentumTransferRange(m, E);
      const a = 111 / (Math.cbrt(82) * electronMass);
      const d = 0.164 * Math.pow(207.2, -2 / 3);
      const G2 = (t: number) => ((82 * a * a * t) / ((1 + a * a * t) * (1 + t / d))) ** 2;
      const direct = integrate((l) => { const t = Math.exp(l); return t * ((t - tmin) / (t * t)) * G2(t); }, Math.log(tmin), Math.log(tmax), { relTol: 1e-12 }).value;
      const phi = effectivePhotonFlux(lead, tmin, tmax);
      expect(phi).toBeGreaterThan(0);
      expect(phi / direct).toBeCloseTo(1, 9);
    }
  });

  it('the IWW shape falls to 0 like √(x − m/E′) at threshold, with no round-off sign flips', () => {
    const m = 50;
    const E = 50.000001;
    const yThr = 1 - m / E;
    for (const f of [0.5, 1e-3, 1e-6]) {
      const v = iwwShape(m, yThr * (1 - f), E);
      expect(v).toBeGreaterThan(0);
    }
    expect(iwwShape(m, yThr * (1 + 1e-9), E)).toBe(0);
    const r = iwwShape(m, yThr * (1 - 1e-6), E) / iwwShape(m, yThr * (1 - 1e-8), E);
    expect(r).toBeCloseTo(10, 2); // √(100)
  });

  it('a large energy cut: the kernel table agrees with direct quadrature within its local error bound', () => {
    const ctx = yieldContext(withOverrides(belle2, { energyCut: 0.99 }));
    const k = ctx.annihilationKernel();
    for (const eA of [k.start * 1.01, 0.06, 0.5, 2.5, k.cusp * 0.999, 5, 6.6]) {
      const direct = annihilationKernel(ctx, eA, 1e-11).value;
      expect(Math.abs(k.at(eA) - direct)).toBeLessThanOrEqual(k.errorAt(eA) + 1e-9 * direct);
      expect(k.errorAt(eA)).toBeLessThan(1e-3 * direct);
    }
  });
});

describe('ranges the numerics cannot serve are refused by the schema, naming the field', () => {
  const fieldOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).field;
    }
    return undefined;
  };
  it('α_D below 1e−8, m_A′/m_χ too close to 2 for a small α_D, thetaMax above 170°, lumi above 1e12, a 50 MeV beam', () => {
    expect(fieldOf(() => withOverrides(belle2, { alphaD: 1e-11 }))).toBe('alphaD');
    expect(fieldOf(() => withOverrides(belle2, { alphaD: 1e-8, massRatio: 2.000001 }))).toBe('massRatio');
    expect(withOverrides(belle2, { alphaD: 1e-3, massRatio: 2.000001 }).massRatio).toBe(2.000001);
    expect(fieldOf(() => withOverrides(belle2, { thetaMax: 179 }))).toBe('thetaMax');
    expect(fieldOf(() => withOverrides(belle2, { lumi: 1e280 }))).toBe('lumi');
    expect(fieldOf(() => withOverrides(na64, { beamEnergy: 0.05 }))).toBe('beamEnergy');
  });

  it('at the edges of the allowed ranges the results are finite and honest', () => {
    for (const c of [withOverrides(belle2, { lumi: 1e12 }), withOverrides(belle2, { lumi: 1e-30 }), withOverrides(belle2, { thetaMax: 170 })]) {
      for (const p of computeReach(c, [0.01, 0.07]).points) expectHonest(p);
    }
    for (const p of computeReach(withOverrides(na64, { beamEnergy: 0.1, particlesOnTarget: 1e25 }), [0.001, 0.01]).points) expectHonest(p);
  });
});

describe('moving electrons (the default of belle2 and babar): honest beyond the kinematic end', () => {
  const babar = EXPERIMENTS.babar.config;

  it('G(s) from its table agrees with direct quadrature within the stated bound, in the profile’s tail too', () => {
    const ctx = yieldContext(babar);
    const kernel = ctx.movingElectronKernel();
    const profile = materialProfile(ctx.target);
    // from the peak of F to the last s an electron's momentum reaches (G falls by ~10 orders)
    const mEnd = Math.sqrt(kernel.sHi);
    for (const m of [0.05, 0.08, 0.1, 0.11, 0.116, 0.119, 0.15, 0.5 * mEnd, 0.8 * mEnd, 0.99 * mEnd]) {
      const s = m * m;
      const direct = movingElectronKernelAt(ctx, profile, s, 1e-9);
      const stated = kernel.relError * kernel.at(s) + kernel.absErrorAt(s);
      expect(direct.value, `G at m = ${m}`).toBeGreaterThan(0);
      expect(Math.abs(kernel.at(s) - direct.value), `G at m = ${m}`).toBeLessThanOrEqual(stated + direct.absError);
      // and the bound is a useful one: G keeps its relative accuracy where only J's tail reaches F
      expect(stated, `G at m = ${m}`).toBeLessThan(1e-3 * direct.value);
    }
    expect([kernel.at(1.001 * kernel.sHi), kernel.absErrorAt(1.001 * kernel.sHi)]).toEqual([0, 0]); // no momentum reaches: exactly 0
  });

  it('BaBar’s default reach computes every mass, each yield with error ≤ value', () => {
    const r = computeReach(babar, logGrid(1e-3, 1, 60));
    for (const p of r.points) expectHonest(p);
    // beyond the kinematic end only moving electrons (and the Breit–Wigner tail) give annihilation
    const beyond = r.points.filter((p) => p.massGeV > 0.1 && p.massGeV < 0.17);
    expect(beyond.length).toBeGreaterThan(0);
    for (const p of beyond) expect(p.annihilationError).toBeLessThan(1e-3 * p.annihilation);
  });
});

describe('an open channel is never reported as 0 ± 0', () => {
  it('NA64 2019 as published (ETL A′-strahlung): at 90 and 99 GeV kinematics allows it, so a number > 0 or a one-line error naming the mass', () => {
    const na = EXPERIMENTS['na64-2019'].config as FixedTargetConfig;
    for (const m of [90, 99]) {
      expect(bremsstrahlungOpen(m, na.energyCut, na.beamEnergy)).toBe(true);
      let y: ReturnType<typeof computeYield> | undefined;
      try {
        y = computeYield(na, m);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).message).toMatch(new RegExp(`mass = ${m} GeV`));
        expect((e as ConfigError).message.includes('\n')).toBe(false);
      }
      if (y) {
        expect(y.bremsstrahlung).toBeGreaterThan(0);
        expectHonest(y);
      }
    }
  });
});

describe('exact tree-level A′-strahlung for a heavy A′ (t_min = (m²/2E)² beyond the old 200 GeV² cap)', () => {
  it('is positive where kinematics allows it (70 GeV at 100 GeV: t_min ≈ 600 GeV² was an empty range and σ = 0)', () => {
    const lead = resolveTarget('Pb').composition;
    expect(etlTotalCrossSection(lead, 100, 70).value).toBeGreaterThan(0);
  });

  it('where its integral cannot resolve the allowed region, a one-line error naming the mass, not 0 ± 0', () => {
    expect(() => crossSection({ model: 'etl', target: 'Pb', beamParticle: 'e-', beamEnergy: 100, mass: 99 })).toThrow(
      /^mass 99 GeV is not allowed for the etl model[^\n]*$/,
    );
    const iww = crossSection({ model: 'iww', target: 'Pb', beamParticle: 'e-', beamEnergy: 100, mass: 99 });
    expect(iww.crossSectionPb).toBeGreaterThan(0);
  });
});

describe('the spectral analysis’s binned shapes', () => {
  it('are converged and ≥ 0 in every bin, or a one-line error naming the mass', () => {
    expect(honestShape(0.07, () => ({ annihilation: [1, 2], bremsstrahlung: [0, 0] }))).toEqual({ annihilation: [1, 2], bremsstrahlung: [0, 0] });
    expect(() => honestShape(0.07, () => ({ annihilation: [1, -1e-9] }))).toThrow(/^A′ mass = 0\.07 GeV: the spectral signal shape is not finite and ≥ 0/);
    expect(() => honestShape(0.07, () => ({ annihilation: [NaN] }))).toThrow(ConfigError);
    const unconverged = () => integrate((x) => Math.sin(1 / x), 1e-9, 1, { relTol: 1e-12, maxIntervals: 5 });
    expect(() => honestShape(0.07, () => ({ annihilation: [unconverged().value] }))).toThrow(/^A′ mass = 0\.07 GeV: the spectral signal shape cannot be computed to its tolerance/);
  });
});
