/**
 * Relativistic degrees of freedom of the Standard-Model plasma below the QCD
 * transition, g_eff(T) (energy) and h_eff(T) (entropy), for the freeze-out of
 * MeV–sub-GeV dark matter (cosmology/freezeOut.ts):
 *
 *   ρ = g_eff (π²/30) T⁴,   s = h_eff (2π²/45) T³,
 *
 * summed over ideal gases with their full quantum statistics (Kolb & Turner,
 * The Early Universe, Sec. 3.3): γ (2), e± (4), μ± (4), π± (2), π⁰ (1), and three
 * neutrino flavours (6, fermions). Neutrinos decouple instantaneously at
 * T_dec = 2 MeV; afterwards T_ν follows from the conservation of the e±γ entropy,
 * (T_ν/T)³ = h_eγ(T)/h_eγ(T_dec) (→ 4/11 once the e± are gone: g_eff → 3.36,
 * h_eff → 3.91). The pions as a free gas hold well below T ≈ 150 MeV; above it
 * (quarks and gluons) this table is not meant to be used.
 */
import { chargedPionMass, electronMass, muonMass, neutralPionMass } from '../constants.js';
import { integrate } from '../numeric/gaussKronrod.js';

/** Neutrino decoupling temperature (instantaneous), GeV. */
export const NEUTRINO_DECOUPLING = 2e-3;
/** Highest temperature (GeV) the free hadron gas describes. */
export const HIGHEST_TEMPERATURE = 0.15;

interface Species {
  mass: number;
  dof: number;
  fermion: boolean;
}

const PLASMA: readonly Species[] = [
  { mass: electronMass, dof: 4, fermion: true },
  { mass: muonMass, dof: 4, fermion: true },
  { mass: chargedPionMass, dof: 2, fermion: false },
  { mass: neutralPionMass, dof: 1, fermion: false },
];

/**
 * ρ/(π²T⁴/30) and s/(2π²T³/45) of one massive species per degree of freedom, at z = m/T:
 * (30/π⁴)·(15/... ) from ρ = (g/2π²)∫q²E f dq and p = (g/6π²)∫q⁴/E f dq (f = 1/(e^E ± 1), q, E in units of T).
 */
function massive(z: number, fermion: boolean): { rho: number; entropy: number } {
  if (z > 60) return { rho: 0, entropy: 0 };
  const sign = fermion ? 1 : -1;
  const f = (E: number) => 1 / (Math.exp(E) + sign);
  const qMax = 60 + z;
  const opts = { relTol: 1e-9, absTol: 1e-300 };
  const rho = integrate((q) => { const E = Math.hypot(q, z); return q * q * E * f(E); }, 0, qMax, opts).value / (2 * Math.PI * Math.PI);
  const p = integrate((q) => { const E = Math.hypot(q, z); return (q ** 4 / E) * f(E); }, 0, qMax, opts).value / (6 * Math.PI * Math.PI);
  return { rho: rho / ((Math.PI * Math.PI) / 30), entropy: (rho + p) / ((2 * Math.PI * Math.PI) / 45) };
}

/** g_eff and h_eff of the e± and γ alone at T (GeV). */
function electronPhoton(T: number): { rho: number; entropy: number } {
  const e = massive(electronMass / T, true);
  return { rho: 2 + 4 * e.rho, entropy: 2 + 4 * e.entropy };
}

let hDecoupling: number | undefined;

/** g_eff(T) and h_eff(T) at a temperature T (GeV, at most {@link HIGHEST_TEMPERATURE}). */
export function degreesOfFreedom(T: number): { gEff: number; hEff: number } {
  if (!(T > 0) || T > HIGHEST_TEMPERATURE * 1.0000001) {
    throw new RangeError(`the SM plasma table covers 0 < T ≤ ${HIGHEST_TEMPERATURE} GeV (hadron gas), got T = ${T} GeV`);
  }
  let rho = 2;
  let entropy = 2;
  for (const s of PLASMA) {
    const m = massive(s.mass / T, s.fermion);
    rho += s.dof * m.rho;
    entropy += s.dof * m.entropy;
  }
  // three neutrino flavours, ν and ν̄ with one helicity each: 6 fermionic dof (7/8 each)
  let ratio = 1; // T_ν/T
  if (T < NEUTRINO_DECOUPLING) {
    hDecoupling ??= electronPhoton(NEUTRINO_DECOUPLING).entropy;
    ratio = Math.cbrt(electronPhoton(T).entropy / hDecoupling);
  }
  rho += (7 / 8) * 6 * ratio ** 4;
  entropy += (7 / 8) * 6 * ratio ** 3;
  return { gEff: rho, hEff: entropy };
}

/** Lowest temperature of the table, GeV (100 eV: below every freeze-out vanish computes). */
export const LOWEST_TEMPERATURE = 1e-7;
const TABLE_POINTS = 800;
let table: { lnT: number[]; lnG: number[]; lnH: number[] } | undefined;

/** g_eff and h_eff on a grid in ln T (built once, on first use). */
function plasmaTable() {
  if (table) return table;
  const a = Math.log(LOWEST_TEMPERATURE);
  const b = Math.log(HIGHEST_TEMPERATURE);
  const lnT: number[] = [];
  const lnG: number[] = [];
  const lnH: number[] = [];
  for (let i = 0; i < TABLE_POINTS; i++) {
    const t = a + ((b - a) * i) / (TABLE_POINTS - 1);
    const d = degreesOfFreedom(Math.min(Math.exp(t), HIGHEST_TEMPERATURE));
    lnT.push(t);
    lnG.push(Math.log(d.gEff));
    lnH.push(Math.log(d.hEff));
  }
  table = { lnT, lnG, lnH };
  return table;
}

/**
 * g_eff, h_eff and g_*^{1/2} = (h_eff/√g_eff)(1 + (1/3) d ln h_eff/d ln T) — the
 * combination in the freeze-out equation of Gondolo & Gelmini (Nucl. Phys. B 360
 * (1991) 145) — at T (GeV), interpolated linearly in ln T from an 800-point table
 * of {@link degreesOfFreedom}; the derivative is the table's slope (the neutrino
 * decoupling leaves a kink at 2 MeV).
 */
export function plasma(T: number): { gEff: number; hEff: number; gStarHalf: number } {
  if (!(T >= LOWEST_TEMPERATURE && T <= HIGHEST_TEMPERATURE)) {
    throw new RangeError(`the SM plasma table covers ${LOWEST_TEMPERATURE} ≤ T ≤ ${HIGHEST_TEMPERATURE} GeV, got T = ${T} GeV`);
  }
  const { lnT, lnG, lnH } = plasmaTable();
  const u = ((Math.log(T) - lnT[0]) / (lnT[TABLE_POINTS - 1] - lnT[0])) * (TABLE_POINTS - 1);
  const i = Math.min(TABLE_POINTS - 2, Math.max(0, Math.floor(u)));
  const f = u - i;
  const gEff = Math.exp(lnG[i] + f * (lnG[i + 1] - lnG[i]));
  const hEff = Math.exp(lnH[i] + f * (lnH[i + 1] - lnH[i]));
  const slope = (lnH[i + 1] - lnH[i]) / (lnT[i + 1] - lnT[i]);
  return { gEff, hEff, gStarHalf: (hEff / Math.sqrt(gEff)) * (1 + slope / 3) };
}
