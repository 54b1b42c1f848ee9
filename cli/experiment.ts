/**
 * The experiment configuration of one CLI run: a built-in experiment
 * (`--experiment`, alias `--preset`; a collider or a fixed-target beam),
 * overridden by the `--config` file, overridden by the flags (`--lumi`,
 * `--alpha-d`, `--mass-ratio`, `--energy-cut`). Errors name where the bad
 * value came from.
 */
import { Option, type Command } from 'commander';
import {
  DEFAULT_EXPERIMENT,
  EXPERIMENT_NAMES,
  FIELD_FLAGS,
  FIELDS,
  allowedWithUnit,
  fieldTable,
  fieldValueFromText,
  isExperiment,
  presetValue,
  type FieldInfo,
} from '../src/config/fields.js';
import { EXPERIMENTS } from '../src/config/presets.js';
import { ConfigError, type AnyExperimentConfig, withOverridesFromInput } from '../src/config/schema.js';
import { readConfigFile } from './configFile.js';
import { UsageError, quote } from './errors.js';

export { DEFAULT_EXPERIMENT } from '../src/config/fields.js';

/** A config field that has a CLI flag (`lumi`, `alphaD`, …: see `flag` in src/config/fields.ts). */
export type FlagField = string;

const experimentNames = () => EXPERIMENT_NAMES.join(', ');

/** The field table of a kind of experiment (label, unit, allowed range per field). */
export { fieldTable } from '../src/config/fields.js';

/** The field's info for a flag: the experiment's kind's, or (for a field that kind lacks) the other kind's. */
function flagInfo(table: Readonly<Record<string, FieldInfo>>, field: string): FieldInfo {
  return table[field] ?? fieldTable('collider')[field] ?? fieldTable('fixedTarget')[field];
}

/** Adds `--experiment` (alias `--preset`), `--config` and the flags of the given fields to a command. */
export function addExperimentOptions(cmd: Command, fields: readonly string[]): Command {
  cmd.option(
    '--experiment <name>',
    `built-in experiment (listed by \`vanish experiments\`): ${experimentNames()} (default: "${DEFAULT_EXPERIMENT}")`,
  );
  cmd.addOption(new Option('--preset <name>', 'alias of --experiment').hideHelp());
  cmd.option('--config <file>', "YAML or JSON file with any subset of the experiment's config fields (listed in `vanish config --help`); overrides the experiment");
  for (const f of fields) {
    const { flag, arg, what, otherKind, choices } = FIELD_FLAGS[f];
    const info = flagInfo(FIELDS, f);
    const only = otherKind ? (Object.hasOwn(FIELDS, f) ? '; colliders only' : '; fixed targets only') : '';
    const value = presetValue(DEFAULT_EXPERIMENT, f);
    const shown = choices ? Object.keys(choices).find((k) => choices[k] === value) : value;
    const example = shown === undefined ? '' : ` (${DEFAULT_EXPERIMENT}: ${shown})`;
    const allowed = choices ? Object.keys(choices).join(' or ') : allowedWithUnit(info);
    cmd.option(`${flag} ${arg}`, `${what}, ${allowed}${example}${only}; overrides --config`);
  }
  return cmd;
}

/** Reads the text given to a field's flag: one of its words (`on`, `spectral`), or a plain decimal number. */
export function parseFlagValue(field: string, info: FieldInfo, text: string): unknown {
  const { flag, what, choices } = FIELD_FLAGS[field];
  if (choices) {
    if (!Object.hasOwn(choices, text)) throw new UsageError(`${flag} ${JSON.stringify(text)} is not allowed: ${what}, allowed ${Object.keys(choices).join(', ')}`);
    return choices[text];
  }
  const r = fieldValueFromText(info, text);
  if (r === undefined) {
    throw new UsageError(`${FIELD_FLAGS[field].flag} ${JSON.stringify(text)} is not a number: expected ${FIELD_FLAGS[field].what}, ${allowedWithUnit(info)}`);
  }
  return r.value;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** A schema error on a field set by a flag, told in terms of that flag (with the schema's reason when a relation to other fields refused it). */
function flagError(table: Readonly<Record<string, FieldInfo>>, field: string, raw: string, error?: unknown): UsageError {
  const info = flagInfo(table, field);
  const what = `${lowerFirst(info.label)}, allowed ${allowedWithUnit(info)}`;
  const reason = error instanceof ConfigError ? error.reason : undefined;
  return new UsageError(`${FIELD_FLAGS[field].flag} ${raw} is not allowed: ${reason ? `${reason} (${what})` : what}`);
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
export async function resolveExperiment(opts: Record<string, unknown>, fields: readonly string[]): Promise<ResolvedExperiment> {
  const { name, flag } = experimentName(opts);
  const entry = isExperiment(name) ? EXPERIMENTS[name] : undefined;
  if (!entry) throw new UsageError(`${flag} ${name} is not a built-in experiment: allowed are ${experimentNames()}`);
  const base = entry.config;
  const table = fieldTable(base.kind);

  const fromFlags: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  for (const f of fields) {
    const v = opts[f];
    if (typeof v !== 'string') continue;
    if (!Object.hasOwn(table, f)) {
      const kindText = base.kind === 'fixedTarget' ? 'a fixed-target experiment' : 'a collider';
      const instead = FIELD_FLAGS[f].otherKind ?? `it sets ${f}, which ${kindText} does not have`;
      throw new UsageError(`${FIELD_FLAGS[f].flag} does not apply to ${name}, ${kindText}: ${instead}`);
    }
    raw[f] = v;
    fromFlags[f] = parseFlagValue(f, table[f], v);
  }

  const file = typeof opts.config === 'string' ? opts.config : undefined;
  const fromFile = file !== undefined ? await readConfigFile(file) : {};
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
    if (field !== undefined) throw flagError(table, field, raw[field] as string, e);
  }
  try {
    const config = withOverridesFromInput(base, { ...fromFile, ...fromFlags });
    // a flag that changes nothing is a mistake, not a silent no-op
    if (raw.massSplitting !== undefined && config.darkMatter !== 'pseudoDirac') {
      throw new UsageError(`--mass-splitting ${raw.massSplitting} does not apply to darkMatter ${config.darkMatter}: the splitting is that of --dark-matter pseudoDirac`);
    }
    return { name, config };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const field = flagOf(e);
    if (field !== undefined) throw flagError(table, field, raw[field] as string, e);
    if (file !== undefined && e.field === 'kind' && (fromFile.kind === 'collider' || fromFile.kind === 'fixedTarget')) {
      const same = EXPERIMENT_NAMES.filter((k) => EXPERIMENTS[k].config.kind === fromFile.kind);
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
