/**
 * The reach scan: yields and expected limits over a grid of A' masses, with
 * grid points on the kinematic edges of the annihilation yield and the best
 * point located beyond the grid.
 *
 * The edges (Sec. V, and README "The edge"): the resonance sits at
 * E_A' = m²/2m_e. The annihilation yield starts when E_A' reaches (1 − c)E_min,
 * jumps where E_A' = E_min + m_e — the resonance then reaches positrons of the
 * lowest barrel energy that have not yet radiated (v = E'/E → 1, where the
 * track length is singular but integrable) — has a kink at (1 − c)E_max and
 * ends at E_max + m_e. The strongest reach lies just above the jump, a few
 * resonance widths in mass, which a coarse grid misses.
 */
import type { AnyExperimentConfig } from './config/schema.js';
import { electronMass } from './constants.js';
import { electronsMove } from './target/comptonProfile.js';
import { minimizeScalar } from './numeric/minimize.js';
import type { ReachPoint, ReachResult } from './results.js';
import { epsilonForSignal, requiredSignalFor, statisticsWarning } from './statistics/expectedLimit.js';
import { limitValidity } from './statistics/validity.js';
import { annihilationYield, type YieldOptions } from './yields/annihilation.js';
import { bremsstrahlungYield } from './yields/bremsstrahlung.js';
import { NO_YIELD, radiativeYield } from './yields/radiative.js';
import { spectralSetup, type SpectralSetup } from './spectral/spectrum.js';
import { yieldContext, type YieldContext } from './yields/context.js';
import { curveYield, exactYield, type Channel } from './yields/curveYields.js';
import type { QuadratureResult } from './numeric/gaussKronrod.js';
import { backgroundFor } from './backgrounds/index.js';
import { checkMass, honestShape, honestYield } from './yields/massRange.js';
import { darkPhotonFor } from './models/darkPhoton.js';
import { excitedStateDecayLength } from './models/darkMatter.js';
import { epsilonWithVisibleDecays, invisibleBranchingRatio, visibleWidthRatio } from './models/visibleDecays.js';

/** n masses spaced evenly in log between min and max (GeV), both included. */
export function logGrid(min: number, max: number, n: number): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`logGrid needs 0 < min ≤ max and a whole n ≥ 1, got min=${min}, max=${max}, n=${n}`);
  }
  if (n === 1) return [min];
  const r = Math.log(max / min) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? max : min * Math.exp(r * i)));
}

/**
 * A' masses (GeV) at which the annihilation yield has kinematic edges,
 * m = √(2 m_e E_A'): for a continuous spectrum on [E_min, E_max] its onset at
 * (1 − c)E_min, the jump at E_min + m_e, the kink at (1 − c)E_max and the end at
 * E_max + m_e; for a line at E0 the onset (1 − c)E0 and the end E0 + m_e (a jump
 * when the line's own positrons are there to be unradiated, i.e. a positron beam).
 * With moving target electrons the labels say these are the at-rest edges.
 */
export function annihilationEdges(ctx: YieldContext): { massGeV: number; label: string }[] {
  const { energyMin, energyMax } = ctx.spectrum;
  const keep = 1 - ctx.config.energyCut;
  const m = (eA: number) => Math.sqrt(2 * electronMass * eA);
  const edges: { massGeV: number; label: string }[] = [];
  const spread = ctx.spectrum.spreadLine;
  if (spread) {
    const { energy, sigma } = spread;
    const pm = `(± ${(sigma * 100).toPrecision(2)} % spread)`;
    edges.push({ massGeV: m(keep * energy), label: `annihilation onset: E_A' = (1 − c) × ${energy} GeV ${pm}` });
    edges.push({
      massGeV: m(energy + electronMass),
      label:
        ctx.spectrum.particle === 'e+'
          ? `edge: resonance reaches unradiated ${energy} GeV positrons ${pm}`
          : `annihilation end: E_A' = ${energy} GeV + m_e ${pm}`,
    });
  } else if (ctx.spectrum.continuous) {
    edges.push(
      { massGeV: m(keep * energyMin), label: "annihilation onset: E_A' = (1 − c) E_min" },
      { massGeV: m(energyMin + electronMass), label: 'edge: resonance reaches unradiated positrons at E_min' },
      { massGeV: m(keep * energyMax), label: "kink: E_A' = (1 − c) E_max" },
      { massGeV: m(energyMax + electronMass), label: "annihilation end: E_A' = E_max + m_e" },
    );
  }
  for (const line of ctx.spectrum.lines) {
    edges.push(
      { massGeV: m(keep * line.energy), label: `annihilation onset: E_A' = (1 − c) × ${line.energy} GeV` },
      {
        massGeV: m(line.energy + electronMass),
        label:
          ctx.spectrum.particle === 'e+'
            ? `edge: resonance reaches unradiated ${line.energy} GeV positrons`
            : `annihilation end: E_A' = ${line.energy} GeV + m_e`,
      },
    );
  }
  // with moving electrons these are where electrons at rest would put them: the yield is smooth there
  // and reaches beyond the end (target/comptonProfile.ts)
  const note = electronsMove(ctx.config) ? ' (at rest; smeared by electron motion)' : '';
  return edges.map((e) => ({ ...e, label: e.label + note })).sort((a, b) => a.massGeV - b.massGeV);
}

