/**
 * Plain data objects returned by the library (and serialised by the shells).
 * Energies and masses in GeV; event counts are expected numbers of events.
 */
import type { AnyExperimentConfig } from './config/schema.js';

/** The leptons entering the target: Bhabha positrons in the barrel (Eqs. 3–4), or a beam. */
export interface FluxSummary {
  /** Expected number of leptons entering the target (positrons for a collider; the beam particles for a fixed target). */
  positrons: number;
  /** The particle entering the target. */
  particle: 'e+' | 'e-';
  /** Lab energy of the positron at thetaMax (lowest), GeV. */
  energyMinGeV: number;
  /** Lab energy of the positron at thetaMin (highest), GeV. */
  energyMaxGeV: number;
  /** Centre-of-mass energy √s, GeV (colliders). */
  sqrtS?: number;
  /** Boost velocity β of the centre-of-mass frame (colliders). */
  beta?: number;
  /** Bhabha cross-section into the acceptance, pb (colliders). */
  crossSectionPb?: number;
}

export interface BackgroundSummary {
  photon: {
    /** Probability that a photon with more than (1 − energyCut) of the positron energy leaves the ECL (Eq. 6). */
    escapeProbability: number;
    /** KLM veto inefficiency applied to those photons. */
    vetoInefficiency: number;
    events: number;
  };
  neutron: {
    /** Probability for one neutron to cross the rest of the ECL and the KLM (Eq. 7). */
    penetrationProbability: number;
    /** Whether the penetration probability was given in the configuration instead of computed. */
    penetrationFromConfig: boolean;
    /** Events with one neutron, rescaled to the positron count, after penetration. */
    singleNeutronEvents: number;
    /** Events with two or more neutrons (both must penetrate), rescaled, after penetration. */
    multiNeutronEvents: number;
    events: number;
  };
  total: number;
  /** Caveats a user should see (for example a cut flow reused at another energy cut). */
  warnings: string[];
}

/** The background of a fixed-target experiment: given, with the Poisson (CLs) signal limit it implies. */
export interface FixedTargetBackground {
  total: number;
  observedEvents: number;
  confidenceLevel: number;
  /** The signal count excluded at the confidence level (2.3 at 90% CL for no events). */
  upperLimitEvents: number;
  warnings: string[];
}

/** Signal yields at kinetic mixing ε = 1 (events scale as ε²). */
export interface YieldResult {
  massGeV: number;
  /**
   * Resonant annihilation e⁺e⁻ → A' → χχ̄ on atomic electrons (Eq. 11); with
   * `radiativeAnnihilation` on, times its soft-plus-virtual initial-state factor.
   */
  annihilation: number;
  /** Estimated absolute numerical error of `annihilation`. */
  annihilationError: number;
  /** A'-strahlung on nuclei (Eq. 12). */
  bremsstrahlung: number;
  /** Estimated absolute numerical error of `bremsstrahlung`. */
  bremsstrahlungError: number;
  /**
   * e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302), 0 when the
   * configuration's `radiativeAnnihilation` is off or the channel is closed.
   */
  radiative: number;
  /** Estimated absolute numerical error of `radiative`. */
  radiativeError: number;
}

export interface ReachPoint extends YieldResult {
  /** Expected upper limit on ε (90% CL: N_s/√N_b = √Δχ² for a collider, Poisson CLs for a fixed target). */
  epsilon90: number;
  /** The limit from annihilation alone. */
  epsilon90Annihilation: number;
  /** The limit from bremsstrahlung alone. */
  epsilon90Bremsstrahlung: number;
  /** The limit from e⁺e⁻ → γA′ alone (Infinity when it is off or closed). */
  epsilon90Radiative: number;
  /** The counting experiment's limit on the same yields (= epsilon90 when `analysis` is counting). */
  epsilon90Counting: number;
  /** Whether `epsilon90` is a meaningful limit (false for ε90 ≥ 1, no signal, or outside the model; see statistics/validity.ts). */
  valid: boolean;
  /** Why the limit is not meaningful (only when `valid` is false). */
  note?: string;
  /**
   * Γ(A′ → dark pair)/Γ_total at ε90 with Γ_total including A′ → e⁺e⁻, μ⁺μ⁻, hadrons (models/visibleDecays.ts),
   * whether or not `visibleDecays` applies it to the limit (NaN, null in JSON, where there is no limit). m_χ and y90
   * follow from the configuration (models/darkMatter.ts {@link yPlanePoint}).
   */
  invisibleBranchingRatio90?: number;
}

/** The binned likelihood of `analysis: spectral` (spectral/spectrum.ts). */
export interface SpectralSummary {
  /** What is binned: a collider's reconstructed missing energy E − E_dep, a fixed target's ECAL energy (GeV). */
  quantity: 'missingEnergy' | 'ecalEnergy';
  /** The analysis bins' edges, GeV, as configured or by default (outer bins open-ended). */
  edges: number[];
  /** The edges of the bins the likelihood uses, after merging bins of little background. */
  mergedEdges: number[];
  /** Expected background per merged bin. */
  background: number[];
}

export interface ReachResult {
  config: AnyExperimentConfig;
  /** Leptons entering the target (the Bhabha positrons, or the particles on target). */
  positrons: number;
  /** Expected background events N_b. */
  background: number;
  /** Signal events the limit requires: √(Δχ² N_b) for a collider, the Poisson CLs limit for a fixed target. */
  requiredSignal: number;
  points: ReachPoint[];
  /** The strongest reach in the requested mass range, located beyond the grid; `valid` and `note` as for a point. */
  best: { massGeV: number; epsilon90: number; valid: boolean; note?: string };
  /** Masses (GeV) where the annihilation yield has kinematic edges; grid points are placed on those in range. */
  edges: { massGeV: number; label: string }[];
  warnings: string[];
  /** Present when `analysis` is spectral. */
  spectral?: SpectralSummary;
  /** With `skipFailedMasses`: the masses (GeV) left out because their yields could not be computed, and why. */
  skipped?: { massGeV: number; reason: string }[];
}
