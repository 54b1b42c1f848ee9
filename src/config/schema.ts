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
  /** A′-strahlung cross-section: the paper's Weizsäcker–Williams form (Eq. 13), the improved WW form, or the exact tree level (ETL). */
  bremsstrahlungModel: z.enum(['ww', 'iww', 'etl']),
  /**
   * The target's electrons in resonant annihilation (Eq. 9): at rest (the paper), or moving
   * with the material's Hartree–Fock Compton profile (impulse approximation, arXiv:2403.15387).
   */
  electronMotion: z.enum(['comptonProfile', 'atRest']),
  /**
   * Include e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302) as a third channel;
   * its soft and virtual part then corrects Eq. 11. Off reproduces the seed paper.
   */
  radiativeAnnihilation: z.boolean(),
  /**
   * How the limit is set: one count of the selected events (the seed's
   * analysis), or a binned likelihood in the measured quantity (spectral/).
   */
  analysis: z.enum(['counting', 'spectral']),
  /**
   * Edges (GeV, increasing) of the spectral analysis's bins in the measured
   * quantity (collider: reconstructed missing energy E − E_dep; fixed target:
   * ECAL energy); the outer bins are open-ended. null: bins two resolution
   * widths wide across the kinematic range.
   */
  spectralBins: z.array(z.number().finite()).nullable(),
  /** Calorimeter stochastic term a of σ_E/E = a/√E ⊕ b (E in GeV). */
  resolutionStochastic: z.number().finite().gt(0),
  /** Calorimeter constant term b of σ_E/E = a/√E ⊕ b. */
  resolutionConstant: z.number().finite().gt(0),
  /**
   * Signal efficiency of the selection, applied to every yield: a number, or a
   * mass-dependent table [[m_A′ (GeV), efficiency], …] (masses increasing),
   * interpolated linearly in ln m and held constant beyond its ends.
   */
  signalEfficiency: z.union([
    z.number().finite().gt(0).lte(1),
    z
      .array(z.tuple([z.number().finite().gt(0), z.number().finite().gt(0).lte(1)]))
      .min(2)
      .refine((rows) => rows.every((r, i) => i === 0 || r[0] > rows[i - 1][0]), { message: 'masses must increase' }),
  ]),
  // ── dark sector ──
  /**
   * Dark coupling α_D = g_χ²/4π (Eqs. 9–10). At least 1e−8: the model takes the
   * width as Γ(A′ → χχ̄) alone, which needs α_D ≫ α ε² (the visible width), and
   * below Γ/m ≈ 1e−9 the resonance is narrower than double precision resolves
   * s = 2 m_e E_A′ near its edges (the integrals could not meet their tolerance).
   */
  alphaD: z.number().finite().gte(1e-8).lte(1),
  /** m_A'/m_χ; above 2 so that A' → χχ̄ is open (Eq. 10). */
  massRatio: z.number().finite().gt(2),
};

/**
 * The A′ width relative to its mass, Γ/m ∝ α_D (1 + 2/R²)√(1 − 4/R²) (Eq. 10), must
 * stay resolvable in double precision (see alphaD): α_D √(1 − 4/R²) ≥ 1e−9, which
 * rules out R within ~1e−4 of 2 only for the smallest α_D.
 */
function checkWidth(c: { alphaD: number; massRatio: number }, ctx: z.RefinementCtx): void {
  if (!(c.alphaD * Math.sqrt(1 - 4 / (c.massRatio * c.massRatio)) >= 1e-9)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['massRatio'],
      message: `too close to 2 for alphaD = ${c.alphaD}: the A′ width α_D √(1 − 4/massRatio²) must be ≥ 1e-9 to be resolved`,
    });
  }
}

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
    /**
     * Largest lab polar angle of the accepted positron, degrees. At most 170°: towards
     * 180° (along the positron beam) the Bhabha forward peak makes dN/dE vary on an
     * energy scale ∝ (180° − θ)², finer than the yields' tables resolve (and every
     * calorimeter's acceptance ends before it).
     */
    thetaMax: z.number().finite().gt(0).lte(170),
    /**
     * Integrated luminosity, ab⁻¹. At most 1e12 ab⁻¹ (10⁴⁵ cm⁻²): far beyond any
     * collider, and safe from overflow in the yields' integrands (events per GeV² at
     * the resonance peak are ~10²⁰ times the positron count).
     */
    lumi: positive('ab^-1').max(1e12),
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
    /** Fractional momentum resolution σ_p/p of the drift chamber (the spectral analysis's E). */
    momentumResolution: z.number().finite().gt(0),
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
    checkBinEdges(c.spectralBins, ctx);
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
    checkWidth(c, ctx);
  });

