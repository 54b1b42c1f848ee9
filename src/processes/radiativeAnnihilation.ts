/**
 * e⁺e⁻ → γA′ with the electron mass kept: a shower positron of lab energy E′
 * annihilates on an atomic electron at rest into a photon and an on-shell A′
 * (the third channel of Ge, Liang, Liu & Min, arXiv:2505.10302, beside
 * Eq. 11's resonance and Eq. 12's A′-strahlung). Units: GeV, cross-sections
 * in GeV⁻², at ε = 1 (they scale as ε²).
 *
 * Derivation. Tree level, two diagrams (photon emitted from either leg); with
 * p₋ the electron, p₊ the positron, k the photon, q the A′ (q² = M²) and the
 * invariants A = 2p₋·k, B = 2p₊·k (A + B = S ≡ s − M²), the spin-summed
 * polarisation-summed square (−g_μν for both vectors: the A′'s q_μq_ν/M² term
 * drops by current conservation) is
 *
 *   ¼Σ|M|² = 2e⁴ε² X,
 *   X = B/A + A/B + 2M²s/(AB) + 4m²(1/A + 1/B) − 4m⁴(1/A + 1/B)² − 2m²M²(1/A² + 1/B²).
 *
 * Checks (test/physics/radiative.test.ts): M → 0 is e⁺e⁻ → γγ with massive
 * electrons (Berestetskii, Lifshitz & Pitaevskii, QED §88; Peskin & Schroeder
 * Eq. 5.105); m → 0 is the textbook e⁺e⁻ → γZ/γA′ form u/t + t/u + 2sM²/(tu).
 * X was derived by tracing the two diagrams (Dirac matrices, numerically, at
 * random kinematics) and matching the basis above exactly.
 *
 * Lab frame (electron at rest): A = 2mω with ω the photon's lab energy, so the
 * energy the calorimeter sees is the invariant itself. dσ/dA = (1/16πλ)Σ̄|M|²,
 * λ = s(s − 4m²):
 *
 *   dσ/dω = 4πα² m X / (s (s − 4m²)),
 *
 * and ω runs between ω_min,max = S m (E′ + m ∓ p′)/(2ms), p′ = √(E′² − m²), the
 * photon emitted along the target electron (backwards in the centre of mass,
 * collinear: A → A_min ≈ S m²/s) or along the positron. The A′ takes
 * E_A′ = E′ + m − ω. The integral over ω is elementary:
 *
 *   σ(ω₁ < ω < ω₂) = 2πα²/(s(s − 4m²)) [Φ(A₂) − Φ(A₁)],
 *   Φ(A) = (S + 2M²s/S + 4m² − 8m⁴/S) ln(A/B) − 2A − (4m⁴ + 2m²M²)(1/B − 1/A).
 *
 * Over the whole range and for m² ≪ s it is the leading-log
 *   σ → (4πα²/s)(ln(s/m²) − 1)(1 + M⁴/s²)/(1 − M²/s),
 * which at M = 0 is twice σ(e⁺e⁻ → γγ) = (2πα²/s)(ln(s/m²) − 1) (identical photons).
 */
import { alpha, electronMass } from '../constants.js';

/** m_e and m_e² read once (hot loops). */
const ME = electronMass;
const ME2 = electronMass * electronMass;

/** Lab kinematics of e⁺(E′) e⁻(at rest) → γ A′(M). */
export interface RadiativeKinematics {
  /** s = 2m(E′ + m), GeV². */
  s: number;
  /** S = s − M² = A + B, GeV². */
  S: number;
  /** Smallest and largest A = 2mω (photon along the electron, resp. along the positron), GeV². */
  aMin: number;
  aMax: number;
  /** The same as lab photon energies, GeV. */
  omegaMin: number;
  omegaMax: number;
  /** 2πα²/(s(s − 4m²)), the prefactor of Φ, GeV⁻⁴. */
  prefactor: number;
}

/** Kinematics for a positron of lab energy E′ (GeV) and an A′ of mass M; null below threshold (s ≤ M²). */
export function radiativeKinematics(positronEnergy: number, mass: number): RadiativeKinematics | null {
  const m = electronMass;
  const eP = positronEnergy;
  if (!(eP > m)) return null;
  const s = 2 * m * (eP + m);
  const S = s - mass * mass;
  if (!(S > 0)) return null;
  const p = Math.sqrt((eP - m) * (eP + m));
  const d = m + (m * m) / (eP + p); // E′ + m − p′ without cancellation
  const aMin = (S * m * d) / s;
  const aMax = (S * m * (eP + m + p)) / s;
  return {
    s,
    S,
    aMin,
    aMax,
    omegaMin: aMin / (2 * m),
    omegaMax: aMax / (2 * m),
    prefactor: (2 * Math.PI * alpha * alpha) / (s * 2 * m * (eP - m)),
  };
}

