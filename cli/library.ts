/**
 * The part of the physics library the CLI calls, as an interface so the
 * program can be run in tests with a stand-in (see cli/main.ts for the real one).
 * Every call takes either kind of experiment (collider or fixed target).
 */
import type { AnyExperimentConfig } from '../src/config/schema.js';
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, ReachPoint, ReachResult, YieldResult } from '../src/results.js';

export interface ReachOptions {
  relTol?: number;
  includeEdges?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Points computed beforehand (on worker threads) for some masses. */
  points?: ReadonlyMap<number, ReachPoint>;
}

export interface Library {
  computeFlux(config: AnyExperimentConfig): FluxSummary;
  /** A collider's photon and neutron backgrounds; a fixed target's given background with its Poisson limit. */
  computeBackground(config: AnyExperimentConfig): BackgroundSummary | FixedTargetBackground;
  computeYield(config: AnyExperimentConfig, massGeV: number, opts?: { relTol?: number }): YieldResult | Promise<YieldResult>;
  computeReach(config: AnyExperimentConfig, massesGeV: number[], opts?: ReachOptions): ReachResult | Promise<ReachResult>;
  logGrid(minGeV: number, maxGeV: number, n: number): number[];
}
