/**
 * An adaptively refined table of a smooth function: panels of [a, b] each hold
 * the function at five equally spaced points (t = 0 … 4 in quarter steps) and
 * interpolate with the quartic through them. A panel is halved, reusing three of
 * its values, until its midpoint test passes: the midpoint value against
 * (−f₀ + 9f₁ + 9f₃ − f₄)/16, a prediction exact only for straight lines (it is
 * the cubic's midpoint rule for nodes at t = −1, 1, 3, 5, not 0, 1, 3, 4), so its
 * miss, within relTol·|f(mid)| + absTol, measures the curvature: a strict test,
 * which makes {@link AdaptiveTable.relError} and {@link AdaptiveTable.absError}
 * conservative figures for the quartic, at the price of many panels. Used for
 * functions that are expensive to evaluate and smooth on scales that vary by
 * orders of magnitude over the range (the annihilation kernel F; a resonance
 * kernel folded over atomic momenta, see target/comptonProfile.ts).
 *
 * Three options serve a positive function that falls over many decades (a power
 * law in the middle, vanishing like a power of the distance at both ends):
 * - `offNodeCheck` measures the interpolant's error itself: the midpoint test is
 *   the cubic's, (−f₀ + 4f₁ + 4f₃ − f₄)/6 (exact for cubics), and the accepted
 *   quartic must also meet half the tolerance at t = 1/2 and 7/2, off its nodes
 *   (two more values, reused when the panel is halved), which also catches a
 *   knee narrower than the node spacing;
 * - `logValues` lets a panel whose values are positive interpolate ln f instead
 *   (a power law is a line there) when that meets the tolerance, a miss of ln f
 *   read as a relative error: expm1(miss) ≤ relTol + absTol/max f on the panel;
 * - `stretchEnds` = δ tabulates in x = ln(u/(1 − u)), u = (x′ − a)/(b − a)
 *   ∈ [δ, 1 − δ], so that a power of the distance to an end is a line in x and
 *   ln f. Within δ(b − a) of an end the table is 0: f there is taken to be no
 *   larger than at the cut (f vanishes monotonically at the ends), and the
 *   larger |f| at the two cuts is added to absError.
 * Without them the table is what it always was (F's, bit for bit).
 */

export interface AdaptiveTableOptions {
  /** Relative tolerance per panel (default 1e-6). */
  relTol?: number;
  /** Absolute tolerance per panel; default relTol × absFloor × the largest |f| seen on the initial grid. */
  absTol?: number;
  /** The default absTol's fraction of the largest |f| (default 1e-6). */
  absFloor?: number;
  /** Uniform panels to start from (default 32). */
  initialPanels?: number;
  /** Interior points that must be panel boundaries (features of f). */
  points?: readonly number[];
  /** Largest number of panels (default 20000); beyond, the table throws. */
  maxPanels?: number;
  /** Smallest panel width relative to b − a (default 1e-9); narrower panels are accepted as they are and counted in the error. */
  minWidth?: number;
  /** Interpolate ln f on panels where f > 0 at all five points, when that meets the tolerance (module comment). */
  logValues?: boolean;
  /** δ: tabulate in x = ln(u/(1 − u)), u ∈ [δ, 1 − δ], and take f = 0 within δ(b − a) of either end (module comment). */
  stretchEnds?: number;
  /** Test panels by the cubic's midpoint rule and the quartic's error at t = 1/2 and 7/2 (module comment). */
  offNodeCheck?: boolean;
}

export interface AdaptiveTable {
  readonly lo: number;
  readonly hi: number;
  /** The interpolant at x; 0 outside [lo, hi]. */
  at(x: number): number;
  /** Bound on |table − f|: relError·|f| + absError (each panel's accepted miss of the cubic check). */
  readonly relError: number;
  /** Absolute part of the error bound, same units as f. */
  readonly absError: number;
  readonly panels: number;
  readonly evaluations: number;
  /** Everything the table is (to store it and rebuild it with {@link adaptiveTableFromData}). */
  readonly data: AdaptiveTableData;
}