/** X of the squared amplitude (¼Σ|M|² = 2e⁴X), dimensionless; A + B = s − M². */
export function radiativeAmplitudeSquared(A: number, B: number, s: number, mass: number): number {
  const m2 = electronMass * electronMass;
  const M2 = mass * mass;
  const inv = 1 / A + 1 / B;
  return B / A + A / B + (2 * M2 * s) / (A * B) + 4 * m2 * inv - 4 * m2 * m2 * inv * inv - 2 * m2 * M2 * (1 / (A * A) + 1 / (B * B));
}

/** dσ/dω at ε = 1, GeV⁻³, for photon lab energy ω (0 outside the kinematic range). */
export function radiativeDSigmaDOmega(positronEnergy: number, mass: number, omega: number): number {
  const k = radiativeKinematics(positronEnergy, mass);
  if (!k) return 0;
  const A = 2 * electronMass * omega;
  if (A < k.aMin || A > k.aMax) return 0;
  return 2 * electronMass * k.prefactor * radiativeAmplitudeSquared(A, k.S - A, k.s, mass);
}

/** Φ(A) with B given separately (so that B near its minimum keeps its precision). */
function primitive(k: RadiativeKinematics, mass: number, A: number, B: number): number {
  const m2 = electronMass * electronMass;
  const M2 = mass * mass;
  const C = k.S + (2 * M2 * k.s) / k.S + 4 * m2 - (8 * m2 * m2) / k.S;
  const D = 4 * m2 * m2 + 2 * m2 * M2;
  return C * Math.log(A / B) - 2 * A - D * (1 / B - 1 / A);
}

/**
 * σ for photon lab energies in [ω₁, ω₂] (clipped to the kinematic range), GeV⁻², at ε = 1,
 * in closed form. Pass the kinematics to avoid recomputing them.
 */
export function radiativeCrossSectionBetween(
  k: RadiativeKinematics,
  mass: number,
  omegaLo: number,
  omegaHi: number,
): number {
  const twoM = 2 * electronMass;
  const aLo = Math.max(k.aMin, twoM * omegaLo);
  const aHi = Math.min(k.aMax, twoM * omegaHi);
  if (!(aHi > aLo)) return 0;
  // B = S − A; at the kinematic ends use the exact B (= aMin at A = aMax, = aMax at A = aMin)
  const bLo = aLo === k.aMin ? k.aMax : k.S - aLo;
  const bHi = aHi === k.aMax ? k.aMin : k.S - aHi;
  return k.prefactor * (primitive(k, mass, aHi, bHi) - primitive(k, mass, aLo, bLo));
}

/**
 * σ(e⁺(E′) e⁻ → γA′) with the photon's lab energy ≤ ω_cut and s ≥ sMin, GeV⁻², at ε = 1:
 * {@link radiativeKinematics} and {@link radiativeCrossSectionBetween} from ω_min in one pass,
 * without allocating. 0 below threshold, below sMin or when ω_cut ≤ ω_min.
 */
export function radiativeAcceptedBelow(positronEnergy: number, mass: number, sMin: number, omegaCut: number): number {
  return radiativeAcceptedBelowFor(mass, sMin)(positronEnergy, omegaCut);
}

/** 2πα²/(2m_e): the prefactor 2πα²/(s(s − 4m²)) is this over s(E′ − m), s − 4m² = 2m(E′ − m). */
const PREFACTOR_NUMERATOR = (2 * Math.PI * alpha * alpha) / (2 * ME);

/**
 * {@link radiativeAcceptedBelow} for one A′ mass and sMin, as a function of (E′, ω_cut) with the
 * mass-only terms computed once (the yields' innermost integrand). With x = d/A_min, y = d/B_hi,
 * d = A_hi − A_min, the two logarithms of Φ(A_hi) − Φ(A_min) are one, ln(1 + x)(1 + y) = log1p(x + y + xy)
 * (x, y ≥ 0: no cancellation), and D(1/(B_hi A_max) + 1/(A_hi A_min)) one division.
 */
export function radiativeAcceptedBelowFor(mass: number, sMin: number): (positronEnergy: number, omegaCut: number) => number {
  const M2 = mass * mass;
  const twoM2 = 2 * M2;
  const ME4 = ME2 * ME2;
  const D = 4 * ME4 + 2 * ME2 * M2;
  return (eP, omegaCut) => {
    if (!(eP > ME)) return 0;
    const s = 2 * ME * (eP + ME);
    const S = s - M2;
    if (!(S > 0) || s < sMin) return 0;
    const p = Math.sqrt((eP - ME) * (eP + ME));
    const k = (S * ME) / s;
    const aMin = k * (ME + ME2 / (eP + p));
    const aMax = k * (eP + ME + p);
    const aCut = 2 * ME * omegaCut;
    if (!(aCut > aMin)) return 0;
    // A from aMin (B = aMax exactly) to min(aMax, aCut) (B = aMin exactly at aMax)
    const aHi = Math.min(aMax, aCut);
    const bHi = aHi === aMax ? aMin : S - aHi;
    const C = S + (twoM2 * s - 8 * ME4) / S + 4 * ME2;
    // Φ(aHi, bHi) − Φ(aMin, aMax) with d = aHi − aMin = aMax − bHi taken out of every difference
    const d = aHi - aMin;
    const x = d / aMin;
    const y = d / bHi;
    const phi = C * Math.log1p(x + y + x * y) - 2 * d - (D * d * (aHi * aMin + bHi * aMax)) / (bHi * aMax * aHi * aMin);
    return (PREFACTOR_NUMERATOR / (s * (eP - ME))) * phi;
  };
}

