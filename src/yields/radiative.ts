/**
 * Radiative annihilation e⁺e⁻ → γA′ of shower positrons on atomic electrons,
 * the third channel (Ge, Liang, Liu & Min, arXiv:2505.10302), folded with the
 * track length like Eq. (11):
 *
 *   N_rad = n_e ∫ dE dN/dE ∫ dE′ T_e(E′, E, L_T) σ_acc(E′, ω_cut),
 *   ω_cut = E′ + m_e − (1 − c)E,
 *
 * where σ_acc is σ(e⁺e⁻ → γA′) for photon lab energies ω ≤ ω_cut
 * (processes/radiativeAnnihilation.ts, closed form): the photon is deposited
 * in the calorimeter, and the selection asks the A′ to carry
 * E_A′ = E′ + m_e − ω ≥ (1 − c)E. With u = 1 − E′/E, T_e dE′ = X0 τ(u) du:
 *
 *   N_rad = n_e X0 ∫ dE dN/dE ∫ du τ(u) σ_acc((1 − u)E, (c − u)E + m_e).
 *
 * The inner integral runs over the track-length table (the v → 1 singularity
 * mapped away), the outer one over the lepton source (a spectrum or lines);
 * yields are at ε = 1.
 *
 * Kinematic closure: s = 2m_e(E′ + m_e) ≤ 2m_e(E_max + m_e), so the channel is
 * exactly zero for M² above that (82.25 MeV at Belle II).
 *
 * Soft photons. As s → M² the photon becomes soft in the centre of mass and
 * σ ∝ 1/(s − M²): the infrared end of initial-state radiation, which cancels
 * against the virtual correction to the resonance (Eq. 9). The channel counts
 * photons with a centre-of-mass energy fraction x = 1 − M²/s ≥ x₀ (hard); the
 * soft (x < x₀) and virtual parts multiply Eq. (11) by the standard factor
 *
 *   1 + δ_SV(x₀),  δ_SV = β ln x₀ + (α/π)(3L/2 + π²/3 − 2),  β = (2α/π)(L − 1),  L = ln(M²/m_e²)
 *
 * (soft-photon + vertex correction to e⁺e⁻ → V; e.g. F. A. Berends, R. Kleiss,
 * Nucl. Phys. B 177 (1981) 237; E. A. Kuraev, V. S. Fadin, Sov. J. Nucl. Phys.
 * 41 (1985) 466), so the sum of the two is independent of x₀ to O(α) (a test
 * checks it). x₀ = 0.01 (processes/radiativeAnnihilation.ts softPhotonCut: the
 * sum does not depend on it whether the Breit–Wigner is narrower than x₀M² or
 * wider). Below the resonance window the selection keeps s − M² away from zero
 * and none of this matters.
 *
 * Electron motion (`electronMotion: comptonProfile`): in the impulse
 * approximation of the resonance, an electron of momentum p_z is, to first
 * order in p_z/m_e, an electron at rest with every energy of the event
 * Doppler-scaled by λ = 1 − p_z/m_e (the same s and flux factor as the
 * resonance's); the selection is a ratio of energies and does not change. So
 *   N_rad = n_e X0 ∫ dE″ R(E″) dÑ/dE″,  R(E) = ∫ du τ(u) σ_acc((1 − u)E, (c − u)E + m_e),
 * R the per-lepton yield at rest and dÑ/dE″ = ∫ dp_z J(p_z) dN/dE(E″/λ) the
 * Doppler-smeared source (yields/dopplerSpectrum.ts: derivation, mass-independent,
 * built once per configuration). Per mass, R is tabulated adaptively in the
 * variables where it is smooth (w and ρ below; a handful of R evaluations) and
 * the outer integral runs over the table, resolving every scale of J in dÑ.
 * The channel then closes at s = 2m_e((1 + p_far/m_e)E_max + m_e), π = −p_far the far
 * end of the folded profile (282 MeV at Belle II, where electrons at rest close it
 * at 82.25 MeV): exactly zero above.
 */
