/**
 * The part of the physics library the CLI calls, as an interface so the
 * program can be run in tests with a stand-in (see cli/main.ts for the real one).
 */
import type { ExperimentConfig } from '../src/config/schema.js';
import type { BackgroundSummary, FluxSummary, ReachResult, YieldResult } from '../src/results.js';

export interface ReachOptions {
  relTol?: number;
  includeEdges?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface Library {
  computeFlux(config: ExperimentConfig): FluxSummary;
  computeBackground(config: ExperimentConfig): BackgroundSummary;
  computeYield(config: ExperimentConfig, massGeV: number, opts?: { relTol?: number }): YieldResult | Promise<YieldResult>;
  computeReach(config: ExperimentConfig, massesGeV: number[], opts?: ReachOptions): ReachResult | Promise<ReachResult>;
  logGrid(minGeV: number, maxGeV: number, n: number): number[];
}
