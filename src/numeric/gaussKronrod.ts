/**
 * Globally adaptive Gauss–Kronrod quadrature (G10/K21) with breakpoints.
 *
 * Method: the interval list is seeded with [a, p1, p2, …, b]; each panel is
 * integrated with the 21-point Kronrod rule and its embedded 10-point Gauss
 * rule; the panel with the largest error estimate is bisected until the summed
 * error is below max(absTol, relTol·|I|). The panel error estimate is the
 * QUADPACK one, resasc·min(1, (200|K21−G10|/resasc)^1.5), floored by round-off
 * (50·ε·resabs); a result whose error is down to that floor counts as
 * converged. Abscissae and weights: L. W. Fullerton (Bell Labs, 1981), as
 * tabulated in QUADPACK (Piessens et al., 1983).
 *
 * Failure is honest: if the tolerance is not met within `maxIntervals` panels
 * the result has `converged: false` and, unless `allowUnconverged` is set,
 * a {@link QuadratureError} is thrown carrying the best estimate. A non-finite
 * integrand value always throws, naming the abscissa.
 *
 * @example
 * integrate(Math.exp, 0, 1).value // ≈ 1.718281828459045 (= e − 1)
 */

/** Kronrod abscissae on [−1, 1] (positive half; xgk[1], xgk[3], … are the Gauss nodes). */
const XGK = [
  0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
  0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
  0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
  0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
  0.294392862701460198131126603103866, 0.14887433898163121088482600112972, 0,
];
const WGK = [
  0.011694638867371874278064396062192, 0.03255816230796472747881897245939,
  0.05475589657435199603138130024458, 0.07503967481091995276704314091619,
  0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
  0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
  0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
  0.149445554002916905664936468389821,
];
/** Weights of the 10-point Gauss rule, for nodes XGK[1], XGK[3], …, XGK[9]. */
const WG = [
  0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
  0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
  0.295524224714752870173892994651338,
];

/** The G10/K21 pair on [−1, 1] (positive half of the Kronrod nodes; Gauss weights for XGK[1], XGK[3], …), for rules built elsewhere. */
export const KRONROD_21: { readonly xgk: readonly number[]; readonly wgk: readonly number[]; readonly wg: readonly number[] } = { xgk: XGK, wgk: WGK, wg: WG };

const EPS = Number.EPSILON;

export interface QuadratureOptions {
  /** Relative tolerance on the integral (default 1e-8). */
  relTol?: number;
  /** Absolute tolerance on the integral (default 0). */
  absTol?: number;
  /** Interior points where the integrand is not smooth (kinks, peaks, edges); those outside (a, b) are ignored. */
  points?: readonly number[];
  /** Largest number of panels before giving up (default 2000). */
  maxIntervals?: number;
  /** Return an unconverged estimate instead of throwing (default false). */
  allowUnconverged?: boolean;
}

export interface QuadratureResult {
  /** The integral estimate. */
  value: number;
  /** Estimated absolute error of `value`. */
  error: number;
  /** Integrand evaluations used. */
  evaluations: number;
  /** Panels in the final partition. */
  intervals: number;
  /** Whether the requested tolerance was met. */
  converged: boolean;
}

/** Thrown when the adaptive quadrature cannot meet its tolerance or meets a non-finite integrand. */
export class QuadratureError extends Error {
  constructor(message: string, readonly result?: QuadratureResult) {
    super(message);
    this.name = 'QuadratureError';
  }
}

interface Panel {
  a: number;
  b: number;
  value: number;
  error: number;
  /** ∫|f| over the panel (K21), for the round-off floor. */
  resabs: number;
}

/**
 * Scratch for one panel's 20 off-centre values, one per nesting level (an integrand may itself
 * integrate): no allocation per panel.
 */
const scratch: Float64Array[] = [];
let depth = 0;

