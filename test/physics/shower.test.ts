/**
 * Tsai–Whitis shower (Eq. 5, App. A) against the paper's Eq. (6) value,
 * closed forms of the first generation, an independent evaluation of Eq. (A3)
 * exactly as printed, and the v → 1 asymptotics.
 */
import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { photonEscapeProbability, photonSpectrum } from '../../src/shower/photonSpectrum.js';
import {
  TrackLengthTable,
  firstGenerationTrackLength,
  secondGenerationTrackLength,
  trackLength,
} from '../../src/shower/trackLength.js';
import { integrateLogSingularAt0 } from '../../src/numeric/transforms.js';

const b1 = 4 / 3;
const b2 = 7 / 9;

describe('photon spectrum (Eq. 5) and punch-through (Eq. 6)', () => {
  it('gives the paper’s 4.7e−8 for x_γ > 0.95 at t = 16', () => {
    const p = photonEscapeProbability(16, 0.95);
    expect(p.value).toBeGreaterThan(4.65e-8);
    expect(p.value).toBeLessThan(4.75e-8);
    expect(p.error / p.value).toBeLessThan(1e-8);
  });

  it('equals Eq. (5) as printed away from its removable singularity, and is continuous through it', () => {
    const printed = (t: number, x: number) =>
      ((Math.pow(1 - x, (4 / 3) * t) - Math.exp(-(7 / 9) * t)) / (7 / 9 + (4 / 3) * Math.log(1 - x))) / x;
    for (const t of [0.5, 1, 4, 16]) for (const x of [0.01, 0.2, 0.7, 0.95, 0.999]) {
      expect(photonSpectrum(t, x) / printed(t, x)).toBeCloseTo(1, 10);
    }
    const x0 = 1 - Math.exp(-7 / 12); // 7/9 + (4/3) ln(1 − x0) = 0
    for (const t of [1, 16]) {
      const left = photonSpectrum(t, x0 - 1e-7);
      const right = photonSpectrum(t, x0 + 1e-7);
      expect(Number.isFinite(photonSpectrum(t, x0))).toBe(true);
      expect(right / left).toBeCloseTo(1, 5);
    }
  });
});

describe('first-generation track length (A2 in A1)', () => {
  // T ≤ 4: the v → 0 tail of the zeroth moment, e^{−L}L^{b1T−1}, is then negligible beyond L = 36 (v = 2e−16, the
  // smallest v a double 1 − u can carry)
  for (const T of [1, 4]) {
    it(`∫ τ₁ dv = T and ∫ v τ₁ dv = (1 − 2^(−b1 T))/(b1 ln 2) for T = ${T}`, () => {
      // ∫₀¹ (ln 1/v)^{bt−1}/Γ(bt) v^n dv = (n+1)^{−bt}, so integrating over t ∈ [0, T] gives these closed forms.
      // The integral over u = 1 − v is singular like 1/(u ln²u) at u = 0: done with the log transform.
      // below u = 1e−300 (underflow) the asymptotic series u·τ₁ → (1 + 2γ/ln(1/u))/(b1 ln²u) is used (from
      // 1/Γ(1 + z) = 1 + γz + …); that piece weighs 1/(b1·690) ≈ 1e−3 and the series is good to O(ln⁻²u) of it
      const uTau = (u: number, lnU: number) =>
        u > 1e-300 ? u * firstGenerationTrackLength(u, T) : (1 - (2 * 0.5772156649015329) / lnU) / (b1 * lnU * lnU);
      // v ≤ 1/2 in L = ln(1/v), dv = e^{−L} dL: τ₁ grows like L^{b1T−1} as v → 0, so the tail reaches far
      const lowV = (n: number) =>
        integrate((L) => Math.exp(-(n + 1) * L) * firstGenerationTrackLength(-Math.expm1(-L), T), Math.LN2, 36, {
          relTol: 1e-10,
          points: [5, 20],
        }).value;
      const zeroth = integrateLogSingularAt0(uTau, 0.5, { relTol: 1e-10 }).value + lowV(0);
      const first = integrateLogSingularAt0((u, lnU) => (1 - u) * uTau(u, lnU), 0.5, { relTol: 1e-10 }).value + lowV(1);
      expect(Math.abs(zeroth - T)).toBeLessThan(1e-7);
      expect(Math.abs(first - (1 - Math.pow(2, -b1 * T)) / (b1 * Math.LN2))).toBeLessThan(1e-7);
    });
  }

  it('is singular like 1/(b1 u ln²u) as v → 1 (positrons that have not radiated)', () => {
    for (const u of [1e-30, 1e-100, 1e-250]) {
      const asym = 1 / (b1 * u * Math.log(u) ** 2);
      expect(firstGenerationTrackLength(u, 16) / asym).toBeCloseTo(1, 1);
    }
    // and the approach is the series 1 + 2γ/ln(1/u)·… : closer for smaller u
    const r = (u: number) => firstGenerationTrackLength(u, 16) * b1 * u * Math.log(u) ** 2 - 1;
    expect(Math.abs(r(1e-250))).toBeLessThan(Math.abs(r(1e-30)));
  });

  it('agrees with a direct evaluation of (A2) by brute-force quadrature over depth', () => {
    for (const v of [0.3, 0.9, 0.99]) {
      const L = Math.log(1 / v);
      const direct = integrate((t) => (t === 0 ? 0 : Math.exp((b1 * t - 1) * Math.log(L) - gammaln(b1 * t))), 0, 16, {
        relTol: 1e-12,
        points: [0.01, 0.1, 1],
      }).value;
      expect(firstGenerationTrackLength(1 - v, 16) / direct).toBeCloseTo(1, 9);
    }
  });
});

