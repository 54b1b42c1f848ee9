/**
 * The light-dark-matter plane: a reach drawn as y = ε² α_D (m_χ/m_A′)⁴ against
 * m_χ = m_A′/massRatio (Izaguirre, Krnjaic, Schuster & Toro, PRL 115 (2015)
 * 251301), with the thermal-relic target of the configuration's dark-matter
 * model computed by cosmology/thermalTarget.ts (not digitised). Every curve —
 * the reach, its processes, its band, comparison curves given as (m_A′, ε) — is
 * moved by the same exact conversion (models/darkMatter.ts yPlanePoint), at the
 * configuration's α_D and mass ratio. Pure and browser-safe.
 */
import type { ReachResult } from '../results.js';
import { DARK_MATTER_LABELS, yVariable } from '../models/darkMatter.js';
import { thermalTargetCurve, thermalTargetRange } from '../cosmology/thermalTarget.js';
import { reachPlot, type ComparisonCurve, type ReachPlotOptions } from './reachPlot.js';

type Config = ReachResult['config'];

const toY = (config: Config) => (epsilon: number) => yVariable(epsilon, config.alphaD, config.massRatio);

/** The reach in the y–m_χ plane: masses m_χ (GeV), every limit y (the result's shape, for drawing). */
export function reachToYPlane(r: ReachResult): ReachResult {
  const y = toY(r.config);
  const R = r.config.massRatio;
  return {
    ...r,
    points: r.points.map((p) => ({
      ...p,
      massGeV: p.massGeV / R,
      epsilon90: y(p.epsilon90),
      epsilon90Annihilation: y(p.epsilon90Annihilation),
      epsilon90Bremsstrahlung: y(p.epsilon90Bremsstrahlung),
      epsilon90Radiative: y(p.epsilon90Radiative),
      epsilon90Counting: y(p.epsilon90Counting),
    })),
    best: { ...r.best, massGeV: r.best.massGeV / R, epsilon90: y(r.best.epsilon90) },
    edges: r.edges.map((e) => ({ ...e, massGeV: e.massGeV / R })),
  };
}

/** A (m_A′, ε) curve moved to (m_χ, y) at the configuration's α_D and mass ratio. */
export function curveToYPlane(c: ComparisonCurve, config: Config): ComparisonCurve {
  const y = toY(config);
  return { ...c, points: c.points.map(([m, e]) => [m / config.massRatio, y(e)] as [number, number]) };
}

/** The thermal-relic target of the configuration's model as a theory line, [m_χ GeV, y] (computed: Ω h² = 0.120). */
export function thermalTargetLine(config: Config, points = 24): ComparisonCurve {
  const [lo, hi] = thermalTargetRange(config);
  return {
    label: `thermal relic, ${DARK_MATTER_LABELS[config.darkMatter]}${config.darkMatter === 'pseudoDirac' ? ` δ = ${config.massSplitting}` : ''} (Ω h² = 0.12; e, μ, hadrons)`,
    points: lo < hi ? thermalTargetCurve(config, points) : [],
  };
}

export interface YPlanePlotOptions extends Omit<ReachPlotOptions, 'plane'> {
  /** Draw the model's thermal-relic target (default true), or this line instead. */
  thermalTarget?: boolean | ComparisonCurve;
}

/**
 * The reach figure in the y–m_χ plane. `comparisons` and `band` are given as
 * for the ε plane (m_A′, ε) and converted here; `xDomain` and `yDomain` are the
 * axes drawn: m_χ (GeV) and y (as `--x-range` and the web page's view give them).
 */
export function yPlanePlot(r: ReachResult, opts: YPlanePlotOptions = {}): string {
  const y = toY(r.config);
  const target = opts.thermalTarget ?? true;
  const targets = target === false ? [] : [target === true ? thermalTargetLine(r.config) : target];
  return reachPlot(reachToYPlane(r), {
    ...opts,
    plane: 'y',
    comparisons: (opts.comparisons ?? []).map((c) => curveToYPlane(c, r.config)),
    targets,
    band: opts.band
      ? { ...opts.band, epsilon90: opts.band.epsilon90.map((row) => row.map(y)), best: opts.band.best?.map(y) }
      : undefined,
  });
}
