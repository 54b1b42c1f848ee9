/**
 * The total background of the disappearing-positron-track selection (Sec. IV):
 * photon punch-through plus neutrons, for a configuration.
 */
import type { AnyExperimentConfig, ExperimentConfig, FixedTargetConfig } from '../config/schema.js';
import { poissonUpperLimit } from '../statistics/poisson.js';
import type { Material } from '../materials/materials.js';
import type { BackgroundSummary, FixedTargetBackground } from '../results.js';
import { neutronBackground } from './neutron.js';
import { photonBackground } from './photon.js';

/** Positron energy of the paper's GEANT4 sample, GeV (Sec. IV). */
export const NEUTRON_SAMPLE_ENERGY = 4.35;

export function backgroundSummary(
  config: ExperimentConfig,
  positrons: number,
  target: Material,
  lowestPositronEnergy: number,
): BackgroundSummary {
  const photon = photonBackground(positrons, config.calorimeterDepth, config.energyCut, config.photonVetoInefficiency);
  // Eq. (7): the rest of the ECL behind the simulated slab, in λ_I of the target, plus the KLM
  const eclLengths = ((config.calorimeterDepth - config.neutronSimulatedDepth) * target.X0) / target.lambdaI;
  const neutron = neutronBackground(
    positrons,
    config.neutronSimulatedPositrons,
    config.neutronSingleEvents,
    config.neutronMultiEvents,
    eclLengths + config.klmInteractionLengths,
    config.neutronPenetration,
  );
  const warnings: string[] = [];
  if (config.energyCut !== config.neutronCutFlowEnergyCut) {
    warnings.push(
      `the neutron background reuses the GEANT4 cut flow made for energyCut = ${config.neutronCutFlowEnergyCut}; ` +
        `with energyCut = ${config.energyCut} it is not recomputed (give neutronSingleEvents/neutronMultiEvents for the new cut)`,
    );
  }
  if (Math.abs(lowestPositronEnergy / NEUTRON_SAMPLE_ENERGY - 1) > 0.01) {
    warnings.push(
      `the neutron cut flow was simulated with ${NEUTRON_SAMPLE_ENERGY} GeV positrons; the lowest barrel positron ` +
        `energy here is ${lowestPositronEnergy.toFixed(3)} GeV, so it is reused as is`,
    );
  }
  if (target.name !== 'CsI') {
    warnings.push(`the neutron cut flow was simulated in CsI; it is reused as is for ${target.name}`);
  }
  return {
    photon: {
      escapeProbability: photon.escapeProbability,
      vetoInefficiency: photon.vetoInefficiency,
      events: photon.events,
    },
    neutron: {
      penetrationProbability: neutron.penetrationProbability,
      penetrationFromConfig: config.neutronPenetration !== null,
      singleNeutronEvents: neutron.singleNeutronEvents,
      multiNeutronEvents: neutron.multiNeutronEvents,
      events: neutron.events,
    },
    total: photon.events + neutron.events,
    warnings,
  };
}

/** A fixed-target experiment's background is an input; with it comes the Poisson limit. */
export function fixedTargetBackground(config: FixedTargetConfig): FixedTargetBackground {
  return {
    total: config.backgroundEvents,
    observedEvents: config.observedEvents,
    confidenceLevel: config.confidenceLevel,
    upperLimitEvents: poissonUpperLimit(config.observedEvents, config.backgroundEvents, config.confidenceLevel),
    warnings: [],
  };
}

/** The background of any configuration, with its caveats. */
export function backgroundFor(
  config: AnyExperimentConfig,
  positrons: number,
  target: Material,
  lowestEnergy: number,
): BackgroundSummary | FixedTargetBackground {
  return config.kind === 'fixedTarget'
    ? fixedTargetBackground(config)
    : backgroundSummary(config, positrons, target, lowestEnergy);
}
