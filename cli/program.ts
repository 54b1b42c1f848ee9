/**
 * The `vanish` command line: the program with its top-level help; each
 * subcommand lives in its own file in `cli/commands/` (listed in
 * `cli/commands/index.ts`), loaded only when the command line needs it. Every command that takes a configuration works
 * for any built-in experiment (`--experiment`), collider or fixed target.
 * Actions validate every input before computing, then write results to stdout
 * or, with `--output`, to a file written whole or not at all.
 */
import { Command } from 'commander';
import { formatFromOutput, rejectRepeatedOptions } from './argv.js';
import { commandsFor } from './commands/index.js';
import { PRECEDENCE_HELP } from './commands/shared.js';
import type { Io } from './io.js';
import type { Library } from './library.js';

/**
 * Builds the program for `argv` (with the command it names, or every command when it names none);
 * `lib` does the physics, `io` receives the output.
 */
export async function buildProgram(lib: Library, io: Io, version: string, argv: readonly string[]): Promise<Command> {
  const program = new Command('vanish');
  program
    .description(
      "Reach of searches for an invisible dark photon A' made by leptons showering in a calorimeter or thick target: " +
        'the Belle II "disappearing positron track" channel (Liang, Liu & Yang), other e+e- colliders, ' +
        'and fixed-target beams such as NA64 (vanish experiments lists them).',
    )
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      [
        '',
        'Units: masses in GeV (or with a unit: 66MeV, 500keV, 1GeV), luminosity in ab⁻¹,',
        'energies in GeV; event counts are expected numbers of events.',
        'Experiments: vanish experiments lists the built-in ones (--experiment NAME).',
        PRECEDENCE_HELP,
        'Config file fields, units and defaults: vanish config --help.',
        'Exit status: 0 done, 2 a mistake in the command line or configuration (one line, nothing written),',
        '1 a failure of the system (a full disk) or an internal error (one line, nothing written),',
        '130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM (nothing written).',
        '',
        'Examples:',
        '  vanish reach --plot reach.svg',
        '  vanish reach --mass-min 50MeV --mass-max 100MeV --points 50 --format csv -o reach.csv',
        '  vanish yield --mass 66MeV --alpha-d 0.01 --format json',
        '  vanish background --energy-cut 0.1',
        '  vanish experiments',
        '  vanish reach --experiment na64-2019 --compare NA64=published.txt --plot na64.svg',
      ].join('\n'),
    );
  const registers = await Promise.all(commandsFor(argv).map((c) => c.load()));
  for (const register of registers) register(program, { lib, io });
  rejectRepeatedOptions(program);
  program.hook('preAction', (_program, action) => formatFromOutput(action));
  return program;
}
