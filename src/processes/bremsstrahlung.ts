/**
 * A'-strahlung on nuclei in the Weizsäcker–Williams approximation, Eqs. (13)–(14)
 * (Bjorken, Essig, Schuster & Toro, PRD 80 (2009) 075018, App. A).
 * Energies and masses in GeV, t in GeV², cross-sections in GeV⁻².
 */
import { alpha, electronMass } from '../constants.js';
import { integrate, type QuadratureOptions, type QuadratureResult } from '../numeric/gaussKronrod.js';
import type { Element } from '../materials/materials.js';

/**
 * Eq. (14): the effective photon flux of nucleus (Z, A) with the elastic
 * atomic × nuclear form factor G(t) = Z a²t / ((1 + a²t)(1 + t/d)),
 * a = 111 Z^{−1/3}/m_e, d = 0.164 A^{−2/3} GeV²:
 *   φ = ∫_{tmin}^{tmax} dt (t − tmin)/t² G(t)².
 * Closed form by partial fractions (p = a², q = 1/d):
 *   Z²p² (t − t₀)/((1+pt)²(1+qt)²) = Z²p² [α₁/(1+pt) + α₂/(1+pt)² + β₁/(1+qt) + β₂/(1+qt)²]
 * with α₂ = −p(1+pt₀)/(p−q)², β₂ = −q(1+qt₀)/(p−q)²,
 * α₁/p = −β₁/q = 1/(p−q)² + 2q(1+pt₀)/(p−q)³.
 * Checked against direct quadrature in the tests.
 *
 * The partial fractions cancel when the nuclear form factor suppresses the
 * integrand (t_min ≫ d, A′ masses of tens of GeV): the terms are then many
 * orders larger than their sum. Their size bounds the round-off of the sum;
 * where that could exceed 1e−10 of the result, φ is integrated directly instead
 * (in ln t, the integrand is positive, so nothing cancels).
 */
export function effectivePhotonFlux(element: Pick<Element, 'Z' | 'A'>, tmin: number, tmax: number): number {
  if (!(tmax > tmin)) return 0;
  const { Z, A } = element;
  const a = 111 / (Math.cbrt(Z) * electronMass);
  const p = a * a;
  const q = 1 / (0.164 * Math.pow(A, -2 / 3));
  const t0 = tmin;
  const pq = p - q;
  const c1 = 1 / (pq * pq) + (2 * q * (1 + p * t0)) / (pq * pq * pq); // α₁/p = −β₁/q
  const alpha2 = (-p * (1 + p * t0)) / (pq * pq);
  const beta2 = (-q * (1 + q * t0)) / (pq * pq);
  // antiderivative: c1 ln((1+pt)/(1+qt)) − α₂/(p(1+pt)) − β₂/(q(1+qt))
  const prim = (t: number) =>
    c1 * (Math.log1p(p * t) - Math.log1p(q * t)) - alpha2 / (p * (1 + p * t)) - beta2 / (q * (1 + q * t));
  const sum = prim(tmax) - prim(t0);
  // the terms' size bounds the round-off of the sum
  const size = (t: number) =>
    Math.abs(c1) * (Math.log1p(p * t) + Math.log1p(q * t)) + Math.abs(alpha2 / (p * (1 + p * t))) + Math.abs(beta2 / (q * (1 + q * t)));
  if (sum > 0 && 8 * Number.EPSILON * (size(tmax) + size(t0)) <= 1e-10 * sum) return Z * Z * p * p * sum;
  // direct: φ = ∫ d(ln t) t (t − t₀) Z² p² / ((1 + pt)² (1 + qt)²), breakpoints at the form factors' scales 1/p, 1/q
  const integrand = (l: number) => {
    const t = Math.exp(l);
    const den = (1 + p * t) * (1 + q * t);
    return (t * (t - t0) * Z * Z * p * p) / (den * den);
  };
  const lnLo = Math.log(t0);
  const lnHi = Math.log(tmax);
  return integrate(integrand, lnLo, lnHi, { relTol: 1e-12, points: [-Math.log(p), -Math.log(q)] }).value;
}

/** Eq. (14)'s limits: t_min = (m²/2E')², t_max = m² + m_e², GeV². */
export function momentumTransferRange(mass: number, positronEnergy: number): { tmin: number; tmax: number } {
  const x = (mass * mass) / (2 * positronEnergy);
  return { tmin: x * x, tmax: mass * mass + electronMass * electronMass };
}

/**
 * The x-shape of Eq. (13) written with y = 1 − x (x = E_A'/E'):
 * x(1 − x + x²/3) / (m²(1 − x) + m_e² x²) = (1 − y³) / (3 [m² y + m_e² (1 − y)²]), GeV⁻².
 */
export function bremsstrahlungShape(mass: number, y: number): number {
  const x = 1 - y;
  return (1 - y * y * y) / (3 * (mass * mass * y + electronMass * electronMass * x * x));
}

/**
 * Eq. (13): dσ/dE_A' at ε = 1 for one nucleus, GeV⁻³, at positron energy E'
 * and A' energy E_A' = x E' (y = 1 − x given directly for precision).
 */
export function bremsstrahlungDSigmaDE(element: Pick<Element, 'Z' | 'A'>, mass: number, positronEnergy: number, y: number): number {
  const { tmin, tmax } = momentumTransferRange(mass, positronEnergy);
  const phi = effectivePhotonFlux(element, tmin, tmax);
  return ((phi * 4 * alpha * alpha * alpha) / positronEnergy) * bremsstrahlungShape(mass, y);
}

