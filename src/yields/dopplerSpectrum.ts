/**
 * The lepton spectrum as the target's moving electrons see it, for e⁺e⁻ → γA′
 * (yields/radiative.ts) with `electronMotion: comptonProfile`.
 *
 * Impulse approximation, as for the resonance (target/comptonProfile.ts,
 * yields/movingElectrons.ts): an electron of momentum p_z along the positron
 * and energy m_e gives s = 2m_e² + 2E′(m_e − p_z) and the flux factor
 * λ = 1 − p_z/m_e. To first order in p_z/m_e the collision is the one with an
 * electron at rest seen from a frame moving along the positron with velocity
 * p_z/m_e, whose Doppler factor λ scales every ultra-relativistic energy of the
 * event alike: the positron's (E′ → λE′, so s = 2m_e(λE′ + m_e), exactly the
 * resonance's s), the entering lepton's (E → λE) and the A′'s. The selection
 * E_A′ ≥ (1 − c)E and the shower's fraction u = 1 − E′/E are ratios of those
 * energies and do not change; the accepted photon's lab energy
 * ω = E′ + m_e − E_A′ ≤ (c − u)E + m_e becomes ≤ λ(c − u)E + m_e in that frame
 * (the electron's own m_e is not scaled). So the yield per lepton of energy E
 * on an electron of momentum p_z is the at-rest one, R(λE), times λ, and
 *
 *   N = n_e X0 ∫ dE dN/dE ∫ dp_z J(p_z) λ R(λE) = n_e X0 ∫ dE″ R(E″) dÑ/dE″,
 *   dÑ/dE″ = ∫ dp_z J(p_z) dN/dE(E″/λ(p_z)),                             (*)
 *
 * i.e. the at-rest channel on the Doppler-smeared source (*), which does not
 * depend on the A′ mass and is built once per configuration.
 * ∫ dÑ = ∫ dN ∫ J λ dp_z = the source's total times ∫ J λ dp_z (profile.fluxNorm: ∫ J for a
 * symmetric J, 1 for the relativistic one).
 *
 * With the relativistic profile (the default, target/comptonProfile.ts) p_z stands for
 * π = m_e − (E − p_z) of an on-shell electron and J for ρ(π): λ = (E − p_z)/m_e is then
 * exactly the positron's energy in the electron's rest frame over its lab energy, and ρ
 * carries the flux. Neglected: binding (the electron's energy is taken on shell), the
 * tilt of that frame by the electron's transverse momentum (the photon's lab angle and
 * energy move at O(p_⊥/m_e)·θ), and the A′'s M²/2E_A′² in its boost (≤ 10⁻⁴ of p_z/m_e
 * at Belle II). The profile is folded over −p_far < π < p_max (its ends, where ρ has
 * fallen by 10⁻¹⁰), so the channel closes exactly at s = 2m_e((1 + p_far/m_e)E_max + m_e)
 * (82.25 MeV at Belle II with electrons at rest).
 *
 * Computation. A line of `count` leptons at E₀ is closed:
 * (*) = count·(m_e E″/E₀²)·J(m_e(1 − E″/E₀)); a line widened by a beam energy spread is
 * that folded over the Gaussian, tabulated ({@link spreadLineSmearing}). A continuum is a convolution in
 * logarithmic energy: with y = ln λ, t = ln E, x = ln E″,
 *   (*) = ∫ dt g(e^t) k(x − t),  k(y) = m_e e^y J(m_e(1 − e^y)),
 * evaluated on a uniform grid of spacing Δ with dN/dE linear on each cell
 * (cells end exactly at ln E_min and ln E_max, where dN/dE jumps) and k
 * integrated exactly over each cell (adaptive quadrature), so every structure of
 * J is kept however narrow. Error per grid value: linear dN/dE, ≤ (Δ²/8) max|g̃″|/g̃
 * relative (g̃ = dN/dE in t, from its second differences, ×2); between grid values
 * (*) is interpolated by the cubic through the four nearest, whose error is bounded
 * by the local fourth difference (3/128·|δ⁴|, ×4 for kinks). The grid must resolve J's
 * core (half width ≥ 8 cells; a narrower profile is refused). {@link DopplerSource.errorAt}
 * gives the sum at any E″.
 */
