/**
 * Exact tree-level (ETL) A′-strahlung ℓ N → ℓ N A′: the full 2 → 3 matrix
 * element with one photon exchanged with the nucleus, no Weizsäcker–Williams
 * factorisation, integrated over the exact three-body phase space by
 * quadrature. (Bjorken, Essig, Schuster & Toro, PRD 80 (2009) 075018, App. A,
 * for the matrix element and form factors; Liu & Miller, PRD 96 (2017) 016004,
 * and Gninenko, Kirpichnikov, Kirsanov & Krasnikov, PLB 782 (2018) 406, for the
 * exact phase-space treatment NA64 uses.)
 *
 * Units: GeV, cross-sections in GeV⁻² at ε = 1 (σ ∝ ε²).
 *
 * ## Matrix element
 * With the nucleus a spin-0 current Ze F(t)(P_i + P_f)^μ and the A′ polarisation
 * sum −g_{νρ}, the spin-summed square is
 *   Σ|M|² = e⁶ ε² G₂(t)/t² · X,  X = −J_{νμ}J^{ν}{}_{ρ}* P^μ P^ρ,
 * the lepton trace of the two emission diagrams with propagators 1/s̃ and 1/ũ,
 *   s̃ = (p′ + k)² − m_e²,  ũ = (p − k)² − m_e²,  t₂ = (p − p′)²,
 * which we traced (and check against explicit Dirac matrices in the tests):
 *   X s̃²ũ² = 16 s̃ C₁ (P·p′)² + 16 ũ C₂ (P·p)² + 4 C₃ P² − 32 s̃ũ (m² + 2m_e²)(P·p)(P·p′),
 * with C₁, C₂, C₃ the polynomials of {@link amplitudeNumerator} (P·q = 0 used).
 * For a positron the trace is the same (charge conjugation; tested), so the ETL
 * cross-section of e⁺ and e⁻ agree at this order.
 *
 * ## Phase space (lab frame, nucleus of mass M_N at rest)
 * q = P_i − P_f, t = −q² > 0, q⁰ = −t/2M_N. For an A′ of energy E_k = xE at angle θ,
 * the recoil nucleus and lepton are fixed by t and the azimuth φ of q⃗ about
 * V⃗ = p⃗ − k⃗ (on-shell lepton: 2(p − k)·q = t − ũ), giving
 *   dσ/dE_k = α³ ε² |k| / (16π |p|) ∫ d cos θ / |V| ∫ dt G₂(t)/t² · 1/ũ² ∫ dφ N/s̃²,
 * N = X s̃²ũ²/(4M_N²). N is a polynomial of degree 4 in cos φ and s̃ is linear in
 * cos φ, so the φ integral is done in closed form from the Fourier series of
 * 1/(A + B cos φ) (see {@link azimuthalMoments}); the θ and t integrals are
 * adaptive Gauss–Kronrod in ln|ũ| and ln t.
 *
 * ## Form factors (BEST App. A, Eqs. A18–A19, after Tsai, RMP 46 (1974) 815)
 *   G₂ = G₂,el + G₂,inel,
 *   G₂,el = Z² [a²t/(1 + a²t)]² [1/(1 + t/d)]²,  a = 111 Z^{−1/3}/m_e, d = 0.164 A^{−2/3} GeV²,
 *   G₂,inel = Z [a′²t/(1 + a′²t)]² [(1 + t(μ_p² − 1)/4m_p²)/(1 + t/0.71)⁴]²,  a′ = 773 Z^{−2/3}/m_e.
 * The inelastic (quasi-elastic on protons) part is taken with the elastic
 * kinematics, as BEST do; it is ≈ 1/Z of the elastic one.
 */
import { alpha, electronMass } from '../constants.js';
import { integrate, type QuadratureResult } from '../numeric/gaussKronrod.js';
import type { Element } from '../materials/materials.js';

