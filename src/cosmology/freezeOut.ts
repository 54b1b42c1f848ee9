/**
 * Thermal freeze-out: the relic abundance of a dark-matter species from the
 * Boltzmann equation in the form of Gondolo & Gelmini (Nucl. Phys. B 360 (1991)
 * 145, Eqs. 1–3 and their relativistic thermal average),
 *
 *   dY/dx = −√(π/45) M_Pl g_*^{1/2}(T) (m/x²) ⟨σ_eff v⟩(x) (Y² − Y_eq²),   x = m/T,
 *   Y = n/s,  Y_eq = n_eq/s,  s = h_eff (2π²/45) T³,
 *
 * with coannihilation as in Griest & Seckel (PRD 43 (1991) 3191) and Edsjö &
 * Gondolo (PRD 56 (1997) 1879): n counts every dark state, and
 *
 *   ⟨σ_eff v⟩ n_eq² = Σ_ij g_i g_j (T/32π⁴) ∫ ds σ_ij(s) λ(s, m_i², m_j²)/√s K₁(√s/T).
 *
 * Today Ω h² = m Y₀ s₀ h²/ρ_c. The equation is integrated from x = max(3, m/150 MeV) (deep in
 * equilibrium; the plasma table of degreesOfFreedom.ts ends at T = 150 MeV, and freeze-out at
 * x ≈ 15–25 is far later even for m = 1 GeV, x_start = 6.7) to x = 3000 by backward Euler in ln x (each step a quadratic,
 * unconditionally stable where the equation is stiff), on N, 2N and 4N steps with
 * Richardson extrapolation; the extrapolations from (N, 2N) and (2N, 4N) must agree to
 * 1e−4 or the step count doubles (a number is converged or an error). ⟨σ_eff v⟩ and g_*^{1/2} are taken on a grid in
 * x and interpolated in ln–ln.
 */
import { QuadratureError } from '../numeric/gaussKronrod.js';
import { HIGHEST_TEMPERATURE, LOWEST_TEMPERATURE, plasma } from './degreesOfFreedom.js';

/** Planck mass M_Pl = 1.220890e19 GeV (PDG 2022, Physical constants). */
export const PLANCK_MASS = 1.22089e19;
/** Entropy density today s₀ = 2891.2 cm⁻³ (PDG 2022, Astrophysical constants, T₀ = 2.7255 K). */
export const ENTROPY_TODAY = 2891.2; // cm⁻³
/** Critical density ρ_c/h² = 1.05371e−5 GeV cm⁻³ (PDG 2022, Astrophysical constants). */
export const CRITICAL_DENSITY = 1.05371e-5; // h² GeV cm⁻³
/** The dark-matter density Ω_c h² = 0.120 ± 0.001 (Planck 2018, A&A 641 (2020) A6, TT,TE,EE+lowE+lensing). */
export const OMEGA_DM_H2 = 0.12;

export interface FreezeOutProblem {
  /** Mass of the lightest dark state, GeV (the one left today). */
  mass: number;
  /** ln(n_eq/T³) of all dark states together at x = mass/T (a logarithm: n_eq ∝ e^{−x} underflows). */
  logEquilibriumDensity: (x: number) => number;
  /** ⟨σ_eff v⟩ at x, GeV⁻². */
  sigmaV: (x: number) => number;
}

export interface FreezeOutResult {
  /** Ω h² today. */
  omegaH2: number;
  /** Y = n/s today. */
  yieldToday: number;
  /** x at which Y first exceeds 2 Y_eq (the freeze-out). */
  xFreezeOut: number;
  /** Relative difference of the two Richardson extrapolations (a bound on the error). */
  relError: number;
}

const X_START = 3;
/** Latest start allowed: freeze-out (x ≈ 15–25) must come well after it. */
const X_START_MAX = 10;
const X_END = 3000;

/** Where the integration starts for a relic of this mass (GeV): x = max(3, m/T_max). */
export function startingPoint(mass: number): number {
  return Math.max(X_START, mass / HIGHEST_TEMPERATURE);
}
const GRID = 160;

/**
 * Solves the freeze-out of a problem, from x = xStart (default {@link startingPoint}; at least
 * m/150 MeV, at most 10) in equilibrium; throws a {@link QuadratureError} when it does not converge.
 */
