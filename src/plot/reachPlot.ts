/**
 * The reach figure (like Fig. 2 of the seed paper) as an SVG string: ε at
 * 90% CL against m_A' on log–log axes; vanish's own curves in colour (the
 * total solid blue, named after the experiment; annihilation-only dashed,
 * bremsstrahlung-only dotted, …), other experiments' curves in grey with dash
 * patterns vanish's own never use, excluded regions shaded grey; the best
 * point where it is an interior minimum, labelled beside the dip, not on it;
 * and a legend that hides nothing drawn (a free corner, else below the axes).
 *
 * Pure and browser-safe (d3-scale for the scales and ticks, no DOM). Output is
 * deterministic: coordinates are rounded to 2 decimals, text widths come from
 * a fixed average advance of DejaVu Sans, so golden files compare as text.
 * Points whose ε is 0, negative or not finite (no yield) are skipped, and a
 * curve is broken there rather than bridged.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import { experimentName } from '../config/experimentName.js';
import { MeV } from '../constants.js';
import { exposureText } from '../format/exposure.js';
import { sameMass } from '../format/number.js';
import type { ReachResult } from '../results.js';
import { type Axis, type AxesStyle, drawAxes, linePath, logAxisTicks, polylines } from './axes.js';
import { type Box, Obstacles, type Point, inflate } from './geometry.js';
import { type LegendEntry, type LegendHeader, drawLegend, legendSize, placeLegend } from './legend.js';
import { el, esc, px, scientific } from './svg.js';

/** Another experiment's limit, drawn in grey: [m_A' in GeV, ε] pairs. */
export interface ComparisonCurve {
  label: string;
  points: [massGeV: number, epsilon: number][];
  /** Shade the region above the curve (an excluded region, like NA64 in the paper's Fig. 2). */
  excluded?: boolean;
}

export interface ReachPlotOptions {
  /** Figure size in px (default 800 × 600); a legend placed below the axes adds to the height. */
  width?: number;
  height?: number;
  comparisons?: ComparisonCurve[];
  /** A title above the plot area (default none). */
  title?: string;
  /** Mass range shown, GeV (default: the points' range). */
  xDomain?: [number, number];
  /** ε range shown (default: the total curve and comparisons in range, widened to powers of ten, at most 1). */
  yDomain?: [number, number];
  /** Draw the annihilation-only and bremsstrahlung-only curves (default true). */
  showProcesses?: boolean;
  /** Prefix of element ids, unique per figure when several are inlined in one page (default 'vanish-reach'). */
  idPrefix?: string;
  /**
   * A band around the total curve, as HEP figures shade it: per point of `r.points`, ε at −2σ, −1σ,
   * the median, +1σ, +2σ; ±2σ in yellow, ±1σ in green, named after `label` in the legend.
   */
  band?: { epsilon90: number[][]; label?: string; /** The band at the best point r.best, drawn through like the curve. */ best?: number[] };
  /** The unit of the mass axis's labels (default GeV); masses given to the plot are always GeV. */
  massUnit?: 'GeV' | 'MeV';
  /**
   * The legend (default 'auto'): 'auto' (or true) puts it in a corner of the plot area where it hides
   * no curve, region or label, else below the axes; 'outside' always below; 'inside' in the corner
   * that hides least; false draws none (a page may draw its own beside the figure).
   */
  legend?: boolean | 'auto' | 'inside' | 'outside';
  /** The experiment's name in the legend (default: from the configuration, e.g. "Belle II", "NA64"). */
  experiment?: string;
  /**
   * The plane the result is drawn in: ε against m_A′ (default), or y = ε² α_D (m_χ/m_A′)⁴ against
   * m_χ — then the result's masses are m_χ and its limits y (plot/yPlane.ts converts a reach).
   */
  plane?: 'epsilon' | 'y';
  /** Theory lines (thermal-relic targets), drawn in black, solid then dashed. */
  targets?: ComparisonCurve[];
}

export interface ReachPlotLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The plot area in px. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** m_A' (GeV) → px; `x.invert(px)` gives the mass under a pointer. */
  x: ScaleLogarithmic<number, number>;
  /** ε → px. */
  y: ScaleLogarithmic<number, number>;
}

