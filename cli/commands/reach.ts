/**
 * `vanish reach`: the expected 90% CL limit on ε against m_A' (paper Fig. 2)
 * over a mass grid, as a table, CSV, JSON or HEPData, optionally with a
 * figure, an uncertainty band and published curves to compare with.
 */
import { FLAG_FIELDS, MASS_UNITS_HELP } from '../../src/config/fields.js';
import * as fmt from '../formats.js';
import { Option } from 'commander';
import { reachBand } from '../../src/statistics/reachBand.js';
import path from 'node:path';
import type { OutputFile } from '../atomicWrite.js';
import { addBandOptions, bandRequest, reachWithBandText } from '../band.js';
import { addBandToCsv, bandCsvMetadata } from '../../src/format/band.js';
import { addFigureOptions, checkFigureFile, figureRequest, renderFigure } from '../figure.js';
import { UsageError, quote } from '../errors.js';
import { printWarnings, progressLine } from '../io.js';
import { addMassOptions, bareMassWarnings, massesFromOptions, typedMasses } from '../masses.js';
import { checkHepDataDir, checkOutputs, deliver, deliverToDirectory, isStdout, outputOf } from '../outputs.js';
import { parseJobs } from '../parallel.js';
import { MASSES_PER_WORKER, automaticJobs, reachInParallel } from '../parallelReach.js';
import { defaultJobs } from '../pool.js';
import { PRECEDENCE_HELP, experimentCommand, outputFile, type RegisterCommand } from './shared.js';

