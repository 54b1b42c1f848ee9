/**
 * The A′ masses the yields are computed for, and the guarantee every yield
 * leaves the library with: finite, non-negative, its error estimate finite and
 * no larger than the value (or exactly 0 ± 0 where kinematics closes the
 * channel). A mass is a user's input like a config field, so a mass that is not
 * allowed, or at which an integral cannot meet its tolerance, is an
 * {@link InputLimitError} naming it (the CLI prints one line and exits 2).
 */
import { InputLimitError } from '../config/schema.js';
import { QuadratureError, type QuadratureResult } from '../numeric/gaussKronrod.js';

/** Throws unless the A′ mass (GeV) is one the yields can be computed for. */
export function checkMass(massGeV: number): void {
  if (typeof massGeV !== 'number' || !(massGeV > 0) || !Number.isFinite(massGeV)) {
    throw new InputLimitError(`A′ mass = ${String(massGeV)} GeV is not allowed (allowed: a finite mass > 0 GeV)`, 'mass');
  }
}

/** Whether a yield is honest: finite, ≥ 0, with a finite error ≤ the value, or exactly 0 ± 0. */
export function isHonest(r: Pick<QuadratureResult, 'value' | 'error'>): boolean {
  if (r.value === 0) return r.error === 0;
  return Number.isFinite(r.value) && r.value > 0 && Number.isFinite(r.error) && r.error >= 0 && r.error <= r.value;
}

/**
 * Runs a yield integral at one mass and enforces {@link isHonest}: an integral
 * that cannot meet its tolerance, or a result that is not honest, becomes an
 * InputLimitError naming the mass and the channel, never a wrong number.
 */
export function honestYield(channel: string, massGeV: number, compute: () => QuadratureResult): QuadratureResult {
  let r: QuadratureResult;
  try {
    r = compute();
  } catch (e) {
    // a quadrature that cannot meet its tolerance, or a table asked outside its range (RangeError)
    if (!(e instanceof QuadratureError) && !(e instanceof RangeError)) throw e;
    throw new InputLimitError(
      `A′ mass = ${massGeV} GeV: the ${channel} yield cannot be computed to its tolerance for this configuration (${firstLine(e.message)})`,
      'mass',
    );
  }
  if (!isHonest(r)) {
    throw new InputLimitError(
      `A′ mass = ${massGeV} GeV: the ${channel} yield is not converged for this configuration (${r.value} ± ${r.error})`,
      'mass',
    );
  }
  return r;
}

/**
 * Runs the binned signal of the spectral analysis at one mass: a shape integral
 * that cannot meet its tolerance, or a bin that is not finite and ≥ 0, is an
 * InputLimitError naming the mass.
 */
export function honestShape<T extends Record<string, number[]>>(massGeV: number, compute: () => T): T {
  let r: T;
  try {
    r = compute();
  } catch (e) {
    if (!(e instanceof QuadratureError)) throw e;
    throw new InputLimitError(
      `A′ mass = ${massGeV} GeV: the spectral signal shape cannot be computed to its tolerance for this configuration (${firstLine(e.message)})`,
      'mass',
    );
  }
  for (const bins of Object.values(r)) {
    if (!bins.every((v) => Number.isFinite(v) && v >= 0)) {
      throw new InputLimitError(`A′ mass = ${massGeV} GeV: the spectral signal shape is not finite and ≥ 0 in every bin for this configuration`, 'mass');
    }
  }
  return r;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