// ── style ──
const FONT = 'DejaVu Sans';
const TICK_FONT = 15;
const LABEL_FONT = 17;
const LEGEND_FONT = 14;
/** vanish's own curves: colours of the Okabe–Ito palette (never grey). */
export const OWN_STYLES = {
  total: { stroke: '#0072B2', width: 3, dash: undefined },
  annihilation: { stroke: '#D55E00', width: 2, dash: '8 4' },
  bremsstrahlung: { stroke: '#009E73', width: 2.2, dash: '2 4' },
  counting: { stroke: '#56B4E9', width: 2, dash: '4 3' },
  radiative: { stroke: '#CC79A7', width: 2, dash: '12 3 3 3' },
} as const;
/** Other experiments' curves: greys, thinner, dash patterns that vanish's own curves never use (the first is the paper's "gray dashed"). */
export const COMPARISON_STYLES: readonly { stroke: string; width: number; dash?: string }[] = [
  { stroke: '#555555', width: 1.8, dash: '10 5' },
  { stroke: '#333333', width: 1.8, dash: '14 4 2 4 2 4' },
  { stroke: '#777777', width: 1.8, dash: '5 2 1 2' },
  { stroke: '#444444', width: 1.4, dash: undefined },
];
/** Excluded regions: grey shading, darker for each further region, bounded by a solid grey line. */
const REGION_FILLS = [
  { fill: '#7f7f7f', opacity: 0.28 },
  { fill: '#4f4f4f', opacity: 0.22 },
  { fill: '#afafaf', opacity: 0.35 },
];
const REGION_LINE = { stroke: '#666666', width: 1.4 };
/** Masses where ε90 is not a meaningful limit (valid: false) are shaded in this colour (Okabe–Ito reddish purple). */
const INVALID = { fill: '#CC79A7', opacity: 0.22 };
const FRAME_COLOR = '#222222';
/** Expected-limit band colours (the ±1σ green and ±2σ yellow of HEP figures). */
const BAND_COLORS = { one: '#4dbf4d', two: '#f5e04a' };
/** Average advance of DejaVu Sans as a fraction of the font size, for text widths. */
const CHAR_WIDTH = 0.62;
const LEGEND_STYLE = { fontSize: LEGEND_FONT, charWidth: CHAR_WIDTH, color: FRAME_COLOR };

const finitePositive = (v: number) => Number.isFinite(v) && v > 0;

/** The range of finite positive values, or undefined. */
function extent(values: number[]): [number, number] | undefined {
  // A loop, not Math.min(...v): a spread of a 130 000-point comparison curve overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    if (!finitePositive(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** A log scale over `domain` widened to powers of ten (one decade at least). */
function niceLog(domain: [number, number], range: [number, number]): ScaleLogarithmic<number, number> {
  let [lo, hi] = domain;
  if (lo === hi) [lo, hi] = [lo / 3, hi * 3];
  return scaleLog().domain([lo, hi]).range(range).nice();
}

/**
 * Whether the result's best point is an interior minimum of its total curve:
 * the curve is higher at a computed mass on each side of it. On a curve that
 * falls (or rises) all the way across the range the "best" ε is just the
 * range's end, and is not marked.
 */
export function bestIsInteriorMinimum(r: ReachResult): boolean {
  const { massGeV, epsilon90 } = r.best;
  if (!finitePositive(massGeV) || !finitePositive(epsilon90)) return false;
  const higher = (p: ReachResult['points'][number]) => finitePositive(p.epsilon90) && p.epsilon90 > epsilon90 * (1 + 1e-9);
  const below = r.points.some((p) => p.massGeV < massGeV && !sameMass(p.massGeV, massGeV) && higher(p));
  const above = r.points.some((p) => p.massGeV > massGeV && !sameMass(p.massGeV, massGeV) && higher(p));
  return below && above;
}

/** Whether a point or the best point is flagged as no meaningful limit (`valid: false`; absent means valid). */
const flaggedInvalid = (p: object): boolean => (p as { valid?: boolean }).valid === false;

/** Pixel x-ranges of the runs of points with valid: false, each reaching halfway (in log mass) to its valid neighbours. */
function invalidBands(r: ReachResult, L: ReachPlotLayout): [number, number][] {
  const pts = r.points;
  const X = (m: number) => L.x(m);
  const bands: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    if (!flaggedInvalid(pts[i])) continue;
    let j = i;
    while (j + 1 < pts.length && flaggedInvalid(pts[j + 1])) j++;
    const lo = i > 0 ? (X(pts[i - 1].massGeV) + X(pts[i].massGeV)) / 2 : X(pts[i].massGeV);
    const hi = j + 1 < pts.length ? (X(pts[j].massGeV) + X(pts[j + 1].massGeV)) / 2 : X(pts[j].massGeV);
    bands.push([Math.max(lo, L.plot.left), Math.min(hi, L.plot.right)]);
    i = j;
  }
  return bands.filter(([a, b]) => b >= a);
}