/** An adaptive table's panels: starts, widths, 5 Newton coefficients each, and its error figures. */
export interface AdaptiveTableData {
  lo: number;
  hi: number;
  relError: number;
  absError: number;
  evaluations: number;
  starts: Float64Array;
  widths: Float64Array;
  coef: Float64Array;
  /** δ of the stretched variable (starts and widths are then in x = ln(u/(1 − u))); absent: in x′ itself. */
  stretch?: number;
  /** 1 where a panel's coefficients interpolate ln f; absent: none does. */
  logPanels?: Float64Array;
}

/**
 * The share of the tolerance an interpolant may miss by at t = 1/2 and 7/2 (offNodeCheck): the
 * quartic's error term ∝ t(t − 1)(t − 2)(t − 3)(t − 4) is 0.9 of its largest |value| on the
 * panel there, so half the tolerance leaves room for the rest.
 */
const OFF_NODE_SHARE = 0.5;

/** Tabulates f on [a, b] (see the module comment). */
export function adaptiveTable(f: (x: number) => number, a: number, b: number, options: AdaptiveTableOptions = {}): AdaptiveTable {
  if (!(b > a)) throw new RangeError(`adaptiveTable needs a < b, got [${a}, ${b}]`);
  const relTol = options.relTol ?? 1e-6;
  const maxPanels = options.maxPanels ?? 20000;
  const delta = options.stretchEnds;
  if (delta !== undefined && !(delta > 0 && delta < 0.5)) throw new RangeError(`adaptiveTable: stretchEnds must be in (0, 0.5), got ${delta}`);
  const logValues = options.logValues ?? false;
  // the table's own variable: x′ itself, or x = ln(u/(1 − u)) on [−X, X]
  const X = delta === undefined ? 0 : Math.log((1 - delta) / delta);
  const [lo, hi] = delta === undefined ? [a, b] : [-X, X];
  const toOwn = delta === undefined ? (x: number) => x : (x: number) => stretchOf(x, a, b);
  const fromOwn = delta === undefined ? (x: number) => x : (x: number) => a + (b - a) / (1 + Math.exp(-x));
  const minWidth = (options.minWidth ?? 1e-9) * (hi - lo);
  let evaluations = 0;
  const F = (t: number) => {
    evaluations++;
    const x = fromOwn(t);
    const v = f(x);
    if (!Number.isFinite(v)) throw new RangeError(`adaptiveTable: f(${x}) = ${v}`);
    return v;
  };
  const n0 = options.initialPanels ?? 32;
  const cuts = new Set<number>();
  for (let i = 0; i <= n0; i++) cuts.add(i === n0 ? hi : lo + ((hi - lo) * i) / n0);
  for (const p of options.points ?? []) if (p > a && p < b) cuts.add(toOwn(p));
  const sorted = [...cuts].filter((x) => x >= lo && x <= hi).sort((x, y) => x - y);
  // pending panels: [a, b, f0..f4], whether they interpolate ln f, f at t = 1/2 and 7/2 once checked there
  type Raw = { a: number; b: number; y: number[]; log?: boolean; c?: [number, number] };
  let pending: Raw[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const pa = sorted[i];
    const pb = sorted[i + 1];
    const h = (pb - pa) / 4;
    pending.push({ a: pa, b: pb, y: [F(pa), F(pa + h), F(pa + 2 * h), F(pa + 3 * h), F(pb)] });
  }
  let largest = 0;
  for (const p of pending) for (const v of p.y) largest = Math.max(largest, Math.abs(v));
  const absTol = options.absTol ?? relTol * (options.absFloor ?? 1e-6) * largest;
  // beyond the stretched variable's cuts the table is 0: f there is at most f at the cuts
  const cutValue = delta === undefined ? 0 : Math.max(Math.abs(pending[0].y[0]), Math.abs(pending[pending.length - 1].y[4]));
  const offNodeCheck = options.offNodeCheck ?? false;
  /** Whether the panel's interpolant (of f, or of ln f) meets the tolerance at t = 1/2 and 7/2 too. */
  const offNodeOk = (p: Raw, log: boolean): boolean => {
    if (!offNodeCheck) return true;
    const w = p.b - p.a;
    const [c0, c1] = (p.c ??= [F(p.a + w / 8), F(p.a + (7 * w) / 8)]);
    if (!log) {
      const q0 = quarticAtHalf(p.y[0], p.y[1], p.y[2], p.y[3], p.y[4]);
      const q1 = quarticAtHalf(p.y[4], p.y[3], p.y[2], p.y[1], p.y[0]);
      return Math.abs(q0 - c0) <= OFF_NODE_SHARE * (relTol * Math.abs(c0) + absTol) && Math.abs(q1 - c1) <= OFF_NODE_SHARE * (relTol * Math.abs(c1) + absTol);
    }
    if (!(c0 > 0 && c1 > 0)) return false;
    const l = p.y.map(Math.log);
    const tol = OFF_NODE_SHARE * (relTol + absTol / Math.max(...p.y, c0, c1));
    return (
      Math.expm1(Math.abs(quarticAtHalf(l[0], l[1], l[2], l[3], l[4]) - Math.log(c0))) <= tol &&
      Math.expm1(Math.abs(quarticAtHalf(l[4], l[3], l[2], l[1], l[0]) - Math.log(c1))) <= tol
    );
  };
  const done: Raw[] = [];
  let forced = 0;
  while (pending.length) {
    if (done.length + pending.length > maxPanels) {
      throw new RangeError(`adaptiveTable on [${a}, ${b}] needs more than ${maxPanels} panels at relTol ${relTol}`);
    }
    const next: Raw[] = [];
    for (const p of pending) {
      const [y0, y1, y2, y3, y4] = p.y;
      // the midpoint test (module comment): a curvature test, or with offNodeCheck the cubic's
      const miss = offNodeCheck ? Math.abs((-y0 + 4 * y1 + 4 * y3 - y4) / 6 - y2) : Math.abs((-y0 + 9 * y1 + 9 * y3 - y4) / 16 - y2);
      if (miss <= relTol * Math.abs(y2) + absTol && offNodeOk(p, false)) {
        done.push(p);
        continue;
      }
      if (logValues && y0 > 0 && y1 > 0 && y2 > 0 && y3 > 0 && y4 > 0) {
        const [l0, l1, l2, l3, l4] = [Math.log(y0), Math.log(y1), Math.log(y2), Math.log(y3), Math.log(y4)];
        const lnMiss = offNodeCheck ? Math.abs((-l0 + 4 * l1 + 4 * l3 - l4) / 6 - l2) : Math.abs((-l0 + 9 * l1 + 9 * l3 - l4) / 16 - l2);
        if (Math.expm1(lnMiss) <= relTol + absTol / Math.max(y0, y1, y2, y3, y4) && offNodeOk(p, true)) {
          p.log = true;
          done.push(p);
          continue;
        }
      }
      if (p.b - p.a <= minWidth) {
        done.push(p);
        forced = Math.max(forced, miss);
        if (p.c) {
          forced = Math.max(forced, Math.abs(quarticAtHalf(y0, y1, y2, y3, y4) - p.c[0]), Math.abs(quarticAtHalf(y4, y3, y2, y1, y0) - p.c[1]));
        }
        continue;
      }
      const h = (p.b - p.a) / 8;
      const m = 0.5 * (p.a + p.b);
      next.push({ a: p.a, b: m, y: [y0, p.c?.[0] ?? F(p.a + h), y1, F(p.a + 3 * h), y2] });
      next.push({ a: m, b: p.b, y: [y2, F(m + h), y3, p.c?.[1] ?? F(m + 3 * h), y4] });
    }
    pending = next;
  }
  done.sort((x, y) => x.a - y.a);
  const n = done.length;
  const starts = new Float64Array(n);
  const widths = new Float64Array(n);
  const logPanels = logValues ? new Float64Array(n) : undefined;
  // Newton forward-difference coefficients per panel, in t = 4(x − a)/(b − a) ∈ [0, 4]
  const coef = new Float64Array(5 * n);
  for (let i = 0; i < n; i++) {
    const { a: pa, b: pb, log } = done[i];
    const y = log ? done[i].y.map(Math.log) : done[i].y;
    starts[i] = pa;
    widths[i] = pb - pa;
    if (logPanels && log) logPanels[i] = 1;
    const d1 = [y[1] - y[0], y[2] - y[1], y[3] - y[2], y[4] - y[3]];
    const d2 = [d1[1] - d1[0], d1[2] - d1[1], d1[3] - d1[2]];
    const d3 = [d2[1] - d2[0], d2[2] - d2[1]];
    const d4 = d3[1] - d3[0];
    coef.set([y[0], d1[0], d2[0] / 2, d3[0] / 6, d4 / 24], 5 * i);
  }
  const data: AdaptiveTableData = { lo: a, hi: b, relError: relTol, absError: Math.max(absTol, forced) + cutValue, evaluations, starts, widths, coef };
  if (delta !== undefined) data.stretch = delta;
  if (logPanels) data.logPanels = logPanels;
  return adaptiveTableFromData(data);
}

