/**
 * A reach curve's yields interpolated in ln m (src/yields/curveYields.ts, massInterpolation
 * 'auto') against the same yields computed directly at each mass, for belle2, besiii, babar
 * and NA64 with the improved WW A′-strahlung: at many masses, and next to every breakpoint,
 * the direct yield lies within the interpolated one's reported error, whose interpolation
 * part stays within the 1e−4 tolerance; closed channels are exactly zero; 'off' and the best
 * point are the direct numbers; the fields a channel's kept yields ignore do not change it.
 */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, computeReach, logGrid, withOverrides, type AnyExperimentConfig } from '../../src/index.js';
import { reachPoint } from '../../src/reach.js';
import { annihilationYield } from '../../src/yields/annihilation.js';
import { bremsstrahlungYield } from '../../src/yields/bremsstrahlung.js';
import { radiativeSetup, radiativeYield } from '../../src/yields/radiative.js';
import { yieldContext, type YieldContext } from '../../src/yields/context.js';
import { CURVE_TOLERANCE, NOT_READ, breakpointsFor, clearCurveYields, curveYield, type Channel } from '../../src/yields/curveYields.js';
import { interpolatedInMass } from '../../src/yields/massGrid.js';
import type { QuadratureResult } from '../../src/numeric/gaussKronrod.js';
import { breathe } from '../breathe.js';
import { materialProfile } from '../../src/target/comptonProfile.js';
import { electronMass } from '../../src/constants.js';

const direct: Record<Channel, (ctx: YieldContext, m: number) => QuadratureResult> = {
  annihilation: (ctx, m) => annihilationYield(ctx, m),
  bremsstrahlung: (ctx, m) => bremsstrahlungYield(ctx, m),
  radiative: (ctx, m) => radiativeYield(ctx, m),
};

const CASES: [string, AnyExperimentConfig][] = [
  ['belle2', EXPERIMENTS.belle2.config],
  ['besiii', EXPERIMENTS.besiii.config],
  ['babar', EXPERIMENTS.babar.config],
  ['na64-2019 (iww)', withOverrides(EXPERIMENTS['na64-2019'].config, { bremsstrahlungModel: 'iww' })],
];

describe.each(CASES)('%s: interpolated yields against direct ones', (_, config) => {
  const ctx = yieldContext(config);
  for (const channel of ['bremsstrahlung', 'radiative', 'annihilation'] as Channel[]) {
    it(`${channel}: within the reported error at 80 masses and next to every breakpoint`, async () => {
      clearCurveYields();
      const breakpoints = breakpointsFor(ctx, channel);
      const near = breakpoints.flatMap((b) => [b * (1 - 1e-4), b * (1 + 1e-4), b * 0.98, b * 1.02]);
      const grid = logGrid(1e-3, 1, 80);
      const masses = [...grid, ...near].filter((m) => m >= 1e-3 && m <= 1).sort((a, b) => a - b);
      let interpolated = 0;
      let open = 0;
      for (const m of masses) {
        await breathe();
        const a = curveYield(ctx, channel, m);
        const b = direct[channel](ctx, m);
        if (b.value === 0) {
          expect(a, `${m} GeV: closed`).toMatchObject({ value: 0, error: 0 });
          continue;
        }
        expect(Math.abs(a.value - b.value), `${m} GeV: ${a.value} ± ${a.error} against ${b.value}`).toBeLessThanOrEqual(a.error);
        const onGrid = grid.includes(m);
        if (onGrid) open++;
        if (a.value === b.value) continue;
        if (onGrid) interpolated++;
        // not absurdly loose: what the interpolation adds is at most its tolerance, on top of an error
        // of the size the direct computation states (the nodes', at neighbouring masses)
        expect(a.error / a.value, `${m} GeV`).toBeLessThanOrEqual(3 * (b.error / b.value) + Math.expm1(CURVE_TOLERANCE) * 1.0001);
      }
      // of a curve's open masses the grid serves all but a few for A′-strahlung, and those away from the
      // kinematic features for the other channels (direct next to the breakpoints)
      expect(interpolated).toBeGreaterThan((channel === 'bremsstrahlung' ? 0.95 : 0.4) * open);
    }, 120_000);
  }
});

