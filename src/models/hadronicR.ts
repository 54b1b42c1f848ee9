/**
 * The hadronic R ratio, R(√s) = σ(e⁺e⁻ → hadrons)/σ_μμ⁰(s), σ_μμ⁰ = 4πα²/3s (one-photon
 * exchange, Born, no vacuum polarisation), COMPUTED from vector-meson dominance with
 * PDG resonance parameters below 1.05 GeV and perturbative QCD above 2 GeV:
 *
 * 1. π⁺π⁻ (from 2m_π± = 279.1 MeV): R = β_π³|F_π(s)|²/4, β_π = √(1 − 4m_π²/s), with
 *      F_π = [BW_ρ(s) + β BW_ρ′(s)]/(1 + β) + c_ω e^{iφ_ρω} M_ω²/D_ω(s),
 *    BW the Gounaris–Sakurai form (PRL 21 (1968) 244; BW(0) = 1 by construction,
 *    energy-dependent P-wave width) for ρ(770) and ρ(1450), as in the CMD-2 fits
 *    (Akhmetshin et al., PLB 527 (2002) 161). β is not fitted: it is fixed by
 *    F_π(0) = 1 (charge) and the PDG ρ peak, |F_π(M_ρ²)|² = 4 R_peak/β_π³ with
 *    R_peak = 9 B_ee B_ππ/α² (see 2.); it comes out ≈ −0.09 (CMD-2 fits: −0.07…−0.1).
 *    The ω term (G-parity-violating ω → π⁺π⁻) has |c_ω| from the PDG ω peak
 *    B(ω → ee)B(ω → ππ) and the phase φ_ρω = 110.7° measured by SND
 *    (Achasov et al., JHEP 01 (2021) 113) in the same parametrisation (amplitudes
 *    g_V/D_V(s), D_V = M_V² − s − i√s Γ_V(s)).
 * 2. Every other channel f of a vector V (ω, φ), the VMD Breit–Wigner normalised to
 *    the PDG peak cross-section 12π B_ee B_f/M² (Achasov et al. (SND), PRD 63 (2001)
 *    072002, Eq. 3 and similar):
 *      σ_f(s) = (12π/s^{3/2}) M³Γ² B_ee B_f [W_f(s)/W_f(M²)]/|D_V(s)|²,
 *      R_f(s) = (9/α²) M³Γ² B_ee B_f [W_f(s)/W_f(M²)]/(√s |D_V(s)|²),
 *    W_f the partial width of a vector of mass √s at fixed coupling, so that each
 *    channel vanishes at its threshold: PP (K⁺K⁻ from 987.4 MeV, K_S K_L from 995.2 MeV)
 *    W = k³/s; Pγ (π⁰γ from m_π⁰ = 135.0 MeV, ηγ from m_η = 547.9 MeV) W = k³;
 *    π⁺π⁻π⁰ (from 2m_π± + m_π⁰ = 414.1 MeV) W = (1/√s)∫∫dE₊dE₋ |p⃗₊ × p⃗₋|² (the
 *    Gell-Mann–Sharp–Wagner matrix element without ρ propagators), tabulated once.
 *    Γ_V(s) = Γ Σ_f B̂_f W_f(s)/W_f(M²) over these channels (B̂ normalised to sum to 1).
 *    ω: 3π, π⁰γ (ηγ neglected: 4.5e−4); φ: K⁺K⁻, K_S K_L, 3π, ηγ, π⁰γ. The channels of
 *    different resonances add incoherently, except ρ–ω in π⁺π⁻.
 * 3. Continuum above 2 GeV: R = 3 Σ_q Q_q² (1 + a + (1.9857 − 0.1153 n_f) a²), a = α_s(√s)/π
 *    (PDG 2022, "Quantum Chromodynamics" review, Eq. 9.7, massless quarks), α_s at one
 *    loop from α_s(M_Z) = 0.1179 (PDG 2022) with n_f = 5 above m_b = 4.18 GeV, 4 above
 *    m_c = 1.27 GeV and 3 below; u, d, s below the open-charm threshold 2m_D⁰ = 3.730 GeV,
 *    + c above it, + b above 2m_B = 10.559 GeV. Narrow charmonia and bottomonia (J/ψ, ψ(2S),
 *    Υ(1S–3S)) are omitted; they matter only within a few widths (≤ 0.1 MeV) of their masses.
 * 4. Between 1.05 and 2 GeV (where ρ(1450), ω(1420), ρ(1700), φ(1680) and the 4π, ωπ, KKπ
 *    channels make R rise from ≈ 0.6 to ≈ 2) R is joined linearly in √s from the VMD value
 *    at 1.05 GeV to the continuum at 2 GeV: an honest interpolation, not a model.
 *
 * Exactly 0 below √s = m_π⁰ (π⁰γ opens first; π⁺π⁻ at 2m_π±).
 *
 * Accuracy expected: 3–5 % at the ρ peak and at the ω, φ peaks (PDG inputs to 1–2 %, the
 * ρ–ω phase), ≈ 10 % in π⁺π⁻ between threshold and 0.6 GeV (missing ρ″ and the
 * ππ-rescattering beyond Gounaris–Sakurai; |F_π(0)| = 1 is imposed), 20–30 % between the
 * ω and φ and up to 1.05 GeV (4π and ωπ⁰ missing, ω–φ interference neglected), ≈ 30 %
 * in the 1.05–2 GeV join, and ≈ 5 % in the continuum above 2 GeV (BES data lie within
 * that of 3ΣQ²(1 + α_s/π)); the open-charm threshold region 3.73–4.5 GeV to ≈ 20 %.
 *
 * Masses and widths: PDG 2022 (Workman et al., PTEP 2022 083C01), in GeV.
 */
