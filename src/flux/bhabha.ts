/**
 * Bhabha positrons from an asymmetric e⁺e⁻ collider entering the calorimeter
 * barrel: the lab-frame energy spectrum dσ_B/dE of Eqs. (3)–(4).
 *
 * Frame: z along the electron beam; θ is the lab polar angle of the outgoing
 * positron and θ* its centre-of-mass angle, both measured from z. The
 * positron is forward-peaked along its own beam (θ* → π), hence the
 * (1 + cos θ*)⁻² of Eq. (3). Beam masses are neglected (E ≫ m_e).
 */
import { alpha, degree } from '../constants.js';

export interface BhabhaSource {
  /** Centre-of-mass energy squared s, GeV². */
  s: number;
  /** E* = √s/2, GeV. */
  eStar: number;
  /** Boost velocity of the CM frame along the electron beam (3/11 at SuperKEKB). */
  beta: number;
  /** Lowest and highest lab positron energy in the acceptance, GeV. */
  energyMin: number;
  energyMax: number;
  /** cos θ* at energyMin and energyMax. */
  cosStarAtEnergyMin: number;
  cosStarAtEnergyMax: number;
  /** dσ_B/dE (Eq. 4), GeV⁻³ (GeV⁻² per GeV); zero outside [energyMin, energyMax]. */
  dSigmaDE(E: number): number;
  /** σ_B in the acceptance, GeV⁻² (closed-form integral of Eq. 3 over cos θ*). */
  crossSection: number;
  /** True for a symmetric collider (β = 0): every positron has E = E*, a line, and dSigmaDE is not used. */
  monoenergetic: boolean;
}

/** Eq. (3): dσ_B/dcos θ* = (πα²/2s) (3 + cos²θ*)² / (1 + cos θ*)², GeV⁻². */
export function bhabhaDSigmaDCos(s: number, c: number): number {
  const q = 3 + c * c;
  return ((Math.PI * alpha * alpha) / (2 * s)) * (q * q) / ((1 + c) * (1 + c));
}

/**
 * Antiderivative of (3 + c²)²/(1 + c)² in c. With y = 1 + c,
 * (3 + c²)² = (y² − 2y + 4)², expanded and divided by y²:
 * y² − 4y + 12 − 16/y + 16/y².
 */
export function bhabhaPrimitive(c: number): number {
  const y = 1 + c;
  return (y * y * y) / 3 - 2 * y * y + 12 * y - 16 * Math.log(y) - 16 / y;
}

/**
 * Builds the positron source of Eqs. (3)–(4) from the beam energies (GeV)
 * and the barrel acceptance (lab polar angles in degrees). E* and β are
 * derived from the beams: s = 4 E₋ E₊, β = (E₋ − E₊)/(E₋ + E₊).
 */
export function bhabhaSource(electronBeam: number, positronBeam: number, thetaMinDeg: number, thetaMaxDeg: number): BhabhaSource {
  const s = 4 * electronBeam * positronBeam;
  const eStar = Math.sqrt(s) / 2;
  const beta = (electronBeam - positronBeam) / (electronBeam + positronBeam);
  const gInv = Math.sqrt(1 - beta * beta); // 1/γ
  // Sec. III: E = E* √(1−β²) / (1 − β cos θ); the largest θ gives the lowest energy.
  const energyAt = (thetaDeg: number) => (eStar * gInv) / (1 - beta * Math.cos(thetaDeg * degree));
  const prefactor = (Math.PI * alpha * alpha) / (2 * s);
  if (beta === 0) {
    // symmetric beams: the lab is the CM frame, θ* = θ and E = E* for every positron
    const cLo = Math.cos(thetaMaxDeg * degree);
    const cHi = Math.cos(thetaMinDeg * degree);
    return {
      s,
      eStar,
      beta,
      energyMin: eStar,
      energyMax: eStar,
      cosStarAtEnergyMin: cLo,
      cosStarAtEnergyMax: cHi,
      dSigmaDE: () => 0,
      crossSection: prefactor * (bhabhaPrimitive(cHi) - bhabhaPrimitive(cLo)),
      monoenergetic: true,
    };
  }
  const e1 = energyAt(thetaMinDeg);
  const e2 = energyAt(thetaMaxDeg);
  const energyMin = Math.min(e1, e2);
  const energyMax = Math.max(e1, e2);
  // Sec. III: cos θ* = (√(1−β²) E/E* − 1)/β.
  const cosStar = (E: number) => ((gInv * E) / eStar - 1) / beta;
  const cosStarAtEnergyMin = cosStar(energyMin);
  const cosStarAtEnergyMax = cosStar(energyMax);
  const jacobian = gInv / (Math.abs(beta) * eStar); // Eq. (4): |dcos θ*/dE|
  const cLo = Math.min(cosStarAtEnergyMin, cosStarAtEnergyMax);
  const cHi = Math.max(cosStarAtEnergyMin, cosStarAtEnergyMax);
  return {
    s,
    eStar,
    beta,
    energyMin,
    energyMax,
    cosStarAtEnergyMin,
    cosStarAtEnergyMax,
    dSigmaDE(E: number): number {
      if (E < energyMin || E > energyMax) return 0;
      return bhabhaDSigmaDCos(s, cosStar(E)) * jacobian;
    },
    crossSection: prefactor * (bhabhaPrimitive(cHi) - bhabhaPrimitive(cLo)),
    monoenergetic: false,
  };
}
