/**
 * The computation worker: runs the library's reach scan (and the steps behind
 * it) off the page's thread, so typing never freezes the page. It only calls
 * the library; the page cancels a stale computation by terminating it.
 */
import { computeBackground } from '../../src/analysis.js';
import { computeReach } from '../../src/reach.js';
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import { computeFlux } from '../../src/analysis.js';
import { positronSpectrum, trackLengthDistribution } from '../../src/steps.js';
import type { ComputeRequest, Steps, WarmRequest, WorkerReply } from './protocol.js';

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

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);

function compute(req: ComputeRequest): void {
  const t0 = performance.now();
  let last = t0;
  const reach = computeReach(req.config, req.masses, {
    includeEdges: true,
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last >= PROGRESS_EVERY || done === total) {
        last = now;
        post({ type: 'progress', id: req.id, done, total });
      }
    },
  });
  const t1 = performance.now();
  let steps: Steps | undefined;
  if (req.steps) steps = stepsOf(req.config);
  const t2 = performance.now();
  post({ type: 'result', id: req.id, reach, steps, timing: { reachMs: t1 - t0, stepsMs: t2 - t1 } });
}

self.onmessage = (e: MessageEvent<ComputeRequest | WarmRequest>) => {
  const req = e.data;
  if (req.type === 'warm') {
    try {
      computeReach(req.config, [WARM_MASS], { includeEdges: false });
      trackLengthDistribution(req.config, 2);
    } catch {
      // Warming is only an optimisation.
    }
    return;
  }
  try {
    compute(req);
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
};
