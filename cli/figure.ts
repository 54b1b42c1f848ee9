/**
 * The figure flags of `vanish reach` (and the figure file of `vanish scan`):
 * title, ranges, mass unit, comparison lines and shaded regions, read with
 * the library's figure-option readers (src/config/figureOptions.ts, one home
 * for their help and what they allow), and the file it is drawn to — SVG as
 * is, PNG through resvg, PDF through PDFKit, each renderer loaded only when
 * its format is asked for.
 */
import type { Command } from 'commander';
import { FIGURE_OPTIONS, parseEpsilonRange, parseMassRange, parseMassUnit } from '../src/config/figureOptions.js';
import type { Comparison } from '../src/format/json.js';
import type { ReachPlotOptions } from '../src/plot/reachPlot.js';
import { readCurveOption } from './compare.js';
import { UsageError, quote } from './errors.js';

/** Figure formats by file extension. */
export const FIGURE_FORMATS = ['svg', 'png', 'pdf'] as const;

/** Refuses a --plot file whose extension is not a figure format (before anything is computed). */
export function checkFigureFile(file: string, flag = '--plot'): void {
  if (!/\.(svg|png|pdf)$/i.test(file)) {
    throw new UsageError(`${flag} ${quote(file)} has an unsupported extension: allowed are ${FIGURE_FORMATS.map((f) => `.${f}`).join(', ')}`);
  }
}

/** The bytes (or text) of a figure for its file: SVG as is, PNG at 2× scale, PDF with the fonts embedded. */
export async function renderFigure(file: string, svg: string): Promise<string | Buffer> {
  if (/\.png$/i.test(file)) return (await import('./png.js')).svgToPng(svg);
  if (/\.pdf$/i.test(file)) return (await import('./pdf.js')).svgToPdf(svg);
  return svg;
}

const repeat = (v: string, prev: string[] = []) => [...prev, v];

/** Adds the figure flags (with --compare and --compare-region) to a command. */
export function addFigureOptions(cmd: Command): Command {
  const o = FIGURE_OPTIONS;
  return cmd
    .option('--plot <file>', 'also draw the reach figure to FILE.svg, FILE.png (2× scale) or FILE.pdf (fonts embedded)')
    .option(o.title.flag, `${o.title.help} (with --plot)`)
    .option(o.xRange.flag, `${o.xRange.help} (with --plot)`)
    .option(o.yRange.flag, `${o.yRange.help} (with --plot)`)
    .option(o.massUnit.flag, `${o.massUnit.help} (with --plot)`)
    .option(
      o.compare.flag,
      'a published curve to compare with, from a file of two columns, mass_GeV and epsilon (# comments), or a vanish reach CSV; ' +
        'LABEL=FILE or FILE (labelled by its name); drawn as a grey line with --plot, listed as "comparisons" in JSON (repeatable)',
      repeat,
    )
    .option(o.compareRegion.flag, `${o.compareRegion.help}; read as --compare, listed with the comparisons`, repeat);
}

export interface FigureRequest {
  /** Curves to compare with, lines then regions, each marked `excluded` when it is a region. */
  comparisons: (Comparison & { excluded?: boolean })[];
  /** The plot options from the flags (title, ranges, unit). */
  plot: ReachPlotOptions;
  /** Figure flags given without --plot (they would do nothing). */
  unused: string[];
}

/** Reads the figure flags; a bad value is a one-line error naming the flag. */
export function figureRequest(opts: Record<string, unknown>): FigureRequest {
  const unit = opts.massUnit !== undefined ? parseMassUnit(String(opts.massUnit), '--mass-unit') : undefined;
  const plot: ReachPlotOptions = {
    ...(opts.title !== undefined ? { title: String(opts.title) } : {}),
    ...(unit ? { massUnit: unit } : {}),
    ...(opts.xRange !== undefined ? { xDomain: parseMassRange(String(opts.xRange), '--x-range', unit ?? 'GeV') } : {}),
    ...(opts.yRange !== undefined ? { yDomain: parseEpsilonRange(String(opts.yRange), '--y-range') } : {}),
  };
  const lines = ((opts.compare as string[] | undefined) ?? []).map((s) => readCurveOption(s, '--compare'));
  const regions = ((opts.compareRegion as string[] | undefined) ?? []).map((s) => ({ ...readCurveOption(s, '--compare-region'), excluded: true }));
  const unused = opts.plot === undefined ? (['title', 'xRange', 'yRange', 'massUnit', 'compareRegion'] as const).filter((k) => opts[k] !== undefined) : [];
  return { comparisons: [...lines, ...regions], plot, unused: unused.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`) };
}
