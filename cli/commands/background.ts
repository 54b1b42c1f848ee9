/** `vanish background`: background events N_b (paper Sec. IV), or a fixed target's given background and Poisson limit. */
import * as fmt from '../formats.js';
import { printWarnings } from '../io.js';
import { deliver } from '../outputs.js';
import { PRECEDENCE_HELP, experimentCommand, outputFile, type RegisterCommand } from './shared.js';

export const registerBackground: RegisterCommand = (program, { lib, io }) => {
  experimentCommand(
    program,
    'background',
    'background events N_b: photons and neutrons for a collider (paper Sec. IV); the given background and the Poisson limit N_up for a fixed target',
    ['lumi', 'energyCut'],
    ['table', 'csv', 'json'],
    async ({ config }, opts) => {
      const b = lib.computeBackground(config);
      printWarnings(io, b.warnings);
      const text = opts.format === 'json' ? fmt.backgroundToJson(b) : opts.format === 'csv' ? fmt.backgroundToCsv(b) : fmt.backgroundToTable(b);
      await deliver(io, outputFile(opts), text);
    },
  ).addHelpText('after', `\nEvents are expected numbers for the configured exposure.\n${PRECEDENCE_HELP}`);
};