import { alpha, chargedPionMass as MPI, neutralPionMass as MPI0 } from '../constants.js';
import { integrate } from '../numeric/gaussKronrod.js';
import { fromBase64 } from '../numeric/float64Base64.js';
import { R_NODES } from './hadronicRNodes.js';

/** K± and K⁰ masses, η mass (PDG 2022), GeV. */
const MK = 0.493677;
const MK0 = 0.497611;
const META = 0.547862;

/** ρ(770) (neutral, e⁺e⁻): M = 775.26 MeV, Γ = 149.1 MeV, Γ(ρ → e⁺e⁻) = 7.04 keV, B(ππ) ≃ 1 (PDG 2022). */
export const RHO = { mass: 0.77526, width: 0.1491, bee: 7.04e-6 / 0.1491 } as const;
/** ρ(1450): M = 1465 MeV, Γ = 400 MeV (PDG 2022 estimates). */
export const RHO_PRIME = { mass: 1.465, width: 0.4 } as const;
/** ω(782): M = 782.66 MeV, Γ = 8.68 MeV; B(e⁺e⁻) = 7.38e−5, B(π⁺π⁻π⁰) = 89.2 %, B(π⁰γ) = 8.35 %, B(π⁺π⁻) = 1.53 % (PDG 2022). */
export const OMEGA = { mass: 0.78266, width: 0.00868, bee: 7.38e-5, b3pi: 0.892, bpi0g: 0.0835, bpipi: 0.0153 } as const;
/**
 * φ(1020): M = 1019.461 MeV, Γ = 4.249 MeV; B(e⁺e⁻) = 2.973e−4, B(K⁺K⁻) = 49.1 %, B(K_S K_L) = 33.9 %,
 * B(ρπ + π⁺π⁻π⁰) = 15.24 %, B(ηγ) = 1.303 %, B(π⁰γ) = 1.32e−3 (PDG 2022).
 */
export const PHI = { mass: 1.019461, width: 0.004249, bee: 2.973e-4, bkk: 0.491, bkskl: 0.339, b3pi: 0.1524, betag: 0.01303, bpi0g: 1.32e-3 } as const;
/** ρ–ω interference phase φ_ρω = 110.7° (SND, JHEP 01 (2021) 113). */
export const PHASE_RHO_OMEGA = (110.7 * Math.PI) / 180;

/** √s (GeV) up to which R is the VMD sum, and from which it is the QCD continuum. */
export const VMD_END = 1.05;
export const CONTINUUM_START = 2.0;

// ── phase-space functions W_f(s): the partial width of a vector of mass √s at fixed coupling ──