/**
 * The improved Weizsäcker–Williams (IWW) x-shape, in the same normalisation as
 * {@link bremsstrahlungShape} (dσ/dE_A' = 4α³ε²Φ/E' × shape), GeV⁻²:
 *   dσ/dx = 2ε²α³χ (|k|/E') [m_e² x(−2 + 2x + x²) − 2(3 − 3x + x²) ũ] / (3x ũ²),
 *   ũ = −m²(1 − x)/x − m_e² x,  |k| = √(x²E'² − m²)
 * (Liu & Miller, PRD 96 (2017) 016004, as implemented in NA64's DMG4, Bondì et
 * al., CPC 269 (2021) 108129). For m_e → 0 it reduces to Eq. (13) times
 * β_A' = |k|/(xE'); it vanishes below the threshold xE' = m. y = 1 − x.
 */
export function iwwShape(mass: number, y: number, positronEnergy: number): number {
  const x = 1 - y;
  const r = mass / positronEnergy;
  // x² − r² = (x − r)(x + r), with x − r = (1 − r) − y: no cancellation of x² against r² near threshold
  const k2 = (1 - r - y) * (x + r);
  if (k2 <= 0) return 0;
  const me2 = electronMass * electronMass;
  const uTilde = -((mass * mass * y) / x + me2 * x);
  const bracket = me2 * x * (-2 + 2 * x + x * x) - 2 * (3 - 3 * x + x * x) * uTilde;
  return (0.5 * Math.sqrt(k2) * bracket) / (3 * x * uTilde * uTilde);
}

/**
 * The x-shapes peak at y → 0 with width μ = m_e²/m². In ζ = ln(y + μ) + const,
 * with dy = (y + μ) dζ, that peak is flat: this is the ζ-integrand of
 * ∫ shape(y) dy. For m ≥ m_e (μ ≤ 1) ζ = ln(y + μ) and y = e^ζ − μ, the
 * variable vanish has always used (so the seed's numbers, belle2-paper, stay
 * bit-identical). For m < m_e, y + μ would lose y to rounding (μ ≫ y: 66 eV,
 * 1e-10 GeV), so there ζ = ln(1 + y/μ) and y = μ(e^ζ − 1) from expm1: the same
 * variable shifted by ln μ, with no cancellation.
 */
export function shapeInLogY(shape: (y: number) => number, mass: number): (zeta: number) => number {
  const mu = (electronMass * electronMass) / (mass * mass);
  if (mu <= 1) {
    return (zeta) => {
      const yPlus = Math.exp(zeta);
      return shape(yPlus - mu) * yPlus;
    };
  }
  return (zeta) => shape(mu * Math.expm1(zeta)) * mu * Math.exp(zeta);
}

/** ζ(y) of {@link shapeInLogY}: ln(y + μ) for m ≥ m_e, ln(1 + y/μ) below. */
export function zetaOfY(y: number, mass: number): number {
  const mu = (electronMass * electronMass) / (mass * mass);
  return mu <= 1 ? Math.log(y + mu) : Math.log1p(y / mu);
}

/** {@link zetaOfY} for one mass, μ computed once (for hot loops): the same numbers. */
export function zetaOfYFor(mass: number): (y: number) => number {
  const mu = (electronMass * electronMass) / (mass * mass);
  return mu <= 1 ? (y) => Math.log(y + mu) : (y) => Math.log1p(y / mu);
}

/** ∫_{yLo}^{yHi} shape(y) dy, integrated in ζ (see {@link shapeInLogY}); `points` are given in y. */
export function integrateShape(
  shape: (y: number) => number,
  mass: number,
  yLo: number,
  yHi: number,
  options: QuadratureOptions,
): QuadratureResult {
  const lo = zetaOfY(yLo, mass);
  const hi = zetaOfY(yHi, mass);
  const points = (options.points ?? []).map((y) => zetaOfY(y, mass)).filter((z) => z > lo && z < hi);
  return integrate(shapeInLogY(shape, mass), lo, hi, { ...options, points });
}

/**
 * Total A'-strahlung cross-section at ε = 1 on one nucleus for a lepton of
 * energy E0 (GeV), over x = E_A'/E0 from xMin to 1 − m_e/E0, GeV⁻²:
 * σ = ∫ dx 4α³ φ(t_min(E0), t_max) shape(x), with the WW (Eq. 13) or IWW shape.
 * Used to validate against exact tree-level cross-sections.
 */
export function bremsstrahlungTotalCrossSection(
  element: Pick<Element, 'Z' | 'A'>,
  mass: number,
  energy: number,
  model: 'ww' | 'iww',
  xMin = mass / energy,
  relTol = 1e-8,
): number {
  const { tmin, tmax } = momentumTransferRange(mass, energy);
  const phi = effectivePhotonFlux(element, tmin, tmax);
  const yMin = electronMass / energy;
  const yMax = 1 - xMin;
  if (!(yMax > yMin)) return 0;
  const shape = (y: number) => (model === 'ww' ? bremsstrahlungShape(mass, y) : iwwShape(mass, y, energy));
  const r = integrateShape(shape, mass, yMin, yMax, { relTol, points: [0.5] });
  return 4 * alpha * alpha * alpha * phi * r.value;
}
