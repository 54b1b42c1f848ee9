/**
 * A scan's warnings for the terminal: each warning once, not once per configuration. The
 * warnings of the runs are grouped by their text with the varied values masked (where a
 * warning names a varied field as `FIELD = VALUE`, the value is masked), and each group is
 * printed once with the values of the configurations it comes from, e.g.
 * `… with energyCut = 0.03 … 0.08 it is not recomputed (…) (for energyCut = 0.03 … 0.08; 32 of
 * 32 configurations)`. The runs' own `warnings` (JSON, CSVW) are not touched. Pure and browser-safe.
 */
import type { ScanRun } from './result.js';
import type { Vary, VaryValue } from './vary.js';

/** Marks a masked value of field k in a template (a character no warning contains). */
const mark = (k: number) => `\u0000${k}\u0000`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `FIELD = VALUE` in a warning, the value ending where a number or a name would not go on. */
function valuePattern(field: string, value: VaryValue): RegExp {
  return new RegExp(`(?<![\\w.])(${escape(field)} = )${escape(String(value))}(?![\\w.+-])`, 'g');
}

/** A warning on one line (some warnings wrap their text). */
export const oneLine = (w: string): string => w.replace(/\s*\n\s*/g, ' ');

/** The values of one field over some configurations: up to three listed, else the numeric range `min … max` or the count. */
export function describeValues(values: readonly VaryValue[]): string {
  const distinct = [...new Set(values)];
  const numbers = distinct.every((v) => typeof v === 'number');
  if (numbers) (distinct as number[]).sort((a, b) => a - b);
  if (distinct.length <= 3) return distinct.map(String).join(', ');
  if (numbers) return `${distinct[0]} … ${distinct[distinct.length - 1]}`;
  return `${distinct.slice(0, 3).map(String).join(', ')} … (${distinct.length} values)`;
}

/**
 * The lines to print for a scan's warnings (without `vanish: warning: `), in the order they first
 * occur. A scan of one configuration gets its warnings as they are.
 */
export function scanWarningLines(runs: readonly ScanRun[], vary: readonly Vary[]): string[] {
  if (runs.length <= 1) return [...new Set(runs.flatMap((r) => r.reach.warnings.map(oneLine)))];
  const groups = new Map<string, ScanRun[]>();
  for (const run of runs) {
    const templates = new Set<string>();
    for (const w of run.reach.warnings) {
      let t = oneLine(w);
      vary.forEach((v, k) => {
        t = t.replace(valuePattern(v.field, run.values[v.field]), (_m, head: string) => `${head}${mark(k)}`);
      });
      templates.add(t);
    }
    for (const t of templates) groups.set(t, [...(groups.get(t) ?? []), run]);
  }
  return [...groups].map(([template, members]) => {
    const desc = vary.map((v) => describeValues(members.map((r) => r.values[v.field])));
    const text = vary.reduce((t, _v, k) => t.split(mark(k)).join(desc[k]), template);
    const where = vary.map((v, k) => `${v.field} = ${desc[k]}`).join(', ');
    return `${text} (for ${where}; ${members.length} of ${runs.length} configurations)`;
  });
}
