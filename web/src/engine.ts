/**
 * The computation worker's code (loaded by its entry, web/src/worker.ts): runs the library's reach
 * scan (and the steps behind it) off the page's thread, so typing never freezes the page. It only
 * calls the library; the page cancels a stale computation by terminating it.
 *
 * The curve is posted as soon as it is computed, the steps behind it after
 * (the figure need not wait for them). A mass whose yields cannot be computed
 * is skipped and reported, not fatal (`skipFailedMasses`).
 *
 * A worker started by the page's entry knows the page's query (its name): it computes that
 * link's curve at once, as the page will ask for it, and holds the replies until the page's
 * request arrives — they are sent then if the request is for the same configuration and masses,
 * and dropped otherwise. The page's first curve thus waits neither for the page's own code nor
 * for its message.
 */
import { computeBackground, computeFlux } from '../../src/analysis.js';
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import { annihilationEdges, computeReach, reachPoint } from '../../src/reach.js';
import { backgroundFor } from '../../src/backgrounds/index.js';
import { spectralSetup } from '../../src/spectral/spectrum.js';
import { requiredSignalFor } from '../../src/statistics/expectedLimit.js';
import { yieldContext } from '../../src/yields/context.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';
import { positronSpectrum, trackLengthDistribution } from '../../src/steps.js';
import { EXPERIMENTS } from '../../src/config/presets.js';
import { FIRST_QUERY_NAME, PREVIEW_MASSES, type ComputeRequest, type Steps, type WarmRequest, type WorkerReply } from './protocol.js';
import { resolveInputs, stateFromQuery } from './state.js';
import { loadStoredTables } from './storedTables.js';

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

/**
 * A first look at the curve: the limits at some of the masses (and the kinematic edges among
 * them), each computed as computeReach computes it (the same context, background, required signal
 * and reachPoint), without the search for the best mass between them — the full result brings
 * that. Its `best` is therefore not a number (the figure marks none). A mass that fails is left out.
 */
function previewReach(config: AnyExperimentConfig, masses: number[]): ReachResult {
  const ctx = yieldContext(config);
  const bg = backgroundFor(ctx.config, ctx.spectrum.total, ctx.target, ctx.spectrum.energyMin);
  const required = requiredSignalFor(ctx.config, bg.total);
  const spectral = ctx.config.analysis === 'spectral' ? spectralSetup(ctx, bg) : undefined;
  const lo = Math.min(...masses);
  const hi = Math.max(...masses);
  const edges = annihilationEdges(ctx);
  const grid = [...new Set([...masses, ...edges.map((e) => e.massGeV).filter((m) => m >= lo && m <= hi)])].sort((a, b) => a - b);
  const points: ReachPoint[] = [];
  let failure: unknown;
  for (const m of grid) {
    try {
      points.push(reachPoint(ctx, required, m, {}, spectral));
    } catch (e) {
      failure ??= e;
    }
  }
  if (points.length === 0) throw failure;
  return {
    config: ctx.config,
    positrons: ctx.spectrum.total,
    background: bg.total,
    requiredSignal: required,
    points,
    best: { massGeV: NaN, epsilon90: NaN, valid: false, note: 'not searched in the first look' },
    edges,
    warnings: [],
  };
}

/**
 * Computes a request, sending its replies through `send`. `pause`, when given, is awaited between
 * the preview, the curve and the steps (letting the worker read its messages); false stops there.
 */
async function compute(req: ComputeRequest, send: (m: WorkerReply) => void, pause?: () => Promise<boolean>): Promise<void> {
  if (req.preview && req.masses.length > 1.5 * req.preview) {
    const t = performance.now();
    try {
      const reach = previewReach(req.config, subsample(req.masses, req.preview));
      send({ type: 'preview', id: req.id, reach, ms: performance.now() - t });
    } catch {
      // The full computation reports the error.
    }
    if (pause && !(await pause())) return;
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
        send({ type: 'progress', id: req.id, done, total });
      }
    },
  });
  const bestPoint = bestPointOf(req.config, reach);
  const t1 = performance.now();
  send({ type: 'result', id: req.id, reach, bestPoint, timing: { reachMs: t1 - t0, ...(pause ? { early: true } : {}) } });
  if (!req.steps) return;
  if (pause && !(await pause())) return;
  try {
    const steps = stepsOf(req.config);
    send({ type: 'steps', id: req.id, steps, stepsMs: performance.now() - t1 });
  } catch (err) {
    send({ ...errorReply(req.id, err), type: 'stepsError' } as WorkerReply);
  }
}