import { electronsMove } from '../target/comptonProfile.js';
import { electronMass } from '../constants.js';
import { integrate, QuadratureError, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { radiativeAcceptedBelow, radiativeAcceptedBelowFor, radiativeKinematics, softPhotonCut } from '../processes/radiativeAnnihilation.js';
import { signalEfficiencyAt } from '../config/schema.js';
import { combine, type YieldOptions } from './annihilation.js';
import type { YieldContext } from './context.js';
import type { DopplerSource } from './dopplerSpectrum.js';
import { weightedRule, type WeightedRule } from '../numeric/productRule.js';

/** A channel that is off or closed: exactly zero. */
export const NO_YIELD: QuadratureResult = Object.freeze({ value: 0, error: 0, evaluations: 0, intervals: 0, converged: true });

/** Largest A′ mass (GeV) the channel can reach for leptons up to `energyMax`: s_max = 2m_e(E_max + m_e). */
export function radiativeEndMass(energyMax: number): number {
  return Math.sqrt(2 * electronMass * (energyMax + electronMass));
}

/** σ(e⁺(E′) e⁻ → γA′) with the photon's lab energy ≤ ω_cut and s ≥ sMin, at rest electrons, GeV⁻². */
export function positronCrossSection(mass: number, sMin: number, positronEnergy: number, omegaCut: number): number {
  return radiativeAcceptedBelow(positronEnergy, mass, sMin, omegaCut);
}

function ladder(end: number, scale: number, from: number): number[] {
  const points: number[] = [];
  for (let d = scale; end - d > from; d *= 10) points.push(end - d);
  return points;
}

/** What one mass needs: the soft cut, the threshold and the selection's special energies. */
interface RadiativeSetup {
  mass: number;
  c: number;
  x0: number;
  /** Smallest s of the hard channel, M²/(1 − x₀). */
  sMin: number;
  /** Lowest positron energy, where s = sMin. */
  eThr: number;
  /** Lepton energy where the threshold meets the selection's end (uThr = uCut). */
  eMeet: number;
  /** Lepton energy just below eMeet where the hard photon's 1/x rise sits. */
  ePole: number;
  /** σ_acc(E′, ω_cut) at this mass and sMin, GeV⁻² ({@link positronCrossSection}). */
  accepted: (positronEnergy: number, omegaCut: number) => number;
}

export function radiativeSetup(ctx: YieldContext, mass: number, softCut?: number): RadiativeSetup {
  const me = electronMass;
  const c = ctx.config.energyCut;
  const x0 = softCut ?? softPhotonCut(mass);
  const sMin = (mass * mass) / (1 - x0);
  const eThr = sMin / (2 * me) - me;
  return {
    mass,
    c,
    x0,
    sMin,
    eThr,
    eMeet: (eThr + me) / (1 - c),
    ePole: (mass * mass) / (2 * me) / (1 - c),
    accepted: radiativeAcceptedBelowFor(mass, sMin),
  };
}

/**
 * R(E) = ∫ du τ(u) σ_acc((1 − u)E, (c − u)E + m_e): the yield per lepton of energy E
 * per unit n_e X0, electrons at rest (0 at and below the threshold).
 */
export function perLepton(ctx: YieldContext, st: RadiativeSetup, E: number, relTol: number, aboveThreshold?: number): QuadratureResult {
  const me = electronMass;
  const { mass, c, x0, sMin, eThr } = st;
  if (aboveThreshold === undefined ? E <= eThr : !(aboveThreshold > 0)) return { ...NO_YIELD };
  // uThr = (E − eThr)/E, from the distance to the threshold when it is given (no rounding)
  const uThr = aboveThreshold === undefined ? 1 - eThr / E : aboveThreshold / E;
  const uCut = c + me / E; // ω_cut ≥ 0
  const uHi = Math.min(uThr, uCut);
  const { accepted } = st;
  const g = (u: number, v: number) => accepted(v * E, (c - u) * E + me);
  // ω_cut meets ω_min(E′) at uEnd, just below uCut: σ_acc ∝ ln(ω_cut/ω_min) there, on the
  // scale ω_min/E. The last 100 such scales are integrated in t = ln(uEnd − u), where that
  // log is smooth (τ is regular there, u ≈ c); the rest over the track-length table.
  const kAtCut = radiativeKinematics((1 - uCut) * E, mass);
  const scale = kAtCut ? kAtCut.omegaMin / E : 0;
  const uEnd = uCut - scale;
  const split = uEnd - 100 * scale;
  const tailFirst = kAtCut !== null && uHi === uCut && split > 0.5 * uCut;
  const top = tailFirst ? split : uHi;
  const points: number[] = [];
  // σ ∝ 1/(s − M²) towards the threshold, on the scale x₀ s/(2m_e E)
  if (uThr < uCut) points.push(...ladder(uThr, (x0 * sMin) / (2 * me * E), 0));
  // ln(ω_cut/ω_min) ∝ ln(uEnd − u) below the tail: a decade of uEnd − u per panel
  else if (tailFirst) points.push(...ladder(uEnd, 1000 * scale, 0));
  const r = ctx.annihilationTrack.integrate(g, 0, top, {
    relTol,
    points: points.filter((p) => p > 0 && p < top),
  });
  if (tailFirst) {
    const track = ctx.annihilationTrack;
    const tail = integrate(
      (t) => {
        const d = Math.exp(t);
        const u = uEnd - d;
        return track.tau(u) * g(u, 1 - u) * d;
      },
      Math.log(scale * 1e-12),
      Math.log(uEnd - split),
      { relTol, absTol: relTol * Math.abs(r.value) },
    );
    r.value += tail.value;
    r.error += tail.error;
  }
  return r;
}

/** N_rad for one A′ mass (GeV), at ε = 1. */
export function radiativeYield(
  ctx: YieldContext,
  mass: number,
  options: YieldOptions & { softCut?: number } = {},
): QuadratureResult {
  // 10× the other channels' tolerance: where this channel matters most (below the
  // resonance window) it converges far beyond it anyway; inside the window it is
  // the resonance's radiative tail. Its error estimate is reported either way.
  const relTol = 10 * (options.relTol ?? 1e-5);
  const { spectrum, target, config } = ctx;
  const me = electronMass;
  const st = radiativeSetup(ctx, mass, options.softCut);
  const scale = target.electronDensity * target.X0 * signalEfficiencyAt(config.signalEfficiency, mass);
  if (electronsMove(config)) return movingElectronRadiative(ctx, st, ctx.dopplerSource(), relTol, scale);
  const { sMin, eThr, eMeet, ePole } = st;
  if (sMin >= 2 * me * (spectrum.energyMax + me)) return { ...NO_YIELD };
  let innerRelErr = 0;
  const perLeptonValue = (E: number): number => {
    const r = perLepton(ctx, st, E, relTol);
    if (r.value !== 0) innerRelErr = Math.max(innerRelErr, r.error / Math.abs(r.value));
    return r.value;
  };
  // perLepton has a cusp where the threshold reaches unradiated leptons (E = eThr, like
  // 1/ln(1/(E − eThr))) and a kink where the threshold meets the selection's end
  // (uThr = uCut, E = eMeet). The continuum is integrated here in E: in
  // w = 1/(1 − ln(δ/Δ)), δ = E − eThr, Δ = eMeet − eThr, between the two (where the
  // cusp is smooth: δ = Δ e^{1 − 1/w}, dE = δ dw/w²), in E elsewhere; lines are summed.
  const parts: QuadratureResult[] = [];
  if (spectrum.continuous) {
    const { energyMin, energyMax, dNdE } = spectrum;
    const f = (E: number) => dNdE(E) * perLeptonValue(E);
    const opts = { relTol };
    // above eMeet the hard photon's 1/x rise sits at E_p = (M²/2m_e)/(1 − c), just below:
    // integrate in ρ = ln(E − E_p), where it is smooth
    const abovePole = (g: (E: number) => number, a: number, b: number, pts: number[]): QuadratureResult => {
      const toRho = (E: number) => Math.log(E - ePole);
      return integrate(
        (r) => {
          const d = Math.exp(r);
          return g(ePole + d) * d;
        },
        toRho(a),
        toRho(b),
        { ...opts, points: pts.filter((E) => E > a && E < b).map(toRho) },
      );
    };
    if (eThr > energyMin && eThr < energyMax) {
      const span = Math.min(eMeet, energyMax) - eThr;
      const wOf = (E: number) => 1 / (1 - Math.log((E - eThr) / span));
      parts.push(
        integrate(
          (w) => {
            if (w <= 0) return 0;
            const d = span * Math.exp(1 - 1 / w);
            return (f(eThr + d) * d) / (w * w);
          },
          0,
          1,
          { ...opts, points: [wOf(eThr + span * 1e-2)] },
        ),
      );
      if (energyMax > eMeet) parts.push(abovePole(f, eMeet, energyMax, []));
    } else {
      const lo = Math.max(energyMin, eThr);
      const mid = Math.min(Math.max(lo, eMeet), energyMax);
      if (mid > lo) parts.push(integrate(f, lo, mid, opts));
      if (energyMax > mid) parts.push(abovePole(f, mid, energyMax, []));
    }
  }
  for (const line of spectrum.lines) {
    const v = line.count * perLeptonValue(line.energy);
    parts.push({ value: v, error: 0, evaluations: 1, intervals: 0, converged: true });
  }
  const outer = combine(parts, 1, 0);
  return combine([outer], scale, innerRelErr);
}

/**
 * N_rad for one A′ mass (GeV), at ε = 1, on electrons whose motion is described by `src`
 * (a Doppler-smeared source, yields/dopplerSpectrum.ts, from any momentum profile), whatever
 * the configuration's `electronMotion` says.
 */
export function radiativeYieldOver(
  ctx: YieldContext,
  mass: number,
  src: DopplerSource,
  options: YieldOptions & { softCut?: number } = {},
): QuadratureResult {
  const relTol = 10 * (options.relTol ?? 1e-5);
  const { target, config } = ctx;
  const scale = target.electronDensity * target.X0 * signalEfficiencyAt(config.signalEfficiency, mass);
  return movingElectronRadiative(ctx, radiativeSetup(ctx, mass, options.softCut), src, relTol, scale);
}

/** Chebyshev–Lobatto nodes on [−1, 1] for 9 points (every other one: the nested 5-point rule). */
const CHEB9 = Array.from({ length: 9 }, (_, k) => Math.cos((k * Math.PI) / 8));
/** Barycentric weights of the 9- and the nested 5-point Chebyshev–Lobatto interpolants (by node k of CHEB9; 0 off the 5-point set). */
const BARY9 = CHEB9.map((_, k) => (k % 2 ? -1 : 1) * (k === 0 || k === 8 ? 0.5 : 1));
const BARY5 = CHEB9.map((_, k) => (k % 2 ? 0 : (k % 4 ? -1 : 1) * (k === 0 || k === 8 ? 0.5 : 1)));

/** p₅(x) of the last {@link barycentric95} call. */
let lastP5 = 0;

/**
 * The 9-point interpolant through (nodes, values) at x, barycentric form (Chebyshev–Lobatto
 * weights); the nested 5-point one (even k) is left in {@link lastP5}.
 */
function barycentric95(x: number, nodes: Float64Array, values: Float64Array): number {
  let num9 = 0;
  let den9 = 0;
  let num5 = 0;
  let den5 = 0;
  for (let k = 0; k < 9; k++) {
    const d = x - nodes[k];
    if (d === 0) {
      // at a node both interpolants are exact when it is one of theirs; p₅ at an odd node: from the sums without it
      const v = values[k];
      if (k % 2 === 0) {
        lastP5 = v;
        return v;
      }
      for (let j = k + 1; j < 9; j += 2) {
        const q = BARY5[j] / (x - nodes[j]);
        num5 += q * values[j];
        den5 += q;
      }
      lastP5 = num5 / den5;
      return v;
    }
    const q9 = BARY9[k] / d;
    num9 += q9 * values[k];
    den9 += q9;
    if (k % 2 === 0) {
      const q5 = BARY5[k] / d;
      num5 += q5 * values[k];
      den5 += q5;
    }
  }
  lastP5 = num5 / den5;
  return num9 / den9;
}

/**
 * N_rad with the electrons in motion: n_e X0 ∫ dE″ R(E″) dÑ/dE″ over the Doppler-smeared
 * source (module comment). R is smooth in w = 1/(1 − ln(δ/Δ)), δ = E″ − eThr, on [eThr, E_p]
 * (its 1/ln cusp at the threshold); on [E_p, eMeet] in t with E″ = E_p + (eMeet − E_p)/(1 + e^{−t})
 * (R is continuous at E_p and steep just above; at eMeet, where the threshold meets the
 * selection's end, R′ diverges like a log); beyond eMeet in ρ = ln(E″ − eMeet). dÑ carries every
 * scale of J and is cheap, R is smooth and dear: on each panel of a segment R is replaced by its
 * interpolant at 9 Chebyshev–Lobatto points, and ∫ p₉ dÑ is done by adaptive quadrature with
 * dÑ's scales as breakpoints (product integration). The nested 5-point interpolant measures the
 * interpolation error, ∫ |p₉ − p₅| dÑ; panels are halved until the sum is below the tolerance.
 * Error: that sum, the quadratures', each R's (relative, the worst), ∫ R × dÑ's pointwise bound.
 */
function movingElectronRadiative(
  ctx: YieldContext,
  st: RadiativeSetup,
  src: DopplerSource,
  relTol: number,
  scale: number,
): QuadratureResult {
  const { eThr, eMeet, ePole } = st;
  const lo = Math.max(src.energyMin, eThr);
  const hi = src.energyMax;
  if (!(hi > lo)) return { ...NO_YIELD };
  const rTol = relTol;
  let innerRelErr = 0;
  const Rof = (r: QuadratureResult) => {
    if (r.value !== 0) innerRelErr = Math.max(innerRelErr, r.error / Math.abs(r.value));
    return r.value;
  };
  const segments: Segment[] = [];
  let neglected = 0;
  const tiny = 1e-13;
  // [lo, min(E_p, hi)]: in w from the threshold (when it is inside), else in E″
  const top1 = Math.min(ePole, hi);
  if (top1 > lo) {
    if (eThr >= src.energyMin) {
      // from δ = 10⁻¹³ eThr up (δ resolved in E″); below, ∫ R dÑ dE″ ≤ R dÑ δ goes to the error
      const span = top1 - eThr;
      const delta = (w: number) => span * Math.exp(1 - 1 / w);
      const wOf = (d: number) => 1 / (1 - Math.log(d / span));
      const w0 = wOf(tiny * eThr);
      segments.push({
        t0: w0,
        t1: 1,
        E: (w) => eThr + delta(w),
        R: (w) => Rof(perLepton(ctx, st, eThr + delta(w), rTol, delta(w))),
        jac: (w) => delta(w) / (w * w),
        toT: (E) => wOf(E - eThr),
        // the partition halving ends with at Belle II: R varies most at small w
        splits: [0.125, 0.25, 0.375, 0.5].map((f) => w0 + f * (1 - w0)),
      });
      neglected = 2 * perLepton(ctx, st, eThr + delta(w0), rTol, delta(w0)).value * src.dNdE(eThr) * delta(w0);
    } else {
      segments.push({ t0: lo, t1: top1, E: (E) => E, R: (E) => Rof(perLepton(ctx, st, E, rTol)), jac: () => 1, toT: (E) => E });
    }
  }
  // [max(lo, E_p), min(eMeet, hi)]: logistic in t, both ends approached exponentially
  const a2 = Math.max(lo, ePole);
  const b2 = Math.min(eMeet, hi);
  if (b2 > a2) {
    const D = eMeet - ePole;
    const toT = (E: number) => Math.log((E - ePole) / (eMeet - E));
    const ofT = (t: number) => ePole + D / (1 + Math.exp(-t));
    const tEnd = Math.log(D / (tiny * ePole));
    segments.push({
      t0: a2 > ePole ? toT(a2) : -tEnd,
      t1: b2 < eMeet ? toT(b2) : tEnd,
      // panels doubling in width away from t = 0 (dE″/dt falls like e^{−|t|}: beyond |t| = tEnd/4 ≈ 6 it is below 1 % of its peak)
      splits: [0, 0.125, -0.125, 0.25, -0.25].map((f) => f * tEnd),
      E: ofT,
      R: (t) => Rof(perLepton(ctx, st, ofT(t), rTol)),
      jac: (t) => (D * Math.exp(-Math.abs(t))) / (1 + Math.exp(-Math.abs(t))) ** 2,
      toT,
    });
    // the ends beyond ±tEnd hold < 10⁻¹³ E_p of dE″ each
    neglected += 2 * tiny * ePole * (src.dNdE(ePole) + src.dNdE(eMeet)) * Math.max(Math.abs(perLepton(ctx, st, ePole, rTol).value), Math.abs(perLepton(ctx, st, eMeet, rTol).value));
  }
  // [max(lo, eMeet), hi] in ρ = ln(E″ − eMeet)
  const a3 = Math.max(lo, eMeet);
  if (eMeet <= 0.5 * lo) {
    // far above every feature of R: in x = ln E″, where the rules over dÑ do not depend on the
    // mass and are built once per source
    segments.push({
      t0: Math.log(lo),
      t1: Math.log(hi),
      E: (x) => Math.exp(x),
      R: (x) => Rof(perLepton(ctx, st, Math.exp(x), rTol)),
      jac: (x) => Math.exp(x),
      toT: (E) => Math.log(E),
      cached: true,
      splits: [0.5 * (Math.log(lo) + Math.log(hi))],
    });
  } else if (hi > a3) {
    const toT = (E: number) => Math.log(E - eMeet);
    segments.push({
      t0: a3 > eMeet ? toT(a3) : Math.log(tiny * eMeet),
      t1: toT(hi),
      // panels halving in width towards the top, where dÑ holds the leptons
      splits: [0.5, 0.25, 0.125, 0.0625].map((f) => toT(hi) - f * (toT(hi) - (a3 > eMeet ? toT(a3) : Math.log(tiny * eMeet)))),
      E: (r) => eMeet + Math.exp(r),
      R: (r) => Rof(perLepton(ctx, st, eMeet + Math.exp(r), rTol)),
      jac: (r) => Math.exp(r),
      toT,
    });
    if (!(a3 > eMeet)) neglected += 2 * tiny * eMeet * src.dNdE(eMeet) * Math.abs(perLepton(ctx, st, eMeet, rTol).value);
  }
  const r = productIntegral(segments, src, relTol);
  const value = r.value;
  let error = neglected + r.error;
  const { evaluations, intervals, converged } = r;
  error += innerRelErr * Math.abs(value);
  return { value: value * scale, error: error * Math.abs(scale), evaluations, intervals, converged };
}

/** Largest number of R panels (all segments together) before the product integral gives up. */
const MAX_R_PANELS = 192;

/**
 * A piece of the moving-electron integral: t ↦ E″(t) on [t0, t1], with R at t,
 * the Jacobian dE″/dt and the inverse map.
 */
type Segment = {
  t0: number;
  t1: number;
  E: (t: number) => number;
  /** R at t (with E″ − eThr passed exactly where it is tiny). */
  R: (t: number) => number;
  jac: (t: number) => number;
  toT: (E: number) => number;
  /** Whether the segment (in ln E″, whole source) may use rules cached on the source. */
  cached?: boolean;
  /** Where the first panels end (t0 < splits < t1; adaptive halving goes on from them). */
  splits?: readonly number[];
};

/**
 * Σ over the segments of ∫ R(E″(t)) dÑ(E″(t)) E″′(t) dt, R interpolated per panel (see
 * {@link movingElectronRadiative}), dÑ through a weighted rule (numeric/productRule.ts)
 * built once per segment; `evaluations` counts R's. The first panels end at each
 * segment's splits; R at a panel's ends and middle is shared with its neighbours and, when
 * it is halved, with its halves (7 new values per half instead of 9). The panels of all
 * segments are refined as one set against one tolerance on the sum (the worst first), so a
 * segment that holds 10⁻⁹ of the yield is not resolved to 10⁻⁴ of itself.
 */
function productIntegral(
  segments: readonly Segment[],
  src: DopplerSource,
  relTol: number,
): QuadratureResult {
  type Rules = { rule: WeightedRule; bounds: WeightedRule };
  const rulesFor = (seg: Segment): Rules => {
    const build = (): Rules => {
      const ea = seg.E(seg.t0);
      const eb = seg.E(seg.t1);
      // dÑ's scales, and the first R panels' ends (so that no W panel straddles them)
      const points = [...src.points.filter((E) => E > Math.min(ea, eb) && E < Math.max(ea, eb)).map(seg.toT), ...(seg.splits ?? [])];
      return {
        rule: weightedRule((t) => src.dNdE(seg.E(t)) * seg.jac(t), seg.t0, seg.t1, { relTol: 1e-3 * relTol, points }),
        // dÑ's pointwise bound, integrated to 10 % (it only bounds)
        bounds: weightedRule((t) => src.errorAt(seg.E(t)) * seg.jac(t), seg.t0, seg.t1, { relTol: 0.1, points }),
      };
    };
    if (!seg.cached) return build();
    const key = `lnE ${seg.t0} ${seg.t1} ${relTol}`;
    let rules = src.cache.get(key) as Rules | undefined;
    if (!rules) {
      rules = build();
      src.cache.set(key, rules);
    }
    return rules;
  };
  type Panel = { seg: Segment; rules: Rules; a: number; b: number; values: Float64Array; value: number; miss: number; error: number };
  let evaluations = 0;
  // R on a panel at its 9 Chebyshev–Lobatto points; the ends (k = 8: a, k = 0: b) and the
  // middle (k = 4) are taken exactly, so that a value known there (the neighbour's end, the
  // halved panel's ends and middle) is reused instead of recomputed
  const make = (seg: Segment, rules: Rules, a: number, b: number, fa: number, fm: number, fb: number): Panel => {
    const mid = 0.5 * (a + b);
    const half = 0.5 * (b - a);
    const nodes = new Float64Array(9);
    const values = new Float64Array(9);
    for (let k = 0; k < 9; k++) {
      const t = k === 0 ? b : k === 8 ? a : k === 4 ? mid : mid + half * CHEB9[k];
      nodes[k] = t;
      const known = k === 0 ? fb : k === 8 ? fa : k === 4 ? fm : NaN;
      if (Number.isNaN(known)) {
        values[k] = seg.R(t);
        evaluations++;
      } else values[k] = known;
    }
    // one pass for ∫ p₉ dÑ and ∫ |p₉ − p₅| dÑ (the second function reads what the first left)
    let p9 = 0;
    const main = rules.rule.sumPair(
      a,
      b,
      (t) => (p9 = barycentric95(t, nodes, values)),
      () => Math.abs(p9 - lastP5),
    );
    const bound = rules.bounds.sum(a, b, (t) => Math.abs(barycentric95(t, nodes, values)));
    return { seg, rules, a, b, values, value: main.value, miss: Math.abs(main.value2) + main.error2, error: main.error + 1.1 * Math.abs(bound.value) + bound.error };
  };
  const panels: Panel[] = [];
  for (const seg of segments) {
    const rules = rulesFor(seg);
    // the initial panels: the segment's splits, each R value at a shared end computed once
    const cuts = [seg.t0, ...(seg.splits ?? []).filter((t) => t > seg.t0 && t < seg.t1).sort((x, y) => x - y), seg.t1];
    const atCut = cuts.map((t) => seg.R(t));
    evaluations += cuts.length;
    for (let i = 0; i + 1 < cuts.length; i++) panels.push(make(seg, rules, cuts[i], cuts[i + 1], atCut[i], NaN, atCut[i + 1]));
  }
  for (;;) {
    let total = 0;
    let miss = 0;
    for (const p of panels) {
      total += p.value;
      miss += p.miss;
    }
    const done = miss <= 0.5 * relTol * Math.abs(total);
    if (done || panels.length >= MAX_R_PANELS) {
      const error = miss + panels.reduce((s, p) => s + p.error, 0);
      const result = { value: total, error, evaluations, intervals: panels.length, converged: done };
      if (!done) {
        throw new QuadratureError(
          `e+e- -> gamma A' with moving electrons: the per-lepton yield could not be interpolated to relTol=${relTol} within ${MAX_R_PANELS} panels`,
          result,
        );
      }
      return result;
    }
    // halve the panel that misses most (its ends and middle are the halves' ends)
    let worst = 0;
    for (let i = 1; i < panels.length; i++) if (panels[i].miss > panels[worst].miss) worst = i;
    const p = panels[worst];
    const m = 0.5 * (p.a + p.b);
    const v = p.values;
    panels.splice(worst, 1, make(p.seg, p.rules, p.a, m, v[8], NaN, v[4]), make(p.seg, p.rules, m, p.b, v[4], NaN, v[0]));
  }
}
