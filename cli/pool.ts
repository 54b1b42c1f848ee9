/**
 * A pool of worker threads for independent pieces of work (one reach per scan
 * configuration, or a chunk of the masses of one long reach). Tasks are handed
 * to whichever worker is free, preferring one whose configuration has the
 * mass-independent tables of the worker's previous task (yields/context.ts
 * tableKey: a worker keeps them, another would build them again), else one of
 * tables no other worker has; results are stored by task position, so the
 * outcome does not depend on the number of workers or on timing. A failing
 * task stops the pool and rejects with its error (user errors keep their
 * class); {@link WorkerPool.cancel} terminates every worker at once (Ctrl-C).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ConfigError } from '../src/config/schema.js';
import { tableKey } from '../src/yields/context.js';
import type { WorkerTask, WorkerReply } from './worker.js';

// node:worker_threads is loaded when a pool starts, not by every `vanish reach` at start-up.
const require = createRequire(import.meta.url);

/** The default number of jobs: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The worker script: compiled JavaScript next to this module, or the TypeScript source run through tsx (tests). */
function workerScript(): { url: URL; execArgv: string[] } {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(js)) return { url: js, execArgv: [] };
  return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

/** Rebuilds an error sent by a worker: ConfigError and RangeError stay what they were. */
function reviveError(e: { name: string; message: string; field?: string; stack?: string }): Error {
  if (e.name === 'ConfigError') return new ConfigError(e.message, e.field);
  const err = e.name === 'RangeError' ? new RangeError(e.message) : new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

/**
 * Takes from `pending` (task positions, in order) the next task for a worker that holds the tables
 * of key `mine`: the first of that key, else the first of a key no other worker holds, else the first.
 */
export function nextTask(pending: number[], keys: readonly string[], mine: string | undefined, others: ReadonlySet<string>): number | undefined {
  if (pending.length === 0) return undefined;
  let j = mine === undefined ? -1 : pending.findIndex((i) => keys[i] === mine);
  if (j < 0) j = pending.findIndex((i) => !others.has(keys[i]));
  if (j < 0) j = 0;
  return pending.splice(j, 1)[0];
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private stopped: Error | undefined;
  private rejectRun: ((e: Error) => void) | undefined;

  constructor(readonly size: number) {}

  /**
   * Runs the tasks on up to `size` workers; `onDone(done, total)` after each.
   * @returns the results in task order
   */
  run<R>(tasks: readonly WorkerTask[], onDone?: (done: number, total: number) => void): Promise<R[]> {
    const results: R[] = new Array(tasks.length);
    if (tasks.length === 0) return Promise.resolve(results);
    const { url, execArgv } = workerScript();
    const keys = tasks.map((t) => tableKey(t.config));
    const pending = tasks.map((_, i) => i);
    /** The table key each worker last computed with. */
    const held = new Map<Worker, string>();
    /** The next task for w: one of its tables, else of tables no worker holds, else the first left. */
    const take = (w: Worker): number | undefined => {
      const others = new Set([...held].filter(([x]) => x !== w).map(([, k]) => k));
      const id = nextTask(pending, keys, held.get(w), others);
      if (id !== undefined) held.set(w, keys[id]);
      return id;
    };
    return new Promise<R[]>((resolve, reject) => {
      let done = 0;
      let finished = false;
      const fail = (e: Error) => {
        if (finished) return;
        finished = true;
        void this.terminate();
        reject(e);
      };
      this.rejectRun = fail;
      if (this.stopped) return fail(this.stopped);
      const feed = (w: Worker) => {
        const id = take(w);
        if (id !== undefined) w.postMessage({ id, task: tasks[id] });
      };
      const n = Math.min(this.size, tasks.length);
      const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
      for (let i = 0; i < n; i++) {
        const w = new WorkerThread(url, { execArgv, stdout: false, stderr: false });
        this.workers.push(w);
        w.on('message', (reply: WorkerReply) => {
          if (finished) return;
          if ('error' in reply) return fail(reviveError(reply.error));
          results[reply.id] = reply.result as R;
          done++;
          onDone?.(done, tasks.length);
          if (done === tasks.length) {
            finished = true;
            void this.terminate().then(() => resolve(results));
          } else feed(w);
        });
        w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (!finished && code !== 0) fail(new Error(`a worker thread exited with code ${code}`));
        });
        feed(w);
      }
    });
  }

  /** Stops all work now: running tasks are abandoned and {@link run} rejects with `reason`. */
  cancel(reason: Error): void {
    this.stopped = reason;
    this.rejectRun?.(reason);
  }

  private async terminate(): Promise<void> {
    const ws = this.workers.splice(0);
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
