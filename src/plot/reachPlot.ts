/**
 * The reach figure (like Fig. 2 of the seed paper) as an SVG string: ε at
 * 90% CL against m_A' on log–log axes, the total limit (solid blue), the
 * annihilation-only (dashed) and bremsstrahlung-only (dotted) limits, the best
 * point, optional grey comparison curves, and a legend.
 *
 * Pure and browser-safe (d3-scale for the scales and ticks, no DOM). Output is
 * deterministic: coordinates are rounded to 2 decimals, so golden files compare
 * as text. Points whose ε is 0, negative or not finite (no yield) are skipped,
 * and a curve is broken there rather than bridged.
 */
import { exposureText } from '../format/exposure.js';
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import { MeV } from '../constants.js';
import { sameMass } from '../format/number.js';
import type { ReachResult } from '../results.js';
import { logTicks } from './logAxis.js';
import { el, esc, powerOfTen, px, scientific } from './svg.js';

/** Another experiment's limit to show in grey: [m_A' in GeV, ε] pairs. */
export interface ComparisonCurve {
  label: string;
  points: [massGeV: number, epsilon: number][];
  /** Shade the region above the curve (an excluded region, like NA64 in Fig. 2). */
  excluded?: boolean;
}

export interface ReachPlotOptions {
  /** Figure size in px (default 800 × 600). */
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
  /** Draw the legend inside the figure (default true; a page may draw its own beside it). */
  legend?: boolean;
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
const COLORS = { total: '#0072B2', annihilation: '#D55E00', bremsstrahlung: '#009E73', radiative: '#CC79A7', frame: '#222222' };
/** Expected-limit band colours (the ±1σ green and ±2σ yellow of HEP figures). */
const BAND_COLORS = { one: '#4dbf4d', two: '#f5e04a' };
const GREYS = ['#555555', '#777777', '#999999', '#444444'];
/** Masses where ε90 is not a meaningful limit (valid: false) are shaded in this colour (Okabe–Ito reddish purple). */
const INVALID = '#CC79A7';
const INVALID_OPACITY = 0.22;
const GREY_DASHES = ['9 4', '3 3', '12 4 3 4', undefined];
/** Average advance of DejaVu Sans as a fraction of the font size, for rough text widths. */
const CHAR_WIDTH = 0.62;

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
      ...(opts.comparisons ?? []).flatMap((c) => c.points.filter(([m]) => inRange(m)).map(([, e]) => e)),
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

/** Path data through the finite points, broken where a value is missing. */
function pathData(points: [number, number][], L: ReachPlotLayout): string {
  let d = '';
  let open = false;
  for (const [m, e] of points) {
    if (!finitePositive(m) || !finitePositive(e)) {
      open = false;
      continue;
    }
    d += `${open ? 'L' : 'M'}${px(L.x(m))},${px(L.y(e))}`;
    open = true;
  }
  // A lone point becomes a zero-length segment, drawn as a dot by round caps.
  return d.replace(/M([^ML]+)(?=M|$)/g, 'M$1l0,0');
}

/** The frame, log ticks, grid and axis labels of a reach figure (shared with the scan figures). */
export function axes(L: ReachPlotLayout, massUnit: 'GeV' | 'MeV' = 'GeV'): string {
  // Masses are GeV on the scale; in MeV every label is 10³ larger (powers of ten stay powers of ten).
  const shift = massUnit === 'MeV' ? 3 : 0;
  const { plot } = L;
  const out: string[] = [];
  const grid: string[] = [];
  const tick = (x1: number, y1: number, x2: number, y2: number) => el('line', { x1, y1, x2, y2 });
  for (const t of logTicks(L.x)) {
    const X = L.x(t.value);
    const len = t.major ? 8 : 4;
    out.push(tick(X, plot.bottom, X, plot.bottom - len), tick(X, plot.top, X, plot.top + len));
    if (t.major) grid.push(tick(X, plot.top, X, plot.bottom));
    if (t.labelled) {
      const label = t.major ? powerOfTen((t.exponent as number) + shift, TICK_FONT) : esc(String(Number((t.value * 10 ** shift).toPrecision(3))));
      out.push(el('text', { class: 'tick-label x', x: X, y: plot.bottom + 24, 'text-anchor': 'middle', stroke: 'none' }, label));
    }
  }
  for (const t of logTicks(L.y)) {
    const Y = L.y(t.value);
    const len = t.major ? 8 : 4;
    out.push(tick(plot.left, Y, plot.left + len, Y), tick(plot.right, Y, plot.right - len, Y));
    if (t.major) grid.push(tick(plot.left, Y, plot.right, Y));
    if (t.labelled) {
      const label = t.major ? powerOfTen(t.exponent as number, TICK_FONT) : esc(String(Number(t.value.toPrecision(3))));
      out.push(el('text', { class: 'tick-label y', x: plot.left - 10, y: Y + 5, 'text-anchor': 'end', stroke: 'none' }, label));
    }
  }
  const w = plot.right - plot.left;
  const h = plot.bottom - plot.top;
  return [
    el('g', { class: 'grid', stroke: '#e8e8e8', 'stroke-width': 1 }, grid.join('')),
    el('g', { class: 'ticks', stroke: COLORS.frame, 'stroke-width': 1, 'font-size': TICK_FONT, fill: COLORS.frame }, out.join('')),
    el('rect', { class: 'frame', x: plot.left, y: plot.top, width: w, height: h, fill: 'none', stroke: COLORS.frame, 'stroke-width': 1.2 }),
    el(
      'text',
      { class: 'axis-label x', x: (plot.left + plot.right) / 2, y: L.height - 18, 'text-anchor': 'middle', 'font-size': LABEL_FONT },
      `m<tspan dy="5" font-size="13">A′</tspan><tspan dy="-5"> [${massUnit}]</tspan>`,
    ),
    el(
      'text',
      {
        class: 'axis-label y',
        transform: `translate(${px(26)},${px((plot.top + plot.bottom) / 2)}) rotate(-90)`,
        'text-anchor': 'middle',
        'font-size': LABEL_FONT,
      },
      'ε (90% CL)',
    ),
  ].join('\n');
}

interface LegendEntry {
  label: string;
  stroke: string;
  dash?: string;
  width: number;
  fill?: boolean;
  /** A filled swatch of this colour instead of a line (bands). */
  swatch?: string;
  /** A filled region's colour (the sample is a box of it, with no line). */
  region?: string;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Picks the plot corner whose legend box covers the fewest curve points and no other label. */
function legendBox(L: ReachPlotLayout, w: number, h: number, pts: [number, number][], avoid: Box[]): { x: number; y: number } {
  const pad = 10;
  const { plot } = L;
  const corners = [
    { x: plot.left + pad, y: plot.top + pad },
    { x: plot.right - pad - w, y: plot.top + pad },
    { x: plot.right - pad - w, y: plot.bottom - pad - h },
    { x: plot.left + pad, y: plot.bottom - pad - h },
  ];
  const covered = (c: { x: number; y: number }) =>
    pts.filter(([X, Y]) => X >= c.x - pad && X <= c.x + w + pad && Y >= c.y - pad && Y <= c.y + h + pad).length +
    1e6 * avoid.filter((b) => overlaps(b, { x: c.x - pad, y: c.y - pad, w: w + 2 * pad, h: h + 2 * pad })).length;
  let best = corners[0];
  let least = covered(best);
  for (const c of corners.slice(1)) {
    const n = covered(c);
    if (n < least) [best, least] = [c, n];
  }
  return best;
}

function legend(L: ReachPlotLayout, header: string, headerChars: number, entries: LegendEntry[], pts: [number, number][], avoid: Box[]): string {
  const row = LEGEND_FONT + 7;
  const sample = 34;
  const chars = Math.max(headerChars, ...entries.map((e) => e.label.length + 5));
  const w = Math.ceil(chars * LEGEND_FONT * CHAR_WIDTH) + 20;
  const h = row * (entries.length + 1) + 12;
  const { x, y } = legendBox(L, w, h, pts, avoid);
  const parts = [
    el('rect', { x, y, width: w, height: h, fill: 'white', 'fill-opacity': 0.9, stroke: '#bbbbbb', 'stroke-width': 1 }),
    el('text', { x: x + 10, y: y + 6 + row * 0.75, fill: COLORS.frame }, header),
  ];
  entries.forEach((e, i) => {
    const Y = y + 6 + row * (i + 1) + row / 2;
    if (e.fill) parts.push(el('rect', { x: x + 10, y: Y - 7, width: sample, height: 10, fill: '#000000', 'fill-opacity': 0.12 }));
    if (e.swatch) {
      parts.push(
        el('rect', { x: x + 10, y: Y - 7, width: sample, height: 14, fill: e.swatch, stroke: 'none' }),
        el('text', { x: x + 18 + sample, y: Y + 5, fill: COLORS.frame }, esc(e.label)),
      );
      return;
    }
    if (e.region) {
      parts.push(el('rect', { x: x + 10, y: Y - 7, width: sample, height: 12, fill: e.region, 'fill-opacity': INVALID_OPACITY, stroke: e.region, 'stroke-dasharray': '3 2' }));
    } else {
      parts.push(el('line', { x1: x + 10, y1: Y, x2: x + 10 + sample, y2: Y, stroke: e.stroke, 'stroke-width': e.width, 'stroke-dasharray': e.dash }));
    }
    parts.push(el('text', { x: x + 18 + sample, y: Y + 5, fill: COLORS.frame }, esc(e.label)));
  });
  return el('g', { class: 'legend', 'font-size': LEGEND_FONT }, parts.join(''));
}

/** The best point's marker and label, and the label's box (for the legend to avoid). */
function bestPoint(r: ReachResult, L: ReachPlotLayout): { markup: string; box?: Box } {
  const { massGeV, epsilon90 } = r.best;
  if (!finitePositive(massGeV) || !finitePositive(epsilon90)) return { markup: '' };
  const [xlo, xhi] = L.x.domain();
  const [ylo, yhi] = L.y.domain();
  if (massGeV < xlo || massGeV > xhi || epsilon90 < ylo || epsilon90 > yhi) return { markup: '' };
  const X = L.x(massGeV);
  const Y = L.y(epsilon90);
  const mass = `${Number((massGeV / MeV).toPrecision(3))} MeV`;
  const text = scientific(epsilon90, 2, LEGEND_FONT, ` at ${mass}`);
  const chars = 20 + mass.length + (r.best.valid ? 0 : 14);
  const half = (chars * LEGEND_FONT * CHAR_WIDTH) / 2;
  const TX = Math.min(Math.max(X, L.plot.left + half + 4), L.plot.right - half - 4);
  const below = Y + 30 < L.plot.bottom - 4;
  const TY = below ? Y + 28 : Y - 14;
  const markup = el(
    'g',
    { class: 'best' },
    (r.best.valid
      ? el('circle', { cx: X, cy: Y, r: 5, fill: COLORS.total, stroke: 'white', 'stroke-width': 1.5 })
      : el('circle', { class: 'invalid', cx: X, cy: Y, r: 5, fill: 'white', stroke: INVALID, 'stroke-width': 2 })) +
      el('text', { x: TX, y: TY, 'text-anchor': 'middle', 'font-size': LEGEND_FONT, fill: COLORS.frame }, `best ε = ${text}${r.best.valid ? '' : ' (not a limit)'}`),
  );
  return { markup, box: { x: TX - half, y: Math.min(Y, TY - LEGEND_FONT) - 6, w: 2 * half, h: Math.abs(TY - Y) + LEGEND_FONT + 12 } };
}

/** Pixel x-ranges of the runs of points with valid: false, each reaching halfway (in log mass) to its valid neighbours. */
function invalidBands(r: ReachResult, L: ReachPlotLayout): [number, number][] {
  const pts = r.points;
  const X = (m: number) => L.x(m);
  const bands: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    if (pts[i].valid) continue;
    let j = i;
    while (j + 1 < pts.length && !pts[j + 1].valid) j++;
    const lo = i > 0 ? (X(pts[i - 1].massGeV) + X(pts[i].massGeV)) / 2 : X(pts[i].massGeV);
    const hi = j + 1 < pts.length ? (X(pts[j].massGeV) + X(pts[j + 1].massGeV)) / 2 : X(pts[j].massGeV);
    bands.push([Math.max(lo, L.plot.left), Math.min(hi, L.plot.right)]);
    i = j;
  }
  return bands.filter(([a, b]) => b >= a);
}

/**
 * Renders the reach figure.
 * @param r the library's reach result (points sorted by mass)
 * @returns a standalone SVG document (width × height px, white background)
 */
export function reachPlot(r: ReachResult, opts: ReachPlotOptions = {}): string {
  const L = reachPlotLayout(r, opts);
  const { width, height, plot } = L;
  const showProcesses = opts.showProcesses ?? true;
  const comparisons = opts.comparisons ?? [];
  const clipId = `${opts.idPrefix ?? 'vanish-reach'}-plot-area`;

  const curves: string[] = [];
  const entries: LegendEntry[] = [];
  const visible: [number, number][] = [];
  const track = (pts: [number, number][]) => {
    for (const [m, e] of pts) if (finitePositive(m) && finitePositive(e)) visible.push([L.x(m), L.y(e)]);
  };

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
          const up = run.map(([m, , e]) => `${px(L.x(m))},${px(L.y(e))}`);
          const down = [...run].reverse().map(([m, e]) => `${px(L.x(m))},${px(L.y(e))}`);
          curves.push(el('path', { class: `band band-${name === '±1σ' ? 1 : 2}sigma`, d: `M${[...up, ...down].join('L')}Z`, fill, stroke: 'none' }));
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

  comparisons.forEach((c, i) => {
    const stroke = GREYS[i % GREYS.length];
    const dash = GREY_DASHES[i % GREY_DASHES.length];
    const pts = [...c.points].sort((a, b) => a[0] - b[0]);
    const d = pathData(pts, L);
    if (c.excluded && d) {
      const xs = pts.filter(([m, e]) => finitePositive(m) && finitePositive(e)).map(([m]) => L.x(m));
      const area = `${d.replace(/M/g, 'L').replace(/^L/, 'M')}L${px(xs[xs.length - 1])},${px(plot.top)}L${px(xs[0])},${px(plot.top)}Z`;
      curves.push(el('path', { class: 'comparison-region', d: area, fill: '#000000', 'fill-opacity': 0.12, stroke: 'none' }));
    }
    curves.push(
      el('path', { class: 'curve comparison', 'data-label': c.label, d, fill: 'none', stroke, 'stroke-width': 2, 'stroke-dasharray': dash }),
    );
    entries.push({ label: c.label, stroke, dash, width: 2, fill: c.excluded });
    track(pts);
  });

  const series = (pick: (p: ReachResult['points'][number]) => number): [number, number][] =>
    r.points.map((p) => [p.massGeV, pick(p)]);
  const mine: { name: string; label: string; stroke: string; width: number; dash?: string; pts: [number, number][] }[] = [];
  if (showProcesses) {
    mine.push(
      { name: 'annihilation', label: 'annihilation only', stroke: COLORS.annihilation, width: 2, dash: '8 4', pts: series((p) => p.epsilon90Annihilation) },
      { name: 'bremsstrahlung', label: 'bremsstrahlung only', stroke: COLORS.bremsstrahlung, width: 2.2, dash: '2 4', pts: series((p) => p.epsilon90Bremsstrahlung) },
    );
    if (r.spectral) {
      mine.push({ name: 'counting', label: 'one count (no spectrum)', stroke: '#56B4E9', width: 2, dash: '4 3', pts: series((p) => p.epsilon90Counting) });
    }
    if (r.config.radiativeAnnihilation) {
      mine.push({ name: 'radiative', label: 'e⁺e⁻ → γA′ only', stroke: COLORS.radiative, width: 2, dash: '12 3 3 3', pts: series((p) => p.epsilon90Radiative) });
    }
  }
  // The best point lies on the total curve between grid masses (the grid misses the sharp minimum); draw through it.
  const total = series((p) => p.epsilon90);
  const { massGeV: bm, epsilon90: be } = r.best;
  if (finitePositive(bm) && finitePositive(be) && !total.some(([m]) => sameMass(m, bm))) {
    total.push([bm, be]);
    total.sort((a, b) => a[0] - b[0]);
  }
  // The signature names the total: a positron track that vanishes in the ECL (collider), missing energy (fixed target).
  const totalLabel = r.config.kind === 'fixedTarget' ? 'missing energy (total)' : 'disappearing positron track';
  mine.push({ name: 'total', label: totalLabel, stroke: COLORS.total, width: 3, pts: total });
  for (const c of mine) {
    curves.push(
      el('path', {
        class: `curve ${c.name}`,
        'data-label': c.label,
        d: pathData(c.pts, L),
        fill: 'none',
        stroke: c.stroke,
        'stroke-width': c.width,
        'stroke-dasharray': c.dash,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      }),
    );
    track(c.pts);
  }
  // Legend order: the total first, then the processes, then comparisons.
  const own: LegendEntry[] = [mine[mine.length - 1], ...mine.slice(0, -1)].map((c) => ({ label: c.label, stroke: c.stroke, dash: c.dash, width: c.width }));
  // Masses where ε90 is not a meaningful limit: a shaded band over each run of such points, reaching halfway to the
  // neighbouring valid points (in log mass), with a legend entry
  const bands = invalidBands(r, L);
  if (bands.length > 0) {
    curves.unshift(...bands.map(([x0, x1]) => el('rect', { class: 'invalid-region', x: x0, y: plot.top, width: Math.max(x1 - x0, 3), height: plot.bottom - plot.top, fill: INVALID, 'fill-opacity': INVALID_OPACITY, stroke: 'none' })));
    own.push({ label: 'no meaningful limit (valid: false)', stroke: INVALID, width: 0, region: INVALID });
  }

  const cfg = r.config;
  const exposure =
    cfg.kind === 'fixedTarget'
      ? `, ${esc(exposureText(cfg))}</tspan>`
      : `, ${esc(String(cfg.lumi))} ab</tspan><tspan dy="-6" font-size="11">−1</tspan>`;
  const header = `α<tspan dy="4" font-size="11">D</tspan><tspan dy="-4"> = ${esc(String(cfg.alphaD))}, m</tspan><tspan dy="4" font-size="11">A′</tspan><tspan dy="-4"> = ${esc(String(cfg.massRatio))} m</tspan><tspan dy="4" font-size="11">χ</tspan><tspan dy="-4">${exposure}`;
  const headerChars =
    21 + String(cfg.alphaD).length + String(cfg.massRatio).length + (cfg.kind === 'fixedTarget' ? exposureText(cfg).length : 5 + String(cfg.lumi).length);

  const best = bestPoint(r, L);
  const title = opts.title
    ? el('text', { class: 'title', x: (plot.left + plot.right) / 2, y: 30, 'text-anchor': 'middle', 'font-size': LABEL_FONT }, esc(opts.title))
    : '';
  const aria = opts.title ?? "Expected 90% CL limit on the kinetic mixing ε against the dark photon mass";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(aria)}">`,
    `<title>${esc(aria)}</title>`,
    el('rect', { width, height, fill: 'white' }),
    el('defs', {}, el('clipPath', { id: clipId }, el('rect', { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top }))),
    title,
    axes(L, opts.massUnit),
    el('g', { class: 'curves', 'clip-path': `url(#${clipId})` }, `\n${curves.join('\n')}\n`),
    best.markup,
    opts.legend === false ? '' : legend(L, header, headerChars, [...own, ...bandEntries, ...entries], visible, best.box ? [best.box] : []),
    '</svg>',
    '',
  ]
    .filter((s) => s !== '')
    .join('\n')
    .concat('\n');
}
