/**
 * What a scan varies: `FIELD=SPEC` where SPEC is a comma list (`lumi=1,10,50`,
 * `material=CsI,BGO`, `neutronPenetration=null,0.01`), a linear range
 * `lin:a:b:n` (n values from a to b, both included) or a log range `log:a:b:n`
 * (n values spaced evenly in log, a and b > 0). Any config field of the
 * experiment's kind can be varied; the values are checked by the schema on the
 * experiment's configuration, so every configuration of the scan is valid
 * before anything is computed. Pure and browser-safe.
 */
import { ConfigError, FIELDS, FIXED_TARGET_FIELDS, withOverrides, type AnyExperimentConfig } from '../config/schema.js';

/** A value a config field can take in a scan. */
export type VaryValue = number | string | null;

export interface Vary {
  field: string;
  /** The spec as the user wrote it (after the `=`). */
  spec: string;
  values: VaryValue[];
}

/** The largest number of values one --vary may give, and of configurations in one scan. */
export const MAX_VALUES = 10_000;
export const MAX_RUNS = 100_000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const fieldsOf = (kind: AnyExperimentConfig['kind']): Record<string, unknown> => (kind === 'fixedTarget' ? FIXED_TARGET_FIELDS : FIELDS);

function fail(text: string, why: string, field?: string): never {
  throw new ConfigError(`--vary ${text} is not allowed: ${why}`, field);
}

/** n values from a to b, both included; in log when `log` (the ends are exact). */
export function rangeValues(a: number, b: number, n: number, log: boolean): number[] {
  if (n === 1) return [a];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) out.push(a);
    else if (i === n - 1) out.push(b);
    else {
      const t = i / (n - 1);
      out.push(log ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a));
    }
  }
  return out;
}

/** Reads one `FIELD=SPEC` for an experiment; the values are validated on `base`. */
export function parseVary(text: string, base: AnyExperimentConfig): Vary {
  const eq = text.indexOf('=');
  const fieldsHelp = `expected FIELD=v1,v2,…, FIELD=lin:a:b:n or FIELD=log:a:b:n with FIELD a config field (vanish config --help)`;
  if (eq <= 0) fail(JSON.stringify(text), fieldsHelp);
  const field = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const shown = `${field}=${spec}`;
  const table = fieldsOf(base.kind);
  if (!Object.hasOwn(table, field)) {
    fail(shown, `unknown field ${field} for a ${base.kind === 'fixedTarget' ? 'fixed-target experiment' : 'collider'}; allowed fields are ${Object.keys(table).join(', ')}`, field);
  }
  if (spec === '') fail(shown, `no values (${fieldsHelp})`, field);
  const current = (base as unknown as Record<string, unknown>)[field];
  const numeric = typeof current === 'number' || current === null;
  let values: VaryValue[];
  const range = /^(lin|log):(.*)$/.exec(spec);
  if (range) {
    if (!numeric) fail(shown, `${field} takes names, not a range: give a list such as ${field}=${String(current)},…`, field);
    const parts = range[2].split(':');
    if (parts.length !== 3) fail(shown, `a range is ${range[1]}:a:b:n (start, end, number of values)`, field);
    const [a, b] = parts.slice(0, 2).map((p) => (NUMBER.test(p.trim()) ? Number(p) : NaN));
    const n = /^\s*\d+\s*$/.test(parts[2]) ? Number(parts[2]) : NaN;
    if (!Number.isFinite(a) || !Number.isFinite(b)) fail(shown, `the ends of a range must be numbers`, field);
    if (!(Number.isSafeInteger(n) && n >= 1 && n <= MAX_VALUES)) fail(shown, `the number of values must be a whole number from 1 to ${MAX_VALUES}`, field);
    if (n === 1 && a !== b) fail(shown, `one value cannot span ${a} to ${b}: give n ≥ 2, or a list`, field);
    if (range[1] === 'log' && !(a > 0 && b > 0)) fail(shown, `a log range needs both ends > 0`, field);
    values = rangeValues(a, b, n, range[1] === 'log');
  } else {
    const items = spec.split(',').map((s) => s.trim());
    if (items.some((s) => s === '')) fail(shown, `an empty value in the list (${fieldsHelp})`, field);
    if (items.length > MAX_VALUES) fail(shown, `more than ${MAX_VALUES} values`, field);
    values = items.map((s) => {
      if (!numeric) return s;
      if (s === 'null') return null; // the schema says whether the field may be null
      if (!NUMBER.test(s) || !Number.isFinite(Number(s))) fail(shown, `${JSON.stringify(s)} is not a number`, field);
      return Number(s);
    });
  }
  const seen = new Set<string>();
  for (const v of values) {
    const key = JSON.stringify(v);
    if (seen.has(key)) fail(shown, `the value ${key} appears twice`, field);
    seen.add(key);
    try {
      withOverrides(base, { [field]: v });
    } catch (e) {
      // A value that only clashes with another varied field is caught when the grid is built.
      if (e instanceof ConfigError && e.field === field) fail(shown, e.message, field);
      if (!(e instanceof ConfigError)) throw e;
    }
  }
  return { field, spec, values };
}

