/**
 * Thermal-relic targets in the y–m_χ plane: the y = ε² α_D (m_χ/m_A′)⁴ for which a
 * dark-matter model freezes out to Ω h² = 0.120 (Planck 2018), COMPUTED here
 * (not digitised) by the freeze-out of cosmology/freezeOut.ts with the same
 * A′ couplings as the production (models/darkMatter.ts):
 *
 *   σ(ij → A′* → ℓ⁺ℓ⁻) = (3/(g_i g_j)) (4π/k²) s S Γ_ij(√s) Γ_ℓℓ(√s) / ((s − M²)² + M²Γ²),
 *
 * the spin-1 Breit–Wigner with the energy-dependent widths of a vector of mass √s
 * (k the initial CM momentum, g the states' spin dof, S = 2 for identical
 * particles whose width carries ½: Majorana). In the non-relativistic limit it gives
 * the familiar σv = 16π αα_D ε² m_χ²/(M² − 4m_χ²)² (Dirac, s-wave) and
 * (8π/3) αα_D ε² m_χ² v²/(M² − 4m_χ²)² (complex scalar, p-wave), checked by tests.
 *
 * The dark states: Dirac χ, χ̄ (2 + 2 dof, χχ̄ annihilation); Majorana χ (2, χχ);
 * complex scalar φ, φ* (1 + 1); pseudo-Dirac χ₁, χ₂ (2 + 2, coannihilation χ₁χ₂ only,
 * Boltzmann-suppressed by e^{−δ m_χ/T}, Griest & Seckel 1991; χ₂ decays to χ₁ afterwards).
 *
 * Final states: e⁺e⁻, μ⁺μ⁻ and hadrons, the last through the e⁺e⁻ → hadrons ratio
 * (the A′* couples to the electromagnetic current like the photon):
 *
 *   σ(ij → A′* → hadrons)(s) = σ(ij → A′* → μ⁺μ⁻)|_{m_μ→0}(s) · R(√s),
 *
 * i.e. Γ_ℓℓ(√s) above becomes the whole visible width ε²Γ̂_vis(√s) of models/visibleDecays.ts,
 * which also enters the A′ width M Γ in the Breit–Wigner. R (models/hadronicR.ts) is
 * vector-meson dominance with PDG ρ, ω, φ parameters below 1.05 GeV and the QCD continuum
 * above 2 GeV; its accuracy (≈ 5–10 % through the ρ and ω, 20–30 % between the ω and φ and
 * in the 1.05–2 GeV join) carries into y (σ ∝ y, so y ∝ 1/⟨σv⟩ where hadrons dominate).
 * The targets are drawn from m_χ = 1 MeV to m_χ₁ + m_χ₂ = 2 GeV (m_χ ≤ 1 GeV for the elastic
 * models), freeze-out at T_f ≈ m_χ/20 ≤ 50 MeV, inside the hadron-gas plasma of
 * degreesOfFreedom.ts; the Boltzmann equation starts at x = max(3, m_χ/150 MeV) (freezeOut.ts,
 * independence of the start tested). Kinetic decoupling and the dark sector's own temperature
 * are ignored (standard). The published targets (e.g. Berlin et al., arXiv:1807.01730;
 * NA64, PRL 131 (2023) 161801) include hadrons too (the tables below do not say how).
 * Validated in tests against Steigman, Dasgupta & Beacom (PRD 86 (2012) 023506:
 * s-wave ⟨σv⟩ = 5.2e−26 cm³/s for Ω h² = 0.11 at 0.3 GeV), the non-relativistic
 * closed forms above, and the relic lines of LDMX's projections at α_D = 0.5, m_A′ = 3m_χ
 * (public table therwig/ldmx-helpers simple-reach/{majorana,scalar,pseudo}.txt): Majorana
 * and scalar 4–10 % above from 3.6 to 126 MeV (up to 40 % at 1 MeV, where g_*^{1/2} falls with
 * e± annihilation), 0.99–1.05 of it from 0.15 to 0.5 GeV through the ρ/ω dip and the φ, 0.91–1.10
 * from 0.5 to 0.94 GeV; and of the ESPP 2026 plots (ESPP2026-PPG/Quasi-elastic-DM,
 * relic-target-{majorana,scalar}.csv, digitised: 6–22 % above below 126 MeV, 4–19 % in the hadronic
 * region, 32–42 % at the φ where the two tables differ by 16–23 %); test/physics/thermalTarget.test.ts.
 */
import { besselKScaledFast } from '../numeric/bessel.js';
import { integrate } from '../numeric/gaussKronrod.js';
import { darkPairWidth, darkStates, type DarkSector } from '../models/darkMatter.js';
import { HADRONIC_FEATURES } from '../models/hadronicR.js';
import { visibleWidthAtUnitMixing } from '../models/visibleDecays.js';
import { freezeOut, OMEGA_DM_H2, type FreezeOutResult } from './freezeOut.js';

