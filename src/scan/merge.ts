/**
 * Joins the shards of a scan (`vanish scan --shard K/N`) into the whole scan:
 * every shard must come from the same scan (same experiment, base
 * configuration, varied values and masses) and the same N, each K exactly
 * once, and together they must hold every configuration of the grid. The
 * result equals the unsharded scan. Pure and browser-safe.
 */
import { inShard } from './vary.js';
import { ScanFileError, scanIdentity, type ScanResult } from './result.js';

export function mergeShards(shards: readonly { name: string; scan: ScanResult }[]): ScanResult {
  if (shards.length === 0) throw new ScanFileError('vanish merge needs at least one shard file');
  const first = shards[0];
  // one whole scan (vanish scan --format json): nothing to join, it is given back to be written in another format or drawn
  if (shards.length === 1 && !first.scan.shard) return first.scan;
  const identity = scanIdentity(first.scan);
  let count: number | undefined;
  const seen = new Map<number, string>();
  for (const { name, scan } of shards) {
    if (!scan.shard) throw new ScanFileError(`${name} is a whole scan, not a shard (written by vanish scan --shard K/N): give a whole scan alone (to write it in another format or draw it), or shards only`);
    if (scanIdentity(scan) !== identity) {
      throw new ScanFileError(`${name} is a shard of a different scan than ${first.name} (experiment, configuration, --vary or masses differ): merge shards of one scan only`);
    }
    count ??= scan.shard.count;
    if (scan.shard.count !== count) {
      throw new ScanFileError(`${name} is shard ${scan.shard.index}/${scan.shard.count} but ${first.name} is one of ${count}: merge shards split the same way`);
    }
    const again = seen.get(scan.shard.index);
    if (again !== undefined) throw new ScanFileError(`${name} and ${again} are both shard ${scan.shard.index}/${count}: give each shard once`);
    seen.set(scan.shard.index, name);
    for (const run of scan.runs) {
      if (!(run.index >= 0 && run.index < scan.total) || !inShard(run.index, scan.shard)) {
        throw new ScanFileError(`${name} holds configuration ${run.index}, which is not in shard ${scan.shard.index}/${count}: the file is damaged`);
      }
    }
    const expected = Array.from({ length: scan.total }, (_, i) => i).filter((i) => inShard(i, scan.shard!)).length;
    if (scan.runs.length !== expected) {
      throw new ScanFileError(`${name} holds ${scan.runs.length} of the ${expected} configurations of shard ${scan.shard.index}/${count}: the file is incomplete`);
    }
  }
  const missing = Array.from({ length: count as number }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, … (${missing.length} in all)` : missing.join(', ');
    throw new ScanFileError(`shard${missing.length > 1 ? 's' : ''} ${list} of ${count} missing: give every shard of the scan`);
  }
  const runs = shards.flatMap((s) => s.scan.runs).sort((a, b) => a.index - b.index);
  runs.forEach((r, i) => {
    if (r.index !== i) throw new ScanFileError(`configuration ${i} is missing or repeated in the shards: the files are damaged`);
  });
  const { shard: _shard, ...whole } = first.scan;
  return { ...whole, runs };
}
