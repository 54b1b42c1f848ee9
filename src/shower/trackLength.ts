/**
 * Positron differential track length in a thick target, App. A (Eqs. A1–A3),
 * after Tsai & Whitis, Phys. Rev. 149 (1966) 1248, first and second generation.
 *
 * T_e(E', E, L_T) = X0 ∫₀^{L_T/X0} I_e(E', E, t) dt  (A1) depends on the energies
 * only through v = E'/E: T_e = (X0/E) τ(v), with the dimensionless
 *   τ₁(v) = ∫₀^T (ln 1/v)^{b1 t − 1} / Γ(b1 t) dt                         (A2)
 *   τ₂(v) = 2 ∫_v^1 dx/x² G[A, B, C],  G(y) = ∫₀^T e^{ty} dt                (A3)
 * (A, B, C and G: see dividedDifference.ts; the t integral of A3 is done in
 * closed form). So τ is tabulated once per depth T and reused for every mass.
 *
 * Near v → 1 the first generation is singular but integrable:
 * τ(v) → 1/(b1 u ln²u) with u = 1 − v (positrons that have not yet radiated).
 * Bisection cannot resolve that (∫₀^δ du/(u ln²u) = 1/ln(1/δ) converges only
 * logarithmically), so the table and all integrals over it use w = 1/ln(1/u),
 * in which τ du = ỹ(w) dw with the smooth ỹ = τ u ln²u, ỹ(0) = 1/b1 exactly.
 * Nothing is cut off at v = 1.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { integrate, type QuadratureOptions, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { B1, depthIntegral2 } from './dividedDifference.js';
import { tabulate, type Table } from '../numeric/hermite.js';

/** A'/positron energy fractions below this are outside the table (v = E'/E). */
export const V_MIN = 1e-6;
/** The table switches from the w variable (u ≤ U_SPLIT) to ln v. */
const U_SPLIT = 0.5;
const W_SPLIT = 1 / Math.log(1 / U_SPLIT);

/** ln L where L = ln(1/v) = −ln(1 − u), accurate for tiny u. */
function logL(u: number): number {
  return Math.log(-Math.log1p(-u));
}

/**
 * First-generation depth-integrated spectrum (A2 in A1), times u ln²u, at u = 1 − v.
 * Uses 1/Γ(b1 t) = b1 t / Γ(b1 t + 1); the t integrand peaks at t ≈ 1/(b1 |ln L|),
 * which is given to the quadrature as breakpoints.
 */
function firstGenerationWeighted(u: number, T: number, relTol: number): QuadratureResult & { scale: number } {
  const lnL = logL(u);
  const L = -Math.log1p(-u);
  const lnu = Math.log(u);
  const scale = (u / L) * lnu * lnu; // τ₁ = scale⁻¹ × ∫ … below
  const f = (t: number) => {
    const z = B1 * t;
    return z === 0 ? 0 : z * Math.exp(z * lnL - gammaln(z + 1));
  };
  const tau = 1 / (B1 * Math.max(1, Math.abs(lnL)));
  const points = [tau, 3 * tau, 10 * tau, 30 * tau, 100 * tau].filter((p) => p < T);
  const r = integrate(f, 0, T, { relTol, points, absTol: 1e-300 });
  return { ...r, scale };
}

/** τ₁(v) of Eq. (A2) integrated over depth 0…T (X0); u = 1 − v. */
export function firstGenerationTrackLength(u: number, T: number, relTol = 1e-12): number {
  const L = -Math.log1p(-u);
  const r = firstGenerationWeighted(u, T, relTol);
  return r.value / L; // ∫ b1t L^{b1 t}/Γ(b1t+1) dt / L
}

/**
 * τ₂(v) of Eq. (A3) integrated over depth 0…T (X0); u = 1 − v. Integrated in
 * ξ = (x − v)/u, so that 1 − x = u(1 − ξ) and 1 − v/x = uξ/x keep full
 * precision when v is close to 1. The integrand vanishes like 1/ln at both
 * ends (B → −∞ at ξ = 0, A → −∞ at ξ = 1); each half is mapped with
 * ξ = e^{−1/s} (resp. 1 − ξ = e^{−1/s}), in which it is smooth.
 */
