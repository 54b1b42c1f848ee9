/**
 * Comparison curves for `vanish reach --compare LABEL=FILE` (or `FILE`,
 * labelled by its name): published limits as a text file of two columns,
 * m_A' in GeV and ε (or a reach CSV of vanish itself), read by the same
 * parser as the web page's overlay ({@link parseCurveText}), at most
 * {@link MAX_CURVE_BYTES} long. Labels and file names are made visible
 * (control characters shown as `\u001b`): they are printed in tables, CSV
 * comments and figures.
 */
import path from 'node:path';
import { CurveFileError, parseCurveText } from '../src/format/curveFile.js';
import type { Comparison } from '../src/format/json.js';
import { UsageError, quote, visible } from './errors.js';
import { readTextFile } from './readInput.js';

/** Largest comparison curve file read, in bytes (a published curve is a few kB). */
export const MAX_CURVE_BYTES = 16 << 20;

const HINT = 'give LABEL=FILE or FILE, with columns mass_GeV and epsilon';

/** Splits `LABEL=FILE` (a label never contains a path separator) or `FILE`. */
function splitSpec(spec: string): { label: string; file: string } {
  const eq = spec.indexOf('=');
  if (eq > 0 && !/[/\\]/.test(spec.slice(0, eq))) return { label: spec.slice(0, eq), file: spec.slice(eq + 1) };
  return { label: path.basename(spec).replace(/\.[^.]*$/, ''), file: spec };
}

/** Reads one `--compare` (or `--compare-region`) argument into a labelled curve; a bad file is a one-line {@link UsageError} naming the flag. */
export function readComparison(spec: string): Comparison {
  return readCurveOption(spec, '--compare');
}

/** Reads a curve option's argument (`--compare`, `--compare-region`), errors naming `flag`. */
export function readCurveOption(spec: string, flag: string): Comparison {
  const { label, file } = splitSpec(spec);
  if (file === '') throw new UsageError(`${flag} ${quote(spec)} has no file: ${HINT}`);
  const text = readTextFile(file, MAX_CURVE_BYTES, flag, HINT);
  try {
    return { label: visible(label), file: visible(file), points: parseCurveText(text) };
  } catch (e) {
    if (e instanceof CurveFileError) throw new UsageError(`${flag} ${quote(file)} ${e.message}`);
    throw e;
  }
}
