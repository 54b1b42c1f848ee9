/**
 * The experiment configuration of one CLI run: the preset, overridden by the
 * `--config` file, overridden by the flags (`--lumi`, `--alpha-d`,
 * `--mass-ratio`, `--energy-cut`). Errors name where the bad value came from.
 */
import { Option, type Command } from 'commander';
import { PRESETS } from '../src/config/presets.js';
import { ConfigError, FIELDS, type ConfigField, type ExperimentConfig, withOverrides } from '../src/config/schema.js';
import { readConfigFile } from './configFile.js';
import { UsageError } from './errors.js';

/** The flags that set one config field each, with what the help says. */
export const FIELD_FLAGS = {
  lumi: { flag: '--lumi', arg: '<ab-1>', what: 'integrated luminosity in ab⁻¹' },
  alphaD: { flag: '--alpha-d', arg: '<value>', what: 'dark coupling α_D = g_χ²/4π' },
  massRatio: { flag: '--mass-ratio', arg: '<ratio>', what: "m_A'/m_χ (A' → χχ̄ needs > 2)" },
  energyCut: { flag: '--energy-cut', arg: '<fraction>', what: 'largest fraction of the positron energy deposited in the ECL' },
} as const satisfies Partial<Record<ConfigField, { flag: string; arg: string; what: string }>>;

export type FlagField = keyof typeof FIELD_FLAGS;

const DEFAULT_PRESET = 'belle2';
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Adds `--config`, `--preset` and the given field flags to a command. */
export function addExperimentOptions(cmd: Command, fields: FlagField[]): Command {
  cmd.option('--config <file>', 'YAML or JSON file with any subset of the config fields (listed in `vanish config --help`); overrides the preset');
  cmd.addOption(new Option('--preset <name>', `built-in experiment: ${Object.keys(PRESETS).join(', ')}`).default(DEFAULT_PRESET));
  for (const f of fields) {
    const { flag, arg, what } = FIELD_FLAGS[f];
    cmd.option(`${flag} ${arg}`, `${what}, ${allowedText(f)} (${DEFAULT_PRESET}: ${PRESETS[DEFAULT_PRESET][f]}); overrides --config`);
  }
  return cmd;
}

/** What the schema allows for a field, with its unit: "> 0 ab⁻¹". */
function allowedText(field: ConfigField): string {
  const info = FIELDS[field];
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
function flagError(field: FlagField, raw: string): UsageError {
  return new UsageError(`${FIELD_FLAGS[field].flag} ${raw} is not allowed: ${lowerFirst(FIELDS[field].label)}, allowed ${allowedText(field)}`);
}

/**
 * The validated configuration for the options a command was given.
 * @param opts commander's parsed options (`preset`, `config`, and the field flags as strings)
 */
export function resolveExperiment(opts: Record<string, unknown>, fields: FlagField[]): ExperimentConfig {
  const presetName = String(opts.preset ?? DEFAULT_PRESET);
  const preset = Object.hasOwn(PRESETS, presetName) ? PRESETS[presetName] : undefined;
  if (!preset) throw new UsageError(`--preset ${presetName} is not a preset: allowed presets are ${Object.keys(PRESETS).join(', ')}`);

  const file = typeof opts.config === 'string' ? opts.config : undefined;
  const fromFile = file ? readConfigFile(file) : {};

  const fromFlags: Record<string, number> = {};
  const raw: Partial<Record<FlagField, string>> = {};
  for (const f of fields) {
    const v = opts[f];
    if (typeof v !== 'string') continue;
    raw[f] = v;
    fromFlags[f] = parseNumberFlag(FIELD_FLAGS[f].flag, v, `${FIELD_FLAGS[f].what}, ${allowedText(f)}`);
  }

  // Check the flags alone first, so a bad flag is blamed even if the file is bad too.
  try {
    withOverrides(preset, fromFlags);
  } catch (e) {
    const field = (e as ConfigError).field as FlagField | undefined;
    if (e instanceof ConfigError && field && raw[field] !== undefined) throw flagError(field, raw[field] as string);
  }
  try {
    return withOverrides(preset, { ...fromFile, ...fromFlags });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const field = e.field as FlagField | undefined;
    if (field && raw[field] !== undefined) throw flagError(field, raw[field] as string);
    if (file) throw new UsageError(`--config ${file}: ${e.message}`);
    throw e;
  }
}
