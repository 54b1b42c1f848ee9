/**
 * What the yield integrals need and what does not depend on the A' mass:
 * the leptons entering the target, the target, the track-length tables.
 * Built once per configuration and shared by every mass of a scan; the
 * tables built on first use are also kept for the next contexts whose
 * configuration agrees on every field they read (tablesFor).
 */
import { parseAnyConfig, type AnyExperimentConfig } from '../config/schema.js';
import { invAb } from '../constants.js';
import { bhabhaDSigmaDCos, bhabhaSource, type BhabhaSource } from '../flux/bhabha.js';
import { material, type Material } from '../materials/materials.js';
import { integrate, type QuadratureOptions, type QuadratureResult } from '../numeric/gaussKronrod.js';
import {
  ALL_LEPTONS,
  POSITRONS_OF_ELECTRON_SHOWER,
  POSITRONS_OF_POSITRON_SHOWER,
  trackLengthTable,
  type TrackLengthTable,
} from '../shower/trackLength.js';
import { annihilationKernelAdaptive, annihilationKernelTable, type AnnihilationKernelTable, type KernelData } from './annihilationKernel.js';
import { movingElectronKernel, type ResonanceKernel } from './movingElectrons.js';
import { dopplerSmearedSource, type DopplerSource } from './dopplerSpectrum.js';
import { electronProfile } from '../target/comptonProfile.js';
import { storedTablesFor, type StoredTables } from './storedTables.js';

/**
 * Leptons entering the target: a continuous spectrum dN/dE (Bhabha positrons
 * of an asymmetric collider) and/or lines of fixed energy (a beam, or the
 * positrons of a symmetric collider).
 */
export interface LeptonSource {
  /** The particle that enters the target. */
  particle: 'e+' | 'e-';
  /** Lowest and highest energy present, GeV. */
  energyMin: number;
  energyMax: number;
  /** dN/dE of the continuous part, per GeV (zero outside it, and zero for a source of lines only). */
  dNdE(E: number): number;
  /** Whether there is a continuous part on [energyMin, energyMax]. */
  continuous: boolean;
  /** Mono-energetic components. */
  lines: ReadonlyArray<{ energy: number; count: number }>;
  /** Total number of leptons. */
  total: number;
  /**
   * ∫ dE dN/dE g(E) + Σ count·g(E_line), the continuum in the variable in which
   * dN/dE is smoothest (the source knows it); g must be smooth on the range
   * apart from kinks at `energyPoints` (GeV), which become breakpoints.
   */
  fold(g: (E: number) => number, options: QuadratureOptions, energyPoints?: readonly number[]): QuadratureResult;
  /** A line smeared by the beam energy spread: its nominal energy, count and relative σ. */
  spreadLine?: { energy: number; count: number; sigma: number };
  /** Caveats about the source (a spread that does not apply). */
  warnings?: string[];
}

export interface YieldContext {
  config: AnyExperimentConfig;
  spectrum: LeptonSource;
  target: Material;
  /** Track-length table of the positrons that can annihilate, for the calorimeter depth L_T (Eq. 11); built when first read. */
  readonly annihilationTrack: TrackLengthTable;
  /** Track-length table of the leptons that radiate A′, for the bremsstrahlung depth of Eq. 12. */
  readonly bremsstrahlungTrack: TrackLengthTable;
  /** F(E_A') of Eq. (11) for the continuous part, tabulated on first use. */
  annihilationKernel(): AnnihilationKernelTable;
  /** G(s) of Eq. (11) folded over the target's Compton profile (electronMotion: comptonProfile), tabulated on first use. */
  movingElectronKernel(): ResonanceKernel;
  /** The source as the target's moving electrons see it, for e⁺e⁻ → γA′ (dopplerSpectrum.ts), built on first use. */
  dopplerSource(): DopplerSource;
}

/** A mono-energetic source: `count` particles of energy `energy` (GeV). */
export function lineSource(particle: 'e+' | 'e-', energy: number, count: number): LeptonSource {
  return {
    particle,
    energyMin: energy,
    energyMax: energy,
    dNdE: () => 0,
    continuous: false,
    lines: [{ energy, count }],
    total: count,
    fold(g) {
      const value = count * g(energy);
      return { value, error: 0, evaluations: 1, intervals: 0, converged: true };
    },
  };
}

/** Half-width of a smeared line, in σ: the Gaussian is cut (and renormalised) at ±SPREAD_CUT σ. */
export const SPREAD_CUT = 6;

