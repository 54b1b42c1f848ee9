/**
 * `vanish cross-section`: the A′-strahlung cross-section of one lepton on one
 * element or material at one energy and mass, in any model, at ε = 1, plus the
 * other channels that exist for that lepton (resonant annihilation and e+e− → γA′ for e+) —
 * as a table, CSV or JSON. The physics is src/crossSection.ts; this parses and prints.
 */
import { Command, Option } from 'commander';
import { parseDecimal, parseMass } from '../../src/config/quantity.js';
import { ConfigError } from '../../src/config/schema.js';
import { crossSection, type CrossSectionResult } from '../../src/crossSection.js';
import { alignColumns } from '../../src/format/table.js';
import { checkOutputs, deliver } from '../outputs.js';
import { UsageError } from '../errors.js';
import { printWarnings, type Io } from '../io.js';

type Opts = Record<string, string | undefined>;

/** A number typed on the command line, with the flag named in the error. */
function parseNumber(flag: string, text: string, allowed: string, ok: (x: number) => boolean): number {
  const x = parseDecimal(text) ?? NaN;
  if (!ok(x)) throw new UsageError(`${flag} ${JSON.stringify(text)} is not allowed: expected ${allowed}`);
  return x;
}

/** An energy in GeV (a bare number) or with a unit (100GeV, 500MeV); 0 too with `zero`. */
function parseEnergy(flag: string, text: string, zero = false): number {
  try {
    return parseMass(text, flag, zero);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message.replace('is not a mass', 'is not an energy'));
    throw e;
  }
}

/** The flag of each request field, for the library's messages. */
const FLAGS: Record<string, [string, string]> = {
  target: ['target', '--target'],
  mass: ['mass', '--mass'],
  beamEnergy: ['beam energy', '--beam-energy'],
  minEnergy: ['minimum A′ energy', '--min-energy'],
  alphaD: ['alphaD', '--alpha-d'],
  massRatio: ['massRatio', '--mass-ratio'],
};

export function crossSectionText(r: CrossSectionResult, format: string): string {
  if (format === 'json') return `${JSON.stringify({ ...r, unit: 'pb' }, null, 2)}\n`;
  const head = [
    `# vanish cross-section: ${r.beamParticle} of ${r.beamEnergyGeV} GeV on ${r.target} (per ${r.per}), m_A' = ${r.massGeV} GeV,`,
    `# E_A' >= ${Math.max(r.minEnergyGeV, r.massGeV)} GeV, A'-strahlung model ${r.model}, epsilon = 1 (cross-sections scale as epsilon^2)`,
  ];
  if (format === 'csv') {
    // the header first (numpy.genfromtxt(names=True), pandas.read_csv read it as is), the request in
    // columns named as in the JSON
    const rows = r.channels.map((c) =>
      [c.channel, c.crossSectionPb, c.crossSectionError, r.beamParticle, r.beamEnergyGeV, r.target, r.per, r.massGeV, r.minEnergyGeV, r.model].join(','),
    );
    return `${['channel,crossSectionPb,crossSectionError,beamParticle,beamEnergyGeV,target,per,massGeV,minEnergyGeV,model', ...rows].join('\n')}\n`;
  }
  const rows = [
    ['channel', 'σ (pb)', '± (pb)', 'what'],
    ...r.channels.map((c) => [c.channel, c.crossSectionPb.toPrecision(6), c.crossSectionError.toPrecision(2), c.description]),
  ];
  return `${[...head, ...alignColumns(rows, ['l', 'r', 'r', 'l'])].join('\n')}\n`;
}

/** Adds `cross-section` to the program. */
export function addCrossSectionCommand(program: Command, io: Io): Command {
  return program
    .command('cross-section')
    .description(
      "A'-strahlung cross-section of one lepton on one element or material at one energy and A' mass (ε = 1), " +
        "in any model (ww, iww, etl), and for e+ resonant annihilation and e+e- -> gamma A' on the atomic electrons",
    )
    .addOption(new Option('--model <model>', "A'-strahlung model").choices(['ww', 'iww', 'etl']).default('etl'))
    .requiredOption('--target <name>', 'an element symbol (Pb, W, …) or a material (CsI, NA64-ECAL, …)')
    .addOption(new Option('--beam-particle <particle>', 'the lepton').choices(['e-', 'e+']).default('e-'))
    .requiredOption('--beam-energy <energy>', 'lepton energy, GeV (or with a unit: 100GeV)')
    .requiredOption('--mass <mass>', "A' mass, GeV (or with a unit: 100MeV)")
    .option('--min-energy <energy>', "smallest A' energy counted, GeV or with a unit (default: the mass)")
    .option('--alpha-d <value>', 'dark coupling α_D for the annihilation width (Eq. 10)', '0.1')
    .option('--mass-ratio <value>', "m_A'/m_χ for the annihilation width (Eq. 10)", '3')
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'csv', 'json']).default('table'))
    .addOption(new Option('-o, --output <file>', 'write the result to this file instead of stdout (whole or not at all; a .csv or .json name implies --format csv or json)'))
    .addHelpText(
      'after',
      [
        '',
        'Cross-sections are per atom (element) or per formula unit (material), in pb at ε = 1.',
        'A kinematically closed channel gives 0. Example:',
        '  vanish cross-section --model etl --target Pb --beam-particle e- --beam-energy 100 --mass 0.1 --min-energy 0.2 --format json',
      ].join('\n'),
    )
    .action(async (opts: Opts) => {
      const output = opts.output;
      if (output !== undefined) checkOutputs([{ flag: '--output', path: output }]);
      const beamEnergy = parseEnergy('--beam-energy', opts.beamEnergy!);
      const mass = parseMass(opts.mass!, '--mass');
      // GeV, or with a unit like the other energies; 0 too (every A′ energy counted), with or without one
      const minEnergy =
        opts.minEnergy === undefined ? undefined : parseEnergy('--min-energy', opts.minEnergy, true);
      const alphaD = parseNumber('--alpha-d', opts.alphaD!, 'a number with 0 < α_D ≤ 1', (x) => x > 0 && x <= 1);
      const massRatio = parseNumber('--mass-ratio', opts.massRatio!, 'a number > 2', (x) => Number.isFinite(x) && x > 2);
      const request = {
        model: opts.model as 'ww' | 'iww' | 'etl',
        target: opts.target!,
        beamParticle: opts.beamParticle as 'e-' | 'e+',
        beamEnergy,
        mass,
        minEnergy,
        alphaD,
        massRatio,
      };
      let r: CrossSectionResult;
      try {
        r = crossSection(request);
      } catch (e) {
        const names = e instanceof ConfigError && e.field ? FLAGS[e.field] : undefined;
        if (names && e instanceof Error && e.message.startsWith(names[0])) throw new UsageError(names[1] + e.message.slice(names[0].length));
        throw e;
      }
      if (minEnergy !== undefined && minEnergy >= beamEnergy) {
        // kinematically zero (the contract: 0, not an error), but hardly what was meant
        printWarnings(io, [
          `--min-energy ${opts.minEnergy} is not below the beam energy (${beamEnergy} GeV): no A′ carries that much, every cross-section is 0`,
        ]);
      }
      const text = crossSectionText(r, opts.format!);
      await deliver(io, output, text);
    });
}
