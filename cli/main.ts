/**
 * Entry point of the `vanish` command (bin/vanish.js): wires the physics
 * library and the process's streams into {@link run}.
 */
import * as physics from '../src/index.js';
import { processIo } from './io.js';
import { run } from './run.js';

/** Runs `vanish` with `process.argv` and returns the exit status. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  // A closed pipe (`vanish reach | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return run(argv, processIo, physics);
}