/**
 * A user's configuration error (a ConfigError or InputLimitError naming a config field; told by name so
 * this module does not load the schema), as opposed to a failure at one mass.
 */
const isConfigError = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'ConfigError' || e.name === 'InputLimitError') && (e as { field?: unknown }).field !== 'mass';

export interface ReachOptions extends YieldOptions {
  /** Add the edge masses inside the range to the grid (default true). */
  includeEdges?: boolean;
  /** Called after each mass with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Points already computed for some masses by {@link reachPoint} with the same configuration
   * (src/scan/points.ts, e.g. on worker threads), used as they are: the result is the same.
   */
  points?: ReadonlyMap<number, ReachPoint>;
  /**
   * Leave out a mass whose yields cannot be computed (a numerical failure at
   * that mass, listed in the result's `skipped`) instead of failing the whole
   * scan (default false). A configuration error still throws, and so does a
   * scan in which no mass could be computed.
   */
  skipFailedMasses?: boolean;
  /** Halvings of the mass grids' step allowed (yields/massGrid.ts; default per channel); set for the best-point search. */
  finestLevel?: number;
  /** The yields computed at the mass itself, not interpolated, and kept with the curve's (yields/curveYields.ts); set for the best point. */
  atMass?: boolean;
}

/** Yields and limits at one mass, for a context and the signal count the statistics requires. */
export function reachPoint(
  ctx: YieldContext,
  required: number,
  mass: number,
  options: YieldOptions & Pick<ReachOptions, 'finestLevel' | 'atMass'> = {},
  spectral?: SpectralSetup,
): ReachPoint {
  checkMass(mass);
  if (!(required >= 0) || !Number.isFinite(required)) throw new RangeError(`the required signal must be finite and ≥ 0, got ${required}`);
  // massInterpolation 'auto': a curve's yields come from the shared mass grids (yields/curveYields.ts) unless asked otherwise
  const grid = (options.massGrid ?? true) && ctx.config.massInterpolation !== 'off';
  // otherwise each yield is computed at the mass on this context, and kept (exactYield: the direct numbers bit for bit)
  const exact = (channel: Channel, compute: () => QuadratureResult) => exactYield(ctx, channel, mass, options.relTol, compute);
  const ann = honestYield('annihilation', mass, () =>
    grid ? curveYield(ctx, 'annihilation', mass, options) : exact('annihilation', () => annihilationYield(ctx, mass, options)),
  );
  const bre = honestYield('bremsstrahlung', mass, () =>
    grid ? curveYield(ctx, 'bremsstrahlung', mass, options) : exact('bremsstrahlung', () => bremsstrahlungYield(ctx, mass, { ...options, massGrid: false })),
  );
  const rad = ctx.config.radiativeAnnihilation
    ? honestYield('radiative', mass, () => (grid ? curveYield(ctx, 'radiative', mass, options) : exact('radiative', () => radiativeYield(ctx, mass, options))))
    : NO_YIELD;
  const counting = epsilonForSignal(ann.value + bre.value + rad.value, required);
  let limits = {
    epsilon90: counting,
    epsilon90Annihilation: epsilonForSignal(ann.value, required),
    epsilon90Bremsstrahlung: epsilonForSignal(bre.value, required),
    epsilon90Radiative: epsilonForSignal(rad.value, required),
  };
  if (spectral) {
    // the binned shapes meet their tolerance or the mass is refused in one line, like the yields
    const s = honestShape(mass, () => spectral.signal(mass, { annihilation: ann.value, bremsstrahlung: bre.value, radiative: rad.value }));
    limits = {
      epsilon90: spectral.epsilon(s.annihilation.map((v, k) => v + s.bremsstrahlung[k] + s.radiative[k])),
      epsilon90Annihilation: spectral.epsilon(s.annihilation),
      epsilon90Bremsstrahlung: spectral.epsilon(s.bremsstrahlung),
      epsilon90Radiative: spectral.epsilon(s.radiative),
    };
  }
  // visible decays (models/visibleDecays.ts): the limit for invisible decays alone, ε₀, becomes ε = ε₀/√(1 − kε₀²)
  const { config } = ctx;
  const model = darkPhotonFor(config, mass);
  const k = visibleWidthRatio(config, mass);
  const epsilonBefore = limits.epsilon90;
  if (config.visibleDecays) {
    limits = {
      epsilon90: epsilonWithVisibleDecays(limits.epsilon90, k),
      epsilon90Annihilation: epsilonWithVisibleDecays(limits.epsilon90Annihilation, k),
      epsilon90Bremsstrahlung: epsilonWithVisibleDecays(limits.epsilon90Bremsstrahlung, k),
      epsilon90Radiative: epsilonWithVisibleDecays(limits.epsilon90Radiative, k),
    };
  }
  const epsilon90Counting = config.visibleDecays ? epsilonWithVisibleDecays(counting, k) : counting;
  // visible decays won: a signal, but no ε at which its invisible part reaches the required count
  // (an ε₀ ≥ 1 is no limit in the first place: that is what the flag says then)
  const noInvisibleLimit = config.visibleDecays && !Number.isFinite(limits.epsilon90) && epsilonBefore < 1;
  const judged = !Number.isFinite(limits.epsilon90) && Number.isFinite(epsilonBefore) && epsilonBefore >= 1 ? epsilonBefore : limits.epsilon90;
  return {
    massGeV: mass,
    annihilation: ann.value,
    annihilationError: ann.error,
    bremsstrahlung: bre.value,
    bremsstrahlungError: bre.error,
    radiative: rad.value,
    radiativeError: rad.error,
    ...limits,
    epsilon90Counting,
    // none without a limit (NaN: null in JSON, empty in CSV)
    invisibleBranchingRatio90: Number.isFinite(limits.epsilon90) ? invisibleBranchingRatio(mass, limits.epsilon90, model.width) : NaN,
    ...limitValidity(mass, judged, config.alphaD, config.massRatio, config, noInvisibleLimit),
  };
}