/** Atomic mass unit, GeV (CODATA 2018). */
const atomicMassUnit = 0.93149410242;
/** Proton mass, GeV, and magnetic moment μ_p (units of nuclear magnetons), PDG. */
const protonMass = 0.93827208816;
const protonMu = 2.7928473446;

export type EtlElement = Pick<Element, 'Z' | 'A' | 'atomicWeight'>;

/** G₂,el(t) (BEST Eq. A18): atomic screening × nuclear size, dimensionless; t in GeV². */
export function elasticG2(element: Pick<Element, 'Z' | 'A'>): (t: number) => number {
  const { Z, A } = element;
  const a2 = (111 / (Math.cbrt(Z) * electronMass)) ** 2;
  const d = 0.164 * Math.pow(A, -2 / 3);
  return (t) => {
    const sa = (a2 * t) / (1 + a2 * t);
    const sn = 1 / (1 + t / d);
    return Z * Z * sa * sa * sn * sn;
  };
}

/** G₂,inel(t) (BEST Eq. A19): the Z protons, screened by the atomic electrons, with their dipole form factors. */
export function inelasticG2(element: Pick<Element, 'Z'>): (t: number) => number {
  const { Z } = element;
  const ap2 = (773 / (Math.pow(Z, 2 / 3) * electronMass)) ** 2;
  const kp = (protonMu * protonMu - 1) / (4 * protonMass * protonMass);
  return (t) => {
    const si = (ap2 * t) / (1 + ap2 * t);
    const dip = 1 + t / 0.71;
    const dip2 = dip * dip;
    const pf = (1 + t * kp) / (dip2 * dip2);
    return Z * si * si * pf * pf;
  };
}

/**
 * N = X s̃²ũ²/(4M_N²) in terms of P̂ = (P_i + P_f)/2M_N (the matrix element above):
 *   N = 16 s̃ C₁ (P̂·p′)² + 16 ũ C₂ (P̂·p)² + 4 C₃ P̂² − 32 s̃ũ (m² + 2m_e²)(P̂·p)(P̂·p′),
 *   C₁ = s̃ũ + t₂ũ + ũ² − m²(s̃ + ũ) − 2m_e² s̃,
 *   C₂ = s̃² + s̃t₂ + s̃ũ − m²(s̃ + ũ) − 2m_e² ũ,
 *   C₃ = m⁴(s̃² + ũ²) + 2m²m_e²(s̃ + ũ)² − m²(s̃ + ũ)(s̃² + ũ² + t₂(s̃ + ũ))
 *        − 2m_e²(s̃³ + ũ³ + t₂(s̃ + ũ)² + 3s̃ũ(s̃ + ũ)) + s̃ũ(s̃² + ũ² + 2t₂(s̃ + ũ) + 2t₂²),
 * GeV⁸. Scalar form, for the tests; the integrand uses the same algebra on polynomials in cos φ.
 */
export function amplitudeNumerator(
  m: number,
  s: number,
  u: number,
  t2: number,
  Pp: number,
  Ppp: number,
  PP: number,
  me = electronMass,
): number {
  const m2 = m * m;
  const me2 = me * me;
  const c1 = s * u + t2 * u + u * u - m2 * (s + u) - 2 * me2 * s;
  const c2 = s * s + s * t2 + s * u - m2 * (s + u) - 2 * me2 * u;
  const su = s + u;
  const c3 =
    m2 * m2 * (s * s + u * u) +
    2 * m2 * me2 * su * su -
    m2 * su * (s * s + u * u + t2 * su) -
    2 * me2 * (s * s * s + u * u * u + t2 * su * su + 3 * s * u * su) +
    s * u * (s * s + u * u + 2 * t2 * su + 2 * t2 * t2);
  return 16 * s * c1 * Ppp * Ppp + 16 * u * c2 * Pp * Pp + 4 * c3 * PP - 32 * s * u * (m2 + 2 * me2) * Pp * Ppp;
}

