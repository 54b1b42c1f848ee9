/**
 * Bands of the expected limit behave as statistics says: the normal functions
 * against tabulated values; the collider band against CCGV's asymptotic CLs
 * formula checked by simulating observations; the median equals the expected
 * limit exactly; the band's width shrinks as L^(-1/4) for a collider (ε ∝
 * (√N_b/N_s)^(1/2)) and as N_POT^(-1/2) for a fixed target; the Poisson band's
 * counts are the quantiles of Poisson(b); sampled input uncertainties against
 * closed forms, reproducible with a seed.
 */
import { describe, expect, it } from 'vitest';
import { belle2, na64_2019 } from '../../src/config/presets.js';
import { withOverrides } from '../../src/config/schema.js';
import { computeReach } from '../../src/reach.js';
import {
  BAND_QUANTILES,
  colliderAlpha,
  colliderSignalAt,
  normalCdf,
  normalQuantile,
  poissonQuantile,
  quantileSorted,
} from '../../src/statistics/bands.js';
import { seededRandom } from '../../src/statistics/random.js';
import { reachBand } from '../../src/statistics/reachBand.js';
import { defaultUncertainties, parseUncertainty, resolveUncertainties, systematicsBand } from '../../src/statistics/systematics.js';
import { ConfigError } from '../../src/config/schema.js';

const MASSES = [0.01, 0.0667, 0.07, 0.3];

describe('normal distribution', () => {
  it('Φ and Φ⁻¹ match tabulated values (Abramowitz & Stegun Table 26.1)', () => {
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 9);
    expect(normalCdf(-2)).toBeCloseTo(0.0227501319, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 8);
    expect(BAND_QUANTILES[2]).toBe(0.5);
  });

  it("the Δχ² = 2.71 criterion is the two-sided 90% one: α ≈ 0.0997", () => {
    expect(colliderAlpha(2.71)).toBeCloseTo(0.0997, 4);
    expect(normalQuantile(1 - colliderAlpha(2.71) / 2) ** 2).toBeCloseTo(2.71, 10);
  });
});

