/**
 * The one axis engine of vanish's SVG figures, big (the reach figure, the
 * scan figures) and small (the web page's step figures): linear, log and
 * logit scales with their ticks and labels, the frame, grid and axis titles.
 * Pure text output, deterministic to 2 decimals; d3-scale for scales and ticks.
 */
import { scaleLinear, scaleLog, type ScaleLogarithmic } from 'd3-scale';
import { logTicks } from './logAxis.js';
import { el, esc, powerOfTen, px } from './svg.js';

export type AxisKind = 'linear' | 'log' | 'logit';

export interface Tick {
  value: number;
  /** A labelled or decade tick (longer mark, full grid line). */
  major: boolean;
  /** Label markup (escaped), or '' for none. */
  label: string;
}

export interface Axis {
  kind: AxisKind;
  /** Value → px. */
  (v: number): number;
  domain: [number, number];
  ticks: Tick[];
}

export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const logit = (v: number) => Math.log10(v / (1 - v));

/** Whether a value can be drawn on an axis of this kind (positive for log, inside (0, 1) for logit). */
export function drawable(kind: AxisKind, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (kind === 'log') return v > 0;
  if (kind === 'logit') return v > 0 && v < 1;
  return true;
}

/**
 * Ticks of a log scale: decades labelled 10ⁿ (n shifted by `exponentShift`,
 * e.g. 3 to label GeV masses in MeV), minor ticks 2…9 × 10ⁿ; on an axis shorter
 * than a decade, plain numbers (times 10^shift).
 */
export function logAxisTicks(s: ScaleLogarithmic<number, number>, fontSize: number, exponentShift = 0): Tick[] {
  const ticks = logTicks(s);
  // Less than a decade: every label a plain number (50, 60, …, 100), powers of ten included.
  const short = ticks.filter((t) => t.major).length < 2;
  return ticks.map((t) => ({
    value: t.value,
    major: t.major,
    label: !t.labelled
      ? ''
      : t.major && !short
        ? powerOfTen((t.exponent as number) + exponentShift, fontSize)
        : esc(String(Number((t.value * 10 ** exponentShift).toPrecision(3)))),
  }));
}

/** A log axis over exactly `domain`. */
export function logAxis(domain: [number, number], range: [number, number], fontSize: number, exponentShift = 0): Axis {
  const s = scaleLog().domain(domain).range(range);
  const f = ((v: number) => s(v)) as Axis;
  f.kind = 'log';
  f.domain = [...domain];
  f.ticks = logAxisTicks(s, fontSize, exponentShift);
  return f;
}

/** Upper end of a logit axis: 1 − 10⁻ⁿ. */
function logitLabel(v: number, fontSize: number): string {
  const decade = (x: number) => powerOfTen(Math.round(Math.log10(x)), fontSize);
  if (v <= 0.1 + 1e-12) return v < 0.01 ? decade(v) : String(v);
  if (v > 0.995) return `1−${decade(1 - v)}`;
  return String(v);
}

/**
 * An axis fitted to the drawable `values` of its kind: linear and log widened
 * to nice values, logit between the data's ends with ticks at 10⁻ⁿ, ½ and 1 − 10⁻ⁿ.
 */
export function fitAxis(kind: AxisKind, values: number[], range: [number, number], fontSize: number): Axis {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!drawable(kind, v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) [lo, hi] = kind === 'linear' ? [0, 1] : [0.1, 1];
  if (lo === hi) [lo, hi] = kind === 'linear' ? [lo - 1, hi + 1] : kind === 'log' ? [lo / 3, hi * 3] : [lo / 2, (1 + hi) / 2];
  if (kind === 'linear') {
    const s = scaleLinear().domain([lo, hi]).range(range).nice(5);
    const f = ((v: number) => s(v)) as Axis;
    f.kind = kind;
    f.domain = s.domain() as [number, number];
    f.ticks = s.ticks(5).map((t) => ({ value: t, label: esc(String(Number(t.toPrecision(4)))), major: true }));
    return f;
  }
  if (kind === 'log') {
    const s = scaleLog().domain([lo, hi]).range(range).nice();
    const f = ((v: number) => s(v)) as Axis;
    f.kind = kind;
    f.domain = s.domain() as [number, number];
    f.ticks = logAxisTicks(s, fontSize);
    return f;
  }
  const s = scaleLinear().domain([logit(lo), logit(hi)]).range(range);
  const f = ((v: number) => s(logit(v))) as Axis;
  f.kind = kind;
  f.domain = [lo, hi];
  const marks = [1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999];
  const labelled = new Set([1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.9999, 0.999999]);
  f.ticks = marks
    .filter((m) => m >= lo * (1 - 1e-9) && m <= hi + 1e-12)
    .map((m) => ({ value: m, label: labelled.has(m) ? logitLabel(m, fontSize) : '', major: true }));
  return f;
}

