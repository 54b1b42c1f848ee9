/**
 * What the subcommands share: the context they run in, the `--format` and
 * `--output` options, and {@link experimentCommand}, which adds the
 * experiment options (`--experiment`, `--config`, field flags) and resolves
 * the configuration before the command's own action runs.
 */
import { Option, type Command } from 'commander';
import { addExperimentOptions, resolveExperiment, type ResolvedExperiment } from '../experiment.js';
import type { Io } from '../io.js';
import type { Library } from '../library.js';
import { checkOutputs, outputOf } from '../outputs.js';

/** commander's parsed options of a command. */
export type Opts = Record<string, unknown>;

/** What every subcommand is given: the physics library and the streams. */
export interface CommandContext {
  lib: Library;
  io: Io;
}

/** A subcommand: adds itself to the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

export const PRECEDENCE_HELP =
  'Configuration: the experiment (--experiment, default belle2), then the --config file, then the flags (each overrides the one before).';

export function formatOption(choices: string[]): Option {
  return new Option('--format <format>', 'what to print').choices(choices).default('table');
}

export function outputOption(): Option {
  return new Option('-o, --output <file>', 'write the result to this file instead of stdout (whole or not at all; a .csv or .json name implies --format csv or json)');
}

/** The `--output` file of a command (undefined for stdout). */
export const outputFile = (opts: Opts): string | undefined => (typeof opts.output === 'string' ? opts.output : undefined);

/**
 * Adds a command with the shared options and an action that first checks
 * `--output` and resolves the configuration.
 * @param fields the config fields that get a flag on this command (see `flag` in src/config/fields.ts)
 */
export function experimentCommand(
  parent: Command,
  name: string,
  description: string,
  fields: readonly string[],
  formats: string[],
  action: (experiment: ResolvedExperiment, opts: Opts, cmd: Command) => Promise<void>,
  ownOptions: (cmd: Command) => void = () => {},
): Command {
  const cmd = parent.command(name).description(description);
  ownOptions(cmd);
  addExperimentOptions(cmd, fields);
  cmd.addOption(formatOption(formats)).addOption(outputOption());
  cmd.action(async (opts: Opts, self: Command) => {
    // --format hepdata names a directory, which that command checks
    if (opts.format !== 'hepdata') checkOutputs(outputOf(opts));
    await action(await resolveExperiment(opts, fields), opts, self);
  });
  return cmd;
}