/** A mono-energetic lepton beam on a thick active target (NA64-like), with a missing-energy selection. */
export const fixedTargetConfigSchema = z
  .object({
    kind: z.literal('fixedTarget'),
    // ── beam ──
    /** The beam particle. */
    beamParticle: z.enum(['e-', 'e+']),
    /**
     * Beam energy, GeV. At least 0.1 GeV: the shower track lengths (App. A) hold far
     * above the critical energy (~10 MeV here), and the annihilation window
     * (1 − c)E₀ − m_e must stay above the lowest energy the track-length table covers.
     */
    beamEnergy: positive('GeV').min(0.1),
    /** Particles on target. At most 1e25 (see lumi: overflow in the yields' integrands far beyond any beam). */
    particlesOnTarget: positive('particles').max(1e25),
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
  .strict()
  .superRefine((c, ctx) => {
    checkBinEdges(c.spectralBins, ctx);
    checkWidth(c, ctx);
  });

/** Bin edges: at least two, increasing (their range is checked against the kinematics in spectral/). */
function checkBinEdges(edges: readonly number[] | null, ctx: z.RefinementCtx): void {
  if (edges === null) return;
  if (edges.length < 2) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['spectralBins'], message: 'give at least two edges: an empty list has no bin' });
    return;
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) {
      const why = edges[i] === edges[i - 1] ? `edge ${edges[i]} is repeated, an empty bin` : `edges must increase (${edges[i - 1]} then ${edges[i]})`;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['spectralBins'], message: why });
      return;
    }
  }
}

/** A collider experiment (the paper's Belle II analysis is one). */
export type ExperimentConfig = z.output<typeof experimentConfigSchema>;
export type ColliderConfig = ExperimentConfig;
export type FixedTargetConfig = z.output<typeof fixedTargetConfigSchema>;
/** Any kind of experiment vanish computes. */
export type AnyExperimentConfig = ExperimentConfig | FixedTargetConfig;
export type ConfigField = Exclude<keyof ExperimentConfig, 'kind'>;
export type FixedTargetField = Exclude<keyof FixedTargetConfig, 'kind'>;

/**
 * The signal efficiency at an A′ mass (GeV): the number, or the table
 * interpolated linearly in ln m (constant beyond its first and last masses).
 */