/** The quartic through (0, y0), …, (4, y4) at t = 1/2 (its Lagrange weights there). */
function quarticAtHalf(y0: number, y1: number, y2: number, y3: number, y4: number): number {
  return (35 * y0 + 140 * y1 - 70 * y2 + 28 * y3 - 5 * y4) / 128;
}

/** x = ln(u/(1 − u)) of x′ ∈ (a, b), u = (x′ − a)/(b − a): the stretched variable of `stretchEnds`. */
function stretchOf(x: number, a: number, b: number): number {
  const u = (x - a) / (b - a);
  return Math.log(u / (1 - u));
}

/** The table of {@link adaptiveTable} from its data (the same interpolant, bit for bit). */
export function adaptiveTableFromData(data: AdaptiveTableData): AdaptiveTable {
  const { lo: a, hi: b, starts, widths, coef, stretch: delta, logPanels } = data;
  const n = starts.length;
  if (widths.length !== n || coef.length !== 5 * n || n === 0 || (logPanels !== undefined && logPanels.length !== n)) {
    throw new RangeError(`adaptive table data: ${n} starts, ${widths.length} widths, ${coef.length} coefficients, ${logPanels?.length ?? 'no'} panel kinds`);
  }
  /** The interpolant in the table's own variable x (x′ itself, or the stretched x). */
  const own = (x: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    const t = (4 * (x - starts[lo])) / widths[lo];
    const k = 5 * lo;
    const v = coef[k] + t * (coef[k + 1] + (t - 1) * (coef[k + 2] + (t - 2) * (coef[k + 3] + (t - 3) * coef[k + 4])));
    return logPanels !== undefined && logPanels[lo] === 1 ? Math.exp(v) : v;
  };
  const lower = delta === undefined ? a : a + delta * (b - a);
  const upper = delta === undefined ? b : b - delta * (b - a);
  return {
    lo: a,
    hi: b,
    relError: data.relError,
    absError: data.absError,
    panels: n,
    evaluations: data.evaluations,
    data,
    at:
      delta === undefined
        ? (x: number) => (x >= a && x <= b ? own(x) : 0)
        : (x: number) => (x >= lower && x <= upper ? own(stretchOf(x, a, b)) : 0),
  };
}
