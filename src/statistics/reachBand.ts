/**
 * The band of a reach curve: ε at −2σ, −1σ, the median, +1σ and +2σ for every
 * mass and for the best point, from the statistical fluctuations of the
 * expected limit (src/statistics/bands.ts), the input uncertainties
 * (src/statistics/systematics.ts), or both. Pure and browser-safe.
 */
import { ConfigError } from '../config/schema.js';
import type { ReachResult } from '../results.js';
import { BAND_QUANTILES, BAND_SIGMAS, statisticalBand } from './bands.js';
import { epsilonForSignal } from './expectedLimit.js';
import { systematicsBand, type InputUncertainty } from './systematics.js';
import { epsilonInvisibleOnly, epsilonWithVisibleDecays, visibleWidthRatio } from '../models/visibleDecays.js';

export interface ReachBand {
  /** What fluctuates: the observation, the inputs, or both. */
  kind: 'statistical' | 'systematic' | 'statistical+systematic';
  sigmas: number[];
  quantiles: number[];
  /** ε_N(m) / ε(m) at each quantile (1 at the median of the statistical band). */
  factors: number[];
  /** Signal counts the limit needs at each quantile (statistical band). */
  requiredSignal?: number[];
  /** Observed counts at each quantile (statistical band of a fixed target). */
  counts?: number[];
  /** The inputs that fluctuate, and how (systematic bands). */
  uncertainties?: InputUncertainty[];
  samples?: number;
  seed?: number;
  /** ε at each quantile, per mass of the curve (Infinity where there is no yield). */
  points: { massGeV: number; epsilon90: number[] }[];
  best: { massGeV: number; epsilon90: number[] };
  warnings: string[];
}

export interface BandOptions {
  /** The statistical band (`--band`). */
  statistical: boolean;
  /** Input uncertainties to propagate (`--systematics`). */
  systematics?: { uncertainties: readonly InputUncertainty[]; samples?: number; seed?: number };
}

export function reachBand(r: ReachResult, opts: BandOptions): ReachBand {
  if (r.config.analysis === 'spectral') {
    throw new ConfigError(
      'bands are computed for the counting analysis (analysis: counting): the binned likelihood of the spectral analysis has no single required signal to fluctuate',
      'analysis',
    );
  }
  const base = { sigmas: [...BAND_SIGMAS], quantiles: [...BAND_QUANTILES] };
  // with visible decays the curve is ε = T(ε₀) (models/visibleDecays.ts); the band moves ε₀ and maps it the same way
  const k = (mass: number) => visibleWidthRatio(r.config, mass);
  const scaled = (mass: number, epsilon: number, factor: number) =>
    factor === 1 || k(mass) === 0 ? epsilon * factor : epsilonWithVisibleDecays(epsilonInvisibleOnly(epsilon, k(mass)) * factor, k(mass));
  if (!opts.systematics) {
    if (!opts.statistical) throw new RangeError('a band needs the statistical fluctuations, the systematics, or both');
    const stat = statisticalBand(r.config, r.background, r.requiredSignal);
    const s = stat.requiredSignal;
    // ε from the same formula as the curve (all channels, src/reach.ts), so the median is the curve itself.
    return {
      kind: 'statistical',
      ...base,
      factors: s.map((x) => Math.sqrt(x / r.requiredSignal)),
      requiredSignal: s,
      ...(stat.counts ? { counts: stat.counts } : {}),
      points: r.points.map((p) => ({
        massGeV: p.massGeV,
        epsilon90: s.map((x) => epsilonWithVisibleDecays(epsilonForSignal(p.annihilation + p.bremsstrahlung + p.radiative, x), k(p.massGeV))),
      })),
      best: { massGeV: r.best.massGeV, epsilon90: s.map((x) => scaled(r.best.massGeV, r.best.epsilon90, Math.sqrt(x / r.requiredSignal))) },
      warnings: stat.warnings,
    };
  }
  const sys = systematicsBand(r.config, { ...opts.systematics, statistical: opts.statistical });
  const f = sys.factors;
  const warnings = opts.statistical ? statisticalBand(r.config, r.background, r.requiredSignal).warnings.filter((w) => !w.startsWith('the reach uses')) : [];
  if (opts.systematics.uncertainties.length === 0) warnings.push('no input carries an uncertainty: the systematic band is the curve itself');
  return {
    kind: opts.statistical ? 'statistical+systematic' : 'systematic',
    ...base,
    factors: f,
    uncertainties: opts.systematics.uncertainties.map((u) => ({ ...u })),
    samples: sys.samples,
    seed: sys.seed,
    points: r.points.map((p) => ({ massGeV: p.massGeV, epsilon90: f.map((x) => scaled(p.massGeV, p.epsilon90, x)) })),
    best: { massGeV: r.best.massGeV, epsilon90: f.map((x) => scaled(r.best.massGeV, r.best.epsilon90, x)) },
    warnings,
  };
}