/** Momentum of each daughter of masses m1, m2 in the rest frame of mass √s; 0 below threshold. */
function momentum(s: number, m1: number, m2: number): number {
  const a = s - (m1 + m2) ** 2;
  if (!(a > 0)) return 0;
  return Math.sqrt(a * (s - (m1 - m2) ** 2)) / (2 * Math.sqrt(s));
}
const wPP = (s: number, m: number, m2 = m) => momentum(s, m, m2) ** 3 / s;
const wPGamma = (s: number, m: number) => momentum(s, m, 0) ** 3;

/** (1/√s)∫∫ dE₊dE₋ |p⃗₊ × p⃗₋|² over the π⁺π⁰π⁻ Dalitz plot at mass √s (GeV⁷), by direct integration. */
function threePionPhaseSpace(s: number): number {
  const rs = Math.sqrt(s);
  if (!(rs > 2 * MPI + MPI0)) return 0;
  const m1 = MPI; // π⁺
  const m2 = MPI0;
  const m3 = MPI; // π⁻
  // Dalitz variables s12 = m²(π⁺π⁰), s23 = m²(π⁰π⁻); dE₁dE₃ = ds12 ds23/(4s). The integrand is quadratic in s23
  // (E₁ is linear in it), so 3-point Gauss–Legendre is exact for the inner integral.
  const gl = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)];
  const gw = [5 / 9, 8 / 9, 5 / 9];
  const inner = (s12: number) => {
    const r12 = Math.sqrt(s12);
    const e2 = (s12 - m1 * m1 + m2 * m2) / (2 * r12);
    const e3 = (s - s12 - m3 * m3) / (2 * r12);
    const p2 = Math.sqrt(Math.max(e2 * e2 - m2 * m2, 0));
    const p3 = Math.sqrt(Math.max(e3 * e3 - m3 * m3, 0));
    const lo = (e2 + e3) ** 2 - (p2 + p3) ** 2;
    const hi = (e2 + e3) ** 2 - (p2 - p3) ** 2;
    const E3 = (s + m3 * m3 - s12) / (2 * rs); // π⁻ energy in the V frame
    const q3 = E3 * E3 - m3 * m3;
    let sum = 0;
    for (let k = 0; k < 3; k++) {
      const s23 = (lo + hi) / 2 + ((hi - lo) / 2) * gl[k];
      const E1 = (s + m1 * m1 - s23) / (2 * rs);
      const E2 = rs - E1 - E3;
      const q1 = E1 * E1 - m1 * m1;
      const q2 = E2 * E2 - m2 * m2;
      const dot = (q2 - q1 - q3) / 2; // p⃗₁·p⃗₃ from p⃗₂ = −(p⃗₁ + p⃗₃)
      sum += gw[k] * (q1 * q3 - dot * dot);
    }
    return (sum * (hi - lo)) / 2;
  };
  const a = (m1 + m2) ** 2;
  const b = (rs - m3) ** 2;
  // s12 = (a + b)/2 − (b − a)/2·cos t: the square-root edges of the phase space at a and b become
  // smooth (∝ sin² t): 21–63 evaluations instead of ≈ 570 bisecting towards them, the same value to 1e−13
  const half = (b - a) / 2;
  const I = integrate((t) => inner((a + b) / 2 - half * Math.cos(t)) * half * Math.sin(t), 0, Math.PI, { relTol: 1e-9, absTol: 0 }).value;
  return I / (4 * s) / rs;
}

/**
 * W_3π on a grid in √s from the threshold to 1.2 GeV, interpolated linearly; exact 0 at threshold.
 * The nodes are computed where they are read, in blocks of 16 (each a 2-D phase-space integral).
 */
const THREE_PI_TOP = 1.2;
const THREE_PI_N = 400;
const threePiTable = new Float64Array(THREE_PI_N);
const threePiFilled = new Uint8Array(Math.ceil(THREE_PI_N / 16));
function threePiNode(i: number): number {
  const b = Math.floor(i / 16);
  if (!threePiFilled[b]) {
    const lo = 2 * MPI + MPI0;
    // nodes uniform in Q = √s − threshold; W ∝ Q⁴ at threshold, so W^{1/4} (≈ linear there) is interpolated
    for (let k = Math.max(1, b * 16); k < Math.min((b + 1) * 16, THREE_PI_N); k++) {
      const e = lo + (k / (THREE_PI_N - 1)) * (THREE_PI_TOP - lo);
      threePiTable[k] = Math.pow(threePionPhaseSpace(e * e), 0.25);
    }
    threePiFilled[b] = 1;
  }
  return threePiTable[i];
}
function wThreePi(s: number): number {
  const rs = Math.sqrt(s);
  const lo = 2 * MPI + MPI0;
  if (!(rs > lo)) return 0;
  if (rs >= THREE_PI_TOP) return threePionPhaseSpace(s);
  const u = ((rs - lo) / (THREE_PI_TOP - lo)) * (THREE_PI_N - 1);
  const i = Math.min(THREE_PI_N - 2, Math.floor(u));
  const f = u - i;
  const a = threePiNode(i);
  return (a + f * (threePiNode(i + 1) - a)) ** 4;
}