/**
 * The cross-section's antiderivative in ω (clipped to the kinematic range), GeV⁻²:
 * σ(ω₁ < ω < ω₂) = P(ω₂) − P(ω₁). For spectra that need σ between many edges.
 */
export function radiativeCumulative(k: RadiativeKinematics, mass: number, omega: number): number {
  const A = Math.min(k.aMax, Math.max(k.aMin, 2 * electronMass * omega));
  const B = A === k.aMax ? k.aMin : A === k.aMin ? k.aMax : k.S - A;
  return k.prefactor * primitive(k, mass, A, B);
}

/** σ(e⁺e⁻ → γA′) over all photon energies, GeV⁻², at ε = 1; 0 below threshold. */
export function radiativeTotalCrossSection(positronEnergy: number, mass: number): number {
  const k = radiativeKinematics(positronEnergy, mass);
  return k ? radiativeCrossSectionBetween(k, mass, k.omegaMin, k.omegaMax) : 0;
}

/**
 * σ with the photon's lab energy at most ω_cut (the photon is deposited, so
 * the selection E_A′ = E′ + m − ω ≥ (1 − c)E is ω ≤ ω_cut), GeV⁻², at ε = 1.
 */
export function radiativeAcceptedCrossSection(positronEnergy: number, mass: number, omegaCut: number): number {
  const k = radiativeKinematics(positronEnergy, mass);
  return k ? radiativeCrossSectionBetween(k, mass, k.omegaMin, omegaCut) : 0;
}

/**
 * The soft/hard boundary x₀ in the photon's centre-of-mass energy fraction
 * x = 1 − M²/s: 0.01. Small enough for the soft-photon approximation (its
 * error is O(x₀) of the soft part), large enough that the hard channel's
 * 1/x rise stays mild. Whether the Breit–Wigner is narrower than x₀M²
 * (α_D ≲ 10⁻², the soft region then holds the whole resonance) or wider
 * (the Born cross-section is then flat over x₀, as the soft approximation
 * needs), the sum does not depend on x₀ to O(α); so x₀ depends on nothing,
 * and callers need not compute the A′ width for it. `mass` names the A′ whose
 * cut it is.
 */
export function softPhotonCut(_mass: number): number {
  return 0.01;
}

/**
 * The soft-plus-virtual initial-state factor of the resonance at s, for
 * photons softer than x₀ (the harder ones are e⁺e⁻ → γA′ itself), at O(α) with
 * the leading logarithm and its constant (the soft-photon and vertex
 * correction of e⁺e⁻ → V: F. A. Berends, R. Kleiss, Nucl. Phys. B 177 (1981)
 * 237; E. A. Kuraev, V. S. Fadin, Sov. J. Nucl. Phys. 41 (1985) 466):
 *
 *   S(s) = 1 + β ln x_eff + (α/π)(3L/2 + π²/3 − 2),  β = (2α/π)(L − 1),  L = ln(s/m_e²),
 *   x_eff = min(1, max(x₀, |s − M²|/s)).
 *
 * The large logarithm is that of the collision, ln(s/m_e²) (= ln(M²/m_e²) at the
 * pole): in the tails, and for M ≪ m_e where the whole yield is a tail (s ≥ 2m_e²
 * always), ln(M²/m_e²) would make S fall without bound as M → 0 (negative
 * below M ≈ 1e-90 GeV) instead of reaching the M → 0 plateau.
 *
 * At the pole x_eff = x₀, and the sum with the hard channel, whose soft end is
 * β dx/x times the resonance, does not depend on x₀ to O(α) (fixed order on
 * both sides: exponentiating only this one would leave an O(β² ln² x₀)
 * mismatch). In the Breit–Wigner's tails, |s − M²| ≫ x₀ s, photons up to
 * x ≈ |s − M²|/s leave the tail's cross-section nearly unchanged while harder
 * ones move it away from (s < M²) or onto the pole (s > M²: the hard channel's
 * radiative return), so the tail keeps the soft factor with x_eff = |s − M²|/s.
 */
export function softVirtualFactor(mass: number, x0: number): (s: number) => number {
  const m2 = mass * mass;
  return (s) => {
    const L = Math.log(s / (electronMass * electronMass));
    const beta = Math.max(0, ((2 * alpha) / Math.PI) * (L - 1));
    const constant = 1 + (alpha / Math.PI) * (1.5 * L + (Math.PI * Math.PI) / 3 - 2);
    return constant + beta * Math.log(Math.min(1, Math.max(x0, Math.abs(s - m2) / s)));
  };
}
