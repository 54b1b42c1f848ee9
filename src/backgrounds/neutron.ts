/**
 * Neutron background (Sec. IV). The paper's GEANT4 cut flow (10⁹ positrons
 * of 4.35 GeV on 1 X0 of CsI, FTFP_BERT): events with a neutron above 3 GeV,
 * deposited energy below 5%, no energetic p/π±, classified by the number of
 * neutrons above 280 MeV — 13 with one, 51 with two or more. Each neutron must
 * cross the rest of the ECL and the KLM without interacting, Eq. (7):
 * P = exp(−L/λ₀). An event with k ≥ 2 neutrons needs all of them to escape; we
 * take P² for that class (the paper's "more than 2" read as "two or more", and
 * exactly two escaping, the conservative choice — it reproduces the paper's 81).
 */

export interface NeutronBackground {
  /** Eq. (7) for one neutron. */
  penetrationProbability: number;
  /** The hadronic interaction lengths it crosses: rest of the ECL + KLM. */
  interactionLengths: number;
  singleNeutronEvents: number;
  multiNeutronEvents: number;
  events: number;
}

/** Eq. (7): P = exp(−L/λ₀) for a path of `interactionLengths` λ₀. */
export function penetrationProbability(interactionLengths: number): number {
  return Math.exp(-interactionLengths);
}

/**
 * Rescales the cut flow to `positrons`: N = (positrons/N_sim)(n₁ P + n₂ P²).
 */
export function neutronBackground(
  positrons: number,
  simulatedPositrons: number,
  singleEvents: number,
  multiEvents: number,
  interactionLengths: number,
  penetrationOverride: number | null,
): NeutronBackground {
  const P = penetrationOverride ?? penetrationProbability(interactionLengths);
  const scale = positrons / simulatedPositrons;
  const single = scale * singleEvents * P;
  const multi = scale * multiEvents * P * P;
  return {
    penetrationProbability: P,
    interactionLengths,
    singleNeutronEvents: single,
    multiNeutronEvents: multi,
    events: single + multi,
  };
}
