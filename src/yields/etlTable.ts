/**
 * The exact tree-level A′-strahlung cross-section of one formula unit of the
 * target, tabulated for one A′ mass so that the yield integral (Eq. 12 with
 * `bremsstrahlungModel: 'etl'`) can look it up:
 *
 *   C(E′, Y) = Σ_N ν_N ∫_{y_end}^{Y} dy dσ_N^ETL/dy (E′),   y = 1 − E_A′/E′,
 *
 * in GeV⁻² at ε = 1; y_end = m_e/E′ (the lepton keeps at least its mass).
 * For each lepton energy node E′_i (uniform in ln E′ over the energies the
 * yield can reach) the density dσ/dζ, ζ = ln(y − y_end + δ), δ = min(m_e²/m², y_end)
 * (flat across the x → 1 peak of width m_e²/m² and the rise above the end), is computed by
 * quadrature ({@link etlDSigmaDEk}) at the nodes and midpoints of a uniform
 * ζ-grid and accumulated by Simpson's rule; between energy nodes the
 * cumulative is interpolated quadratically in ln E′. The error reported is
 * the quadrature tolerance plus the measured differences between Simpson and
 * the trapezoid rule (per ζ-interval) and between the two neighbouring
 * quadratic interpolants in ln E′ (at the interval midpoints).
 */
import { electronMass } from '../constants.js';
import { tableFromValues, type Table } from '../numeric/hermite.js';
import { etlDSigmaDEkMaterial, type EtlOptions } from '../processes/etl.js';
import type { Material } from '../materials/materials.js';

export interface EtlTable {
  /** C(E′, Y), GeV⁻²; zero for Y ≤ y_end(E′). */
  at(energy: number, Y: number): number;
  /** Relative error estimate of the table. */
  error: number;
}

/** Intervals of the ζ-grid of each energy node. */
const ZETA_INTERVALS = 8;
/** Largest step in ln E′ between energy nodes. */
const LN_E_STEP = 0.35;

export function etlCumulativeTable(
  target: Pick<Material, 'composition'>,
  mass: number,
  energyMin: number,
  energyMax: number,
  yMax: number,
  options: EtlOptions = {},
): EtlTable {
  const mu = (electronMass * electronMass) / (mass * mass);
  const lnLo = Math.log(energyMin);
  const lnHi = Math.log(energyMax);
  const nE = lnHi > lnLo ? Math.max(3, Math.ceil((lnHi - lnLo) / LN_E_STEP) + 1) : 1;
  const hE = nE > 1 ? (lnHi - lnLo) / (nE - 1) : 0;
  let error = options.relTol ?? 1e-4;
  const nodes: Array<{ yEnd: number; delta: number; zetaLo: number; zetaHi: number; table: Table | null; total: number }> = [];
  for (let i = 0; i < nE; i++) {
    const E = Math.exp(lnLo + i * hE);
    const yEnd = electronMass / E;
    if (!(yMax > yEnd)) {
      nodes.push({ yEnd, delta: 0, zetaLo: 0, zetaHi: 0, table: null, total: 0 });
      continue;
    }
    // ζ = ln(y − y_end + δ), δ = min(μ, y_end): flat over the peak of width μ and over the rise above the end
    const delta = Math.min(mu, yEnd);
    const zetaLo = Math.log(delta);
    const zetaHi = Math.log(yMax - yEnd + delta);
    const n = ZETA_INTERVALS;
    const h = (zetaHi - zetaLo) / n;
    // dσ/dζ = (y − y_end + δ) E′ dσ/dE_A′
    const g = (zeta: number) => {
      const yp = Math.exp(zeta);
      const y = yp - delta + yEnd;
      return yp * E * etlDSigmaDEkMaterial(target.composition, E, mass, E * (1 - y), options);
    };
    const gn = Float64Array.from({ length: n + 1 }, (_, j) => g(zetaLo + j * h));
    const gm = Float64Array.from({ length: n }, (_, j) => g(zetaLo + (j + 0.5) * h));
    const cum = new Float64Array(n + 1);
    const cumMid = new Float64Array(n);
    let diff = 0;
    for (let j = 0; j < n; j++) {
      const simpson = (h / 6) * (gn[j] + 4 * gm[j] + gn[j + 1]);
      const trapezoid = (h / 4) * (gn[j] + 2 * gm[j] + gn[j + 1]);
      diff += Math.abs(simpson - trapezoid);
      // ∫ over the first half of the interval of the parabola through the three values
      cumMid[j] = cum[j] + (h / 24) * (5 * gn[j] + 8 * gm[j] - gn[j + 1]);
      cum[j + 1] = cum[j] + simpson;
    }
    const total = cum[n];
    const table = tableFromValues(zetaLo, zetaHi, cum, cumMid);
    if (total > 0) error = Math.max(error, (diff + table.absError) / total);
    nodes.push({ yEnd, delta, zetaLo, zetaHi, table, total });
  }
  const nodeAt = (i: number, Y: number) => {
    const nd = nodes[i];
    if (!nd.table || !(Y > nd.yEnd)) return 0;
    const z = Math.log(Y - nd.yEnd + nd.delta);
    if (z <= nd.zetaLo) return 0;
    if (z >= nd.zetaHi) return nd.total;
    return nd.table.spline.at(z);
  };
  /** Quadratic Lagrange interpolation in ln E′ through nodes j, j+1, j+2. */
  const quad = (j: number, l: number, Y: number) => {
    const s = (l - (lnLo + j * hE)) / hE;
    const f0 = nodeAt(j, Y);
    const f1 = nodeAt(j + 1, Y);
    const f2 = nodeAt(j + 2, Y);
    return (f0 * (s - 1) * (s - 2)) / 2 - f1 * s * (s - 2) + (f2 * s * (s - 1)) / 2;
  };
  const at = (energy: number, Y: number) => {
    if (nE === 1) return nodeAt(0, Y);
    const l = Math.log(energy);
    let j = Math.floor((l - lnLo) / hE) - 0;
    j = Math.min(Math.max(j, 0), nE - 3);
    return Math.max(0, quad(j, l, Y));
  };
  // interpolation error in ln E′: the two neighbouring quadratics at interval midpoints, at Y = yMax
  // and at the threshold Y = 1 − m/E′ where that binds (heavy A′: the yield reads only Y ≤ 1 − m/E′);
  // one of them ≤ 0 where the other is not (C changes by orders of magnitude between nodes) is no estimate
  if (nE > 3) {
    for (let j = 0; j + 3 < nE; j++) {
      const l = lnLo + (j + 1.5) * hE;
      const yTh = 1 - mass / Math.exp(l);
      for (const Y of yTh < yMax ? [yMax, yTh] : [yMax]) {
        const a = quad(j, l, Y);
        const b = quad(j + 1, l, Y);
        if (a > 0 && b > 0) error = Math.max(error, Math.abs(a - b) / a);
        else if (a > 0 || b > 0) error = Math.max(error, 1);
      }
    }
  }
  return { at, error };
}
