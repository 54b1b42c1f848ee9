/**
 * A long `vanish reach` on worker threads: the masses are split into chunks
 * that the workers compute with {@link reachPoints} (the same function of the
 * same configuration as computeReach), then computeReach assembles the curve,
 * adds the edges and refines the best point with those points, so the result
 * is the one of a single thread, byte for byte. Each worker first builds (or,
 * for a preset's configuration, reads from dist/tables: src/node/storedTables.ts) its
 * own tables and the edges and best point are refined afterwards in this
 * thread, so it pays only for long curves: on this 2-core machine `npm run bench:scan` measured
 * 1.27× at 2 000 masses (1 000 per worker) and 1.57× at 10 000 (2026-12-02, workers in their own
 * process, cli/pool.ts; 0.69× and 1.20× before). Without --jobs it uses as many workers as have
 * {@link MASSES_PER_WORKER} masses each, up to every core ({@link automaticJobs}).
 */
import type { AnyExperimentConfig } from '../src/config/schema.js';
import type { ReachPoint, ReachResult } from '../src/results.js';
import { reachPoints } from '../src/scan/points.js';
import type { Library } from './library.js';
import { runTasks } from './parallel.js';
import type { WorkerTask } from './worker.js';

/** The fewest masses a worker of a `vanish reach` without --jobs computes: where two workers measured faster than one. */
export const MASSES_PER_WORKER = 1000;

/** The workers of a `vanish reach` of `masses` masses without --jobs: one per {@link MASSES_PER_WORKER}, at most `cores`, at least 1. */
export function automaticJobs(masses: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(masses / MASSES_PER_WORKER)));
}

export async function reachInParallel(
  lib: Library,
  config: AnyExperimentConfig,
  masses: number[],
  includeEdges: boolean,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ReachResult> {
  // A few chunks per worker, so a worker that meets the expensive annihilation window does not hold up the rest.
  const size = Math.max(1, Math.ceil(masses.length / (4 * jobs)));
  const chunks: number[][] = [];
  for (let i = 0; i < masses.length; i += size) chunks.push(masses.slice(i, i + size));
  const tasks: WorkerTask[] = chunks.map((m) => ({ kind: 'points', config, masses: m }));
  let done = 0;
  const results = await runTasks<ReachPoint[]>(
    tasks,
    jobs,
    (t) => reachPoints(t.config, t.masses),
    (k) => {
      done = chunks.slice(0, k).reduce((n, c) => n + c.length, 0);
      onProgress?.(done, masses.length);
    },
  );
  const points = new Map<number, ReachPoint>();
  results.forEach((chunk, i) => chunk.forEach((p, j) => points.set(chunks[i][j], p)));
  return lib.computeReach(config, masses, { includeEdges, points });
}
