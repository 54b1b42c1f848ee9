/** `vanish yield`: signal events at one dark-photon mass, at ε = 1 (paper Eqs. 11–12). */
import { FLAG_FIELDS, MASS_UNITS_HELP, parseMass } from '../../src/config/fields.js';
import * as fmt from '../formats.js';
import { printWarnings } from '../io.js';
import { bareMassWarnings } from '../masses.js';
import { deliver } from '../outputs.js';
import { PRECEDENCE_HELP, experimentCommand, outputFile, type RegisterCommand } from './shared.js';

export const registerYield: RegisterCommand = (program, { lib, io }) => {
  experimentCommand(
    program,
    'yield',
    'signal events at one dark-photon mass, at ε = 1 (paper Eqs. 11–12; events scale as ε²)',
    FLAG_FIELDS,
    ['table', 'csv', 'json'],
    async ({ name, config }, opts) => {
      const mass = parseMass(String(opts.mass), '--mass');
      printWarnings(io, bareMassWarnings([['--mass', String(opts.mass)]], () => lib.computeFlux(config).energyMaxGeV, name));
      const y = await lib.computeYield(config, mass);
      const text = opts.format === 'json' ? fmt.yieldToJson(y) : opts.format === 'csv' ? fmt.yieldToCsv(y) : fmt.yieldToTable(y);
      await deliver(io, outputFile(opts), text);
    },
    (cmd) => cmd.requiredOption('--mass <mass>', "dark-photon mass m_A', in GeV or with a unit (66MeV)"),
  ).addHelpText('after', `\n${MASS_UNITS_HELP}\n${PRECEDENCE_HELP}`);
};