// ── the vector mesons ──────────────────────────────────────────────────────

interface Channel {
  b: number;
  w: (s: number) => number;
  /** W_f(M²). */
  w0: number;
}

function channels(mass: number, list: { b: number; w: (s: number) => number }[]): Channel[] {
  const total = list.reduce((t, c) => t + c.b, 0);
  return list.map((c) => ({ b: c.b / total, w: c.w, w0: c.w(mass * mass) }));
}

let omegaChannels: Channel[] | undefined;
let phiChannels: Channel[] | undefined;
function omegaWidthChannels() {
  return (omegaChannels ??= channels(OMEGA.mass, [
    { b: OMEGA.b3pi, w: wThreePi },
    { b: OMEGA.bpi0g, w: (s) => wPGamma(s, MPI0) },
    { b: OMEGA.bpipi, w: (s) => wPP(s, MPI) },
  ]));
}
function phiWidthChannels() {
  return (phiChannels ??= channels(PHI.mass, [
    { b: PHI.bkk, w: (s) => wPP(s, MK) },
    { b: PHI.bkskl, w: (s) => wPP(s, MK0) },
    { b: PHI.b3pi, w: wThreePi },
    { b: PHI.betag, w: (s) => wPGamma(s, META) },
    { b: PHI.bpi0g, w: (s) => wPGamma(s, MPI0) },
  ]));
}

/** Energy-dependent total width Γ_V(s) = Γ Σ_f B̂_f W_f(s)/W_f(M²), GeV. */
function runningWidth(width: number, list: Channel[], s: number): number {
  let g = 0;
  for (const c of list) if (c.b > 0) g += (c.b * c.w(s)) / c.w0;
  return width * g;
}

/** R of one channel f of a vector V (mass, width, B_ee, B_f, W_f, Γ_V(s)) at s: (9/α²) M³Γ² B_ee B_f (W_f(s)/W_f(M²))/(√s|D|²). */
function resonanceR(s: number, mass: number, width: number, bee: number, bf: number, w: (s: number) => number, runningW: number): number {
  const ws = w(s);
  if (!(ws > 0)) return 0;
  const re = mass * mass - s;
  const im = Math.sqrt(s) * runningW;
  return ((9 / (alpha * alpha)) * mass ** 3 * width * width * bee * bf * (ws / w(mass * mass))) / (Math.sqrt(s) * (re * re + im * im));
}

// ── the pion form factor ───────────────────────────────────────────────────

/** Gounaris–Sakurai h(s) = (2/π)(k/√s) ln((√s + 2k)/2m) = (1/π) v atanh v, v = √(1 − 4m²/s), and dh/ds. */
function gsH(s: number): { h: number; dh: number } {
  const v = Math.sqrt(1 - (4 * MPI * MPI) / s);
  const at = Math.atanh(v);
  const dv = (2 * MPI * MPI) / (s * s * v);
  return { h: (v * at) / Math.PI, dh: ((at + v / (1 - v * v)) * dv) / Math.PI };
}

interface GS {
  mass: number;
  width: number;
  kM: number;
  hM: number;
  dhM: number;
  d: number;
}
function gsParameters(mass: number, width: number): GS {
  const kM = momentum(mass * mass, MPI, MPI);
  const { h, dh } = gsH(mass * mass);
  const m2 = MPI * MPI;
  const d = (3 / Math.PI) * (m2 / (kM * kM)) * Math.log((mass + 2 * kM) / (2 * MPI)) + mass / (2 * Math.PI * kM) - (m2 * mass) / (Math.PI * kM ** 3);
  return { mass, width, kM, hM: h, dhM: dh, d };
}