describe('curve yields', () => {
  it('are exactly 0 where kinematics closes a channel', () => {
    const belle2 = yieldContext(EXPERIMENTS.belle2.config);
    // e⁺e⁻ → γA′ with moving electrons closes at √(2m_e((1 + p_far/m_e)E_max + m_e)) at Belle II (yields/dopplerSpectrum.ts)
    const pFar = materialProfile(belle2.target).pFar;
    const end = Math.sqrt(2 * electronMass * ((1 + pFar / electronMass) * belle2.spectrum.energyMax + electronMass));
    for (const m of [end * 1.0001, end * 1.2, 1]) expect(curveYield(belle2, 'radiative', m)).toMatchObject({ value: 0, error: 0 });
    // A′-strahlung needs m < E_max − m_e: BESIII's positrons are at most 1.8865 GeV (1 + 6σ_E/E)
    const besiii = yieldContext(EXPERIMENTS.besiii.config);
    for (const m of [1.9, 2.5]) expect(curveYield(besiii, 'bremsstrahlung', m)).toMatchObject({ value: 0, error: 0 });
  });

  it("with massInterpolation 'off' are the direct numbers, bit for bit", () => {
    const config = withOverrides(EXPERIMENTS.belle2.config, { massInterpolation: 'off' });
    const ctx = yieldContext(config);
    const masses = [0.002, 0.03, 0.0667, 0.075, 0.2];
    const r = computeReach(config, masses, { includeEdges: false });
    r.points.forEach((p, i) => {
      expect(p.annihilation).toBe(annihilationYield(ctx, masses[i]).value);
      expect(p.bremsstrahlung).toBe(bremsstrahlungYield(ctx, masses[i]).value);
      expect(p.radiative).toBe(radiativeYield(ctx, masses[i]).value);
      expect(p.radiativeError).toBe(radiativeYield(ctx, masses[i]).error);
    });
  }, 60_000);

  it("with massInterpolation 'off' are kept per the fields they read: an α_D, efficiency or luminosity change gives its own direct number", () => {
    clearCurveYields();
    const base = withOverrides(EXPERIMENTS.belle2.config, { massInterpolation: 'off' });
    const masses = [0.03, 0.0667, 0.07];
    computeReach(base, masses, { includeEdges: false }); // keeps base's yields
    for (const change of [{ alphaD: 0.1 }, { signalEfficiency: 0.5 }, { lumi: 7 }, { massRatio: 2.5 }]) {
      const config = withOverrides(base, change);
      const ctx = yieldContext(config);
      const r = computeReach(config, masses, { includeEdges: false });
      r.points.forEach((p, i) => {
        expect(p.annihilation, JSON.stringify(change)).toBe(annihilationYield(ctx, masses[i]).value);
        expect(p.bremsstrahlung, JSON.stringify(change)).toBe(bremsstrahlungYield(ctx, masses[i]).value);
        expect(p.radiative, JSON.stringify(change)).toBe(radiativeYield(ctx, masses[i]).value);
      });
    }
  }, 60_000);

  it('give the best point computed directly at the mass found', () => {
    const config = EXPERIMENTS.belle2.config;
    const r = computeReach(config, logGrid(0.03, 0.2, 30));
    const at = reachPoint(yieldContext(config), r.requiredSignal, r.best.massGeV, { massGrid: false });
    // computed at the key's reference normalisation and scaled (kept with the curve's yields): equal up to that rounding
    expect(Math.abs(r.best.epsilon90 / at.epsilon90 - 1)).toBeLessThan(1e-13);
  }, 60_000);

  it('do not depend on the fields their kept values ignore (the keys of curveYields.ts)', () => {
    const base = EXPERIMENTS.belle2.config;
    const ctx = yieldContext(base);
    const changes: Record<string, Partial<typeof base>> = {
      alphaD: { alphaD: 0.2 },
      massRatio: { massRatio: 2.5 },
      darkMatter: { darkMatter: 'scalar' },
      massSplitting: { massSplitting: 0.3 },
      visibleDecays: { visibleDecays: false },
      electronMotion: { electronMotion: 'atRest' },
      radiativeAnnihilation: { radiativeAnnihilation: false },
      calorimeterDepth: { calorimeterDepth: 12 },
      bremsstrahlungModel: { bremsstrahlungModel: 'iww' },
      bremsstrahlungDepth: { bremsstrahlungDepth: 2 },
      bremsstrahlungTracks: { bremsstrahlungTracks: 'allLeptons' },
      statistics: { statistics: 'deltaChi2' },
      analysis: { analysis: 'spectral' },
    };
    for (const channel of ['bremsstrahlung', 'radiative', 'annihilation'] as Channel[]) {
      for (const [field, change] of Object.entries(changes)) {
        if (!NOT_READ[channel].has(field)) continue;
        const other = yieldContext(withOverrides(base, change));
        for (const m of [0.005, 0.07, 0.3]) {
          // e⁺e⁻ → γA′ reads the dark sector through its soft cut x₀(m), which tags its kept values
          if (channel === 'radiative' && radiativeSetup(ctx, m).x0 !== radiativeSetup(other, m).x0) continue;
          expect(direct[channel](other, m).value, `${channel}, ${field}, ${m} GeV`).toBe(direct[channel](ctx, m).value);
        }
      }
    }
    // the signal efficiency is kept out of the key: every yield is proportional to it
    const half = yieldContext(withOverrides(base, { signalEfficiency: 0.5 }));
    for (const channel of ['bremsstrahlung', 'radiative', 'annihilation'] as Channel[]) {
      for (const m of [0.005, 0.07]) expect(Math.abs(direct[channel](half, m).value / (0.5 * direct[channel](ctx, m).value) - 1)).toBeLessThan(1e-14);
    }
  }, 120_000);

  it('scale with the luminosity and particles on target, and do not depend on which configuration asked first', () => {
    const channels = ['bremsstrahlung', 'radiative', 'annihilation'] as Channel[];
    const masses = [0.005, 0.05, 0.0668, 0.09];
    const cases: [AnyExperimentConfig, Partial<AnyExperimentConfig>][] = [
      [EXPERIMENTS.belle2.config, { lumi: 7.3 }],
      [withOverrides(EXPERIMENTS['na64-2019'].config, { bremsstrahlungModel: 'iww' }), { particlesOnTarget: 1e12 }],
    ];
    for (const [base, change] of cases) {
      const other = withOverrides(base, change as never);
      const ratio = 'lumi' in change ? (change.lumi as number) / (base as { lumi: number }).lumi : (change as { particlesOnTarget: number }).particlesOnTarget / (base as { particlesOnTarget: number }).particlesOnTarget;
      const values = (first: AnyExperimentConfig, second: AnyExperimentConfig) => {
        clearCurveYields();
        const a = yieldContext(first);
        const b = yieldContext(second);
        const out = new Map<string, QuadratureResult>();
        for (const ch of channels) for (const m of masses) out.set(`${ch}|${m}|first`, curveYield(a, ch, m));
        for (const ch of channels) for (const m of masses) out.set(`${ch}|${m}|second`, curveYield(b, ch, m));
        return out;
      };
      const baseFirst = values(base, other);
      const otherFirst = values(other, base);
      for (const ch of channels) {
        for (const m of masses) {
          const y = baseFirst.get(`${ch}|${m}|first`) as QuadratureResult;
          const z = baseFirst.get(`${ch}|${m}|second`) as QuadratureResult;
          // the same bytes whichever configuration computed the kept values
          expect(otherFirst.get(`${ch}|${m}|second`), `${ch} ${m}`).toEqual(y);
          expect(otherFirst.get(`${ch}|${m}|first`), `${ch} ${m}`).toEqual(z);
          // linear in the normalisation, error included
          if (y.value === 0) expect(z).toMatchObject({ value: 0, error: 0 });
          else {
            expect(Math.abs(z.value / (ratio * y.value) - 1), `${ch} ${m}`).toBeLessThan(1e-13);
            expect(Math.abs(z.error / (ratio * y.error) - 1), `${ch} ${m}`).toBeLessThan(1e-13);
          }
        }
      }
    }
  }, 240_000);
});