/** Scales and margins of the reach figure, shared with pages that overlay a read-out. */
export function reachPlotLayout(r: ReachResult, opts: ReachPlotOptions = {}): ReachPlotLayout {
  const width = opts.width ?? 800;
  const height = opts.height ?? 600;
  const margin = { top: opts.title ? 48 : 22, right: 28, bottom: 68, left: 92 };
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };

  // The masses asked for, exactly (a zoom stays a zoom); a single mass gets a decade around it.
  const xData = opts.xDomain ?? extent(r.points.map((p) => p.massGeV)) ?? [1 * MeV, 1000 * MeV];
  const x = xData[0] < xData[1] ? scaleLog().domain(xData).range([plot.left, plot.right]) : niceLog(xData, [plot.left, plot.right]);

  let y: ScaleLogarithmic<number, number>;
  if (opts.yDomain) {
    y = scaleLog().domain(opts.yDomain).range([plot.bottom, plot.top]);
  } else {
    const [xlo, xhi] = x.domain();
    const inRange = (m: number) => m >= xlo && m <= xhi;
    const eps = [
      ...r.points.map((p) => p.epsilon90),
      ...(finitePositive(r.best.epsilon90) ? [r.best.epsilon90] : []),
      ...[...(opts.comparisons ?? []), ...(opts.targets ?? [])].flatMap((c) => c.points.filter(([m]) => inRange(m)).map(([, e]) => e)),
      ...(opts.band?.epsilon90 ?? []).flatMap((e) => [e[0], e[4]]),
    ];
    // Room below the best point for its label, then whole decades; ε > 1 is not shown.
    const [min, hi] = extent(eps) ?? [1e-6, 1];
    const lo = finitePositive(r.best.epsilon90) ? Math.min(min, r.best.epsilon90 / 2.5) : min;
    const top = Math.min(hi * 1.2, 1) > lo ? Math.min(hi * 1.2, 1) : hi;
    y = niceLog([lo, top], [plot.bottom, plot.top]);
  }
  return { width, height, margin, plot, x, y };
}

/** A d3 log scale as an axis of the shared engine ({@link drawAxes}). */
function asAxis(s: ScaleLogarithmic<number, number>, exponentShift = 0): Axis {
  const f = ((v: number) => s(v)) as Axis;
  f.kind = 'log';
  f.domain = s.domain() as [number, number];
  f.ticks = logAxisTicks(s, TICK_FONT, exponentShift);
  return f;
}

const AXES_STYLE: AxesStyle = {
  tickFont: TICK_FONT,
  labelFont: LABEL_FONT,
  color: FRAME_COLOR,
  grid: '#e8e8e8',
  tickMarks: true,
  minorGrid: false,
  frameWidth: 1.2,
  xTitleY: 50,
  yTitleX: 26,
  yTickGap: 10,
};

