/**
 * The dark photon A' with invisible decays to dark matter, Eq. (8):
 * L ⊃ A'_μ (e Q_f ε f̄γ^μ f + g_χ J_χ^μ), α_D = g_χ²/4π, m_χ = m_A'/massRatio,
 * J_χ the current of the dark-matter model (models/darkMatter.ts; the seed's Dirac χ̄γ^μχ
 * by default). The width in the Breit–Wigner is Γ(A' → dark pair) alone (Eq. 10 for
 * Dirac; the paper's g_χ ≫ eε); visible decays enter through the invisible
 * branching ratio of the limit (models/visibleDecays.ts).
 * Masses in GeV, widths in GeV, cross-sections in GeV⁻².
 */
import { e2 } from '../constants.js';
import { darkPairWidth, darkStates, type DarkMatterModel } from './darkMatter.js';

export interface DarkPhoton {
  /** A' mass, GeV. */
  mass: number;
  /** χ mass, GeV (χ₁, the lighter state, for pseudo-Dirac dark matter). */
  chiMass: number;
  /** The heavier dark state's mass, GeV (= chiMass except for pseudo-Dirac). */
  chiMass2: number;
  /** The dark-matter model (Dirac unless given). */
  darkMatter: DarkMatterModel;
  /** α_D = g_χ²/4π. */
  alphaD: number;
  /** Width Γ_A' ≃ Γ(A' → dark pair), GeV (Eq. 10 for Dirac). */
  width: number;
}

/** Eq. (10): Γ(A' → χ̄χ) = (m α_D/3)(1 + 2 m_χ²/m²) √(1 − 4 m_χ²/m²), GeV (Dirac χ). */
export function invisibleWidth(mass: number, chiMass: number, alphaD: number): number {
  const r = (chiMass * chiMass) / (mass * mass);
  if (4 * r >= 1) return 0;
  return ((mass * alphaD) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/** Which dark matter the A' decays to: the model and the pseudo-Dirac splitting δ = Δm/m_χ. */
export interface DarkMatterChoice {
  darkMatter: DarkMatterModel;
  massSplitting: number;
}

/** The model point for a given A' mass (GeV), α_D, m_A'/m_χ and dark-matter model (default: the seed's Dirac χ). */
export function darkPhoton(mass: number, alphaD: number, massRatio: number, dm?: Readonly<DarkMatterChoice>): DarkPhoton {
  const darkMatter = dm?.darkMatter ?? 'dirac';
  if (darkMatter === 'dirac') {
    const chiMass = mass / massRatio;
    return { mass, chiMass, chiMass2: chiMass, darkMatter, alphaD, width: invisibleWidth(mass, chiMass, alphaD) };
  }
  const { m1, m2 } = darkStates(mass, { darkMatter, massRatio, massSplitting: dm!.massSplitting });
  return { mass, chiMass: m1, chiMass2: m2, darkMatter, alphaD, width: darkPairWidth(darkMatter, mass, m1, m2, alphaD) };
}

/** The model point of a configuration at an A' mass (GeV). */
export function darkPhotonFor(
  config: Readonly<{ alphaD: number; massRatio: number; darkMatter: DarkMatterModel; massSplitting: number }>,
  mass: number,
): DarkPhoton {
  return darkPhoton(mass, config.alphaD, config.massRatio, config);
}

/** s at which the dark pair opens, GeV² ((m_χ₁ + m_χ₂)²; 4m_χ² for all but pseudo-Dirac). */
export function pairThreshold(model: DarkPhoton): number {
  const sum = model.chiMass + model.chiMass2;
  return sum * sum;
}

/**
 * σ(e⁺e⁻ → A'* → dark pair) at ε = 1, GeV⁻², for s in GeV². For Dirac χ Eq. (9),
 * (e² α_D/3) (s + 2m_χ²) / ((s − m²)² + Γ²m²) √(1 − 4m_χ²/s); for every model
 * 12π Γ_ee(√s) Γ_pair(√s) / ((s − m²)² + Γ²m²) with Γ_ee(Q) = αQ/3 (m_e neglected,
 * as in Eq. 9) and Γ_pair the model's width at Q = √s (models/darkMatter.ts),
 * which is Eq. (9) for Dirac χ.
 */
export function annihilationCrossSection(model: DarkPhoton, s: number): number {
  const { mass, chiMass, alphaD, width } = model;
  const d = s - mass * mass;
  if (model.darkMatter === 'dirac') {
    const beta2 = 1 - (4 * chiMass * chiMass) / s;
    if (beta2 <= 0) return 0;
    return (((e2 * alphaD) / 3) * (s + 2 * chiMass * chiMass) * Math.sqrt(beta2)) / (d * d + width * width * mass * mass);
  }
  const Q = Math.sqrt(s);
  const pair = darkPairWidth(model.darkMatter, Q, chiMass, model.chiMass2, alphaD);
  if (pair === 0) return 0;
  // 12π (αQ/3) Γ_pair = e² Q Γ_pair
  return (e2 * Q * pair) / (d * d + width * width * mass * mass);
}
