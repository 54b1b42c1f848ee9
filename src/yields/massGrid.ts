/**
 * A yield of a curve, interpolated in the A′ mass from a fixed grid of masses
 * whose yields are computed once per configuration and shared by every mass of
 * the curve (and by the best-point search between them).
 *
 * Used for the exact-tree-level A′-strahlung (Eq. 12 with
 * `bremsstrahlungModel: 'etl'`), whose per-mass table costs 10²–10³ times the
 * WW one, and, with `massInterpolation: 'auto'`, for every channel of a reach
 * curve (yields/curveYields.ts, with breakpoints and a 1e−4 tolerance). The
 * yield is a smooth function of m between its kinematic features: L(m) = ln(m² N(m))
 * varies slowly in ln m. The grid is m_k = 1 MeV · e^{k h}, h = ln 10 / 8 (eight
 * masses per decade); at a mass m the value is the cubic through the four nodes
 * around it, and its error is measured as the larger difference from the cubics
 * on the stencils shifted by one node either way (six nodes; five next to a
 * breakpoint, see {@link interpolatedInMass}). Where that exceeds the tolerance
 * the step is halved (up to three times; levels the measured h⁴ fall-off says
 * would still miss are skipped); where a node is unavailable (zero yield, a
 * kinematically closed channel, a failed integral) or the step cannot be made
 * fine enough, the yield is computed at m itself. The reported error is the
 * measured interpolation error plus the largest relative error of the nodes used.
 *
 * On the NA64 2019 curve (1 MeV–1 GeV) the cubic at h = ln 10 / 8 reproduces
 * directly computed ETL yields within 5 × 10⁻⁴ (test/physics/massGrid.test.ts
 * checks the interpolant against direct yields and the error estimate against
 * the actual error; test/physics/curveYields.test.ts the curves' channels).
 */
import type { QuadratureResult } from '../numeric/gaussKronrod.js';

/** The grid's reference mass, GeV (1 MeV), and its coarsest step in ln m. */
const REFERENCE_MASS = 1e-3;
const STEP = Math.log(10) / 8;
/** Halvings of the step before the yield is computed at the mass itself. */
const MAX_LEVEL = 3;
/** Node indices are kept in units of STEP / 2^FINEST, so a node shared by two levels is computed once. */
const FINEST = 8;
/** Largest accepted interpolation error, relative (a tenth of the ETL table's own tolerance). */
export const INTERPOLATION_TOL = 1e-3;

type Node = { value: number; relError: number; result: QuadratureResult } | null;

/** How a yield is interpolated: tolerance, masses no stencil may straddle, the finest level. */
export interface MassGridOptions {
  /** Largest accepted interpolation error in ln N (≈ relative); default {@link INTERPOLATION_TOL}. */
  tolerance?: number;
  /**
   * Masses (GeV, increasing) where the yield is not smooth (closures, edges, thresholds): the
   * nodes of a stencil and the mass itself lie strictly between two consecutive ones.
   */
  breakpoints?: readonly number[];
  /** Halvings of the step tried before the yield is computed directly (default 3). */
  maxLevel?: number;
  /**
   * A label of the function at a node mass, part of the node's key: for a yield that
   * depends on the configuration through a mass-dependent quantity (e.g. a soft cut).
   */
  tag?: (mass: number) => string;
}

/** Node yields per configuration context (or keyed owner) and yield function name. */
const caches = new WeakMap<object, Map<string, Node>>();

/**
 * An owner's node yields as entries [id, result] (null: a node that is not available: zero,
 * closed or failed), e.g. to store them (yields/curveYields.ts yieldsToStore).
 */
export function nodesOf(owner: object): [string, QuadratureResult | null][] {
  return [...(caches.get(owner) ?? new Map<string, Node>())].map(([id, n]) => [id, n ? n.result : null]);
}

/**
 * Gives an owner node yields computed before ({@link nodesOf}'s entries, by the same function):
 * they are used as if computed here. Only results a node would keep are taken.
 */
export function seedNodes(owner: object, entries: Iterable<readonly [string, QuadratureResult | null]>): void {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  for (const [id, r] of entries) {
    if (r === null) cache.set(id, null);
    else if (r.value > 0 && Number.isFinite(r.value) && Number.isFinite(r.error) && r.converged) cache.set(id, { value: r.value, relError: r.error / r.value, result: r });
  }
}

/** Cubic Lagrange interpolation through (i, f_i), i = 0…3, at x (in node units). */
function cubic(f: readonly number[], x: number): number {
  return (
    (-f[0] * (x - 1) * (x - 2) * (x - 3)) / 6 +
    (f[1] * x * (x - 2) * (x - 3)) / 2 -
    (f[2] * x * (x - 1) * (x - 3)) / 2 +
    (f[3] * x * (x - 1) * (x - 2)) / 6
  );
}