describe('second-generation track length (A3 in A1)', () => {
  /** Eq. (A3) exactly as printed, integrated over depth by brute force (independent of the divided-difference form). */
  function printedA3(v: number, T: number): number {
    const I2 = (t: number) =>
      integrate(
        (x) => {
          const w = 1 - v / x;
          const br =
            (Math.pow(1 - x, b1 * t) - Math.pow(w, b1 * t)) / (b1 * Math.log((x - x * x) / (x - v))) +
            (Math.exp(-b2 * t) - Math.pow(w, b1 * t)) / (b2 + b1 * Math.log(w));
          return (2 / (x * x)) * (br / (b2 + b1 * Math.log(1 - x)));
        },
        v,
        1,
        { relTol: 1e-9, allowUnconverged: true, maxIntervals: 4000 },
      ).value;
    return integrate(I2, 0, T, { relTol: 1e-7, points: [0.1, 1, 4] }).value;
  }

  for (const [v, T] of [
    [0.2, 16],
    [0.6, 16],
    [0.95, 1],
  ]) {
    it(`matches the printed formula at v = ${v}, T = ${T}`, () => {
      expect(secondGenerationTrackLength(1 - v, T) / printedA3(v, T)).toBeCloseTo(1, 4);
    });
  }

  it('vanishes as v → 1 (no second-generation positron carries the full energy)', () => {
    expect(secondGenerationTrackLength(1e-6, 16) / firstGenerationTrackLength(1e-6, 16)).toBeLessThan(1e-5);
  });
});

describe('track-length table', () => {
  const table = new TrackLengthTable(16);

  it('reports an interpolation error below 1e−6 and honours it against direct evaluation', () => {
    expect(table.interpolationError).toBeLessThan(1e-6);
    for (const u of [3e-200, 1e-40, 1e-9, 1e-3, 0.03, 0.2, 0.45, 0.7, 0.99, 0.9999]) {
      const direct = trackLength(u, 16, 1e-11);
      expect(Math.abs(table.tau(u) / direct - 1)).toBeLessThanOrEqual(Math.max(table.interpolationError, 1e-9));
    }
  });

  it('integrates over v up to 1 with nothing cut off; a cut at v = 1 − 1e−15 loses several per cent above v = 0.95', () => {
    const full = table.integrate(() => 1, 0, 0.05, { relTol: 1e-10 });
    const cut = integrate((u) => table.tau(u), 1e-15, 0.05, { relTol: 1e-10, allowUnconverged: true, maxIntervals: 5000 });
    // the missing piece is ≈ ∫₀^1e−15 du/(b1 u ln²u) = 1/(b1 ln 1e15) = 0.0217
    expect(full.value - cut.value).toBeGreaterThan(0.02);
    expect((full.value - cut.value) / full.value).toBeGreaterThan(0.03);
    // the full integral: 1/(b1 ln 20) = 0.2504 from the leading singular term, plus the regular rest
    expect(full.value).toBeGreaterThan(0.25);
    expect(full.value).toBeLessThan(0.32);
  });
});
