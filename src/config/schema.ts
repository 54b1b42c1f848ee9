/**
 * The experiment configuration: every input of the analysis is one field.
 * Validated once, at the boundary (CLI, web page, library entry), by
 * {@link parseConfig}; the physics code trusts what it receives.
 *
 * Units are in the field names' doc comments and in {@link FIELDS}: energies in
 * GeV, angles in degrees, luminosity in ab⁻¹, depths in radiation lengths X0.
 */
import { z } from 'zod';
import { MATERIAL_NAMES } from '../materials/materials.js';

const positive = (what: string) => z.number({ invalid_type_error: `must be a number (${what})` }).finite().positive();
const fraction = () => z.number().finite().gt(0).lt(1);

/** Fields every kind of experiment has: the target, the selection, the signal model. */
const targetAndModel = {
  // ── calorimeter (target) ──
  /** Calorimeter (target) material, a key of the material table. */
  material: z.enum(MATERIAL_NAMES as [string, ...string[]]),
  /** Calorimeter depth L_T in radiation lengths (Eq. 11). */
  calorimeterDepth: positive('X0'),
  /** Target depth used for the bremsstrahlung track length in Eq. 12, in X0. */
  bremsstrahlungDepth: positive('X0'),
  /**
   * Largest fraction of the incoming lepton's energy that may be deposited
   * (Eqs. 6, 11, 12); for a fixed-target beam, 1 − the missing-energy threshold.
   * At most 0.99: the track-length table covers v = E'/E ≥ 1e−6 with margin.
   */
  energyCut: z.number().finite().gt(0).lte(0.99),
  /** Which shower particles radiate A′ in Eq. 12: the positrons (the paper's T_e) or all e±. */
  bremsstrahlungTracks: z.enum(['positrons', 'allLeptons']),
  /** A′-strahlung cross-section: the paper's Weizsäcker–Williams form (Eq. 13) or the improved WW form. */
  bremsstrahlungModel: z.enum(['ww', 'iww']),
  /**
   * The target's electrons in resonant annihilation (Eq. 9): at rest (the paper), or moving
   * with the material's Hartree–Fock Compton profile (impulse approximation, arXiv:2403.15387).
   */
  electronMotion: z.enum(['comptonProfile', 'atRest']),
  /** Signal efficiency of the selection, applied to both yields. */
  signalEfficiency: z.number().finite().gt(0).lte(1),
  // ── dark sector ──
  /** Dark coupling α_D = g_χ²/4π (Eqs. 9–10). */
  alphaD: z.number().finite().gt(0).lte(1),
  /** m_A'/m_χ; above 2 so that A' → χχ̄ is open (Eq. 10). */
  massRatio: z.number().finite().gt(2),
};

