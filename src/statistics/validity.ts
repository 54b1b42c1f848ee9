/**
 * Whether a limit on the kinetic mixing means anything. A limit is marked
 * `valid: false`, with a note saying why, where
 *  - ε90 ≥ 1 (or there is no signal at all): the mixing of a dark photon with
 *    the photon is at most 1, so such a number excludes nothing;
 *  - at ε90 the A′ would decay visibly as often as invisibly: the model takes the
 *    width as Γ(A′ → χχ̄) alone (Eq. 10; the paper's g_χ ≫ eε), which needs
 *    Γ(A′ → e⁺e⁻) = (α ε² m/3)(1 + 2m_e²/m²)√(1 − 4m_e²/m²) to be small beside it.
 *    Where it reaches the invisible width (an invisible branching ratio of 50% or
 *    less) the yields, computed for invisible decays alone, no longer describe the
 *    model. (Below that, the limit is kept: at 10% the invisible branching ratio of
 *    91% would move ε90 by 5%, as much as the paper's own approximations.)
 */
import { alpha, electronMass } from '../constants.js';
import { invisibleWidth } from '../models/darkPhoton.js';

/** Largest Γ(A′ → e⁺e⁻)/Γ(A′ → χχ̄) at the limit for which the invisible-decay model is kept. */
export const VISIBLE_WIDTH_TOLERANCE = 1;

export interface LimitValidity {
  valid: boolean;
  /** Why the limit is not meaningful (absent when it is). */
  note?: string;
}

/** Γ(A′ → e⁺e⁻) at kinetic mixing ε, GeV (0 below the e⁺e⁻ threshold). */
export function visibleWidth(mass: number, epsilon: number): number {
  const r = (electronMass * electronMass) / (mass * mass);
  if (4 * r >= 1) return 0;
  return ((alpha * epsilon * epsilon * mass) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/** Whether the limit ε90 at mass m (GeV) is meaningful for the dark sector (α_D, m_A′/m_χ). */
export function limitValidity(mass: number, epsilon90: number, alphaD: number, massRatio: number): LimitValidity {
  if (!Number.isFinite(epsilon90)) return { valid: false, note: 'no signal at this mass: no limit' };
  if (epsilon90 >= 1) return { valid: false, note: 'ε90 ≥ 1: not a limit (the kinetic mixing is at most 1)' };
  const invisible = invisibleWidth(mass, mass / massRatio, alphaD);
  const visible = visibleWidth(mass, epsilon90);
  if (visible > VISIBLE_WIDTH_TOLERANCE * invisible) {
    return {
      valid: false,
      note: `at ε90 Γ(A′→e⁺e⁻) is ${Number((visible / invisible).toPrecision(2))} × Γ(A′→χχ̄) (≥ 1): the invisible-decay model (Eq. 10) does not hold`,
    };
  }
  return { valid: true };
}
