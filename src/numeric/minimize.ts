/**
 * One-dimensional minimisation on a bracket by Brent's method.
 *
 * Method: R. P. Brent, "Algorithms for Minimization without Derivatives"
 * (Prentice-Hall, 1973), ch. 5, procedure `localmin` (netlib `fmin`): golden
 * section steps, replaced by a parabola through the three best points whenever
 * that step is acceptable (inside the bracket, smaller than half the step
 * before last). It never evaluates f at a or b; it stops when the bracket
 * around the best point x is within 2·tol, tol = √ε·|x| + xTol/3, so x is
 * within about 2·tol of a local minimum. Convergence is guaranteed for any f
 * (golden-section fallback), superlinear for smooth f.
 *
 * Added to Brent: if x ends within 3·tol of an end of [a, b], f is evaluated
 * at that end too and the end is returned if it is not higher, so a minimum
 * on the boundary is returned exactly.
 *
 * @example
 * minimizeScalar(Math.cos, 2, 4).x // ≈ 3.14159265 (π)
 */

const EPS = Number.EPSILON;
/** (3 − √5)/2: the golden-section fraction. */
const GOLD = (3 - Math.sqrt(5)) / 2;

export interface MinimizeOptions {
  /** Absolute tolerance on x (default 1e-10); a relative √ε·|x| is always added. */
  xTol?: number;
  /** Largest number of evaluations of f before giving up (default 500). */
  maxEvaluations?: number;
}

export interface MinimizeResult {
  /** Abscissa of the (local) minimum. */
  x: number;
  /** f(x). */
  fx: number;
  /** Evaluations of f used. */
  evaluations: number;
}

/** Thrown for a non-finite f value or an exhausted evaluation budget. */
export class MinimizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MinimizeError';
  }
}

/** Minimises f on [a, b] (either order); see the module comment for the method. */
export function minimizeScalar(
  f: (x: number) => number,
  a: number,
  b: number,
  options: MinimizeOptions = {},
): MinimizeResult {
  const xTol = options.xTol ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 500;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) {
    throw new RangeError(`the bracket must be finite and non-empty, got [${a}, ${b}]`);
  }
  if (!(xTol > 0)) throw new RangeError(`xTol must be positive, got ${xTol}`);
  const lo0 = Math.min(a, b);
  const hi0 = Math.max(a, b);
  let evaluations = 0;
  const eval_ = (x: number): number => {
    if (evaluations >= maxEvaluations) {
      throw new MinimizeError(`minimizeScalar on [${lo0}, ${hi0}] used ${maxEvaluations} evaluations without converging`);
    }
    evaluations++;
    const v = f(x);
    if (Number.isNaN(v)) throw new MinimizeError(`f is NaN at x = ${x}`);
    return v;
  };

  let lo = lo0;
  let hi = hi0;
  let x = lo + GOLD * (hi - lo);
  let w = x;
  let v = x;
  let fx = eval_(x);
  let fw = fx;
  let fv = fx;
  let d = 0; // the last step
  let e = 0; // the step before last
  let tol = 0;
  for (;;) {
    const mid = 0.5 * (lo + hi);
    tol = Math.sqrt(EPS) * Math.abs(x) + xTol / 3;
    const tol2 = 2 * tol;
    if (Math.abs(x - mid) <= tol2 - 0.5 * (hi - lo)) break;
    let p = 0;
    let q = 0;
    if (Math.abs(e) > tol) {
      // parabola through (v, fv), (w, fw), (x, fx): step p/q from x
      const r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
    }
    if (Math.abs(e) > tol && Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (lo - x) && p < q * (hi - x)) {
      e = d;
      d = p / q;
      const u = x + d;
      if (u - lo < tol2 || hi - u < tol2) d = x < mid ? tol : -tol; // not too close to the ends
    } else {
      e = (x < mid ? hi : lo) - x; // golden section into the larger part
      d = GOLD * e;
    }
    const u = Math.abs(d) >= tol ? x + d : x + (d > 0 ? tol : -tol);
    const fu = eval_(u);
    if (fu <= fx) {
      if (u < x) hi = x;
      else lo = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) lo = u;
      else hi = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  // A minimum on the boundary: Brent stops just inside it; compare with the end itself.
  for (const end of [lo0, hi0]) {
    if (Math.abs(x - end) <= 3 * tol) {
      const fe = eval_(end);
      if (fe <= fx) {
        x = end;
        fx = fe;
      }
    }
  }
  return { x, fx, evaluations };
}