import { electronMass } from '../constants.js';
import { adaptiveTable, adaptiveTableFromData, type AdaptiveTableData } from '../numeric/adaptiveTable.js';
import { integrate } from '../numeric/gaussKronrod.js';
import type { MomentumProfile } from '../target/comptonProfile.js';
import type { LeptonSource } from './context.js';

/** Grid spacing in ln E (about; the cells fit [ln E_min, ln E_max] exactly). */
const GRID_STEP = 4e-4;

/** The source the radiative channel integrates over, with a pointwise error bound. */
export interface DopplerSource {
  energyMin: number;
  energyMax: number;
  /** dÑ/dE″ of (*), per GeV; 0 outside [energyMin, energyMax]. */
  dNdE(E: number): number;
  /** Bound on |dNdE(E) − (*)|, per GeV. */
  errorAt(E: number): number;
  /** Energies (GeV) where (*) changes scale (the profile's scales at the source's edges and lines). */
  points: readonly number[];
  /** ∫ dÑ: the leptons that meet the folded part of the profile (≤ the source's total). */
  total: number;
  /** Mass-independent quadrature rules over this source, built by their users on first need. */
  cache: Map<string, unknown>;
  /** The tabulated part, to store (yields/storedTables.ts); absent on a scaled view. */
  data?: DopplerData;
}

/** What a built source holds beyond its configuration: the continuum's grid, or the spread line's table. */
export interface DopplerData {
  grid?: GridData;
  spread?: AdaptiveTableData;
}

/** The continuum's smeared values on the grid in ln E″ (module comment), their interpolation bounds, ε_g and ∫ dÑ. */
export interface GridData {
  x0: number;
  step: number;
  v: Float64Array;
  interp: Float64Array;
  epsG: number;
  total: number;
}

/** E·λ at the profile's scales (and p_z = 0): where an edge or a line at E is smeared. */
function scalePoints(profile: MomentumProfile, E: number): number[] {
  const me = electronMass;
  return [0, profile.pMax, -profile.pFar, ...profile.scales, ...profile.scales.map((p) => -p)].map((p) => E * (1 - p / me));
}

/** The Doppler factors λ = 1 − p_z/m_e at the profile's ends: [1 − p_max/m_e, 1 + p_far/m_e]. */
export function dopplerRange(profile: Pick<MomentumProfile, 'pMax' | 'pFar'>): [number, number] {
  return [1 - profile.pMax / electronMass, 1 + profile.pFar / electronMass];
}

/** [energyMin, energyMax] of the smeared source: the source's ends moved by the largest momenta folded, E(1 − p_max/m_e) and E(1 + p_far/m_e). */
export function dopplerSupport(spectrum: Pick<LeptonSource, 'energyMin' | 'energyMax'>, profile: Pick<MomentumProfile, 'pMax' | 'pFar'>): [number, number] {
  const [lamLo, lamHi] = dopplerRange(profile);
  return [lamLo * spectrum.energyMin, lamHi * spectrum.energyMax];
}

