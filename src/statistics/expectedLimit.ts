/**
 * Expected upper limit on the kinetic mixing from signal and background
 * counts, with the paper's criterion N_s/√N_b = √Δχ² (Δχ² = 2.71 for 90% CL,
 * Sec. V and ref. [45]). Signal yields scale as ε² (both Eq. 11, whose width
 * is the invisible one and does not depend on ε, and Eq. 12), so from the
 * yield N₁ at ε = 1:  ε_lim = (Δχ² N_b)^{1/4} / √N₁.
 */

/** Signal events needed for the limit, √(Δχ² N_b). */
export function requiredSignal(background: number, deltaChi2: number): number {
  return Math.sqrt(deltaChi2 * background);
}

/** ε at which ε² N₁ reaches the required signal; Infinity when N₁ = 0. */
export function epsilonLimit(signalAtUnitEpsilon: number, background: number, deltaChi2: number): number {
  if (!(signalAtUnitEpsilon > 0)) return Infinity;
  return Math.sqrt(requiredSignal(background, deltaChi2) / signalAtUnitEpsilon);
}
