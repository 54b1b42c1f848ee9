/**
 * `vanish scan`: the reach of every configuration of a grid of varied config
 * fields (`--vary FIELD=v1,v2 | lin:a:b:n | log:a:b:n`, repeatable), on
 * worker threads (`--jobs`), optionally one shard of it (`--shard K/N`) for a
 * batch system, into one table (table | csv | json | hepdata) and a figure.
 */
import { Option, type Command } from 'commander';
import type { ReachResult } from '../../src/results.js';
import { scanToJson, type ScanResult, type ScanRun } from '../../src/scan/result.js';
import { inShard, parseShard, parseVary, scanGrid, type Vary } from '../../src/scan/vary.js';
import { scanWarningLines } from '../../src/scan/warnings.js';
import type { OutputFile } from '../atomicWrite.js';
import { UsageError } from '../errors.js';
import { addExperimentOptions, resolveExperiment, type FlagField } from '../experiment.js';
import { FIELD_FLAGS } from '../../src/config/fields.js';
import type { Io } from '../io.js';
import type { Library } from '../library.js';
import { addMassOptions, massesFromOptions } from '../masses.js';
import { parseJobs, runTasks } from '../parallel.js';
import { defaultJobs } from '../pool.js';
import { progressBar } from '../progressBar.js';
import path from 'node:path';
import { csvMetadataName } from '../../src/format/csv.js';
import { checkHepDataDir, checkOutputPath, checkOutputs, deliver, deliverToDirectory, isStdout } from '../outputs.js';
import { checkFigureFile, renderFigure } from '../figure.js';
import type { WorkerTask } from '../worker.js';

type Opts = Record<string, unknown>;

/** The figure of a scan: a heat map for two varied fields (unless asked otherwise), else the family of curves. */
export async function scanFigure(s: ScanResult, kind: string): Promise<string> {
  const heat = kind === 'heatmap' || (kind === 'auto' && s.spec.vary.length === 2);
  if (heat && s.spec.vary.length !== 2) {
    throw new UsageError(`--plot-kind heatmap needs exactly two --vary fields, got ${s.spec.vary.length}: use --plot-kind curves`);
  }
  // The figures and the formats (d3, YAML) are loaded when a scan is written, not when vanish starts.
  const { scanCurvesPlot, scanHeatmapPlot } = await import('../../src/scan/plot.js');
  return heat ? scanHeatmapPlot(s) : scanCurvesPlot(s);
}

/** Prints a scan's warnings on stderr, each once with the configurations it comes from (the runs' JSON keeps their own). */
export function printScanWarnings(io: Io, s: ScanResult): void {
  for (const w of scanWarningLines(s.runs, s.spec.vary)) io.stderr(`vanish: warning: ${w}\n`);
}

/** `--plot-kind` given without `--plot` does nothing: a one-line error (as every figure option of `reach`). */
export function checkPlotKind(cmd: Command, opts: Opts): void {
  if (cmd.getOptionValueSource('plotKind') === 'cli' && opts.plot === undefined) {
    throw new UsageError(`--plot-kind ${String(opts.plotKind)} needs --plot FILE: it chooses the kind of that figure`);
  }
}

/** Text of a scan in a format (table, csv or json; hepdata is a directory, {@link deliverScan}). */
export async function scanText(s: ScanResult, format: string): Promise<string> {
  if (format === 'json') return scanToJson(s);
  const { scanToCsv, scanToTable } = await import('../../src/scan/format.js');
  if (format === 'csv') return scanToCsv(s);
  return scanToTable(s);
}

/** The CSVW sidecar a CSV written to a file gets beside it (none for stdout or another format). */
export function scanSidecar(format: string, output: string | undefined): string | undefined {
  return format === 'csv' && !isStdout(output) ? csvMetadataName(output as string) : undefined;
}

/** Checks `--output` (and the CSV's sidecar beside it, or the HEPData directory) before anything is computed. */
export function checkScanOutputs(format: string, output: string | undefined): void {
  if (format === 'hepdata') {
    checkHepDataDir(output);
    return;
  }
  const sidecar = scanSidecar(format, output);
  checkOutputs([
    ...(typeof output === 'string' && output !== '-' ? [{ flag: '--output', path: output }] : []),
    ...(sidecar !== undefined ? [{ flag: '--output', path: sidecar }] : []),
  ]);
}