function kronrod21(f: (x: number) => number, a: number, b: number): Panel {
  const fv = (scratch[depth] ??= new Float64Array(20));
  depth++;
  try {
    const c = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    const fc = f(c);
    check(fc, c);
    let resk = fc * WGK[10];
    let resg = 0;
    let resabs = Math.abs(resk);
    for (let j = 0; j < 10; j++) {
      const dx = h * XGK[j];
      const f1 = f(c - dx);
      const f2 = f(c + dx);
      check(f1, c - dx);
      check(f2, c + dx);
      fv[2 * j] = f1;
      fv[2 * j + 1] = f2;
      resk += WGK[j] * (f1 + f2);
      resabs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
      if (j % 2 === 1) resg += WG[(j - 1) / 2] * (f1 + f2);
    }
    const mean = resk * 0.5;
    let resasc = WGK[10] * Math.abs(fc - mean);
    for (let j = 0; j < 10; j++) resasc += WGK[j] * (Math.abs(fv[2 * j] - mean) + Math.abs(fv[2 * j + 1] - mean));
    const ah = Math.abs(h);
    resasc *= ah;
    resabs *= ah;
    let err = Math.abs((resk - resg) * h);
    if (resasc !== 0 && err !== 0) err = resasc * Math.min(1, Math.pow((200 * err) / resasc, 1.5));
    if (resabs > Number.MIN_VALUE / (50 * EPS)) err = Math.max(50 * EPS * resabs, err);
    return { a, b, value: resk * h, error: err, resabs };
  } finally {
    depth--;
  }
}

function check(v: number, x: number): void {
  if (!Number.isFinite(v)) throw new QuadratureError(`integrand is ${v} at x = ${x}`);
}

/**
 * ∫_a^b f(x) dx by adaptive G10/K21 with optional breakpoints.
 * Requires finite a and b; map infinite ranges or endpoint singularities first
 * (see `transforms.ts`).
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): QuadratureResult {
  const relTol = options.relTol ?? 1e-8;
  const absTol = options.absTol ?? 0;
  const maxIntervals = options.maxIntervals ?? 2000;
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new QuadratureError(`integration limits must be finite, got [${a}, ${b}]`);
  }
  if (!(relTol >= 0) || !(absTol >= 0) || (relTol === 0 && absTol === 0)) {
    throw new QuadratureError(`tolerances must be non-negative and not both zero (relTol=${relTol}, absTol=${absTol})`);
  }
  if (a === b) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const sign = b > a ? 1 : -1;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const panels: Panel[] = [];
  const inner = options.points;
  if (inner === undefined || inner.length === 0) panels.push(kronrod21(f, lo, hi));
  else {
    const cuts = [lo, ...inner.filter((p) => p > lo && p < hi).sort((x, y) => x - y), hi];
    for (let i = 0; i + 1 < cuts.length; i++) {
      if (cuts[i + 1] > cuts[i]) panels.push(kronrod21(f, cuts[i], cuts[i + 1]));
    }
  }
  let evaluations = 21 * panels.length;
  let value = 0;
  let error = 0;
  let resabs = 0;
  // converged when the error meets the tolerance, or is down to round-off
  // (an integral that cancels to zero has no relative accuracy to reach)
  let converged = false;
  for (;;) {
    value = 0;
    error = 0;
    resabs = 0;
    for (let i = 0; i < panels.length; i++) {
      const p = panels[i];
      value += p.value;
      error += p.error;
      resabs += p.resabs;
    }
    converged = error <= Math.max(absTol, relTol * Math.abs(value), 50 * EPS * resabs);
    if (converged || panels.length >= maxIntervals) break;
    let worst = 0;
    for (let i = 1; i < panels.length; i++) if (panels[i].error > panels[worst].error) worst = i;
    const p = panels[worst];
    const mid = 0.5 * (p.a + p.b);
    if (!(mid > p.a && mid < p.b)) break; // the panel cannot be split further in double precision
    const left = kronrod21(f, p.a, mid);
    const right = kronrod21(f, mid, p.b);
    evaluations += 42;
    panels.splice(worst, 1, left, right);
  }
  const result: QuadratureResult = {
    value: sign * value,
    error,
    evaluations,
    intervals: panels.length,
    converged,
  };
  if (!converged && !options.allowUnconverged) {
    throw new QuadratureError(
      `adaptive quadrature on [${a}, ${b}] did not reach relTol=${relTol}, absTol=${absTol} ` +
        `within ${panels.length} panels (estimate ${result.value} ± ${error})`,
      result,
    );
  }
  return result;
}