/**
 * A line of `count` leptons of nominal energy E0 with a Gaussian relative
 * spread σ_E/E = sigma: a continuous source dN/dE = count·N(E; E0, σE0) on
 * E0(1 ± 6σ), renormalised to `count` (the cut tails hold 2e−9 of it).
 */
export function gaussianLineSource(particle: 'e+' | 'e-', energy: number, count: number, sigma: number): LeptonSource {
  const sd = sigma * energy;
  const lo = energy - SPREAD_CUT * sd;
  const hi = energy + SPREAD_CUT * sd;
  const norm = count / (sd * Math.sqrt(2 * Math.PI) * erfCut(SPREAD_CUT));
  const dNdE = (E: number) => (E < lo || E > hi ? 0 : norm * Math.exp(-0.5 * ((E - energy) / sd) ** 2));
  return {
    particle,
    energyMin: lo,
    energyMax: hi,
    dNdE,
    continuous: true,
    lines: [],
    total: count,
    spreadLine: { energy, count, sigma },
    fold(g) {
      // Gauss–Hermite in z = (E − E0)/σE, 3 nodes (exact to z⁵): the yields folded here vary
      // smoothly (like powers of E) across a few σ ≤ 0.1 E0. Error: the whole σ² term, |GH3 − g(E0)|.
      const g0 = g(energy);
      const dz = sd * Math.SQRT2 * HERMITE_3[1][0];
      const value = (count * (HERMITE_3[0][1] * g0 + HERMITE_3[1][1] * (g(energy + dz) + g(energy - dz)))) / Math.sqrt(Math.PI);
      return { value, error: Math.abs(value - count * g0), evaluations: 3, intervals: 1, converged: true };
    },
  };
}

/** Gauss–Hermite nodes x ≥ 0 and weights for ∫ e^{−x²} f, 3 points: 0, ±√(3/2); 2√π/3, √π/6. */
const HERMITE_3 = [
  [0, 1.1816359006036772],
  [1.224744871391589, 0.29540897515091934],
] as const;

