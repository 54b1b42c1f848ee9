/**
 * Eq. (11) with the target's atomic electrons in motion (on-shell impulse
 * approximation, target/comptonProfile.ts). An electron of momentum p and energy
 * E = √(m_e² + p²) gives s = 2m_e² + 2E'(m_e − π), π = m_e − (E − p_z), and the
 * Møller flux (E − p_z)/E, so that
 *
 *   N_ann = n_e ∫ ds σ_ann(s)/(2m_e) G(s),
 *   G(s)  = ∫ dπ ρ(π) F(E_A' = E'(s, π) + m_e),   E'(s, π) = (s − 2m_e²)/(2(m_e − π)),
 *
 * with ρ the flux-weighted density of π per electron (Eq. R of comptonProfile.ts;
 * ρ = J(p_z) with π = p_z to first order in p/m_e, electronMotion: comptonProfileLinear)
 * and F the free-electron kernel of Eq. (11) (annihilationKernel.ts; for a line of
 * leptons, count·T_e(E', E0)). Below, p_z in names stands for π. At π = 0,
 * ρ = δ(π) gives back G(s) = F(s/2m_e), the paper's model. G does not depend
 * on the A' mass: it is tabulated once per configuration (adaptively, in
 * ln(s − 2m_e²), with a stated error) and the resonance integral over s is the
 * same as for electrons at rest. Because the flux makes ∫ dE' σ the same for
 * every π, the narrow-width limit N → n_e (2π²α/m_e) G(m²) is still
 * independent of α_D and m_χ.
 */
