/**
 * Number formatting shared by the text outputs. Pure and browser-safe.
 */
import { MeV } from '../constants.js';

/**
 * A number with `digits` significant digits, in exponent form outside
 * [1e-3, 1e6) so columns stay short; `inf`, `-inf` and `nan` for non-finite
 * values (as numpy and pandas read them).
 * @example sig(1.7e-5) // '1.70000e-5'
 * @example sig(0.0666, 4) // '0.06660'
 */
export function sig(x: number, digits = 6): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e6) return x.toExponential(digits - 1);
  return x.toPrecision(digits);
}

/** A short number for people: 4 significant digits, '—' when not finite (no reach). */
export function short(x: number, digits = 4): string {
  return Number.isFinite(x) ? sig(x, digits) : '—';
}

/** Exponent form with `digits` significant digits, '—' when not finite: for columns of ε. */
export function sci(x: number, digits = 4): string {
  return Number.isFinite(x) ? x.toExponential(digits - 1) : '—';
}

/** A mass in GeV written in MeV with 4 significant digits, no unit. */
export function massMeV(massGeV: number): string {
  return (massGeV / MeV).toPrecision(4);
}

/**
 * A number for SVG coordinates: rounded to 2 decimals so output is
 * deterministic across platforms and golden files compare as text.
 */
export function px(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * Whether a reach mass is one of the kinematic edges (same double up to
 * rounding), so tables can mark it.
 */
export function sameMass(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