/** Largest m_χ₁ + m_χ₂ (GeV) of the targets: √s ≥ 2 GeV reaches the QCD continuum of R. */
export const THERMAL_TARGET_TOP = 2;

/** The range of m_χ (GeV) over which the targets are computed: from 1 MeV to m_χ₁ + m_χ₂ = 2 GeV (m_χ ≤ 1 GeV, elastic). */
export function thermalTargetRange(sector: Pick<DarkSector, 'darkMatter' | 'massSplitting'>): [number, number] {
  const heavier = sector.darkMatter === 'pseudoDirac' ? 1 + sector.massSplitting : 1;
  return [1e-3, THERMAL_TARGET_TOP / (1 + heavier)];
}

interface DarkStatesDof {
  /** The states' masses and spin dof. */
  states: { mass: number; dof: number }[];
  /** The annihilating pair (indices into states), its multiplicity in Σ_ij and S (2: identical). */
  pair: { i: number; j: number; multiplicity: number; identical: number };
}

function statesOf(sector: DarkSector, massChi: number): DarkStatesDof {
  const mass = massChi * sector.massRatio;
  const { m1, m2 } = darkStates(mass, sector);
  switch (sector.darkMatter) {
    case 'dirac':
      return { states: [{ mass: m1, dof: 2 }, { mass: m1, dof: 2 }], pair: { i: 0, j: 1, multiplicity: 2, identical: 1 } };
    case 'majorana':
      return { states: [{ mass: m1, dof: 2 }], pair: { i: 0, j: 0, multiplicity: 1, identical: 2 } };
    case 'scalar':
      return { states: [{ mass: m1, dof: 1 }, { mass: m1, dof: 1 }], pair: { i: 0, j: 1, multiplicity: 2, identical: 1 } };
    case 'pseudoDirac':
      return { states: [{ mass: m1, dof: 2 }, { mass: m2, dof: 2 }], pair: { i: 0, j: 1, multiplicity: 2, identical: 1 } };
  }
}

/**
 * σ(ij → e⁺e⁻, μ⁺μ⁻, hadrons) λ(s, m_i², m_j²) for the pair, GeV⁻² GeV⁴: with k² = λ/4s the
 * flux factor cancels, σλ = (3S/(g_i g_j)) 16π s² Γ_ij(√s) ε²Γ̂_vis(√s)/BW (finite at threshold).
 */
function sigmaLambda(sector: DarkSector, massChi: number, epsilon2: number, s: number): number {
  const mass = massChi * sector.massRatio;
  const { m1, m2 } = darkStates(mass, sector);
  const { states, pair } = statesOf(sector, massChi);
  const Q = Math.sqrt(s);
  const dark = darkPairWidth(sector.darkMatter, Q, m1, m2, sector.alphaD);
  const visible = epsilon2 * visibleWidthAtUnitMixing(Q);
  const width = darkPairWidth(sector.darkMatter, mass, m1, m2, sector.alphaD) + epsilon2 * visibleWidthAtUnitMixing(mass);
  const d = s - mass * mass;
  const g = states[pair.i].dof * states[pair.j].dof;
  return ((3 * pair.identical) / g) * 16 * Math.PI * s * s * ((dark * visible) / (d * d + mass * mass * width * width));
}

/** σ(ij → e⁺e⁻, μ⁺μ⁻, hadrons) of the model's annihilating pair at s (GeV²), for tests and plots, GeV⁻². */
export function relicCrossSection(sector: DarkSector, massChi: number, y: number, s: number): number {
  const { states, pair } = statesOf(sector, massChi);
  const a = states[pair.i].mass;
  const b = states[pair.j].mass;
  const lam = (s - (a + b) ** 2) * (s - (a - b) ** 2);
  if (!(lam > 0)) return 0;
  return sigmaLambda(sector, massChi, epsilon2For(sector, y), s) / lam;
}

const epsilon2For = (sector: DarkSector, y: number) => (y * sector.massRatio ** 4) / sector.alphaD;

/**
 * ⟨σ_eff v⟩ at x = m_χ/T (GeV⁻²) and ln(n_eq/T³), for coupling y: Gondolo–Gelmini with
 * √s = M₀ + T u, M₀ = m_i + m_j, in u = w² (the threshold powers become smooth):
 *   ⟨σ_eff v⟩ = mult · 12π S e^{−(M₀ − 2m₁)/T} ∫ du s² Γ_ij Γ_ℓℓ/BW · K₁(√s/T)e^{√s/T} e^{−u} / A² · (3/(S g_ig_j))·(g_ig_j/3)…
 * written out in the code; A = Σ_k g_k m_k² K₂(m_k/T) e^{m₁/T}.
 */