export const experimentConfigSchema = z
  .object({
    /** An e⁺e⁻ collider whose Bhabha positrons hit the calorimeter (the default kind). */
    kind: z.literal('collider').default('collider'),
    // ── collider and acceptance ──
    /** Electron beam energy, GeV. */
    electronBeamEnergy: positive('GeV'),
    /** Positron beam energy, GeV. */
    positronBeamEnergy: positive('GeV'),
    /** Smallest lab polar angle of the accepted positron, degrees from the electron-beam axis. */
    thetaMin: z.number().finite().gt(0).lt(180),
    /** Largest lab polar angle of the accepted positron, degrees. */
    thetaMax: z.number().finite().gt(0).lt(180),
    /** Integrated luminosity, ab⁻¹. */
    lumi: positive('ab^-1'),
    ...targetAndModel,
    // ── backgrounds ──
    /** Probability that the KLM misses a photon that left the ECL (Sec. IV). */
    photonVetoInefficiency: z.number().finite().gt(0).lte(1),
    /** KLM thickness in hadronic interaction lengths (Eq. 7). */
    klmInteractionLengths: z.number().finite().gte(0),
    /** Positrons in the GEANT4 neutron sample (Sec. IV). */
    neutronSimulatedPositrons: positive('positrons'),
    /** Depth of the simulated CsI slab, X0; neutrons still cross the rest of the ECL. */
    neutronSimulatedDepth: z.number().finite().gte(0),
    /** Events with exactly one neutron above 280 MeV after all cuts. */
    neutronSingleEvents: z.number().finite().gte(0),
    /** Events with two or more neutrons above 280 MeV after all cuts. */
    neutronMultiEvents: z.number().finite().gte(0),
    /** Energy cut the GEANT4 cut flow was made with; a different energyCut reuses it with a warning. */
    neutronCutFlowEnergyCut: fraction(),
    /** Neutron penetration probability P of Eq. 7; null computes it from the interaction lengths. */
    neutronPenetration: z.number().finite().gt(0).lte(1).nullable(),
    /**
     * Relative Gaussian spread σ_E/E of the beam energies; used where the positrons form a line
     * (a symmetric collider), 0 for an exact energy.
     */
    beamEnergySpread: z.number().finite().gte(0).lt(0.1),
    // ── statistics ──
    /**
     * The expected limit: `cls`, the median expected Poisson CLs limit for the expected background
     * (valid for any N_b), or `deltaChi2`, the paper's N_s/√N_b = √Δχ² (Gaussian, N_b ≳ 10).
     */
    statistics: z.enum(['cls', 'deltaChi2']),
    /** Δχ² of the expected limit with `statistics: deltaChi2`, N_s/√N_b = √Δχ² (2.71 for 90% CL). */
    deltaChi2: positive(''),
    /** Confidence level of the limit with `statistics: cls`. */
    confidenceLevel: z.number().finite().gt(0).lt(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!(c.thetaMin < c.thetaMax)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['thetaMax'],
        message: `must be larger than thetaMin (${c.thetaMin})`,
      });
    }
    if (!(c.neutronSimulatedDepth < c.calorimeterDepth)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['neutronSimulatedDepth'],
        message: `must be smaller than calorimeterDepth (${c.calorimeterDepth})`,
      });
    }
  });

/** A mono-energetic lepton beam on a thick active target (NA64-like), with a missing-energy selection. */
export const fixedTargetConfigSchema = z
  .object({
    kind: z.literal('fixedTarget'),
    // ── beam ──
    /** The beam particle. */
    beamParticle: z.enum(['e-', 'e+']),
    /** Beam energy, GeV. */
    beamEnergy: positive('GeV'),
    /** Particles on target. */
    particlesOnTarget: positive('particles'),
    /** Relative Gaussian spread σ_E/E of the beam energy (0: one exact energy). */
    beamEnergySpread: z.number().finite().gte(0).lt(0.1),
    ...targetAndModel,
    // ── backgrounds and statistics ──
    /** Expected background events after all cuts. */
    backgroundEvents: z.number().finite().gte(0),
    /** Observed events (0 for a projected or zero-event limit). */
    observedEvents: z.number().int().gte(0),
    /** Confidence level of the Poisson (CLs) upper limit. */
    confidenceLevel: z.number().finite().gt(0).lt(1),
  })
  .strict();

/** A collider experiment (the paper's Belle II analysis is one). */
export type ExperimentConfig = z.output<typeof experimentConfigSchema>;
export type ColliderConfig = ExperimentConfig;
export type FixedTargetConfig = z.output<typeof fixedTargetConfigSchema>;
/** Any kind of experiment vanish computes. */
export type AnyExperimentConfig = ExperimentConfig | FixedTargetConfig;
export type ConfigField = Exclude<keyof ExperimentConfig, 'kind'>;
export type FixedTargetField = Exclude<keyof FixedTargetConfig, 'kind'>;

/** Thrown for a configuration a user gave that is not allowed; the message is one line. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** What each field means, its unit, allowed range and group, for help texts and forms. */
export interface FieldInfo {
  group: 'collider' | 'beam' | 'calorimeter' | 'backgrounds' | 'darkSector' | 'statistics';
  label: string;
  unit: string;
  allowed: string;
}

