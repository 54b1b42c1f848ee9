/**
 * The dark photon A' with invisible decays to Dirac dark matter χ, Eq. (8):
 * L ⊃ A'_μ (e Q_f ε f̄γ^μ f + g_χ χ̄γ^μ χ), α_D = g_χ²/4π, m_χ = m_A'/massRatio.
 * The width is taken as Γ(A' → χχ̄) alone (Eq. 10; the paper's g_χ ≫ eε).
 * Masses in GeV, widths in GeV, cross-sections in GeV⁻².
 */
import { e2 } from '../constants.js';

export interface DarkPhoton {
  /** A' mass, GeV. */
  mass: number;
  /** χ mass, GeV. */
  chiMass: number;
  /** α_D = g_χ²/4π. */
  alphaD: number;
  /** Total width Γ_A' ≃ Γ(A' → χχ̄), GeV (Eq. 10). */
  width: number;
}

/** Eq. (10): Γ(A' → χ̄χ) = (m α_D/3)(1 + 2 m_χ²/m²) √(1 − 4 m_χ²/m²), GeV. */
export function invisibleWidth(mass: number, chiMass: number, alphaD: number): number {
  const r = (chiMass * chiMass) / (mass * mass);
  if (4 * r >= 1) return 0;
  return ((mass * alphaD) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/** The model point for a given A' mass (GeV), α_D and m_A'/m_χ. */
export function darkPhoton(mass: number, alphaD: number, massRatio: number): DarkPhoton {
  const chiMass = mass / massRatio;
  return { mass, chiMass, alphaD, width: invisibleWidth(mass, chiMass, alphaD) };
}

/**
 * Eq. (9): σ(e⁺e⁻ → A'* → χχ̄) at ε = 1, GeV⁻²,
 * (e² α_D/3) (s + 2m_χ²) / ((s − m²)² + Γ²m²) √(1 − 4m_χ²/s), for s in GeV².
 */
export function annihilationCrossSection(model: DarkPhoton, s: number): number {
  const { mass, chiMass, alphaD, width } = model;
  const beta2 = 1 - (4 * chiMass * chiMass) / s;
  if (beta2 <= 0) return 0;
  const d = s - mass * mass;
  return (((e2 * alphaD) / 3) * (s + 2 * chiMass * chiMass) * Math.sqrt(beta2)) / (d * d + width * width * mass * mass);
}
