/**
 * The mass-independent part of Eq. (11): the positron track length per unit
 * energy that the A' resonance can pick, as a function of the A' energy,
 *
 *   F(E_A') = ∫ dE dN/dE T_e(E' = E_A' − m_e, E, L_T),
 *   max(E_min, E') ≤ E ≤ min(E_max, E_A'/(1 − c)),
 *
 * in GeV⁻² (positrons × length per energy, natural units). F is tabulated once
 * per configuration in three segments, each in the variable in which it is
 * smooth:
 *   E' < E_min:  w₀ = 1/ln(1/u₀), u₀ = 1 − E'/E_min. F has a cusp at E' = E_min,
 *                where the resonance reaches positrons that have not radiated
 *                (v → 1); approaching it, F − F(E_min) ∝ 1/ln(1/u₀).
 *   E_min ≤ E' ≤ (1 − c)E_max − m_e:  E' itself.
 *   beyond:      w(δ), δ = 1 − E'/E_max; F → 0 like 1/ln(1/δ) at E' = E_max.
 * The table's interpolation error is measured at every interval midpoint.
 */
import { electronMass } from '../constants.js';
import { tabulate, tableData, tableFromData, type Table, type TableData } from '../numeric/hermite.js';
import type { QuadratureResult } from '../numeric/gaussKronrod.js';
import type { YieldContext } from './context.js';
import { adaptiveTable, adaptiveTableFromData, type AdaptiveTableData } from '../numeric/adaptiveTable.js';

const INTERVALS = 48;

/** F(E_A') by direct quadrature over the track-length table (no interpolation). */
export function annihilationKernel(ctx: YieldContext, eA: number, relTol: number): QuadratureResult {
  const { energyMin, energyMax, dNdE } = ctx.spectrum;
  const keep = 1 - ctx.config.energyCut;
  const eP = eA - electronMass;
  const eHi = Math.min(energyMax, eA / keep);
  const eLo = Math.max(energyMin, eP);
  if (!(eHi > eLo) || eP <= 0) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const uLo = eP >= energyMin ? 0 : 1 - eP / energyMin;
  const uHi = 1 - eP / eHi;
  return kernelBetween(ctx, eP, uLo, uHi, relTol);
}

/**
 * F at positron energy E' with the u = 1 − E'/E limits given directly, so that
 * limits within rounding of 0 (E' at E_min or E_max) keep their exact value.
 */
function kernelBetween(ctx: YieldContext, eP: number, uLo: number, uHi: number, relTol: number): QuadratureResult {
  const { dNdE } = ctx.spectrum;
  const X0 = ctx.target.X0;
  // dE = E' du / v², T_e = X0 τ / E  ⇒  integrand τ(u) · dN/dE(E'/v) · X0 / v
  return ctx.annihilationTrack.integrate((_u, v) => (dNdE(eP / v) * X0) / v, uLo, uHi, { relTol });
}

export interface AnnihilationKernelTable {
  /** A' energies (GeV) where F starts, has its cusp, has a kink, and ends. */
  start: number;
  cusp: number;
  kink: number;
  end: number;
  /** Further A' energies (GeV) where F has a kink (the kink below the cusp when c is large). */
  kinks: number[];
  /** Interpolated F(E_A'), GeV⁻²; 0 outside [start, end]. */
  at(eA: number): number;
  /** Largest absolute interpolation error of F, GeV⁻² (twice the worst midpoint difference). */
  absError: number;
  /**
   * A bound on the interpolation error of F at E_A', GeV⁻²: twice the midpoint
   * difference of the table interval there, interpolated linearly between
   * intervals (each node takes the larger of its two neighbours), so it is
   * continuous; 0 outside [start, end].
   */
  errorAt(eA: number): number;
  /**
   * F and its error with F computed directly (quadrature, no interpolation)
   * next to its start, where F → 0 and the table's absolute error is not small
   * against F; the table elsewhere. For a resonance sitting at the start (the
   * onset edge, a narrow A′): see yields/annihilation.ts.
   */
  nearStart: { at(eA: number): number; errorAt(eA: number): number };
  /** The tabulated values, to store (yields/storedTables.ts); absent on a scaled view. */
  data?: KernelData;
}

/** What a built F holds beyond its configuration: the tables of its segments, or its adaptive table. */
export type KernelData = { kind: 'segments'; segments: TableData[] } | { kind: 'adaptive'; table: AdaptiveTableData };

/** A stored table where one was given (checked against the grid asked for), else tabulated. */
function segmentTables(stored: KernelData | undefined): (f: (x: number) => number, a: number, b: number, n: number) => Table {
  let next = 0;
  return (f, a, b, n) => {
    if (!stored) return tabulate(f, a, b, n);
    if (stored.kind !== 'segments') throw new RangeError('stored F: an adaptive table where segments are needed');
    const d = stored.segments[next++];
    if (!d || d.y.length !== n + 1 || d.x0 !== a) throw new RangeError(`stored F: segment ${next - 1} does not match [${a}, ${b}] in ${n} intervals`);
    return tableFromData(d);
  };
}