/** Sampling angles φ_j = jπ/4 (j = 0…4) of the degree-4 cosine series of N(φ). */
const PHI_COS = [0, 1, 2, 3, 4].map((j) => Math.cos((j * Math.PI) / 4));
/** n_k = Σ_j W[k][j] N(φ_j): the cosine coefficients, N(φ) = Σ_k n_k cos kφ (inverse of cos(kφ_j)). */
const DCT = invert5(PHI_COS.map((_, j) => [0, 1, 2, 3, 4].map((k) => Math.cos((k * j * Math.PI) / 4))));

function invert5(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  // rows of m's right half: x = M⁻¹ b with b_j = N(φ_j); we want n_k = Σ_j inv[k][j] N_j
  return m.map((row) => row.slice(n));
}

/**
 * ∫₀^{2π} dφ N(φ)/(A + B cos φ)² for N(φ) = Σ_{k≤4} n_k cos kφ, A > |B|, in closed form:
 * with R = √(A² − B²) and ρ = B/(A + R),
 *   1/(A + B cos φ)² = R⁻³ [A + 2 Σ_{k≥1} (−ρ)^k (A + kR) cos kφ],
 * so the integral is 2π R⁻³ Σ_k n_k (−ρ)^k (A + kR). No cancellation for any B/A.
 */
export function azimuthalIntegral(n: ArrayLike<number>, A: number, B: number): number {
  const R = Math.sqrt((A - B) * (A + B));
  const r = -B / (A + R);
  let pw = 1;
  let sum = 0;
  for (let k = 0; k < n.length; k++) {
    sum += n[k] * pw * (A + k * R);
    pw *= r;
  }
  return (2 * Math.PI * sum) / (R * R * R);
}

const samples = new Float64Array(5);
const coefficients = new Float64Array(5);

export interface EtlOptions {
  /** Relative tolerance of each nested integral (default 1e-4). */
  relTol?: number;
  /** Include the inelastic form factor (default true). */
  inelastic?: boolean;
}

/** Kinematics of one lepton energy, A′ energy: what the θ and t integrals share. */
interface Frame {
  E: number;
  P: number;
  Ek: number;
  K: number;
  m: number;
  /** ũ at θ = 0 (negative), GeV². */
  u0: number;
}

function frame(E: number, m: number, Ek: number): Frame | null {
  const me = electronMass;
  if (!(Ek > m) || !(E > me)) return null;
  const P = Math.sqrt((E - me) * (E + me));
  const K = Math.sqrt((Ek - m) * (Ek + m));
  // E·E_k − P|k| = (E²m² + m_e²E_k² − m_e²m²)/(E E_k + P|k|), so ũ₀ = m² − 2(E E_k − P|k|) without cancellation
  const d = (E * E * m * m + me * me * Ek * Ek - me * me * m * m) / (E * Ek + P * K);
  return { E, P, Ek, K, m, u0: m * m - 2 * d };
}

/**
 * The t-range allowed at fixed (E_k, θ) for a recoil of mass M (|cos α| ≤ 1 for
 * the on-shell lepton): (c₁² − V²/M²)t² + (2c₁|ũ| − 4V²)t + ũ² ≤ 0, c₁ = 1 + (E − E_k)/M;
 * and the lepton's energy E − E_k − t/2M stays positive.
 */
function tRange(f: Frame, M: number, absU: number, V2: number): [number, number] {
  const c1 = 1 + (f.E - f.Ek) / M;
  const qa = c1 * c1 - V2 / (M * M);
  const qb = 2 * c1 * absU - 4 * V2;
  const qc = absU * absU;
  const disc = qb * qb - 4 * qa * qc;
  if (!(disc > 0) || !(qb < 0)) return [NaN, NaN];
  const root = Math.sqrt(disc);
  const tmin = (2 * qc) / (-qb + root);
  const tmax = qa > 0 ? (-qb + root) / (2 * qa) : Infinity;
  return [tmin, Math.min(tmax, 2 * M * (f.E - f.Ek), Math.max(T_CAP, T_CAP_FACTOR * tmin))];
}