/**
 * The Gounaris–Sakurai Breit–Wigner at s ≥ 4m_π² (re, im):
 *   M²(1 + dΓ/M)/(M² − s + f(s) − iMΓ(k/k_M)³(M/√s)),
 *   f(s) = ΓM²/k_M³ [k²(h(s) − h(M²)) + k_M² h′(M²)(M² − s)]  (= 1 at s = 0).
 */
function gsBreitWigner(p: GS, s: number): [number, number] {
  const M2 = p.mass * p.mass;
  const k = momentum(s, MPI, MPI);
  const h = s > 4 * MPI * MPI ? gsH(s).h : 0;
  const f = ((p.width * M2) / p.kM ** 3) * (k * k * (h - p.hM) + p.kM * p.kM * p.dhM * (M2 - s));
  const re = M2 - s + f;
  const im = -p.mass * p.width * (k / p.kM) ** 3 * (p.mass / Math.sqrt(s));
  const num = M2 * (1 + (p.d * p.width) / p.mass);
  const den = re * re + im * im;
  return [(num * re) / den, (-num * im) / den];
}

let formFactor: { rho: GS; rhoPrime: GS; beta: number; cOmega: number } | undefined;

/** The form factor's parameters: β from F(0) = 1 and the PDG ρ peak; |c_ω| from the PDG ω peak. */
function formFactorParameters() {
  if (formFactor) return formFactor;
  const rho = gsParameters(RHO.mass, RHO.width);
  const rhoPrime = gsParameters(RHO_PRIME.mass, RHO_PRIME.width);
  const s = RHO.mass * RHO.mass;
  const betaPi3 = (1 - (4 * MPI * MPI) / s) ** 1.5;
  const target = (4 * (9 * RHO.bee)) / (alpha * alpha) / betaPi3; // |F(M_ρ²)|², B(ρ → ππ) = 1
  const [ar, ai] = gsBreitWigner(rho, s);
  const [br, bi] = gsBreitWigner(rhoPrime, s);
  // |a + βb|² = target (1 + β)²: bisection on β ∈ (−0.5, 0.5) (the root near 0)
  const g = (beta: number) => (ar + beta * br) ** 2 + (ai + beta * bi) ** 2 - target * (1 + beta) ** 2;
  let lo = -0.5;
  let hi = 0.5;
  if (g(lo) * g(hi) > 0) throw new Error('hadronicR: no ρ(1450) weight reproduces the PDG ρ peak');
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (g(lo) * g(mid) <= 0) hi = mid;
    else lo = mid;
  }
  const beta = (lo + hi) / 2;
  // ω: |F_ω(M_ω²)| = c_ω M_ω/Γ_ω = √(4 R_peak/β_π³), R_peak = 9 B_ee B_ππ/α²
  const sw = OMEGA.mass * OMEGA.mass;
  const rPeak = (9 * OMEGA.bee * OMEGA.bpipi) / (alpha * alpha);
  const cOmega = (OMEGA.width / OMEGA.mass) * Math.sqrt((4 * rPeak) / (1 - (4 * MPI * MPI) / sw) ** 1.5);
  return (formFactor = { rho, rhoPrime, beta, cOmega });
}

/** The ρ(1450) weight β of the pion form factor (fixed by F_π(0) = 1 and the PDG ρ peak). */
export function rhoPrimeWeight(): number {
  return formFactorParameters().beta;
}

/** The pion form factor F_π(s) (re, im) for s > 4m_π² (GeV²); without the ω term when `omega` is false. */
export function pionFormFactor(s: number, omega = true): [number, number] {
  const { rho, rhoPrime, beta, cOmega } = formFactorParameters();
  const [ar, ai] = gsBreitWigner(rho, s);
  const [br, bi] = gsBreitWigner(rhoPrime, s);
  let re = (ar + beta * br) / (1 + beta);
  let im = (ai + beta * bi) / (1 + beta);
  if (!omega) return [re, im];
  // c_ω e^{iφ} M_ω²/D_ω, D_ω = M_ω² − s − i√s Γ_ω(s)
  const M2 = OMEGA.mass * OMEGA.mass;
  const dr = M2 - s;
  const di = -Math.sqrt(s) * runningWidth(OMEGA.width, omegaWidthChannels(), s);
  const den = dr * dr + di * di;
  const [pr, pi] = [cOmega * Math.cos(PHASE_RHO_OMEGA) * M2, cOmega * Math.sin(PHASE_RHO_OMEGA) * M2];
  re += (pr * dr + pi * di) / den;
  im += (pi * dr - pr * di) / den;
  return [re, im];
}

