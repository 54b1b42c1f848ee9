/**
 * A'-strahlung of shower positrons on the target nuclei, Eq. (12):
 *
 *   N_bre = ∫ dE dN/dE ∫_{(1−c)E}^{E−m_e} dE_A' ∫_{E_A'}^{E} dE' n_N T_e(E', E, X0) dσ_bre/dE_A',
 *
 * with dσ_bre/dE_A' of Eq. (13) summed over the nuclei of one formula unit
 * (φ_I + φ_Cs for CsI, n_N the CsI density). Swapping the two inner integrals
 * and writing v = E'/E = 1 − u, y = 1 − E_A'/E':
 *
 *   N_bre = n_N X0 4α³ ∫ dE dN/dE ∫_0^c du τ(u) Φ(vE) K(u, E),
 *   K(u, E) = H(y_hi) − H(y_lo),  H(Y) = ∫_0^Y dy (1 − y³)/(3[m² y + m_e²(1 − y)²]),
 *   y_hi = (c − u)/v,  y_lo = max(0, (m_e/E − u)/v),
 *
 * where Φ(E') = Σ_N φ_N(t_min(E'), t_max). For each mass, Φ (in ln E') and H
 * (in ln(y + m_e²/m²), where the peak of width m_e²/m² at y → 0 is flat) are
 * tabulated with a measured interpolation error; the u integral runs over the
 * track-length table, which maps the v → 1 singularity away, with a breakpoint
 * at the kink u = m_e/E. Yields are at ε = 1.
 *
 * With `bremsstrahlungModel: 'iww'` the x-shape is the improved WW form
 * (processes/bremsstrahlung.ts), which depends on E' through |k|/E'; its y
 * integral is then done afresh at every (u, E) instead of from the table.
 *
 * With `bremsstrahlungModel: 'etl'` the cross-section is the exact tree-level
 * one (processes/etl.ts), no factorisation into Φ × shape: per mass, the
 * cumulative C(E', Y) = Σ_N ν_N ∫^Y dy dσ_N/dy is tabulated (yields/etlTable.ts)
 * and K(u, E) Φ 4α³ is replaced by C(vE, y_hi), the ETL kinematics closing the
 * lower end (E_A' ≤ E' − m_e) by itself.
 */
