/**
 * vanish — reach of dark-sector searches in which collision products hit the
 * detector. The library is pure and runs in Node and in the browser; the CLI
 * and the web page only parse, call these functions and present.
 */
export { parseConfig, parseAnyConfig, withOverrides, withOverridesFromInput, ConfigError, InputLimitError, FIELDS, FIXED_TARGET_FIELDS, experimentConfigSchema, fixedTargetConfigSchema } from './config/schema.js';
export type { ColliderOverrides, FixedTargetOverrides, ExperimentConfig, ColliderConfig, FixedTargetConfig, AnyExperimentConfig, ConfigField, FixedTargetField, FieldInfo } from './config/schema.js';
export { belle2, belle2_paper, babar, besiii, na64_2019, na64_2022, na64_eplus_2022, PRESETS, EXPERIMENTS } from './config/presets.js';
export { deepFreeze } from './config/presets.js';
export type { ExperimentPreset } from './config/presets.js';
export { parseMass, parseMassList } from './config/quantity.js';
export { computeFlux, computeBackground, computeYield } from './analysis.js';
export { computeReach, logGrid, annihilationEdges, reachPoint } from './reach.js';
export type { ReachOptions } from './reach.js';
export type { FluxSummary, BackgroundSummary, YieldResult, ReachPoint, ReachResult, SpectralSummary } from './results.js';
export { spectralSetup } from './spectral/spectrum.js';
export type { SpectralSetup } from './spectral/spectrum.js';
export { material, MATERIAL_NAMES } from './materials/materials.js';
export { yieldContext } from './yields/context.js';
export { epsilonLimit, requiredSignal } from './statistics/expectedLimit.js';
export { positronSpectrum, trackLengthDistribution } from './steps.js';
// Figures (SVG text, pure and browser-safe; PNG and PDF are the CLI's, from these)
export { reachPlot, reachPlotLayout, bestIsInteriorMinimum } from './plot/reachPlot.js';
export type { ReachPlotOptions, ReachPlotLayout, ComparisonCurve } from './plot/reachPlot.js';
export { miniPlot } from './plot/miniPlot.js';
export type { MiniPlotOptions, MiniSeries, MiniAxis } from './plot/miniPlot.js';
export { scanCurvesPlot, scanHeatmapPlot } from './scan/plot.js';
export { experimentName } from './config/experimentName.js';