/** One tabulated piece of F: the table variable x(E'), and whether the table holds ln F. */
interface Segment {
  lo: number;
  hi: number;
  x: (eP: number) => number;
  table: Table;
  log: boolean;
}

/** The local error bound of a table at x (see {@link AnnihilationKernelTable.errorAt}). */
function localError(t: Table, x: number): number {
  const e = t.intervalAbsError;
  const n = e.length;
  const { x0, h } = t.spline;
  const node = (i: number) => Math.max(e[Math.max(0, i - 1)], e[Math.min(n - 1, i)]);
  const pos = Math.min(Math.max((x - x0) / h, 0), n);
  const i = Math.min(Math.floor(pos), n - 1);
  const s = pos - i;
  return (1 - s) * node(i) + s * node(i + 1);
}

/**
 * Tabulates F on segments bounded by its kinks, each in a variable in which it
 * is smooth (see the module comment). With a large energy cut (c > 1 − E_min/E_max
 * roughly) the window's upper edge E_A'/(1 − c) reaches E_max below the cusp, so
 * F has a kink at E' = (1 − c)E_max − m_e < E_min, and far below E_min the
 * ln-scaled variable of the cusp is no longer apt: those parts are tabulated in
 * E' itself, split at the kink.
 */
export function annihilationKernelTable(ctx: YieldContext, relTol = 1e-10, stored?: KernelData): AnnihilationKernelTable {
  const tabulate = segmentTables(stored);
  const { energyMin, energyMax } = ctx.spectrum;
  const me = electronMass;
  const keep = 1 - ctx.config.energyCut;
  const F = (eP: number) => annihilationKernel(ctx, eP + me, relTol).value;
  const ePStart = keep * energyMin - me;
  const ePKink = Math.max(energyMin, keep * energyMax - me);
  const ePKinkLow = keep * energyMax - me; // below the cusp when c is large
  const upper = (eP: number) => Math.min(energyMax, (eP + me) / keep);
  const segments: Segment[] = [];
  // segment 1: E' = E_min (1 − u₀), u₀ = e^{−1/w₀}, from e1 up to the cusp
  const e1 = Math.max(ePStart, 0.5 * energyMin, ePKinkLow < energyMin ? ePKinkLow : -Infinity);
  // below e1, in E' itself, split at the low kink
  const lowCuts = [ePStart, ...(ePKinkLow > ePStart && ePKinkLow < e1 ? [ePKinkLow] : []), e1];
  for (let i = 0; i + 1 < lowCuts.length; i++) {
    const [lo, hi] = [lowCuts[i], lowCuts[i + 1]];
    if (!(hi > lo)) continue;
    if (lo === ePStart) {
      // F rises from 0 linearly at the start: F against E'
      segments.push({ lo, hi, x: (eP) => eP, table: tabulate(F, lo, hi, INTERVALS), log: false });
    } else {
      // F > 0 and steep (slow positrons have long track lengths): ln F against ln E'
      segments.push({
        lo,
        hi,
        x: (eP) => Math.log(eP),
        table: tabulate((l) => Math.log(F(Math.exp(l))), Math.log(lo), Math.log(hi), 2 * INTERVALS),
        log: true,
      });
    }
  }
  const u0Max = 1 - e1 / energyMin;
  const w0Max = -1 / Math.log(u0Max);
  segments.push({
    lo: e1,
    hi: energyMin,
    x: (eP) => -1 / Math.log(1 - eP / energyMin),
    table: tabulate(
      (w) => {
        const u0 = w === 0 ? 0 : Math.exp(-1 / w);
        const eP = energyMin * (1 - u0);
        return kernelBetween(ctx, eP, u0, 1 - eP / upper(eP), relTol).value;
      },
      0,
      w0Max,
      INTERVALS,
    ),
    log: false,
  });
  // segment 2: ln F against E' (F falls steeply, like the Bhabha flux, above E_min)
  if (ePKink > energyMin) {
    segments.push({
      lo: energyMin,
      hi: ePKink,
      x: (eP) => eP,
      table: tabulate((eP) => Math.log(F(eP)), energyMin, ePKink, 2 * INTERVALS),
      log: true,
    });
  }
  // segment 3: E' = E_max (1 − δ), δ = e^{−1/w}
  const dMax = 1 - ePKink / energyMax;
  const wdMax = -1 / Math.log(dMax);
  segments.push({
    lo: ePKink,
    hi: energyMax,
    x: (eP) => -1 / Math.log(1 - eP / energyMax),
    table: tabulate(
      (w) => {
        if (w === 0) return 0;
        const d = Math.exp(-1 / w);
        return kernelBetween(ctx, energyMax * (1 - d), 0, d, relTol).value;
      },
      0,
      wdMax,
      INTERVALS,
    ),
    log: false,
  });
  // Next to the start F falls to 0 (linearly), where a table's absolute error would exceed F itself:
  // within the first table interval (E' < directBelow) `nearStart` computes F directly, with its
  // relative quadrature error. The first segment is in E' (large cuts) or in w₀ (the start is its last node).
  const directBelow =
    segments[0].lo === e1
      ? energyMin * (1 - Math.exp(-1 / (w0Max - segments[0].table.spline.h)))
      : ePStart + segments[0].table.spline.h;
  let last: { eP: number; r: QuadratureResult } | undefined;
  const direct = (eP: number): QuadratureResult => {
    if (last?.eP !== eP) last = { eP, r: annihilationKernel(ctx, eP + me, relTol) };
    return last.r;
  };
  const find = (eP: number): Segment | undefined => {
    if (eP <= ePStart || eP >= energyMax) return undefined;
    for (const g of segments) if (eP <= g.hi) return g;
    return segments[segments.length - 1];
  };
  // |ΔF| ≤ F |Δ ln F| on the ln F segment
  const absError = Math.max(
    ...segments.map((g) => (g.log ? Math.exp(Math.max(...g.table.spline.y)) * g.table.absError : g.table.absError)),
  );
  const at = (eA: number): number => {
    const eP = eA - me;
    const g = find(eP);
    if (!g) return 0;
    const y = g.table.spline.at(g.x(eP));
    return g.log ? Math.exp(y) : y;
  };
  const errorAt = (eA: number): number => {
    const eP = eA - me;
    const g = find(eP);
    if (!g) return 0;
    const x = g.x(eP);
    const e = localError(g.table, x);
    return g.log ? Math.exp(g.table.spline.at(x)) * e : e;
  };
  if (stored?.kind === 'segments' && stored.segments.length !== segments.length) throw new RangeError(`stored F: ${stored.segments.length} segments, ${segments.length} needed`);
  const inDirect = (eA: number) => eA - me > ePStart && eA - me < directBelow;
  return {
    start: ePStart + me,
    cusp: energyMin + me,
    kink: ePKink + me,
    end: energyMax + me,
    kinks: ePKinkLow > ePStart && ePKinkLow < energyMin ? [ePKinkLow + me] : [],
    absError,
    at,
    errorAt,
    nearStart: {
      at: (eA) => (inDirect(eA) ? direct(eA - me).value : at(eA)),
      errorAt: (eA) => (inDirect(eA) ? direct(eA - me).error : errorAt(eA)),
    },
    data: { kind: 'segments', segments: segments.map((g) => tableData(g.table)) },
  };
}

