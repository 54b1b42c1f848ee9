/**
 * The limit on the kinetic mixing from the signal yield at ε = 1. Yields
 * scale as ε² (Eq. 11, whose width is the invisible one and does not depend on
 * ε, and Eq. 12), so ε_lim = √(N_req/N₁), with N_req the signal count the
 * statistics requires:
 *  - collider, `statistics: deltaChi2` (the paper, Sec. V and ref. [45]): N_s/√N_b = √Δχ²,
 *    N_req = √(Δχ² N_b) (Δχ² = 2.71 for 90% CL) — a Gaussian criterion, valid for N_b ≳ 10;
 *  - collider, `statistics: cls`: the median expected Poisson CLs limit for the expected
 *    background (expectedCls.ts), right for any N_b (2.30 events at N_b = 0);
 *  - fixed target: the Poisson CLs upper limit for the observed count and the
 *    expected background (N_up = 2.3 at 90% CL for zero events).
 */
import type { AnyExperimentConfig } from '../config/schema.js';
import { poissonUpperLimit } from './poisson.js';
import { medianExpectedClsLimit } from './expectedCls.js';

/** Signal events needed for the collider limit, √(Δχ² N_b). */
export function requiredSignal(background: number, deltaChi2: number): number {
  return Math.sqrt(deltaChi2 * background);
}

/** The signal count the configuration's statistics needs, given the expected background. */
export function requiredSignalFor(config: AnyExperimentConfig, background: number): number {
  if (config.kind === 'fixedTarget') return poissonUpperLimit(config.observedEvents, background, config.confidenceLevel);
  if (config.statistics === 'cls') return medianExpectedClsLimit(background, config.confidenceLevel);
  return requiredSignal(background, config.deltaChi2);
}

/** Below this expected background the Gaussian N_s/√N_b criterion is not valid. */
export const GAUSSIAN_MIN_BACKGROUND = 10;

/** Why the configuration's statistic is not valid for this background, or undefined when it is. */
export function statisticsWarning(config: AnyExperimentConfig, background: number): string | undefined {
  if (config.kind !== 'collider' || config.statistics !== 'deltaChi2' || background >= GAUSSIAN_MIN_BACKGROUND) return undefined;
  return (
    `statistics deltaChi2 (N_s/√N_b = √${config.deltaChi2}) is not valid at N_b = ${background.toPrecision(3)} < ${GAUSSIAN_MIN_BACKGROUND}: ` +
    `it asks for ${requiredSignal(background, config.deltaChi2).toPrecision(3)} signal events where a Poisson limit needs at least 2.30; use statistics cls`
  );
}

/** ε at which ε² N₁ reaches `required` signal events; Infinity when N₁ = 0. */
export function epsilonForSignal(signalAtUnitEpsilon: number, required: number): number {
  if (!(signalAtUnitEpsilon > 0)) return Infinity;
  return Math.sqrt(required / signalAtUnitEpsilon);
}

/** The collider limit ε with N_s/√N_b = √Δχ²; Infinity when N₁ = 0. */
export function epsilonLimit(signalAtUnitEpsilon: number, background: number, deltaChi2: number): number {
  return epsilonForSignal(signalAtUnitEpsilon, requiredSignal(background, deltaChi2));
}
