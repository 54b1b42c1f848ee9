/**
 * Resonant annihilation of shower positrons on atomic electrons, Eq. (11):
 *
 *   N_ann = ∫ dE dN/dE ∫_{(1−c)E}^{E+m_e} dE_A' n_e T_e(E_A' − m_e, E, L_T) σ_ann(s = 2 m_e E_A'),
 *
 * with c the energy cut. The order is swapped so that the extremely narrow
 * Breit–Wigner of Eq. (9) sits in the outer integral and the v → 1 singularity
 * of the track length in the inner one:
 *
 *   N_ann = n_e ∫ dE_A' σ_ann(E_A') F(E_A'),  F(E_A') = ∫ dE dN/dE T_e(E', E),
 *   E' = E_A' − m_e,  max(E_min, E') ≤ E ≤ min(E_max, E_A'/(1−c)).
 *
 * F does not depend on the mass and is tabulated once (annihilationKernel.ts);
 * its interpolation error is bounded and added to the error estimate.
 *
 * The outer integral is split around the pole: within K widths of s = m² it
 * runs in θ = atan((s − m²)/Γm), where the Breit–Wigner is flat; outside in
 * ln|s − m²|, where its tails are smooth. F has kinks where E_A' crosses the
 * window edges; those, and the χχ̄ threshold, are breakpoints. Nothing is
 * sampled blindly. Yields are at ε = 1 (they scale as ε²).
 */
