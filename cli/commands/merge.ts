/**
 * `vanish merge SHARD...`: joins the shards written by `vanish scan --shard K/N`
 * into the whole scan, in any format, equal byte for byte to the unsharded
 * `vanish scan` (the figure too, with --plot). Shards of different scans,
 * missing, repeated or damaged shards are errors; nothing is written then.
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { mergeShards } from '../../src/scan/merge.js';
import { ScanFileError, scanFromJson, type ScanResult } from '../../src/scan/result.js';
import { UsageError, describeFsError } from '../errors.js';
import type { Io } from '../io.js';
import { checkPlot, checkPlotKind, checkScanOutputs, deliverScan, plotFile, printScanWarnings, scanFigure } from './scan.js';

export function addMergeCommand(program: Command, io: Io): Command {
  return program
    .command('merge')
    .description('join the shards of a scan (vanish scan --shard K/N) into the whole scan, exactly as an unsharded vanish scan writes it; or write one whole scan JSON again, in another format or as a figure')
    .argument('<shard...>', 'shard files (scan JSON), in any order; or one whole scan JSON')
    .addOption(new Option('--format <format>', 'what to print (hepdata writes a submission directory -o DIR)').choices(['table', 'csv', 'json', 'hepdata']).default('table'))
    .addOption(
      new Option(
        '-o, --output <file>',
        'write the result to this file (with --format hepdata: this directory) instead of stdout (whole or not at all; a .csv or .json name implies --format csv or json)',
      ),
    )
    .option('--plot <file>', 'also draw the scan figure to FILE.svg, FILE.png or FILE.pdf')
    .addOption(new Option('--plot-kind <kind>', 'figure kind').choices(['auto', 'curves', 'heatmap']).default('auto'))
    .action(async (files: string[], opts: Record<string, unknown>, cmd: Command) => {
      checkPlotKind(cmd, opts);
      const output = opts.output as string | undefined;
      checkScanOutputs(String(opts.format), output);
      await checkPlot(opts.plot as string | undefined);
      let whole: ScanResult;
      try {
        const shards = files.map((name) => {
          let text: string;
          try {
            text = readFileSync(name, 'utf8');
          } catch (e) {
            throw new UsageError(`shard ${name} cannot be read (${describeFsError(e)})`);
          }
          return { name, scan: scanFromJson(text, name) };
        });
        whole = mergeShards(shards);
      } catch (e) {
        if (e instanceof ScanFileError) throw new UsageError(e.message);
        throw e;
      }
      printScanWarnings(io, whole); // as vanish scan printed them
      const plot = opts.plot as string | undefined;
      const extra = plot !== undefined ? [await plotFile(plot, await scanFigure(whole, String(opts.plotKind)))] : [];
      await deliverScan(io, whole, String(opts.format), output, extra, program.version() ?? '');
    })
    .addHelpText('after', '\nExample (after a batch array ran vanish scan … --shard $K/8 -o part$K.json):\n  vanish merge part*.json --format csv -o scan.csv --plot scan.svg');
}
