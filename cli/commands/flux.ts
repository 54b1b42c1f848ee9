/** `vanish flux`: the leptons entering the target (paper Sec. III) and their energy range. */
import * as fmt from '../formats.js';
import { deliver } from '../outputs.js';
import { PRECEDENCE_HELP, experimentCommand, outputFile, type RegisterCommand } from './shared.js';

export const registerFlux: RegisterCommand = (program, { lib, io }) => {
  experimentCommand(
    program,
    'flux',
    'leptons entering the target (Bhabha positrons in the barrel for a collider, paper Sec. III; the beam for a fixed target) and their energy range',
    ['lumi'],
    ['table', 'csv', 'json'],
    async ({ config }, opts) => {
      const f = lib.computeFlux(config);
      const text = opts.format === 'json' ? fmt.fluxToJson(f) : opts.format === 'csv' ? fmt.fluxToCsv(f) : fmt.fluxToTable(f);
      await deliver(io, outputFile(opts), text);
    },
  ).addHelpText(
    'after',
    `\nEnergies in GeV, cross-section in pb; --format json and csv call the leptons "positrons" whatever they are, "particle" says which.\n${PRECEDENCE_HELP}`,
  );
};
