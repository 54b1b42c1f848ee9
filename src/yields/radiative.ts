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
 * checks it). x₀ = min(10 Γ/M, 0.01): above the Breit–Wigner's width, so the
 * soft region sees the resonance whole, and small enough for the soft
 * approximation. Below the resonance window the selection keeps s − M² away
 * from zero and none of this matters.
 *
 * Electron motion: the cross-section enters through {@link positronCrossSection}
 * only (electrons at rest); a folding over the atomic electrons' momenta
 * replaces that one function.
 */
import { electronMass } from '../constants.js';
import { darkPhoton } from '../models/darkPhoton.js';
import { integrate, type QuadratureResult } from '../numeric/gaussKronrod.js';
import { radiativeCrossSectionBetween, radiativeKinematics, softPhotonCut } from '../processes/radiativeAnnihilation.js';
import { signalEfficiencyAt } from '../config/schema.js';
import { combine, type YieldOptions } from './annihilation.js';
import type { YieldContext } from './context.js';

/** A channel that is off or closed: exactly zero. */
export const NO_YIELD: QuadratureResult = Object.freeze({ value: 0, error: 0, evaluations: 0, intervals: 0, converged: true });

/** Largest A′ mass (GeV) the channel can reach for leptons up to `energyMax`: s_max = 2m_e(E_max + m_e). */
export function radiativeEndMass(energyMax: number): number {
  return Math.sqrt(2 * electronMass * (energyMax + electronMass));
}

/** σ(e⁺(E′) e⁻ → γA′) with the photon's lab energy ≤ ω_cut, at rest electrons, GeV⁻². */
export function positronCrossSection(mass: number, sMin: number, positronEnergy: number, omegaCut: number): number {
  const k = radiativeKinematics(positronEnergy, mass);
  if (!k || k.s < sMin) return 0;
  return radiativeCrossSectionBetween(k, mass, k.omegaMin, omegaCut);
}

function ladder(end: number, scale: number, from: number): number[] {
  const points: number[] = [];
  for (let d = scale; end - d > from; d *= 10) points.push(end - d);
  return points;
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
  const c = config.energyCut;
  const model = darkPhoton(mass, config.alphaD, config.massRatio);
  const x0 = options.softCut ?? softPhotonCut(mass, model.width);
  const sMin = (mass * mass) / (1 - x0);
  if (sMin >= 2 * me * (spectrum.energyMax + me)) return { ...NO_YIELD };
  const eThr = sMin / (2 * me) - me; // lowest positron energy
  let innerRelErr = 0;
  const perLepton = (E: number): number => {
    if (E <= eThr) return 0;
    const uThr = 1 - eThr / E;
    const uCut = c + me / E; // ω_cut ≥ 0
    const uHi = Math.min(uThr, uCut);
    const g = (u: number, v: number) => positronCrossSection(mass, sMin, v * E, (c - u) * E + me);
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
    if (r.value !== 0) innerRelErr = Math.max(innerRelErr, r.error / Math.abs(r.value));
    return r.value;
  };
  // perLepton has a cusp where the threshold reaches unradiated leptons (E = eThr, like
  // 1/ln(1/(E − eThr))) and a kink where the threshold meets the selection's end
  // (uThr = uCut, E = eMeet). The continuum is integrated here in E: in
  // w = 1/(1 − ln(δ/Δ)), δ = E − eThr, Δ = eMeet − eThr, between the two (where the
  // cusp is smooth: δ = Δ e^{1 − 1/w}, dE = δ dw/w²), in E elsewhere; lines are summed.
  const eMeet = (eThr + me) / (1 - c);
  const parts: QuadratureResult[] = [];
  if (spectrum.continuous) {
    const { energyMin, energyMax, dNdE } = spectrum;
    const f = (E: number) => dNdE(E) * perLepton(E);
    const opts = { relTol };
    // above eMeet the hard photon's 1/x rise sits at E_p = (M²/2m_e)/(1 − c), just below:
    // integrate in ρ = ln(E − E_p), where it is smooth
    const ePole = (mass * mass) / (2 * me) / (1 - c);
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
    const v = line.count * perLepton(line.energy);
    parts.push({ value: v, error: 0, evaluations: 1, intervals: 0, converged: true });
  }
  const outer = combine(parts, 1, 0);
  return combine([outer], target.electronDensity * target.X0 * signalEfficiencyAt(config.signalEfficiency, mass), innerRelErr);
}