export function secondGenerationTrackLength(u: number, T: number, relTol = 1e-12): number {
  if (u === 0) return 0;
  const v = 1 - u;
  const C = -(7 / 9);
  // xi and eta = 1 − xi, each given exactly
  const f = (xi: number, eta: number) => {
    const x = v + u * xi;
    const A = B1 * Math.log(u * eta);
    const B = B1 * Math.log((u * xi) / x);
    return depthIntegral2(A, B, C, T) / (x * x);
  };
  const sMax = 1 / Math.LN2;
  // the bracket's removable singularity at b2 + b1 ln(1 − x) = 0 is a smooth point of f
  const xi0 = (1 - Math.exp(-7 / 12) - v) / u;
  const toS = (z: number) => -1 / Math.log(z);
  const opts = { relTol, absTol: 1e-300 };
  const left = integrate(
    (s) => {
      if (s === 0) return 0;
      const xi = Math.exp(-1 / s);
      return (f(xi, 1 - xi) * xi) / (s * s);
    },
    0,
    sMax,
    { ...opts, points: xi0 > 0 && xi0 < 0.5 ? [toS(xi0)] : [] },
  );
  const right = integrate(
    (s) => {
      if (s === 0) return 0;
      const eta = Math.exp(-1 / s);
      return (f(1 - eta, eta) * eta) / (s * s);
    },
    0,
    sMax,
    { ...opts, points: xi0 >= 0.5 && xi0 < 1 ? [toS(1 - xi0)] : [] },
  );
  return 2 * u * (left.value + right.value);
}

/**
 * Which shower particles a track length counts, as weights of the two
 * generations. A positron-initiated shower's positrons are the primary (first
 * generation) plus the pair-produced ones (second); an electron-initiated
 * shower has only the second-generation positrons; its electrons (or all
 * charged leptons of either shower) are the primary plus the pair electrons
 * and positrons, whose spectra are the same (A3 describes either member of
 * the pair).
 */
export interface Generations {
  first: number;
  second: number;
}

/** The paper's T_e: positrons of a positron-initiated shower. */
export const POSITRONS_OF_POSITRON_SHOWER: Generations = { first: 1, second: 1 };
/** Positrons of an electron-initiated shower: pair-produced only. */
export const POSITRONS_OF_ELECTRON_SHOWER: Generations = { first: 0, second: 1 };
/** Every charged lepton of a lepton-initiated shower: the primary, and both members of each pair. */
export const ALL_LEPTONS: Generations = { first: 1, second: 2 };

/** τ(v) = w₁τ₁ + w₂τ₂, the dimensionless track length; T_e = (X0/E) τ. */
export function trackLength(u: number, T: number, relTol = 1e-12, g: Generations = POSITRONS_OF_POSITRON_SHOWER): number {
  const first = g.first === 0 ? 0 : g.first * firstGenerationTrackLength(u, T, relTol);
  const second = g.second === 0 ? 0 : g.second * secondGenerationTrackLength(u, T, relTol);
  return first + second;
}

/** ỹ₁(w) = τ₁ u ln²u at u = e^{−1/w}; smooth on [0, W_SPLIT], ỹ₁(0) = 1/b1. */
function firstGenerationYTilde(w: number, T: number, relTol: number): number {
  if (w === 0) return 1 / B1;
  const u = Math.exp(-1 / w);
  const first = firstGenerationWeighted(u, T, relTol);
  return first.value * first.scale; // (∫…/L)·u ln²u
}

/** Smallest u of the second-generation table; below it τ₂ ∝ u (it vanishes linearly, up to logs). */
const U2_MIN = 1e-15;
const U2_SPLIT = 1e-3;

/** r(ln v) = v τ(v) on the regular side v ≤ 1/2. */
function vTau(lnv: number, T: number, relTol: number, g: Generations): number {
  const v = Math.exp(lnv);
  return v * trackLength(1 - v, T, relTol, g);
}