/**
 * F(E_A') for a narrow continuum (a line smeared by the beam energy spread),
 * where the uniform segments above would put only a few nodes across the
 * Gaussian: adaptively refined in E_A' (numeric/adaptiveTable.ts), each value by
 * direct quadrature. absError bounds the interpolation everywhere.
 */
export function annihilationKernelAdaptive(ctx: YieldContext, relTol = 1e-6, stored?: KernelData): AnnihilationKernelTable {
  const { energyMin, energyMax } = ctx.spectrum;
  const me = electronMass;
  const keep = 1 - ctx.config.energyCut;
  const start = keep * energyMin;
  const end = energyMax + me;
  const cusp = energyMin + me;
  const kink = Math.max(energyMin, keep * energyMax - me) + me;
  const F = (eA: number) => annihilationKernel(ctx, eA, relTol * 1e-2).value;
  if (stored && (stored.kind !== 'adaptive' || stored.table.lo !== start || stored.table.hi !== end)) throw new RangeError(`stored F: not the adaptive table on [${start}, ${end}]`);
  const table = stored
    ? adaptiveTableFromData(stored.table)
    : adaptiveTable(F, start, end, { relTol, points: [cusp, kink, keep * energyMax].filter((x) => x > start && x < end) });
  let largest = 0;
  for (let i = 0; i <= 400; i++) largest = Math.max(largest, Math.abs(table.at(start + ((end - start) * i) / 400)));
  const absError = table.absError + table.relError * largest * 1.01 + relTol * 1e-2 * largest;
  const at = (eA: number) => (eA <= start || eA >= end ? 0 : table.at(eA));
  const errorAt = (eA: number) => (eA <= start || eA >= end ? 0 : absError);
  return {
    start,
    cusp,
    kink,
    end,
    kinks: [],
    absError,
    at,
    // no local bound from the adaptive table: its global one, 0 outside the kernel's range
    errorAt,
    // the adaptive table is refined to its tolerance next to the start as everywhere: nothing to change there
    nearStart: { at, errorAt },
    data: { kind: 'adaptive', table: table.data },
  };
}
