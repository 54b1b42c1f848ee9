/**
 * Masses typed by a user ("66MeV", "0.066", "500 keV") read into GeV.
 * Pure and browser-safe: used by the CLI flags and the web form alike.
 */
import { GeV, MeV, keV } from '../constants.js';
import { ConfigError } from './errors.js';

/** Energy units accepted after a number, as multipliers to GeV. Case-sensitive: "meV" is not "MeV". */
export const MASS_UNITS: Readonly<Record<string, number>> = { eV: 1e-3 * keV, keV, MeV, GeV };

const ALLOWED = `a positive number in GeV, or with a unit ${Object.keys(MASS_UNITS).join(', ')} (e.g. 0.066, 66MeV, 500keV)`;

/** A plain decimal number with an optional sign and exponent (`1`, `-0.5`, `.5`, `2.71e-3`); no hex, no `Infinity`. */
export const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a plain decimal number ({@link NUMBER_PATTERN}, surrounding blanks allowed), or `undefined` when the text is not one or overflows. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER_PATTERN.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

// A decimal number (as NUMBER_PATTERN), then an optional unit.
const QUANTITY = new RegExp(`^(${NUMBER_PATTERN.source.slice(1, -1)})\\s*([A-Za-z]*)$`);

/** Quotes a user's text for an error message, on one line. */
function shown(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return /^[\w.+-]+$/.test(oneLine) ? oneLine : JSON.stringify(oneLine);
}

/**
 * Reads a mass in GeV from text: a bare number is GeV, otherwise a unit of
 * {@link MASS_UNITS} follows the number, with or without a space.
 *
 * @param text what the user typed
 * @param field the parameter's name for the error message (a flag such as `--mass`, or a form field)
 * @param zero whether 0 (with or without a unit) is allowed, e.g. for a smallest energy counted
 * @returns the mass in GeV (finite, > 0; ≥ 0 with `zero`)
 * @throws ConfigError with a one-line message naming `field`, the value and what is allowed
 * @example parseMass('66MeV') // 0.066
 */
export function parseMass(text: string, field = 'mass', zero = false): number {
  const allowed = zero ? ALLOWED.replace('a positive number', 'a number ≥ 0') : ALLOWED;
  const t = text.trim();
  const m = QUANTITY.exec(t);
  if (!m) throw new ConfigError(`${field} ${shown(text)} is not a mass: expected ${allowed}`, field);
  const [, number, unit] = m;
  const scale = unit === '' ? GeV : MASS_UNITS[unit];
  if (scale === undefined) {
    throw new ConfigError(`${field} ${shown(text)} has an unknown unit "${unit}": expected ${allowed}`, field);
  }
  const value = Number(number) * scale;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
    throw new ConfigError(`${field} ${shown(text)} is not allowed: expected ${allowed}`, field);
  }
  return value;
}

/**
 * Reads a comma-separated list of masses, each as {@link parseMass} does.
 * @returns masses in GeV, in the order given
 * @example parseMassList('1MeV,66MeV,0.5') // [0.001, 0.066, 0.5]
 */
export function parseMassList(text: string, field = 'masses'): number[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new ConfigError(`${field} ${shown(text)} is not a list of masses: expected comma-separated masses, each ${ALLOWED}`, field);
  }
  return items.map((s) => parseMass(s, field));
}
