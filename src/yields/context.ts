/**
 * What the yield integrals need and what does not depend on the A' mass:
 * the positron source, the target, the track-length tables. Built once per
 * configuration and shared by every mass of a scan.
 */
import type { ExperimentConfig } from '../config/schema.js';
import { invAb } from '../constants.js';
import { bhabhaDSigmaDCos, bhabhaSource, type BhabhaSource } from '../flux/bhabha.js';
import { integrate, type QuadratureOptions, type QuadratureResult } from '../numeric/gaussKronrod.js';
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
  /**
   * ∫ dE dN/dE g(E) over the spectrum, in the variable in which dN/dE is
   * smoothest (the source knows it); g must be smooth on the range.
   */
  fold(g: (E: number) => number, options: QuadratureOptions): QuadratureResult;
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

/**
 * Eq. (4) times the luminosity: the Bhabha positrons in the barrel as dN/dE.
 * `fold` integrates in x = ln(1 + cos θ*), where dN = L (πα²/2s)(3 + cos²θ*)² e^{−x} dx
 * (Eq. 3) has no trace left of the forward peak.
 */
export function bhabhaSpectrum(source: BhabhaSource, lumiAb: number): PositronSpectrum {
  const L = lumiAb * invAb;
  const gInv = Math.sqrt(1 - source.beta * source.beta);
  const energyAt = (c: number) => (source.eStar * (1 + source.beta * c)) / gInv; // E = γE*(1 + β cos θ*)
  const xA = Math.log1p(source.cosStarAtEnergyMin);
  const xB = Math.log1p(source.cosStarAtEnergyMax);
  return {
    energyMin: source.energyMin,
    energyMax: source.energyMax,
    dNdE: (E) => L * source.dSigmaDE(E),
    total: L * source.crossSection,
    fold(g, options) {
      const r = integrate(
        (x) => {
          const c = Math.expm1(x);
          return bhabhaDSigmaDCos(source.s, c) * (1 + c) * g(energyAt(c));
        },
        Math.min(xA, xB),
        Math.max(xA, xB),
        options,
      );
      return { ...r, value: L * r.value, error: L * r.error };
    },
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
