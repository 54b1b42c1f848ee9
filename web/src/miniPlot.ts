/**
 * Small line plots for the steps behind the curve, as SVG text: linear, log
 * or logit axes (the logit axis shows both ends of a fraction v in (0, 1)),
 * a few series, vertical markers and a legend. Presentation only.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { logTicks } from '../../src/plot/logAxis.js';
import { el, esc, powerOfTen, px } from '../../src/plot/svg.js';

export type AxisKind = 'linear' | 'log' | 'logit';

export interface MiniAxis {
  label: string;
  kind: AxisKind;
}

export interface MiniSeries {
  label: string;
  color: string;
  dash?: string;
  points: [number, number][];
}

export interface MiniPlotOptions {
  title: string;
  x: MiniAxis;
  y: MiniAxis;
  series: MiniSeries[];
  /** Vertical lines at x values, labelled. */
  marks?: { x: number; label: string }[];
  width?: number;
  height?: number;
}

interface Scale {
  (v: number): number;
  ticks: { value: number; label: string; major: boolean }[];
}

const FONT = 12;
const logit = (v: number) => Math.log10(v / (1 - v));

function ok(kind: AxisKind, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (kind === 'log') return v > 0;
  if (kind === 'logit') return v > 0 && v < 1;
  return true;
}

/** Tick label markup for a value on a log axis. */
function logLabel(v: number): string {
  const n = Math.round(Math.log10(v));
  return powerOfTen(n, FONT);
}

/** 1 − 10⁻ⁿ for the upper end of a logit axis. */
function logitLabel(v: number): string {
  if (v <= 0.1 + 1e-12) return v < 0.01 ? logLabel(v) : String(v);
  if (v >= 0.9 && v < 0.995) return String(v);
  if (v > 0.995) return `1−${logLabel(1 - v)}`;
  return String(v);
}

function makeScale(kind: AxisKind, values: number[], range: [number, number]): Scale {
  const v = values.filter((x) => ok(kind, x));
  let lo = v.length ? Math.min(...v) : kind === 'linear' ? 0 : 0.1;
  let hi = v.length ? Math.max(...v) : 1;
  if (lo === hi) [lo, hi] = kind === 'log' ? [lo / 3, hi * 3] : [lo - 1, hi + 1];
  if (kind === 'linear') {
    const s = scaleLinear().domain([lo, hi]).range(range).nice(5);
    const f = ((x: number) => s(x)) as Scale;
    f.ticks = s.ticks(5).map((t) => ({ value: t, label: esc(String(Number(t.toPrecision(4)))), major: true }));
    return f;
  }
  if (kind === 'log') {
    const s = scaleLog().domain([lo, hi]).range(range).nice();
    const f = ((x: number) => s(x)) as Scale;
    f.ticks = logTicks(s).map((t) => ({ value: t.value, label: t.major && t.labelled ? logLabel(t.value) : '', major: t.major }));
    // A short log axis: label what d3 labels.
    if (!f.ticks.some((t) => t.label)) f.ticks = s.ticks(4).map((t) => ({ value: t, label: esc(String(Number(t.toPrecision(3)))), major: true }));
    return f;
  }
  const s = scaleLinear().domain([logit(lo), logit(hi)]).range(range);
  const f = ((x: number) => s(logit(x))) as Scale;
  const marks = [1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999];
  const labelled = new Set([1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.9999, 0.999999]);
  f.ticks = marks
    .filter((m) => m >= lo * (1 - 1e-9) && m <= hi + 1e-12)
    .map((m) => ({ value: m, label: labelled.has(m) ? logitLabel(m) : '', major: true }));
  return f;
}

/** A small line plot as an SVG document string (viewBox width × height, scales to its container). */
export function miniPlot(o: MiniPlotOptions): string {
  const width = o.width ?? 440;
  const height = o.height ?? 290;
  const plot = { left: 64, right: width - 14, top: 30, bottom: height - 48 };
  const xs = o.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = o.series.flatMap((s) => s.points.filter(([x]) => ok(o.x.kind, x)).map(([, y]) => y));
  const X = makeScale(o.x.kind, xs, [plot.left, plot.right]);
  const Y = makeScale(o.y.kind, ys, [plot.bottom, plot.top]);

  const parts: string[] = [];
  const grid: string[] = [];
  for (const t of X.ticks) {
    const x = X(t.value);
    grid.push(el('line', { x1: x, y1: plot.top, x2: x, y2: plot.bottom, 'stroke-opacity': t.major ? 1 : 0.4 }));
    if (t.label) parts.push(el('text', { x, y: plot.bottom + 17, 'text-anchor': 'middle' }, t.label));
  }
  for (const t of Y.ticks) {
    const y = Y(t.value);
    grid.push(el('line', { x1: plot.left, y1: y, x2: plot.right, y2: y, 'stroke-opacity': t.major ? 1 : 0.4 }));
    if (t.label) parts.push(el('text', { x: plot.left - 6, y: y + 4, 'text-anchor': 'end' }, t.label));
  }
  const curves = o.series.map((s) => {
    let d = '';
    let open = false;
    for (const [x, y] of s.points) {
      if (!ok(o.x.kind, x) || !ok(o.y.kind, y)) {
        open = false;
        continue;
      }
      d += `${open ? 'L' : 'M'}${px(X(x))},${px(Y(y))}`;
      open = true;
    }
    return el('path', { class: 'series', 'data-label': s.label, d, fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash });
  });
  const marks = (o.marks ?? [])
    .filter((m) => ok(o.x.kind, m.x))
    .map((m) => {
      const x = X(m.x);
      if (!(x >= plot.left && x <= plot.right)) return '';
      return (
        el('line', { x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: '#666', 'stroke-dasharray': '3 3' }) +
        el('text', { x: x - 4, y: plot.top + 12, 'text-anchor': 'end', fill: '#444' }, esc(m.label))
      );
    });
  const legend = o.series.map((s, i) => {
    const y = plot.top + 14 + i * 16;
    const x = plot.right - 150;
    return (
      el('line', { x1: x, y1: y - 4, x2: x + 22, y2: y - 4, stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash }) +
      el('text', { x: x + 28, y }, esc(s.label))
    );
  });
  const clip = `clip-${Math.random().toString(36).slice(2, 8)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, system-ui, sans-serif" font-size="${FONT}" role="img" aria-label="${esc(o.title)}">`,
    `<title>${esc(o.title)}</title>`,
    el('rect', { width, height, fill: 'white' }),
    el('defs', {}, el('clipPath', { id: clip }, el('rect', { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top }))),
    el('text', { x: plot.left, y: 18, 'font-size': 13, 'font-weight': 'bold', fill: '#222' }, esc(o.title)),
    el('g', { stroke: '#e6e6e6' }, grid.join('')),
    el('g', { fill: '#222' }, parts.join('')),
    el('rect', { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top, fill: 'none', stroke: '#222' }),
    el('g', { 'clip-path': `url(#${clip})` }, curves.join('') + marks.join('')),
    el('g', { fill: '#222' }, legend.join('')),
    el('text', { x: (plot.left + plot.right) / 2, y: height - 10, 'text-anchor': 'middle', fill: '#222' }, o.x.label),
    el('text', { transform: `translate(14,${px((plot.top + plot.bottom) / 2)}) rotate(-90)`, 'text-anchor': 'middle', fill: '#222' }, o.y.label),
    '</svg>',
  ].join('');
}
