/**
 * A yield of a curve, interpolated in the A′ mass from a fixed grid of masses
 * whose yields are computed once per configuration and shared by every mass of
 * the curve (and by the best-point search between them).
 *
 * Used for the exact-tree-level A′-strahlung (Eq. 12 with
 * `bremsstrahlungModel: 'etl'`), whose per-mass table costs 10²–10³ times the
 * WW one, while the yield is a smooth function of m: L(m) = ln(m² N(m)) varies
 * slowly in ln m. The grid is m_k = 1 MeV · e^{k h}, h = ln 10 / 8 (eight masses
 * per decade); at a mass m the value is the cubic through the four nodes around
 * it, and its error is measured as the difference from the cubic on the
 * stencil shifted by one node towards m (5 nodes in all). Where that
 * difference exceeds {@link INTERPOLATION_TOL} the step is halved (up to
 * three times); where a node is unavailable (zero yield, a kinematically closed
 * channel, a failed integral) or the step cannot be made fine enough, the yield
 * is computed at m itself. The reported error is the measured interpolation
 * error plus the largest relative error of the nodes used.
 *
 * On the NA64 2019 curve (1 MeV–1 GeV) the cubic at h = ln 10 / 8 reproduces
 * directly computed ETL yields within 5 × 10⁻⁴ (test/physics/massGrid.test.ts
 * checks the interpolant against direct yields and the error estimate against
 * the actual error).
 */
import type { QuadratureResult } from '../numeric/gaussKronrod.js';

/** The grid's reference mass, GeV (1 MeV), and its coarsest step in ln m. */
const REFERENCE_MASS = 1e-3;
const STEP = Math.log(10) / 8;
/** Halvings of the step before the yield is computed at the mass itself. */
const MAX_LEVEL = 3;
/** Largest accepted interpolation error, relative (a tenth of the ETL table's own tolerance). */
export const INTERPOLATION_TOL = 1e-3;

type Node = { value: number; relError: number; result: QuadratureResult } | null;

/** Node yields per configuration context and yield function name. */
const caches = new WeakMap<object, Map<string, Node>>();

/** Cubic Lagrange interpolation through (i, f_i), i = 0…3, at x (in node units). */
function cubic(f: readonly number[], x: number): number {
  return (
    (-f[0] * (x - 1) * (x - 2) * (x - 3)) / 6 +
    (f[1] * x * (x - 2) * (x - 3)) / 2 -
    (f[2] * x * (x - 1) * (x - 3)) / 2 +
    (f[3] * x * (x - 1) * (x - 2)) / 6
  );
}

/**
 * The yield at `mass` (GeV), interpolated in ln m from `direct` evaluated on the
 * grid (see the module comment), or `direct(mass)` where interpolation cannot
 * meet {@link INTERPOLATION_TOL}. `owner` and `name` identify the cache: the
 * same owner (a yield context) and name must always mean the same function.
 */
export function interpolatedInMass(
  owner: object,
  name: string,
  mass: number,
  direct: (mass: number) => QuadratureResult,
): QuadratureResult {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  const store = cache;
  const node = (level: number, k: number): Node => {
    const id = `${name}|${level}|${k}`;
    if (!store.has(id)) {
      let n: Node = null;
      try {
        const r = direct(REFERENCE_MASS * Math.exp((k * STEP) / 2 ** level));
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
  const lnM = Math.log(mass / REFERENCE_MASS);
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const h = STEP / 2 ** level;
    const x = lnM / h;
    const j = Math.floor(x);
    const s = x - j;
    // the centred stencil j−1…j+2, and the one shifted by a node towards m
    const first = s < 0.5 ? j - 2 : j - 1;
    const nodes: Node[] = [];
    for (let k = first; k < first + 5; k++) {
      const n = node(level, k);
      if (!n) return direct(mass);
      nodes.push(n);
    }
    const masses = nodes.map((_, i) => REFERENCE_MASS * Math.exp((first + i) * h));
    const L = nodes.map((n, i) => Math.log(masses[i] * masses[i] * n!.value));
    const centred = s < 0.5 ? L.slice(1, 5) : L.slice(0, 4);
    const shifted = s < 0.5 ? L.slice(0, 4) : L.slice(1, 5);
    const value = cubic(centred, s + 1); // m lies between the centred stencil's nodes 1 and 2
    const other = cubic(shifted, s < 0.5 ? s + 2 : s);
    const interpolationError = Math.abs(value - other);
    if (interpolationError > INTERPOLATION_TOL) continue;
    const used = s < 0.5 ? nodes.slice(1, 5) : nodes.slice(0, 4);
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
