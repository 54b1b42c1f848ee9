/**
 * The A′ masses the yields are computed for. A mass is a user's input like a
 * config field, so a mass outside the range is a {@link InputLimitError}
 * naming it (the CLI prints one line and exits 2).
 */
import { InputLimitError } from '../config/schema.js';

/** Throws unless the A′ mass (GeV) is one the yields can be computed for. */
export function checkMass(massGeV: number): void {
  if (typeof massGeV !== 'number' || !(massGeV > 0) || !Number.isFinite(massGeV)) {
    throw new InputLimitError(`A′ mass = ${String(massGeV)} GeV is not allowed (allowed: a finite mass > 0 GeV)`, 'mass');
  }
}