export function signalEfficiencyAt(efficiency: number | ReadonlyArray<readonly [number, number]>, mass: number): number {
  if (typeof efficiency === 'number') return efficiency;
  const rows = efficiency;
  if (mass <= rows[0][0]) return rows[0][1];
  const last = rows[rows.length - 1];
  if (mass >= last[0]) return last[1];
  let i = 1;
  while (rows[i][0] < mass) i++;
  const [m0, e0] = rows[i - 1];
  const [m1, e1] = rows[i];
  return e0 + ((e1 - e0) * Math.log(mass / m0)) / Math.log(m1 / m0);
}

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
  thetaMax: { group: 'collider', label: 'Largest polar angle', unit: 'deg', allowed: 'thetaMin < thetaMax ≤ 170' },
  lumi: { group: 'collider', label: 'Integrated luminosity', unit: 'ab⁻¹', allowed: '0 < lumi ≤ 1e12' },
  material: { group: 'calorimeter', label: 'Calorimeter material', unit: '', allowed: MATERIAL_NAMES.join(', ') },
  calorimeterDepth: { group: 'calorimeter', label: 'Calorimeter depth', unit: 'X0', allowed: '> 0' },
  bremsstrahlungDepth: { group: 'calorimeter', label: 'Bremsstrahlung target depth (Eq. 12)', unit: 'X0', allowed: '> 0' },
  energyCut: { group: 'calorimeter', label: 'Largest deposited energy fraction', unit: '', allowed: '0 < energyCut ≤ 0.99' },
  bremsstrahlungTracks: { group: 'calorimeter', label: 'Particles radiating A′ (Eq. 12)', unit: '', allowed: 'positrons, allLeptons' },
  signalEfficiency: {
    group: 'calorimeter',
    label: 'Signal efficiency',
    unit: '',
    allowed: '0 < efficiency ≤ 1, or a table [[mass GeV, efficiency], …] with increasing masses',
  },
  radiativeAnnihilation: { group: 'darkSector', label: 'e⁺e⁻ → γA′ on atomic electrons (third channel)', unit: '', allowed: 'true, false' },
  analysis: { group: 'statistics', label: 'Analysis: one count, or a binned likelihood in the measured spectrum', unit: '', allowed: 'counting, spectral' },
  spectralBins: { group: 'statistics', label: 'Spectral bins: edges in the missing energy E − E_dep (null: automatic)', unit: 'GeV', allowed: 'null or ≥ 2 increasing edges within the kinematic range' },
  resolutionStochastic: { group: 'calorimeter', label: 'Calorimeter resolution, stochastic term a (σ_E/E = a/√E ⊕ b)', unit: 'GeV^½', allowed: '> 0' },
  resolutionConstant: { group: 'calorimeter', label: 'Calorimeter resolution, constant term b', unit: '', allowed: '> 0' },
  momentumResolution: { group: 'collider', label: 'Track momentum resolution σ_p/p', unit: '', allowed: '> 0' },
  photonVetoInefficiency: { group: 'backgrounds', label: 'KLM photon veto inefficiency', unit: '', allowed: '0 < x ≤ 1' },
  klmInteractionLengths: { group: 'backgrounds', label: 'KLM depth', unit: 'λ₀', allowed: '≥ 0' },
  neutronSimulatedPositrons: { group: 'backgrounds', label: 'Simulated positrons (GEANT4)', unit: '', allowed: '> 0' },
  neutronSimulatedDepth: { group: 'backgrounds', label: 'Simulated CsI depth', unit: 'X0', allowed: '0 ≤ x < calorimeterDepth' },
  neutronSingleEvents: { group: 'backgrounds', label: 'Events with one neutron > 280 MeV', unit: '', allowed: '≥ 0' },
  neutronMultiEvents: { group: 'backgrounds', label: 'Events with ≥ 2 neutrons > 280 MeV', unit: '', allowed: '≥ 0' },
  neutronCutFlowEnergyCut: { group: 'backgrounds', label: 'Energy cut of the GEANT4 cut flow', unit: '', allowed: 'between 0 and 1, exclusive' },
  neutronPenetration: { group: 'backgrounds', label: 'Neutron penetration probability (null: Eq. 7)', unit: '', allowed: 'null or 0 < P ≤ 1' },
  alphaD: { group: 'darkSector', label: 'Dark coupling α_D', unit: '', allowed: '1e-8 ≤ α_D ≤ 1' },
  massRatio: { group: 'darkSector', label: "m_A' / m_χ", unit: '', allowed: '> 2, with α_D √(1 − 4/massRatio²) ≥ 1e-9' },
  bremsstrahlungModel: { group: 'darkSector', label: 'A′-strahlung cross-section', unit: '', allowed: 'ww (Eq. 13), iww, etl (exact tree level)' },
  electronMotion: { group: 'calorimeter', label: 'Target electrons in annihilation (Eq. 9)', unit: '', allowed: 'comptonProfile, atRest' },
  beamEnergySpread: { group: 'collider', label: 'Beam energy spread σ_E/E (symmetric beams)', unit: '', allowed: '0 ≤ x < 0.1' },
  statistics: { group: 'statistics', label: 'Expected limit', unit: '', allowed: 'cls (median expected Poisson CLs), deltaChi2 (N_s/√N_b = √Δχ²)' },
  deltaChi2: { group: 'statistics', label: 'Δχ² of the limit (2.71: 90% CL; statistics deltaChi2)', unit: '', allowed: '> 0' },
  confidenceLevel: { group: 'statistics', label: 'Confidence level (statistics cls)', unit: '', allowed: '0 < CL < 1' },
};

