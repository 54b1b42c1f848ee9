/**
 * The `vanish` command line: subcommands flux, background, yield, reach and
 * config, built with commander. Actions validate every input before
 * computing, then write results to stdout or, with `--output`, to a file
 * written whole or not at all.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { parseMass } from '../src/config/quantity.js';
import { FIELDS, type ConfigField, type ExperimentConfig } from '../src/config/schema.js';
import { PRESETS } from '../src/config/presets.js';
import { stringify as toYaml } from 'yaml';
import * as fmt from '../src/format/index.js';
import { reachPlot } from '../src/plot/reachPlot.js';
import { alignColumns } from '../src/format/table.js';
import { isDirectory, writeFilesAtomic, type OutputFile } from './atomicWrite.js';
import { readComparison } from './compare.js';
import { UsageError, describeFsError } from './errors.js';
import { addExperimentOptions, resolveExperiment, type FlagField } from './experiment.js';
import { printWarnings, progressLine, type Io } from './io.js';
import type { Library } from './library.js';
import { resolveMasses } from './masses.js';

const MASS_UNITS_HELP = "Masses are in GeV, or a number with a unit: 66MeV, 66 MeV, 500keV, 1GeV.";
const PRECEDENCE_HELP = 'Configuration: the preset, then the --config file, then the flags (each overrides the one before).';

type Opts = Record<string, unknown>;

/** Checks where an output will go before anything is computed. */
async function checkOutputPath(flag: string, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  if (!(await isDirectory(dir))) throw new UsageError(`${flag} ${file} cannot be written (no such directory ${dir}): give a path in an existing directory`);
  if (await isDirectory(file)) throw new UsageError(`${flag} ${file} is a directory: give a file name`);
}

/** Where text results go: stdout, or a file with `--output`. */
async function deliver(io: Io, output: string | undefined, text: string, extra: OutputFile[] = []): Promise<void> {
  const files = [...(output !== undefined && output !== '-' ? [{ path: output, data: text }] : []), ...extra];
  try {
    await writeFilesAtomic(files);
  } catch (e) {
    const dest = (e as NodeJS.ErrnoException).path ?? '';
    const flag = dest === output ? '--output' : '--plot';
    throw new UsageError(`${flag} ${dest} cannot be written (${describeFsError(e)}): give a writable path`);
  }
  if (output === undefined || output === '-') io.stdout(text);
}

function formatOption(choices: string[]): Option {
  return new Option('--format <format>', 'what to print').choices(choices).default('table');
}

function outputOption(): Option {
  return new Option('-o, --output <file>', 'write the result to this file instead of stdout (whole or not at all)');
}

/** Adds the shared options and an action that first resolves the configuration. */
function experimentCommand(
  parent: Command,
  name: string,
  description: string,
  fields: FlagField[],
  formats: string[],
  action: (config: ExperimentConfig, opts: Opts, cmd: Command) => Promise<void>,
  ownOptions: (cmd: Command) => void = () => {},
): Command {
  const cmd = parent.command(name).description(description);
  ownOptions(cmd);
  addExperimentOptions(cmd, fields);
  cmd.addOption(formatOption(formats)).addOption(outputOption());
  cmd.action(async (opts: Opts, self: Command) => {
    if (typeof opts.output === 'string' && opts.output !== '-') await checkOutputPath('--output', opts.output);
    const config = resolveExperiment(opts, fields);
    await action(config, opts, self);
  });
  return cmd;
}

/** `vanish config --help`: every field with its unit, allowed range and belle2 value. */
function fieldsHelp(): string {
  const rows = (Object.keys(FIELDS) as ConfigField[]).map((k) => [
    `  ${k}`,
    String(PRESETS.belle2[k]),
    FIELDS[k].unit,
    `${FIELDS[k].label}; ${FIELDS[k].allowed}`,
  ]);
  return ['', 'Config fields (for --config files; belle2 values):', ...alignColumns(rows, ['l', 'r', 'l', 'l'])].join('\n');
}

