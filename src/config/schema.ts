/**
 * The experiment configuration: every input of the analysis is one field.
 * Validated once, at the boundary (CLI, web page, library entry), by
 * {@link parseConfig}; the physics code trusts what it receives.
 *
 * Each field — schema, label, unit, help — is defined once in `fields.ts`
 * (the one home of every input); here the fields become the experiment
 * schemas, with the checks between fields. Units: energies in GeV, angles in
 * degrees, luminosity in ab⁻¹, depths in radiation lengths X0.
 */
import { z } from 'zod';
import { ConfigError, MAX_LISTED, show, showKey } from './errors.js';
import { darkWidth, smallestMassRatio, type DarkMatterModel } from '../models/darkMatter.js';
import {
  COLLIDER_FIELD_DEFS,
  FIELDS,
  FIXED_TARGET_FIELDS,
  FIXED_TARGET_FIELD_DEFS,
  KIND_FIELD,
  allowedWithUnit,
  type FieldDef,
  type FieldInfo,
} from './fields.js';

export { ConfigError } from './errors.js';
export { FIELDS, FIXED_TARGET_FIELDS, type FieldInfo } from './fields.js';

/** The zod shape of a table of field definitions. */
function shapeOf<T extends Record<string, FieldDef>>(defs: T): { [K in keyof T]: T[K]['schema'] } {
  return Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.schema])) as { [K in keyof T]: T[K]['schema'] };
}

/** An e⁺e⁻ collider whose Bhabha positrons hit the calorimeter (the default kind); fields in src/config/fields.ts. */
export const experimentConfigSchema = z
  .object({
    kind: z.literal('collider').default('collider'),
    ...shapeOf(COLLIDER_FIELD_DEFS),
  })
  .strict()
  .superRefine((c, ctx) => {
    checkBinEdges(c.spectralBins, ctx);
    checkDarkSector(c, ctx);
    // an order between two fields is an issue of each (the first is reported, unless the user set only the other)
    if (!(c.thetaMin < c.thetaMax)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['thetaMax'], message: `must be larger than thetaMin (${c.thetaMin})` });
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['thetaMin'], message: `must be smaller than thetaMax (${c.thetaMax})` });
    }
    if (!(c.neutronSimulatedDepth < c.calorimeterDepth)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['neutronSimulatedDepth'], message: `must be smaller than calorimeterDepth (${c.calorimeterDepth})` });
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['calorimeterDepth'], message: `must be larger than neutronSimulatedDepth (${c.neutronSimulatedDepth})` });
    }
    checkWidth(c, ctx);
  });

/** A mono-energetic lepton beam on a thick active target (NA64-like), with a missing-energy selection; fields in src/config/fields.ts. */
export const fixedTargetConfigSchema = z
  .object({
    kind: z.literal('fixedTarget'),
    ...shapeOf(FIXED_TARGET_FIELD_DEFS),
  })
  .strict()
  .superRefine((c, ctx) => {
    checkBinEdges(c.spectralBins, ctx);
    checkDarkSector(c, ctx);
    checkWidth(c, ctx);
  });

/**
 * The A′ width relative to its mass, Γ/m ∝ α_D (1 + 2/R²)√(1 − 4/R²) (Eq. 10), must
 * stay resolvable in double precision (see alphaD in fields.ts): α_D √(1 − 4/R²) ≥ 1e−9,
 * which rules out R within ~1e−4 of 2 only for the smallest α_D.
 */
function checkWidth(c: { alphaD: number; massRatio: number; darkMatter: DarkMatterModel; massSplitting: number }, ctx: z.RefinementCtx): void {
  if (!(c.massRatio > smallestMassRatio(c))) return; // closed: checkDarkSector says so
  // Dirac: Γ/m ∝ α_D (1 + 2/R²)√(1 − 4/R²) (Eq. 10); the other models (models/darkMatter.ts): the same floor on Γ/m, 1e−9/3
  const resolved =
    c.darkMatter === 'dirac'
      ? c.alphaD * Math.sqrt(1 - 4 / (c.massRatio * c.massRatio)) >= 1e-9
      : darkWidth(1, { ...c }) >= 1e-9 / 3;
  if (!resolved) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['massRatio'],
      message:
        c.darkMatter === 'dirac'
          ? `too close to 2 for alphaD = ${c.alphaD}: the A′ width α_D √(1 − 4/massRatio²) must be ≥ 1e-9 to be resolved`
          : `too close to threshold for alphaD = ${c.alphaD} and darkMatter ${c.darkMatter}: the A′ width Γ/m_A′ must be ≥ 3.3e-10 to be resolved`,
    });
  }
}

/** A′ → dark pair must be open for the model: m_A′/m_χ > 2 (> 2 + δ for pseudo-Dirac). */
function checkDarkSector(c: { darkMatter: DarkMatterModel; massRatio: number; massSplitting: number }, ctx: z.RefinementCtx): void {
  const least = smallestMassRatio(c);
  if (!(c.massRatio > least)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['massRatio'],
      message:
        c.darkMatter === 'pseudoDirac'
          ? `A′ → χ₁χ₂ is closed for darkMatter pseudoDirac with massSplitting ${c.massSplitting}: massRatio must be above 2 + massSplitting = ${least}`
          : `A′ → χχ̄ is closed: massRatio must be above 2`,
    });
  }
}

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
  // the field's own "allowed" text says it all; a check of our own (a refinement) adds why, zod's stock wording does not
  const reason = info && issue.code === z.ZodIssueCode.custom ? issue.message : undefined;
  const why = !info ? issue.message : `allowed: ${allowedWithUnit(info)}${reason ? `; ${reason}` : ''}`;
  return new ConfigError(`config field ${field} = ${show(value)} is not allowed (${why})`, field, reason);
}

function kindOf(input: unknown): unknown {
  return input && typeof input === 'object' && Object.hasOwn(input, 'kind') ? (input as { kind: unknown }).kind : 'collider';
}

/** The issue to report: the first about a field the user set (`set`), else the first. */
function reported(issues: readonly z.ZodIssue[], set?: ReadonlySet<string>): z.ZodIssue {
  return (set && issues.find((i) => i.path.length > 0 && set.has(String(i.path[0])))) ?? issues[0];
}

/**
 * Validates a complete collider configuration (no defaults are filled in
 * here; merge with a preset first). Throws {@link ConfigError} on the first problem
 * (the first about a field in `set`, the fields the user gave, when there is one).
 */
export function parseConfig(input: unknown, set?: ReadonlySet<string>): ExperimentConfig {
  const r = experimentConfigSchema.safeParse(input);
  if (!r.success) throw describeIssue(reported(r.error.issues, set), input, { kind: KIND_FIELD, ...FIELDS });
  return r.data;
}

/** Validates a configuration of any kind (`kind`: collider, the default, or fixedTarget); `set` as for {@link parseConfig}. */
export function parseAnyConfig(input: unknown, set?: ReadonlySet<string>): AnyExperimentConfig {
  const kind = kindOf(input);
  if (kind === 'fixedTarget') {
    const r = fixedTargetConfigSchema.safeParse(input);
    if (!r.success) throw describeIssue(reported(r.error.issues, set), input, { kind: KIND_FIELD, ...FIXED_TARGET_FIELDS });
    return r.data;
  }
  if (kind !== 'collider') {
    throw new ConfigError(`config field kind = ${show(kind)} is not allowed (allowed: collider, fixedTarget)`, 'kind');
  }
  return parseConfig(input, set);
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
  // a problem between two fields is reported on the one the overrides set
  return parseAnyConfig({ ...base, ...own }, new Set(Object.keys(own)));
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