export const registerReach: RegisterCommand = (program, { lib, io }) => {
  const reach = experimentCommand(
    program,
    'reach',
    "expected upper limit (90% CL) on the kinetic mixing ε against the dark-photon mass m_A' (paper Fig. 2), optionally beside published curves",
    FLAG_FIELDS,
    ['table', 'csv', 'json', 'hepdata'],
    async ({ name, config }, opts, cmd) => {
      const req = massesFromOptions(opts, cmd, lib.logGrid);
      // A bare number above 20 where the experiment cannot reach it is probably MeV.
      printWarnings(io, bareMassWarnings(typedMasses(opts, cmd), () => lib.computeFlux(config).energyMaxGeV, name));
      const output = outputFile(opts);
      const hepdata = opts.format === 'hepdata';
      const hepDir = hepdata ? checkHepDataDir(output) : undefined;
      // A CSV written to a file gets its description beside it (W3C CSVW sidecar); stdout gets the CSV alone.
      const sidecar = opts.format === 'csv' && !isStdout(output) ? fmt.csvMetadataName(output as string) : undefined;
      const plotFile = opts.plot as string | undefined;
      if (plotFile !== undefined) checkFigureFile(plotFile);
      // The figure's flags (title, ranges, unit, regions) are read before anything is computed.
      const figure = figureRequest(opts);
      if (figure.unused.length > 0) throw new UsageError(`${figure.unused[0]} draws on the figure: add --plot FILE.svg|png|pdf, or leave ${figure.unused[0]} out`);
      checkOutputs([
        ...(hepdata ? [] : outputOf(opts)),
        ...(sidecar !== undefined ? [{ flag: '--output', path: sidecar }] : []),
        ...(plotFile !== undefined ? [{ flag: '--plot', path: plotFile }] : []),
      ]);
      const bandAsked = bandRequest(config, opts);
      const comparisons = figure.comparisons;
      const asked = comparisons.length > 0 ? comparisons : undefined;
      const progress = progressLine(io, 'reach');
      let r;
      try {
        // Worker threads pay for long curves only (each builds its own tables first).
        const jobs = opts.jobs !== undefined ? parseJobs(String(opts.jobs)) : automaticJobs(req.masses.length, defaultJobs());
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
      const extra: (OutputFile & { flag: string })[] = [];
      let text: string;
      if (hepdata) {
        // A submission directory: submission.yaml and one data file per curve.
        // HEPData (YAML) is loaded only when asked for.
        const { reachToHepDataSubmission } = await import('../../src/format/hepdata.js');
        for (const f of reachToHepDataSubmission(r, program.version() ?? '', band)) extra.push({ flag: '--output', path: path.join(hepDir as string, f.name), data: f.text });
        text = '';
      } else if (opts.format === 'csv') {
        // The band's columns, then two per compared curve (its labels are in the sidecar).
        text = band ? fmt.addComparisonsToCsv(addBandToCsv(fmt.reachToCsv(r), band), comparisons) : fmt.reachToCsv(r, comparisons);
        if (sidecar !== undefined) {
          const meta = fmt.reachCsvMetadataJson(r, comparisons, path.basename(output as string), band ? bandCsvMetadata(band) : {});
          extra.push({ flag: '--output', path: sidecar, data: meta });
        }
      } else {
        const plain =
          opts.format === 'json'
            ? fmt.reachToJson(r, asked)
            : opts.plane === 'y'
              ? (await import('../../src/format/yPlane.js')).reachToYTable(r, comparisons)
              : fmt.reachToTable(r, comparisons);
        text = band ? reachWithBandText(r, band, String(opts.format), plain, asked) : plain;
      }
      if (plotFile !== undefined) {
        const plotOptions = {
          ...figure.plot,
          comparisons,
          ...(band ? { band: { epsilon90: band.points.map((p) => p.epsilon90), label: band.kind, best: band.best.epsilon90 } } : {}),
        };
        // The figure (d3-scale) is loaded only when asked for; the y plane draws the model's thermal target, computed (src/cosmology/thermalTarget.ts).
        const svg =
          opts.plane === 'y'
            ? (await import('../../src/plot/yPlane.js')).yPlanePlot(r, plotOptions)
            : (await import('../../src/plot/reachPlot.js')).reachPlot(r, plotOptions);
        // resvg (PNG) and PDFKit (PDF) are loaded only when their format is asked for.
        extra.push({ flag: '--plot', path: plotFile, data: await renderFigure(plotFile, svg) });
      }
      if (hepdata) await deliverToDirectory(io, hepDir as string, extra);
      else await deliver(io, output, text, extra);
    },
    (cmd) =>
      addFigureOptions(
        addMassOptions(
          addBandOptions(cmd).option(
            '--jobs <n>',
            `worker threads for the masses (default: one per ${MASSES_PER_WORKER} masses, at most one per core); the result does not depend on it`,
          ),
        ),
      ).addOption(
        new Option(
          '--plane <plane>',
          "the plane of the table and the figure: epsilon (ε against m_A') or y (y = ε² α_D (m_χ/m_A')⁴ against m_χ, with the model's thermal-relic target; " +
            'JSON and CSV carry massChiGeV and y90 on every point either way)',
        )
          .choices(['epsilon', 'y'])
          .default('epsilon'),
      ),
  );
  reach.addHelpText(
    'after',
    `\n${MASS_UNITS_HELP}\nYields are events at ε = 1; ε90 solves N_s(ε) = N_up: for a collider with --statistics cls (belle2, babar, besiii) the median expected\n` +
      `  Poisson CLs limit at background N_b, with deltaChi2 (the paper's; belle2-paper) √(Δχ² N_b); for a fixed target the Poisson CLs limit.\n` +
      `--format csv: the header is the first line (numpy.genfromtxt(names=True) and pandas.read_csv read it as is); with -o FILE.csv the\n` +
      `  configuration, background, best point, edges, band and comparisons go to FILE.csv-metadata.json (W3C CSV on the Web);\n` +
      `  each --compare curve k adds the columns compare{k}_mass_GeV,compare{k}_epsilon90 (its i-th point in row i, empty cells past its end).\n` +
      `--format hepdata -o DIR writes a HEPData submission: DIR/submission.yaml and one data file per curve; comparison curves are not in it.\n` +
      `--plot FILE.svg|png|pdf: vanish's curves in colour, --compare curves as grey lines, --compare-region curves as shaded excluded regions;\n` +
      `  the legend names the experiment and goes where it hides no curve (a free corner, else below the axes); the best point is marked\n` +
      `  only where it is an interior minimum. PDF needs the optional packages pdfkit and svg-to-pdfkit.\n${PRECEDENCE_HELP}`,
  );
};
