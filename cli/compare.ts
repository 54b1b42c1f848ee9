/**
 * Comparison curves for `vanish reach --compare LABEL=FILE` (or `FILE`,
 * labelled by its name): published limits as a text file of two columns,
 * m_A' in GeV and ε (or a reach CSV of vanish itself), read by the same
 * parser as the web page's overlay ({@link parseCurveText}).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CurveFileError, parseCurveText } from '../src/format/curveFile.js';
import type { Comparison } from '../src/format/json.js';
import { UsageError, describeFsError } from './errors.js';

/** Splits `LABEL=FILE` (a label never contains a path separator) or `FILE`. */
function splitSpec(spec: string): { label: string; file: string } {
  const eq = spec.indexOf('=');
  if (eq > 0 && !/[/\\]/.test(spec.slice(0, eq))) return { label: spec.slice(0, eq), file: spec.slice(eq + 1) };
  return { label: path.basename(spec).replace(/\.[^.]*$/, ''), file: spec };
}

/** Reads one `--compare` argument into a labelled curve; a bad file is a one-line {@link UsageError}. */
export function readComparison(spec: string): Comparison {
  const { label, file } = splitSpec(spec);
  if (file === '') throw new UsageError(`--compare ${spec} has no file: give LABEL=FILE or FILE, with columns mass_GeV and epsilon`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--compare ${file} cannot be read (${describeFsError(e)}): give LABEL=FILE or FILE, with columns mass_GeV and epsilon`);
  }
  try {
    return { label, file, points: parseCurveText(text) };
  } catch (e) {
    if (e instanceof CurveFileError) throw new UsageError(`--compare ${file} ${e.message}`);
    throw e;
  }
}
