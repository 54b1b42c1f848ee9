/**
 * The reach points of some masses of a configuration, exactly as
 * {@link computeReach} computes them (same context, background, required
 * signal and {@link reachPoint}), so a long reach can be split over workers
 * and put together with `computeReach(…, { points })` byte for byte.
 * Keep in step with computeReach (src/reach.ts).
 */
import type { AnyExperimentConfig } from '../config/schema.js';
import { backgroundFor } from '../backgrounds/index.js';
import { reachPoint } from '../reach.js';
import type { ReachPoint } from '../results.js';
import { requiredSignalFor } from '../statistics/expectedLimit.js';
import { yieldContext } from '../yields/context.js';
import { spectralSetup } from '../spectral/spectrum.js';

export function reachPoints(config: AnyExperimentConfig, masses: readonly number[]): ReachPoint[] {
  const ctx = yieldContext(config);
  const bg = backgroundFor(ctx.config, ctx.spectrum.total, ctx.target, ctx.spectrum.energyMin);
  const required = requiredSignalFor(ctx.config, bg.total);
  const spectral = ctx.config.analysis === 'spectral' ? spectralSetup(ctx, bg) : undefined;
  return masses.map((m) => reachPoint(ctx, required, m, {}, spectral));
}