import { electronMass } from '../constants.js';
import { adaptiveTable, adaptiveTableFromData, type AdaptiveTableData, type AdaptiveTableOptions } from '../numeric/adaptiveTable.js';
import { integrate, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { electronMomentumAt, electronProfile, foldOverProfile, type MomentumProfile } from '../target/comptonProfile.js';
import type { YieldContext } from './context.js';

/** Relative accuracy of each G(s) quadrature, and of the table (per panel). */
const INNER_REL_TOL = 1e-4;
const TABLE_REL_TOL = 1e-4;
/**
 * G below this fraction of its largest value is tabulated to an absolute, not
 * relative, accuracy. Small, so that G keeps its relative accuracy in its tail
 * (masses beyond the kinematic end, reached only by the profile's tail, which is cut
 * where it has fallen by 10⁻¹⁰: target/comptonProfile.ts).
 */
const TABLE_ABS_FLOOR = 1e-14;
/**
 * G is tabulated in ln G where it is positive, in a variable stretched at both ends of its
 * s range (numeric/adaptiveTable.ts): between its ends G is a power law of s − 2m_e² (the
 * profile's tails), and it vanishes like a power of the distance to each end. Within
 * TABLE_END_CUT of the range of ln(s − 2m_e²) from an end, G (< 10⁻¹⁸ of its peak there) is
 * taken as 0, and its value at the cut is counted in the table's absolute error.
 */
const TABLE_END_CUT = 1e-9;
/** Relative accuracy of the bound on F's interpolation error folded over J (an error bound needs no more). */
const ERROR_REL_TOL = 0.1;

/** G(s) of the module comment, tabulated, in GeV⁻² (s in GeV²). */
export interface ResonanceKernel {
  /** s range outside which G = 0. */
  sLo: number;
  sHi: number;
  at(s: number): number;
  /** s where G is not smooth (none for a folded kernel: J smooths every edge of F). */
  kinks: number[];
  /** |G_table − G| ≤ relError·|G| + absErrorAt(s). */
  relError: number;
  absErrorAt(s: number): number;
  /** The tabulated values, to store (yields/storedTables.ts); absent on a scaled view. */
  data?: MovingKernelData;
}

/** What a built G holds beyond its configuration: its table in ln(s − 2m_e²), and that of F's folded error. */
export interface MovingKernelData {
  table?: AdaptiveTableData;
  bound?: AdaptiveTableData;
}

const TWO_ME2 = 2 * electronMass * electronMass;

/**
 * ∫ dp_z J(p_z) f(E_A′(s, p_z)) over the p_z that reach F's range, for f = F
 * (the continuum part of G) or f = F's local table error (its bound).
 */
function foldContinuum(ctx: YieldContext, profile: MomentumProfile, s: number, f: (eA: number) => number, relTol: number): QuadratureResult {
  const me = electronMass;
  const kernel = ctx.annihilationKernel();
  const eLo = kernel.start - me;
  const eHi = kernel.end - me;
  const Fp = (p: number) => f((s - TWO_ME2) / (2 * (me - p)) + me);
  const pLo = Math.max(-profile.pFar, electronMomentumAt(s, eLo));
  const pHi = Math.min(profile.pMax, electronMomentumAt(s, eHi));
  // F approaches its cusp (E' → E_min from below) and its end (E' → E_max) like 1/ln: those
  // stretches run in w = 1/ln(1/u), u the distance to the point (as for the track length)
  const pCusp = electronMomentumAt(s, kernel.cusp - me);
  const pKink = electronMomentumAt(s, kernel.kink - me);
  return combineResults([
    ...towardLogPoint(profile, Fp, pLo, Math.min(pCusp, pHi), relTol),
    foldOverProfile(profile, Fp, { lo: Math.max(pLo, pCusp), hi: Math.min(pHi, pKink), relTol }),
    ...towardLogPoint(profile, Fp, Math.max(pLo, pKink), pHi, relTol),
  ]);
}

/**
 * G(s) at one s, by quadrature over p_z (no table). absError: the quadrature's,
 * plus F's interpolation error folded over J (its local bound, {@link continuumTableError}).
 */
export function movingElectronKernelAt(
  ctx: YieldContext,
  profile: MomentumProfile,
  s: number,
  relTol = INNER_REL_TOL,
  boundTableError = true,
): { value: number; absError: number } {
  const me = electronMass;
  let value = 0;
  let absError = 0;
  if (ctx.spectrum.continuous) {
    const kernel = ctx.annihilationKernel();
    const r = foldContinuum(ctx, profile, s, (eA) => kernel.at(eA), relTol);
    value += r.value;
    absError += r.error + (boundTableError ? continuumTableError(ctx, profile, s) : 0);
  }
  const X0 = ctx.target.X0;
  for (const line of ctx.spectrum.lines) {
    const E0 = line.energy;
    const uMax = Math.min(ctx.config.energyCut + me / E0, 1 - 1e-6); // E_A' ≥ (1 − c)E0, as lineAnnihilation
    const d = s - TWO_ME2;
    const uA = Math.max(0, 1 - d / (2 * E0 * (me - profile.pMax)));
    const uB = Math.min(uMax, 1 - d / (2 * E0 * (me + profile.pFar)));
    if (!(uB > uA)) continue;
    const pOf = (v: number) => me - d / (2 * E0 * v);
    const uAtP = (p: number) => 1 - d / (2 * E0 * (me - p));
    const points = [0, ...profile.scales, ...profile.scales.map((x) => -x)].map(uAtP).filter((u) => u > uA && u < uB);
    const r = ctx.annihilationTrack.integrate((_u, v) => profile.density(pOf(v)) / (v * v), uA, uB, { relTol, points });
    const scale = (line.count * X0 * d) / (2 * E0 * E0);
    value += scale * r.value;
    absError += scale * r.error;
  }
  return { value, absError };
}

/**
 * ∫_a^b J(p) f(p) dp where f behaves like 1/ln(1/(b − p)) at b (infinite slope):
 * [a, c] plainly, [c, b] in w = 1/ln(1/u), u = (b − p)/(b − a), c where u = 1/e.
 */
function towardLogPoint(profile: MomentumProfile, f: (p: number) => number, a: number, b: number, relTol: number): QuadratureResult[] {
  if (!(b > a)) return [];
  const width = b - a;
  const c = b - width / Math.E;
  const plain = foldOverProfile(profile, f, { lo: a, hi: c, relTol });
  const toW = (p: number) => -1 / Math.log((b - p) / width);
  const points = [0, ...profile.scales, ...profile.scales.map((x) => -x)].filter((p) => p > c && p < b).map(toW);
  const mapped = integrate(
    (w) => {
      if (w === 0) return 0;
      const u = Math.exp(-1 / w);
      const p = b - width * u;
      return profile.density(p) * f(p) * ((width * u) / (w * w));
    },
    0,
    1,
    { relTol, points },
  );
  return [plain, mapped];
}

function combineResults(parts: QuadratureResult[]): QuadratureResult {
  return parts.reduce(
    (acc, r) => ({
      value: acc.value + r.value,
      error: acc.error + r.error,
      evaluations: acc.evaluations + r.evaluations,
      intervals: acc.intervals + r.intervals,
      converged: acc.converged && r.converged,
    }),
    { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true },
  );
}

/**
 * Bound on G's error from the interpolated F at this s: F's local error bound
 * (AnnihilationKernelTable.errorAt) folded over J, to ERROR_REL_TOL, its
 * quadrature error added. (F's largest error anywhere times J's mass was far
 * too loose where only J's tail reaches F: beyond the kinematic end.)
 */
function continuumTableError(ctx: YieldContext, profile: MomentumProfile, s: number): number {
  if (!ctx.spectrum.continuous) return 0;
  const kernel = ctx.annihilationKernel();
  const r = foldContinuum(ctx, profile, s, (eA) => kernel.errorAt(eA), ERROR_REL_TOL);
  return r.value + r.error;
}

/** The lowest accepted E′ of a line at E0: E_A′ ≥ (1 − c)E0 (the uMax of {@link movingElectronKernelAt}). */
function lowestLineEnergy(ctx: YieldContext, E0: number): number {
  return Math.max((1 - ctx.config.energyCut) * E0 - electronMass, 1e-6 * E0);
}

/** The s range where G can be non-zero: every positron energy F covers, every p_z folded. */
function sRange(ctx: YieldContext, profile: MomentumProfile): [number, number] | undefined {
  const me = electronMass;
  let eLo = Infinity;
  let eHi = -Infinity;
  if (ctx.spectrum.continuous) {
    const kernel = ctx.annihilationKernel();
    eLo = Math.min(eLo, kernel.start - me);
    eHi = Math.max(eHi, kernel.end - me);
  }
  for (const line of ctx.spectrum.lines) {
    eLo = Math.min(eLo, lowestLineEnergy(ctx, line.energy));
    eHi = Math.max(eHi, line.energy);
  }
  if (!(eHi > eLo)) return undefined;
  return [TWO_ME2 + 2 * eLo * (me - profile.pMax), TWO_ME2 + 2 * eHi * (me + profile.pFar)];
}

/**
 * ln(s − 2m_e²) where G has its steepest structure: where F's edges (its start, cusp,
 * kinks, end; for a line, the line and the lowest accepted energy) sit for electrons at
 * rest, π = 0 (s − 2m_e² = 2m_e E′). The slowest electrons smear them least, so G changes
 * fastest there: the table starts with panel boundaries at them, so that refining sees them.
 */
function featurePoints(ctx: YieldContext): number[] {
  const me = electronMass;
  const energies: number[] = []; // E′ (GeV)
  if (ctx.spectrum.continuous) {
    const k = ctx.annihilationKernel();
    energies.push(...[k.start, k.cusp, k.kink, k.end, ...k.kinks].map((eA) => eA - me));
  }
  for (const line of ctx.spectrum.lines) {
    energies.push(line.energy, lowestLineEnergy(ctx, line.energy));
  }
  return energies.filter((e) => e > 0).map((e) => Math.log(2 * me * e));
}

/** G(s) tabulated for a configuration (built once, on first use, by the context), or rebuilt from `stored`. */
export function movingElectronKernel(ctx: YieldContext, stored?: MovingKernelData): ResonanceKernel {
  const profile = electronProfile(ctx.target, ctx.config);
  const range = sRange(ctx, profile);
  if (!range) return { sLo: 0, sHi: 0, at: () => 0, kinks: [], relError: 0, absErrorAt: () => 0, data: {} };
  const [sLo, sHi] = range;
  const g = (y: number) => movingElectronKernelAt(ctx, profile, TWO_ME2 + Math.exp(y), INNER_REL_TOL, false).value;
  const yLo = Math.log(sLo - TWO_ME2);
  const yHi = Math.log(sHi - TWO_ME2);
  const fits = (d: AdaptiveTableData | undefined) => d !== undefined && d.lo === yLo && d.hi === yHi && d.stretch === TABLE_END_CUT;
  if (stored && (!fits(stored.table) || (ctx.spectrum.continuous ? !fits(stored.bound) : stored.bound !== undefined))) {
    throw new RangeError(`stored G: not the tables on ln(s − 2m_e²) ∈ [${yLo}, ${yHi}]`);
  }
  // both tables in ln, stretched at the ends, checked off their nodes, from F's edges (TABLE_END_CUT)
  let shaped: AdaptiveTableOptions | undefined; // built once, and only when a table is computed
  const shape = () => (shaped ??= { absFloor: TABLE_ABS_FLOOR, initialPanels: 48, logValues: true, stretchEnds: TABLE_END_CUT, offNodeCheck: true, points: featurePoints(ctx) });
  const table = stored?.table ? adaptiveTableFromData(stored.table) : adaptiveTable(g, yLo, yHi, { ...shape(), relTol: TABLE_REL_TOL });
  // F's interpolation error folded over J, tabulated too (loosely: it is a bound), 0 without a continuum
  const bound = !ctx.spectrum.continuous
    ? undefined
    : stored?.bound
      ? adaptiveTableFromData(stored.bound)
      : adaptiveTable((y) => continuumTableError(ctx, profile, TWO_ME2 + Math.exp(y)), yLo, yHi, { ...shape(), relTol: ERROR_REL_TOL });
  const boundAt = (y: number) =>
    bound ? (1 + bound.relError) * Math.max(0, bound.at(y)) + bound.absError : 0;
  return {
    sLo,
    sHi,
    kinks: [],
    // G ≥ 0: a cubic that dips below 0 in the far tail is within its own error of 0
    at: (s: number) => (s > sLo && s < sHi ? Math.max(0, table.at(Math.log(s - TWO_ME2))) : 0),
    // the table's bound, and each G's quadrature (relTol) and interpolated-F bound; G = 0 exactly outside (sLo, sHi)
    relError: table.relError + INNER_REL_TOL,
    absErrorAt: (s: number) => (s > sLo && s < sHi ? table.absError + boundAt(Math.log(s - TWO_ME2)) : 0),
    data: { table: table.data, bound: bound?.data },
  };
}