/** R of e⁺e⁻ → π⁺π⁻ at s (GeV²): β_π³|F_π|²/4; 0 at and below 4m_π±². */
export function rPiPi(s: number): number {
  if (!(s > 4 * MPI * MPI)) return 0;
  const [re, im] = pionFormFactor(s);
  return ((1 - (4 * MPI * MPI) / s) ** 1.5 * (re * re + im * im)) / 4;
}

/** The exclusive channels' R at √s (GeV), each 0 below its threshold. */
export function exclusiveR(rs: number): { pipi: number; threePi: number; pi0Gamma: number; etaGamma: number; kk: number; kskl: number } {
  const s = rs * rs;
  const gw = runningWidth(OMEGA.width, omegaWidthChannels(), s);
  const gp = runningWidth(PHI.width, phiWidthChannels(), s);
  const om = (bf: number, w: (s: number) => number) => resonanceR(s, OMEGA.mass, OMEGA.width, OMEGA.bee, bf, w, gw);
  const ph = (bf: number, w: (s: number) => number) => resonanceR(s, PHI.mass, PHI.width, PHI.bee, bf, w, gp);
  const pi0g = (x: number) => wPGamma(x, MPI0);
  return {
    pipi: rPiPi(s),
    threePi: om(OMEGA.b3pi, wThreePi) + ph(PHI.b3pi, wThreePi),
    pi0Gamma: om(OMEGA.bpi0g, pi0g) + ph(PHI.bpi0g, pi0g),
    etaGamma: ph(PHI.betag, (x) => wPGamma(x, META)),
    kk: ph(PHI.bkk, (x) => wPP(x, MK)),
    kskl: ph(PHI.bkskl, (x) => wPP(x, MK0)),
  };
}

function vmdR(rs: number): number {
  const e = exclusiveR(rs);
  return e.pipi + e.threePi + e.pi0Gamma + e.etaGamma + e.kk + e.kskl;
}

// ── perturbative QCD ───────────────────────────────────────────────────────

/** α_s(M_Z) = 0.1179, M_Z = 91.1876 GeV, m_c = 1.27 GeV, m_b = 4.18 GeV (PDG 2022). */
const ALPHA_S_MZ = 0.1179;
const MZ = 91.1876;
const MC = 1.27;
const MB = 4.18;
/** Open-charm (2m_D⁰) and open-beauty (2m_B±) thresholds, GeV (PDG 2022). */
export const OPEN_CHARM = 2 * 1.86484;
export const OPEN_BEAUTY = 2 * 5.27934;

/** α_s(μ) at one loop, 1/α(μ) = 1/α(μ₀) + (β₀/4π) ln(μ²/μ₀²), β₀ = 11 − 2n_f/3, matched at m_b and m_c. */
export function alphaS(mu: number): number {
  const step = (inv: number, from: number, to: number, nf: number) => inv + ((11 - (2 * nf) / 3) / (4 * Math.PI)) * Math.log((to * to) / (from * from));
  let inv = 1 / ALPHA_S_MZ;
  if (mu >= MB) return 1 / step(inv, MZ, mu, 5);
  inv = step(inv, MZ, MB, 5);
  if (mu >= MC) return 1 / step(inv, MB, mu, 4);
  inv = step(inv, MB, MC, 4);
  return 1 / step(inv, MC, mu, 3);
}

/** The QCD continuum R = 3ΣQ_q²(1 + a + (1.9857 − 0.1153 n_f)a²), a = α_s/π, with the open quark flavours at √s (GeV). */
export function continuumR(rs: number): number {
  let sumQ2 = 4 / 9 + 1 / 9 + 1 / 9;
  if (rs >= OPEN_CHARM) sumQ2 += 4 / 9;
  if (rs >= OPEN_BEAUTY) sumQ2 += 1 / 9;
  const nf = rs >= OPEN_BEAUTY ? 5 : rs >= OPEN_CHARM ? 4 : 3; // the flavours produced
  const a = alphaS(rs) / Math.PI;
  return 3 * sumQ2 * (1 + a + (1.9857 - 0.1153 * nf) * a * a);
}

