/**
 * Comparison curves for `vanish reach --plot … --compare LABEL=FILE`: a text
 * file of two columns, m_A' in GeV and ε, separated by a comma or spaces;
 * `#` comment lines and a header line of column names are skipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComparisonCurve } from '../src/plot/reachPlot.js';
import { UsageError, describeFsError } from './errors.js';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads one `LABEL=FILE` (or just `FILE`, labelled by its name) into a curve. */
export function readComparison(spec: string): ComparisonCurve {
  const eq = spec.indexOf('=');
  const file = eq > 0 ? spec.slice(eq + 1) : spec;
  const label = eq > 0 ? spec.slice(0, eq) : path.basename(file).replace(/\.[^.]*$/, '');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--compare ${spec} cannot be read (${describeFsError(e)}): give LABEL=FILE with columns mass_GeV, epsilon`);
  }
  const points: [number, number][] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/[\s,;]+/);
    if (cells.length >= 2 && NUMBER.test(cells[0]) && NUMBER.test(cells[1])) {
      const m = Number(cells[0]);
      const e = Number(cells[1]);
      if (m > 0 && e > 0 && Number.isFinite(m) && Number.isFinite(e)) {
        points.push([m, e]);
        continue;
      }
    }
    if (points.length === 0 && cells.some((c) => !NUMBER.test(c))) continue; // a header line
    throw new UsageError(`--compare ${spec} line ${i + 1} "${line.slice(0, 40)}" is not allowed: expected two positive numbers, mass_GeV and epsilon`);
  }
  if (points.length === 0) throw new UsageError(`--compare ${spec} has no points: expected lines of mass_GeV, epsilon`);
  return { label, points };
}
