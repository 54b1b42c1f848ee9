/**
 * A worker thread of {@link WorkerPool}: computes one task at a time with the
 * physics library and posts the plain result back (structured clone keeps
 * Infinity). Module-level tables of the library stay warm between tasks.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigError, type AnyExperimentConfig } from '../src/config/schema.js';
import { computeReach } from '../src/reach.js';
import { reachPoints } from '../src/scan/points.js';
import { installStoredTables } from '../src/node/storedTables.js';

installStoredTables();

export type WorkerTask =
  /** A whole reach (one configuration of a scan). */
  | { kind: 'reach'; config: AnyExperimentConfig; masses: number[]; includeEdges: boolean }
  /** The points of some masses of one reach (a long reach split over workers). */
  | { kind: 'points'; config: AnyExperimentConfig; masses: number[] };

export type WorkerReply =
  | { id: number; result: unknown }
  /** `user`: the library's ConfigError (or a subclass, InputLimitError): a value the user gave, not a failure of vanish. */
  | { id: number; error: { name: string; message: string; field?: string; stack?: string; user?: boolean } };

function compute(task: WorkerTask): unknown {
  if (task.kind === 'reach') return computeReach(task.config, task.masses, { includeEdges: task.includeEdges });
  return reachPoints(task.config, task.masses);
}

parentPort?.on('message', ({ id, task }: { id: number; task: WorkerTask }) => {
  let reply: WorkerReply;
  try {
    reply = { id, result: compute(task) };
  } catch (e) {
    const err = e as Error & { field?: string };
    const user = e instanceof ConfigError;
    reply = { id, error: { name: err?.name ?? 'Error', message: String(err?.message ?? e), field: err?.field, stack: err?.stack, user } };
  }
  parentPort?.postMessage(reply);
});
