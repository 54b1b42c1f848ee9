/**
 * Photon punch-through background (Sec. IV): a photon carrying more than
 * 1 − c of the positron energy leaves the ECL (Eq. 6, Tsai–Whitis spectrum at
 * the calorimeter depth) and is missed by the KLM veto.
 */
import { photonEscapeProbability } from '../shower/photonSpectrum.js';

export interface PhotonBackground {
  /** Eq. (6): photons with x_γ > 1 − c per positron leaving the ECL. */
  escapeProbability: number;
  escapeProbabilityError: number;
  vetoInefficiency: number;
  /** positrons × escape probability × veto inefficiency. */
  events: number;
}

export function photonBackground(
  positrons: number,
  calorimeterDepth: number,
  energyCut: number,
  vetoInefficiency: number,
): PhotonBackground {
  const p = photonEscapeProbability(calorimeterDepth, 1 - energyCut);
  return {
    escapeProbability: p.value,
    escapeProbabilityError: p.error,
    vetoInefficiency,
    events: positrons * p.value * vetoInefficiency,
  };
}