/**
 * Largest t integrated, GeV²: beyond it both form factors are below 1e−12 of their peak (t⁻² and t⁻⁸ tails).
 * A heavy A′ (t_min = (m²/2E)² approaching it: m ≳ 60 GeV at 100 GeV) has no t below the cap: there the
 * integrand starts at t_min and falls at least like G₂/t² ∝ t⁻⁴, so the range runs to T_CAP_FACTOR · t_min
 * (a part ≲ 1e−9 of it left out), never to an empty range and a zero.
 */
const T_CAP = 200;
const T_CAP_FACTOR = 1e3;

/** The A′ direction at fixed ũ: |V⃗| = |p⃗ − k⃗| and the unit vector of V⃗ in the (x, z) plane. */
interface Direction {
  u: number;
  V: number;
  V2: number;
  vx: number;
  vz: number;
}

/** ∫ dφ N/s̃² at fixed E_k, ũ (the direction) and t, for a recoil of mass M (the closed form of {@link azimuthalIntegral}). */
function phiIntegral(f: Frame, dir: Direction, M: number, t: number): number {
  const { E, P, Ek, m } = f;
  const { u, V, vx, vz } = dir;
  const q0 = -t / (2 * M);
  const qAbs = Math.sqrt(t * (1 + t / (4 * M * M)));
  // cos α from 2(p − k)·q = t − ũ
  let cosA = ((E - Ek) * q0 - (t - u) / 2) / (V * qAbs);
  if (cosA < -1) cosA = -1;
  if (cosA > 1) cosA = 1;
  const sinA = Math.sqrt((1 - cosA) * (1 + cosA));
  // q⃗·p⃗ = |q|P(cos α v_z − sin α cos φ v_x); q⃗·k⃗ = q⃗·p⃗ − |q| cos α |V|; all linear in cos φ
  const qp0 = qAbs * P * cosA * vz;
  const qp1 = -qAbs * P * sinA * vx;
  const qk0 = qp0 - qAbs * cosA * V;
  const qDotK0 = q0 * Ek - qk0; // q·k = q⁰E_k − q⃗·k⃗
  const a0 = 1 - q0 / (2 * M);
  const PP = 1 + t / (4 * M * M);
  const Pp0 = a0 * E + qp0 / (2 * M);
  const Pk0 = a0 * Ek + qk0 / (2 * M);
  const p1 = qp1 / (2 * M); // the cos φ slope of P̂·p and of P̂·k (q⃗·k⃗ and q⃗·p⃗ share it)
  const m2 = m * m;
  for (let j = 0; j < 5; j++) {
    const c = PHI_COS[j];
    const qDotK = qDotK0 - qp1 * c;
    const s = -u + 2 * qDotK;
    const t2 = m2 - t - 2 * qDotK;
    const Pp = Pp0 + p1 * c;
    const Ppp = Pp - (Pk0 + p1 * c);
    samples[j] = amplitudeNumerator(m, s, u, t2, Pp, Ppp, PP);
  }
  for (let k = 0; k < 5; k++) {
    let v = 0;
    for (let j = 0; j < 5; j++) v += DCT[k][j] * samples[j];
    coefficients[k] = v;
  }
  // s̃ = A + B cos φ
  return azimuthalIntegral(coefficients, -u + 2 * qDotK0, -2 * qp1);
}

/**
 * Σ_recoils ν ∫ dt G₂(t)/t² ∫ dφ N/s̃², each recoil over its own t-range, as one
 * integral in τ = ln t with breakpoints at the form factors' scales and the range ends.
 */
