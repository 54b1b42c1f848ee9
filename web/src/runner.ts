/**
 * Runs computations in a Web Worker, one at a time: a new request while a
 * curve is being computed cancels the stale one by terminating its worker
 * (the library's scan is one synchronous call, so it cannot be interrupted
 * otherwise); a new request while only the steps behind the last curve are
 * being computed waits for them in the same worker (keeping its tables).
 *
 * Terminating loses the worker's tables and compiled code, so a spare worker
 * is kept warm (tables built for the last configuration) and takes over. The
 * spare is started only once the first curve is drawn, so it never competes
 * with the first plot for the CPU.
 */
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';
import type { ComputeRequest, ErrorInfo, Steps, Timing, WarmRequest, WorkerReply } from './protocol.js';

export interface Computed {
  reach: ReachResult;
  /** The yields at the best mass, when it could be computed. */
  bestPoint?: ReachPoint;
  timing: Timing;
  /** From posting the request to receiving the result, ms. */
  roundTripMs: number;
}

/** A computation that failed in the worker; `field` is the config field the library's error names, if any. */
export class ComputeError extends Error {
  readonly field?: string;
  readonly kind: string;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ComputeError';
    this.kind = info.name;
    if (info.field) this.field = info.field;
  }
}

export interface StepsHandler {
  (steps: Steps, stepsMs: number): void;
}

interface Pending {
  id: number;
  resolve: (r: Computed | null) => void;
  reject: (e: Error) => void;
  started: number;
  onSteps?: StepsHandler;
  onPreview?: (reach: ReachResult, ms: number) => void;
  onStepsError?: (e: ComputeError) => void;
  /** The curve has arrived; the steps are still being computed. */
  curveDone: boolean;
}

import { spawnWorker as spawn, takeBootWorker } from './spawn.js';

export class Runner {
  private worker: Worker | null = null;
  private spare: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  private lastConfig: AnyExperimentConfig | undefined;
  private spareWanted = false;
  /** Computations cancelled by a newer request. */
  cancelled = 0;

  constructor(
    private readonly onProgress: (done: number, total: number) => void = () => {},
    private readonly keepSpare = true,
  ) {}

  get busy(): boolean {
    return this.pending !== null && !this.pending.curveDone;
  }

  /**
   * Computes the reach for a configuration and masses; the steps behind it, when asked for, arrive later through `onSteps`.
   * @returns the result, or null when a newer request cancelled this one
   */
  run(
    config: AnyExperimentConfig,
    masses: number[],
    steps: { onSteps: StepsHandler; onStepsError?: (e: ComputeError) => void } | false,
    preview?: { masses: number; onPreview: (reach: ReachResult, ms: number) => void },
  ): Promise<Computed | null> {
    if (this.pending) {
      if (this.pending.curveDone) {
        // Only the steps of the last curve are being computed: the worker (and its tables) is kept, the
        // new request waits behind them, and their reply is dropped.
        this.pending = null;
      } else {
        this.worker?.terminate();
        this.worker = null;
        this.pending.resolve(null);
        this.pending = null;
        this.cancelled++;
      }
    }
    if (!this.worker) {
      this.worker = this.spare ?? (this.keepSpare ? takeBootWorker() : undefined) ?? spawn();
      this.spare = null;
      this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
      this.worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        this.fail(new ComputeError({ name: 'WorkerError', message: `the computation worker failed: ${e.message || 'could not be loaded'}` }));
      };
    }
    this.lastConfig = config;
    const id = this.nextId++;
    const req: ComputeRequest = { type: 'compute', id, config, masses, steps: steps !== false, ...(preview ? { preview: preview.masses } : {}) };
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, started: performance.now(), curveDone: false, ...(steps ? steps : {}), ...(preview ? { onPreview: preview.onPreview } : {}) };
      (this.worker as Worker).postMessage(req);
    });
  }

  /** Starts the spare worker when the page is idle (after the first curve). */
  private warmSpare(): void {
    if (!this.keepSpare || this.spare || this.spareWanted) return;
    this.spareWanted = true;
    const go = () => {
      this.spareWanted = false;
      if (this.spare || !this.lastConfig) return;
      if (this.pending) {
        // Still computing: try again when idle.
        setTimeout(() => this.warmSpare(), 500);
        return;
      }
      this.spare = spawn();
      this.spare.postMessage({ type: 'warm', config: this.lastConfig } satisfies WarmRequest);
    };
    const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (idle) idle(go, { timeout: 2000 });
    else setTimeout(go, 300);
  }

  private fail(err: ComputeError): void {
    const p = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    if (!p) return;
    if (p.curveDone) p.onStepsError?.(err);
    else p.reject(err);
  }

  private receive(m: WorkerReply): void {
    const p = this.pending;
    if (!p || m.id !== p.id) return;
    if (m.type === 'progress') {
      this.onProgress(m.done, m.total);
    } else if (m.type === 'preview') {
      p.onPreview?.(m.reach, m.ms);
    } else if (m.type === 'error') {
      this.pending = null;
      p.reject(new ComputeError(m));
    } else if (m.type === 'result') {
      if (p.onSteps) p.curveDone = true;
      else this.pending = null;
      p.resolve({ reach: m.reach, bestPoint: m.bestPoint, timing: m.timing, roundTripMs: performance.now() - p.started });
      this.warmSpare();
    } else if (m.type === 'steps') {
      this.pending = null;
      p.onSteps?.(m.steps, m.stepsMs);
    } else if (m.type === 'stepsError') {
      this.pending = null;
      p.onStepsError?.(new ComputeError(m));
    }
  }
}
