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

export const experimentConfigSchema = z
  .object({
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
    // ── calorimeter ──
    /** Calorimeter (target) material, a key of the material table. */
    material: z.enum(MATERIAL_NAMES as [string, ...string[]]),
    /** Calorimeter depth L_T in radiation lengths (Eq. 11). */
    calorimeterDepth: positive('X0'),
    /** Target depth used for the bremsstrahlung track length in Eq. 12, in X0. */
    bremsstrahlungDepth: positive('X0'),
    /**
     * Largest fraction of the positron energy that may be deposited (Eqs. 6, 11, 12).
     * At most 0.99: the track-length table covers v = E'/E ≥ 1e−6 with margin.
     */
    energyCut: z.number().finite().gt(0).lte(0.99),
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
    // ── dark sector ──
    /** Dark coupling α_D = g_χ²/4π (Eqs. 9–10). */
    alphaD: z.number().finite().gt(0).lte(1),
    /** m_A'/m_χ; above 2 so that A' → χχ̄ is open (Eq. 10). */
    massRatio: z.number().finite().gt(2),
    // ── statistics ──
    /** Δχ² of the expected limit, N_s/√N_b = √Δχ² (2.71 for 90% CL). */
    deltaChi2: positive(''),
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

export type ExperimentConfig = z.infer<typeof experimentConfigSchema>;
export type ConfigField = keyof ExperimentConfig;

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
  group: 'collider' | 'calorimeter' | 'backgrounds' | 'darkSector' | 'statistics';
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
  deltaChi2: { group: 'statistics', label: 'Δχ² of the limit (2.71: 90% CL)', unit: '', allowed: '> 0' },
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

function describeIssue(issue: z.ZodIssue, input: unknown): ConfigError {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const keys = issue.keys.join(', ');
    return new ConfigError(`unknown config field ${keys}: allowed fields are ${Object.keys(FIELDS).join(', ')}`, issue.keys[0]);
  }
  if (issue.path.length === 0) {
    return new ConfigError(`the configuration must be an object of fields, got ${show(input)}`);
  }
  const field = issue.path.join('.');
  const value =
    input && typeof input === 'object' ? (input as Record<string, unknown>)[String(issue.path[0])] : undefined;
  const info = FIELDS[field as ConfigField];
  const allowed = info ? `allowed: ${info.allowed}${info.unit ? ` ${info.unit}` : ''}` : issue.message;
  return new ConfigError(`config field ${field} = ${show(value)} is not allowed (${allowed}; ${issue.message})`, field);
}

/**
 * Validates a complete configuration object (no defaults are filled in here;
 * merge with a preset first). Throws {@link ConfigError} on the first problem.
 */
export function parseConfig(input: unknown): ExperimentConfig {
  const r = experimentConfigSchema.safeParse(input);
  if (!r.success) throw describeIssue(r.error.issues[0], input);
  return r.data;
}

/**
 * Merges partial overrides into a base configuration and validates the result.
 * Unknown keys in the overrides are rejected, never dropped.
 */
export function withOverrides(base: ExperimentConfig, overrides: Record<string, unknown>): ExperimentConfig {
  return parseConfig({ ...base, ...overrides });
}