/**
 * Writes a scan in a format to `--output` or stdout, with the CSV's sidecar and the `extra` files (a figure), all or nothing;
 * hepdata: a submission directory `--output` (submission.yaml and its tables), with the extra files, all or nothing.
 * @param version the vanish version, for a HEPData submission's comment
 */
export async function deliverScan(io: Io, s: ScanResult, format: string, output: string | undefined, extra: OutputFile[], version = ''): Promise<void> {
  if (format === 'hepdata') {
    const dir = output as string;
    const { scanToHepDataSubmission } = await import('../../src/scan/format.js');
    const files = scanToHepDataSubmission(s, version).map((f) => ({ flag: '--output', path: path.join(dir, f.name), data: f.text }));
    await deliverToDirectory(io, dir, [...files, ...extra]);
    return;
  }
  const sidecar = scanSidecar(format, output);
  const files = [...extra];
  if (sidecar !== undefined) {
    const { scanCsvMetadataJson } = await import('../../src/scan/format.js');
    files.push({ path: sidecar, data: scanCsvMetadataJson(s, path.basename(output as string)) });
  }
  await deliver(io, output, await scanText(s, format), files);
}

/** Checks a --plot file name (.svg, .png or .pdf, in an existing directory). */
export async function checkPlot(file: string | undefined): Promise<void> {
  if (file === undefined) return;
  checkFigureFile(file);
  checkOutputPath('--plot', file);
}

/** The figure's file: SVG as is, PNG (resvg) or PDF (PDFKit), each renderer loaded only for its format. */
export async function plotFile(file: string, svg: string): Promise<OutputFile> {
  return { path: file, data: await renderFigure(file, svg) };
}