export const FIELDS: Record<ConfigField, FieldInfo> = {
  electronBeamEnergy: { group: 'collider', label: 'Electron beam energy', unit: 'GeV', allowed: '> 0' },
  positronBeamEnergy: { group: 'collider', label: 'Positron beam energy', unit: 'GeV', allowed: '> 0' },
  thetaMin: { group: 'collider', label: 'Smallest polar angle', unit: 'deg', allowed: '0 < thetaMin < thetaMax' },
  thetaMax: { group: 'collider', label: 'Largest polar angle', unit: 'deg', allowed: 'thetaMin < thetaMax < 180' },
  lumi: { group: 'collider', label: 'Integrated luminosity', unit: 'ab⁻¹', allowed: '> 0' },
  material: { group: 'calorimeter', label: 'Calorimeter material', unit: '', allowed: MATERIAL_NAMES.join(', ') },
  calorimeterDepth: { group: 'calorimeter', label: 'Calorimeter depth', unit: 'X0', allowed: '> 0' },
  bremsstrahlungDepth: { group: 'calorimeter', label: 'Bremsstrahlung target depth (Eq. 12)', unit: 'X0', allowed: '> 0' },
  energyCut: { group: 'calorimeter', label: 'Largest deposited energy fraction', unit: '', allowed: '0 < energyCut ≤ 0.99' },
  bremsstrahlungTracks: { group: 'calorimeter', label: 'Particles radiating A′ (Eq. 12)', unit: '', allowed: 'positrons, allLeptons' },
  signalEfficiency: { group: 'calorimeter', label: 'Signal efficiency', unit: '', allowed: '0 < efficiency ≤ 1' },
  photonVetoInefficiency: { group: 'backgrounds', label: 'KLM photon veto inefficiency', unit: '', allowed: '0 < x ≤ 1' },
  klmInteractionLengths: { group: 'backgrounds', label: 'KLM depth', unit: 'λ₀', allowed: '≥ 0' },
  neutronSimulatedPositrons: { group: 'backgrounds', label: 'Simulated positrons (GEANT4)', unit: '', allowed: '> 0' },
  neutronSimulatedDepth: { group: 'backgrounds', label: 'Simulated CsI depth', unit: 'X0', allowed: '0 ≤ x < calorimeterDepth' },
  neutronSingleEvents: { group: 'backgrounds', label: 'Events with one neutron > 280 MeV', unit: '', allowed: '≥ 0' },
  neutronMultiEvents: { group: 'backgrounds', label: 'Events with ≥ 2 neutrons > 280 MeV', unit: '', allowed: '≥ 0' },
  neutronCutFlowEnergyCut: { group: 'backgrounds', label: 'Energy cut of the GEANT4 cut flow', unit: '', allowed: 'between 0 and 1, exclusive' },
  neutronPenetration: { group: 'backgrounds', label: 'Neutron penetration probability (null: Eq. 7)', unit: '', allowed: 'null or 0 < P ≤ 1' },
  alphaD: { group: 'darkSector', label: 'Dark coupling α_D', unit: '', allowed: '0 < α_D ≤ 1' },
  massRatio: { group: 'darkSector', label: "m_A' / m_χ", unit: '', allowed: '> 2' },
  electronMotion: { group: 'calorimeter', label: 'Target electrons in annihilation (Eq. 9)', unit: '', allowed: 'comptonProfile, atRest' },
  bremsstrahlungModel: { group: 'darkSector', label: 'A′-strahlung cross-section', unit: '', allowed: 'ww (Eq. 13), iww' },
  beamEnergySpread: { group: 'collider', label: 'Beam energy spread σ_E/E (symmetric beams)', unit: '', allowed: '0 ≤ x < 0.1' },
  statistics: { group: 'statistics', label: 'Expected limit', unit: '', allowed: 'cls (median expected Poisson CLs), deltaChi2 (N_s/√N_b = √Δχ²)' },
  deltaChi2: { group: 'statistics', label: 'Δχ² of the limit (2.71: 90% CL; statistics deltaChi2)', unit: '', allowed: '> 0' },
  confidenceLevel: { group: 'statistics', label: 'Confidence level (statistics cls)', unit: '', allowed: '0 < CL < 1' },
};