export function thermalAverage(sector: DarkSector, massChi: number, y: number, x: number): { sigmaV: number; logEquilibriumDensity: number } {
  const { states, pair } = statesOf(sector, massChi);
  const m1 = states[0].mass;
  const T = m1 / x;
  const mi = states[pair.i].mass;
  const mj = states[pair.j].mass;
  const M0 = mi + mj;
  const eps2 = epsilon2For(sector, y);
  const mass = massChi * sector.massRatio;
  // n_eq = (T/2π²) e^{−m₁/T} A
  const A = states.reduce((sum, st) => sum + st.dof * st.mass * st.mass * besselKScaledFast(2, st.mass / T) * Math.exp(-(st.mass - m1) / T), 0);
  // n_i^eq n_j^eq ⟨σ_ij v⟩ = g_i g_j (T/32π⁴) ∫ ds σλ/√s K₁(√s/T); ds = 2√s T du
  //   = g_i g_j (T²/16π⁴) e^{−M₀/T} ∫ du σλ K₁(√s/T) e^{√s/T} e^{−u}
  const gij = states[pair.i].dof * states[pair.j].dof;
  const integrand = (w: number) => {
    const u = w * w;
    const rs = M0 + T * u;
    const s = rs * rs;
    return sigmaLambda(sector, massChi, eps2, s) * besselKScaledFast(1, rs / T) * Math.exp(-u) * 2 * w;
  };
  const points: number[] = [];
  // the thresholds and narrow peaks of R (ω: 8.7 MeV, φ: 4.2 MeV wide) as breakpoints
  for (const e of HADRONIC_FEATURES) {
    const u = (e - M0) / T;
    if (u > 0 && u < 49) points.push(Math.sqrt(u));
  }
  if (mass > M0) {
    const uRes = (mass - M0) / T;
    const width = darkPairWidth(sector.darkMatter, mass, mi, mj, sector.alphaD) + eps2 * visibleWidthAtUnitMixing(mass);
    for (const k of [0, -1, 1, -10, 10, -100, 100]) {
      const u = uRes + (k * width) / T;
      if (u > 0) points.push(Math.sqrt(u));
    }
  }
  const I = integrate(integrand, 0, 7, { relTol: 1e-6, absTol: 0, points }).value;
  const rate = pair.multiplicity * gij * ((T * T) / (16 * Math.PI ** 4)) * Math.exp(-(M0 - 2 * m1) / T) * I;
  const neq = (T / (2 * Math.PI * Math.PI)) * A; // × e^{−m₁/T}
  return { sigmaV: rate / (neq * neq), logEquilibriumDensity: Math.log(A / (2 * Math.PI * Math.PI * T * T)) - x };
}

/** Ω h² of the model at m_χ (GeV) and coupling y (the Boltzmann equation started at xStart, default max(3, m_χ/150 MeV)). */
export function relicAbundance(sector: DarkSector, massChi: number, y: number, xStart?: number): FreezeOutResult {
  return freezeOut(averagesAt(sector, massChi, y, y), 1e-4, xStart);
}

/**
 * The freeze-out problem at coupling y with the thermal averages computed at y_ref
 * and scaled by y/y_ref (σ ∝ ε²α_D ∝ y except through the visible part of the width
 * in the Breit–Wigner), each computed once per x.
 */
function averagesAt(sector: DarkSector, massChi: number, yRef: number, y: number) {
  const cache = new Map<number, { sigmaV: number; logEquilibriumDensity: number }>();
  const at = (x: number) => {
    let v = cache.get(x);
    if (!v) cache.set(x, (v = thermalAverage(sector, massChi, yRef, x)));
    return v;
  };
  return {
    mass: massChi,
    sigmaV: (x: number) => at(x).sigmaV * (y / yRef),
    logEquilibriumDensity: (x: number) => at(x).logEquilibriumDensity,
    /** A copy at another y with the same averages. */
    withY(other: number) {
      return { mass: massChi, sigmaV: (x: number) => at(x).sigmaV * (other / yRef), logEquilibriumDensity: this.logEquilibriumDensity };
    },
  };
}

/**
 * The thermal target y at m_χ (GeV): Ω h² = 0.120 to 1e−3. Each step rescales y by
 * Ω/0.120 (Ω ∝ 1/y up to the slow change of the freeze-out point) with the thermal
 * averages of a reference y; they are recomputed at the new y until it moves by < 1e−3.
 */
