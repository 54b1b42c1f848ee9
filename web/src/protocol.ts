/** Messages between the page and its workers, the computation's and the thermal targets' (structured-clone plain data). */
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import type { ComparisonCurve } from '../../src/plot/reachPlot.js';
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, ReachPoint, ReachResult } from '../../src/results.js';

export interface ComputeRequest {
  type: 'compute';
  id: number;
  config: AnyExperimentConfig;
  /** Grid masses in GeV; the library adds the kinematic edges in range. */
  masses: number[];
  /** Also compute the steps behind the curve (spectrum, track length, background). */
  steps: boolean;
  /** First post a quick look at about this many of the masses (the first plot of a page, while the tables are cold). */
  preview?: number;
}

/** Builds the configuration-wide tables (track lengths) and compiles the code before a real request. */
export interface WarmRequest {
  type: 'warm';
  config: AnyExperimentConfig;
}

/**
 * The name of the worker the page's entry starts is this followed by the page's query: the worker
 * computes that link's curve before the page asks (web/src/engine.ts).
 */
export const FIRST_QUERY_NAME = 'vanish-compute first:';

/** The page's first curve is previewed on this many masses while the worker's tables are still cold. */
export const PREVIEW_MASSES = 24;

/** τ(v) = E T(E′, E, depth)/X0 at v = E′/E, for the depth of Eq. 11 and that of Eq. 12. */
export type TrackLengthPoint = { v: number; calorimeter: number; bremsstrahlungDepth: number };

/** The steps behind a collider's curve: Bhabha positrons, their track length, the photon and neutron backgrounds. */
export interface ColliderSteps {
  kind: 'collider';
  flux: FluxSummary;
  /** dN/dE of the positrons; empty when they all have one energy (a symmetric collider: a line). */
  spectrum: { energyGeV: number; dNdE: number }[];
  trackLength: TrackLengthPoint[];
  background: BackgroundSummary;
}

/** The steps behind a fixed target's curve: the beam (a line), the shower's track lengths, the given background. */
export interface FixedTargetSteps {
  kind: 'fixedTarget';
  flux: FluxSummary;
  /** Track length of the positrons that can annihilate (calorimeter) and of the leptons that radiate A′ (bremsstrahlung depth). */
  trackLength: TrackLengthPoint[];
  background: FixedTargetBackground;
}

export type Steps = ColliderSteps | FixedTargetSteps;

export interface Timing {
  /** computeReach (and the best point's yields), ms. */
  reachMs: number;
  /** Computed before the page asked (the link's curve, started with the worker). */
  early?: boolean;
}

/** A failed computation: the error's name and message, and the config field it names (a ConfigError's), if any. */
export interface ErrorInfo {
  name: string;
  message: string;
  field?: string;
}

export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  /** A first look at the curve on fewer masses (see ComputeRequest.preview); the full result follows. */
  | { type: 'preview'; id: number; reach: ReachResult; ms: number }
  /** The curve (posted before the steps); `bestPoint` has the yields at the best mass. */
  | { type: 'result'; id: number; reach: ReachResult; bestPoint?: ReachPoint; timing: Timing }
  /** The steps behind the curve (positronSpectrum + trackLengthDistribution + computeBackground, `stepsMs`). */
  | { type: 'steps'; id: number; steps: Steps; stepsMs: number }
  | ({ type: 'error'; id: number } & ErrorInfo)
  | ({ type: 'stepsError'; id: number } & ErrorInfo);

/**
 * The name of the second worker of the same bundle (web/src/worker.ts → web/src/thermalEngine.ts):
 * it computes the thermal-relic targets of the y–m_χ plane, so the page's thread never does.
 */
export const THERMAL_WORKER_NAME = 'vanish-thermal';

/** The thermal-relic target of a configuration's dark-matter model and couplings (src/plot/yPlane.ts thermalTargetLine). */
export interface ThermalRequest {
  type: 'thermal';
  id: number;
  config: ReachResult['config'];
}

export type ThermalReply =
  | { type: 'thermal'; id: number; target: ComparisonCurve; ms: number }
  | ({ type: 'thermalError'; id: number } & ErrorInfo);