export interface TrackLengthTableOptions {
  /** Intervals on the singular side (in w) and the regular side (in ln v). */
  singularIntervals?: number;
  regularIntervals?: number;
  /** Tolerance of the quadratures that fill the table. */
  relTol?: number;
}

/**
 * τ(v) tabulated for one target depth T (in X0), with an honest measure of its
 * interpolation error: at build time the table is compared with direct
 * evaluation at every interval midpoint, and the largest relative difference is
 * added to every integral's error estimate. The regular side (v < 1/2, needed
 * only for energy cuts above 50%) is built on first use.
 */
export class TrackLengthTable {
  /**
   * ỹ(w) = τ u ln²u on u ≤ 1/2 when the first generation is counted (it is
   * then smooth in w, ỹ(0) = w₁/b1).
   */
  private readonly singular: Table | undefined;
  /**
   * Without a first generation (positrons of an electron shower) ỹ vanishes
   * like e^{−2/w} and w is a poor variable: ln τ₂ against ln u instead (τ₂ is
   * regular at v → 1, vanishing like u/ln²u), in two pieces split at U2_SPLIT so
   * that the steep rise towards u = 1/2 gets its own resolution.
   */
  private readonly secondNear: [Table, Table] | undefined;
  private regularTable: Table | undefined;
  private readonly lnvMin = Math.log(V_MIN);
  private readonly lnvMax = Math.log(1 - U_SPLIT);
  private readonly relTol: number;
  private readonly regularIntervals: number;

  constructor(
    readonly depth: number,
    options: TrackLengthTableOptions = {},
    readonly generations: Generations = POSITRONS_OF_POSITRON_SHOWER,
  ) {
    this.relTol = options.relTol ?? 1e-9;
    this.regularIntervals = options.regularIntervals ?? 256;
    const n = options.singularIntervals ?? 128;
    if (generations.first !== 0) {
      const { first, second } = generations;
      this.singular = tabulate(
        (w) => {
          const y1 = first * firstGenerationYTilde(w, depth, this.relTol);
          if (second === 0 || w === 0) return y1;
          const u = Math.exp(-1 / w);
          return u > 1e-200 ? y1 + (second * secondGenerationTrackLength(u, depth, this.relTol) * u) / (w * w) : y1;
        },
        0,
        W_SPLIT,
        n,
      );
    } else if (generations.second !== 0) {
      const lnTau2 = (lnu: number) => Math.log(secondGenerationTrackLength(Math.exp(lnu), depth, this.relTol));
      this.secondNear = [
        tabulate(lnTau2, Math.log(U2_MIN), Math.log(U2_SPLIT), n),
        tabulate(lnTau2, Math.log(U2_SPLIT), Math.log(U_SPLIT), 2 * n),
      ];
    }
  }

  private get regular(): Table {
    this.regularTable ??= tabulate(
      (lnv) => vTau(lnv, this.depth, this.relTol, this.generations),
      this.lnvMin,
      this.lnvMax,
      this.regularIntervals,
    );
    return this.regularTable;
  }

  /** Largest relative interpolation error of the parts built so far (ln τ₂'s absolute error is τ₂'s relative one). */
  get interpolationError(): number {
    return Math.max(this.singular?.error ?? 0, this.secondError(), this.regularTable?.error ?? 0);
  }

  private secondError(): number {
    return this.secondNear ? Math.max(this.secondNear[0].absError, this.secondNear[1].absError) : 0;
  }

  /** τ₂ on u ≤ 1/2 from its table (linear in u below U2_MIN). */
  private second(u: number): number {
    if (!this.secondNear) return 0;
    const [tiny, near] = this.secondNear;
    if (u >= U2_SPLIT) return Math.exp(near.spline.at(Math.log(u)));
    if (u >= U2_MIN) return Math.exp(tiny.spline.at(Math.log(u)));
    return (Math.exp(tiny.spline.at(Math.log(U2_MIN))) * u) / U2_MIN;
  }

