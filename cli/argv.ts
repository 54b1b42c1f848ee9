/**
 * Checks on the command line that commander leaves to the program: an option
 * that takes one value given twice (`--lumi 5 --lumi 6` would silently keep
 * the last) is a one-line error. Options meant to repeat (`--compare`) are
 * listed in {@link REPEATABLE} or say "repeatable" in their help.
 */
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