/** Runs a request's computation, its failure reported as its reply. */
async function run(req: ComputeRequest, send: (m: WorkerReply) => void, pause?: () => Promise<boolean>): Promise<void> {
  try {
    await compute(req, send, pause);
  } catch (err) {
    send(errorReply(req.id, err));
  }
}

/** Builds the tables of a configuration and compiles the code of a scan (an optimisation only). */
function warm(config: AnyExperimentConfig, trackLength: boolean): void {
  try {
    computeReach(config, [WARM_MASS], { includeEdges: false });
    if (trackLength) trackLengthDistribution(config, 2);
  } catch {
    // Warming is only an optimisation.
  }
}

/** Jobs run one after another, the first once the stored tables are installed (or found unusable). */
let queue: Promise<void> = Promise.resolve();
const enqueue = (job: () => void | Promise<void>) => {
  queue = queue.then(job).catch(() => {});
};

/** What identifies a computation: the configuration and the masses. */
const keyOf = (config: AnyExperimentConfig, masses: readonly number[]) => JSON.stringify([config, masses]);

/** The link's curve, computed before the page asks: its replies wait in `held` until a request for it names its `id`. */
interface Early {
  key: string;
  id?: number;
  held: WorkerReply[];
  /** The page asked for something else: the rest is not computed. */
  dropped: boolean;
}
let early: Early | undefined;

function sendEarly(e: Early, m: WorkerReply): void {
  if (e.id !== undefined) post({ ...m, id: e.id });
  else if (m.type !== 'progress') e.held.push(m);
}

/** Lets the worker read its messages; false when the early computation is no longer wanted. */
const pauseEarly = (e: Early) => new Promise<boolean>((resolve) => setTimeout(() => resolve(!e.dropped), 0));

/** The link's curve as the page will ask for it (main.ts applyUrl: its inputs, nothing edited, the first plot previewed). */
function startEarly(query: string): void {
  const { state } = stateFromQuery(query);
  const r = resolveInputs(state.inputs);
  if (!r.ok) {
    // Nothing to compute until the link is fixed: the experiment's tables are built meanwhile.
    const preset = (EXPERIMENTS[state.inputs.experiment] ?? EXPERIMENTS.belle2).config;
    enqueue(() => warm(preset, false));
    return;
  }
  const req: ComputeRequest = { type: 'compute', id: 0, config: r.value.config, masses: r.value.masses, steps: true, preview: PREVIEW_MASSES };
  const e: Early = { key: keyOf(req.config, req.masses), held: [], dropped: false };
  early = e;
  enqueue(() => (e.dropped ? undefined : run(req, (m) => sendEarly(e, m), () => pauseEarly(e))));
}

function receive(req: ComputeRequest | WarmRequest): void {
  if (req.type === 'warm') {
    enqueue(() => warm(req.config, true));
    return;
  }
  const e = early;
  early = undefined;
  if (e && e.id === undefined && !e.dropped && keyOf(req.config, req.masses) === e.key) {
    // The request for the link's curve: what is computed is sent now, the rest as it comes.
    e.id = req.id;
    for (const m of e.held) if (m.type !== 'preview' || req.preview) post({ ...m, id: req.id });
    e.held = [];
    return;
  }
  if (e) e.dropped = true;
  enqueue(() => run(req, post));
}

/**
 * Starts the worker's service: installs the stored tables (`tables`, their texts being fetched),
 * computes the link's curve when the worker's `name` carries the page's query, then answers the
 * page's messages (`held`: those that arrived before this code).
 */
export function start(tables: Promise<string[] | undefined>, name: string, held: readonly MessageEvent[]): void {
  queue = loadStoredTables(tables);
  if (name.startsWith(FIRST_QUERY_NAME)) {
    try {
      startEarly(name.slice(FIRST_QUERY_NAME.length));
    } catch {
      // The page's request computes it.
    }
  }
  self.onmessage = (e: MessageEvent<ComputeRequest | WarmRequest>) => receive(e.data);
  for (const e of held) receive(e.data as ComputeRequest | WarmRequest);
}
