/**
 * Whether a limit on the kinetic mixing means anything. A limit is marked
 * `valid: false`, with a note saying why, where
 *  - ε90 ≥ 1 (or there is no signal at all): the mixing of a dark photon with
 *    the photon is at most 1, so such a number excludes nothing;
 *  - at ε90 the A′ would decay visibly as often as invisibly: the seed takes the
 *    width as Γ(A′ → χχ̄) alone (Eq. 10; the paper's g_χ ≫ eε), which needs
 *    Γ(A′ → e⁺e⁻) = (α ε² m/3)(1 + 2m_e²/m²)√(1 − 4m_e²/m²) (and μ⁺μ⁻ above 2m_μ,
 *    models/visibleDecays.ts) to be small beside the width to dark matter of the
 *    configuration's model (models/darkMatter.ts). Where it reaches it (an invisible
 *    branching ratio of 50% or less) the yields, computed for invisible decays
 *    alone, no longer describe the model; with `visibleDecays` on the limit counts
 *    the branching ratio, and the flag marks the region where the A′ mostly decays
 *    visibly. (Below that, the limit is kept: at 10% the invisible branching ratio of
 *    91% would move ε90 by 5%, as much as the paper's own approximations.)
 *  - with `visibleDecays` on, a limit that is infinite although there is a signal:
 *    the A′ decays visibly too often for any ε to give the required invisible count.
 */
import { alpha, electronMass, muonMass, neutralPionMass } from '../constants.js';
import { darkWidth, type DarkMatterModel } from '../models/darkMatter.js';
import { visibleWidthAtUnitMixing } from '../models/visibleDecays.js';

/** Largest Γ(A′ → e⁺e⁻, μ⁺μ⁻, hadrons)/Γ(A′ → χχ̄) at the limit for which the invisible-decay model is kept. */
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

/** The visible channels open at an A′ mass (GeV): e⁺e⁻, μ⁺μ⁻ above 2m_μ, hadrons above m_π⁰ (π⁰γ). */
function visibleChannels(mass: number): string {
  return ['e⁺e⁻', ...(mass > 2 * muonMass ? ['μ⁺μ⁻'] : []), ...(mass > neutralPionMass ? ['hadrons'] : [])].join(', ');
}

/** The dark-matter model of a configuration, as far as the validity needs it (the seed's Dirac χ by default). */
export interface ValidityModel {
  darkMatter: DarkMatterModel;
  massSplitting: number;
  visibleDecays: boolean;
}

/**
 * Whether the limit ε90 at mass m (GeV) is meaningful for the dark sector (α_D, m_A′/m_χ,
 * and the model: Dirac, visible decays neglected, unless given). `noInvisibleLimit`: ε90 is
 * infinite because visible decays win although there is a signal (reach.ts knows).
 */
export function limitValidity(
  mass: number,
  epsilon90: number,
  alphaD: number,
  massRatio: number,
  model: ValidityModel = { darkMatter: 'dirac', massSplitting: 0.1, visibleDecays: false },
  noInvisibleLimit = false,
): LimitValidity {
  if (!Number.isFinite(epsilon90)) {
    return noInvisibleLimit
      ? { valid: false, note: `A′ → ${visibleChannels(mass)} win: at no ε does the invisible signal reach the required count (no limit)` }
      : { valid: false, note: 'no signal at this mass: no limit' };
  }
  if (epsilon90 >= 1) return { valid: false, note: 'ε90 ≥ 1: not a limit (the kinetic mixing is at most 1)' };
  const invisible = darkWidth(mass, { ...model, alphaD, massRatio });
  const visible = epsilon90 * epsilon90 * visibleWidthAtUnitMixing(mass);
  if (visible > VISIBLE_WIDTH_TOLERANCE * invisible) {
    const ratio = Number((visible / invisible).toPrecision(2));
    const channels = visibleChannels(mass);
    return {
      valid: false,
      note: model.visibleDecays
        ? `at ε90 Γ(A′→${channels}) is ${ratio} × Γ(A′→χχ̄) (≥ 1): the A′ mostly decays visibly here, outside the invisible-decay model (its branching ratio is applied)`
        : `at ε90 Γ(A′→${channels}) is ${ratio} × Γ(A′→χχ̄) (≥ 1): the invisible-decay model (Eq. 10) does not hold`,
    };
  }
  return { valid: true };
}