/** (*) of the module comment for a lepton source and a profile J (per electron). */
export function dopplerSmearedSource(spectrum: LeptonSource, profile: MomentumProfile, stored?: DopplerData): DopplerSource {
  const me = electronMass;
  const [lamLo, lamHi] = dopplerRange(profile);
  const [energyMin, energyMax] = dopplerSupport(spectrum, profile);
  const points: number[] = [];
  const values: ((E: number) => number)[] = [];
  const errors: ((E: number) => number)[] = [];
  let total = 0;
  const data: DopplerData = {};
  for (const { energy: E0, count } of spectrum.lines) {
    const lo = lamLo * E0;
    const hi = lamHi * E0;
    values.push((E) => (E > lo && E < hi ? ((count * me * E) / (E0 * E0)) * profile.density(me * (1 - E / E0)) : 0));
    points.push(...scalePoints(profile, E0));
    total += count * profile.fluxNorm;
  }
  if (spectrum.continuous && spectrum.spreadLine) {
    const table = spreadLineSmearing(spectrum, profile, stored?.spread);
    data.spread = table.data;
    values.push(table.at);
    errors.push(table.errorAt);
    points.push(...[spectrum.energyMin, spectrum.spreadLine.energy, spectrum.energyMax].flatMap((E) => scalePoints(profile, E)));
    total += spectrum.total * profile.fluxNorm;
  } else if (spectrum.continuous) {
    const grid = gridSource(stored?.grid ?? logConvolution(spectrum, profile), spectrum, profile);
    data.grid = grid.data;
    values.push(grid.at);
    errors.push(grid.errorAt);
    points.push(...scalePoints(profile, spectrum.energyMin), ...scalePoints(profile, spectrum.energyMax));
    total += grid.total;
  }
  return {
    energyMin,
    energyMax,
    dNdE: values.length === 1 ? values[0] : (E) => values.reduce((s, f) => s + f(E), 0),
    errorAt: errors.length === 0 ? () => 0 : (E) => errors.reduce((s, f) => s + f(E), 0),
    points: [...new Set(points)].filter((E) => E > energyMin && E < energyMax).sort((a, b) => a - b),
    total,
    cache: new Map(),
    data,
  };
}

/** Relative accuracy of the narrow-source table (per panel) and of each fold in it. */
const SPREAD_TABLE_REL_TOL = 1e-4;
const SPREAD_FOLD_REL_TOL = 1e-8;

/**
 * (*) for a line widened by the beam energy spread (a Gaussian a few 10⁻⁴–10⁻² wide, narrower
 * than the grid of {@link logConvolution} would resolve): the closed-form smeared line folded
 * over the Gaussian, dÑ(E″) = ∫ dE dN/dE (m_e E″/E²) J(m_e(1 − E″/E)), each value by adaptive
 * quadrature (J's scales as breakpoints), tabulated adaptively in E″ (numeric/adaptiveTable.ts,
 * relative criterion: the Gaussian smooths J's interpolation kinks, so the table stays small).
 */
function spreadLineSmearing(
  spectrum: LeptonSource,
  profile: MomentumProfile,
  stored?: AdaptiveTableData,
): { at(E: number): number; errorAt(E: number): number; data: AdaptiveTableData } {
  const me = electronMass;
  const { energyMin: lo, energyMax: hi } = spectrum;
  const [lamLo, lamHi] = dopplerRange(profile);
  const scales = [0, ...profile.scales, ...profile.scales.map((p) => -p)];
  const fold = (E2: number): number => {
    // E with |m_e(1 − E″/E)| ≤ p_max, inside the source
    const a = Math.max(lo, E2 / lamHi);
    const b = Math.min(hi, E2 / lamLo);
    if (!(b > a)) return 0;
    const points = scales.map((p) => E2 / (1 - p / me)).filter((E) => E > a && E < b);
    return integrate((E) => spectrum.dNdE(E) * ((me * E2) / (E * E)) * profile.density(me * (1 - E2 / E)), a, b, {
      relTol: SPREAD_FOLD_REL_TOL,
      points,
    }).value;
  };
  const eLo = lamLo * lo;
  const eHi = lamHi * hi;
  const E0 = spectrum.spreadLine?.energy ?? 0.5 * (lo + hi);
  const points = [lo, E0, hi].flatMap((E) => scales.map((p) => E * (1 - p / me))).filter((E) => E > eLo && E < eHi);
  // relative criterion down to 10⁻¹⁴ of the peak: the profile's far tail (ρ down to 10⁻¹⁰ of its peak, target/
  // comptonProfile.ts) keeps its relative accuracy, so a yield only that tail reaches does too
  if (stored && (stored.lo !== eLo || stored.hi !== eHi)) throw new RangeError(`stored Doppler source: not the table on [${eLo}, ${eHi}]`);
  const table = stored ? adaptiveTableFromData(stored) : adaptiveTable(fold, eLo, eHi, { relTol: SPREAD_TABLE_REL_TOL, absFloor: 1e-14, initialPanels: 32, points });
  return {
    data: table.data,
    // ≥ 0: a cubic that dips below 0 where the source vanishes is within its own error of 0
    at: (E) => Math.max(0, table.at(E)),
    errorAt: (E) => (table.relError + SPREAD_FOLD_REL_TOL) * Math.abs(table.at(E)) + table.absError,
  };
}