describe('statistical band (collider)', () => {
  it('is the asymptotic CLs limit at Nσ observations: simulated observations give the same quantiles', () => {
    // Observations x = n − b ~ N(0, σ); the CLs limit s solves Φ((x − s)/σ) / Φ(x/σ) = α.
    const b = 100;
    const sigma = Math.sqrt(b);
    const alpha = colliderAlpha(2.71);
    const limit = (x: number) => {
      let lo = 0;
      let hi = 20 * sigma;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (normalCdf((x - mid) / sigma) / normalCdf(x / sigma) > alpha) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const rng = seededRandom(7);
    const sims = Array.from({ length: 20000 }, () => limit(sigma * rng.normal())).sort((a, c) => a - c);
    for (const [i, n] of [-2, -1, 0, 1, 2].entries()) {
      const analytic = colliderSignalAt(b, 2.71, n);
      expect(Math.abs(quantileSorted(sims, BAND_QUANTILES[i]) / analytic - 1)).toBeLessThan(0.02);
    }
    // Far above the background, CLs turns into CL(s+b): s → σ (N + Φ⁻¹(1 − α)) (CCGV Eq. 88).
    expect(colliderSignalAt(b, 2.71, 6) / (sigma * (6 + normalQuantile(1 - alpha)))).toBeCloseTo(1, 6);
    // Downward fluctuations never exclude a zero signal.
    expect(colliderSignalAt(b, 2.71, -5)).toBeGreaterThan(0);
  });

  it('its median is the expected limit exactly, at every mass and at the best point (Δχ² and Poisson CLs statistics)', () => {
    const gauss = computeReach(withOverrides(belle2, { statistics: 'deltaChi2' }), MASSES);
    const g = reachBand(gauss, { statistical: true });
    g.points.forEach((p, i) => expect(p.epsilon90[2]).toBe(gauss.points[i].epsilon90));
    expect(g.counts).toBeUndefined();
    const r = computeReach(withOverrides(belle2, { statistics: 'cls' }), MASSES);
    const band = reachBand(r, { statistical: true });
    // CLs: the limits at the Poisson quantiles of the count; its median count is expectedCls.ts's.
    expect(band.counts?.[2]).toBe(91);
    band.points.forEach((p, i) => expect(p.epsilon90[2]).toBe(r.points[i].epsilon90));
    expect(band.best.epsilon90[2]).toBe(r.best.epsilon90);
    for (const p of band.points) for (let k = 1; k < 5; k++) expect(p.epsilon90[k]).toBeGreaterThan(p.epsilon90[k - 1]);
    expect(band.warnings).toEqual([]);
  });

  it('shrinks with luminosity as L^(-1/4) (N_s ∝ L, N_b ∝ L, ε ∝ (√N_b / N_s)^(1/2)), its relative width fixed', () => {
    // N_s ∝ ε² exactly needs invisible decays alone (visible ones add the branching ratio B(ε): models/visibleDecays.ts)
    const at = (lumi: number) =>
      reachBand(computeReach(withOverrides(belle2, { lumi, statistics: 'deltaChi2', visibleDecays: false }), MASSES), { statistical: true });
    const small = at(5);
    const large = at(50);
    for (let i = 0; i < MASSES.length; i++) {
      const w = (b: typeof small) => b.points[i].epsilon90[3] - b.points[i].epsilon90[1];
      expect(w(large) / w(small)).toBeCloseTo(10 ** -0.25, 9);
      expect(w(large) / large.points[i].epsilon90[2]).toBeCloseTo(w(small) / small.points[i].epsilon90[2], 9);
    }
    expect(small.warnings.join()).toMatch(/N_b ≫ 1; here N_b = 9\.15/);
  });
});

describe('statistical band (fixed target, Poisson CLs)', () => {
  it('takes the CLs limits at the quantiles of Poisson(b); for b = 0.53 the median count is 0 and the median is the published-style 2.3 events', () => {
    expect([0.5, 0.8413, 0.9772].map((q) => poissonQuantile(q, 0.53))).toEqual([0, 1, 2]);
    expect(poissonQuantile(0.5, 1000)).toBe(1000); // median of a large Poisson ≈ μ − 1/3 + …: 1000 for an integer mean (Choi 1994)
    const r = computeReach(na64_2019, [0.01, 0.1]);
    const band = reachBand(r, { statistical: true });
    expect(band.counts).toEqual([0, 0, 0, 1, 2]);
    expect(band.requiredSignal?.[2]).toBeCloseTo(-Math.log(0.1), 12);
    band.points.forEach((p, i) => expect(p.epsilon90[2]).toBe(r.points[i].epsilon90));
  });

  it('shrinks as N_POT^(-1/2) at a fixed background', () => {
    const at = (pot: number) => reachBand(computeReach(withOverrides(na64_2019, { particlesOnTarget: pot }), [0.05]), { statistical: true });
    const w = (b: ReturnType<typeof at>) => b.points[0].epsilon90[4] - b.points[0].epsilon90[0];
    expect(w(at(4e12)) / w(at(1e12))).toBeCloseTo(0.5, 9);
  });

  it('tells when the reach is an observed limit away from the median count', () => {
    const r = computeReach(withOverrides(na64_2019, { observedEvents: 3 }), [0.05]);
    expect(reachBand(r, { statistical: true }).warnings.join()).toMatch(/observedEvents = 3/);
  });
});

describe('input uncertainties (sampled)', () => {
  it('a relative luminosity uncertainty r moves ε by (1 + r)^(∓1/4) at ±1σ (ε ∝ L^(-1/4))', () => {
    const gauss = withOverrides(belle2, { statistics: 'deltaChi2' });
    const band = systematicsBand(gauss, { uncertainties: [{ field: 'lumi', kind: 'relative', relative: 0.2 }], samples: 20000, seed: 3 });
    expect(band.factors[1]).toBeCloseTo(1.2 ** -0.25, 2);
    expect(band.factors[3]).toBeCloseTo(1.2 ** 0.25, 2);
    expect(band.factors[2]).toBeCloseTo(1, 2);
  });

  it('an efficiency uncertainty moves ε as efficiency^(-1/2)', () => {
    const c = withOverrides(belle2, { signalEfficiency: 0.5, statistics: 'deltaChi2' });
    const band = systematicsBand(c, { uncertainties: [{ field: 'signalEfficiency', kind: 'relative', relative: 0.1 }], samples: 20000, seed: 5 });
    expect(band.factors[3]).toBeCloseTo(1.1 ** 0.5, 2);
    expect(band.factors[1]).toBeCloseTo(1.1 ** -0.5, 2);
  });

  it('a background-only count: N_b from a Gamma(k) count, ε ∝ N_b^(1/4)', () => {
    // Only photons: zero neutron counts, veto inefficiency ~ relative 1 → N_b ∝ veto: ε factors 2^(±1/4).
    const c = withOverrides(belle2, { neutronSingleEvents: 0, neutronMultiEvents: 0, statistics: 'deltaChi2' });
    const band = systematicsBand(c, { uncertainties: [{ field: 'photonVetoInefficiency', kind: 'relative', relative: 1 }], samples: 20000, seed: 9 });
    expect(band.factors[3]).toBeCloseTo(2 ** 0.25, 2);
    expect(band.factors[0]).toBeCloseTo(4 ** -0.25, 2);
  });

  it('no uncertainty, no band; the same seed, the same band', () => {
    expect(systematicsBand(belle2, { uncertainties: [], samples: 100 }).factors).toEqual([1, 1, 1, 1, 1]);
    const u = defaultUncertainties(belle2);
    expect(systematicsBand(belle2, { uncertainties: u, seed: 4 })).toEqual(systematicsBand(belle2, { uncertainties: u, seed: 4 }));
    expect(systematicsBand(belle2, { uncertainties: u, seed: 4 }).factors).not.toEqual(systematicsBand(belle2, { uncertainties: u, seed: 5 }).factors);
  });

  it('reads FIELD=poisson | R | R% | none, and refuses the rest in one line', () => {
    expect(parseUncertainty('lumi=0.05', belle2)).toEqual({ field: 'lumi', kind: 'relative', relative: 0.05 });
    expect(parseUncertainty('lumi=5%', belle2)).toEqual({ field: 'lumi', kind: 'relative', relative: 0.05 });
    expect(parseUncertainty('neutronMultiEvents=poisson', belle2)).toEqual({ field: 'neutronMultiEvents', kind: 'poisson' });
    expect(resolveUncertainties(belle2, [parseUncertainty('photonVetoInefficiency=none', belle2)]).map((u) => u.field)).toEqual(['neutronSingleEvents', 'neutronMultiEvents']);
    for (const [text, msg] of [
      ['alphaD=0.1', /alphaD cannot carry an uncertainty here/],
      ['lumi=poisson', /poisson is for counts/],
      ['lumi=-1', /relative uncertainty lies in/],
      ['lumi', /expected FIELD=poisson/],
      ['neutronPenetration=0.1', /computed from Eq. 7/],
    ] as const) {
      expect(() => parseUncertainty(text, belle2)).toThrow(ConfigError);
      expect(() => parseUncertainty(text, belle2)).toThrow(msg);
    }
    expect(() => parseUncertainty('lumi=0.1', na64_2019)).toThrow(/allowed: particlesOnTarget, signalEfficiency, backgroundEvents/);
  });
});