/** The frame, log ticks, grid and axis labels of a reach figure (shared with the scan figures). */
export function axes(L: ReachPlotLayout, massUnit: 'GeV' | 'MeV' = 'GeV', plane: 'epsilon' | 'y' = 'epsilon'): string {
  // Masses are GeV on the scale; in MeV every label is 10³ larger (powers of ten stay powers of ten).
  const shift = massUnit === 'MeV' ? 3 : 0;
  return drawAxes(
    L.plot,
    asAxis(L.x, shift),
    asAxis(L.y),
    `m<tspan dy="5" font-size="13">${plane === 'y' ? 'χ' : 'A′'}</tspan><tspan dy="-5"> [${massUnit}]</tspan>`,
    plane === 'y'
      ? 'y = ε<tspan dy="-6" font-size="12">2</tspan><tspan dy="6"> α</tspan><tspan dy="4" font-size="12">D</tspan><tspan dy="-4"> (m</tspan><tspan dy="4" font-size="12">χ</tspan><tspan dy="-4">/m</tspan><tspan dy="4" font-size="12">A′</tspan><tspan dy="-4">)</tspan><tspan dy="-6" font-size="12">4</tspan><tspan dy="6"> (90% CL)</tspan>'
      : 'ε (90% CL)',
    { ...AXES_STYLE, xTitleY: L.height - 18 - L.plot.bottom },
  );
}

/** Text of the best point's label and its width in px. */
function bestText(massGeV: number, epsilon90: number, massUnit: 'GeV' | 'MeV', valid: boolean, plane: 'epsilon' | 'y' = 'epsilon'): { markup: string; w: number } {
  const inMeV = massUnit === 'MeV' || massGeV < 1;
  const mass = inMeV ? `${Number((massGeV / MeV).toPrecision(3))} MeV` : `${Number(massGeV.toPrecision(3))} GeV`;
  const note = valid ? '' : ' (not a limit)';
  const markup = `best ${plane === 'y' ? 'y' : 'ε'} = ${scientific(epsilon90, 2, LEGEND_FONT, ` at ${esc(mass)}${note}`)}`;
  return { markup, w: (20 + mass.length + note.length) * LEGEND_FONT * CHAR_WIDTH };
}

/**
 * The best point's marker and its label, placed beside the dip where it covers
 * no curve: below, below right, below left, right, left, above right, above
 * left or above the marker, the first such place inside the plot area that
 * crosses no drawn segment or region (else the one that crosses fewest).
 */
function bestPoint(r: ReachResult, L: ReachPlotLayout, drawn: Obstacles, massUnit: 'GeV' | 'MeV', plane: 'epsilon' | 'y' = 'epsilon'): { markup: string; boxes: Box[] } {
  const { massGeV, epsilon90 } = r.best;
  if (!bestIsInteriorMinimum(r)) return { markup: '', boxes: [] };
  const [xlo, xhi] = L.x.domain();
  const [ylo, yhi] = L.y.domain();
  if (massGeV < xlo || massGeV > xhi || epsilon90 < ylo || epsilon90 > yhi) return { markup: '', boxes: [] };
  const X = L.x(massGeV);
  const Y = L.y(epsilon90);
  const valid = !flaggedInvalid(r.best);
  const { markup: text, w } = bestText(massGeV, epsilon90, massUnit, valid, plane);
  const h = LEGEND_FONT + 6;
  const g = 12;
  const { plot } = L;
  const candidates: Box[] = [
    { x: X - w / 2, y: Y + g, w, h },
    { x: X + g / 2, y: Y + g, w, h },
    { x: X - g / 2 - w, y: Y + g, w, h },
    { x: X + g, y: Y - h / 2, w, h },
    { x: X - g - w, y: Y - h / 2, w, h },
    { x: X + g / 2, y: Y - g - h, w, h },
    { x: X - g / 2 - w, y: Y - g - h, w, h },
    { x: X - w / 2, y: Y - g - h, w, h },
    { x: X - w / 2, y: Y + 2.5 * g, w, h },
    { x: X - w / 2, y: Y + 4 * g, w, h },
  ].filter((b) => b.x >= plot.left + 4 && b.x + b.w <= plot.right - 4 && b.y >= plot.top + 4 && b.y + b.h <= plot.bottom - 4);
  let box: Box | undefined;
  let least = Infinity;
  for (const c of candidates) {
    const n = drawn.cost(inflate(c, 2));
    if (n < least) [box, least] = [c, n];
    if (n === 0) break;
  }
  // Nowhere inside the plot area: below the marker, clamped into it.
  box ??= { x: Math.min(Math.max(X - w / 2, plot.left + 4), plot.right - 4 - w), y: Math.min(Y + g, plot.bottom - 4 - h), w, h };
  const marker: Box = { x: X - 6, y: Y - 6, w: 12, h: 12 };
  const markup = el(
    'g',
    { class: 'best' },
    (valid
      ? el('circle', { cx: X, cy: Y, r: 5, fill: OWN_STYLES.total.stroke, stroke: 'white', 'stroke-width': 1.5 })
      : el('circle', { class: 'invalid', cx: X, cy: Y, r: 5, fill: 'white', stroke: INVALID.fill, 'stroke-width': 2 })) +
      el('text', { class: 'best-label', x: box.x + w / 2, y: box.y + h - 5, 'text-anchor': 'middle', 'font-size': LEGEND_FONT, fill: FRAME_COLOR }, text),
  );
  return { markup, boxes: [marker, box] };
}

