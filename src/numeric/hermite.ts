/**
 * Tabulated smooth functions: a C¹ piecewise-cubic Hermite interpolant on a
 * uniform grid, slopes from fourth-order finite differences (one-sided at the
 * ends), so the interpolation error is O(h⁴). {@link tabulate} also measures
 * that error, by comparing with the function itself at every interval midpoint,
 * so tables built from it report an honest accuracy.
 */

export class UniformHermite {
  private readonly slopes: Float64Array;
  constructor(
    readonly x0: number,
    readonly h: number,
    readonly y: Float64Array,
  ) {
    const n = y.length;
    if (n < 5) throw new RangeError(`a Hermite table needs at least 5 nodes, got ${n}`);
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (i >= 2 && i <= n - 3) d[i] = (y[i - 2] - 8 * y[i - 1] + 8 * y[i + 1] - y[i + 2]) / (12 * h);
      else if (i < 2) {
        const j = 0; // forward five-point stencil at node i
        const o = i - j;
        d[i] =
          o === 0
            ? (-25 * y[0] + 48 * y[1] - 36 * y[2] + 16 * y[3] - 3 * y[4]) / (12 * h)
            : (-3 * y[0] - 10 * y[1] + 18 * y[2] - 6 * y[3] + y[4]) / (12 * h);
      } else {
        const k = n - 1;
        d[i] =
          i === k
            ? (25 * y[k] - 48 * y[k - 1] + 36 * y[k - 2] - 16 * y[k - 3] + 3 * y[k - 4]) / (12 * h)
            : (3 * y[k] + 10 * y[k - 1] - 18 * y[k - 2] + 6 * y[k - 3] - y[k - 4]) / (12 * h);
      }
    }
    this.slopes = d;
  }

  /** The interpolant at x (clamped to the table's first/last interval outside it). */
  at(x: number): number {
    const n = this.y.length;
    const t = (x - this.x0) / this.h;
    let i = Math.floor(t);
    if (i < 0) i = 0;
    if (i > n - 2) i = n - 2;
    const s = t - i;
    const s2 = s * s;
    const s3 = s2 * s;
    return (
      (2 * s3 - 3 * s2 + 1) * this.y[i] +
      (s3 - 2 * s2 + s) * this.h * this.slopes[i] +
      (-2 * s3 + 3 * s2) * this.y[i + 1] +
      (s3 - s2) * this.h * this.slopes[i + 1]
    );
  }
}

export interface Table {
  spline: UniformHermite;
  /**
   * Twice the largest relative difference |spline − f|/|f| seen at the interval
   * midpoints (the midpoint is near, not always at, the worst point); |f| is
   * floored at 1e−6 of the table's largest value, so a function that vanishes
   * somewhere gets a meaningful figure.
   */
  error: number;
  /** Twice the largest absolute difference |spline − f| at the midpoints. */
  absError: number;
  /** Twice |spline − f| at each interval's midpoint: the local absolute error, interval by interval. */
  intervalAbsError: Float64Array;
}

/** Tabulates f on n uniform intervals of [a, b] and measures the interpolation error at every midpoint. */
export function tabulate(f: (x: number) => number, a: number, b: number, n: number): Table {
  const h = (b - a) / n;
  const nodes = new Float64Array(n + 1);
  const mids = new Float64Array(n);
  for (let i = 0; i <= n; i++) nodes[i] = f(i === n ? b : a + i * h);
  for (let i = 0; i < n; i++) mids[i] = f(a + (i + 0.5) * h);
  return tableFromValues(a, b, nodes, mids);
}

/**
 * A table from values already computed at the n + 1 nodes and the n interval
 * midpoints of [a, b] (for functions that are cheaper to compute together, such
 * as cumulative integrals); the midpoints measure the interpolation error.
 */
export function tableFromValues(a: number, b: number, nodes: Float64Array, mids: Float64Array): Table {
  const n = mids.length;
  const h = (b - a) / n;
  const spline = new UniformHermite(a, h, nodes);
  let largest = 0;
  for (const y of nodes) largest = Math.max(largest, Math.abs(y));
  for (const y of mids) largest = Math.max(largest, Math.abs(y));
  const floor = 1e-6 * largest;
  let error = 0;
  let absError = 0;
  const intervalAbsError = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const exact = mids[i];
    const diff = Math.abs(spline.at(a + (i + 0.5) * h) - exact);
    intervalAbsError[i] = 2 * diff;
    absError = Math.max(absError, 2 * diff);
    if (diff > 0) error = Math.max(error, (2 * diff) / Math.max(Math.abs(exact), floor));
  }
  return { spline, error, absError, intervalAbsError };
}

/** A table's nodes and measured errors: everything {@link tableFromData} needs. */
export interface TableData {
  x0: number;
  h: number;
  y: Float64Array;
  error: number;
  absError: number;
  intervalAbsError: Float64Array;
}

export function tableData(t: Table): TableData {
  return { x0: t.spline.x0, h: t.spline.h, y: t.spline.y, error: t.error, absError: t.absError, intervalAbsError: t.intervalAbsError };
}

/** The table of {@link tabulate} from its data (the slopes are recomputed from the nodes, bit for bit). */
export function tableFromData(d: TableData): Table {
  if (d.intervalAbsError.length !== d.y.length - 1) throw new RangeError(`table data: ${d.y.length} nodes, ${d.intervalAbsError.length} intervals`);
  return { spline: new UniformHermite(d.x0, d.h, d.y), error: d.error, absError: d.absError, intervalAbsError: d.intervalAbsError };
}
