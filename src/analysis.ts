/**
 * The library's front door for single quantities: the positron flux, the
 * background and the yields at one mass. Each entry point validates its
 * configuration with the schema ({@link parseAnyConfig}): an object that is not
 * a valid configuration (a missing field, `lumi: "50"`, `kind: 'spaceship'`)
 * throws a ConfigError naming the field, whatever the caller's types said.
 */
import { parseAnyConfig, type AnyExperimentConfig, type ExperimentConfig, type FixedTargetConfig } from './config/schema.js';
import { pb } from './constants.js';
import { backgroundFor } from './backgrounds/index.js';
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, YieldResult } from './results.js';
import { annihilationYield, type YieldOptions } from './yields/annihilation.js';
import { bremsstrahlungYield } from './yields/bremsstrahlung.js';
import { NO_YIELD, radiativeYield } from './yields/radiative.js';
import { leptonSource, yieldContext } from './yields/context.js';
import { bhabhaSource } from './flux/bhabha.js';
import { checkMass, honestYield } from './yields/massRange.js';
import { material } from './materials/materials.js';

/** Eqs. (3)–(4): the Bhabha positrons in the barrel; or the beam of a fixed-target experiment. */
export function computeFlux(input: Readonly<AnyExperimentConfig>): FluxSummary {
  const config = parseAnyConfig(input);
  const source = leptonSource(config);
  const flux: FluxSummary = {
    positrons: source.total,
    particle: source.particle,
    energyMinGeV: source.energyMin,
    energyMaxGeV: source.energyMax,
  };
  if (config.kind === 'fixedTarget') return flux;
  const s = bhabhaSource(config.electronBeamEnergy, config.positronBeamEnergy, config.thetaMin, config.thetaMax);
  return { ...flux, sqrtS: Math.sqrt(s.s), beta: s.beta, crossSectionPb: s.crossSection / pb };
}

/** Sec. IV: photon and neutron backgrounds and their sum; a fixed target's given background and Poisson limit. */
export function computeBackground(config: Readonly<ExperimentConfig>): BackgroundSummary;
export function computeBackground(config: Readonly<FixedTargetConfig>): FixedTargetBackground;
export function computeBackground(config: Readonly<AnyExperimentConfig>): BackgroundSummary | FixedTargetBackground;
export function computeBackground(input: Readonly<AnyExperimentConfig>): BackgroundSummary | FixedTargetBackground {
  const config = parseAnyConfig(input);
  const flux = computeFlux(config);
  return backgroundFor(config, flux.positrons, material(config.material), flux.energyMinGeV);
}

/** Eqs. (11)–(12) and e⁺e⁻ → γA′ at one A' mass (GeV), events at ε = 1 with error estimates. */
export function computeYield(config: Readonly<AnyExperimentConfig>, massGeV: number, options: YieldOptions = {}): YieldResult {
  checkMass(massGeV);
  const ctx = yieldContext(config);
  const ann = honestYield('annihilation', massGeV, () => annihilationYield(ctx, massGeV, options));
  const bre = honestYield('bremsstrahlung', massGeV, () => bremsstrahlungYield(ctx, massGeV, options));
  const rad = ctx.config.radiativeAnnihilation ? honestYield('radiative', massGeV, () => radiativeYield(ctx, massGeV, options)) : NO_YIELD;
  return {
    massGeV,
    annihilation: ann.value,
    annihilationError: ann.error,
    bremsstrahlung: bre.value,
    bremsstrahlungError: bre.error,
    radiative: rad.value,
    radiativeError: rad.error,
  };
}
