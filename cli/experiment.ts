/**
 * The experiment configuration of one CLI run: a built-in experiment
 * (`--experiment`, alias `--preset`; a collider or a fixed-target beam),
 * overridden by the `--config` file, overridden by the flags (`--lumi`,
 * `--alpha-d`, `--mass-ratio`, `--energy-cut`). Errors name where the bad
 * value came from.
 */
import { Option, type Command } from 'commander';
import { EXPERIMENTS } from '../src/config/presets.js';
import {
  ConfigError,
  FIELDS,
  FIXED_TARGET_FIELDS,
  type AnyExperimentConfig,
  type ConfigField,
  type FieldInfo,
  withOverridesFromInput,
} from '../src/config/schema.js';
import { readConfigFile } from './configFile.js';
import { UsageError, quote } from './errors.js';

/** The flags that set one config field each, with what the help says. */
export const FIELD_FLAGS = {
  lumi: { flag: '--lumi', arg: '<ab-1>', what: 'integrated luminosity in ab⁻¹' },
  alphaD: { flag: '--alpha-d', arg: '<value>', what: 'dark coupling α_D = g_χ²/4π' },
  massRatio: { flag: '--mass-ratio', arg: '<ratio>', what: "m_A'/m_χ (A' → χχ̄ needs > 2)" },
  energyCut: {
    flag: '--energy-cut',
    arg: '<fraction>',
    what: "largest fraction of the incoming lepton's energy deposited in the calorimeter (fixed target: 1 − the missing-energy threshold)",
  },
  radiativeAnnihilation: {
    flag: '--radiative-annihilation',
    arg: '<on|off>',
    what: 'the third channel e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302)',
    choices: { on: true, off: false },
  },
  analysis: {
    flag: '--analysis',
    arg: '<counting|spectral>',
    what: 'the limit from one count, or from a binned likelihood in the measured spectrum',
    choices: { counting: 'counting', spectral: 'spectral' },
  },
  electronMotion: {
    flag: '--electron-motion',
    arg: '<comptonProfile|atRest>',
    what: "the target's electrons in resonant annihilation: moving with the Hartree–Fock Compton profiles, or at rest (the paper)",
    choices: { comptonProfile: 'comptonProfile', atRest: 'atRest' },
  },
  statistics: {
    flag: '--statistics',
    arg: '<cls|deltaChi2>',
    what: 'the expected limit: the median expected Poisson CLs limit, or N_s/√N_b = √Δχ² (the paper)',
    choices: { cls: 'cls', deltaChi2: 'deltaChi2' },
  },
} as const satisfies Partial<
  Record<ConfigField, { flag: string; arg: string; what: string; choices?: Record<string, unknown> }>
>;

/** The words a flag with choices takes, and the field value each sets. */
function flagChoices(f: FlagField): Record<string, unknown> | undefined {
  const spec = FIELD_FLAGS[f] as { choices?: Record<string, unknown> };
  return spec.choices;
}

export type FlagField = keyof typeof FIELD_FLAGS;

/**
 * Flags of collider-only fields, with what to do instead on a fixed-target
 * experiment. Every other flag sets a field both kinds have.
 */
const COLLIDER_ONLY: Partial<Record<FlagField, string>> = {
  lumi: 'set particlesOnTarget in a --config file',
  statistics: 'fixed-target experiments use the Poisson CLs limit of their observedEvents and confidenceLevel (set them in a --config file)',
};

export const DEFAULT_EXPERIMENT = 'belle2';
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const experimentNames = () => Object.keys(EXPERIMENTS).join(', ');

/** The field table of a kind of experiment (label, unit, allowed range per field). */
export function fieldTable(kind: AnyExperimentConfig['kind']): Record<string, FieldInfo> {
  return kind === 'fixedTarget' ? FIXED_TARGET_FIELDS : FIELDS;
}

/** Adds `--experiment` (alias `--preset`), `--config` and the given field flags to a command. */
export function addExperimentOptions(cmd: Command, fields: FlagField[]): Command {
  const belle2 = EXPERIMENTS[DEFAULT_EXPERIMENT].config;
  cmd.option(
    '--experiment <name>',
    `built-in experiment (listed by \`vanish experiments\`): ${experimentNames()} (default: "${DEFAULT_EXPERIMENT}")`,
  );
  cmd.addOption(new Option('--preset <name>', 'alias of --experiment').hideHelp());
  cmd.option('--config <file>', "YAML or JSON file with any subset of the experiment's config fields (listed in `vanish config --help`); overrides the experiment");
  for (const f of fields) {
    const { flag, arg, what } = FIELD_FLAGS[f];
    const only = COLLIDER_ONLY[f] ? '; colliders only' : '';
    const value = (belle2 as unknown as Record<string, unknown>)[f];
    const choices = flagChoices(f);
    const shown = choices ? Object.keys(choices).find((k) => choices[k] === value) : value;
    const allowed = choices ? Object.keys(choices).join(' or ') : allowedText(FIELDS, f);
    cmd.option(`${flag} ${arg}`, `${what}, ${allowed} (${DEFAULT_EXPERIMENT}: ${shown})${only}; overrides --config`);
  }
  return cmd;
}

/** What the schema allows for a field, with its unit: "> 0 ab⁻¹". */
function allowedText(table: Record<string, FieldInfo>, field: string): string {
  const info = table[field];
  return `${info.allowed}${info.unit ? ` ${info.unit}` : ''}`;
}

