/**
 * The library's front door for single quantities: the positron flux, the
 * background and the yields at one mass, each from a validated configuration.
 */
import type { ExperimentConfig } from './config/schema.js';
import { pb } from './constants.js';
import { backgroundSummary } from './backgrounds/index.js';
import type { BackgroundSummary, FluxSummary, YieldResult } from './results.js';
import { annihilationYield, type YieldOptions } from './yields/annihilation.js';
import { bremsstrahlungYield } from './yields/bremsstrahlung.js';
import { yieldContext } from './yields/context.js';
import { bhabhaSource } from './flux/bhabha.js';
import { invAb } from './constants.js';
import { material } from './materials/materials.js';

/** Eqs. (3)–(4): the Bhabha positrons in the barrel. */
export function computeFlux(config: ExperimentConfig): FluxSummary {
  const s = bhabhaSource(config.electronBeamEnergy, config.positronBeamEnergy, config.thetaMin, config.thetaMax);
  return {
    positrons: config.lumi * invAb * s.crossSection,
    energyMinGeV: s.energyMin,
    energyMaxGeV: s.energyMax,
    sqrtS: Math.sqrt(s.s),
    beta: s.beta,
    crossSectionPb: s.crossSection / pb,
  };
}

/** Sec. IV: photon and neutron backgrounds and their sum. */
export function computeBackground(config: ExperimentConfig): BackgroundSummary {
  const flux = computeFlux(config);
  return backgroundSummary(config, flux.positrons, material(config.material), flux.energyMinGeV);
}

/** Eqs. (11)–(12) at one A' mass (GeV), events at ε = 1 with error estimates. */
export function computeYield(config: ExperimentConfig, massGeV: number, options: YieldOptions = {}): YieldResult {
  if (!(massGeV > 0) || !Number.isFinite(massGeV)) throw new RangeError(`mass must be positive and finite, got ${massGeV}`);
  const ctx = yieldContext(config);
  const ann = annihilationYield(ctx, massGeV, options);
  const bre = bremsstrahlungYield(ctx, massGeV, options);
  return {
    massGeV,
    annihilation: ann.value,
    annihilationError: ann.error,
    bremsstrahlung: bre.value,
    bremsstrahlungError: bre.error,
  };
}