export interface AxesStyle {
  tickFont: number;
  labelFont: number;
  color: string;
  grid: string;
  /** Tick marks inside the frame on all four sides (reach figures); else grid lines only. */
  tickMarks: boolean;
  /** Grid lines at minor ticks too, faint (small figures). */
  minorGrid: boolean;
  frameWidth: number;
  /** Distance of the x axis title below the frame, and of the y title left of the figure edge. */
  xTitleY: number;
  yTitleX: number;
  /** Gap between the frame and the y tick labels. */
  yTickGap: number;
  /**
   * Width of the whole figure, px: an x tick label that would run past its
   * right edge (a logit axis's `1−10⁻⁶` at the frame's end) is drawn ending
   * there instead of centred on its tick. Absent: labels are always centred.
   */
  figureWidth?: number;
}

/** Approximate drawn width of tick-label markup, px: its visible characters, a raised exponent at its smaller size. */
export function labelWidth(markup: string, fontSize: number): number {
  let w = 0;
  for (const m of markup.matchAll(/<tspan([^>]*)>([^<]*)<\/tspan>|([^<]+)/g)) {
    const text = (m[2] ?? m[3] ?? '').replace(/&[a-z]+;/g, '&');
    const size = /font-size="([\d.]+)"/.exec(m[1] ?? '');
    w += [...text].length * (size ? Number(size[1]) : fontSize) * 0.62;
  }
  return w;
}

/** Frame, grid, ticks, tick labels and axis titles (markup) of a plot area. */
export function drawAxes(a: Area, x: Axis, y: Axis, xTitle: string, yTitle: string, s: AxesStyle): string {
  const out: string[] = [];
  const grid: string[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number, extra: Record<string, string | number> = {}) => el('line', { x1, y1, x2, y2, ...extra });
  const inRange = (v: number, lo: number, hi: number) => v >= Math.min(lo, hi) - 1e-6 && v <= Math.max(lo, hi) + 1e-6;
  for (const t of x.ticks) {
    const X = x(t.value);
    if (!inRange(X, a.left, a.right)) continue;
    if (s.tickMarks) {
      const len = t.major ? 8 : 4;
      out.push(line(X, a.bottom, X, a.bottom - len), line(X, a.top, X, a.top + len));
    }
    if (t.major || s.minorGrid) grid.push(line(X, a.top, X, a.bottom, t.major || !s.minorGrid ? {} : { 'stroke-opacity': 0.4 }));
    if (t.label) {
      const edge = s.figureWidth !== undefined ? s.figureWidth - 2 : Infinity;
      const past = X + labelWidth(t.label, s.tickFont) / 2 > edge;
      out.push(el('text', { class: 'tick-label x', x: past ? edge : X, y: a.bottom + s.tickFont + 9, 'text-anchor': past ? 'end' : 'middle', stroke: 'none' }, t.label));
    }
  }
  for (const t of y.ticks) {
    const Y = y(t.value);
    if (!inRange(Y, a.top, a.bottom)) continue;
    if (s.tickMarks) {
      const len = t.major ? 8 : 4;
      out.push(line(a.left, Y, a.left + len, Y), line(a.right, Y, a.right - len, Y));
    }
    if (t.major || s.minorGrid) grid.push(line(a.left, Y, a.right, Y, t.major || !s.minorGrid ? {} : { 'stroke-opacity': 0.4 }));
    if (t.label) out.push(el('text', { class: 'tick-label y', x: a.left - s.yTickGap, y: Y + s.tickFont / 3, 'text-anchor': 'end', stroke: 'none' }, t.label));
  }
  return [
    el('g', { class: 'grid', stroke: s.grid, 'stroke-width': 1 }, grid.join('')),
    el('g', { class: 'ticks', stroke: s.color, 'stroke-width': 1, 'font-size': s.tickFont, fill: s.color }, out.join('')),
    el('rect', { class: 'frame', x: a.left, y: a.top, width: a.right - a.left, height: a.bottom - a.top, fill: 'none', stroke: s.color, 'stroke-width': s.frameWidth }),
    el('text', { class: 'axis-label x', x: (a.left + a.right) / 2, y: a.bottom + s.xTitleY, 'text-anchor': 'middle', 'font-size': s.labelFont, fill: s.color }, xTitle),
    el(
      'text',
      {
        class: 'axis-label y',
        transform: `translate(${px(s.yTitleX)},${px((a.top + a.bottom) / 2)}) rotate(-90)`,
        'text-anchor': 'middle',
        'font-size': s.labelFont,
        fill: s.color,
      },
      yTitle,
    ),
  ].join('\n');
}

/** Path data through the drawable points, broken where a value is missing; a lone point becomes a dot (round caps). */
export function linePath(points: [number, number][], x: Axis, y: Axis): string {
  const parts: string[] = [];
  let run = 0;
  const close = () => {
    if (run === 1) parts.push('l0,0');
    run = 0;
  };
  for (const [u, v] of points) {
    if (!drawable(x.kind, u) || !drawable(y.kind, v)) {
      close();
      continue;
    }
    parts.push(`${run === 0 ? 'M' : 'L'}${px(x(u))},${px(y(v))}`);
    run++;
  }
  close();
  return parts.join('');
}

/** The pixel polylines of a path's points (the same breaks as {@link linePath}), for placing labels. */
export function polylines(points: [number, number][], x: Axis, y: Axis): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (const [u, v] of points) {
    if (!drawable(x.kind, u) || !drawable(y.kind, v)) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push([x(u), y(v)]);
  }
  if (cur.length) out.push(cur);
  return out;
}
