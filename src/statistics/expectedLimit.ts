/**
 * The limit on the kinetic mixing from the signal yield at ε = 1. Yields
 * scale as ε² (Eq. 11, whose width is the invisible one and does not depend on
 * ε, and Eq. 12), so ε_lim = √(N_req/N₁), with N_req the signal count the
 * statistics requires:
 *  - collider (the paper, Sec. V and ref. [45]): N_s/√N_b = √Δχ², N_req = √(Δχ² N_b)
 *    (Δχ² = 2.71 for 90% CL);
 *  - fixed target: the Poisson CLs upper limit for the observed count and the
 *    expected background (N_up = 2.3 at 90% CL for zero events).
 */
import type { AnyExperimentConfig } from '../config/schema.js';
import { poissonUpperLimit } from './poisson.js';

/** Signal events needed for the collider limit, √(Δχ² N_b). */
export function requiredSignal(background: number, deltaChi2: number): number {
  return Math.sqrt(deltaChi2 * background);
}

/** The signal count the configuration's statistics needs, given the expected background. */
export function requiredSignalFor(config: AnyExperimentConfig, background: number): number {
  if (config.kind === 'fixedTarget') return poissonUpperLimit(config.observedEvents, background, config.confidenceLevel);
  return requiredSignal(background, config.deltaChi2);
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
