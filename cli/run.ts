/**
 * Runs the CLI on an argument vector and returns the exit status: 0 done,
 * 2 a user mistake, 1 an internal fault or a failure of the system (a full
 * disk); every error is one line on stderr (`vanish: error: …`), never a
 * stack trace (see {@link errorLine}).
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { EXIT_USAGE, InterruptedError, UsageError, brief, errorLine, interruptedStatus } from './errors.js';
import { StdoutClosed, type Io } from './io.js';
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
  try {
    const program = await buildProgram(lib, io, packageVersion(), argv);
    // `vanish help NAME` of a command that does not exist: commander would print the whole help.
    if (argv[0] === 'help' && argv[1] !== undefined && !program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]))) {
      throw new UsageError(`unknown command '${argv[1]}' (vanish --help lists the commands)`);
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    // The reader of stdout has gone (`vanish reach | head`): what it wanted was written.
    if (e instanceof StdoutClosed) return 0;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : EXIT_USAGE;
      io.stderr(`vanish: error: ${brief(e.message.replace(/^error: /, ''))}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InterruptedError) {
      io.stderr(`vanish: ${e.message}\n`);
      return interruptedStatus(e);
    }
    const { line, status } = errorLine(e);
    io.stderr(line);
    return status;
  }
}
