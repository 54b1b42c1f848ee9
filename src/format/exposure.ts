/**
 * One-line description of an experiment's exposure, for table footers, figure
 * legends and metadata: "50 ab⁻¹" for a collider, "2.84e11 e⁻ of 100 GeV on
 * target" for a fixed-target beam.
 */
import type { AnyExperimentConfig } from '../config/schema.js';

export function exposureText(c: AnyExperimentConfig): string {
  if (c.kind === 'fixedTarget') {
    const particle = c.beamParticle === 'e-' ? 'e⁻' : 'e⁺';
    return `${c.particlesOnTarget.toPrecision(3).replace(/\.?0+e/, 'e').replace('e+', 'e')} ${particle} of ${c.beamEnergy} GeV on target`;
  }
  return `${c.lumi} ab⁻¹`;
}

/** The target electrons' model in a few words (config field electronMotion, target/comptonProfile.ts). */
export function electronMotionShort(c: Pick<AnyExperimentConfig, 'electronMotion'>): string {
  if (c.electronMotion === 'atRest') return 'at rest';
  return c.electronMotion === 'comptonProfileLinear' ? 'moving (Compton profile, first order)' : 'moving (Compton profile, on shell)';
}

/** The same for a footer: "target electrons at rest", "target electrons moving (…)". */
export function electronMotionText(c: Pick<AnyExperimentConfig, 'electronMotion'>): string {
  return `target electrons ${electronMotionShort(c)}`;
}

/** The statistics in words: the collider's Δχ² criterion or expected CLs, or the fixed target's Poisson CLs. */
export function statisticsText(c: AnyExperimentConfig): string {
  if (c.kind === 'fixedTarget') {
    return `Poisson CLs ${Math.round(c.confidenceLevel * 100)}% CL, ${c.observedEvents} observed, ${c.backgroundEvents} expected background`;
  }
  if (c.statistics === 'cls') return `median expected Poisson CLs ${Math.round(c.confidenceLevel * 100)}% CL`;
  return `Δχ² = ${c.deltaChi2}`;
}
