/**
 * The intermediate steps behind a reach curve, as plain data for figures:
 * the positron spectrum in the barrel and the differential track length.
 */
import { parseAnyConfig, type AnyExperimentConfig } from './config/schema.js';
import { leptonSource, yieldContext } from './yields/context.js';

/** dN/dE of the barrel positrons (Eq. 4 × luminosity), per GeV, at n energies spanning the acceptance. */
export function positronSpectrum(config: Readonly<AnyExperimentConfig>, n = 100): { energyGeV: number; dNdE: number }[] {
  checkCount(n);
  const s = leptonSource(parseAnyConfig(config));
  return Array.from({ length: n }, (_, i) => {
    const E = s.energyMin + ((s.energyMax - s.energyMin) * i) / (n - 1);
    return { energyGeV: E, dNdE: s.dNdE(E) };
  });
}

/**
 * The dimensionless differential track length τ(v) = E T_e(E', E, L)/X0 of
 * App. A at n values of v = E'/E, as the yields use it: the annihilating
 * positrons over the calorimeter depth (Eq. 11) and the radiating leptons over
 * the bremsstrahlung depth (Eq. 12), for the experiment's beam particle. v runs
 * from 1e−3 to 1 − 1e−6, spaced evenly in ln(v/(1 − v)) so both ends are visible.
 */
export function trackLengthDistribution(
  config: Readonly<AnyExperimentConfig>,
  n = 100,
): { v: number; calorimeter: number; bremsstrahlungDepth: number }[] {
  checkCount(n);
  const ctx = yieldContext(config);
  const cal = ctx.annihilationTrack;
  const bre = ctx.bremsstrahlungTrack;
  const lo = Math.log(1e-3 / (1 - 1e-3));
  const hi = Math.log((1 - 1e-6) / 1e-6);
  return Array.from({ length: n }, (_, i) => {
    const z = lo + ((hi - lo) * i) / (n - 1);
    const u = 1 / (1 + Math.exp(z)); // 1 − v, exact near v = 1
    return { v: 1 - u, calorimeter: cal.tau(u), bremsstrahlungDepth: bre.tau(u) };
  });
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 2 || n > 1e6) throw new RangeError(`the number of points must be a whole number from 2 to 1e6, got ${n}`);
}