/**
 * Scans the masses (GeV), returns the curve, the background, the edges and the
 * best point. The best point is the grid/edge point with the smallest ε,
 * refined by Brent's method between its neighbours to 0.005 MeV.
 */
export function computeReach(input: Readonly<AnyExperimentConfig>, masses: readonly number[], options: ReachOptions = {}): ReachResult {
  if (!Array.isArray(masses) || masses.length === 0) throw new RangeError('computeReach needs at least one mass');
  for (const m of masses) checkMass(m);
  const ctx = yieldContext(input);
  const config = ctx.config;
  const positrons = ctx.spectrum.total;
  const bg = backgroundFor(config, positrons, ctx.target, ctx.spectrum.energyMin);
  const required = requiredSignalFor(config, bg.total);
  // built (and its bins checked) before any yield is computed
  const spectral = config.analysis === 'spectral' ? spectralSetup(ctx, bg) : undefined;
  const lo = Math.min(...masses);
  const hi = Math.max(...masses);
  const edges = annihilationEdges(ctx);
  const inRange = edges.filter((e) => e.massGeV >= lo && e.massGeV <= hi).map((e) => e.massGeV);
  const grid = [...new Set([...masses, ...(options.includeEdges === false ? [] : inRange)])].sort((a, b) => a - b);
  const points: ReachPoint[] = [];
  const skipped: { massGeV: number; reason: string }[] = [];
  let firstFailure: unknown;
  for (const m of grid) {
    try {
      points.push(options.points?.get(m) ?? reachPoint(ctx, required, m, options, spectral));
    } catch (e) {
      if (!options.skipFailedMasses || isConfigError(e)) throw e;
      firstFailure ??= e;
      skipped.push({ massGeV: m, reason: e instanceof Error ? e.message : String(e) });
    }
    options.onProgress?.(points.length + skipped.length, grid.length);
  }
  if (points.length === 0) throw firstFailure;
  // the search between grid masses may use finer mass grids (their nodes serve the next configuration that
  // keeps the channel's inputs: an α_D edit); its result is recomputed directly below
  const found = bestPoint(ctx, required, points, inRange, lo, hi, { ...options, finestLevel: SEARCH_LEVEL }, spectral);
  // the best point is never interpolated: its ε is computed directly at the mass found
  const best = (options.massGrid ?? true) && config.massInterpolation !== 'off' ? directBest(ctx, required, found, options, spectral) : found;
  const result: ReachResult = {
    config,
    positrons,
    background: bg.total,
    requiredSignal: required,
    points,
    best: { ...best, ...bestValidity(best, points, config) },
    edges,
    warnings: [
      ...bg.warnings,
      ...[statisticsWarning(config, bg.total)].filter((w): w is string => w !== undefined),
      ...sourceWarnings(ctx),
      ...validityWarnings(points),
      ...excitedStateWarnings(ctx, points),
    ],
    ...(spectral
      ? { spectral: { quantity: spectral.quantity, edges: spectral.edges, mergedEdges: spectral.mergedEdges, background: spectral.background } }
      : {}),
  };
  if (options.skipFailedMasses) result.skipped = skipped;
  return result;
}

