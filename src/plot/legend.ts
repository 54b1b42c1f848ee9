/**
 * Legends of the SVG figures (the reach figure, the scan figures and the
 * small figures share it): a header line and one row per entry — a line
 * sample (stroke, dash, width), a filled swatch (bands), or a shaded box with
 * its boundary (excluded regions). Placed where it hides nothing that is drawn
 * ({@link placeLegend}): the free corner of the plot area, else outside it,
 * below the axis label, the figure growing taller by the legend's height.
 */
import { type Box, Obstacles, inflate } from './geometry.js';
import { el, esc } from './svg.js';

export interface LegendEntry {
  /** Plain text (escaped here). */
  label: string;
  stroke: string;
  dash?: string;
  width: number;
  /** A filled swatch of this colour instead of a line (bands). */
  swatch?: string;
  /** A shaded region: fill colour and opacity of the region, drawn behind the line sample (or, with `border`, a box of it with a dashed border and no line). */
  region?: { fill: string; opacity: number; border?: string };
  /** A round marker of this colour (a marked point). */
  marker?: string;
}

export interface LegendStyle {
  fontSize: number;
  /** Average advance of the font as a fraction of its size, for text widths. */
  charWidth: number;
  color: string;
}

/** Header markup (already escaped) and its length in characters. */
export interface LegendHeader {
  markup: string;
  chars: number;
}

/** Width and height of a legend, in px. */
export function legendSize(entries: LegendEntry[], header: LegendHeader | undefined, s: LegendStyle): { w: number; h: number } {
  const row = s.fontSize + 7;
  const chars = Math.max(header?.chars ?? 0, ...entries.map((e) => e.label.length + 5));
  return { w: Math.ceil(chars * s.fontSize * s.charWidth) + 20, h: row * (entries.length + (header ? 1 : 0)) + 12 };
}

/** The legend drawn with its top-left corner at (x, y). */
export function drawLegend(x: number, y: number, entries: LegendEntry[], header: LegendHeader | undefined, s: LegendStyle): string {
  const row = s.fontSize + 7;
  const sample = 34;
  const { w, h } = legendSize(entries, header, s);
  const parts = [el('rect', { class: 'legend-box', x, y, width: w, height: h, fill: 'white', stroke: '#bbbbbb', 'stroke-width': 1 })];
  if (header) parts.push(el('text', { x: x + 10, y: y + 6 + row * 0.75, fill: s.color }, header.markup));
  const first = header ? 1 : 0;
  entries.forEach((e, i) => {
    const Y = y + 6 + row * (i + first) + row / 2;
    if (e.swatch) {
      parts.push(el('rect', { x: x + 10, y: Y - 7, width: sample, height: 14, fill: e.swatch, stroke: 'none' }));
    } else if (e.marker) {
      parts.push(el('circle', { cx: x + 10 + sample / 2, cy: Y, r: 5, fill: e.marker, stroke: 'white', 'stroke-width': 1.5 }));
    } else if (e.region?.border) {
      parts.push(el('rect', { x: x + 10, y: Y - 7, width: sample, height: 14, fill: e.region.fill, 'fill-opacity': e.region.opacity, stroke: e.region.border, 'stroke-dasharray': '3 2' }));
    } else {
      if (e.region) parts.push(el('rect', { x: x + 10, y: Y - 7, width: sample, height: 14, fill: e.region.fill, 'fill-opacity': e.region.opacity, stroke: 'none' }));
      parts.push(el('line', { x1: x + 10, y1: e.region ? Y - 7 : Y, x2: x + 10 + sample, y2: e.region ? Y - 7 : Y, stroke: e.stroke, 'stroke-width': e.width, 'stroke-dasharray': e.dash }));
    }
    parts.push(el('text', { x: x + 18 + sample, y: Y + 5, fill: s.color }, esc(e.label)));
  });
  return el('g', { class: 'legend', 'font-size': s.fontSize }, parts.join(''));
}

export interface LegendPlacement {
  /** The legend's box in px. */
  box: Box;
  /** 'inside': a free corner of the plot area; 'outside': below the figure's axes. */
  where: 'inside' | 'outside';
  /** Height the figure grows by (0 inside). */
  extraHeight: number;
}

/**
 * Where a legend of size w × h goes: the first corner of the plot area
 * (top left, top right, bottom right, bottom left, then the middles of the
 * top and bottom edges) whose box, with `pad` around it, crosses no drawn
 * segment, region or label; else outside, below the figure (at `belowY`,
 * left-aligned with the plot area), which then grows by h + pad.
 */
export function placeLegend(
  plot: { left: number; top: number; right: number; bottom: number },
  w: number,
  h: number,
  drawn: Obstacles,
  belowY: number,
  mode: 'auto' | 'inside' | 'outside' = 'auto',
  pad = 8,
): LegendPlacement {
  const gap = 10;
  const mid = (plot.left + plot.right - w) / 2;
  const candidates: Box[] = [
    { x: plot.left + gap, y: plot.top + gap, w, h },
    { x: plot.right - gap - w, y: plot.top + gap, w, h },
    { x: plot.right - gap - w, y: plot.bottom - gap - h, w, h },
    { x: plot.left + gap, y: plot.bottom - gap - h, w, h },
    { x: mid, y: plot.top + gap, w, h },
    { x: mid, y: plot.bottom - gap - h, w, h },
  ].filter((b) => b.x >= plot.left && b.x + b.w <= plot.right && b.y >= plot.top && b.y + b.h <= plot.bottom);
  if (mode !== 'outside') {
    let best: Box | undefined;
    let least = Infinity;
    for (const c of candidates) {
      const n = drawn.cost(inflate(c, pad));
      if (n === 0) return { box: c, where: 'inside', extraHeight: 0 };
      if (n < least) [best, least] = [c, n];
    }
    if (mode === 'inside' && best) return { box: best, where: 'inside', extraHeight: 0 };
  }
  return { box: { x: plot.left, y: belowY, w, h }, where: 'outside', extraHeight: h + pad };
}
