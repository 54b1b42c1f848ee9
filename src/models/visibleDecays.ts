/**
 * Visible decays of the A′ and the invisible branching ratio.
 *
 * The seed paper takes Γ_A′ ≃ Γ(A′ → χχ̄) (Sec. V, below Eq. 10: g_χ ≫ eε). The
 * A′ also decays to charged lepton pairs through the mixing,
 *
 *   Γ(A′ → ℓ⁺ℓ⁻) = (α ε² m/3)(1 + 2m_ℓ²/m²) √(1 − 4m_ℓ²/m²)      (m > 2m_ℓ)
 *
 * (the QED width scaled by ε²; e.g. Fabbrichesi, Gabrielli & Lanfranchi, arXiv:2005.01515,
 * the seed's [48]), for ℓ = e and μ, and to hadrons through the measured e⁺e⁻ → hadrons
 * ratio (the A′ couples to the electromagnetic current, so its hadronic width is the
 * massless-muon width times R; Fabbrichesi et al., ibid., Sec. 3; Batell, Pospelov & Ritz,
 * PRD 80 (2009) 095024):
 *
 *   Γ(A′ → hadrons) = (α ε² m/3) R(m)      (R of models/hadronicR.ts: 0 below m_π⁰;
 *                                           π⁰γ from m_π⁰, π⁺π⁻ from 2m_π±, the ρ, ω, φ, …)
 *
 * How the branching ratio enters. Every channel makes an A′ (on-shell in
 * A′-strahlung and e⁺e⁻ → γA′, resonantly in annihilation) that must decay
 * invisibly: with the total width Γ = Γ_inv + ε²Γ̂_vis (Γ̂_vis at ε = 1) the
 * signal is N(ε) = ε² N̂ · B(ε), B = Γ_inv/(Γ_inv + ε²Γ̂_vis). For annihilation
 * this is the narrow-width limit of Eq. (11): ∫ds σ = 12π²Γ_ee B/m (any model).
 * The yields are computed at ε = 1 with the invisible width in the Breit–Wigner
 * (what they were), and the limit is corrected: where ε₀ solves ε₀² N̂ = N_req
 * (or the spectral likelihood, whose signal shape B scales as a whole),
 *
 *   ε² B(ε) = ε₀²  ⇔  ε = ε₀ / √(1 − k ε₀²),  k = Γ̂_vis/Γ_inv,
 *
 * and there is no limit at all (Infinity) when k ε₀² ≥ 1: however large ε, the
 * A′ then decays visibly too often for the invisible signal to reach N_req.
 * At the corrected limit Γ_vis/Γ_inv = kε² = kε₀²/(1 − kε₀²): it reaches 1 (the A′
 * decays visibly at least half of the time) where kε₀² ≥ ½.
 */
import { alpha, electronMass, muonMass } from '../constants.js';
import { darkWidth, type DarkSector } from './darkMatter.js';
import { hadronicR } from './hadronicR.js';

/** Γ(A′ → ℓ⁺ℓ⁻) at ε = 1 for an A′ of mass m (GeV) and a lepton of mass m_ℓ (GeV), GeV; 0 at and below 2m_ℓ. */
export function leptonPairWidth(mass: number, leptonMass: number): number {
  const r = (leptonMass * leptonMass) / (mass * mass);
  if (4 * r >= 1) return 0;
  return ((alpha * mass) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/** Γ(A′ → hadrons) = (αm/3) R(m) at ε = 1 for an A′ of mass m (GeV), GeV; exactly 0 below m_π⁰. */
export function hadronicWidth(mass: number): number {
  return ((alpha * mass) / 3) * hadronicR(mass);
}

/** Γ(A′ → e⁺e⁻) + Γ(A′ → μ⁺μ⁻) + Γ(A′ → hadrons) at ε = 1, GeV (multiply by ε²). */
export function visibleWidthAtUnitMixing(mass: number): number {
  return leptonPairWidth(mass, electronMass) + leptonPairWidth(mass, muonMass) + hadronicWidth(mass);
}

/** B(ε) = Γ_inv / (Γ_inv + ε² Γ̂_vis), the invisible branching ratio at mixing ε. */
export function invisibleBranchingRatio(mass: number, epsilon: number, invisibleWidth: number): number {
  const visible = epsilon * epsilon * visibleWidthAtUnitMixing(mass);
  return invisibleWidth / (invisibleWidth + visible);
}

/**
 * The limit with visible decays from the limit ε₀ computed for invisible decays
 * alone: ε = ε₀/√(1 − kε₀²), k = Γ̂_vis/Γ_inv; Infinity when kε₀² ≥ 1 (no limit).
 */
export function epsilonWithVisibleDecays(epsilon0: number, k: number): number {
  if (!Number.isFinite(epsilon0)) return epsilon0;
  const x = k * epsilon0 * epsilon0;
  return x >= 1 ? Infinity : epsilon0 / Math.sqrt(1 - x);
}

/** The inverse of {@link epsilonWithVisibleDecays}: ε₀ = ε/√(1 + kε²). */
export function epsilonInvisibleOnly(epsilon: number, k: number): number {
  if (!Number.isFinite(epsilon)) return epsilon;
  return epsilon / Math.sqrt(1 + k * epsilon * epsilon);
}

/**
 * k = Γ̂_vis/Γ_inv at an A′ mass (GeV) for a configuration: what turns ε₀ into ε;
 * 0 when its `visibleDecays` is off (the seed's Γ = Γ(A′ → χχ̄), ε = ε₀).
 */
export function visibleWidthRatio(config: Readonly<DarkSector & { visibleDecays: boolean }>, mass: number): number {
  return config.visibleDecays ? visibleWidthAtUnitMixing(mass) / darkWidth(mass, config) : 0;
}