let joinLow: number | undefined;
let joinHigh: number | undefined;

/** The VMD sum, the join and the continuum evaluated directly (≈ 7 µs below 1.05 GeV); 0 below m_π⁰. */
export function hadronicRDirect(rs: number): number {
  if (!(rs > MPI0)) return 0;
  if (rs <= VMD_END) return vmdR(rs);
  if (rs >= CONTINUUM_START) return continuumR(rs);
  joinLow ??= vmdR(VMD_END);
  joinHigh ??= continuumR(CONTINUUM_START);
  const t = (rs - VMD_END) / (CONTINUUM_START - VMD_END);
  return joinLow + t * (joinHigh - joinLow);
}

/**
 * Tables of the VMD sum in √s, interpolated by cubic Hermite (Catmull–Rom: C¹, so adaptive
 * quadrature over R sees no kinks): R without π⁺π⁻ and |F_π|²/4, the π⁺π⁻ part rebuilt as
 * β_π³|F_π|²/4 with the exact β_π (its P-wave onset is not interpolated). Steps: 0.5 MeV
 * from m_π⁰ to 2m_π±, 1 MeV from 2m_π± to 1.05 GeV, 0.1 MeV across the ω (0.70–0.87 GeV) and
 * the φ (0.98–1.05 GeV): the interpolation errs by < 1e−3 of R (tested against
 * {@link hadronicRDirect}).
 */
interface RTable {
  start: number;
  step: number;
  /** R − R_ππ at the nodes. */
  other: Float64Array;
  /** |F_π|²/4 at the nodes (0 below 2m_π±). */
  ff: Float64Array;
  /** Which blocks of {@link BLOCK} nodes are filled: a table is filled where it is read, so a curve that asks R at a few masses pays for a few blocks, not the 3470 nodes. */
  filled: Uint8Array;
}
const BLOCK = 16;
function rTable(start: number, end: number, step: number): RTable {
  const n = Math.ceil((end - start) / step) + 2;
  return { start, step, other: new Float64Array(n), ff: new Float64Array(n), filled: new Uint8Array(Math.ceil(n / BLOCK)) };
}
/** Fills the block of node i (the same values whichever order the blocks are filled in). */
function fill(t: RTable, i: number): void {
  const b = Math.floor(i / BLOCK);
  if (t.filled[b]) return;
  const threshold = 4 * MPI * MPI;
  for (let k = b * BLOCK; k < Math.min((b + 1) * BLOCK, t.other.length); k++) {
    const x = t.start + k * t.step;
    t.other[k] = vmdR(x) - rPiPi(x * x);
    if (x >= 2 * MPI) {
      const [re, im] = pionFormFactor(Math.max(x * x, threshold * (1 + 1e-12)));
      t.ff[k] = (re * re + im * im) / 4;
    }
  }
  t.filled[b] = 1;
}
/** Catmull–Rom interpolation of values v (nodes start + i·step) at rs. */
function hermite(v: Float64Array, start: number, step: number, rs: number): number {
  const u = (rs - start) / step;
  const n = v.length;
  const i = Math.min(Math.max(Math.floor(u), 0), n - 2);
  const f = u - i;
  const y0 = v[i];
  const y1 = v[i + 1];
  const m0 = i > 0 ? (y1 - v[i - 1]) / 2 : y1 - y0;
  const m1 = i + 2 < n ? (v[i + 2] - y0) / 2 : y1 - y0;
  const f2 = f * f;
  const f3 = f2 * f;
  return (2 * f3 - 3 * f2 + 1) * y0 + (f3 - 2 * f2 + f) * m0 + (-2 * f3 + 3 * f2) * y1 + (f3 - f2) * m1;
}
function interpolate(t: RTable, rs: number): number {
  // the nodes i − 1 … i + 2 that the Catmull–Rom step reads
  const i = Math.min(Math.max(Math.floor((rs - t.start) / t.step), 0), t.other.length - 2);
  for (const k of [i - 1, i + 2]) fill(t, Math.min(Math.max(k, 0), t.other.length - 1));
  const other = Math.max(hermite(t.other, t.start, t.step, rs), 0);
  if (!(rs > 2 * MPI)) return other;
  const beta2 = 1 - (4 * MPI * MPI) / (rs * rs);
  return other + beta2 * Math.sqrt(beta2) * Math.max(hermite(t.ff, t.start, t.step, rs), 0);
}
type RTables = { radiative: RTable; coarse: RTable; omega: RTable; phi: RTable };
let rTables: RTables | undefined;
const OMEGA_WINDOW = [0.7, 0.87] as const;
const PHI_WINDOW = [0.98, VMD_END] as const;

