/**
 * The thermal-relic targets of the y–m_χ plane, as the page gets them: computed in the
 * thermal-target worker (web/src/thermalEngine.ts; ≈ 1 s each), never on the page's thread,
 * and kept per model and couplings (darkMatter, α_D, massRatio, massSplitting).
 *
 * One target is computed at a time. A target asked for meanwhile waits; a newer one replaces it
 * (the one replaced is never computed). The one being computed is let finish even when it is no
 * longer wanted: it is pure, so it is kept (going back to it needs nothing), and the worker keeps
 * the tables it built. `onArrive` names the key of each target (or failure) that arrives; what to
 * draw is always looked up by the key of the configuration drawn, so a stale target is never drawn.
 */
import type { ComparisonCurve } from '../../src/plot/reachPlot.js';
import type { ReachResult } from '../../src/results.js';
import type { ThermalReply, ThermalRequest } from './protocol.js';
import { spawnThermalWorker } from './spawn.js';

type Config = ReachResult['config'];

/** A target as the figure sees it: drawn, being computed (or waiting), or failed. */
export type ThermalTarget = { status: 'ready'; line: ComparisonCurve } | { status: 'computing' } | { status: 'failed'; message: string };

/** What a configuration's target depends on: its dark-matter model and couplings. */
export const thermalKey = (config: Config): string => JSON.stringify([config.darkMatter, config.alphaD, config.massRatio, config.massSplitting]);

export class ThermalTargets {
  private readonly done = new Map<string, ThermalTarget & { status: 'ready' | 'failed' }>();
  private worker: Worker | null = null;
  private running: { id: number; key: string } | undefined;
  private waiting: { key: string; config: Config } | undefined;
  private nextId = 1;

  constructor(
    private readonly onArrive: (key: string) => void,
    private readonly spawn: () => Worker = spawnThermalWorker,
  ) {}

  /** The configuration's target if computed; else it is asked for (once) and 'computing' is returned. */
  get(config: Config): ThermalTarget {
    const key = thermalKey(config);
    const d = this.done.get(key);
    if (d) return d;
    if (this.running?.key === key) this.waiting = undefined;
    else {
      this.waiting = { key, config };
      this.next();
    }
    return { status: 'computing' };
  }

  /** Sends the waiting request when the worker is free. */
  private next(): void {
    const w = this.waiting;
    if (this.running || !w) return;
    this.waiting = undefined;
    if (this.done.has(w.key)) return;
    if (!this.worker) {
      this.worker = this.spawn();
      this.worker.onmessage = (e: MessageEvent<ThermalReply>) => this.receive(e.data);
      this.worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        // The worker is lost (it could not load, or failed outside a request): the target being computed fails; the next request starts a new one.
        this.worker?.terminate();
        this.worker = null;
        const r = this.running;
        this.running = undefined;
        if (r) this.finish(r.key, { status: 'failed', message: `the thermal-target worker failed: ${e.message || 'could not be loaded'}` });
      };
    }
    const id = this.nextId++;
    this.running = { id, key: w.key };
    this.worker.postMessage({ type: 'thermal', id, config: w.config } satisfies ThermalRequest);
  }

  private receive(m: ThermalReply): void {
    const r = this.running;
    if (!r || m.id !== r.id) return;
    this.running = undefined;
    this.finish(r.key, m.type === 'thermal' ? { status: 'ready', line: m.target } : { status: 'failed', message: m.message });
  }

  private finish(key: string, t: ThermalTarget & { status: 'ready' | 'failed' }): void {
    this.done.set(key, t);
    this.next();
    this.onArrive(key);
  }
}