/** Halvings of the mass grids' step allowed to the best-point search (yields/massGrid.ts). */
const SEARCH_LEVEL = 7;

/** The best point's ε recomputed with every yield computed directly at its mass (massGrid off). */
function directBest(
  ctx: YieldContext,
  required: number,
  found: { massGeV: number; epsilon90: number },
  options: ReachOptions,
  spectral?: SpectralSetup,
): { massGeV: number; epsilon90: number } {
  if (!Number.isFinite(found.epsilon90)) return found; // no limit anywhere: a grid point whose flag says why
  try {
    return { massGeV: found.massGeV, epsilon90: reachPoint(ctx, required, found.massGeV, { ...options, atMass: true }, spectral).epsilon90 };
  } catch (e) {
    if (!options.skipFailedMasses || isConfigError(e)) throw e;
    return { massGeV: found.massGeV, epsilon90: Infinity };
  }
}

/**
 * The best point's validity: where no mass has a finite limit it is a grid point, whose
 * flag already says why (ε90 ≥ 1 before visible decays made it infinite, no signal, …).
 */
function bestValidity(best: { massGeV: number; epsilon90: number }, points: ReachPoint[], config: ReachResult['config']) {
  const at = Number.isFinite(best.epsilon90) ? undefined : points.find((p) => p.massGeV === best.massGeV);
  if (at) return at.valid ? { valid: true } : { valid: false, note: at.note };
  return limitValidity(best.massGeV, best.epsilon90, config.alphaD, config.massRatio, config);
}

/** Shortest lab decay length of χ₂ (m) below which the pseudo-Dirac invisible assumption is flagged. */
const EXCITED_STATE_MIN_LENGTH = 3;

/**
 * Pseudo-Dirac dark matter is counted as invisible assuming χ₂ leaves the detector: a
 * warning names the masses where, at the limit, χ₂ → χ₁e⁺e⁻ would decay within
 * {@link EXCITED_STATE_MIN_LENGTH} m (for χ₂ carrying half the lowest lepton energy).
 */