describe('interpolatedInMass with breakpoints', () => {
  const exact = (value: number): QuadratureResult => ({ value, error: 0, evaluations: 1, intervals: 1, converged: true });
  // a smooth yield that jumps by a factor 2 at b: no stencil may straddle b
  const b = 0.0371;
  const N = (m: number) => (m < b ? 1 : 2) * Math.log(1 / m) ** 1.5 / (m * m);

  it('never interpolates across a breakpoint', () => {
    const owner = {};
    for (const m of [b * 0.9, b * 0.97, b * 0.999, b * 1.001, b * 1.03, b * 1.1]) {
      const r = interpolatedInMass(owner, 'jump', m, (x) => exact(N(x)), { tolerance: 1e-4, breakpoints: [b] });
      expect(Math.abs(r.value - N(m)), `${m}`).toBeLessThanOrEqual(r.error);
    }
  });

  it('catches a fourth derivative that changes sign across a five-node stencil (the six-node check)', () => {
    // ln(m²N) = a smooth step in ln m of width ~0.3 (one grid step): f⁗ changes sign at its centre
    const c = Math.log(0.02);
    const f = (m: number) => Math.exp(0.01 * Math.tanh((Math.log(m) - c) / 0.3)) / (m * m);
    const owner = {};
    for (let m = 0.01; m < 0.04; m *= 1.013) {
      const r = interpolatedInMass(owner, 'tanh', m, (x) => exact(f(x)), { tolerance: 1e-4 });
      expect(Math.abs(r.value - f(m)), `${m}`).toBeLessThanOrEqual(r.error);
    }
  });
});