/** (*) for the continuous part on a uniform grid in ln E″, with its error bound (module comment). */
function logConvolution(spectrum: LeptonSource, profile: MomentumProfile): GridData {
  const me = electronMass;
  const { a, nT, step, yLo, yHi, nY, x0, nX } = gridLayout(spectrum, profile);
  // the grid must resolve J's core: its half width at half maximum ≥ 8 cells
  let pLo = 0;
  let pHi = profile.pMax;
  const half = 0.5 * profile.density(0);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (pLo + pHi);
    if (profile.density(mid) > half) pLo = mid;
    else pHi = mid;
  }
  if (pLo / me < 8 * step) {
    throw new RangeError(
      `the momentum profile ${profile.name} is too narrow (half width ${(pLo / me).toExponential(2)} m_e) for the Doppler grid (${step.toExponential(2)} in ln E)`,
    );
  }
  // k(y) = m_e e^y J(m_e(1 − e^y)); per cell m = 1..nY of [y_{m−1}, y_m], y_m = yLo + m·step:
  // P_m = ∫ k (1 − (y_m − y)/Δ), Q_m = ∫ k (y_m − y)/Δ (the weights of g at the cell's two ends)
  const k = (y: number) => {
    const lam = Math.exp(y);
    return me * lam * profile.density(me * (1 - lam));
  };
  const pointsY = [0, ...profile.scales, ...profile.scales.map((p) => -p)].map((p) => Math.log(1 - p / me));
  const P = new Float64Array(nY + 1);
  const Q = new Float64Array(nY + 1);
  for (let m = 1; m <= nY; m++) {
    const y0 = yLo + (m - 1) * step;
    const y1 = Math.min(yHi, yLo + m * step);
    if (!(y1 > y0)) continue;
    const inner = pointsY.filter((y) => y > y0 && y < y1);
    const opts = { relTol: 1e-10, points: inner };
    const A = integrate(k, y0, y1, opts).value;
    const yEnd = yLo + m * step;
    const B = integrate((y) => (k(y) * (yEnd - y)) / step, y0, y1, opts).value;
    P[m] = A - B;
    Q[m] = B;
  }
  // g̃_j = dN/dE at t_j = a + jΔ (the ends just inside the range, where dN/dE jumps)
  const g = new Float64Array(nT + 1);
  for (let j = 0; j <= nT; j++) {
    const E = j === 0 ? spectrum.energyMin : j === nT ? spectrum.energyMax : Math.exp(a + j * step);
    g[j] = spectrum.dNdE(E === spectrum.energyMin ? E * (1 + 1e-15) : E === spectrum.energyMax ? E * (1 - 1e-15) : E);
  }
  // bound on linear interpolation of g̃ over a cell: (Δ²/8)|g̃″| ≤ ε_g g̃ (second differences, ×2)
  let epsG = 0;
  for (let j = 1; j < nT; j++) {
    const d2 = Math.abs(g[j + 1] - 2 * g[j] + g[j - 1]);
    const floor = Math.min(g[j - 1], g[j], g[j + 1]);
    if (floor > 0) epsG = Math.max(epsG, (2 * d2) / 8 / floor);
    else if (d2 > 0) epsG = Infinity;
  }
  if (!Number.isFinite(epsG)) throw new RangeError('the lepton spectrum vanishes inside its range: cannot bound its Doppler smearing');
  // x_i = a + yLo + iΔ; value_i = Σ_j g_j P_{i−j} + g_{j+1} Q_{i−j}, 1 ≤ i − j ≤ nY
  const v = new Float64Array(nX + 1);
  for (let i = 0; i <= nX; i++) {
    let sum = 0;
    const jLo = Math.max(0, i - nY);
    const jHi = Math.min(nT - 1, i - 1);
    for (let j = jLo; j <= jHi; j++) sum += g[j] * P[i - j] + g[j + 1] * Q[i - j];
    v[i] = sum;
  }
  // the cubic through four neighbours misses a smooth function by ≤ 3/128 |δ⁴|; ×4 for the
  // kinks of (*) (where J's cut or the spectrum's edges cross), every stencil within 3 cells
  const interp = new Float64Array(nX + 1);
  for (let i = 0; i < nX; i++) {
    let worst = 0;
    for (let c = Math.max(0, i - 3); c <= Math.min(nX - 4, i + 1); c++) {
      const d4 = Math.abs(v[c] - 4 * v[c + 1] + 6 * v[c + 2] - 4 * v[c + 3] + v[c + 4]);
      worst = Math.max(worst, d4);
    }
    interp[i] = (4 * 3 * worst) / 128;
  }
  let total = 0;
  for (let i = 0; i < nX; i++) total += 0.5 * (v[i] + v[i + 1]) * (Math.exp(x0 + (i + 1) * step) - Math.exp(x0 + i * step));
  return { x0, step, v, interp, epsG, total };
}

