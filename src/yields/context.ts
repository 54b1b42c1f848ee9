/**
 * What the yield integrals need and what does not depend on the A' mass:
 * the leptons entering the target, the target, the track-length tables.
 * Built once per configuration and shared by every mass of a scan.
 */
import { parseAnyConfig, type AnyExperimentConfig } from '../config/schema.js';
import { invAb } from '../constants.js';
import { bhabhaDSigmaDCos, bhabhaSource, type BhabhaSource } from '../flux/bhabha.js';
import { material, type Material } from '../materials/materials.js';
import { integrate, type QuadratureOptions, type QuadratureResult } from '../numeric/gaussKronrod.js';
import {
  ALL_LEPTONS,
  POSITRONS_OF_ELECTRON_SHOWER,
  POSITRONS_OF_POSITRON_SHOWER,
  trackLengthTable,
  type TrackLengthTable,
} from '../shower/trackLength.js';
import { annihilationKernelTable, type AnnihilationKernelTable } from './annihilationKernel.js';

/**
 * Leptons entering the target: a continuous spectrum dN/dE (Bhabha positrons
 * of an asymmetric collider) and/or lines of fixed energy (a beam, or the
 * positrons of a symmetric collider).
 */
export interface LeptonSource {
  /** The particle that enters the target. */
  particle: 'e+' | 'e-';
  /** Lowest and highest energy present, GeV. */
  energyMin: number;
  energyMax: number;
  /** dN/dE of the continuous part, per GeV (zero outside it, and zero for a source of lines only). */
  dNdE(E: number): number;
  /** Whether there is a continuous part on [energyMin, energyMax]. */
  continuous: boolean;
  /** Mono-energetic components. */
  lines: ReadonlyArray<{ energy: number; count: number }>;
  /** Total number of leptons. */
  total: number;
  /**
   * ∫ dE dN/dE g(E) + Σ count·g(E_line), the continuum in the variable in which
   * dN/dE is smoothest (the source knows it); g must be smooth on the range
   * apart from kinks at `energyPoints` (GeV), which become breakpoints.
   */
  fold(g: (E: number) => number, options: QuadratureOptions, energyPoints?: readonly number[]): QuadratureResult;
}

export interface YieldContext {
  config: AnyExperimentConfig;
  spectrum: LeptonSource;
  target: Material;
  /** Track-length table of the positrons that can annihilate, for the calorimeter depth L_T (Eq. 11). */
  annihilationTrack: TrackLengthTable;
  /** Track-length table of the leptons that radiate A′, for the bremsstrahlung depth of Eq. 12. */
  bremsstrahlungTrack: TrackLengthTable;
  /** F(E_A') of Eq. (11) for the continuous part, tabulated on first use. */
  annihilationKernel(): AnnihilationKernelTable;
}

/** A mono-energetic source: `count` particles of energy `energy` (GeV). */
export function lineSource(particle: 'e+' | 'e-', energy: number, count: number): LeptonSource {
  return {
    particle,
    energyMin: energy,
    energyMax: energy,
    dNdE: () => 0,
    continuous: false,
    lines: [{ energy, count }],
    total: count,
    fold(g) {
      const value = count * g(energy);
      return { value, error: 0, evaluations: 1, intervals: 0, converged: true };
    },
  };
}

/**
 * Eq. (4) times the luminosity: the Bhabha positrons in the barrel as dN/dE.
 * `fold` integrates in x = ln(1 + cos θ*), where dN = L (πα²/2s)(3 + cos²θ*)² e^{−x} dx
 * (Eq. 3) has no trace left of the forward peak. A symmetric collider gives a line at E*.
 */
export function bhabhaSpectrum(source: BhabhaSource, lumiAb: number): LeptonSource {
  const L = lumiAb * invAb;
  if (source.monoenergetic) return lineSource('e+', source.eStar, L * source.crossSection);
  const gInv = Math.sqrt(1 - source.beta * source.beta);
  const energyAt = (c: number) => (source.eStar * (1 + source.beta * c)) / gInv; // E = γE*(1 + β cos θ*)
  const xA = Math.log1p(source.cosStarAtEnergyMin);
  const xB = Math.log1p(source.cosStarAtEnergyMax);
  return {
    particle: 'e+',
    energyMin: source.energyMin,
    energyMax: source.energyMax,
    dNdE: (E) => L * source.dSigmaDE(E),
    continuous: true,
    lines: [],
    total: L * source.crossSection,
    fold(g, options, energyPoints = []) {
      const cosStar = (E: number) => ((gInv * E) / source.eStar - 1) / source.beta;
      const points = energyPoints
        .filter((E) => E > source.energyMin && E < source.energyMax)
        .map((E) => Math.log1p(cosStar(E)));
      const r = integrate(
        (x) => {
          const c = Math.expm1(x);
          return bhabhaDSigmaDCos(source.s, c) * (1 + c) * g(energyAt(c));
        },
        Math.min(xA, xB),
        Math.max(xA, xB),
        { ...options, points: [...(options.points ?? []), ...points] },
      );
      return { ...r, value: L * r.value, error: L * r.error };
    },
  };
}

/** The leptons a configuration sends into its target. */
export function leptonSource(config: AnyExperimentConfig): LeptonSource {
  if (config.kind === 'fixedTarget') return lineSource(config.beamParticle, config.beamEnergy, config.particlesOnTarget);
  const source = bhabhaSource(config.electronBeamEnergy, config.positronBeamEnergy, config.thetaMin, config.thetaMax);
  return bhabhaSpectrum(source, config.lumi);
}

/** The context of a configuration, validated here by the schema (this is a library entry point). */
export function yieldContext(input: Readonly<AnyExperimentConfig>): YieldContext {
  const config = parseAnyConfig(input);
  const spectrum = leptonSource(config);
  const positrons = spectrum.particle === 'e+' ? POSITRONS_OF_POSITRON_SHOWER : POSITRONS_OF_ELECTRON_SHOWER;
  let kernel: AnnihilationKernelTable | undefined;
  const ctx: YieldContext = {
    config,
    spectrum,
    target: material(config.material),
    annihilationTrack: trackLengthTable(config.calorimeterDepth, positrons),
    bremsstrahlungTrack: trackLengthTable(
      config.bremsstrahlungDepth,
      config.bremsstrahlungTracks === 'allLeptons' ? ALL_LEPTONS : positrons,
    ),
    annihilationKernel: () => (kernel ??= annihilationKernelTable(ctx)),
  };
  return ctx;
}
