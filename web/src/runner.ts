/**
 * Runs computations in a Web Worker, one at a time: a new request while one
 * is running cancels the stale one by terminating its worker (the library's
 * scan is one synchronous call, so it cannot be interrupted otherwise).
 *
 * Terminating loses the worker's tables and compiled code, so a spare worker
 * is kept warm (tables built for the last configuration) and takes over.
 */
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import type { ComputeRequest, Steps, Timing, WarmRequest, WorkerReply } from './protocol.js';
import type { ReachResult } from '../../src/results.js';

export interface Computed {
  reach: ReachResult;
  steps?: Steps;
  timing: Timing;
  /** From posting the request to receiving the result, ms. */
  roundTripMs: number;
}

interface Pending {
  id: number;
  resolve: (r: Computed | null) => void;
  reject: (e: Error) => void;
  started: number;
}

function spawn(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'vanish-compute' });
}

export class Runner {
  private worker: Worker | null = null;
  private spare: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  /** Computations cancelled by a newer request. */
  cancelled = 0;

  constructor(
    private readonly onProgress: (done: number, total: number) => void = () => {},
    private readonly keepSpare = true,
  ) {}

  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Computes the reach for a configuration and masses.
   * @returns the result, or null when a newer request cancelled this one
   */
  run(config: AnyExperimentConfig, masses: number[], steps: boolean): Promise<Computed | null> {
    if (this.pending) {
      this.worker?.terminate();
      this.worker = null;
      this.pending.resolve(null);
      this.pending = null;
      this.cancelled++;
    }
    if (!this.worker) {
      this.worker = this.spare ?? spawn();
      this.spare = null;
      this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
      this.worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        this.fail(new Error(`the computation worker failed: ${e.message || 'could not be loaded'}`));
      };
    }
    const id = this.nextId++;
    const req: ComputeRequest = { type: 'compute', id, config, masses, steps };
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, started: performance.now() };
      (this.worker as Worker).postMessage(req);
      if (this.keepSpare && !this.spare) {
        this.spare = spawn();
        this.spare.postMessage({ type: 'warm', config } satisfies WarmRequest);
      }
    });
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    p?.reject(err);
  }

  private receive(m: WorkerReply): void {
    const p = this.pending;
    if (!p || m.id !== p.id) return;
    if (m.type === 'progress') {
      this.onProgress(m.done, m.total);
    } else if (m.type === 'error') {
      this.pending = null;
      p.reject(new Error(m.message));
    } else {
      this.pending = null;
      p.resolve({ reach: m.reach, steps: m.steps, timing: m.timing, roundTripMs: performance.now() - p.started });
    }
  }
}