/** Index of the first breakpoint above `mass` (breakpoints increasing). */
function intervalOf(breakpoints: readonly number[], mass: number): number {
  let lo = 0;
  let hi = breakpoints.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breakpoints[mid] <= mass) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The yield at `mass` (GeV), interpolated in ln m from `direct` evaluated on the
 * grid (see the module comment), or `direct(mass)` where interpolation cannot
 * meet the tolerance. `owner` and `name` identify the cache: the same owner (a
 * yield context, or an object standing for the inputs the yield reads) and name
 * must always mean the same function.
 *
 * Stencils: of the five consecutive nodes around m, all strictly inside m's interval
 * between breakpoints, the most centred; the value is the cubic through the four whose
 * middle cell holds m (or, next to a breakpoint, its end cell), the error its
 * difference from the cubic through the other four. With nodes x₀…x₄ and the value's
 * stencil leaving out x_a, that difference is f[x₀…x₄]·Π_{i≠a,b}(x − x_i)·(x_b − x_a)
 * while the value's error is f[x₀…x₄, x]·Π_{i≠a}(x − x_i): their ratio is
 * |x − x_b|/4 ≤ 1/2 at leading order (x_b the end node only the value uses), so the
 * estimate is at least twice the error where f is smooth on the stencil's scale.
 */
export function interpolatedInMass(
  owner: object,
  name: string,
  mass: number,
  direct: (mass: number) => QuadratureResult,
  options: MassGridOptions = {},
): QuadratureResult {
  const tolerance = options.tolerance ?? INTERPOLATION_TOL;
  const maxLevel = Math.min(options.maxLevel ?? MAX_LEVEL, FINEST);
  const breakpoints = options.breakpoints ?? [];
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  const store = cache;
  const nodeMass = (kk: number) => REFERENCE_MASS * Math.exp((kk * STEP) / 2 ** FINEST);
  const node = (level: number, k: number): Node => {
    const kk = k * 2 ** (FINEST - level);
    const m = nodeMass(kk);
    const id = options.tag ? `${name}|${kk}|${options.tag(m)}` : `${name}|${kk}`;
    if (!store.has(id)) {
      let n: Node = null;
      try {
        const r = direct(m);
        if (r.value > 0 && Number.isFinite(r.value) && Number.isFinite(r.error) && r.converged) {
          n = { value: r.value, relError: r.error / r.value, result: r };
        }
      } catch {
        n = null; // the mass itself is then computed directly, where a real failure is reported
      }
      store.set(id, n);
    }
    return store.get(id) ?? null;
  };
  const i = intervalOf(breakpoints, mass);
  if (i > 0 && breakpoints[i - 1] === mass) return direct(mass);
  const below = i > 0 ? breakpoints[i - 1] : 0;
  const above = i < breakpoints.length ? breakpoints[i] : Infinity;
  const lnM = Math.log(mass / REFERENCE_MASS);
  // a level whose estimate misses the tolerance by a factor r predicts ~r/16 per halving (error ∝ h⁴):
  // levels that would still miss are skipped, and when even the finest would, m is computed directly
  let next = 0;
  for (let level = 0; level <= maxLevel; level++) {
    if (level < next) continue;
    const h = STEP / 2 ** level;
    const x = lnM / h;
    const j = Math.floor(x);
    const s = x - j;
    const inside = (k: number) => {
      const m = nodeMass(k * 2 ** (FINEST - level));
      return m > below && m < above;
    };
    // six nodes j−2…j+3 around m where they fit: the centred cubic j−1…j+2, checked against both
    // neighbouring cubics (a fourth derivative that changes sign over one five-node span is still
    // seen by the other); next to a breakpoint, five nodes with m in the window's cell 2, 1, 3 or 0
    const six = inside(j - 2) && inside(j + 3);
    const firsts = six ? [j - 2] : s < 0.5 ? [j - 2, j - 1, j - 3, j] : [j - 1, j - 2, j - 3, j];
    const first = firsts.find((f) => inside(f) && inside(f + 4));
    if (first === undefined) continue;
    const count = six ? 6 : 5;
    const nodes: Node[] = [];
    for (let k = first; k < first + count; k++) {
      const n = node(level, k);
      if (!n) return direct(mass);
      nodes.push(n);
    }
    const t = x - first; // m in node units of the window
    const masses = nodes.map((_, q) => nodeMass((first + q) * 2 ** (FINEST - level)));
    const L = nodes.map((n, q) => Math.log(masses[q] * masses[q] * n!.value));
    // the value's stencil starts at node `v` of the window; the others are the neighbouring four
    const v = six ? 1 : t < 2 ? 0 : 1;
    const at = (start: number) => cubic(L.slice(start, start + 4), t - start);
    const value = at(v);
    const others = six ? [0, 2] : [1 - v];
    const interpolationError = Math.max(...others.map((o) => Math.abs(value - at(o))));
    if (!(interpolationError <= tolerance)) {
      next = level + Math.max(1, Math.ceil(Math.log(interpolationError / tolerance) / Math.log(16)));
      continue;
    }
    const used = nodes.slice(v, v + 4);
    const relError = Math.max(...used.map((n) => n!.relError));
    const y = Math.exp(value) / (mass * mass);
    return {
      value: y,
      error: y * (relError + Math.expm1(interpolationError)),
      evaluations: used.reduce((sum, n) => sum + n!.result.evaluations, 0),
      intervals: used.reduce((sum, n) => sum + n!.result.intervals, 0),
      converged: true,
    };
  }
  return direct(mass);
}
