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
 * Workers that fill every core run in a process of their own (cli/poolHost.ts)
 * started with {@link HOST_V8_FLAGS}; fewer run in this process.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ConfigError, InputLimitError } from '../src/config/schema.js';
import { SystemError } from './errors.js';
import { tableKey } from '../src/yields/context.js';
import type { HostReply, HostRequest } from './poolHost.js';
import type { WorkerTask, WorkerReply } from './worker.js';

type WorkerError = Extract<WorkerReply, { error: unknown }>['error'];

// node:worker_threads is loaded when a pool starts, not by every `vanish reach` at start-up.
const require = createRequire(import.meta.url);

/** The default number of jobs: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A script of the pool, compiled JavaScript next to this module (the build writes dist/bundle/worker.js
 * and poolHost.js beside the CLI, tsc dist/cli/*.js). Run from the TypeScript sources there is none:
 * Node 20 does not load a worker's .ts through `--import tsx`.
 */
function script(name: 'worker' | 'poolHost'): URL {
  const js = new URL(`./${name}.js`, import.meta.url);
  if (!existsSync(js)) throw new Error(`the worker pool needs ${name}.js beside ${fileURLToPath(import.meta.url)}: run \`npm run build\` and the built CLI (bin/vanish.js)`);
  return js;
}

/**
 * V8's flags for the process of workers that fill every core (cli/poolHost.ts): garbage
 * collection on the allocating thread and optimizing compilation on the computing thread, not on
 * V8's helper threads. One computing thread leaves a core to those helpers, and uses it (the
 * default flags); with every core computing they only take time from the workers. Measured on
 * 2 cores, 32 configurations of an energy-cut scan (bench/scanThreads.ts): helper CPU 7.1–7.6 s
 * → 0.1 s, two workers' wall time 19.8–20.7 s → 18.4–19.1 s (README, "Speed").
 */
export const HOST_V8_FLAGS = ['--single-threaded-gc', '--no-concurrent-recompilation'];

/** What the pool needs of a worker: a Worker of node:worker_threads, or one in the pool's host process. */
interface PoolWorker {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (reply: WorkerReply) => void): unknown;
  on(event: 'error', listener: (e: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/** Worker k of the host process: messages go through the host. */
class HostedWorker extends EventEmitter implements PoolWorker {
  constructor(
    private readonly host: ChildProcess,
    private readonly k: number,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.host.send({ to: this.k, message } satisfies HostRequest);
  }
}

/**
 * Starts `n` workers in a process of their own, started with {@link HOST_V8_FLAGS}
 * (cli/poolHost.ts); `onEnd` hears of the host's end that nobody asked for.
 */
function startHost(n: number, onEnd: (e: Error) => void): { host: ChildProcess; workers: HostedWorker[] } {
  const { fork } = require('node:child_process') as typeof import('node:child_process');
  const host = script('poolHost');
  const worker = script('worker');
  // the parent's own Node options (a heap limit), without a debugger's port the parent holds (NODE_OPTIONS too)
  const debuggerFlag = /^--(inspect|debug)/;
  const inherited = process.execArgv.filter((a) => !debuggerFlag.test(a));
  const options = (process.env.NODE_OPTIONS ?? '').split(/\s+/).filter((a) => a !== '');
  const env = options.some((a) => debuggerFlag.test(a)) ? { ...process.env, NODE_OPTIONS: options.filter((a) => !debuggerFlag.test(a)).join(' ') } : process.env;
  const child = fork(host, [], {
    execArgv: [...inherited, ...HOST_V8_FLAGS],
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const workers = Array.from({ length: n }, (_, k) => new HostedWorker(child, k));
  child.on('message', (reply: HostReply) => {
    const w = workers[reply.from];
    if ('message' in reply) w.emit('message', reply.message);
    else if ('error' in reply) w.emit('error', Object.assign(new Error(reply.error.message), reply.error));
    else w.emit('exit', reply.exit);
  });
  child.on('error', (e) => onEnd(e));
  // killed from outside (the kernel's OOM killer sends SIGKILL): the system's failure, not a bug to report
  child.on('exit', (code, signal) =>
    onEnd(
      new SystemError(
        `the process of the worker threads ended (${signal ?? `exit code ${code}`})${signal === 'SIGKILL' ? ': killed from outside, perhaps for want of memory (try fewer --jobs)' : ''}`,
      ),
    ),
  );
  child.send({ start: { workers: n, script: worker.href } } satisfies HostRequest);
  return { host: child, workers };
}

/**
 * Rebuilds an error sent by a worker: the library's ConfigError and InputLimitError (the user's
 * values: one line, status 2) and RangeError stay what they were.
 */
export function reviveError(e: WorkerError): Error {
  if (e.user) return e.name === 'InputLimitError' ? new InputLimitError(e.message, e.field) : new ConfigError(e.message, e.field);
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
  private readonly workers: { terminate(): Promise<unknown> }[] = [];
  private hostProcess: ChildProcess | undefined;
  private stopped: Error | undefined;
  private rejectRun: ((e: Error) => void) | undefined;

  /**
   * @param size the number of workers
   * @param host whether the workers run in a process of their own with {@link HOST_V8_FLAGS};
   *   default: when they fill every core (as many as {@link defaultJobs})
   */
  constructor(
    readonly size: number,
    private readonly host?: boolean,
  ) {}

  /**
   * Runs the tasks on up to `size` workers; `onDone(done, total)` after each.
   * @returns the results in task order
   */
  run<R>(tasks: readonly WorkerTask[], onDone?: (done: number, total: number) => void): Promise<R[]> {
    const results: R[] = new Array(tasks.length);
    if (tasks.length === 0) return Promise.resolve(results);
    const keys = tasks.map((t) => tableKey(t.config));
    const pending = tasks.map((_, i) => i);
    /** The table key each worker last computed with. */
    const held = new Map<PoolWorker, string>();
    /** The next task for w: one of its tables, else of tables no worker holds, else the first left. */
    const take = (w: PoolWorker): number | undefined => {
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
      const feed = (w: PoolWorker) => {
        const id = take(w);
        if (id !== undefined) w.postMessage({ id, task: tasks[id] });
      };
      const n = Math.min(this.size, tasks.length);
      // Workers that fill every core run in a process of their own with V8's helper threads off (HOST_V8_FLAGS)
      let workers: PoolWorker[];
      if (this.host ?? n >= defaultJobs()) {
        const started = startHost(n, fail);
        this.hostProcess = started.host;
        workers = started.workers;
      } else {
        const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
        const url = script('worker');
        workers = Array.from({ length: n }, () => {
          const w = new Worker(url, { stdout: false, stderr: false });
          this.workers.push(w);
          return w;
        });
      }
      for (const w of workers) {
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
    const host = this.hostProcess;
    this.hostProcess = undefined;
    const ended = host && host.exitCode === null && host.signalCode === null ? new Promise((r) => host.once('exit', r)) : undefined;
    host?.kill('SIGKILL');
    await Promise.all([...ws.map((w) => w.terminate()), ended]);
  }
}
