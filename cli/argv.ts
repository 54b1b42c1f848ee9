/**
 * Checks on the command line that commander leaves to the program: an option
 * that takes one value given twice (`--lumi 5 --lumi 6` would silently keep
 * the last) is a one-line error. Options meant to repeat (`--compare`) are
 * listed in {@link REPEATABLE} or say "repeatable" in their help.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { UsageError, quote } from './errors.js';

/** Options that may be given more than once (also any whose help says "repeatable"). */
export const REPEATABLE = new Set(['compare', 'compare-region', 'vary']);

/** Makes every single-value option of `cmd` and its subcommands an error when given twice. */
export function rejectRepeatedOptions(cmd: Command): void {
  for (const opt of cmd.options) {
    const name = opt.name();
    if (REPEATABLE.has(name) || /repeatable/i.test(opt.description) || opt.variadic || name === 'help' || name === 'version') continue;
    let first: string | undefined;
    let seen = false;
    cmd.on(`option:${name}`, (value?: string) => {
      if (seen) {
        const values = value === undefined ? '' : ` (${quote(String(first))}, then ${quote(String(value))})`;
        throw new UsageError(`${opt.long ?? opt.short} is given twice${values}: give it once`);
      }
      seen = true;
      first = value;
    });
  }
  for (const sub of cmd.commands) rejectRepeatedOptions(sub);
}

/** Names of image files: `--output` writes text, so such a name is a mistake for `--plot`. */
const FIGURE_EXTENSIONS: readonly string[] = ['.png', '.svg', '.pdf'];

/** The formats an output file's extension implies. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, string>> = { '.csv': 'csv', '.json': 'json' };

/**
 * `--output` named `*.csv` or `*.json` implies `--format csv` or `json` when no `--format` is given
 * (a CSV file holding the text table is never what was meant), and contradicts a different `--format`
 * given with it (a one-line error); a .png, .svg or .pdf name is refused (a figure is `--plot`'s). Run
 * before a command's action (commander's preAction hook).
 */
export function formatFromOutput(cmd: Command): void {
  const option = cmd.options.find((o) => o.long === '--format');
  const output: unknown = cmd.getOptionValue('output');
  if (!option || typeof output !== 'string' || output === '-') return;
  const ext = extname(output).toLowerCase();
  if (FIGURE_EXTENSIONS.includes(ext)) {
    const plot = cmd.options.some((o) => o.long === '--plot');
    throw new UsageError(
      `--output ${quote(output)} would hold the ${String(cmd.getOptionValue('format'))} text, not an image: ` +
        (plot ? `a figure is written with --plot ${quote(output)} (png, svg or pdf)` : `vanish ${cmd.name()} draws no figure (vanish reach, scan and merge do, with --plot)`),
    );
  }
  const implied = Object.hasOwn(FORMAT_OF_EXTENSION, ext) ? FORMAT_OF_EXTENSION[ext] : undefined;
  if (implied === undefined || (option.argChoices && !option.argChoices.includes(implied))) return;
  const given: unknown = cmd.getOptionValue('format');
  const source = cmd.getOptionValueSource('format');
  if (source === undefined || source === 'default') {
    cmd.setOptionValueWithSource('format', implied, 'implied');
  } else if (given !== implied) {
    throw new UsageError(`--format ${String(given)} does not match --output ${quote(output)}: a ${ext} file holds ${implied}; give --format ${implied}, or another file name`);
  }
}