export function thermalTargetY(sector: DarkSector, massChi: number): { y: number; omegaH2: number; xFreezeOut: number } {
  let y = 1e-10 * (massChi / 0.1) ** 2;
  for (let outer = 0; outer < 10; outer++) {
    const yRef = y;
    const problem = averagesAt(sector, massChi, yRef, yRef);
    let r = freezeOut(problem);
    for (let step = 0; step < 40 && Math.abs(r.omegaH2 / OMEGA_DM_H2 - 1) >= 1e-3; step++) {
      y *= r.omegaH2 / OMEGA_DM_H2;
      r = freezeOut(problem.withY(y));
    }
    if (Math.abs(r.omegaH2 / OMEGA_DM_H2 - 1) >= 1e-3) break;
    if (Math.abs(y / yRef - 1) < 1e-3) return { y, omegaH2: r.omegaH2, xFreezeOut: r.xFreezeOut };
  }
  return bracketedTarget(sector, massChi, y);
}

/** The target is not reached: Ω h² stays above 0.120 for every y with ε ≤ 1 (the A′ mostly decays visibly there). */
export class NoThermalTargetError extends RangeError {
  constructor(massChi: number) {
    super(`no thermal target at m_χ = ${massChi} GeV: Ω h² stays above 0.120 for every coupling with ε ≤ 1`);
    this.name = 'NoThermalTargetError';
  }
}

/**
 * The fallback when rescaling y does not settle: where the visible width dominates the A′'s
 * (small α_D), σ at the pole falls as ε grows, so Ω is not ∝ 1/y. Here Ω h² is computed with
 * averages at each y itself, and ln Ω = ln 0.120 is bracketed in ln y (outwards from the last y by
 * decades, up to ε = 1) and bisected to 1e−3 in y; the smallest such y found from below is the target.
 */
function bracketedTarget(sector: DarkSector, massChi: number, start: number): { y: number; omegaH2: number; xFreezeOut: number } {
  const yMax = sector.alphaD / sector.massRatio ** 4; // ε = 1
  const f = (y: number) => {
    const r = relicAbundance(sector, massChi, y);
    return { y, r, g: Math.log(r.omegaH2 / OMEGA_DM_H2) };
  };
  // a y with too much dark matter (g > 0), below the last one; then up by decades until g ≤ 0, or ε = 1
  let lo = f(Math.min(start, yMax) * 1e-3);
  for (let k = 0; k < 12 && lo.g <= 0; k++) lo = f(lo.y * 1e-3);
  if (lo.g <= 0) throw new RangeError(`the thermal target at m_χ = ${massChi} GeV did not converge (Ω h² below 0.120 at every y tried)`);
  let hi = lo;
  while (hi.g > 0) {
    if (hi.y >= yMax) throw new NoThermalTargetError(massChi);
    lo = hi;
    hi = f(Math.min(hi.y * 10, yMax));
  }
  while (hi.y / lo.y - 1 > 1e-3) {
    const mid = f(Math.sqrt(lo.y * hi.y));
    if (mid.g > 0) lo = mid;
    else hi = mid;
  }
  return { y: hi.y, omegaH2: hi.r.omegaH2, xFreezeOut: hi.r.xFreezeOut };
}

/**
 * Masses m_χ₁ + m_χ₂ (GeV) where the targets have structure narrower than an even grid resolves:
 * the ρ/ω dip (thermal √s on the ρ and ω) and the φ, sampled in addition.
 */
const HADRONIC_STRUCTURE = [0.6, 0.69, 0.75, 0.82, 0.89, 0.96];

/**
 * The thermal-target curve [m_χ GeV, y] over the model's range: n points evenly in ln m_χ,
 * plus six through the ρ/ω dip and the φ (m_χ₁ + m_χ₂ = 0.6–0.96 GeV), sorted; y is NaN at a mass
 * with no target ({@link NoThermalTargetError}).
 */
export function thermalTargetCurve(sector: DarkSector, n = 24): [number, number][] {
  const [lo, hi] = thermalTargetRange(sector);
  const perSum = hi / THERMAL_TARGET_TOP; // m_χ per unit of m_χ₁ + m_χ₂
  const masses = [
    ...Array.from({ length: n }, (_, i) => lo * Math.pow(hi / lo, i / (n - 1))),
    ...HADRONIC_STRUCTURE.map((sum) => sum * perSum).filter((m) => m > lo && m < hi),
  ].sort((a, b) => a - b);
  // where no coupling with ε ≤ 1 reaches Ω h² = 0.120, y is NaN: the line breaks there (a gap, not a guess)
  return masses.map((m) => {
    try {
      return [m, thermalTargetY(sector, m).y] as [number, number];
    } catch (e) {
      if (e instanceof NoThermalTargetError) return [m, NaN] as [number, number];
      throw e;
    }
  });
}
