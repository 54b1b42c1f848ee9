/**
 * The dark-matter particle the A′ decays to, and the width Γ(A′ → dark pair)
 * of each model. Eq. (8) of the seed paper fixes a Dirac χ; vanish also offers
 * the other standard light-dark-matter benchmarks of the dark-photon portal
 * (Izaguirre, Krnjaic, Schuster & Toro, PRL 115 (2015) 251301, arXiv:1505.00011;
 * Berlin, Blinov, Krnjaic, Schuster & Toro, PRD 99 (2019) 075001, arXiv:1807.01730,
 * the DMG4 package, Bondi et al., CPC 269 (2021) 108129, arXiv:2101.12192),
 * α_D = g_D²/4π throughout:
 *
 *   dirac        g_D A′_μ χ̄γ^μχ                         (Eq. 8)
 *   majorana     (g_D/2) A′_μ χ̄γ^μγ⁵χ  — a Majorana field has no vector current:
 *                it couples axially (the charged Weyl fermion written as a Majorana one)
 *   scalar       i g_D A′^μ (φ*∂_μφ − φ∂_μφ*)   (complex scalar)
 *   pseudoDirac  i g_D A′_μ χ̄₂γ^μχ₁ — a Dirac fermion split by small Majorana masses
 *                into χ₁ (m_χ) and χ₂ (m_χ(1 + δ)); the A′ couples off-diagonally.
 *                ASSUMPTION: χ₂ does not decay visibly inside the detector
 *                (χ₂ → χ₁ e⁺e⁻ has cτ ∝ 1/(ε²α_D δ⁵); Izaguirre, Krnjaic & Shuve, PRD 93
 *                (2016) 063523, arXiv:1508.03050), so A′ → χ₁χ₂ is missing energy.
 *
 * Widths of a vector of mass Q into the pair (from the spin-summed traces,
 * averaged over the three A′ polarisations; r = m_χ²/Q², β = √(1 − 4r)):
 *
 *   dirac        (α_D Q/3)(1 + 2r) β            = (α_D Q/3) β(3 − β²)/2      (Eq. 10)
 *   majorana     (α_D Q/6) β³                   (axial: P-wave; ½ for identical particles) — half the
 *                axial Dirac width g²Qβ³/12π of the LHC DM Working Group (arXiv:1703.05703,
 *                Sec. 2) with g = g_D, and at m_χ → 0 its width of a ν_L, g²Q/24π (tested)
 *   scalar       (α_D Q/12) β³                  (P-wave)
 *   pseudoDirac  (α_D Q/3)(1 + Σ²/2Q²)(1 − Δ²/Q²)^{3/2} (1 − Σ²/Q²)^{1/2},
 *                Σ = m₁ + m₂, Δ = m₂ − m₁ (→ the Dirac width as δ → 0)
 *
 * The same functions of Q give the off-shell A′* lineshape, σ(e⁺e⁻ → A′* → pair)
 * = 12π Γ_ee(√s) Γ_pair(√s) / ((s − m²)² + m²Γ²) (models/darkPhoton.ts), so
 * the threshold behaviour of σ is that of the width: β(3 − β²)/2 for Dirac, β³ for
 * Majorana and scalar, and the two-mass phase space for pseudo-Dirac.
 * Masses and widths in GeV.
 */
import { alpha, electronMass, hbarcGeVcm } from '../constants.js';

/** The dark-matter models, in the order they are offered. */
export const DARK_MATTER_MODELS = ['dirac', 'majorana', 'scalar', 'pseudoDirac'] as const;
export type DarkMatterModel = (typeof DARK_MATTER_MODELS)[number];

/** What each model is, for help texts, legends and forms. */
export const DARK_MATTER_LABELS: Readonly<Record<DarkMatterModel, string>> = {
  dirac: 'Dirac fermion',
  majorana: 'Majorana fermion',
  scalar: 'complex scalar',
  pseudoDirac: 'pseudo-Dirac fermion (inelastic)',
};

/** The dark sector of a configuration. */
export interface DarkSector {
  darkMatter: DarkMatterModel;
  /** α_D = g_D²/4π. */
  alphaD: number;
  /** m_A′/m_χ (m_χ the lighter state of pseudo-Dirac dark matter). */
  massRatio: number;
  /** Pseudo-Dirac splitting δ = (m_χ₂ − m_χ₁)/m_χ₁ (0 < δ < 1); unused by the other models. */
  massSplitting: number;
}

/** The two dark states an A′ of this mass decays to, GeV: χ (and χ̄, or χ₂). */
export function darkStates(mass: number, sector: Pick<DarkSector, 'darkMatter' | 'massRatio' | 'massSplitting'>): { m1: number; m2: number } {
  const m1 = mass / sector.massRatio;
  return { m1, m2: sector.darkMatter === 'pseudoDirac' ? m1 * (1 + sector.massSplitting) : m1 };
}