/** One configuration of a scan: its place in the grid and the varied values. */
export interface ScanPoint {
  /** Position in the full grid (the first --vary varies slowest). */
  index: number;
  values: Record<string, VaryValue>;
  config: AnyExperimentConfig;
}

/** Number of configurations of a grid. */
export function gridSize(varies: readonly Vary[]): number {
  return varies.reduce((n, v) => n * v.values.length, 1);
}

/**
 * Every configuration of the grid, validated, in order: the first vary is the
 * outermost loop. Throws ConfigError naming the combination that is not allowed.
 */
export function scanGrid(base: AnyExperimentConfig, varies: readonly Vary[]): ScanPoint[] {
  const fields = new Set<string>();
  for (const v of varies) {
    if (fields.has(v.field)) throw new ConfigError(`--vary ${v.field} is given twice: vary each field once (join the values in one list)`, v.field);
    fields.add(v.field);
  }
  const total = gridSize(varies);
  if (total > MAX_RUNS) {
    throw new ConfigError(`--vary gives ${total} configurations, more than ${MAX_RUNS}: split the scan into several (or use fewer values)`);
  }
  const out: ScanPoint[] = [];
  for (let index = 0; index < total; index++) {
    const values: Record<string, VaryValue> = {};
    let rest = index;
    for (let k = varies.length - 1; k >= 0; k--) {
      const n = varies[k].values.length;
      values[varies[k].field] = varies[k].values[rest % n];
      rest = Math.floor(rest / n);
    }
    const ordered: Record<string, VaryValue> = {};
    for (const v of varies) ordered[v.field] = values[v.field];
    let config: AnyExperimentConfig;
    try {
      config = withOverrides(base, ordered);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const combo = Object.entries(ordered).map(([k, v]) => `${k}=${v}`).join(' ');
      throw new ConfigError(`--vary combination ${combo} is not allowed: ${e.message}`, e.field);
    }
    out.push({ index, values: ordered, config });
  }
  return out;
}

/** A batch shard: the K-th (1-based) of N. */
export interface Shard {
  index: number;
  count: number;
}

export const MAX_SHARDS = 100_000;

/** Reads `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(Number.isSafeInteger(n) && n >= 1 && n <= MAX_SHARDS) || !(Number.isSafeInteger(k) && k >= 1 && k <= n)) {
    throw new ConfigError(`--shard ${JSON.stringify(text)} is not allowed: expected K/N with whole numbers 1 ≤ K ≤ N ≤ ${MAX_SHARDS} (e.g. 3/10)`);
  }
  return { index: k, count: n };
}

/**
 * Whether the configuration at grid position `index` belongs to a shard:
 * round robin (index mod N = K − 1), so every shard gets a similar mix of the grid.
 */
export function inShard(index: number, shard: Shard): boolean {
  return index % shard.count === shard.index - 1;
}
