/**
 * The `vanish` command line: subcommands flux, background, yield, reach,
 * config and experiments, built with commander. Every command that takes a
 * configuration works for any built-in experiment (`--experiment`), collider
 * or fixed target. Actions validate every input before
 * computing, then write results to stdout or, with `--output`, to a file
 * written whole or not at all.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { parseMass } from '../src/config/quantity.js';
import { FIELDS, FIXED_TARGET_FIELDS, type FieldInfo } from '../src/config/schema.js';
import { EXPERIMENTS } from '../src/config/presets.js';
import { stringify as toYaml } from 'yaml';
import * as fmt from '../src/format/index.js';
import { reachPlot } from '../src/plot/reachPlot.js';
import { alignColumns } from '../src/format/table.js';
import type { OutputFile } from './atomicWrite.js';
import { rejectRepeatedOptions } from './argv.js';
import { readComparison } from './compare.js';
import { addCrossSectionCommand } from './crossSectionCommand.js';
import { CONFIG_LIMITS_HELP } from './configFile.js';
import { UsageError, quote } from './errors.js';
import { DEFAULT_EXPERIMENT, addExperimentOptions, resolveExperiment, type FlagField, type ResolvedExperiment } from './experiment.js';
import { printWarnings, progressLine, type Io } from './io.js';
import type { Library } from './library.js';
import { massesFromOptions } from './masses.js';
import { addScanCommand } from './commands/scan.js';
import { addMergeCommand } from './commands/merge.js';
import { addServeCommand } from './commands/serve.js';
import { addBandOptions, bandRequest, reachWithBandText } from './band.js';
import { reachBand } from '../src/statistics/reachBand.js';
import { PARALLEL_MASSES, reachInParallel } from './parallelReach.js';
import { parseJobs } from './parallel.js';
import { defaultJobs } from './pool.js';
import { checkOutputs, deliver, type NamedOutput } from './outputs.js';

const MASS_UNITS_HELP = "Masses are in GeV, or a number with a unit: 66MeV, 66 MeV, 500keV, 1GeV.";
const PRECEDENCE_HELP =
  'Configuration: the experiment (--experiment, default belle2), then the --config file, then the flags (each overrides the one before).';

type Opts = Record<string, unknown>;

/** Checks where an output will go before anything is computed (one path; see {@link checkOutputs} for several). */
export async function checkOutputPath(flag: string, file: string): Promise<void> {
  checkOutputs([{ flag, path: file }]);
}

export { deliver };

/** The `--output` of a command as an output to check (none for stdout). */
function outputOf(opts: Opts): NamedOutput[] {
  return typeof opts.output === 'string' ? [{ flag: '--output', path: opts.output }] : [];
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
  action: (experiment: ResolvedExperiment, opts: Opts, cmd: Command) => Promise<void>,
  ownOptions: (cmd: Command) => void = () => {},
): Command {
  const cmd = parent.command(name).description(description);
  ownOptions(cmd);
  addExperimentOptions(cmd, fields);
  cmd.addOption(formatOption(formats)).addOption(outputOption());
  cmd.action(async (opts: Opts, self: Command) => {
    checkOutputs(outputOf(opts));
    await action(resolveExperiment(opts, fields), opts, self);
  });
  return cmd;
}

/** `vanish config --help`: every field of each kind with its unit, allowed range and the value of an example experiment. */
function fieldsHelp(): string {
  const section = (title: string, fields: Record<string, FieldInfo>, example: string) => {
    const values = EXPERIMENTS[example].config as unknown as Record<string, unknown>;
    const rows = Object.keys(fields).map((k) => [`  ${k}`, String(values[k]), fields[k].unit, `${fields[k].label}; ${fields[k].allowed}`]);
    return ['', `${title} (for --config files; ${example} values):`, ...alignColumns(rows, ['l', 'r', 'l', 'l'])];
  };
  return [
    ...section('Config fields of a collider', FIELDS, DEFAULT_EXPERIMENT),
    ...section('Config fields of a fixed-target beam', FIXED_TARGET_FIELDS, 'na64-2019'),
    '',
    "A --config file changes the fields of the chosen experiment's kind; `kind` cannot change.",
  ].join('\n');
}