/**
 * The Doppler grid for a source and a profile: the source's cells in t = ln E (from a, nT of
 * spacing step, ending exactly at ln E_max), the profile's in y = ln λ (from yLo, nY cells up to
 * yHi) and the result's in x = ln E″ (from x0 = a + yLo, nX = nT + nY cells).
 */
function gridLayout(spectrum: LeptonSource, profile: MomentumProfile) {
  const a = Math.log(spectrum.energyMin);
  const b = Math.log(spectrum.energyMax);
  const nT = Math.max(4, Math.ceil((b - a) / GRID_STEP));
  const step = (b - a) / nT;
  const [yLo, yHi] = dopplerRange(profile).map(Math.log);
  const nY = Math.ceil((yHi - yLo) / step);
  return { a, nT, step, yLo, yHi, nY, x0: a + yLo, nX: nT + nY };
}

/** (*) between the grid values (cubic through the four nearest) and its bound, from the grid's data. */
function gridSource(
  data: GridData,
  spectrum: LeptonSource,
  profile: MomentumProfile,
): { at(E: number): number; errorAt(E: number): number; total: number; data: GridData } {
  const { x0, step, v, interp, epsG } = data;
  const nX = v.length - 1;
  const layout = gridLayout(spectrum, profile);
  if (layout.x0 !== x0 || layout.step !== step || layout.nX !== nX || interp.length !== nX + 1) {
    throw new RangeError(`Doppler grid data: ${nX} steps of ${step} from ${x0}, expected ${layout.nX} of ${layout.step} from ${layout.x0}`);
  }
  const locate = (E: number): [number, number] | undefined => {
    if (!(E > 0)) return undefined;
    const t = (Math.log(E) - x0) / step;
    if (!(t >= 0 && t <= nX)) return undefined;
    const i = Math.min(nX - 1, Math.floor(t));
    return [i, t - i];
  };
  return {
    data,
    total: data.total,
    at(E: number): number {
      const loc = locate(E);
      if (!loc) return 0;
      const [i, s] = loc;
      // cubic through i−1, i, i+1, i+2 (clamped at the ends)
      const c = Math.min(Math.max(i - 1, 0), nX - 3);
      const u = i + s - c; // position in the stencil, 0..3
      const f0 = v[c];
      const f1 = v[c + 1];
      const f2 = v[c + 2];
      const f3 = v[c + 3];
      const y =
        (-f0 * (u - 1) * (u - 2) * (u - 3)) / 6 +
        (f1 * u * (u - 2) * (u - 3)) / 2 -
        (f2 * u * (u - 1) * (u - 3)) / 2 +
        (f3 * u * (u - 1) * (u - 2)) / 6;
      return Math.max(0, y);
    },
    errorAt(E: number): number {
      const loc = locate(E);
      if (!loc) return 0;
      const [i] = loc;
      return interp[i] + epsG * Math.max(v[i], v[i + 1]);
    },
  };
}
