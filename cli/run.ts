/**
 * Runs the CLI on an argument vector and returns the exit status: 0 done,
 * 2 a user mistake (one line `vanish: error: …` on stderr, no stack),
 * 1 an internal error (with its stack).
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, InterruptedError, firstLine, isUserError } from './errors.js';
import type { Io } from './io.js';
import type { Library } from './library.js';
import { buildProgram } from './program.js';

/** The package version, from the nearest package.json above this module (src and dist layouts differ). */
function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
      if (pkg.name === 'vanish') return String(pkg.version);
    } catch {
      // try the next level up
    }
  }
  return 'unknown';
}

/**
 * @param argv arguments after the program name, e.g. `['reach', '--points', '8']`
 */
export async function run(argv: string[], io: Io, lib: Library): Promise<number> {
  const program = buildProgram(lib, io, packageVersion());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : EXIT_USAGE;
      io.stderr(`vanish: error: ${firstLine(e.message).replace(/^error: /, '')}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InterruptedError) {
      io.stderr(`vanish: ${e.message}\n`);
      return EXIT_INTERRUPTED;
    }
    if (isUserError(e)) {
      io.stderr(`vanish: error: ${firstLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`vanish: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INTERNAL;
  }
}