/** The four VMD tables, empty (filled where read, or from {@link R_NODES}). */
function emptyRTables(): RTables {
  return {
    radiative: rTable(MPI0, 2 * MPI, 5e-4),
    coarse: rTable(2 * MPI, VMD_END, 1e-3),
    omega: rTable(OMEGA_WINDOW[0], OMEGA_WINDOW[1], 1e-4),
    phi: rTable(PHI_WINDOW[0], PHI_WINDOW[1], 1e-4),
  };
}

/** Every node of the four tables computed here (3470 evaluations of the VMD sum): what scripts/hadronic-r-nodes.ts ships. */
export function computeRNodes(): Record<keyof RTables, { start: number; step: number; other: Float64Array; ff: Float64Array }> {
  const t = emptyRTables();
  const out = {} as ReturnType<typeof computeRNodes>;
  for (const name of Object.keys(t) as (keyof RTables)[]) {
    const table = t[name];
    for (let i = 0; i < table.other.length; i += BLOCK) fill(table, i);
    out[name] = { start: table.start, step: table.step, other: table.other, ff: table.ff };
  }
  return out;
}

/**
 * The tables from the shipped nodes (models/hadronicRNodes.ts, generated from {@link computeRNodes}: a fresh
 * process pays ≈ 60–120 ms to compute them) where they are for this very grid, else empty (filled where read).
 */
function shippedOrEmptyRTables(): RTables {
  const t = emptyRTables();
  for (const name of Object.keys(t) as (keyof RTables)[]) {
    const table = t[name];
    const shipped = R_NODES[name];
    if (shipped.start !== table.start || shipped.step !== table.step) continue;
    const other = fromBase64(shipped.other, 'shipped R nodes');
    const ff = fromBase64(shipped.ff, 'shipped R nodes');
    if (other.length !== table.other.length || ff.length !== table.ff.length) continue;
    table.other.set(other);
    table.ff.set(ff);
    table.filled.fill(1);
  }
  return t;
}

/**
 * R(√s) = σ(e⁺e⁻ → hadrons)/(4πα²/3s) at √s (GeV): the VMD sum up to 1.05 GeV (tabulated: the
 * shipped nodes, models/hadronicRNodes.ts, or where they do not fit the grid, computed where read, in
 * blocks of 16 nodes, ≤ 3470 evaluations of {@link hadronicRDirect}), the QCD continuum from 2 GeV,
 * linear in √s between; exactly 0 below m_π⁰.
 */
export function hadronicR(rs: number): number {
  if (!(rs > MPI0)) return 0;
  if (rs > VMD_END) return hadronicRDirect(rs);
  rTables ??= shippedOrEmptyRTables();
  if (rs <= 2 * MPI) return interpolate(rTables.radiative, rs);
  if (rs >= OMEGA_WINDOW[0] && rs <= OMEGA_WINDOW[1]) return interpolate(rTables.omega, rs);
  if (rs >= PHI_WINDOW[0]) return interpolate(rTables.phi, rs);
  return interpolate(rTables.coarse, rs);
}

/** √s (GeV) where R has structure narrower than a thermal or resonance integrand should straddle: thresholds and peaks. */
export const HADRONIC_FEATURES: readonly number[] = [
  MPI0,
  2 * MPI,
  2 * MPI + MPI0,
  META,
  RHO.mass,
  OMEGA.mass - OMEGA.width,
  OMEGA.mass,
  OMEGA.mass + OMEGA.width,
  2 * MK,
  2 * MK0,
  PHI.mass - PHI.width,
  PHI.mass,
  PHI.mass + PHI.width,
  VMD_END,
  CONTINUUM_START,
  OPEN_CHARM,
  OPEN_BEAUTY,
];