import { signalEfficiencyAt } from '../config/schema.js';
import { alpha, electronMass } from '../constants.js';
import { integrate, QuadratureError, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { tabulate, tableFromValues, type Table } from '../numeric/hermite.js';
import {
  bremsstrahlungShape,
  effectivePhotonFlux,
  integrateShape,
  iwwShape,
  momentumTransferRange,
  shapeInLogY,
  zetaOfY,
} from '../processes/bremsstrahlung.js';
import { combine, type YieldOptions } from './annihilation.js';
import type { YieldContext } from './context.js';
import { etlCumulativeTable } from './etlTable.js';
import { interpolatedInMass } from './massGrid.js';

/**
 * Tolerance of the nested ETL integrals of the per-mass table. Gauss–Kronrod's
 * error estimate is far above the actual error here (1e−2 asked gives ≤ 2e−5
 * against a 1e−5 reference, test/physics/etl.test.ts), so this costs little accuracy.
 */
const ETL_REL_TOL = 1e-2;

/** Intervals of the per-mass tables of Φ(E') and H(y). */
const TABLE_INTERVALS = 24;
/** Intervals of the Φ(E′) table in ln E′ (the spectral shapes use the same table, spectral/spectrum.ts). */
export const PHI_TABLE_INTERVALS = TABLE_INTERVALS;

/** Φ(E') = Σ over the nuclei of one formula unit of ν_N φ_N (Eq. 14), dimensionless. */
export function formulaUnitPhotonFlux(ctx: YieldContext, mass: number, positronEnergy: number): number {
  const { tmin, tmax } = momentumTransferRange(mass, positronEnergy);
  let phi = 0;
  for (const { element, count } of ctx.target.composition) phi += count * effectivePhotonFlux(element, tmin, tmax);
  return phi;
}

/**
 * H(Y) = ∫_0^Y of the Eq. (13) x-shape in y = 1 − x, GeV⁻², tabulated in
 * ζ = zetaOfY(Y) (ln(Y + μ), or ln(1 + Y/μ) for m < m_e), μ = m_e²/m², where
 * dH/dζ = h(y)(y + μ) is nearly constant.
 * Node values are cumulative G10/K21 panel sums; their summed error estimates
 * are returned with the table.
 */
export function shapeIntegralTable(mass: number, yMax: number): { table: Table; quadratureError: number } {
  const zetaMin = zetaOfY(0, mass);
  const zetaMax = zetaOfY(yMax, mass);
  const n = TABLE_INTERVALS;
  const h = (zetaMax - zetaMin) / n;
  const dH = shapeInLogY((y) => bremsstrahlungShape(mass, y), mass);
  const nodes = new Float64Array(n + 1);
  const mids = new Float64Array(n);
  let quadratureError = 0;
  for (let i = 0; i < n; i++) {
    const z0 = zetaMin + i * h;
    const half = integrate(dH, z0, z0 + h / 2, { relTol: 1e-12 });
    const full = integrate(dH, z0 + h / 2, i === n - 1 ? zetaMax : z0 + h, { relTol: 1e-12 });
    mids[i] = nodes[i] + half.value;
    nodes[i + 1] = mids[i] + full.value;
    quadratureError += half.error + full.error;
  }
  return { table: tableFromValues(zetaMin, zetaMax, nodes, mids), quadratureError };
}

/**
 * Breakpoints at end − μ·10^j below an end where K(u) has a log-shaped rise of
 * width μ (y_lo or y_hi → 0 there), so each panel sees a smooth function.
 */
function logLadder(end: number, mu: number): number[] {
  const points: number[] = [];
  for (let d = mu; d < end / 2; d *= 10) points.push(end - d);
  return points;
}

/**
 * Whether A′-strahlung is kinematically open for a lepton of energy E (GeV): the
 * A′ energy must lie in [(1 − c)E, E − m_e] (the selection and Eq. 12's upper
 * limit) and be at least the A′ mass (x ≥ m/E', Bjorken, Essig, Schuster & Toro,
 * PRD 80 (2009) 075018), so max((1 − c)E, m) < E − m_e. Both sides grow with E,
 * so a source whose highest energy is closed is closed everywhere.
 */
export function bremsstrahlungOpen(mass: number, energyCut: number, energy: number): boolean {
  return Math.max((1 - energyCut) * energy, mass) < energy - electronMass;
}

/**
 * Eq. (12) for one A' mass (GeV), at ε = 1; exactly 0 where kinematics closes it.
 * With `options.massGrid` and the ETL model the yield is interpolated in ln m
 * from a grid of masses shared by a whole curve, with a measured error
 * (yields/massGrid.ts).
 */
export function bremsstrahlungYield(ctx: YieldContext, mass: number, options: YieldOptions = {}): QuadratureResult {
  if (!bremsstrahlungOpen(mass, ctx.config.energyCut, ctx.spectrum.energyMax)) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const efficiency = signalEfficiencyAt(ctx.config.signalEfficiency, mass);
  if (!(options.massGrid && ctx.config.bremsstrahlungModel === 'etl')) return yieldAtEfficiency(ctx, mass, options, efficiency);
  const bare = interpolatedInMass(ctx, `bremsstrahlung|${options.relTol ?? ''}`, mass, (m) => yieldAtEfficiency(ctx, m, options, 1));
  return combine([bare], efficiency, 0);
}

/** Eq. (12) at one mass, scaled by the given signal efficiency. */
function yieldAtEfficiency(ctx: YieldContext, mass: number, options: YieldOptions, efficiency: number): QuadratureResult {
  const relTol = options.relTol ?? 1e-5;
  const { spectrum, target, config } = ctx;
  const c = config.energyCut;
  if (!bremsstrahlungOpen(mass, c, spectrum.energyMax)) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const mu = (electronMass * electronMass) / (mass * mass);
  // Φ(E') on the energies the integrand can reach, E' ∈ [max((1 − c) E_min, m), E_max]
  // (E' ≥ E_A' ≥ m, which also keeps Φ away from its zero at t_min = t_max, E' ≈ m/2)
  const lnEMin = Math.log(Math.max((1 - c) * spectrum.energyMin, mass));
  const lnEMax = Math.log(spectrum.energyMax);
  const phi = tabulate((l) => formulaUnitPhotonFlux(ctx, mass, Math.exp(l)), lnEMin, lnEMax, TABLE_INTERVALS);
  const shape = shapeIntegralTable(mass, c);
  const H = (y: number) => (y <= 0 ? 0 : shape.table.spline.at(zetaOfY(y, mass)));
  let innerRelErr = 0;
  // K(u, E) for the IWW shape, which depends on E' = vE: integrated afresh, in ζ
  const iwwK = (yLo: number, top: number, eP: number) => {
    const r = integrateShape((y) => iwwShape(mass, y, eP), mass, yLo, top, { relTol: relTol / 100, allowUnconverged: true });
    if (r.value > 0) innerRelErr = Math.max(innerRelErr, r.error / r.value);
    return r.value;
  };
  const iww = config.bremsstrahlungModel === 'iww';
  const etl =
    config.bremsstrahlungModel === 'etl'
      ? etlCumulativeTable(target, mass, Math.exp(lnEMin), Math.exp(lnEMax), c, { relTol: ETL_REL_TOL })
      : null;
  const fourAlpha3 = 4 * alpha * alpha * alpha;
  const perPositron = (E: number) => {
    if (!bremsstrahlungOpen(mass, c, E)) return 0;
    const uKink = electronMass / E; // below it the A' energy limit E_A' ≤ E − m_e binds
    // E_A' ≥ m: y ≤ 1 − m/(vE), which binds for every u or for none (c ≥ 1 − m/E), and needs u < 1 − m/E
    const threshold = c >= 1 - mass / E;
    const uMax = Math.min(c, 1 - mass / E);
    const r = ctx.bremsstrahlungTrack.integrate(
      (u, v) => {
        const yHi = threshold ? 1 - mass / (v * E) : (c - u) / v;
        if (etl) return etl.at(v * E, yHi) / fourAlpha3;
        const yLo = Math.max(0, (uKink - u) / v);
        if (!(yHi > yLo)) return 0;
        const K = iww ? iwwK(yLo, Math.min(yHi, 1 - mass / (v * E)), v * E) : H(yHi) - H(yLo);
        return phi.spline.at(Math.log(v * E)) * Math.max(0, K);
      },
      0,
      uMax,
      { relTol: relTol / 10, points: [uKink, ...logLadder(uKink, mu), ...logLadder(uMax, mu)] },
    );
    if (r.value > 0) innerRelErr = Math.max(innerRelErr, r.error / r.value);
    return r.value;
  };
  // perPositron has kinks where the window opens (E = m_e/c, E = m + m_e) and where the threshold starts to bind
  const outer = spectrum.fold(perPositron, { relTol }, [electronMass / c, mass + electronMass, mass / (1 - c)]);
  // kinematics allows the channel (checked above) and every integrand is positive there: a zero is an
  // underflow or a table that cannot serve this mass, never the yield
  if (!(outer.value > 0)) {
    throw new QuadratureError(`the ${config.bremsstrahlungModel} A′-strahlung yield vanished although kinematics allows it: the numerics cannot serve m = ${mass} GeV here`);
  }
  const scale = target.unitDensity * target.X0 * 4 * alpha * alpha * alpha;
  const hTotal = shape.table.spline.at(zetaOfY(c, mass));
  const tableRelErr = etl ? etl.error : phi.error + (iww ? 0 : shape.table.error + shape.quadratureError / hTotal);
  return combine([outer], scale * efficiency, innerRelErr + tableRelErr);
}
