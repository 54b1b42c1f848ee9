/**
 * Runs independent tasks with `jobs` workers: in this process for one job (the
 * same library functions, one task after another, yielding to the event loop
 * in between so Ctrl-C is heard), on a {@link WorkerPool} otherwise. Ctrl-C or
 * SIGTERM stops every worker and rejects with {@link InterruptedError}; the
 * caller writes only after everything is done, so nothing partial is written.
 */
import { setImmediate as tick } from 'node:timers/promises';
import { InterruptedError, UsageError } from './errors.js';
import { WorkerPool } from './pool.js';
import type { WorkerTask } from './worker.js';

export async function runTasks<R>(
  tasks: readonly WorkerTask[],
  jobs: number,
  inProcess: (task: WorkerTask) => R | Promise<R>,
  onDone?: (done: number, total: number) => void,
): Promise<R[]> {
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  const pool = jobs > 1 && tasks.length > 1 ? new WorkerPool(jobs) : undefined;
  const stop = (signal: 'SIGINT' | 'SIGTERM') => {
    interrupted = signal;
    pool?.cancel(new InterruptedError(undefined, signal));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    if (pool) return await pool.run<R>(tasks, onDone);
    const out: R[] = [];
    for (const task of tasks) {
      await tick();
      if (interrupted) throw new InterruptedError(undefined, interrupted);
      out.push(await inProcess(task));
      onDone?.(out.length, tasks.length);
    }
    await tick();
    if (interrupted) throw new InterruptedError(undefined, interrupted);
    return out;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Reads `--jobs N` (a whole number ≥ 1). */
export function parseJobs(text: string, max = 1024): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(n) && n >= 1 && n <= max)) {
    throw new UsageError(`--jobs ${JSON.stringify(text)} is not allowed: expected a whole number of worker threads from 1 to ${max}`);
  }
  return n;
}
