/**
 * Tsai–Whitis photon spectrum in a thick target, Eq. (5) (Tsai & Whitis,
 * Phys. Rev. 149 (1966) 1248):
 *
 *   dN_γ/dx_γ (t, x) = (1/x) [(1 − x)^{(4/3)t} − e^{−(7/9)t}] / [7/9 + (4/3) ln(1 − x)],
 *
 * photons per unit x = E_γ/E at depth t (in X0) behind a positron of energy E.
 * Numerator and denominator vanish together at ln(1 − x) = −7/12; written as
 * the divided difference (e^{tA} − e^{tC})/(A − C) with A = (4/3) ln(1 − x),
 * C = −7/9 it is evaluated without cancellation.
 */
import { integrate, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { B1, B2, expDividedDifference1 } from './dividedDifference.js';

/** Eq. (5), photons per unit x_γ at depth t (X0); 0 < x < 1, t ≥ 0. */
export function photonSpectrum(t: number, x: number): number {
  if (x <= 0 || x >= 1) return 0;
  return expDividedDifference1(B1 * Math.log1p(-x), -B2, t) / x;
}

/**
 * Eq. (6): the number of photons with x_γ > xMin leaving a target of depth t
 * (X0), ∫_{xMin}^1 dN_γ/dx dx; the paper quotes ≈ 4.7e−8 for xMin = 0.95, t = 16.
 */
export function photonEscapeProbability(t: number, xMin: number, relTol = 1e-10): QuadratureResult {
  return integrate((x) => photonSpectrum(t, x), xMin, 1, { relTol });
}