import { signalEfficiencyAt } from '../config/schema.js';
import { alpha, electronMass } from '../constants.js';
import { annihilationCrossSection, darkPhotonFor, pairThreshold, type DarkPhoton } from '../models/darkPhoton.js';
import { integrate, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { annihilationKernel } from './annihilationKernel.js';
import type { YieldContext } from './context.js';
import { movingElectronKernelAt } from './movingElectrons.js';
import { electronProfile, electronsMove } from '../target/comptonProfile.js';
import { softPhotonCut, softVirtualFactor } from '../processes/radiativeAnnihilation.js';

/**
 * The table of F may add at most this many times the yield's relative tolerance
 * to its relative error before F is computed directly next to its start (see
 * continuumAnnihilation): 1e-3 at the default 1e-5.
 */
const TABLE_SHARE = 100;

/** Half-width of the θ-mapped core, in units of Γm (in s). */
const CORE_WIDTHS = 20;

export interface YieldOptions {
  /** Relative tolerance of the outer integral (inner ones are 10× tighter). */
  relTol?: number;
  /**
   * Interpolate the exact-tree-level A′-strahlung yield in ln m from a mass grid shared by
   * the whole curve, with a measured error (yields/massGrid.ts); set by the reach scan.
   */
  massGrid?: boolean;
}

/**
 * σ_ann(s) of Eq. (9) for the configuration: with e⁺e⁻ → γA′ on, times the
 * soft-plus-virtual initial-state factor whose hard complement that channel is
 * (processes/radiativeAnnihilation.ts, yields/radiative.ts).
 */
export function resonanceCrossSection(ctx: YieldContext, model: DarkPhoton): (s: number) => number {
  if (!ctx.config.radiativeAnnihilation) return (s) => annihilationCrossSection(model, s);
  const soft = softVirtualFactor(model.mass, softPhotonCut(model.mass));
  return (s) => annihilationCrossSection(model, s) * soft(s);
}

/** Values of s where the soft factor has kinks (|s − M²| = x₀ s, and = s), none when it is off. */
function softKinks(ctx: YieldContext, model: DarkPhoton): number[] {
  if (!ctx.config.radiativeAnnihilation) return [];
  const m2 = model.mass * model.mass;
  const x0 = softPhotonCut(model.mass);
  return [m2 / (1 + x0), m2 / (1 - x0), m2 / 2];
}

/** Eq. (11) for one A' mass (GeV), at ε = 1. */
export function annihilationYield(ctx: YieldContext, mass: number, options: YieldOptions = {}): QuadratureResult {
  const parts: QuadratureResult[] = [];
  if (electronsMove(ctx.config)) {
    parts.push(movingElectronAnnihilation(ctx, mass, options));
    return combine(parts, signalEfficiencyAt(ctx.config.signalEfficiency, mass), 0);
  }
  if (ctx.spectrum.continuous) parts.push(continuumAnnihilation(ctx, mass, options));
  for (const line of ctx.spectrum.lines) parts.push(lineAnnihilation(ctx, mass, line.energy, line.count, options));
  return combine(parts, signalEfficiencyAt(ctx.config.signalEfficiency, mass), 0);
}

/**
 * Eq. (11) for a line of `count` leptons of energy E0: with u = 1 − E'/E0,
 *   N = n_e count X0 ∫₀^{c + m_e/E0} du τ(u) σ_ann(s = 2m_e(E0 + m_e − E0 u)).
 * The integral runs over the track-length table (v → 1 mapped away) with
 * breakpoints at the pole and at 1, 10, …, 10⁴ widths on either side, and at
 * the χχ̄ threshold, so the Breit–Wigner is resolved, never sampled blindly.
 */
export function lineAnnihilation(
  ctx: YieldContext,
  mass: number,
  energy: number,
  count: number,
  options: YieldOptions = {},
): QuadratureResult {
  const relTol = options.relTol ?? 1e-5;
  const { config, target } = ctx;
  const model = darkPhotonFor(config, mass);
  const me = electronMass;
  const uMax = config.energyCut + me / energy;
  const uOf = (s: number) => (energy + me - s / (2 * me)) / energy;
  const uPole = uOf(mass * mass);
  const du = (model.width * mass) / (2 * me * energy);
  const sigma = resonanceCrossSection(ctx, model);
  const points = [uPole, uOf(pairThreshold(model)), ...softKinks(ctx, model).map(uOf)];
  for (let k = 1; k <= 1e4; k *= 10) points.push(uPole - k * du, uPole + k * du);
  const r = ctx.annihilationTrack.integrate(
    (u) => sigma(2 * me * (energy + me - energy * u)),
    0,
    uMax,
    { relTol, points: points.filter((p) => p > 0 && p < uMax) },
  );
  const scale = target.electronDensity * count * target.X0;
  return { ...r, value: r.value * scale, error: r.error * scale };
}

/** Eq. (11) for the continuous part of the source, through the tabulated kernel F(E_A'). */
function continuumAnnihilation(ctx: YieldContext, mass: number, options: YieldOptions): QuadratureResult {
  const relTol = options.relTol ?? 1e-5;
  const { config, target } = ctx;
  const kernel = ctx.annihilationKernel();
  const model = darkPhotonFor(config, mass);
  const twoMe = 2 * electronMass;
  const sLo = twoMe * kernel.start;
  const sHi = twoMe * kernel.end;
  const sKinks = [twoMe * kernel.cusp, twoMe * kernel.kink, ...kernel.kinks.map((e) => twoMe * e), pairThreshold(model), ...softKinks(ctx, model)].filter(
    (s) => s > sLo && s < sHi,
  );
  const sigma = resonanceCrossSection(ctx, model);
  const run = (F: { at(eA: number): number; errorAt(eA: number): number }) => {
    const { parts, sigmaParts } = resonanceIntegral(model, sigma, sLo, sHi, sKinks, (s) => F.at(s / twoMe), relTol, (s) =>
      F.errorAt(s / twoMe),
    );
    const result = combine(parts, target.electronDensity, 0);
    // the interpolated F is off by at most errorAt(E_A') at each E_A' (a local bound): ∫ σ δF ds/2m_e bounds its effect
    const tableError = target.electronDensity * sigmaParts.reduce((sum, p) => sum + p.value + p.error, 0);
    result.error += tableError;
    return { result, tableError };
  };
  const tabulated = run(kernel);
  // F → 0 at its start, where the table's absolute error is not small against F: when the resonance sits
  // there (the onset edge, a narrow A′) and that error exceeds TABLE_SHARE·relTol of the yield, F is
  // computed directly next to its start. Elsewhere the table serves (and belle2-paper keeps its numbers).
  if (!(tabulated.tableError > TABLE_SHARE * relTol * tabulated.result.value)) return tabulated.result;
  return run(kernel.nearStart).result;
}

/**
 * Eq. (11) with the electrons in motion: n_e ∫ ds σ_ann(s)/(2m_e) G(s), G the
 * kernel folded over the target's Compton profile (movingElectrons.ts), for
 * the whole source (continuum and lines) at once.
 */
function movingElectronAnnihilation(ctx: YieldContext, mass: number, options: YieldOptions): QuadratureResult {
  const relTol = options.relTol ?? 1e-5;
  const { config, target } = ctx;
  const kernel = ctx.movingElectronKernel();
  if (!(kernel.sHi > kernel.sLo)) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const model = darkPhotonFor(config, mass);
  const sKinks = [...kernel.kinks, pairThreshold(model), ...softKinks(ctx, model)].filter((s) => s > kernel.sLo && s < kernel.sHi);
  const sigma = resonanceCrossSection(ctx, model);
  const { parts, sigmaParts } = resonanceIntegral(model, sigma, kernel.sLo, kernel.sHi, sKinks, (s) => kernel.at(s), relTol, (s) =>
    kernel.absErrorAt(s),
  );
  const result = combine(parts, target.electronDensity, 0);
  // ∫ σ(s) absErrorAt(s) ds / 2m_e bounds the table's absolute error
  const errorIntegral = sigmaParts.reduce((sum, p) => sum + p.value + p.error, 0);
  result.error += kernel.relError * Math.abs(result.value) + target.electronDensity * errorIntegral;
  return result;
}

/**
 * ∫ ds σ(s) K(s) / 2m_e over [sLo, sHi] (σ: {@link resonanceCrossSection}), split around the pole: within K
 * widths of s = m² in θ = atan((s − m²)/Γm), outside in ln|s − m²|; with
 * ∫ ds σ·w/2m_e alongside (to 1e−3; w = 1 unless given) for bounds on K's table error.
 */
function resonanceIntegral(
  model: DarkPhoton,
  sigmaOf: (s: number) => number,
  sLo: number,
  sHi: number,
  sKinks: number[],
  kernelAt: (s: number) => number,
  relTol: number,
  sigmaWeight?: (s: number) => number,
): { parts: QuadratureResult[]; sigmaParts: QuadratureResult[] } {
  const twoMe = 2 * electronMass;
  const { mass } = model;
  const m2 = mass * mass;
  const gm = model.width * mass;
  // integrands in s: σ(s) K(s) / 2m_e, and σ alone for the table-error bound
  const parts: QuadratureResult[] = [];
  const sigmaParts: QuadratureResult[] = [];
  const run = (map: (x: number) => number, jac: (x: number) => number, lo: number, hi: number, points: number[]) => {
    const opts = { relTol, absTol: 0, points };
    parts.push(integrate((x) => { const s = map(x); return (sigmaOf(s) * kernelAt(s) * jac(x)) / twoMe; }, lo, hi, opts));
    const sigma = sigmaWeight
      ? (x: number) => { const s = map(x); return (sigmaOf(s) * sigmaWeight(s) * jac(x)) / twoMe; }
      : (x: number) => (sigmaOf(map(x)) * jac(x)) / twoMe;
    sigmaParts.push(integrate(sigma, lo, hi, { ...opts, relTol: 1e-3, absTol: 0 }));
  };
  // core |s − m²| < K Γm in θ = atan((s − m²)/Γm): ds = Γm (1 + tan²θ) dθ
  const coreLo = Math.max(sLo, m2 - CORE_WIDTHS * gm);
  const coreHi = Math.min(sHi, m2 + CORE_WIDTHS * gm);
  if (coreHi > coreLo) {
    const toTheta = (s: number) => Math.atan((s - m2) / gm);
    run(
      (th) => m2 + gm * Math.tan(th),
      (th) => gm * (1 + Math.tan(th) ** 2),
      toTheta(coreLo),
      toTheta(coreHi),
      sKinks.filter((s) => s > coreLo && s < coreHi).map(toTheta),
    );
  }
  // left tail s < m² − K Γm, in ρ = ln(m² − s)
  const leftHi = Math.min(sHi, m2 - CORE_WIDTHS * gm);
  if (leftHi > sLo) {
    const toRho = (s: number) => Math.log(m2 - s);
    run(
      (r) => m2 - Math.exp(r),
      (r) => Math.exp(r),
      toRho(leftHi),
      toRho(sLo),
      sKinks.filter((s) => s > sLo && s < leftHi).map(toRho),
    );
  }
  // right tail s > m² + K Γm, in ρ = ln(s − m²)
  const rightLo = Math.max(sLo, m2 + CORE_WIDTHS * gm);
  if (sHi > rightLo) {
    const toRho = (s: number) => Math.log(s - m2);
    run(
      (r) => m2 + Math.exp(r),
      (r) => Math.exp(r),
      toRho(rightLo),
      toRho(sHi),
      sKinks.filter((s) => s > rightLo && s < sHi).map(toRho),
    );
  }
  return { parts, sigmaParts };
}

/** Sums parts, scales by a constant and adds the inner integrals' relative error. */
export function combine(parts: QuadratureResult[], scale: number, innerRelErr: number): QuadratureResult {
  let value = 0;
  let error = 0;
  let evaluations = 0;
  let intervals = 0;
  let converged = true;
  for (const p of parts) {
    value += p.value;
    error += p.error;
    evaluations += p.evaluations;
    intervals += p.intervals;
    converged &&= p.converged;
  }
  value *= scale;
  error = error * Math.abs(scale) + innerRelErr * Math.abs(value);
  return { value, error, evaluations, intervals, converged };
}

/**
 * The narrow-width limit with the electrons in motion: N_ann → n_e (2π²α/m_e) G(m²),
 * G computed afresh by quadrature over p_z (no table). Valid where G is smooth over the width.
 */
export function annihilationYieldNarrowWidthMoving(ctx: YieldContext, mass: number, relTol = 1e-8): number {
  const G = movingElectronKernelAt(ctx, electronProfile(ctx.target, ctx.config), mass * mass, relTol).value;
  return ((ctx.target.electronDensity * 2 * Math.PI * Math.PI * alpha) / electronMass) * G;
}

/**
 * The narrow-width limit of Eq. (11): ∫ dE_A' σ_ann = (1/2m_e) ∫ ds σ_ann →
 * (1/2m_e)(e²α_D/3)(m² + 2m_χ²)√(1 − 4m_χ²/m²) π/(Γm) = 2π²α/m_e, independent of
 * α_D and m_χ once Γ is Eq. (10) — and of the dark-matter model, for which
 * ∫ ds σ = 12π Γ_ee Γ_pair π/(mΓ) = 4π²α when Γ = Γ_pair (models/darkPhoton.ts);
 * so N_ann → n_e (2π²α/m_e) F(m²/2m_e).
 * Valid when F is smooth over the width (away from the kinks of F).
 */
export function annihilationYieldNarrowWidth(ctx: YieldContext, mass: number, relTol = 1e-8): number {
  const eRes = (mass * mass) / (2 * electronMass);
  const F = annihilationKernel(ctx, eRes, relTol).value;
  return ((ctx.target.electronDensity * 2 * Math.PI * Math.PI * alpha) / electronMass) * F;
}