/** `vanish experiments`: the built-in experiments with their kind, title and source. */
function experimentsText(format: string): string {
  const list = Object.entries(EXPERIMENTS).map(([name, e]) => ({ name, kind: e.config.kind, title: e.title, source: e.source, config: e.config }));
  if (format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
  const rows = [['name', 'kind', 'title', 'source'], ...list.map((e) => [e.name, e.kind, e.title, e.source])];
  return `${alignColumns(rows, ['l', 'l', 'l', 'l']).join('\n')}\n`;
}

/** Builds the program; `lib` does the physics, `io` receives the output. */
export function buildProgram(lib: Library, io: Io, version: string): Command {
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
        '1 a failure of the system (a full disk) or an internal error (one line, nothing written).',
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

  experimentCommand(
    program,
    'flux',
    'leptons entering the target (Bhabha positrons in the barrel for a collider, paper Sec. III; the beam for a fixed target) and their energy range',
    ['lumi'],
    ['table', 'csv', 'json'],
    async ({ config }, opts) => {
      const f = lib.computeFlux(config);
      const text = opts.format === 'json' ? fmt.fluxToJson(f) : opts.format === 'csv' ? fmt.fluxToCsv(f) : fmt.fluxToTable(f);
      await deliver(io, opts.output as string | undefined, text);
    },
  ).addHelpText(
    'after',
    `\nEnergies in GeV, cross-section in pb; --format json and csv call the leptons "positrons" whatever they are, "particle" says which.\n${PRECEDENCE_HELP}`,
  );

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
      await deliver(io, opts.output as string | undefined, text);
    },
  ).addHelpText('after', `\nEvents are expected numbers for the configured exposure.\n${PRECEDENCE_HELP}`);

  const allFlags: FlagField[] = ['lumi', 'alphaD', 'massRatio', 'energyCut', 'electronMotion', 'statistics', 'radiativeAnnihilation', 'analysis'];

  experimentCommand(program, 'yield', "signal events at one dark-photon mass, at ε = 1 (paper Eqs. 11–12; events scale as ε²)", allFlags, ['table', 'csv', 'json'], async ({ config }, opts) => {
    const mass = parseMass(String(opts.mass), '--mass');
    const y = await lib.computeYield(config, mass);
    const text = opts.format === 'json' ? fmt.yieldToJson(y) : opts.format === 'csv' ? fmt.yieldToCsv(y) : fmt.yieldToTable(y);
    await deliver(io, opts.output as string | undefined, text);
  }, (cmd) => cmd.requiredOption('--mass <mass>', "dark-photon mass m_A', in GeV or with a unit (66MeV)"))
    .addHelpText('after', `\n${MASS_UNITS_HELP}\n${PRECEDENCE_HELP}`);

  const reach = experimentCommand(
    program,
    'reach',
    "expected upper limit (90% CL) on the kinetic mixing ε against the dark-photon mass m_A' (paper Fig. 2), optionally beside published curves",
    allFlags,
    ['table', 'csv', 'json', 'hepdata'],
    async ({ config }, opts, cmd) => {
      const req = massesFromOptions(opts, cmd, lib.logGrid);
      const plotFile = opts.plot as string | undefined;
      if (plotFile !== undefined) {
        if (!/\.(svg|png)$/i.test(plotFile)) {
          throw new UsageError(`--plot ${quote(plotFile)} has an unsupported extension: allowed are .svg and .png`);
        }
        checkOutputs([...outputOf(opts), { flag: '--plot', path: plotFile }]);
      }
      const bandAsked = bandRequest(config, opts);
      const compare = (opts.compare as string[] | undefined) ?? [];
      const comparisons = compare.map(readComparison);
      const asked = comparisons.length > 0 ? comparisons : undefined;
      const progress = progressLine(io, 'reach');
      let r;
      try {
        // Worker threads pay for long curves only (each builds its own tables first).
        const jobs = opts.jobs !== undefined ? parseJobs(String(opts.jobs)) : req.masses.length >= PARALLEL_MASSES ? defaultJobs() : 1;
        r =
          jobs > 1
            ? await reachInParallel(lib, config, req.masses, req.includeEdges, jobs, progress.update)
            : await lib.computeReach(config, req.masses, { includeEdges: req.includeEdges, onProgress: progress.update });
      } finally {
        progress.end();
      }
      printWarnings(io, r.warnings);
      const band = bandAsked ? reachBand(r, bandAsked) : undefined;
      if (band) printWarnings(io, band.warnings);
      const plain =
        opts.format === 'json'
          ? fmt.reachToJson(r, asked)
          : opts.format === 'csv'
            ? fmt.reachToCsv(r, comparisons)
            : opts.format === 'hepdata'
              ? fmt.reachToHepData(r)
              : fmt.reachToTable(r, comparisons);
      const text = band ? reachWithBandText(r, band, String(opts.format), plain, asked) : plain;
      const extra: (OutputFile & { flag: string })[] = [];
      if (plotFile !== undefined) {
        const svg = reachPlot(r, { comparisons, ...(band ? { band: { epsilon90: band.points.map((p) => p.epsilon90), label: band.kind, best: band.best.epsilon90 } } : {}) });
        const png = /\.png$/i.test(plotFile);
        // resvg is loaded only when a PNG is asked for.
        extra.push({ flag: '--plot', path: plotFile, data: png ? (await import('./png.js')).svgToPng(svg) : svg });
      }
      await deliver(io, opts.output as string | undefined, text, extra);
    },
    (cmd) =>
      addBandOptions(cmd)
        .option('--jobs <n>', `worker threads for the masses (default: every core from ${PARALLEL_MASSES} masses on, else 1); the result does not depend on it`)
        .addOption(new Option('--mass-min <mass>', "lightest m_A' of the log grid, GeV or with a unit").default('1MeV'))
        .addOption(new Option('--mass-max <mass>', "heaviest m_A' of the log grid, GeV or with a unit").default('1GeV'))
        .addOption(new Option('--points <n>', 'masses in the log grid (the kinematic edges in range are added)').default('200'))
        .option('--masses <list>', 'comma-separated masses instead of the grid, e.g. 60MeV,66MeV,0.07 (no edges added)')
        .option('--plot <file>', 'also draw the reach figure to FILE.svg or FILE.png (PNG at 2× scale)')
        .option(
          '--compare <label=file>',
          'a published curve to compare with, from a file of two columns, mass_GeV and epsilon (# comments), or a vanish reach CSV; ' +
            'LABEL=FILE or FILE (labelled by its name); drawn in grey with --plot, listed as "comparisons" in JSON (repeatable)',
          (v: string, prev: string[] = []) => [...prev, v],
        ),
  );
  reach.addHelpText(
      'after',
      `\n${MASS_UNITS_HELP}\nYields are events at ε = 1; ε90 solves N_s(ε) = √(Δχ² N_b) for a collider, N_s(ε) = N_up (Poisson CLs) for a fixed target.\n` +
        `--format hepdata writes a HEPData table file (YAML); comparison curves are not in it.\n${PRECEDENCE_HELP}`,
    );

  addScanCommand(program, lib, io, allFlags);
  addMergeCommand(program, io);
  addServeCommand(program, lib, io);

  const config = program
    .command('config')
    .description('print the configuration in effect (experiment < --config file < flags); YAML output is a valid --config file for the same --experiment');
  addExperimentOptions(config, allFlags);
  config
    .addOption(formatOption(['table', 'json', 'yaml']))
    .addOption(outputOption())
    .action(async (opts: Opts) => {
      checkOutputs(outputOf(opts));
      const { name, config: c } = resolveExperiment(opts, allFlags);
      const yaml = () => `# vanish config, experiment ${name}: use with --experiment ${name} --config FILE\n${toYaml(c)}`;
      const text = opts.format === 'json' ? fmt.configToJson(c) : opts.format === 'yaml' ? yaml() : fmt.configToTable(c);
      await deliver(io, opts.output as string | undefined, text);
    })
    .addHelpText('after', `${fieldsHelp()}\n${CONFIG_LIMITS_HELP}`);

  program
    .command('experiments')
    .description('list the built-in experiments (for --experiment) with their kind, title and source')
    .addOption(formatOption(['table', 'json']))
    .addOption(outputOption())
    .action(async (opts: Opts) => {
      checkOutputs(outputOf(opts));
      await deliver(io, opts.output as string | undefined, experimentsText(String(opts.format)));
    })
    .addHelpText('after', '\n--format json gives [{name, kind, title, source, config}], config with every field.');

  addCrossSectionCommand(program, io);

  rejectRepeatedOptions(program);
  return program;
}
