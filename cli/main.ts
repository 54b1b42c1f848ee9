/**
 * Entry point of the `vanish` command (bin/vanish.js): wires the physics
 * library and the process's streams into {@link run}, and makes sure that
 * nothing, not even an error outside the command's own code, ends in a
 * stack trace or leaves a temporary file behind.
 */
import { computeBackground, computeFlux, computeYield } from '../src/analysis.js';
import { computeReach, logGrid } from '../src/reach.js';
import { removeTempFiles } from './atomicWrite.js';
import { errorLine } from './errors.js';
import { processIo } from './io.js';
import { run } from './run.js';
import { installStoredTables } from '../src/node/storedTables.js';

/** Last resort for an error thrown outside {@link run} (an event handler, a stray promise). */
function fatal(e: unknown): never {
  removeTempFiles();
  processIo.stderr(errorLine(e).line);
  process.exit(1);
}

/** Runs `vanish` with `process.argv` and returns the exit status. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  process.on('exit', removeTempFiles);
  // the tables the build stored for the presets' configurations (dist/tables/), where they fit
  installStoredTables();
  // The computations the commands call, imported one by one: the library's index also brings the
  // figure and HEPData writers (d3, YAML), which the CLI loads only when a command asks for them.
  return run(argv, processIo, { computeFlux, computeBackground, computeYield, computeReach, logGrid });
}