/**
 * The smallest m_A′/m_χ for which A′ → pair is open: 2, or 2 + δ for pseudo-Dirac
 * (m_A′ > m_χ₁ + m_χ₂).
 */
export function smallestMassRatio(sector: Pick<DarkSector, 'darkMatter' | 'massSplitting'>): number {
  return sector.darkMatter === 'pseudoDirac' ? 2 + sector.massSplitting : 2;
}

/**
 * Γ of a vector of mass Q (GeV) with the A′'s couplings into the dark pair of masses
 * m1 ≤ m2 for the model, GeV; exactly 0 at and below the threshold Q = m1 + m2.
 */
export function darkPairWidth(model: DarkMatterModel, Q: number, m1: number, m2: number, alphaD: number): number {
  if (!(Q > m1 + m2)) return 0;
  if (model === 'pseudoDirac') {
    const sigma2 = ((m1 + m2) * (m1 + m2)) / (Q * Q);
    const delta2 = ((m2 - m1) * (m2 - m1)) / (Q * Q);
    return ((alphaD * Q) / 3) * (1 + sigma2 / 2) * Math.pow(1 - delta2, 1.5) * Math.sqrt(1 - sigma2);
  }
  const r = (m1 * m1) / (Q * Q);
  const beta2 = 1 - 4 * r;
  if (model === 'dirac') return ((Q * alphaD) / 3) * (1 + 2 * r) * Math.sqrt(beta2);
  const beta3 = beta2 * Math.sqrt(beta2);
  return model === 'majorana' ? ((alphaD * Q) / 6) * beta3 : ((alphaD * Q) / 12) * beta3;
}

/** Γ(A′ → dark pair) for an A′ of mass m (GeV) in a dark sector, GeV. */
export function darkWidth(mass: number, sector: DarkSector): number {
  const { m1, m2 } = darkStates(mass, sector);
  return darkPairWidth(sector.darkMatter, mass, m1, m2, sector.alphaD);
}

/** y = ε² α_D (m_χ/m_A′)⁴, the variable of the light-dark-matter plane (Izaguirre et al. 2015). */
export function yVariable(epsilon: number, alphaD: number, massRatio: number): number {
  return (epsilon * epsilon * alphaD) / (massRatio * massRatio * massRatio * massRatio);
}

/** The ε whose y is the given one: ε = √(y/α_D) (m_A′/m_χ)², the exact inverse of {@link yVariable}. */
export function epsilonForY(y: number, alphaD: number, massRatio: number): number {
  return Math.sqrt(y / alphaD) * massRatio * massRatio;
}

/**
 * A reach point in the light-dark-matter plane: m_χ = m_A′/massRatio (GeV; χ₁ for
 * pseudo-Dirac) and y90 = ε90² α_D (m_χ/m_A′)⁴ (Infinity where ε90 is).
 */
export function yPlanePoint(
  point: { massGeV: number; epsilon90: number },
  config: Readonly<{ alphaD: number; massRatio: number }>,
): { massChiGeV: number; y90: number } {
  return { massChiGeV: point.massGeV / config.massRatio, y90: yVariable(point.epsilon90, config.alphaD, config.massRatio) };
}


/**
 * The lab decay length (m) of the pseudo-Dirac excited state χ₂ → χ₁ e⁺e⁻ through an
 * off-shell A′, at mixing ε and χ₂ energy E (GeV), from the width in the limit
 * m_e ≪ Δ ≪ m_χ, m_A′: Γ ≈ 4ε²αα_D Δ⁵/(15π m_A′⁴) (Izaguirre, Krnjaic & Shuve,
 * PRD 93 (2016) 063523, arXiv:1508.03050) — an estimate for the check of the
 * invisible assumption; Infinity below the e⁺e⁻ threshold (Δ ≤ 2m_e) or for the elastic models.
 */
export function excitedStateDecayLength(mass: number, epsilon: number, sector: DarkSector, energy: number): number {
  if (sector.darkMatter !== 'pseudoDirac' || !Number.isFinite(epsilon)) return Infinity;
  const { m1, m2 } = darkStates(mass, sector);
  const delta = m2 - m1;
  if (delta <= 2 * electronMass) return Infinity;
  const width = (4 * epsilon * epsilon * alpha * sector.alphaD * delta ** 5) / (15 * Math.PI * mass ** 4);
  const gammaBeta = Math.sqrt(Math.max(energy * energy - m2 * m2, 0)) / m2;
  return (gammaBeta * hbarcGeVcm * 1e-2) / width;
}