export function freezeOut(p: FreezeOutProblem, relTol = 1e-4, xStart = startingPoint(p.mass)): FreezeOutResult {
  if (p.mass / X_START_MAX > HIGHEST_TEMPERATURE || p.mass / X_END < LOWEST_TEMPERATURE) {
    throw new RangeError(
      `freeze-out is computed for masses from ${X_END * LOWEST_TEMPERATURE} to ${X_START_MAX * HIGHEST_TEMPERATURE} GeV (the plasma table), got ${p.mass} GeV`,
    );
  }
  if (!(xStart >= p.mass / HIGHEST_TEMPERATURE && xStart <= X_START_MAX)) {
    throw new RangeError(`the freeze-out must start between x = ${p.mass / HIGHEST_TEMPERATURE} (T = 150 MeV) and ${X_START_MAX}, got ${xStart}`);
  }
  // coefficient c(x) = √(π/45) M_Pl g_*^{1/2} m/x² ⟨σv⟩ and Y_eq(x), on a grid in ln x
  const lnA = Math.log(xStart);
  const lnB = Math.log(X_END);
  const nodes = Array.from({ length: GRID }, (_, i) => lnA + ((lnB - lnA) * i) / (GRID - 1));
  const lnC: number[] = [];
  const lnYeq: number[] = [];
  for (const t of nodes) {
    const x = Math.exp(t);
    const T = Math.min(p.mass / x, HIGHEST_TEMPERATURE); // exp(ln x) may round x down by an ulp
    const { hEff, gStarHalf } = plasma(T);
    const c = Math.sqrt(Math.PI / 45) * PLANCK_MASS * gStarHalf * (p.mass / (x * x)) * p.sigmaV(x);
    // 0 only where ⟨σv⟩ underflows long after freeze-out (coannihilation, ∝ e^{−δx}): no annihilation there
    if (!(c >= 0) || !Number.isFinite(c) || (c === 0 && x < 100)) throw new RangeError(`⟨σv⟩ must be finite and > 0 for the freeze-out, got ${p.sigmaV(x)} at x = ${x}`);
    lnC.push(Math.log(c));
    lnYeq.push(p.logEquilibriumDensity(x) - Math.log(hEff * ((2 * Math.PI * Math.PI) / 45)));
  }
  const interp = (table: number[], t: number) => {
    const u = ((t - lnA) / (lnB - lnA)) * (GRID - 1);
    const i = Math.min(GRID - 2, Math.max(0, Math.floor(u)));
    const f = u - i;
    // ln 0 = −∞ at either end (an underflowed ⟨σv⟩): none in the interval (never for Y_eq, whose logarithm is computed)
    if (table[i] === -Infinity || table[i + 1] === -Infinity) return -Infinity;
    return table[i] + f * (table[i + 1] - table[i]);
  };
  const solve = (steps: number) => {
    let Y = Math.exp(lnYeq[0]);
    let xf = NaN;
    const h = (lnB - lnA) / steps;
    for (let n = 1; n <= steps; n++) {
      const t = lnA + n * h;
      const x = Math.exp(t);
      const dx = x - Math.exp(t - h);
      const k = Math.exp(interp(lnC, t)) * dx;
      const yeq = Math.exp(interp(lnYeq, t));
      // Y' = Y − k (Y'² − Y_eq²)  ⇒  k Y'² + Y' − (Y + k Y_eq²) = 0, the positive root without cancellation
      const b = Y + k * yeq * yeq;
      Y = (2 * b) / (1 + Math.sqrt(1 + 4 * k * b));
      if (Number.isNaN(xf) && Y > 2 * yeq) xf = x;
    }
    return { Y, xf };
  };
  // Richardson: backward Euler is first order, so R(N) = 2Y(2N) − Y(N) is second order; the
  // difference of R(N) and R(2N) bounds the error of R(N) and R(2N) is returned
  let steps = 1000;
  let y1 = solve(steps);
  let y2 = solve(2 * steps);
  for (;;) {
    const y4 = solve(4 * steps);
    const r1 = 2 * y2.Y - y1.Y;
    const r2 = 2 * y4.Y - y2.Y;
    const relError = Math.abs(r2 / r1 - 1);
    if (relError <= relTol) {
      return { omegaH2: (p.mass * r2 * ENTROPY_TODAY) / CRITICAL_DENSITY, yieldToday: r2, xFreezeOut: y4.xf, relError };
    }
    if (steps > 64000) throw new QuadratureError(`the freeze-out of a ${p.mass} GeV relic did not converge (extrapolations differ by ${relError.toPrecision(2)})`);
    steps *= 2;
    y1 = y2;
    y2 = y4;
  }
}