/** The fields of a fixed-target experiment (shared ones as in {@link FIELDS}). */
export const FIXED_TARGET_FIELDS: Record<FixedTargetField, FieldInfo> = {
  beamParticle: { group: 'beam', label: 'Beam particle', unit: '', allowed: 'e-, e+' },
  beamEnergy: { group: 'beam', label: 'Beam energy', unit: 'GeV', allowed: '≥ 0.1' },
  particlesOnTarget: { group: 'beam', label: 'Particles on target', unit: '', allowed: '0 < N ≤ 1e25' },
  beamEnergySpread: { group: 'beam', label: 'Beam energy spread σ_E/E', unit: '', allowed: '0 ≤ x < 0.1' },
  material: FIELDS.material,
  calorimeterDepth: { ...FIELDS.calorimeterDepth, label: 'Target (calorimeter) depth' },
  bremsstrahlungDepth: FIELDS.bremsstrahlungDepth,
  energyCut: { ...FIELDS.energyCut, label: 'Largest deposited energy fraction (1 − missing-energy threshold)' },
  bremsstrahlungTracks: FIELDS.bremsstrahlungTracks,
  bremsstrahlungModel: FIELDS.bremsstrahlungModel,
  electronMotion: FIELDS.electronMotion,
  signalEfficiency: FIELDS.signalEfficiency,
  radiativeAnnihilation: FIELDS.radiativeAnnihilation,
  analysis: FIELDS.analysis,
  spectralBins: { ...FIELDS.spectralBins, label: 'Spectral bins: edges in the ECAL energy (null: one bin)' },
  resolutionStochastic: FIELDS.resolutionStochastic,
  resolutionConstant: FIELDS.resolutionConstant,
  alphaD: FIELDS.alphaD,
  massRatio: FIELDS.massRatio,
  backgroundEvents: { group: 'statistics', label: 'Expected background events', unit: '', allowed: '≥ 0' },
  observedEvents: { group: 'statistics', label: 'Observed events', unit: '', allowed: 'a whole number ≥ 0' },
  confidenceLevel: { group: 'statistics', label: 'Confidence level (CLs)', unit: '', allowed: '0 < CL < 1' },
};

/** How many unknown keys an error names before "and N more". */
const MAX_LISTED = 5;
/** Longest value or key quoted in an error, in characters. */
const MAX_SHOWN = 60;

const clip = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/** A key for a message: as is when plain, else quoted with its escapes (a key may hold control characters). */
function showKey(key: string): string {
  return /^[\w.-]+$/.test(key) ? clip(key) : clip(JSON.stringify(key));
}

/**
 * A value as the user wrote it, for a one-line message: at most
 * {@link MAX_SHOWN} characters (JSON.stringify would print Infinity and NaN as null).
 */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // a short list as written; a long one by its length (one line, bounded)
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    return text !== undefined && text.length <= MAX_SHOWN ? text : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return 'a mapping';
  return clip(String(value));
}

