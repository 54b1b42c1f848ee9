/**
 * Plain data objects returned by the library (and serialised by the shells).
 * Energies and masses in GeV; event counts are expected numbers of events.
 */
import type { ExperimentConfig } from './config/schema.js';

/** The Bhabha positrons entering the calorimeter barrel (Eqs. 3–4). */
export interface FluxSummary {
  /** Expected number of positrons in the barrel acceptance. */
  positrons: number;
  /** Lab energy of the positron at thetaMax (lowest), GeV. */
  energyMinGeV: number;
  /** Lab energy of the positron at thetaMin (highest), GeV. */
  energyMaxGeV: number;
  /** Centre-of-mass energy √s, GeV. */
  sqrtS: number;
  /** Boost velocity β of the centre-of-mass frame. */
  beta: number;
  /** Bhabha cross-section into the acceptance, pb. */
  crossSectionPb: number;
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

/** Signal yields at kinetic mixing ε = 1 (events scale as ε²). */
export interface YieldResult {
  massGeV: number;
  /** Resonant annihilation e⁺e⁻ → A' → χχ̄ on atomic electrons (Eq. 11). */
  annihilation: number;
  /** Estimated absolute numerical error of `annihilation`. */
  annihilationError: number;
  /** A'-strahlung on nuclei (Eq. 12). */
  bremsstrahlung: number;
  /** Estimated absolute numerical error of `bremsstrahlung`. */
  bremsstrahlungError: number;
}

export interface ReachPoint extends YieldResult {
  /** Expected 90% CL upper limit on ε (N_s/√N_b = √Δχ²). */
  epsilon90: number;
  /** The limit from annihilation alone. */
  epsilon90Annihilation: number;
  /** The limit from bremsstrahlung alone. */
  epsilon90Bremsstrahlung: number;
}

export interface ReachResult {
  config: ExperimentConfig;
  positrons: number;
  /** Expected background events N_b. */
  background: number;
  points: ReachPoint[];
  /** The strongest reach in the requested mass range, located beyond the grid. */
  best: { massGeV: number; epsilon90: number };
  /** Masses (GeV) where the annihilation yield has kinematic edges; grid points are placed on those in range. */
  edges: { massGeV: number; label: string }[];
  warnings: string[];
}
