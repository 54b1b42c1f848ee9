/**
 * An adaptively refined table of a smooth function: panels of [a, b] each hold
 * the function at five equally spaced points and interpolate with the quartic
 * through them. A panel is accepted when the cubic through four of its points
 * (ends and quarter points) predicts the fifth (the midpoint) within
 * relTol·|f(mid)| + absTol; otherwise it is halved, reusing three of its values.
 * The cubic's miss bounds the quartic's error (one order higher), so
 * {@link AdaptiveTable.relError} and {@link AdaptiveTable.absError} are honest,
 * conservative figures. Used for functions that are expensive to evaluate and
 * smooth on scales that vary by orders of magnitude over the range (a
 * resonance kernel folded over atomic momenta, see target/comptonProfile.ts).
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
}

/** Tabulates f on [a, b] (see the module comment). */
export function adaptiveTable(f: (x: number) => number, a: number, b: number, options: AdaptiveTableOptions = {}): AdaptiveTable {
  if (!(b > a)) throw new RangeError(`adaptiveTable needs a < b, got [${a}, ${b}]`);
  const relTol = options.relTol ?? 1e-6;
  const maxPanels = options.maxPanels ?? 20000;
  const minWidth = (options.minWidth ?? 1e-9) * (b - a);
  let evaluations = 0;
  const F = (x: number) => {
    evaluations++;
    const v = f(x);
    if (!Number.isFinite(v)) throw new RangeError(`adaptiveTable: f(${x}) = ${v}`);
    return v;
  };
  const n0 = options.initialPanels ?? 32;
  const cuts = new Set<number>();
  for (let i = 0; i <= n0; i++) cuts.add(i === n0 ? b : a + ((b - a) * i) / n0);
  for (const p of options.points ?? []) if (p > a && p < b) cuts.add(p);
  const sorted = [...cuts].sort((x, y) => x - y);
  // pending panels: [a, b, f0..f4]
  type Raw = { a: number; b: number; y: number[] };
  let pending: Raw[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const lo = sorted[i];
    const hi = sorted[i + 1];
    const h = (hi - lo) / 4;
    pending.push({ a: lo, b: hi, y: [F(lo), F(lo + h), F(lo + 2 * h), F(lo + 3 * h), F(hi)] });
  }
  let largest = 0;
  for (const p of pending) for (const v of p.y) largest = Math.max(largest, Math.abs(v));
  const absTol = options.absTol ?? relTol * (options.absFloor ?? 1e-6) * largest;
  const done: Raw[] = [];
  let forced = 0;
  while (pending.length) {
    if (done.length + pending.length > maxPanels) {
      throw new RangeError(`adaptiveTable on [${a}, ${b}] needs more than ${maxPanels} panels at relTol ${relTol}`);
    }
    const next: Raw[] = [];
    for (const p of pending) {
      const [y0, y1, y2, y3, y4] = p.y;
      // cubic through t = 0, 1, 3, 4 (in quarter steps) evaluated at t = 2
      const cubicMid = (-y0 + 9 * y1 + 9 * y3 - y4) / 16;
      const miss = Math.abs(cubicMid - y2);
      const tol = relTol * Math.abs(y2) + absTol;
      if (miss <= tol) {
        done.push(p);
        continue;
      }
      if (p.b - p.a <= minWidth) {
        done.push(p);
        forced = Math.max(forced, miss);
        continue;
      }
      const h = (p.b - p.a) / 8;
      const m = 0.5 * (p.a + p.b);
      next.push({ a: p.a, b: m, y: [y0, F(p.a + h), y1, F(p.a + 3 * h), y2] });
      next.push({ a: m, b: p.b, y: [y2, F(m + h), y3, F(m + 3 * h), y4] });
    }
    pending = next;
  }
  done.sort((x, y) => x.a - y.a);
  const n = done.length;
  const starts = new Float64Array(n);
  const widths = new Float64Array(n);
  // Newton forward-difference coefficients per panel, in t = 4(x − a)/(b − a) ∈ [0, 4]
  const coef = new Float64Array(5 * n);
  for (let i = 0; i < n; i++) {
    const { a: pa, b: pb, y } = done[i];
    starts[i] = pa;
    widths[i] = pb - pa;
    const d1 = [y[1] - y[0], y[2] - y[1], y[3] - y[2], y[4] - y[3]];
    const d2 = [d1[1] - d1[0], d1[2] - d1[1], d1[3] - d1[2]];
    const d3 = [d2[1] - d2[0], d2[2] - d2[1]];
    const d4 = d3[1] - d3[0];
    coef.set([y[0], d1[0], d2[0] / 2, d3[0] / 6, d4 / 24], 5 * i);
  }
  return adaptiveTableFromData({ lo: a, hi: b, relError: relTol, absError: Math.max(absTol, forced), evaluations, starts, widths, coef });
}

/** The table of {@link adaptiveTable} from its data (the same interpolant, bit for bit). */
export function adaptiveTableFromData(data: AdaptiveTableData): AdaptiveTable {
  const { lo: a, hi: b, starts, widths, coef } = data;
  const n = starts.length;
  if (widths.length !== n || coef.length !== 5 * n || n === 0) throw new RangeError(`adaptive table data: ${n} starts, ${widths.length} widths, ${coef.length} coefficients`);
  return {
    lo: a,
    hi: b,
    relError: data.relError,
    absError: data.absError,
    panels: n,
    evaluations: data.evaluations,
    data,
    at(x: number): number {
      if (!(x >= a && x <= b)) return 0;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= x) lo = mid;
        else hi = mid - 1;
      }
      const t = (4 * (x - starts[lo])) / widths[lo];
      const k = 5 * lo;
      return coef[k] + t * (coef[k + 1] + (t - 1) * (coef[k + 2] + (t - 2) * (coef[k + 3] + (t - 3) * coef[k + 4])));
    },
  };
}