function describeIssue(issue: z.ZodIssue, input: unknown, fields: Record<string, FieldInfo>): ConfigError {
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const shownKeys = issue.keys.slice(0, MAX_LISTED).map((k) => showKey(k));
    const more = issue.keys.length > MAX_LISTED ? ` and ${issue.keys.length - MAX_LISTED} more` : '';
    const noun = issue.keys.length === 1 ? 'field' : 'fields';
    return new ConfigError(`unknown config ${noun} ${shownKeys.join(', ')}${more}: allowed fields are ${Object.keys(fields).join(', ')}`, issue.keys[0]);
  }
  if (issue.path.length === 0) {
    return new ConfigError(`the configuration must be an object of fields, got ${show(input)}`);
  }
  const field = issue.path.join('.');
  const key = String(issue.path[0]);
  const value =
    input && typeof input === 'object' && Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
  const info = Object.hasOwn(fields, field) ? fields[field] : undefined;
  const allowed = info ? `allowed: ${info.allowed}${info.unit ? ` ${info.unit}` : ''}` : issue.message;
  return new ConfigError(`config field ${field} = ${show(value)} is not allowed (${allowed}; ${issue.message})`, field);
}

function kindOf(input: unknown): unknown {
  return input && typeof input === 'object' && Object.hasOwn(input, 'kind') ? (input as { kind: unknown }).kind : 'collider';
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

/** The fields a collider configuration may override (`kind`, if given, must stay `collider`). */
export type ColliderOverrides = Partial<Omit<ExperimentConfig, 'kind'>> & { kind?: 'collider' };
/** The fields a fixed-target configuration may override (`kind`, if given, must stay `fixedTarget`). */
export type FixedTargetOverrides = Partial<Omit<FixedTargetConfig, 'kind'>> & { kind?: 'fixedTarget' };

/**
 * Merges partial overrides into a base configuration and validates the result.
 * The overrides are typed per kind, so a misspelt field (`{ lumii: 10 }`) or a
 * value of the wrong type does not compile; the same checks run again at run
 * time for JavaScript callers. For overrides of unknown shape (a file, flags, a
 * URL) use {@link withOverridesFromInput}.
 */
export function withOverrides(base: Readonly<ExperimentConfig>, overrides: Readonly<ColliderOverrides>): ExperimentConfig;
export function withOverrides(base: Readonly<FixedTargetConfig>, overrides: Readonly<FixedTargetOverrides>): FixedTargetConfig;
export function withOverrides(
  base: Readonly<AnyExperimentConfig>,
  overrides: Readonly<ColliderOverrides> | Readonly<FixedTargetOverrides>,
): AnyExperimentConfig;
export function withOverrides(base: Readonly<AnyExperimentConfig>, overrides: object): AnyExperimentConfig {
  return withOverridesFromInput(base, overrides);
}

/**
 * {@link withOverrides} for overrides of unknown shape, read from a file, flags
 * or a URL: unknown keys are rejected, never dropped, and every value is validated.
 */
export function withOverridesFromInput(base: Readonly<ExperimentConfig>, overrides: unknown): ExperimentConfig;
export function withOverridesFromInput(base: Readonly<FixedTargetConfig>, overrides: unknown): FixedTargetConfig;
export function withOverridesFromInput(base: Readonly<AnyExperimentConfig>, overrides: unknown): AnyExperimentConfig;
export function withOverridesFromInput(base: Readonly<AnyExperimentConfig>, overrides: unknown): AnyExperimentConfig {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new ConfigError(`the overrides must be an object of fields, got ${show(overrides)}`);
  }
  const own = overrides as Record<string, unknown>;
  if (Object.hasOwn(own, 'kind') && own.kind !== base.kind) {
    throw new ConfigError(
      `config field kind = ${show(own.kind)} cannot change the kind of the base experiment (${base.kind}); start from a preset of that kind`,
      'kind',
    );
  }
  return parseAnyConfig({ ...base, ...own });
}

/**
 * A value the schema allows but the numerics cannot serve (an integral that
 * cannot meet its tolerance for this input): a user's value, so a
 * {@link ConfigError} naming the field, never a stack trace.
 */
export class InputLimitError extends ConfigError {
  constructor(message: string, field?: string) {
    super(message, field);
    this.name = 'InputLimitError';
  }
}
