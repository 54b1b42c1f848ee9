/**
 * The spectral analysis (analysis: spectral) against what it must satisfy
 * whatever the code computes: one bin is the counting experiment, more bins
 * never weaken it, every channel's binned signal adds up to its yield, and a
 * bad bin list or resolution is refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import { belle2, computeBackground, computeReach, ConfigError, EXPERIMENTS, withOverrides, yieldContext } from '../../src/index.js';
import type { BackgroundSummary, FixedTargetConfig } from '../../src/index.js';
import { spectralSetup } from '../../src/spectral/spectrum.js';
import { electronMass } from '../../src/constants.js';
import { clearCurveYields } from '../../src/yields/curveYields.js';
import { formulaUnitPhotonFlux, PHI_TABLE_INTERVALS } from '../../src/yields/bremsstrahlung.js';
import { tabulate } from '../../src/numeric/hermite.js';

// The binned likelihood is Gaussian (Δχ²) for colliders: compared with counting under the same statistic.
const seedStatistic = withOverrides(belle2, { statistics: 'deltaChi2' });
const spectral = withOverrides(seedStatistic, { analysis: 'spectral' });
const masses = [0.01, 0.04, 0.06, 0.0667, 0.07, 0.078, 0.3];

describe('spectral analysis at Belle II', () => {
  const r = computeReach(spectral, masses, { includeEdges: false });
  const counting = computeReach(seedStatistic, masses, { includeEdges: false });

  it('is never weaker than counting on the same yields, and gains where the resonance is a line', () => {
    r.points.forEach((p, i) => {
      expect(p.epsilon90Counting).toBe(counting.points[i].epsilon90);
      expect(p.epsilon90).toBeLessThanOrEqual(p.epsilon90Counting * (1 + 1e-12));
    });
    const inWindow = r.points.find((p) => p.massGeV === 0.07)!;
    expect(inWindow.epsilon90Counting / inWindow.epsilon90).toBeGreaterThan(1.2);
  });

  it('with one bin (two edges) it is the counting limit', () => {
    const [lo, hi] = [(1 - 0.05) * 4.35 - electronMass, 6.6];
    const one = computeReach(withOverrides(spectral, { spectralBins: [lo, hi] }), masses, { includeEdges: false });
    one.points.forEach((p) => expect(p.epsilon90 / p.epsilon90Counting).toBeCloseTo(1, 12));
    expect(one.spectral?.background).toHaveLength(1);
    expect(one.spectral!.background[0]).toBeCloseTo(computeBackground(belle2).total, 9);
  });

  it('bins the whole background and each channel’s whole yield (outer bins open-ended)', () => {
    const bg = computeBackground(belle2) as BackgroundSummary;
    const setup = spectralSetup(yieldContext(spectral), bg);
    expect(setup.background.reduce((a, b) => a + b, 0)).toBeCloseTo(bg.total, 9);
    for (const b of setup.background) expect(b).toBeGreaterThanOrEqual(10);
    const y = { annihilation: 3e9, bremsstrahlung: 4e7, radiative: 2e9 };
    const s = setup.signal(0.07, y);
    for (const k of ['annihilation', 'bremsstrahlung', 'radiative'] as const) {
      expect(s[k].reduce((a, b) => a + b, 0) / y[k]).toBeCloseTo(1, 9);
    }
    // the resonance is a line at q = m²/2m_e − m_e, smeared by the resolution: its bin and the neighbours hold it
    const q = (0.07 * 0.07) / (2 * electronMass) - electronMass;
    const k = Math.max(0, setup.mergedEdges.findIndex((e, i) => i > 0 && q < e) - 1);
    expect(s.annihilation[k] + (s.annihilation[k + 1] ?? 0) + (s.annihilation[k - 1] ?? 0)).toBeGreaterThan(0.9 * y.annihilation);
  });

  it('a fixed target with no observed events: the spectral limit is the counting one (CLs e^{−Σs} ignores bins)', () => {
    const na = EXPERIMENTS['na64-2019'].config as FixedTargetConfig;
    const a = computeReach(withOverrides(na, { analysis: 'spectral', spectralBins: [0, 10, 20, 50] }), [0.05, 0.2], { includeEdges: false });
    a.points.forEach((p) => expect(p.epsilon90 / p.epsilon90Counting).toBeCloseTo(1, 12));
  });
});

describe('spectral analysis: bad input names the field', () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ analysis: 'binned' }, /^config field analysis = "binned" is not allowed \(allowed: counting, spectral/],
    [{ spectralBins: [5, 4.5, 6] }, /^config field spectralBins = \[5,4\.5,6\] is not allowed .*edges must increase/],
    [{ spectralBins: [] }, /^config field spectralBins = \[\] is not allowed .*empty/],
    [{ spectralBins: [5, 5, 6] }, /^config field spectralBins = \[5,5,6\] is not allowed .*empty bin/],
    [{ spectralBins: [5, Number.NaN] }, /^config field spectralBins/],
    [{ resolutionStochastic: 0 }, /^config field resolutionStochastic = 0 is not allowed/],
    [{ resolutionConstant: -0.01 }, /^config field resolutionConstant = -0\.01 is not allowed/],
    [{ resolutionStochastic: Number.NaN }, /^config field resolutionStochastic = NaN is not allowed/],
    [{ momentumResolution: 0 }, /^config field momentumResolution = 0 is not allowed/],
  ];
  it.each(bad)('%j', (override, message) => {
    expect(() => withOverrides(belle2, override)).toThrow(ConfigError);
    expect(() => withOverrides(belle2, override)).toThrow(message);
  });

  it('bins outside the kinematic range of the missing energy', () => {
    const cfg = withOverrides(belle2, { analysis: 'spectral', spectralBins: [1, 2, 3] });
    expect(() => computeReach(cfg, [0.05])).toThrow(/^config field spectralBins = \[1, 2, 3\] is not allowed \(edges must lie within the missing energy's range 4\.\d+–6\.\d+ GeV/);
    const ok = withOverrides(belle2, { analysis: 'spectral', spectralBins: [4.2, 5, 6.6] });
    expect(() => computeReach(ok, [0.05])).not.toThrow();
  });

  it('a fixed target with observed events cannot be spectral', () => {
    const na = withOverrides(EXPERIMENTS['na64-2019'].config as FixedTargetConfig, { analysis: 'spectral', observedEvents: 2 });
    expect(() => computeReach(na, [0.05])).toThrow(/^config field analysis = "spectral" is not allowed with observedEvents = 2/);
  });
});

describe('spectral analysis with statistics cls (the median expected Poisson CLs count)', () => {
  const cls = withOverrides(belle2, { statistics: 'cls', analysis: 'spectral' });
  const counting = computeReach(withOverrides(cls, { analysis: 'counting' }), [0.04, 0.07], { includeEdges: false });

  it('is the counting CLs limit times the binned Poisson (Asimov) gain: never weaker, and one bin is the count', () => {
    const r = computeReach(cls, [0.04, 0.07], { includeEdges: false });
    r.points.forEach((p, i) => {
      expect(p.epsilon90Counting).toBe(counting.points[i].epsilon90);
      expect(p.epsilon90).toBeLessThanOrEqual(p.epsilon90Counting);
    });
    expect(r.points[1].epsilon90Counting / r.points[1].epsilon90).toBeGreaterThan(1.2);
    const one = computeReach(withOverrides(cls, { spectralBins: [4.2, 6.6] }), [0.04, 0.07], { includeEdges: false });
    one.points.forEach((p, i) => expect(p.epsilon90 / counting.points[i].epsilon90).toBeCloseTo(1, 12));
  });
});

describe('spectral analysis: kept shapes (spectral/spectrum.ts, like yields/curveYields.ts)', () => {
  const grid = [0.002, 0.02, 0.0667, 0.075, 0.3];
  const limits = (r: ReturnType<typeof computeReach>) =>
    r.points.map((p) => [p.epsilon90, p.epsilon90Annihilation, p.epsilon90Bremsstrahlung, p.epsilon90Radiative]);
  it('give the same bits as shapes computed afresh, also for a configuration that differs only in fields a shape does not read', () => {
    const a = withOverrides(belle2, { analysis: 'spectral' });
    // α_D is not in the A′-strahlung shape's key (it is in the other two); the bins are in none
    const b = withOverrides(a, { alphaD: 0.1, spectralBins: [4.2, 5, 5.5, 6, 6.5] });
    clearCurveYields();
    const keptA = computeReach(a, grid, { includeEdges: false });
    const keptB = computeReach(b, grid, { includeEdges: false });
    const againA = computeReach(a, grid, { includeEdges: false });
    clearCurveYields();
    const freshB = computeReach(b, grid, { includeEdges: false });
    clearCurveYields();
    const freshA = computeReach(a, grid, { includeEdges: false });
    expect(limits(keptA)).toEqual(limits(freshA));
    expect(limits(againA)).toEqual(limits(freshA));
    expect(limits(keptB)).toEqual(limits(freshB));
  });
});

describe('spectral analysis: the A′-strahlung shape reads Φ(E′) from a table in ln E′', () => {
  it('within 1e-6 of Φ evaluated directly over the energies the shape reaches, 1 MeV–3 GeV', () => {
    const ctx = yieldContext(withOverrides(belle2, { analysis: 'spectral' }));
    const c = ctx.config.energyCut;
    const hi = Math.log(ctx.spectrum.energyMax);
    for (const m of [0.001, 0.01, 0.0667, 0.3, 1, 3]) {
      const lo = Math.log(Math.max((1 - c) * ctx.spectrum.energyMin, m));
      const table = tabulate((l) => formulaUnitPhotonFlux(ctx, m, Math.exp(l)), lo, hi, PHI_TABLE_INTERVALS);
      for (let i = 0; i < 100; i++) {
        const l = lo + ((hi - lo) * (i + 0.37)) / 100;
        expect(Math.abs(table.spline.at(l) / formulaUnitPhotonFlux(ctx, m, Math.exp(l)) - 1)).toBeLessThan(1e-6);
      }
    }
  });
});
