/**
 * A scan's result: the spec (experiment, base configuration, what is varied,
 * the masses) and one reach per configuration, keyed by its grid index and
 * varied values. A shard holds a subset of the runs and says which shard it is.
 *
 * The scan JSON is the exchange format of shards (`vanish scan --shard`,
 * `vanish merge`): numbers are written by JSON.stringify (shortest exact
 * round trip) and ε = ∞ (no reach) as null, so a result read back formats
 * byte for byte as the one that was computed. Pure and browser-safe.
 */
import type { AnyExperimentConfig } from '../config/schema.js';
import { reachToObject } from '../format/json.js';
import type { ReachPoint, ReachResult } from '../results.js';
import type { Shard, Vary, VaryValue } from './vary.js';

export interface ScanSpec {
  /** The built-in experiment the base configuration starts from. */
  experiment: string;
  /** The configuration before the varied fields are set (experiment < --config < flags). */
  base: AnyExperimentConfig;
  vary: Vary[];
  /** The masses asked for, GeV. */
  masses: number[];
  /** Whether the kinematic edges in range are added to each run's masses. */
  includeEdges: boolean;
}

export interface ScanRun {
  index: number;
  values: Record<string, VaryValue>;
  reach: ReachResult;
}

export interface ScanResult {
  spec: ScanSpec;
  /** Configurations in the whole grid. */
  total: number;
  /** Set when this is one shard of the scan. */
  shard?: Shard;
  /** Runs sorted by index. */
  runs: ScanRun[];
}

/** Format tag of the scan JSON, checked by the reader. */
export const SCAN_FORMAT = 'vanish-scan/1';

function header(s: ScanResult) {
  return {
    format: SCAN_FORMAT,
    experiment: s.spec.experiment,
    vary: s.spec.vary.map((v) => ({ field: v.field, spec: v.spec, values: v.values })),
    masses: s.spec.masses,
    includeEdges: s.spec.includeEdges,
    runs: s.total,
    base: s.spec.base,
  };
}

/** One run as JSON: its index and varied values, then the reach as `vanish reach --format json` has it (without the config). */
export function runToObject(run: ScanRun) {
  const { config: _config, ...reach } = reachToObject(run.reach);
  return { index: run.index, values: run.values, ...reach };
}

/**
 * `{"scan": {format, experiment, vary, masses, includeEdges, runs, base}, "shard"?: {index, count}, "runs": [{index, values, positrons, background, points, best, edges, requiredSignal, warnings}, …]}`,
 * one run per line.
 */
export function scanToJson(s: ScanResult): string {
  const shard = s.shard ? `"shard": ${JSON.stringify(s.shard)},\n` : '';
  const runs = s.runs.map((r) => JSON.stringify(runToObject(r)));
  return `{\n"scan": ${JSON.stringify(header(s))},\n${shard}"runs": [${runs.length ? `\n${runs.join(',\n')}\n` : ''}]\n}\n`;
}

/** Thrown when a file is not a scan JSON (or is damaged); the message is one line. */
export class ScanFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanFileError';
  }
}

const inf = (x: unknown): number => (x === null ? Infinity : (x as number));

/** `valid` and `note` as written (files from before they existed: meaningful when ε90 < 1). */
const reviveValidity = (o: Record<string, unknown>): { valid: boolean; note?: string } => {
  const valid = typeof o.valid === 'boolean' ? o.valid : inf(o.epsilon90) < 1;
  return valid ? { valid } : { valid, note: typeof o.note === 'string' ? o.note : 'ε90 ≥ 1: not a limit' };
};

function revivePoint(p: Record<string, unknown>): ReachPoint {
  return {
    massGeV: p.massGeV as number,
    annihilation: p.annihilation as number,
    annihilationError: p.annihilationError as number,
    bremsstrahlung: p.bremsstrahlung as number,
    bremsstrahlungError: p.bremsstrahlungError as number,
    epsilon90: inf(p.epsilon90),
    epsilon90Annihilation: inf(p.epsilon90Annihilation),
    epsilon90Bremsstrahlung: inf(p.epsilon90Bremsstrahlung),
    ...reviveValidity(p),
    radiative: (p.radiative as number | undefined) ?? 0,
    radiativeError: (p.radiativeError as number | undefined) ?? 0,
    epsilon90Radiative: inf(p.epsilon90Radiative ?? null),
    epsilon90Counting: inf(p.epsilon90Counting ?? p.epsilon90),
    // null: no limit, hence no branching ratio at it (NaN, written as null again)
    ...(typeof p.invisibleBranchingRatio90 === 'number' ? { invisibleBranchingRatio90: p.invisibleBranchingRatio90 } : p.invisibleBranchingRatio90 === null ? { invisibleBranchingRatio90: NaN } : {}),
  };
}

/** The header of a scan as text, for comparing shards. */
export function scanIdentity(s: ScanResult): string {
  return JSON.stringify(header(s));
}

/** Reads a scan JSON written by {@link scanToJson}; `name` is for messages. */
export function scanFromJson(text: string, name: string): ScanResult {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text);
  } catch (e) {
    throw new ScanFileError(`${name} is not a vanish scan JSON file (${(e as Error).message.split('\n')[0]})`);
  }
  const h = o && typeof o === 'object' ? (o.scan as Record<string, unknown> | undefined) : undefined;
  if (!h || h.format !== SCAN_FORMAT || !Array.isArray(o.runs)) {
    throw new ScanFileError(`${name} is not a vanish scan JSON file (written by vanish scan --format json or --shard; format ${SCAN_FORMAT})`);
  }
  try {
    const spec: ScanSpec = {
      experiment: String(h.experiment),
      base: h.base as AnyExperimentConfig,
      vary: (h.vary as Vary[]).map((v) => ({ field: v.field, spec: v.spec, values: v.values })),
      masses: h.masses as number[],
      includeEdges: Boolean(h.includeEdges),
    };
    const total = h.runs as number;
    if (!Number.isSafeInteger(total) || total < 0 || !Array.isArray(spec.vary) || !Array.isArray(spec.masses)) throw new Error('bad header');
    const shard = o.shard as Shard | undefined;
    const runs: ScanRun[] = (o.runs as Record<string, unknown>[]).map((r) => {
      const values = r.values as Record<string, VaryValue>;
      const best = r.best as { massGeV: number; epsilon90: number | null };
      if (!Number.isSafeInteger(r.index) || !values || !Array.isArray(r.points) || !best) throw new Error('bad run');
      return {
        index: r.index as number,
        values,
        reach: {
          config: { ...spec.base, ...values } as AnyExperimentConfig,
          positrons: r.positrons as number,
          background: r.background as number,
          requiredSignal: r.requiredSignal as number,
          points: (r.points as Record<string, unknown>[]).map(revivePoint),
          best: { massGeV: best.massGeV, epsilon90: inf(best.epsilon90), ...reviveValidity(best as Record<string, unknown>) },
          edges: (r.edges as { massGeV: number; label: string }[]).map((e) => ({ massGeV: e.massGeV, label: e.label })),
          warnings: (r.warnings as string[]).map(String),
        },
      };
    });
    return { spec, total, ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}), runs };
  } catch {
    throw new ScanFileError(`${name} is a damaged vanish scan JSON file (a field is missing or has the wrong type)`);
  }
}
