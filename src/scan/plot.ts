/**
 * Figures of a scan as SVG strings: a family of reach curves (one per
 * configuration, coloured along the scan with the viridis map), or a heat map
 * of the best reach over two varied fields (log ε in colour, the value in each
 * cell when the grid is small). Deterministic (coordinates to 2 decimals).
 * Pure and browser-safe.
 */
import { scaleLog } from 'd3-scale';
import { axes, reachPlotLayout } from '../plot/reachPlot.js';
import { Obstacles } from '../plot/geometry.js';
import { drawLegend, legendSize, placeLegend } from '../plot/legend.js';
import { el, esc, powerOfTen, px } from '../plot/svg.js';
import { labelWidth } from '../plot/axes.js';
import { distinctDigits, sci } from '../format/number.js';
import { runLabeller, valueLabeller } from './format.js';
import type { ScanResult } from './result.js';
import { fieldTable } from '../config/fields.js';

const FONT = 'DejaVu Sans';
const FRAME = '#222222';

/** Viridis at 9 stops (matplotlib's map, van der Walt & Smith), interpolated linearly in RGB. */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const c = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  const mix = [0, 1, 2].map((k) => Math.round(c(VIRIDIS[i], k) * (1 - f) + c(VIRIDIS[i + 1], k) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const finitePositive = (v: number) => Number.isFinite(v) && v > 0;

/** A varied field's axis title: its name, with its unit where it has one (`lumi [ab⁻¹]`). */
function axisTitle(s: ScanResult, field: string): string {
  const table = fieldTable(s.spec.base.kind);
  const unit = Object.hasOwn(table, field) ? table[field].unit : '';
  return unit ? `${field} [${unit}]` : field;
}

/** Significant digits of ε labels: at least 3, as many as tell every two distinct values apart (at most 6). */
const epsilonDigits = (eps: number[]) => distinctDigits(eps, sci, 3, 6);

/** The total ε90 curve of every configuration on log–log axes, with a legend (or a colour note for many curves). */
export function scanCurvesPlot(s: ScanResult, opts: { width?: number; height?: number } = {}): string {
  if (s.runs.length === 0) throw new RangeError('a scan figure needs at least one configuration');
  const masses = s.runs.flatMap((r) => r.reach.points.map((p) => p.massGeV)).filter(finitePositive);
  const eps = s.runs.flatMap((r) => [...r.reach.points.map((p) => p.epsilon90), r.reach.best.epsilon90]).filter(finitePositive);
  const xDomain: [number, number] = [Math.min(...masses), Math.max(...masses)];
  if (xDomain[0] === xDomain[1]) xDomain.splice(0, 2, xDomain[0] / 3, xDomain[1] * 3);
  const lo = eps.length ? Math.min(...eps) / 1.5 : 1e-6;
  const hi = eps.length ? Math.min(Math.max(...eps) * 1.5, 1) : 1;
  const y = scaleLog().domain([lo, hi > lo ? hi : lo * 10]).nice().domain() as [number, number];
  const L = reachPlotLayout(s.runs[0].reach, { width: opts.width, height: opts.height, xDomain, yDomain: y });
  const clip = 'vanish-scan-plot-area';
  const n = s.runs.length;
  const curves = s.runs.map((r, i) => {
    const pts = r.reach.points.map((p) => [p.massGeV, p.epsilon90] as [number, number]);
    const b = r.reach.best;
    if (finitePositive(b.epsilon90) && !pts.some(([m]) => m === b.massGeV)) pts.push([b.massGeV, b.epsilon90]);
    pts.sort((a, c) => a[0] - c[0]);
    let d = '';
    let open = false;
    for (const [m, e] of pts) {
      if (!finitePositive(e)) {
        open = false;
        continue;
      }
      d += `${open ? 'L' : 'M'}${px(L.x(m))},${px(L.y(e))}`;
      open = true;
    }
    return el('path', {
      class: 'curve scan',
      'data-run': r.index,
      d,
      fill: 'none',
      stroke: viridis(n === 1 ? 0 : i / (n - 1)),
      'stroke-width': 2,
      'stroke-linejoin': 'round',
    });
  });
  const LEGEND_MAX = 12;
  const runLabel = runLabeller(s);
  const fs = 13;
  const row = fs + 6;
  const entries =
    n <= LEGEND_MAX
      ? s.runs.map((r, i) => ({ label: runLabel(r.values), color: viridis(n === 1 ? 0 : i / (n - 1)) }))
      : [
          { label: `${runLabel(s.runs[0].values)} (first)`, color: viridis(0) },
          { label: `… ${n} curves, coloured in scan order …`, color: viridis(0.5) },
          { label: `${runLabel(s.runs[n - 1].values)} (last)`, color: viridis(1) },
        ];
  // The legend where it hides no curve (a free corner), else below the axes.
  const drawn = new Obstacles();
  for (const r of s.runs) {
    const pts = r.reach.points.map((p) => [L.x(p.massGeV), L.y(p.epsilon90)] as [number, number]).filter(([, y]) => Number.isFinite(y));
    drawn.lines.push(pts);
  }
  const legendEntries = entries.map((e) => ({ label: e.label, stroke: e.color, width: 2.5 }));
  const style = { fontSize: fs, charWidth: 0.62, color: FRAME };
  const size = legendSize(legendEntries, undefined, style);
  const at = placeLegend(L.plot, size.w, size.h, drawn, L.height - 4);
  const legend = drawLegend(at.box.x, at.box.y, legendEntries, undefined, style);
  const height = L.height + at.extraHeight;
  const title = `${s.spec.experiment}: expected 90% CL reach, ${n} configurations`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    el('rect', { width: L.width, height, fill: 'white' }),
    el('defs', {}, el('clipPath', { id: clip }, el('rect', { x: L.plot.left, y: L.plot.top, width: L.plot.right - L.plot.left, height: L.plot.bottom - L.plot.top }))),
    axes(L),
    el('g', { class: 'curves', 'clip-path': `url(#${clip})` }, `\n${curves.join('\n')}\n`),
    legend,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * The best ε90 of each configuration over two varied fields: cells in grid
 * order (the first field across, the second up), colour = log ε (viridis,
 * dark = strongest reach), a colour bar; cells without reach are grey.
 */
export function scanHeatmapPlot(s: ScanResult, opts: { width?: number; height?: number } = {}): string {
  if (s.spec.vary.length !== 2) throw new RangeError('a heat map needs exactly two varied fields');
  const [fx, fy] = s.spec.vary;
  const width = opts.width ?? 800;
  const height = opts.height ?? 600;
  const margin = { top: 40, right: 130, bottom: 80, left: 150 };
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const nx = fx.values.length;
  const ny = fy.values.length;
  const cw = (plot.right - plot.left) / nx;
  const ch = (plot.bottom - plot.top) / ny;
  const eps = s.runs.map((r) => r.reach.best.epsilon90).filter(finitePositive);
  const lo = eps.length ? Math.log10(Math.min(...eps)) : -6;
  const hi = eps.length ? Math.log10(Math.max(...eps)) : 0;
  const t = (e: number) => (hi > lo ? (Math.log10(e) - lo) / (hi - lo) : 0.5);
  const key = (v: unknown) => JSON.stringify(v);
  const ix = new Map(fx.values.map((v, i) => [key(v), i]));
  const iy = new Map(fy.values.map((v, i) => [key(v), i]));
  const fs = 13;
  const cells: string[] = [];
  // Cell labels (11 px) with the digits that tell the cells apart, written only where every one fits its cell.
  const digits = epsilonDigits(eps);
  const cellText = (e: number) => sci(e, digits);
  const widest = Math.max(0, ...s.runs.map((r) => labelWidth(cellText(r.reach.best.epsilon90), 11)));
  const showText = nx <= 12 && ny <= 16 && widest + 6 <= cw;
  for (const r of s.runs) {
    const i = ix.get(key(r.values[fx.field])) as number;
    const j = iy.get(key(r.values[fy.field])) as number;
    const e = r.reach.best.epsilon90;
    const x = plot.left + i * cw;
    const y = plot.bottom - (j + 1) * ch;
    const fill = finitePositive(e) ? viridis(t(e)) : '#cccccc';
    cells.push(el('rect', { class: 'cell', 'data-run': r.index, x, y, width: cw, height: ch, fill, stroke: 'white', 'stroke-width': 0.5 }));
    if (showText) {
      const light = finitePositive(e) && t(e) < 0.6;
      cells.push(el('text', { x: x + cw / 2, y: y + ch / 2 + 4, 'text-anchor': 'middle', 'font-size': 11, fill: light ? 'white' : FRAME }, esc(cellText(e))));
    }
  }
  const every = (n: number) => Math.max(1, Math.ceil(n / 10));
  const [xLabel, yLabel] = [valueLabeller(fx.values), valueLabeller(fy.values)];
  const xLabels = fx.values
    .map((v, i) => (i % every(nx) === 0 ? el('text', { x: plot.left + (i + 0.5) * cw, y: plot.bottom + 20, 'text-anchor': 'middle', 'font-size': fs }, esc(xLabel(v))) : ''))
    .join('');
  const yLabels = fy.values
    .map((v, j) => (j % every(ny) === 0 ? el('text', { x: plot.left - 8, y: plot.bottom - (j + 0.5) * ch + 4, 'text-anchor': 'end', 'font-size': fs }, esc(yLabel(v))) : ''))
    .join('');
  // Colour bar: log10 ε from lo (bottom) to hi (top), labelled at whole decades inside and at the ends.
  const bx = plot.right + 20;
  const bw = 18;
  const stops = Array.from({ length: 11 }, (_, k) => el('stop', { offset: `${k * 10}%`, 'stop-color': viridis(1 - k / 10) })).join('');
  const barY = (l: number) => (hi > lo ? plot.bottom - ((l - lo) / (hi - lo)) * (plot.bottom - plot.top) : (plot.top + plot.bottom) / 2);
  const decades: number[] = [];
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d++) decades.push(d);
  const barLabels = [
    ...decades.map((d) => el('text', { x: bx + bw + 6, y: barY(d) + 5, 'font-size': fs }, powerOfTen(d, fs))),
    ...(decades.length < 2 && eps.length
      ? [Math.min(...eps), Math.max(...eps)].map((e) => el('text', { x: bx + bw + 6, y: barY(Math.log10(e)) + 5, 'font-size': fs }, esc(cellText(e))))
      : []),
  ].join('');
  const title = `${s.spec.experiment}: best expected 90% CL reach ε`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    el('rect', { width, height, fill: 'white' }),
    el('defs', {}, el('linearGradient', { id: 'vanish-scan-bar', x1: 0, y1: 0, x2: 0, y2: 1 }, stops)),
    el('text', { class: 'title', x: (plot.left + plot.right) / 2, y: 26, 'text-anchor': 'middle', 'font-size': 16 }, esc(title)),
    el('g', { class: 'cells' }, cells.join('')),
    el('rect', { class: 'frame', x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top, fill: 'none', stroke: FRAME }),
    el('g', { class: 'tick-labels', fill: FRAME }, xLabels + yLabels),
    el('text', { class: 'axis-label x', x: (plot.left + plot.right) / 2, y: height - 30, 'text-anchor': 'middle', 'font-size': 16 }, esc(axisTitle(s, fx.field))),
    el('text', { class: 'axis-label y', transform: `translate(${px(18)},${px((plot.top + plot.bottom) / 2)}) rotate(-90)`, 'text-anchor': 'middle', 'font-size': 16 }, esc(axisTitle(s, fy.field))),
    el('rect', { class: 'colour-bar', x: bx, y: plot.top, width: bw, height: plot.bottom - plot.top, fill: 'url(#vanish-scan-bar)', stroke: FRAME }),
    el('g', { class: 'bar-labels', fill: FRAME }, barLabels),
    el('text', { x: bx, y: plot.top - 10, 'font-size': fs }, 'best ε90'),
    '</svg>',
    '',
  ].join('\n');
}