/**
 * Renders the reach figure.
 * @param r the library's reach result (points sorted by mass)
 * @returns a standalone SVG document (width × height px, taller by the legend when it goes below the axes; white background)
 */
export function reachPlot(r: ReachResult, opts: ReachPlotOptions = {}): string {
  const L = reachPlotLayout(r, opts);
  const { width, plot } = L;
  const massUnit = opts.massUnit ?? 'GeV';
  const showProcesses = opts.showProcesses ?? true;
  const comparisons = opts.comparisons ?? [];
  const clipId = `${opts.idPrefix ?? 'vanish-reach'}-plot-area`;
  const X = asAxis(L.x);
  const Y = asAxis(L.y);
  const drawn = new Obstacles();
  const line = (pts: [number, number][]) => drawn.lines.push(...polylines(pts, X, Y));

  const regions: string[] = [];
  const curves: string[] = [];
  const comparisonEntries: LegendEntry[] = [];

  const bandEntries: LegendEntry[] = [];
  if (opts.band) {
    // Shaded ±2σ (yellow) and ±1σ (green) regions, the usual colours of expected-limit bands; broken where ε is missing.
    const shades: [number, number, string, string][] = [
      [0, 4, BAND_COLORS.two, '±2σ'],
      [1, 3, BAND_COLORS.one, '±1σ'],
    ];
    for (const [lo, hi, fill, name] of shades) {
      const rows = r.points.map((p, i) => [p.massGeV, opts.band!.epsilon90[i]?.[lo], opts.band!.epsilon90[i]?.[hi]] as [number, number, number]);
      const bb = opts.band.best;
      if (bb && finitePositive(r.best.massGeV) && !r.points.some((p) => sameMass(p.massGeV, r.best.massGeV))) {
        rows.push([r.best.massGeV, bb[lo], bb[hi]]);
        rows.sort((a, b) => a[0] - b[0]);
      }
      let run: [number, number, number][] = [];
      const flush = () => {
        if (run.length > 1) {
          const poly: Point[] = [...run.map(([m, , e]): Point => [L.x(m), L.y(e)]), ...[...run].reverse().map(([m, e]): Point => [L.x(m), L.y(e)])];
          regions.push(el('path', { class: `band band-${name === '±1σ' ? 1 : 2}sigma`, d: `M${poly.map(([a, b]) => `${px(a)},${px(b)}`).join('L')}Z`, fill, stroke: 'none' }));
          drawn.polygons.push(poly);
        }
        run = [];
      };
      for (const row of rows) {
        if (finitePositive(row[0]) && finitePositive(row[1]) && finitePositive(row[2])) run.push(row);
        else flush();
      }
      flush();
      bandEntries.push({ label: `${opts.band.label ?? 'expected'} ${name}`, stroke: 'none', width: 0, swatch: fill });
    }
    bandEntries.reverse();
  }

  const targetEntries: LegendEntry[] = [];
  (opts.targets ?? []).forEach((t, i) => {
    // a missing y (no target at that mass: NaN) breaks the line, in linePath and polylines
    const pts = t.points.filter(([m]) => finitePositive(m)).sort((a, b) => a[0] - b[0]);
    const dash = i === 0 ? undefined : '6 3';
    curves.push(el('path', { class: 'curve target', 'data-label': t.label, d: linePath(pts, X, Y), fill: 'none', stroke: '#000000', 'stroke-width': 2, 'stroke-dasharray': dash }));
    targetEntries.push({ label: t.label, stroke: '#000000', dash, width: 2 });
    line(pts);
  });

  let nLines = 0;
  let nRegions = 0;
  for (const c of comparisons) {
    const pts = c.points.filter(([m, e]) => finitePositive(m) && finitePositive(e)).sort((a, b) => a[0] - b[0]);
    const d = linePath(pts, X, Y);
    if (c.excluded) {
      // The region above the curve, to the top of the plot area, between the curve's ends.
      const shade = REGION_FILLS[nRegions++ % REGION_FILLS.length];
      if (pts.length > 1) {
        const poly: Point[] = [...pts.map(([m, e]): Point => [L.x(m), L.y(e)]), [L.x(pts[pts.length - 1][0]), plot.top], [L.x(pts[0][0]), plot.top]];
        regions.push(
          el('path', {
            class: 'comparison-region',
            'data-label': c.label,
            d: `M${poly.map(([a, b]) => `${px(a)},${px(b)}`).join('L')}Z`,
            fill: shade.fill,
            'fill-opacity': shade.opacity,
            stroke: 'none',
          }),
        );
        drawn.polygons.push(clipPolygon(poly, plot));
      }
      curves.push(el('path', { class: 'curve comparison region-edge', 'data-label': c.label, d, fill: 'none', stroke: REGION_LINE.stroke, 'stroke-width': REGION_LINE.width }));
      comparisonEntries.push({ label: c.label, stroke: REGION_LINE.stroke, width: REGION_LINE.width, region: shade });
    } else {
      const s = COMPARISON_STYLES[nLines++ % COMPARISON_STYLES.length];
      curves.push(el('path', { class: 'curve comparison', 'data-label': c.label, d, fill: 'none', stroke: s.stroke, 'stroke-width': s.width, 'stroke-dasharray': s.dash }));
      comparisonEntries.push({ label: c.label, stroke: s.stroke, dash: s.dash, width: s.width });
    }
    line(pts);
  }

  const series = (pick: (p: ReachResult['points'][number]) => number): [number, number][] => r.points.map((p) => [p.massGeV, pick(p)]);
  type Own = { name: keyof typeof OWN_STYLES; label: string; pts: [number, number][] };
  const mine: Own[] = [];
  if (showProcesses) {
    mine.push(
      { name: 'annihilation', label: 'annihilation only', pts: series((p) => p.epsilon90Annihilation) },
      { name: 'bremsstrahlung', label: 'bremsstrahlung only', pts: series((p) => p.epsilon90Bremsstrahlung) },
    );
    if (r.spectral) mine.push({ name: 'counting', label: 'one count (no spectrum)', pts: series((p) => p.epsilon90Counting) });
    if (r.config.radiativeAnnihilation) mine.push({ name: 'radiative', label: 'e⁺e⁻ → γA′ only', pts: series((p) => p.epsilon90Radiative) });
  }
  // The best point lies on the total curve between grid masses (the grid misses the sharp minimum); draw through it.
  const total = series((p) => p.epsilon90);
  const { massGeV: bm, epsilon90: be } = r.best;
  if (finitePositive(bm) && finitePositive(be) && !total.some(([m]) => sameMass(m, bm))) {
    total.push([bm, be]);
    total.sort((a, b) => a[0] - b[0]);
  }
  // The total names the experiment and the signature: a positron track that vanishes in the calorimeter (collider), missing energy (fixed target).
  const name = opts.experiment ?? experimentName(r.config);
  const signature = r.config.kind === 'fixedTarget' ? 'missing energy (total)' : 'disappearing positron track';
  mine.push({ name: 'total', label: `${name}: ${signature}`, pts: total });
  for (const c of mine) {
    const s = OWN_STYLES[c.name];
    curves.push(
      el('path', {
        class: `curve ${c.name}`,
        'data-label': c.label,
        d: linePath(c.pts, X, Y),
        fill: 'none',
        stroke: s.stroke,
        'stroke-width': s.width,
        'stroke-dasharray': s.dash,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      }),
    );
    line(c.pts);
  }
  // Legend order: the total first, then the processes, the band, then other experiments.
  const own: LegendEntry[] = [mine[mine.length - 1], ...mine.slice(0, -1)].map((c) => ({ label: c.label, ...OWN_STYLES[c.name] }));
  // Masses where ε90 is not a meaningful limit: a shaded band over each run of such points, reaching halfway to the
  // neighbouring valid points (in log mass), with a legend entry.
  const bands = invalidBands(r, L);
  if (bands.length > 0) {
    for (const [x0, x1] of bands) {
      const w = Math.max(x1 - x0, 3);
      regions.unshift(el('rect', { class: 'invalid-region', x: x0, y: plot.top, width: w, height: plot.bottom - plot.top, fill: INVALID.fill, 'fill-opacity': INVALID.opacity, stroke: 'none' }));
      drawn.polygons.push([
        [x0, plot.top],
        [x0 + w, plot.top],
        [x0 + w, plot.bottom],
        [x0, plot.bottom],
      ]);
    }
    own.push({ label: 'no meaningful limit (valid: false)', stroke: INVALID.fill, width: 0, region: { ...INVALID, border: INVALID.fill } });
  }

  const best = bestPoint(r, L, drawn, massUnit, opts.plane);
  drawn.boxes.push(...best.boxes);

  const cfg = r.config;
  const exposure =
    cfg.kind === 'fixedTarget'
      ? `, ${esc(exposureText(cfg))}</tspan>`
      : `, ${esc(String(cfg.lumi))} ab</tspan><tspan dy="-6" font-size="11">−1</tspan>`;
  const header: LegendHeader = {
    markup: `α<tspan dy="4" font-size="11">D</tspan><tspan dy="-4"> = ${esc(String(cfg.alphaD))}, m</tspan><tspan dy="4" font-size="11">A′</tspan><tspan dy="-4"> = ${esc(String(cfg.massRatio))} m</tspan><tspan dy="4" font-size="11">χ</tspan><tspan dy="-4">${exposure}`,
    chars: 21 + String(cfg.alphaD).length + String(cfg.massRatio).length + (cfg.kind === 'fixedTarget' ? exposureText(cfg).length : 5 + String(cfg.lumi).length),
  };

  let height = L.height;
  let legendMarkup = '';
  if (opts.legend !== false) {
    const entries = [...own, ...bandEntries, ...targetEntries, ...comparisonEntries];
    const { w, h } = legendSize(entries, header, LEGEND_STYLE);
    const mode = opts.legend === true || opts.legend === undefined ? 'auto' : opts.legend;
    const at = placeLegend(plot, w, h, drawn, L.height - 4, mode);
    legendMarkup = drawLegend(at.box.x, at.box.y, entries, header, LEGEND_STYLE);
    height += at.extraHeight;
  }

  const title = opts.title
    ? el('text', { class: 'title', x: (plot.left + plot.right) / 2, y: 30, 'text-anchor': 'middle', 'font-size': LABEL_FONT }, esc(opts.title))
    : '';
  const aria =
    opts.title ??
    (opts.plane === 'y'
      ? `${name}: expected 90% CL limit on y = ε² α_D (m_χ/m_A′)⁴ against the dark-matter mass`
      : `${name}: expected 90% CL limit on the kinetic mixing ε against the dark photon mass`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(aria)}">`,
    `<title>${esc(aria)}</title>`,
    el('rect', { width, height, fill: 'white' }),
    el('defs', {}, el('clipPath', { id: clipId }, el('rect', { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top }))),
    title,
    axes(L, massUnit, opts.plane),
    el('g', { class: 'curves', 'clip-path': `url(#${clipId})` }, `\n${[...regions, ...curves].join('\n')}\n`),
    best.markup,
    legendMarkup,
    '</svg>',
    '',
  ]
    .filter((s) => s !== '')
    .join('\n')
    .concat('\n');
}

/** A polygon's vertices clamped into the plot area (regions are drawn clipped; what is hidden is only what is inside). */
function clipPolygon(poly: Point[], a: { left: number; top: number; right: number; bottom: number }): Point[] {
  return poly.map(([x, y]): Point => [Math.min(Math.max(x, a.left), a.right), Math.min(Math.max(y, a.top), a.bottom)]);
}
