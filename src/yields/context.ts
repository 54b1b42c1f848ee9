/**
 * What the yield integrals need and what does not depend on the A' mass:
 * the positron source, the target, the track-length tables. Built once per
 * configuration and shared by every mass of a scan.
 */
import type { ExperimentConfig } from '../config/schema.js';
import { invAb } from '../constants.js';
import { bhabhaSource, type BhabhaSource } from '../flux/bhabha.js';
import { material, type Material } from '../materials/materials.js';
import { trackLengthTable, type TrackLengthTable } from '../shower/trackLength.js';
import { annihilationKernelTable, type AnnihilationKernelTable } from './annihilationKernel.js';

/** Positrons entering the target with a continuous spectrum. */
export interface PositronSpectrum {
  /** Lowest and highest energy, GeV. */
  energyMin: number;
  energyMax: number;
  /** dN/dE, positrons per GeV (zero outside the range). */
  dNdE(E: number): number;
  /** Total number of positrons. */
  total: number;
}

export interface YieldContext {
  config: ExperimentConfig;
  source: BhabhaSource;
  spectrum: PositronSpectrum;
  target: Material;
  /** Track-length table for the calorimeter depth L_T (Eq. 11). */
  annihilationTrack: TrackLengthTable;
  /** Track-length table for the bremsstrahlung depth of Eq. 12. */
  bremsstrahlungTrack: TrackLengthTable;
  /** F(E_A') of Eq. (11), tabulated on first use. */
  annihilationKernel(): AnnihilationKernelTable;
}

/** Eq. (4) times the luminosity: the Bhabha positrons in the barrel as dN/dE. */
export function bhabhaSpectrum(source: BhabhaSource, lumiAb: number): PositronSpectrum {
  const L = lumiAb * invAb;
  return {
    energyMin: source.energyMin,
    energyMax: source.energyMax,
    dNdE: (E) => L * source.dSigmaDE(E),
    total: L * source.crossSection,
  };
}

export function yieldContext(config: ExperimentConfig): YieldContext {
  const source = bhabhaSource(config.electronBeamEnergy, config.positronBeamEnergy, config.thetaMin, config.thetaMax);
  let kernel: AnnihilationKernelTable | undefined;
  const ctx: YieldContext = {
    config,
    source,
    spectrum: bhabhaSpectrum(source, config.lumi),
    target: material(config.material),
    annihilationTrack: trackLengthTable(config.calorimeterDepth),
    bremsstrahlungTrack: trackLengthTable(config.bremsstrahlungDepth),
    annihilationKernel: () => (kernel ??= annihilationKernelTable(ctx)),
  };
  return ctx;
}
