/**
 * The computation worker: runs the library's reach scan (and the steps behind
 * it) off the page's thread, so typing never freezes the page. It only calls
 * the library; the page cancels a stale computation by terminating it.
 *
 * The curve is posted as soon as it is computed, the steps behind it after
 * (the figure need not wait for them). A mass whose yields cannot be computed
 * is skipped and reported, not fatal (`skipFailedMasses`).
 */
import { computeBackground, computeFlux } from '../../src/analysis.js';
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import { computeReach } from '../../src/reach.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';
import { positronSpectrum, trackLengthDistribution } from '../../src/steps.js';
import { EXPERIMENTS } from '../../src/config/presets.js';
import type { ComputeRequest, Steps, WarmPresetRequest, WarmRequest, WorkerReply } from './protocol.js';
import { loadStoredTables } from './storedTables.js';

/** The stored belle2 tables, loaded once; every request waits for them (in order), then runs as before. */
const tablesReady = loadStoredTables();

/** Points of the small figures. */
const SPECTRUM_POINTS = 120;
const TRACK_POINTS = 160;
/** A mass (GeV) whose yields compile the code paths of a scan. */
const WARM_MASS = 0.07;
/** Least time between progress messages, ms. */
const PROGRESS_EVERY = 40;

function stepsOf(config: AnyExperimentConfig): Steps {
  const flux = computeFlux(config);
  if (config.kind === 'fixedTarget') {
    return { kind: 'fixedTarget', flux, trackLength: trackLengthDistribution(config, TRACK_POINTS), background: computeBackground(config) };
  }
  const line = flux.energyMinGeV === flux.energyMaxGeV;
  return {
    kind: 'collider',
    flux,
    spectrum: line ? [] : positronSpectrum(config, SPECTRUM_POINTS),
    trackLength: trackLengthDistribution(config, TRACK_POINTS),
    background: computeBackground(config),
  };
}

/** The yields and limits at the best mass (located between grid points), so it can be read out and exported like them. */
function bestPointOf(config: AnyExperimentConfig, r: ReachResult): ReachPoint | undefined {
  const m = r.best.massGeV;
  if (!(Number.isFinite(m) && m > 0 && Number.isFinite(r.best.epsilon90))) return undefined;
  const onGrid = r.points.find((p) => p.massGeV === m);
  if (onGrid) return onGrid;
  try {
    return computeReach(config, [m], { includeEdges: false }).points[0];
  } catch {
    return undefined;
  }
}

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);

/** What the page needs to place an error: the field it names (a ConfigError's `field`), if any. */
function errorReply(id: number, err: unknown): WorkerReply {
  const e = err instanceof Error ? err : new Error(String(err));
  const field = (e as { field?: unknown }).field;
  return { type: 'error', id, name: e.name, message: e.message, ...(typeof field === 'string' ? { field } : {}) };
}

/** About `n` of the masses, evenly spread, the first and last included. */
function subsample(masses: number[], n: number): number[] {
  const step = (masses.length - 1) / (n - 1);
  return [...new Set(Array.from({ length: n }, (_, i) => masses[Math.round(i * step)]))];
}

function compute(req: ComputeRequest): void {
  if (req.preview && req.masses.length > 1.5 * req.preview) {
    const t = performance.now();
    try {
      const reach = computeReach(req.config, subsample(req.masses, req.preview), { includeEdges: true, skipFailedMasses: true });
      post({ type: 'preview', id: req.id, reach, ms: performance.now() - t });
    } catch {
      // The full computation reports the error.
    }
  }
  const t0 = performance.now();
  let last = t0;
  const reach = computeReach(req.config, req.masses, {
    includeEdges: true,
    skipFailedMasses: true,
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last >= PROGRESS_EVERY || done === total) {
        last = now;
        post({ type: 'progress', id: req.id, done, total });
      }
    },
  });
  const bestPoint = bestPointOf(req.config, reach);
  const t1 = performance.now();
  post({ type: 'result', id: req.id, reach, bestPoint, timing: { reachMs: t1 - t0 } });
  if (!req.steps) return;
  try {
    const steps = stepsOf(req.config);
    post({ type: 'steps', id: req.id, steps, stepsMs: performance.now() - t1 });
  } catch (err) {
    post({ ...errorReply(req.id, err), type: 'stepsError' } as WorkerReply);
  }
}

self.onmessage = async (e: MessageEvent<ComputeRequest | WarmRequest | WarmPresetRequest>) => {
  await tablesReady;
  const req = e.data;
  if (req.type === 'warm' || req.type === 'warmPreset') {
    try {
      const config = req.type === 'warm' ? req.config : (EXPERIMENTS[req.experiment] ?? EXPERIMENTS.belle2).config;
      computeReach(config, [WARM_MASS], { includeEdges: false });
      if (req.type === 'warm') trackLengthDistribution(config, 2);
    } catch {
      // Warming is only an optimisation.
    }
    return;
  }
  try {
    compute(req);
  } catch (err) {
    post(errorReply(req.id, err));
  }
};