/** Builds the program; `lib` does the physics, `io` receives the output. */
export function buildProgram(lib: Library, io: Io, version: string): Command {
  const program = new Command('vanish');
  program
    .description(
      'Reach of dark-sector searches in which collision products hit the detector: the Belle II ' +
        '"disappearing positron track" channel (Liang, Liu & Yang) for an invisible dark photon A\'.',
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
        PRECEDENCE_HELP,
        'Config file fields, units and defaults: vanish config --help.',
        'Exit status: 0 done, 2 a mistake in the command line or configuration, 1 an internal error.',
        '',
        'Examples:',
        '  vanish reach --plot reach.svg',
        '  vanish reach --mass-min 50MeV --mass-max 100MeV --points 50 --format csv -o reach.csv',
        '  vanish yield --mass 66MeV --alpha-d 0.01 --format json',
        '  vanish background --energy-cut 0.1',
      ].join('\n'),
    );

  experimentCommand(program, 'flux', 'Bhabha positrons entering the calorimeter barrel and their energy range (paper Sec. III)', ['lumi'], ['table', 'csv', 'json'], async (config, opts) => {
    const f = lib.computeFlux(config);
    const text = opts.format === 'json' ? fmt.fluxToJson(f) : opts.format === 'csv' ? fmt.fluxToCsv(f) : fmt.fluxToTable(f);
    await deliver(io, opts.output as string | undefined, text);
  }).addHelpText('after', `\nEnergies in GeV, cross-section in pb.\n${PRECEDENCE_HELP}`);

  experimentCommand(program, 'background', 'photon and neutron background events N_b (paper Sec. IV)', ['lumi', 'energyCut'], ['table', 'csv', 'json'], async (config, opts) => {
    const b = lib.computeBackground(config);
    printWarnings(io, b.warnings);
    const text = opts.format === 'json' ? fmt.backgroundToJson(b) : opts.format === 'csv' ? fmt.backgroundToCsv(b) : fmt.backgroundToTable(b);
    await deliver(io, opts.output as string | undefined, text);
  }).addHelpText('after', `\nEvents are expected numbers for the configured luminosity.\n${PRECEDENCE_HELP}`);

  const allFlags: FlagField[] = ['lumi', 'alphaD', 'massRatio', 'energyCut'];

  experimentCommand(program, 'yield', "signal events at one dark-photon mass, at ε = 1 (paper Eqs. 11–12; events scale as ε²)", allFlags, ['table', 'csv', 'json'], async (config, opts) => {
    const mass = parseMass(String(opts.mass), '--mass');
    const y = await lib.computeYield(config, mass);
    const text = opts.format === 'json' ? fmt.yieldToJson(y) : opts.format === 'csv' ? fmt.yieldToCsv(y) : fmt.yieldToTable(y);
    await deliver(io, opts.output as string | undefined, text);
  }, (cmd) => cmd.requiredOption('--mass <mass>', "dark-photon mass m_A', in GeV or with a unit (66MeV)"))
    .addHelpText('after', `\n${MASS_UNITS_HELP}\n${PRECEDENCE_HELP}`);

  const reach = experimentCommand(
    program,
    'reach',
    "expected 90% CL upper limit on the kinetic mixing ε against the dark-photon mass m_A' (paper Fig. 2)",
    allFlags,
    ['table', 'csv', 'json', 'hepdata'],
    async (config, opts, cmd) => {
      const given = (k: string) => cmd.getOptionValueSource(k) === 'cli';
      const req = resolveMasses(
        {
          massMin: String(opts.massMin),
          massMax: String(opts.massMax),
          points: String(opts.points),
          masses: opts.masses as string | undefined,
          given: { massMin: given('massMin'), massMax: given('massMax'), points: given('points') },
        },
        lib.logGrid,
      );
      const plotFile = opts.plot as string | undefined;
      if (plotFile !== undefined) {
        if (!/\.(svg|png)$/i.test(plotFile)) {
          throw new UsageError(`--plot ${plotFile} has an unsupported extension: allowed are .svg and .png`);
        }
        await checkOutputPath('--plot', plotFile);
      }
      const compare = (opts.compare as string[] | undefined) ?? [];
      if (compare.length > 0 && plotFile === undefined) throw new UsageError('--compare needs --plot: comparison curves are drawn in the figure');
      const comparisons = compare.map(readComparison);
      const progress = progressLine(io, 'reach');
      let r;
      try {
        r = await lib.computeReach(config, req.masses, { includeEdges: req.includeEdges, onProgress: progress.update });
      } finally {
        progress.end();
      }
      printWarnings(io, r.warnings);
      const text =
        opts.format === 'json'
          ? fmt.reachToJson(r)
          : opts.format === 'csv'
            ? fmt.reachToCsv(r)
            : opts.format === 'hepdata'
              ? fmt.reachToHepData(r)
              : fmt.reachToTable(r);
      const extra: OutputFile[] = [];
      if (plotFile !== undefined) {
        const svg = reachPlot(r, { comparisons });
        const png = /\.png$/i.test(plotFile);
        // resvg is loaded only when a PNG is asked for.
        extra.push({ path: plotFile, data: png ? (await import('./png.js')).svgToPng(svg) : svg });
      }
      await deliver(io, opts.output as string | undefined, text, extra);
    },
    (cmd) =>
      cmd
        .addOption(new Option('--mass-min <mass>', "lightest m_A' of the log grid, GeV or with a unit").default('1MeV'))
        .addOption(new Option('--mass-max <mass>', "heaviest m_A' of the log grid, GeV or with a unit").default('1GeV'))
        .addOption(new Option('--points <n>', 'masses in the log grid (the kinematic edges in range are added)').default('200'))
        .option('--masses <list>', 'comma-separated masses instead of the grid, e.g. 60MeV,66MeV,0.07 (no edges added)')
        .option('--plot <file>', 'also draw the reach figure to FILE.svg or FILE.png (PNG at 2× scale)')
        .option(
          '--compare <label=file>',
          'add a grey comparison curve to the figure from a file of two columns, mass_GeV and epsilon (repeatable)',
          (v: string, prev: string[] = []) => [...prev, v],
        ),
  );
  reach.addHelpText(
      'after',
      `\n${MASS_UNITS_HELP}\nYields are events at ε = 1; ε90 solves N_s(ε) = √(Δχ² N_b).\n--format hepdata writes a HEPData table file (YAML).\n${PRECEDENCE_HELP}`,
    );

  const config = program
    .command('config')
    .description('print the configuration in effect (preset < --config file < flags); YAML output is a valid --config file');
  addExperimentOptions(config, allFlags);
  config
    .addOption(formatOption(['table', 'json', 'yaml']))
    .addOption(outputOption())
    .action(async (opts: Opts) => {
      if (typeof opts.output === 'string' && opts.output !== '-') await checkOutputPath('--output', opts.output);
      const c = resolveExperiment(opts, allFlags);
      const text = opts.format === 'json' ? fmt.configToJson(c) : opts.format === 'yaml' ? toYaml(c) : fmt.configToTable(c);
      await deliver(io, opts.output as string | undefined, text);
    })
    .addHelpText('after', fieldsHelp());

  return program;
}