  /** ỹ(w) = τ u ln²u on the singular side, at w = 1/ln(1/u). */
  private weighted(w: number, u: number): number {
    if (this.singular) return this.singular.spline.at(w);
    return (this.generations.second * this.second(u) * u) / (w * w);
  }

  /** τ(v) at u = 1 − v (pass u, not v, to keep precision near v = 1). */
  tau(u: number): number {
    if (u <= 0) return this.generations.first > 0 ? Infinity : 0;
    if (u <= U_SPLIT) {
      if (!this.singular) return this.generations.second * this.second(u);
      const lnu = Math.log(u);
      return this.singular.spline.at(-1 / lnu) / (u * lnu * lnu);
    }
    const v = 1 - u;
    if (v < V_MIN) throw new RangeError(`track-length table covers v = E'/E ≥ ${V_MIN}, got ${v}`);
    return this.regular.spline.at(Math.log(v)) / v;
  }

  /**
   * ∫_{uLo}^{uHi} τ(1 − u) g(u, v) du, with the v → 1 singularity mapped away
   * (w = 1/ln(1/u) for u ≤ 1/2, ln v beyond). `g` must be smooth on the range;
   * pass its kinks in u as `points`. Returns the value and error estimate.
   */
  integrate(
    g: (u: number, v: number) => number,
    uLo: number,
    uHi: number,
    options: QuadratureOptions = {},
  ): QuadratureResult {
    let value = 0;
    let error = 0;
    let evaluations = 0;
    let intervals = 0;
    let converged = true;
    const add = (r: QuadratureResult) => {
      value += r.value;
      error += r.error;
      evaluations += r.evaluations;
      intervals += r.intervals;
      converged &&= r.converged;
    };
    const points = options.points ?? [];
    let tableError = 0;
    if (uLo < U_SPLIT) {
      tableError = Math.max(this.singular?.error ?? 0, this.secondError());
      const hi = Math.min(uHi, U_SPLIT);
      const toW = (u: number) => (u <= 0 ? 0 : -1 / Math.log(u));
      const singular = this.singular?.spline;
      add(
        integrate(
          singular
            ? (w) => {
                if (w === 0) return 0; // u = 0 itself: g finite, measure zero
                const u = Math.exp(-1 / w);
                return singular.at(w) * g(u, 1 - u);
              }
            : (w) => {
                if (w === 0) return 0;
                const u = Math.exp(-1 / w);
                return this.weighted(w, u) * g(u, 1 - u);
              },
          toW(uLo),
          toW(hi),
          withPoints(options, points.filter((p) => p > uLo && p < hi).map(toW)),
        ),
      );
    }
    if (uHi > U_SPLIT) {
      const regular = this.regular.spline;
      tableError = Math.max(tableError, this.regular.error);
      const lo = Math.max(uLo, U_SPLIT);
      const toLnV = (u: number) => Math.log(1 - u);
      add(
        integrate(
          (lnv) => {
            const v = Math.exp(lnv);
            return regular.at(lnv) * g(1 - v, v);
          },
          toLnV(uHi),
          toLnV(lo),
          withPoints(options, points.filter((p) => p > lo && p < uHi).map(toLnV)),
        ),
      );
    }
    return { value, error: error + Math.abs(value) * tableError, evaluations, intervals, converged };
  }
}

/** `options` with other points, built field by field (an object spread of varied shapes is slow in hot loops). */
function withPoints(options: QuadratureOptions, points: number[]): QuadratureOptions {
  return { relTol: options.relTol, absTol: options.absTol, maxIntervals: options.maxIntervals, allowUnconverged: options.allowUnconverged, points };
}

const tables = new Map<string, TrackLengthTable>();

/** The shared table for target depth T (X0) and the particles counted, built on first use. */
export function trackLengthTable(depth: number, generations: Generations = POSITRONS_OF_POSITRON_SHOWER): TrackLengthTable {
  const key = `${depth}:${generations.first}:${generations.second}`;
  let t = tables.get(key);
  if (!t) {
    t = new TrackLengthTable(depth, {}, generations);
    tables.set(key, t);
  }
  return t;
}