function excitedStateWarnings(ctx: YieldContext, points: ReachPoint[]): string[] {
  const { config } = ctx;
  if (config.darkMatter !== 'pseudoDirac') return [];
  const energy = ctx.spectrum.energyMin / 2;
  const short = points.filter((p) => excitedStateDecayLength(p.massGeV, p.epsilon90, config, energy) < EXCITED_STATE_MIN_LENGTH);
  if (short.length === 0) return [];
  return [
    `pseudo-Dirac: at the limit χ₂ → χ₁e⁺e⁻ would decay within ${EXCITED_STATE_MIN_LENGTH} m at ${short.length} of ${points.length} masses (${massRange(short)}) (cτ ∝ 1/(ε²α_D δ⁵)): the assumption that χ₂ stays invisible fails there`,
  ];
}

/** Caveats of the lepton source (a beam energy spread that does not apply). */
function sourceWarnings(ctx: YieldContext): string[] {
  return ctx.spectrum.warnings ?? [];
}

/** The masses of some points (in increasing order), for a warning: `m_A′ = 1 GeV` or `m_A′ from 0.4833 to 1 GeV`. */
function massRange(points: readonly ReachPoint[]): string {
  const shown = (m: number) => Number(m.toPrecision(4));
  const lo = points[0].massGeV;
  const hi = points[points.length - 1].massGeV;
  return points.length === 1 || lo === hi ? `m_A′ = ${shown(lo)} GeV` : `m_A′ from ${shown(lo)} to ${shown(hi)} GeV`;
}

/** A warning line for the masses whose limit is not meaningful (valid: false), with the reasons. */
function validityWarnings(points: ReachPoint[]): string[] {
  const invalid = points.filter((p) => !p.valid);
  if (invalid.length === 0) return [];
  const range = massRange(invalid);
  // one entry per reason; the visible-width ratio, which differs from mass to mass, as its range
  const ratios = new Map<string, number[]>();
  for (const p of invalid) {
    const note = p.note ?? '';
    const m = /is ([0-9.e+-]+) × /.exec(note);
    const key = m ? note.replace(m[0], 'is # × ') : note;
    ratios.set(key, [...(ratios.get(key) ?? []), ...(m ? [Number(m[1])] : [])]);
  }
  const notes = [...ratios]
    .map(([key, r]) => (r.length === 0 ? key : key.replace('#', r.length === 1 || Math.min(...r) === Math.max(...r) ? String(r[0]) : `${Math.min(...r)} to ${Math.max(...r)}`)))
    .join('; ');
  return [`no meaningful limit at ${invalid.length} of ${points.length} masses (${range}), marked valid: false: ${notes}`];
}

function bestPoint(
  ctx: YieldContext,
  required: number,
  points: ReachPoint[],
  edgeMasses: number[],
  lo: number,
  hi: number,
  options: ReachOptions,
  spectral?: SpectralSetup,
): { massGeV: number; epsilon90: number } {
  const at = (m: number) => reachPoint(ctx, required, m, options, spectral).epsilon90;
  // With skipFailedMasses a mass that cannot be computed is never the best.
  const eps = options.skipFailedMasses
    ? (m: number) => {
        try {
          return at(m);
        } catch (e) {
          if (isConfigError(e)) throw e;
          return Infinity;
        }
      }
    : at;
  const candidates = points.map((p) => ({ m: p.massGeV, e: p.epsilon90 }));
  for (const m of edgeMasses) if (!candidates.some((c) => c.m === m)) candidates.push({ m, e: eps(m) });
  candidates.sort((a, b) => a.m - b.m);
  let i = 0;
  for (let j = 1; j < candidates.length; j++) if (candidates[j].e < candidates[i].e) i = j;
  let best = { massGeV: candidates[i].m, epsilon90: candidates[i].e };
  if (candidates.length < 2 || !Number.isFinite(best.epsilon90)) return best;
  const a = i > 0 ? candidates[i - 1].m : lo;
  const b = i < candidates.length - 1 ? candidates[i + 1].m : hi;
  if (b > a) {
    const r = minimizeScalar(eps, a, b, { xTol: 5e-6 });
    if (r.fx < best.epsilon90) best = { massGeV: r.x, epsilon90: r.fx };
  }
  return best;
}