export function addScanCommand(program: Command, lib: Library, io: Io, flags: FlagField[]): Command {
  const cmd = program
    .command('scan')
    .description('the reach over a grid of configurations: vary any config fields over lists, linear or log ranges, on every core; one table and a figure');
  addMassOptions(cmd, 'the kinematic edges in range are added per configuration');
  cmd
    .option(
      '--vary <FIELD=SPEC>',
      'a config field and its values: FIELD=v1,v2,… (numbers, names, null), FIELD=lin:a:b:n or FIELD=log:a:b:n (n values from a to b); repeatable, the grid is every combination (the first --vary varies slowest)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--jobs <n>', `worker threads (default: the number of cores, here ${defaultJobs()}); results do not depend on it`)
    .option('--shard <K/N>', 'compute only the K-th of N deterministic parts of the grid (configurations K, K+N, K+2N, … counting from 1), as scan JSON for vanish merge')
    .option('--plot <file>', 'also draw the figure to FILE.svg, FILE.png or FILE.pdf: a heat map of the best reach for two varied fields, else one curve per configuration')
    .addOption(new Option('--plot-kind <kind>', 'figure kind').choices(['auto', 'curves', 'heatmap']).default('auto'));
  addExperimentOptions(cmd, flags);
  cmd
    .addOption(
      new Option('--format <format>', 'what to print (json is what vanish merge reads; --shard writes json; hepdata writes a submission directory -o DIR)').choices([
        'table',
        'csv',
        'json',
        'hepdata',
      ]),
    )
    .addOption(
      new Option(
        '-o, --output <file>',
        'write the result to this file (with --format hepdata: this directory) instead of stdout (whole or not at all; a .csv or .json name implies --format csv or json)',
      ),
    );
  cmd.action(async (opts: Opts, self: Command) => {
    const output = opts.output as string | undefined;
    checkScanOutputs((opts.format as string | undefined) ?? (opts.shard === undefined ? 'table' : 'json'), output);
    const { name, config: base } = await resolveExperiment(opts, flags);
    const specs = (opts.vary as string[] | undefined) ?? [];
    if (specs.length === 0) throw new UsageError('--vary is missing: give at least one FIELD=SPEC, e.g. --vary lumi=1,10,50');
    const varies: Vary[] = specs.map((t) => parseVary(t, base));
    // a flag fixing a field the scan varies would be silently overridden
    for (const v of varies) {
      const flag = typeof opts[v.field] === 'string' && Object.hasOwn(FIELD_FLAGS, v.field) ? FIELD_FLAGS[v.field as FlagField].flag : undefined;
      if (flag) throw new UsageError(`${flag} ${String(opts[v.field])} and --vary ${v.field}=… both set ${v.field}: give one of them`);
    }
    checkPlotKind(self, opts);
    const grid = scanGrid(base, varies);
    const shard = opts.shard === undefined ? undefined : parseShard(String(opts.shard));
    const format = (opts.format as string | undefined) ?? (shard ? 'json' : 'table');
    if (shard && format !== 'json') {
      throw new UsageError(`--shard writes scan JSON for vanish merge, not --format ${format}: drop --format (vanish merge --format ${format} makes the ${format} of the whole scan)`);
    }
    const jobs = opts.jobs === undefined ? defaultJobs() : parseJobs(String(opts.jobs));
    const req = massesFromOptions(opts, self, lib.logGrid);
    const plot = opts.plot as string | undefined;
    await checkPlot(plot);
    if (plot !== undefined && opts.plotKind === 'heatmap' && varies.length !== 2) {
      throw new UsageError(`--plot-kind heatmap needs exactly two --vary fields, got ${varies.length}: use --plot-kind curves`);
    }
    const mine = shard ? grid.filter((p) => inShard(p.index, shard)) : grid;
    if (plot !== undefined && mine.length === 0) throw new UsageError(`--shard ${shard?.index}/${shard?.count} holds no configuration of the ${grid.length}: nothing to plot`);

    const tasks: WorkerTask[] = mine.map((p) => ({ kind: 'reach', config: p.config, masses: req.masses, includeEdges: req.includeEdges }));
    const bar = progressBar(io, 'scan', ` configurations · ${Math.min(jobs, Math.max(tasks.length, 1))} job${jobs > 1 ? 's' : ''}`);
    let reaches: ReachResult[];
    try {
      reaches = await runTasks<ReachResult>(
        tasks,
        jobs,
        (t) => lib.computeReach(t.config, t.masses, { includeEdges: (t as { includeEdges: boolean }).includeEdges }),
        bar.update,
      );
    } finally {
      bar.end();
    }
    const runs: ScanRun[] = mine.map((p, i) => ({ index: p.index, values: p.values, reach: reaches[i] }));
    const scan: ScanResult = {
      spec: { experiment: name, base, vary: varies, masses: req.masses, includeEdges: req.includeEdges },
      total: grid.length,
      ...(shard ? { shard } : {}),
      runs,
    };
    printScanWarnings(io, scan);
    const extra = plot !== undefined ? [await plotFile(plot, await scanFigure(scan, String(opts.plotKind)))] : [];
    await deliverScan(io, scan, format, output, extra, program.version() ?? '');
  });
  cmd.addHelpText(
    'after',
    [
      '',
      'Examples:',
      '  vanish scan --vary lumi=1,10,50 --vary photonVetoInefficiency=log:4.5e-5:4.5e-4:5 --plot heat.svg',
      '  vanish scan --vary alphaD=log:1e-4:0.5:6 --vary massRatio=lin:2.1:5:4 --points 100 --format csv -o grid.csv',
      '  vanish scan --experiment na64-2019 --vary material=Pb,W --vary calorimeterDepth=20,40 --plot-kind curves --plot c.svg',
      '  vanish scan --vary lumi=log:1:50:20 --shard 3/8 -o part3.json     # then: vanish merge part*.json --format csv -o all.csv',
      '',
      'Every configuration is validated before anything is computed. --format csv has one row per mass and one `best` row',
      'per configuration, keyed by the run index and the varied values, header first; written to a file, it gets a',
      'W3C CSVW sidecar FILE.csv-metadata.json (columns, units, the base config, the varied fields, warnings).',
      'json is the exchange format of vanish merge. --format hepdata -o DIR writes a HEPData submission directory: submission.yaml,',
      'the best reach per configuration, then each configuration\'s tables as vanish reach --format hepdata writes them (runK_*.yaml).',
      'Ctrl-C stops the workers and writes nothing.',
    ].join('\n'),
  );
  return cmd;
}