/** Reads a plain decimal number given to a flag. */
export function parseNumberFlag(flag: string, text: string, what: string): number {
  const t = text.trim();
  if (!NUMBER.test(t) || !Number.isFinite(Number(t))) throw new UsageError(`${flag} ${JSON.stringify(text)} is not a number: expected ${what}`);
  return Number(t);
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** A schema error on a field set by a flag, told in terms of that flag. */
function flagError(table: Record<string, FieldInfo>, field: FlagField, raw: string): UsageError {
  return new UsageError(`${FIELD_FLAGS[field].flag} ${raw} is not allowed: ${lowerFirst(table[field].label)}, allowed ${allowedText(table, field)}`);
}

/** The experiment named by `--experiment` or its alias `--preset` (they must agree when both are given). */
export function experimentName(opts: Record<string, unknown>): { name: string; flag: string } {
  const exp = typeof opts.experiment === 'string' ? opts.experiment : undefined;
  const preset = typeof opts.preset === 'string' ? opts.preset : undefined;
  if (exp !== undefined && preset !== undefined && exp !== preset) {
    throw new UsageError(`--experiment ${exp} and --preset ${preset} disagree: --preset is an alias of --experiment, give one of them`);
  }
  if (exp !== undefined) return { name: exp, flag: '--experiment' };
  if (preset !== undefined) return { name: preset, flag: '--preset' };
  return { name: DEFAULT_EXPERIMENT, flag: '--experiment' };
}

/** The configuration of a command, with the name of the experiment it starts from. */
export interface ResolvedExperiment {
  name: string;
  config: AnyExperimentConfig;
}

/**
 * The validated configuration for the options a command was given.
 * @param opts commander's parsed options (`experiment` or `preset`, `config`, and the field flags as strings)
 */
export function resolveExperiment(opts: Record<string, unknown>, fields: FlagField[]): ResolvedExperiment {
  const { name, flag } = experimentName(opts);
  const entry = Object.hasOwn(EXPERIMENTS, name) ? EXPERIMENTS[name] : undefined;
  if (!entry) throw new UsageError(`${flag} ${name} is not a built-in experiment: allowed are ${experimentNames()}`);
  const base = entry.config;
  const table = fieldTable(base.kind);

  const fromFlags: Record<string, unknown> = {};
  const raw: Partial<Record<FlagField, string>> = {};
  for (const f of fields) {
    const v = opts[f];
    if (typeof v !== 'string') continue;
    const instead = COLLIDER_ONLY[f];
    if (base.kind === 'fixedTarget' && instead) {
      throw new UsageError(`${FIELD_FLAGS[f].flag} does not apply to ${name}, a fixed-target experiment: ${instead}`);
    }
    raw[f] = v;
    const choices = flagChoices(f);
    if (choices) {
      if (!Object.hasOwn(choices, v)) {
        throw new UsageError(`${FIELD_FLAGS[f].flag} ${JSON.stringify(v)} is not allowed: ${FIELD_FLAGS[f].what}, allowed ${Object.keys(choices).join(', ')}`);
      }
      fromFlags[f] = choices[v];
      continue;
    }
    fromFlags[f] = parseNumberFlag(FIELD_FLAGS[f].flag, v, `${FIELD_FLAGS[f].what}, ${allowedText(table, f)}`);
  }

  const file = typeof opts.config === 'string' ? opts.config : undefined;
  const fromFile = file !== undefined ? readConfigFile(file) : {};
  if (file !== undefined) checkFileFields(file, fromFile, name, base.kind);

  /** The flag whose value a schema error is about, if a flag set that field (own keys only: a config key `constructor` is no flag). */
  const flagOf = (e: unknown): FlagField | undefined => {
    const field = e instanceof ConfigError ? e.field : undefined;
    return field !== undefined && Object.hasOwn(raw, field) && Object.hasOwn(FIELD_FLAGS, field) ? (field as FlagField) : undefined;
  };

  // Check the flags alone first, so a bad flag is blamed even if the file is bad too.
  try {
    withOverridesFromInput(base, fromFlags);
  } catch (e) {
    const field = flagOf(e);
    if (field !== undefined) throw flagError(table, field, raw[field] as string);
  }
  try {
    return { name, config: withOverridesFromInput(base, { ...fromFile, ...fromFlags }) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const field = flagOf(e);
    if (field !== undefined) throw flagError(table, field, raw[field] as string);
    if (file !== undefined && e.field === 'kind' && (fromFile.kind === 'collider' || fromFile.kind === 'fixedTarget')) {
      const same = Object.keys(EXPERIMENTS).filter((k) => EXPERIMENTS[k].config.kind === fromFile.kind);
      throw new UsageError(
        `--config ${file}: kind ${fromFile.kind} does not match ${name} (${base.kind}): choose an experiment of that kind with --experiment (${same.join(', ')})`,
      );
    }
    if (file !== undefined) throw new UsageError(`--config ${quote(file)}: ${e.message}`);
    throw e;
  }
}

/**
 * A field of the other kind of experiment in a `--config` file (`lumi` for
 * NA64, `beamEnergy` for Belle II) is told as such, rather than as unknown.
 */
function checkFileFields(file: string, values: Record<string, unknown>, name: string, kind: AnyExperimentConfig['kind']): void {
  if ('kind' in values && values.kind !== kind) return; // the library explains a change of kind
  const own = fieldTable(kind);
  const other = fieldTable(kind === 'fixedTarget' ? 'collider' : 'fixedTarget');
  const misplaced = Object.keys(values).find((k) => k !== 'kind' && !Object.hasOwn(own, k) && Object.hasOwn(other, k));
  if (misplaced === undefined) return;
  const kindText = kind === 'fixedTarget' ? 'a fixed-target experiment' : 'a collider';
  const otherText = kind === 'fixedTarget' ? 'colliders' : 'fixed-target experiments';
  throw new UsageError(
    `--config ${file}: field ${misplaced} is for ${otherText}, and ${name} is ${kindText} (its fields: vanish config --experiment ${name})`,
  );
}
