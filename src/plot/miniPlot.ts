/**
 * Small line plots (the web page's figures of the steps behind the curve) as
 * SVG text, drawn by the same engine as the reach figure (./axes.ts for
 * linear, log or logit axes, ./legend.ts for a legend that hides no curve):
 * a few series, vertical markers and a legend. Presentation only; pure and
 * deterministic (the clip-path id derives from `id` or the title).
 */
import { type AxesStyle, type AxisKind, drawAxes, drawable, fitAxis, linePath, polylines } from './axes.js';
import { Obstacles } from './geometry.js';
import { drawLegend, legendSize, placeLegend } from './legend.js';
import { el, esc } from './svg.js';

export type { AxisKind };

export interface MiniAxis {
  /** Axis title markup (may hold tspans). */
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
  /** Prefix of element ids, unique per figure when several are inlined in one page (default: from the title). */
  id?: string;
}

const FONT = 12;
const COLOR = '#222222';
const STYLE: AxesStyle = {
  tickFont: FONT,
  labelFont: FONT,
  color: COLOR,
  grid: '#e6e6e6',
  tickMarks: false,
  minorGrid: true,
  frameWidth: 1,
  xTitleY: 38,
  yTitleX: 14,
  yTickGap: 6,
};

/** A stable id from text (FNV-1a), so the same figure is the same text. */
function slug(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** A small line plot as an SVG document string (viewBox width × height, scales to its container). */
export function miniPlot(o: MiniPlotOptions): string {
  const width = o.width ?? 440;
  const height = o.height ?? 290;
  const plot = { left: 64, right: width - 14, top: 30, bottom: height - 48 };
  const xs = o.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = o.series.flatMap((s) => s.points.filter(([x]) => drawable(o.x.kind, x)).map(([, y]) => y));
  const X = fitAxis(o.x.kind, xs, [plot.left, plot.right], FONT);
  const Y = fitAxis(o.y.kind, ys, [plot.bottom, plot.top], FONT);

  const drawn = new Obstacles();
  const curves = o.series.map((s) => {
    drawn.lines.push(...polylines(s.points, X, Y));
    return el('path', { class: 'series', 'data-label': s.label, d: linePath(s.points, X, Y), fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash });
  });
  const marks = (o.marks ?? [])
    .filter((m) => drawable(o.x.kind, m.x))
    .map((m) => {
      const x = X(m.x);
      if (!(x >= plot.left && x <= plot.right)) return '';
      drawn.lines.push([
        [x, plot.top],
        [x, plot.bottom],
      ]);
      const w = m.label.length * FONT * 0.62;
      drawn.boxes.push({ x: x - 4 - w, y: plot.top + 1, w, h: FONT + 2 });
      return (
        el('line', { x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: '#666', 'stroke-dasharray': '3 3' }) +
        el('text', { x: x - 4, y: plot.top + 12, 'text-anchor': 'end', fill: '#444' }, esc(m.label))
      );
    });
  const entries = o.series.map((s) => ({ label: s.label, stroke: s.color, dash: s.dash, width: 2 }));
  const legendStyle = { fontSize: FONT, charWidth: 0.62, color: COLOR };
  const { w, h } = legendSize(entries, undefined, legendStyle);
  const at = placeLegend(plot, w, h, drawn, height - 2, 'auto', 4);
  const H = height + at.extraHeight;
  const clip = `mini-${slug(o.id ?? o.title)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${H}" width="${width}" height="${H}" font-family="DejaVu Sans, system-ui, sans-serif" font-size="${FONT}" role="img" aria-label="${esc(o.title)}">`,
    `<title>${esc(o.title)}</title>`,
    el('rect', { width, height: H, fill: 'white' }),
    el('defs', {}, el('clipPath', { id: clip }, el('rect', { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top }))),
    el('text', { x: plot.left, y: 18, 'font-size': 13, 'font-weight': 'bold', fill: COLOR }, esc(o.title)),
    drawAxes(plot, X, Y, o.x.label, o.y.label, { ...STYLE, figureWidth: width }),
    el('g', { 'clip-path': `url(#${clip})` }, curves.join('') + marks.join('')),
    entries.length ? drawLegend(at.box.x, at.box.y, entries, undefined, legendStyle) : '',
    '</svg>',
  ].join('');
}