/** The fields of a fixed-target experiment (shared ones as in {@link FIELDS}). */
export const FIXED_TARGET_FIELDS: Record<FixedTargetField, FieldInfo> = {
  beamParticle: { group: 'beam', label: 'Beam particle', unit: '', allowed: 'e-, e+' },
  beamEnergy: { group: 'beam', label: 'Beam energy', unit: 'GeV', allowed: '> 0' },
  particlesOnTarget: { group: 'beam', label: 'Particles on target', unit: '', allowed: '> 0' },
  beamEnergySpread: { group: 'beam', label: 'Beam energy spread σ_E/E', unit: '', allowed: '0 ≤ x < 0.1' },
  material: FIELDS.material,
  calorimeterDepth: { ...FIELDS.calorimeterDepth, label: 'Target (calorimeter) depth' },
  bremsstrahlungDepth: FIELDS.bremsstrahlungDepth,
  energyCut: { ...FIELDS.energyCut, label: 'Largest deposited energy fraction (1 − missing-energy threshold)' },
  bremsstrahlungTracks: FIELDS.bremsstrahlungTracks,
  bremsstrahlungModel: FIELDS.bremsstrahlungModel,
  electronMotion: FIELDS.electronMotion,
  signalEfficiency: FIELDS.signalEfficiency,
  alphaD: FIELDS.alphaD,
  massRatio: FIELDS.massRatio,
  backgroundEvents: { group: 'statistics', label: 'Expected background events', unit: '', allowed: '≥ 0' },
  observedEvents: { group: 'statistics', label: 'Observed events', unit: '', allowed: 'a whole number ≥ 0' },
  confidenceLevel: { group: 'statistics', label: 'Confidence level (CLs)', unit: '', allowed: '0 < CL < 1' },
};

/** A value as the user wrote it, for messages (JSON.stringify would print Infinity and NaN as null). */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeIssue(issue: z.ZodIssue, input: unknown, fields: Record<string, FieldInfo>): ConfigError {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const keys = issue.keys.join(', ');
    return new ConfigError(`unknown config field ${keys}: allowed fields are ${Object.keys(fields).join(', ')}`, issue.keys[0]);
  }
  if (issue.path.length === 0) {
    return new ConfigError(`the configuration must be an object of fields, got ${show(input)}`);
  }
  const field = issue.path.join('.');
  const value =
    input && typeof input === 'object' ? (input as Record<string, unknown>)[String(issue.path[0])] : undefined;
  const info = fields[field];
  const allowed = info ? `allowed: ${info.allowed}${info.unit ? ` ${info.unit}` : ''}` : issue.message;
  return new ConfigError(`config field ${field} = ${show(value)} is not allowed (${allowed}; ${issue.message})`, field);
}

function kindOf(input: unknown): unknown {
  return input && typeof input === 'object' && 'kind' in input ? (input as { kind: unknown }).kind : 'collider';
}

/**
 * Validates a complete collider configuration (no defaults are filled in
 * here; merge with a preset first). Throws {@link ConfigError} on the first problem.
 */
export function parseConfig(input: unknown): ExperimentConfig {
  const r = experimentConfigSchema.safeParse(input);
  if (!r.success) throw describeIssue(r.error.issues[0], input, { kind: KIND_FIELD, ...FIELDS });
  return r.data;
}

const KIND_FIELD: FieldInfo = { group: 'collider', label: 'Kind of experiment', unit: '', allowed: 'collider, fixedTarget' };

/** Validates a configuration of any kind (`kind`: collider, the default, or fixedTarget). */
export function parseAnyConfig(input: unknown): AnyExperimentConfig {
  const kind = kindOf(input);
  if (kind === 'fixedTarget') {
    const r = fixedTargetConfigSchema.safeParse(input);
    if (!r.success) throw describeIssue(r.error.issues[0], input, { kind: KIND_FIELD, ...FIXED_TARGET_FIELDS });
    return r.data;
  }
  if (kind !== 'collider') {
    throw new ConfigError(`config field kind = ${show(kind)} is not allowed (allowed: collider, fixedTarget)`, 'kind');
  }
  return parseConfig(input);
}

/**
 * Merges partial overrides into a base configuration and validates the result.
 * Unknown keys in the overrides are rejected, never dropped.
 */
export function withOverrides(base: ExperimentConfig, overrides: Record<string, unknown>): ExperimentConfig;
export function withOverrides(base: FixedTargetConfig, overrides: Record<string, unknown>): FixedTargetConfig;
export function withOverrides(base: AnyExperimentConfig, overrides: Record<string, unknown>): AnyExperimentConfig;
export function withOverrides(base: AnyExperimentConfig, overrides: Record<string, unknown>): AnyExperimentConfig {
  if ('kind' in overrides && overrides.kind !== base.kind) {
    throw new ConfigError(
      `config field kind = ${show(overrides.kind)} cannot change the kind of the base experiment (${base.kind}); start from a preset of that kind`,
      'kind',
    );
  }
  return parseAnyConfig({ ...base, ...overrides });
}
