/**
 * vanish — reach of dark-sector searches in which collision products hit the
 * detector. The library is pure and runs in Node and in the browser; the CLI
 * and the web page only parse, call these functions and present.
 *
 * Units: every mass and energy the library takes or returns is in GeV
 * (`computeYield(config, 0.0667)` is 66.7 MeV; `parseMass('66.7MeV')`
 * converts text with a unit), angles in degrees, luminosity in ab⁻¹, depths
 * in radiation lengths X0, cross-sections in pb.
 */
export { parseConfig, parseAnyConfig, withOverrides, withOverridesFromInput, ConfigError, InputLimitError, FIELDS, FIXED_TARGET_FIELDS, experimentConfigSchema, fixedTargetConfigSchema } from './config/schema.js';
export type { ColliderOverrides, FixedTargetOverrides, ExperimentConfig, ColliderConfig, FixedTargetConfig, AnyExperimentConfig, ConfigField, FixedTargetField, FieldInfo } from './config/schema.js';
export { belle2, belle2_paper, babar, besiii, na64_2019, na64_2022, na64_eplus_2022, PRESETS, EXPERIMENTS } from './config/presets.js';
export { deepFreeze } from './config/presets.js';
export type { ExperimentPreset } from './config/presets.js';
export { parseMass, parseMassList, parseDecimal } from './config/quantity.js';
// ── every input's metadata (one home for the CLI, the web page and yours) ──
export {
  DEFAULT_EXPERIMENT,
  EXPERIMENT_NAMES,
  GRID,
  DEFAULT_POINTS,
  MIN_POINTS,
  MAX_POINTS,
  fieldTable,
  readGrid,
  parsePoints,
  allowedWithUnit,
  fieldValueFromText,
  describeSchema,
  bareMassWarning,
} from './config/fields.js';
export type { FieldGroup, FieldFlag, GridField, Kind } from './config/fields.js';
export { computeFlux, computeBackground, computeYield } from './analysis.js';
export { computeReach, logGrid, annihilationEdges, reachPoint } from './reach.js';
export type { ReachOptions } from './reach.js';
export type { FluxSummary, BackgroundSummary, YieldResult, ReachPoint, ReachResult, SpectralSummary } from './results.js';
export { spectralSetup } from './spectral/spectrum.js';
export type { SpectralSetup } from './spectral/spectrum.js';
export { material, MATERIAL_NAMES } from './materials/materials.js';
export { yieldContext } from './yields/context.js';
export { setStoredTablesLookup, type StoredTablesFile, type StoredTablesLookup } from './yields/storedTables.js';
export { epsilonLimit, requiredSignal } from './statistics/expectedLimit.js';
export { positronSpectrum, trackLengthDistribution } from './steps.js';
export { reachBand } from './statistics/reachBand.js';
export type { ReachBand, BandOptions } from './statistics/reachBand.js';
export { crossSection } from './crossSection.js';
export type { CrossSectionRequest, CrossSectionResult } from './crossSection.js';
// ── outputs: text formats (JSON, CSV and its sidecar, tables, HEPData) ──
export * from './format/index.js';
export { bandToObject, reachWithBandToJson, addBandToCsv, bandCsvMetadata, bandToTable } from './format/band.js';
// Figures (SVG text, pure and browser-safe; PNG and PDF are the CLI's, from these)
export { reachPlot, reachPlotLayout, bestIsInteriorMinimum } from './plot/reachPlot.js';
export type { ReachPlotOptions, ReachPlotLayout, ComparisonCurve } from './plot/reachPlot.js';
export { miniPlot } from './plot/miniPlot.js';
export type { MiniPlotOptions, MiniSeries, MiniAxis } from './plot/miniPlot.js';
export { scanCurvesPlot, scanHeatmapPlot } from './scan/plot.js';
export { experimentName } from './config/experimentName.js';
export { yPlanePlot, reachToYPlane, curveToYPlane, thermalTargetLine } from './plot/yPlane.js';
export { DARK_MATTER_MODELS, DARK_MATTER_LABELS, darkPairWidth, darkWidth, yVariable, epsilonForY, yPlanePoint, smallestMassRatio } from './models/darkMatter.js';
export type { DarkMatterModel, DarkSector } from './models/darkMatter.js';
export { leptonPairWidth, hadronicWidth, visibleWidthAtUnitMixing, invisibleBranchingRatio, epsilonWithVisibleDecays } from './models/visibleDecays.js';
export { hadronicR } from './models/hadronicR.js';
export { thermalTargetY, thermalTargetCurve, thermalTargetRange, relicAbundance } from './cosmology/thermalTarget.js';
