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

/** What a channel's ε90 of 1 or more is: no limit from that channel alone (the mixing is at most 1). */
export const CHANNEL_NO_LIMIT = 'ε90 ≥ 1 from this channel alone: it sets no limit there (the kinetic mixing is at most 1)';

/**
 * One channel's ε90 for people: {@link sci}, or `≥ 1` where it is 1 or more ({@link CHANNEL_NO_LIMIT});
 * `text` is what is shown for a meaningful ε (the ε itself, or y from it).
 */
export function channelLimit(eps: number, text: string = sci(eps)): string {
  return channelSetsNoLimit(eps) ? '≥ 1' : text;
}

/** Whether a channel's ε90 is 1 or more: no limit from that channel alone ({@link CHANNEL_NO_LIMIT}; ∞, no signal, is shown as '—'). */
export function channelSetsNoLimit(eps: number): boolean {
  return Number.isFinite(eps) && eps >= 1;
}

/**
 * A number with `digits` significant digits, compact for figure labels:
 * plain in [1e-3, 1e5), else exponent form without '+' (1e10, 8.0e-5);
 * '—' when not finite.
 * @example compact(1e10, 1) // '1e10'
 * @example compact(8.0022573e-5, 2) // '8.0e-5'
 * @example compact(0.0203, 3) // '0.0203'
 */
export function compact(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) {
    const p = x.toPrecision(digits);
    return p.includes('e') ? String(Number(p)) : p;
  }
  return x.toExponential(digits - 1).replace('e+', 'e');
}

/** The fewest significant digits (1–8) that write x as its 8-digit form: 1e10 → 1, 0.0203 → 3, 8.0022573e-5 → 8. */
export function exactDigits(x: number): number {
  const full = Number(x.toPrecision(8));
  for (let k = 1; k < 8; k++) if (Number(x.toPrecision(k)) === full) return k;
  return 8;
}

/**
 * The fewest digits d in [min, max] with which `format(v, d)` tells every
 * two distinct values apart, as numbers read ("1" and "1.0" do not; values
 * equal to 8 digits count as one); max when none does.
 */
export function distinctDigits(values: number[], format: (x: number, digits: number) => string, min: number, max: number): number {
  const distinct = [...new Set(values.filter(Number.isFinite).map((v) => Number(v.toPrecision(8))))];
  // Labels that read as the same number ("1" and "1.0") do not tell values apart.
  const reads = (text: string) => (Number.isNaN(Number(text)) ? text : String(Number(text)));
  for (let d = min; d < max; d++) if (new Set(distinct.map((v) => reads(format(v, d)))).size === distinct.length) return d;
  return max;
}

/**
 * Labels for a set of numbers (a scanned field's values on a figure), short and
 * distinct: a value of at most 5 significant digits (14, 0.0203, 1e10) as it is,
 * any other (a lin:/log: step, 8.0022573e-5) with the fewest digits, at least 2,
 * that keep all the values apart (8.0e-5, 1.4e-4); see {@link compact}.
 */
export function distinctLabels(values: number[]): string[] {
  const at = (x: number, d: number) => {
    const k = exactDigits(x);
    return compact(x, k <= 5 ? k : Math.min(d, k));
  };
  const d = distinctDigits(values, at, 2, 8);
  return values.map((v) => at(v, d));
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