/** P(|z| < k) for a standard normal, by the series of erf (k ≤ 8). */
function erfCut(k: number): number {
  const x = k / Math.SQRT2;
  // erf x = 1 − erfc x; erfc by its continued fraction for x ≥ 3 is ~1e−17 at x = 4.2
  if (x > 4) return 1 - Math.exp(-x * x) / (x * Math.sqrt(Math.PI)) * (1 - 1 / (2 * x * x));
  let sum = x;
  let term = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const t = term / (2 * n + 1);
    sum += t;
    if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/**
 * Eq. (4) times the luminosity: the Bhabha positrons in the barrel as dN/dE.
 * `fold` integrates in x = ln(1 + cos θ*), where dN = L (πα²/2s)(3 + cos²θ*)² e^{−x} dx
 * (Eq. 3) has no trace left of the forward peak. A symmetric collider gives a line at E*.
 */
export function bhabhaSpectrum(source: BhabhaSource, lumiAb: number, beamEnergySpread = 0): LeptonSource {
  const L = lumiAb * invAb;
  if (source.monoenergetic) {
    return beamEnergySpread > 0
      ? gaussianLineSource('e+', source.eStar, L * source.crossSection, beamEnergySpread)
      : lineSource('e+', source.eStar, L * source.crossSection);
  }
  const gInv = Math.sqrt(1 - source.beta * source.beta);
  const energyAt = (c: number) => (source.eStar * (1 + source.beta * c)) / gInv; // E = γE*(1 + β cos θ*)
  const xA = Math.log1p(source.cosStarAtEnergyMin);
  const xB = Math.log1p(source.cosStarAtEnergyMax);
  return {
    particle: 'e+',
    energyMin: source.energyMin,
    energyMax: source.energyMax,
    dNdE: (E) => L * source.dSigmaDE(E),
    continuous: true,
    lines: [],
    total: L * source.crossSection,
    fold(g, options, energyPoints = []) {
      const cosStar = (E: number) => ((gInv * E) / source.eStar - 1) / source.beta;
      const points = energyPoints
        .filter((E) => E > source.energyMin && E < source.energyMax)
        .map((E) => Math.log1p(cosStar(E)));
      const r = integrate(
        (x) => {
          const c = Math.expm1(x);
          return bhabhaDSigmaDCos(source.s, c) * (1 + c) * g(energyAt(c));
        },
        Math.min(xA, xB),
        Math.max(xA, xB),
        { ...options, points: [...(options.points ?? []), ...points] },
      );
      return { ...r, value: L * r.value, error: L * r.error };
    },
  };
}

/** The leptons a configuration sends into its target. */
export function leptonSource(config: AnyExperimentConfig): LeptonSource {
  const spread = config.beamEnergySpread ?? 0;
  if (config.kind === 'fixedTarget') {
    return spread > 0
      ? gaussianLineSource(config.beamParticle, config.beamEnergy, config.particlesOnTarget, spread)
      : lineSource(config.beamParticle, config.beamEnergy, config.particlesOnTarget);
  }
  const source = bhabhaSource(config.electronBeamEnergy, config.positronBeamEnergy, config.thetaMin, config.thetaMax);
  const spectrum = bhabhaSpectrum(source, config.lumi, spread);
  if (spread > 0 && !source.monoenergetic) {
    spectrum.warnings = [
      `beamEnergySpread = ${spread} is not applied: asymmetric beams give a continuous Bhabha spectrum (it would move its ends by ${(spread * 100).toPrecision(2)} %)`,
    ];
  }
  return spectrum;
}

/** Fields no yield at ε = 1 reads (selection-free statistics, backgrounds, spectral analysis, visible decays); no table either. */
export const NOT_READ_BY_YIELDS = [
  'analysis',
  'spectralBins',
  'resolutionStochastic',
  'resolutionConstant',
  'momentumResolution',
  'statistics',
  'deltaChi2',
  'confidenceLevel',
  'photonVetoInefficiency',
  'klmInteractionLengths',
  'neutronSimulatedPositrons',
  'neutronSimulatedDepth',
  'neutronSingleEvents',
  'neutronMultiEvents',
  'neutronCutFlowEnergyCut',
  'neutronPenetration',
  'backgroundEvents',
  'observedEvents',
  'visibleDecays',
  'massInterpolation',
  'signalEfficiency',
];
/** The dark sector: read by the resonance's yield (and by e⁺e⁻ → γA′ through its soft cut), by no table. */
export const DARK_SECTOR = ['alphaD', 'massRatio', 'darkMatter', 'massSplitting'];
/** Read by A′-strahlung only. */
export const BREMSSTRAHLUNG_ONLY = ['bremsstrahlungModel', 'bremsstrahlungDepth', 'bremsstrahlungTracks'];

/**
 * Fields that none of the mass-independent tables below reads (F, G, the Doppler-smeared
 * source depend on the lepton source, the energy cut, the calorimeter depth and the
 * material only). Every other field, present or future, is part of the tables' key.
 */
const NOT_IN_TABLES = new Set([...NOT_READ_BY_YIELDS, ...DARK_SECTOR, ...BREMSSTRAHLUNG_ONLY, 'electronMotion', 'radiativeAnnihilation']);

/**
 * Fields that only scale the source linearly (dN/dE, the lines' counts, the total): the
 * tables are built at a reference value of them and scaled (every F, G, dÑ/dE and error
 * bound is linear in the source, Eqs. 11 and (*) of dopplerSpectrum.ts), so these fields
 * are not in the tables' key either. The reference luminosity is the paper's 50 ab⁻¹, so
 * that `belle2-paper` (and `belle2`) use their tables unscaled, bit for bit as when the
 * tables were built at the configuration's own luminosity.
 */
export const REFERENCE_NORMALISATION = { lumi: 50, particlesOnTarget: 1 } as const;

/** The configuration's normalisation over the reference one: the factor on every table value. */
export function tableScale(config: AnyExperimentConfig): number {
  return config.kind === 'fixedTarget'
    ? config.particlesOnTarget / REFERENCE_NORMALISATION.particlesOnTarget
    : config.lumi / REFERENCE_NORMALISATION.lumi;
}

/** The configuration at the reference normalisation (the one its tables are built for). */
function atReference(config: AnyExperimentConfig): AnyExperimentConfig {
  return config.kind === 'fixedTarget'
    ? { ...config, particlesOnTarget: REFERENCE_NORMALISATION.particlesOnTarget }
    : { ...config, lumi: REFERENCE_NORMALISATION.lumi };
}

/** The tables of one configuration at one normalisation. */
interface ScaledTables {
  kernel?: AnnihilationKernelTable;
  moving?: ResonanceKernel;
  doppler?: DopplerSource;
}

/** Tables at the reference normalisation, and their views at the other normalisations asked for. */
interface Tables extends ScaledTables {
  key: string;
  views: Map<number, ScaledTables>;
  /** The stored tables of this key (yields/storedTables.ts), once asked for; null: none. */
  stored?: StoredTables | null;
}

/** Views kept per table set (a scan of the luminosity); each view's Doppler source holds its own quadrature rules. */
const VIEWS_PER_TABLES = 16;

/** Tables of the last few configurations (by the fields they read), most recent last. */
const tableCache = new Map<string, Tables>();
const TABLE_CACHE_SIZE = 8;

/**
 * The key of a configuration's tables: every field they read, as JSON, sorted by name
 * (every field but NOT_IN_TABLES and the normalisation of REFERENCE_NORMALISATION); without
 * `notRead` too, for a table that reads fewer ({@link NOT_IN_DOPPLER}).
 */
export function tableKey(config: AnyExperimentConfig, notRead: ReadonlySet<string> = NO_FIELDS): string {
  const entries = Object.entries(config)
    .filter(([k]) => !NOT_IN_TABLES.has(k) && !(k in REFERENCE_NORMALISATION) && !notRead.has(k))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  // G and the Doppler source depend on the profile's kinematics: the first-order ones get their own tables
  if (config.electronMotion === 'comptonProfileLinear') entries.push(['electronMotion', config.electronMotion]);
  return JSON.stringify(entries);
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Table fields the Doppler-smeared source does not read: it is the lepton source folded with the
 * electrons' profile (dopplerSpectrum.ts), before any cut or depth. A scan of the cut or the depth
 * builds it once (a test checks that neither field changes it).
 */
export const NOT_IN_DOPPLER: ReadonlySet<string> = new Set(['energyCut', 'calorimeterDepth']);

/** Doppler-smeared sources of the last few configurations, by {@link tableKey} without {@link NOT_IN_DOPPLER}. */
const dopplerCache = new Map<string, DopplerSource>();

/**
 * The value of `key` in `cache`, or `make()`'s, kept as the most recent (a Map keeps insertion
 * order: most recent last); the least recent is dropped beyond `size` entries.
 */
function kept<K, V>(cache: Map<K, V>, key: K, size: number, make: () => V): V {
  let v = cache.get(key);
  if (v !== undefined) cache.delete(key);
  else v = make();
  cache.set(key, v);
  if (cache.size > size) cache.delete(cache.keys().next().value as K);
  return v;
}

/**
 * The mass-independent tables of a configuration, shared by every context whose
 * configuration agrees on the fields they read (a scan of α_D or of the luminosity, a
 * changed statistic or a new analysis reuses them; a changed cut, depth or material does not).
 */
function tablesFor(config: AnyExperimentConfig): Tables {
  const key = tableKey(config);
  return kept(tableCache, key, TABLE_CACHE_SIZE, () => ({ key, views: new Map() }));
}

/** The view of the tables at `scale` × the reference normalisation (the tables themselves at 1). */
function viewAt(tables: Tables, scale: number): ScaledTables {
  if (scale === 1) return tables;
  return kept(tables.views, scale, VIEWS_PER_TABLES, () => ({}));
}

/** F scaled by f: every value and absolute error × f (F is linear in dN/dE). */
function scaledKernel(k: AnnihilationKernelTable, f: number): AnnihilationKernelTable {
  return {
    start: k.start,
    cusp: k.cusp,
    kink: k.kink,
    end: k.end,
    kinks: k.kinks,
    absError: f * k.absError,
    at: (eA) => f * k.at(eA),
    errorAt: (eA) => f * k.errorAt(eA),
    nearStart: { at: (eA) => f * k.nearStart.at(eA), errorAt: (eA) => f * k.nearStart.errorAt(eA) },
  };
}

/** G scaled by f (linear in the source): values and the absolute error × f, the relative error kept. */
function scaledMoving(g: ResonanceKernel, f: number): ResonanceKernel {
  return {
    sLo: g.sLo,
    sHi: g.sHi,
    kinks: g.kinks,
    relError: g.relError,
    at: (s) => f * g.at(s),
    absErrorAt: (s) => f * g.absErrorAt(s),
  };
}

/**
 * dÑ/dE scaled by f, with a cache of its own: the quadrature rules kept there are built on
 * this view's dÑ/dE (yields/radiative.ts), so a view never uses rules of another scale.
 */
function scaledDoppler(d: DopplerSource, f: number): DopplerSource {
  return {
    energyMin: d.energyMin,
    energyMax: d.energyMax,
    points: d.points,
    total: f * d.total,
    dNdE: (E) => f * d.dNdE(E),
    errorAt: (E) => f * d.errorAt(E),
    cache: new Map(),
  };
}

/**
 * A table rebuilt from its stored data where there is some that fits, else built. Stored data
 * that does not fit this configuration (fromData throws) is dropped: the table is built.
 */
function storedOrBuilt<T, D>(data: D | undefined, fromData: (d: D) => T, build: () => T): T {
  if (data === undefined) return build();
  try {
    return fromData(data);
  } catch {
    return build();
  }
}

/** The stored tables of a table set, asked for once. */
function storedOf(tables: Tables): StoredTables | undefined {
  if (tables.stored === undefined) tables.stored = storedTablesFor(tables.key) ?? null;
  return tables.stored ?? undefined;
}

/**
 * The tables of a configuration at the reference normalisation, as stored data (for the build,
 * scripts/build.mjs): F (for a continuous source), G(s) and the Doppler-smeared source. Built
 * through the context's cache: call it with no stored-tables lookup installed.
 */
export function tablesToStore(input: Readonly<AnyExperimentConfig>): { key: string; tables: StoredTables } {
  const config = atReference(parseAnyConfig(input));
  const ctx = contextOf(config);
  const tables: StoredTables = {};
  if (ctx.spectrum.continuous) tables.kernel = ctx.annihilationKernel().data;
  tables.moving = ctx.movingElectronKernel().data;
  tables.doppler = ctx.dopplerSource().data;
  return { key: tableKey(config), tables };
}

/** Forgets every kept table (benchmarks time their build with it). */
export function clearTableCache(): void {
  tableCache.clear();
  dopplerCache.clear();
}

/** The context of a configuration, validated here by the schema (this is a library entry point). */
export function yieldContext(input: Readonly<AnyExperimentConfig>): YieldContext {
  return contextOf(parseAnyConfig(input));
}

/** The context of a valid configuration; its tables are the reference ones, scaled. */
function contextOf(config: AnyExperimentConfig): YieldContext {
  const spectrum = leptonSource(config);
  const positrons = spectrum.particle === 'e+' ? POSITRONS_OF_POSITRON_SHOWER : POSITRONS_OF_ELECTRON_SHOWER;
  const tables = tablesFor(config);
  const scale = tableScale(config);
  const view = viewAt(tables, scale);
  // the context the tables are built in: this one at the reference normalisation
  let ref: YieldContext | undefined;
  const refCtx = () => (ref ??= contextOf(atReference(config)));
  let annihilationTrack: TrackLengthTable | undefined;
  let bremsstrahlungTrack: TrackLengthTable | undefined;
  const ctx: YieldContext = {
    config,
    spectrum,
    target: material(config.material),
    // built when first read (shower/trackLength.ts keeps them): a curve whose yields are all kept needs none
    get annihilationTrack() {
      return (annihilationTrack ??= trackLengthTable(config.calorimeterDepth, positrons));
    },
    get bremsstrahlungTrack() {
      return (bremsstrahlungTrack ??= trackLengthTable(config.bremsstrahlungDepth, config.bremsstrahlungTracks === 'allLeptons' ? ALL_LEPTONS : positrons));
    },
    annihilationKernel: () => {
      if (view.kernel) return view.kernel;
      if (scale !== 1) return (view.kernel = scaledKernel(refCtx().annihilationKernel(), scale));
      const build = (d?: KernelData) => (spectrum.spreadLine ? annihilationKernelAdaptive(ctx, undefined, d) : annihilationKernelTable(ctx, undefined, d));
      return (tables.kernel ??= storedOrBuilt(storedOf(tables)?.kernel, build, build));
    },
    movingElectronKernel: () => {
      if (view.moving) return view.moving;
      if (scale !== 1) return (view.moving = scaledMoving(refCtx().movingElectronKernel(), scale));
      return (tables.moving ??= storedOrBuilt(storedOf(tables)?.moving, (d) => movingElectronKernel(ctx, d), () => movingElectronKernel(ctx)));
    },
    dopplerSource: () => {
      if (view.doppler) return view.doppler;
      if (scale !== 1) return (view.doppler = scaledDoppler(refCtx().dopplerSource(), scale));
      const profile = () => electronProfile(ctx.target, ctx.config);
      return (tables.doppler ??= kept(dopplerCache, tableKey(config, NOT_IN_DOPPLER), TABLE_CACHE_SIZE, () =>
        storedOrBuilt(
          storedOf(tables)?.doppler,
          (d) => dopplerSmearedSource(spectrum, profile(), d),
          () => dopplerSmearedSource(spectrum, profile()),
        ),
      ));
    },
  };
  return ctx;
}
