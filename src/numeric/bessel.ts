/**
 * The modified Bessel function of the second kind, scaled: K_ν(z) e^z for
 * real ν ≥ 0 and z > 0 (the thermal averages of cosmology/ need K₁ and K₂ at
 * arguments where K itself underflows). Two methods, each to ~1e−12:
 *  - z < 30: the integral representation K_ν(z) = ∫₀^∞ e^{−z cosh t} cosh νt dt
 *    (DLMF 10.32.9), so K_ν(z)e^z = ∫₀^∞ e^{−z(cosh t − 1)} cosh νt dt, by adaptive
 *    Gauss–Kronrod (cut where the integrand is below e^{−40} of its start);
 *  - z ≥ 30: the asymptotic expansion K_ν(z) e^z √(2z/π) = Σ_k a_k(ν)/z^k,
 *    a_k = Π_{j=1}^{k} (4ν² − (2j − 1)²) / (k! 8^k) (DLMF 10.40.2), summed to its
 *    smallest term (< 1e−15 relative at z ≥ 30 for ν ≤ 2);
 *  - {@link besselKScaledFast}: for ν = 1, 2 and 0.5 ≤ z < 30 a table of the integral in
 *    ln z (4000 points, linear in ln(K_ν e^z √z): relative error < 1e−7), for the
 *    millions of evaluations of a thermal average.
 */
import { integrate } from './gaussKronrod.js';

const ASYMPTOTIC_FROM = 30;

/** K_ν(z) e^z, for ν ≥ 0 and z > 0. */
export function besselKScaled(nu: number, z: number): number {
  if (!(z > 0) || !(nu >= 0)) throw new RangeError(`besselKScaled needs ν ≥ 0 and z > 0, got ν = ${nu}, z = ${z}`);
  if (z >= ASYMPTOTIC_FROM) {
    const mu = 4 * nu * nu;
    let term = 1;
    let sum = 1;
    for (let k = 1; k < 60; k++) {
      const next = (term * (mu - (2 * k - 1) * (2 * k - 1))) / (k * 8 * z);
      if (Math.abs(next) >= Math.abs(term) || Math.abs(next) < 1e-17 * Math.abs(sum)) break;
      term = next;
      sum += term;
    }
    return Math.sqrt(Math.PI / (2 * z)) * sum;
  }
  const tMax = Math.acosh(1 + 40 / z);
  return integrate((t) => Math.exp(-z * (Math.cosh(t) - 1)) * Math.cosh(nu * t), 0, tMax, { relTol: 1e-12 }).value;
}

const TABLE_LO = 0.5;
const TABLE_POINTS = 4000;
const tables = new Map<number, Float64Array>();

function tableOf(nu: number): Float64Array {
  let t = tables.get(nu);
  if (!t) {
    t = new Float64Array(TABLE_POINTS);
    const a = Math.log(TABLE_LO);
    const b = Math.log(ASYMPTOTIC_FROM);
    for (let i = 0; i < TABLE_POINTS; i++) {
      const z = Math.exp(a + ((b - a) * i) / (TABLE_POINTS - 1));
      t[i] = Math.log(besselKScaled(nu, z) * Math.sqrt(z));
    }
    tables.set(nu, t);
  }
  return t;
}

/** K_ν(z) e^z for ν = 1 or 2 from a table where 0.5 ≤ z < 30 (relative error < 1e−7), else {@link besselKScaled}. */
export function besselKScaledFast(nu: 1 | 2, z: number): number {
  if (!(z >= TABLE_LO && z < ASYMPTOTIC_FROM)) return besselKScaled(nu, z);
  const t = tableOf(nu);
  const a = Math.log(TABLE_LO);
  const u = ((Math.log(z) - a) / (Math.log(ASYMPTOTIC_FROM) - a)) * (TABLE_POINTS - 1);
  const i = Math.min(TABLE_POINTS - 2, Math.floor(u));
  const f = u - i;
  return Math.exp(t[i] + f * (t[i + 1] - t[i])) / Math.sqrt(z);
}
