/** Messages between the page and its computation worker (structured-clone plain data). */
import type { ExperimentConfig } from '../../src/config/schema.js';
import type { BackgroundSummary, ReachResult } from '../../src/results.js';

export interface ComputeRequest {
  type: 'compute';
  id: number;
  config: ExperimentConfig;
  /** Grid masses in GeV; the library adds the kinematic edges in range. */
  masses: number[];
  /** Also compute the steps behind the curve (spectrum, track length, background). */
  steps: boolean;
}

/** Builds the configuration-wide tables (track lengths) and compiles the code before a real request. */
export interface WarmRequest {
  type: 'warm';
  config: ExperimentConfig;
}

export interface Steps {
  spectrum: { energyGeV: number; dNdE: number }[];
  trackLength: { v: number; calorimeter: number; bremsstrahlungDepth: number }[];
  background: BackgroundSummary;
}

export interface Timing {
  /** computeReach, ms. */
  reachMs: number;
  /** positronSpectrum + trackLengthDistribution + computeBackground, ms. */
  stepsMs: number;
}

export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; reach: ReachResult; steps?: Steps; timing: Timing }
  | { type: 'error'; id: number; message: string };
