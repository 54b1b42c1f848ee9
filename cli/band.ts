/**
 * `vanish reach --band` (statistical ±1σ/±2σ bands of the expected limit) and
 * `--systematics` (input uncertainties propagated by sampling with a fixed
 * seed; `--uncertainty FIELD=poisson|R|none`, `--samples`, `--seed`): the
 * options, their validation, and the band in each output format.
 */
import type { Command } from 'commander';
import type { AnyExperimentConfig } from '../src/config/schema.js';
import { addBandToCsv, bandToTable, reachWithBandToJson } from '../src/format/band.js';
import type { Comparison } from '../src/format/json.js';
import type { ReachResult } from '../src/results.js';
import { reachBand, type ReachBand } from '../src/statistics/reachBand.js';
import { UNCERTAIN_FIELDS, defaultUncertainties, parseUncertainty, resolveUncertainties } from '../src/statistics/systematics.js';
import { UsageError } from './errors.js';

export function addBandOptions(cmd: Command): Command {
  return cmd
    .option('--band', 'add the ±1σ/±2σ band of the expected limit from statistical fluctuations of the observation (its median is the curve); shaded in --plot')
    .option('--systematics', 'add the band from the input uncertainties (sampled with a fixed seed; with --band, both together)')
    .option(
      '--uncertainty <f=spec>',
      'an input uncertainty for --systematics: FIELD=poisson (a count of simulated events), FIELD=R (relative, 0.3 or 30%; log-normal) or FIELD=none (drops a default); repeatable',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--samples <n>', 'samples for --systematics (default 4000)')
    .option('--seed <n>', 'seed of the sampling for --systematics (default 1)');
}

const whole = (flag: string, text: string, min: number, max: number): number => {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= max)) throw new UsageError(`${flag} ${JSON.stringify(text)} is not allowed: expected a whole number from ${min} to ${max}`);
  return n;
};

/** Validates the band options before anything is computed; undefined when no band is asked for. */
export function bandRequest(config: AnyExperimentConfig, opts: Record<string, unknown>): Parameters<typeof reachBand>[1] | undefined {
  const statistical = opts.band === true;
  const systematics = opts.systematics === true;
  const specs = (opts.uncertainty as string[] | undefined) ?? [];
  for (const [flag, key] of [['--uncertainty', 'uncertainty'], ['--samples', 'samples'], ['--seed', 'seed']] as const) {
    if (!systematics && opts[key] !== undefined) throw new UsageError(`${flag} applies to --systematics: add --systematics (or drop ${flag})`);
  }
  if (!statistical && !systematics) return undefined;
  if (config.analysis === 'spectral') {
    throw new UsageError(`${statistical ? '--band' : '--systematics'} applies to the counting analysis: this configuration has analysis: spectral (a binned likelihood); use analysis: counting for bands`);
  }
  if (!systematics) return { statistical };
  const given = specs.map((t) => parseUncertainty(t, config));
  const uncertainties = resolveUncertainties(config, given);
  if (uncertainties.length === 0) {
    const fields = Object.keys(UNCERTAIN_FIELDS[config.kind]).join(', ');
    throw new UsageError(
      `--systematics has no input uncertainty to propagate${defaultUncertainties(config).length ? '' : ' (this experiment has no defaults)'}: give --uncertainty FIELD=R for one of ${fields}`,
    );
  }
  const samples = opts.samples === undefined ? 4000 : whole('--samples', String(opts.samples), 100, 1_000_000);
  const seed = opts.seed === undefined ? 1 : whole('--seed', String(opts.seed), 0, 2 ** 32 - 1);
  return { statistical, systematics: { uncertainties, samples, seed } };
}

/** The reach's text in a format, with the band. */
export function reachWithBandText(r: ReachResult, band: ReachBand, format: string, text: string, comparisons: readonly Comparison[] | undefined): string {
  if (format === 'json') return reachWithBandToJson(r, band, comparisons);
  if (format === 'csv') return addBandToCsv(text, band);
  return text + bandToTable(band);
}
