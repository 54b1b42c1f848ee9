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
import { tabulate, type Table } from '../numeric/hermite.js';
import type { QuadratureResult } from '../numeric/gaussKronrod.js';
import type { YieldContext } from './context.js';
import { adaptiveTable } from '../numeric/adaptiveTable.js';

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
  /** Interpolated F(E_A'), GeV⁻²; 0 outside [start, end]. */
  at(eA: number): number;
  /** Largest absolute interpolation error of F, GeV⁻² (twice the worst midpoint difference). */
  absError: number;
}

export function annihilationKernelTable(ctx: YieldContext, relTol = 1e-10): AnnihilationKernelTable {
  const { energyMin, energyMax } = ctx.spectrum;
  const me = electronMass;
  const keep = 1 - ctx.config.energyCut;
  const F = (eP: number) => annihilationKernel(ctx, eP + me, relTol).value;
  const ePStart = keep * energyMin - me;
  const ePKink = Math.max(energyMin, keep * energyMax - me);
  // segment 1: E' = E_min (1 − u₀), u₀ = e^{−1/w₀}
  const u0Max = 1 - ePStart / energyMin;
  const w0Max = -1 / Math.log(u0Max);
  const seg1 = tabulate(
    (w) => {
      const u0 = w === 0 ? 0 : Math.exp(-1 / w);
      const eP = energyMin * (1 - u0);
      return kernelBetween(ctx, eP, u0, 1 - eP / ((eP + me) / keep), relTol).value;
    },
    0,
    w0Max,
    INTERVALS,
  );
  // segment 2: ln F against E' (F falls steeply, like the Bhabha flux, above E_min)
  const seg2: Table | undefined =
    ePKink > energyMin ? tabulate((eP) => Math.log(F(eP)), energyMin, ePKink, 2 * INTERVALS) : undefined;
  const seg2Max = seg2 ? Math.exp(Math.max(...seg2.spline.y)) : 0;
  // segment 3: E' = E_max (1 − δ), δ = e^{−1/w}
  const dMax = 1 - ePKink / energyMax;
  const wdMax = -1 / Math.log(dMax);
  const seg3 = tabulate(
    (w) => {
      if (w === 0) return 0;
      const d = Math.exp(-1 / w);
      return kernelBetween(ctx, energyMax * (1 - d), 0, d, relTol).value;
    },
    0,
    wdMax,
    INTERVALS,
  );
  // |ΔF| ≤ F |Δ ln F| on segment 2
  const absError = Math.max(seg1.absError, seg2 ? seg2Max * seg2.absError : 0, seg3.absError);
  return {
    start: ePStart + me,
    cusp: energyMin + me,
    kink: ePKink + me,
    end: energyMax + me,
    absError,
    at(eA: number): number {
      const eP = eA - me;
      if (eP <= ePStart || eP >= energyMax) return 0;
      if (eP < energyMin) {
        const u0 = 1 - eP / energyMin;
        return seg1.spline.at(-1 / Math.log(u0));
      }
      if (eP <= ePKink && seg2) return Math.exp(seg2.spline.at(eP));
      const d = 1 - eP / energyMax;
      return seg3.spline.at(-1 / Math.log(d));
    },
  };
}

/**
 * F(E_A') for a narrow continuum (a line smeared by the beam energy spread),
 * where the uniform segments above would put only a few nodes across the
 * Gaussian: adaptively refined in E_A' (numeric/adaptiveTable.ts), each value by
 * direct quadrature. absError bounds the interpolation everywhere.
 */
export function annihilationKernelAdaptive(ctx: YieldContext, relTol = 1e-6): AnnihilationKernelTable {
  const { energyMin, energyMax } = ctx.spectrum;
  const me = electronMass;
  const keep = 1 - ctx.config.energyCut;
  const start = keep * energyMin;
  const end = energyMax + me;
  const cusp = energyMin + me;
  const kink = Math.max(energyMin, keep * energyMax - me) + me;
  const F = (eA: number) => annihilationKernel(ctx, eA, relTol * 1e-2).value;
  const table = adaptiveTable(F, start, end, { relTol, points: [cusp, kink, keep * energyMax].filter((x) => x > start && x < end) });
  let largest = 0;
  for (let i = 0; i <= 400; i++) largest = Math.max(largest, Math.abs(table.at(start + ((end - start) * i) / 400)));
  return {
    start,
    cusp,
    kink,
    end,
    absError: table.absError + table.relError * largest * 1.01 + relTol * 1e-2 * largest,
    at: (eA: number) => (eA <= start || eA >= end ? 0 : table.at(eA)),
  };
}