function tIntegral(f: Frame, dir: Direction, list: Recoil[], relTol: number): number {
  const ranges = list.map((r) => tRange(f, r.M, -dir.u, dir.V2));
  let lo = Infinity;
  let hi = 0;
  for (const [a, b] of ranges) {
    if (!(a > 0) || !(b > a)) continue;
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  if (!(hi > lo)) return 0;
  const inner = (tau: number) => {
    const t = Math.exp(tau);
    let sum = 0;
    for (let i = 0; i < list.length; i++) {
      const [a, b] = ranges[i];
      if (!(t >= a && t <= b)) continue;
      const r = list[i];
      sum += r.count * r.G2(t) * phiIntegral(f, dir, r.M, t);
    }
    return sum / t; // dt = t dτ, G₂/t² · t
  };
  // breakpoints at the scales of the largest recoil (atomic screening, nuclear size) and the proton dipole
  // and at every recoil's range ends below 1 GeV², where its term starts or stops (a jump); above 1 GeV²
  // both form factors have fallen by > 10³ and a jump there is left to the adaptive bisection
  const points = [...list[0].scales, 0.71].map(Math.log);
  for (const [a, b] of ranges) for (const x of [a, b]) if (x > lo && x < hi && x < 1) points.push(Math.log(x));
  return integrate(inner, Math.log(lo), Math.log(hi), { relTol, points: separated(points, Math.log(lo), Math.log(hi)) }).value;
}

/**
 * Breakpoints (in ln t) at least {@link MIN_PANEL} apart and from the ends: the lower ends of the
 * recoils' ranges nearly coincide (t_min differs by O(|ũ|/M) between a nucleus and a
 * proton), and a recoil's term starts from zero there (the squared amplitude vanishes
 * at t_min), so a sliver panel between them would cost a full rule for nothing.
 */
function separated(points: number[], lo: number, hi: number): number[] {
  const kept: number[] = [];
  let last = lo;
  for (const p of [...points].sort((x, y) => x - y)) {
    if (p - last >= MIN_PANEL && hi - p >= MIN_PANEL) {
      kept.push(p);
      last = p;
    }
  }
  return kept;
}

/** Smallest panel width in ln t between breakpoints of the t integral. */
const MIN_PANEL = 1e-3;

/** A recoil: the nucleus (elastic) or its protons (inelastic), with how many per formula unit and a size for ordering. */
interface Recoil {
  M: number;
  G2: (t: number) => number;
  scales: number[];
  count: number;
  size: number;
}

/**
 * The recoils of a list of elements: each nucleus (elastic) and its protons
 * (inelastic). Everything that recoils as a proton — the inelastic parts and a
 * hydrogen nucleus — shares the proton kinematics and is summed into one recoil.
 */
function recoils(composition: ReadonlyArray<{ element: EtlElement; count: number }>, inelastic: boolean): Recoil[] {
  const list: Recoil[] = [];
  const protonTerms: Array<{ count: number; G2: (t: number) => number }> = [];
  let protonSize = 0;
  const protonScales = new Set<number>([0.71]);
  for (const { element, count } of composition) {
    const a = 111 / (Math.cbrt(element.Z) * electronMass);
    const d = 0.164 * Math.pow(element.A, -2 / 3);
    if (element.Z === 1 && element.A === 1) {
      protonTerms.push({ count, G2: elasticG2(element) });
      protonSize += count;
      protonScales.add(1 / (a * a));
    } else {
      const M = element.atomicWeight * atomicMassUnit;
      list.push({ M, G2: elasticG2(element), scales: [1 / (a * a), d], count, size: count * element.Z * element.Z });
    }
    if (inelastic) {
      const ap = 773 / (Math.pow(element.Z, 2 / 3) * electronMass);
      protonTerms.push({ count, G2: inelasticG2(element) });
      protonSize += count * element.Z;
      protonScales.add(1 / (ap * ap));
    }
  }
  if (protonTerms.length > 0) {
    list.push({
      M: protonMass,
      G2: (t) => protonTerms.reduce((sum, p) => sum + p.count * p.G2(t), 0),
      scales: [...protonScales],
      count: 1,
      size: protonSize,
    });
  }
  return list.sort((x, y) => y.size - x.size);
}

/** The θ integrand: Σ_recoils ∫dt … / (ũ²|V|) at fixed ũ (GeV² units as in the module comment). */
function thetaIntegrand(f: Frame, list: Recoil[], absU: number, relTol: number): number {
  const { P, K } = f;
  // sin²(θ/2) from ũ = ũ₀ − 4P|k| sin²(θ/2)
  const s2 = (absU + f.u0) / (4 * P * K);
  if (!(s2 >= 0) || s2 > 1) return 0;
  const sinT = 2 * Math.sqrt(s2 * (1 - s2));
  const cosT = 1 - 2 * s2;
  const V2 = (P - K) * (P - K) + 4 * P * K * s2;
  const V = Math.sqrt(V2);
  const dir: Direction = { u: -absU, V, V2, vx: (-K * sinT) / V, vz: (P - K * cosT) / V };
  return tIntegral(f, dir, list, relTol) / (absU * absU * V);
}

/**
 * dσ/dE_k (GeV⁻³ at ε = 1) for a lepton of energy E on one nucleus, A′ of mass m
 * and energy E_k; zero outside the kinematic range.
 */
export function etlDSigmaDEk(element: EtlElement, E: number, m: number, Ek: number, options: EtlOptions = {}): number {
  return etlDSigmaDEkMaterial([{ element, count: 1 }], E, m, Ek, options);
}

/** dσ/dE_k of one formula unit, Σ_N ν_N dσ_N/dE_k (GeV⁻³ at ε = 1). */
export function etlDSigmaDEkMaterial(
  composition: ReadonlyArray<{ element: EtlElement; count: number }>,
  E: number,
  m: number,
  Ek: number,
  options: EtlOptions = {},
): number {
  const relTol = options.relTol ?? 1e-4;
  const inelastic = options.inelastic ?? true;
  const f = frame(E, m, Ek);
  if (!f) return 0;
  const list = recoils(composition, inelastic);
  const absU0 = -f.u0;
  const absUMax = absU0 + 4 * f.P * f.K;
  // ∫ dcos θ = ∫ d|ũ|/(2P|k|), in ξ = ln|ũ|
  const r = integrate(
    (xi) => {
      const absU = Math.exp(xi);
      return absU * thetaIntegrand(f, list, absU, relTol);
    },
    Math.log(absU0),
    Math.log(absUMax),
    { relTol: relTol / 2, points: [Math.log(absU0) + 2] }, // |ũ| = e²|ũ₀|: the end of the forward plateau
  );
  return ((alpha * alpha * alpha * f.K) / (8 * Math.PI * f.P)) * (r.value / (2 * f.P * f.K));
}

/**
 * σ = ∫_{E_min}^{E − m_e} dE_k dσ/dE_k, GeV⁻² at ε = 1: A′ energies from
 * max(E_min, m) (E_min: the smallest A′ energy counted) up to the kinematic end.
 * Integrated in ζ = ln(y + μ), y = 1 − E_k/E, μ = m_e²/m², where the x → 1 peak is flat.
 */
export function etlTotalCrossSection(
  element: EtlElement | ReadonlyArray<{ element: EtlElement; count: number }>,
  E: number,
  m: number,
  eMin = m,
  options: EtlOptions = {},
): QuadratureResult {
  const composition = 'Z' in element ? [{ element, count: 1 }] : element;
  const relTol = options.relTol ?? 1e-4;
  const EkLo = Math.max(eMin, m);
  const EkHi = E - electronMass;
  if (!(EkHi > EkLo)) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const mu = (electronMass * electronMass) / (m * m);
  const yLo = 1 - EkHi / E;
  const yHi = 1 - EkLo / E;
  const r = integrate(
    (zeta) => {
      const yp = Math.exp(zeta);
      const y = yp - mu;
      return yp * E * etlDSigmaDEkMaterial(composition, E, m, E * (1 - y), { ...options, relTol: relTol / 4 });
    },
    Math.log(yLo + mu),
    Math.log(yHi + mu),
    { relTol },
  );
  return r;
}
