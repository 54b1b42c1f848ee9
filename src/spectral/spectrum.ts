/**
 * The spectral analysis (analysis: spectral): expected signal and background
 * spectra in the quantity a detector measures, smeared by its resolution,
 * binned, and the expected limit from the binned likelihood
 * (statistics/binnedLikelihood.ts) instead of one count.
 *
 * Measured quantity q (GeV):
 *  - collider: the reconstructed missing energy q = E − E_dep, E the positron
 *    energy from the drift chamber, E_dep the ECL deposit. True q per channel:
 *    resonance q = E′ = E_A′ − m_e (the shower up to the collision is
 *    deposited); A′-strahlung q = E_A′; e⁺e⁻ → γA′ q = E′ − ω (the photon is
 *    deposited); photon background q = x_γE (Eq. 5's spectrum at the
 *    calorimeter depth); neutron background q = E − E_dep with E_dep uniform on
 *    [0, cE] — an assumption: the seed's GEANT4 cut flow (Sec. IV) keeps
 *    E_dep < 5% but publishes no spectrum, and a flat deposit is the
 *    least-informative shape under that cut.
 *  - fixed target: the ECAL energy. With no observed events the CLs limit
 *    e^{−Σ s_k} = 1 − CL does not depend on how the signal is binned, so the
 *    spectral limit is the counting one (2.3 events); with observed events the
 *    spectrum of those events would be needed, which is not an input.
 *
 * Resolution (Gaussian): collider σ_q² = (σ_p/p · q)² + σ_E(E_dep)², with the
 * deposit taken at half the allowed fraction, E_dep = (c/2)E; calorimeter
 * σ_E = E √(a²/E + b²) (stochastic a, constant b).
 *
 * Shapes. Each channel's spectrum comes from a fixed product Gauss–Legendre
 * rule over (lepton energy, track length, the channel's own variable) whose
 * innermost integral is exact per bin (the A′-strahlung x-shape from its
 * cumulative table, e⁺e⁻ → γA′ in closed form), deposited on a fine grid of
 * width σ/2, smeared into the analysis bins once per configuration, and scaled
 * to the channel's converged yield: the binning shapes the signal, the yields
 * stay those of the counting analysis.
 *
 * Bins: `spectralBins` edges (GeV); the first and last bins are open-ended, so
 * no event is lost and two edges give one bin, the counting experiment. Bins
 * with less than MIN_BACKGROUND events are merged with their neighbours: the
 * seed's statistic is the Gaussian form of the likelihood, valid for large
 * counts.
 */
import { electronsMove } from '../target/comptonProfile.js';
import erfc from '@stdlib/math-base-special-erfc';
import type { AnyExperimentConfig, ExperimentConfig } from '../config/schema.js';
import { ConfigError } from '../config/schema.js';
import { electronMass } from '../constants.js';
import { darkPhotonFor } from '../models/darkPhoton.js';
import { integrate } from '../numeric/gaussKronrod.js';
import { radiativeCumulative, radiativeKinematics, softPhotonCut } from '../processes/radiativeAnnihilation.js';
import { photonSpectrum } from '../shower/photonSpectrum.js';
import { asimovEpsilon, gaussianEpsilon, mergeBins, sumGroups } from '../statistics/binnedLikelihood.js';
import { requiredSignalFor } from '../statistics/expectedLimit.js';
import { resonanceCrossSection } from '../yields/annihilation.js';
import { bremsstrahlungOpen, formulaUnitPhotonFlux, PHI_TABLE_INTERVALS, shapeIntegralTable } from '../yields/bremsstrahlung.js';
import { tabulate } from '../numeric/hermite.js';
import { zetaOfYFor } from '../processes/bremsstrahlung.js';
import type { YieldContext } from '../yields/context.js';
import type { TrackLengthTable } from '../shower/trackLength.js';
import type { BackgroundSummary } from '../results.js';
import { NOT_READ, fieldsKey, keptUnder, onClearCurveYields, type Channel } from '../yields/curveYields.js';
import { storedTablesFor } from '../yields/storedTables.js';

/** Smallest expected background of a bin of the Gaussian form (bins are merged up to it). */
export const MIN_BACKGROUND = 10;
/** Fine-grid bins per resolution width. */
const FINE_PER_SIGMA = 2;
/** Resolution widths beyond the kinematic range that bin edges may reach. */
const EDGE_SIGMAS = 5;

const SQRT2 = Math.SQRT2;
/**
 * Kept shapes. A channel's fine-grid spectrum at one mass (before smearing and scaling) is kept
 * per key, like a curve's yields (yields/curveYields.ts): the configuration without the fields
 * the channel's yield does not read, except the resolutions, which set the fine grid; the
 * dark sector stays in e⁺e⁻ → γA′'s key (its soft-photon cut reads the width). The values are
 * the ones computed afresh (same inputs, same operations), so a kept shape changes no bit;
 * clearCurveYields forgets them too. The build stores those of belle2's spectral default curve
 * (yields/storedTables.ts), read when a key's store is made.
 */
const FINE_GRID_FIELDS = ['resolutionStochastic', 'resolutionConstant', 'momentumResolution'];
const DARK_SECTOR_FIELDS = ['alphaD', 'massRatio', 'darkMatter', 'massSplitting'];
const SHAPE_NOT_READ: Readonly<Record<Channel, ReadonlySet<string>>> = {
  annihilation: new Set([...NOT_READ.annihilation].filter((k) => !FINE_GRID_FIELDS.includes(k))),
  bremsstrahlung: new Set([...NOT_READ.bremsstrahlung].filter((k) => !FINE_GRID_FIELDS.includes(k))),
  radiative: new Set([...NOT_READ.radiative].filter((k) => !FINE_GRID_FIELDS.includes(k) && !DARK_SECTOR_FIELDS.includes(k))),
};
/** Shapes kept per key, the keys most recent last (as many as a curve's yields keep, curveYields.ts keptUnder). */
const MAX_SHAPES = 20_000;
const shapeStores = new Map<string, Map<number, Float64Array>>();
onClearCurveYields(() => shapeStores.clear());

/**
 * Every kept shape, per key, as stored data (for the build, scripts/build.mjs, after it computed
 * the spectral analysis's default curve with no stored-tables lookup installed).
 */
export function shapesToStore(): { key: string; shapes: [number, Float64Array][] }[] {
  return [...shapeStores].map(([key, store]) => ({ key, shapes: [...store] }));
}

function shapeStoreFor(channel: Channel, config: ExperimentConfig): Map<number, Float64Array> {
  const skip = SHAPE_NOT_READ[channel];
  const key = `shape|${channel}|${fieldsKey(config, (k) => skip.has(k))}`;
  return keptUnder(shapeStores, key, () => {
    // with the shapes the build stored for this key (the same computation: the same values), if any
    const store = new Map<number, Float64Array>();
    const stored = storedTablesFor(key)?.shapes;
    if (Array.isArray(stored)) for (const [m, h] of stored) if (typeof m === 'number' && h instanceof Float64Array) store.set(m, h);
    return store;
  });
}

/** The shape kept for `mass` in `store`, or computed and kept. */
function keptShape(store: Map<number, Float64Array>, mass: number, compute: (mass: number) => Float64Array): Float64Array {
  let h = store.get(mass);
  if (!h) {
    h = compute(mass);
    if (store.size >= MAX_SHAPES) store.clear();
    store.set(mass, h);
  }
  return h;
}

/** Φ(b) − Φ(a) for a standard normal, accurate in both tails. */
function normalMass(a: number, b: number): number {
  if (a >= 0) return 0.5 * (erfc(a / SQRT2) - erfc(b / SQRT2));
  if (b <= 0) return 0.5 * (erfc(-b / SQRT2) - erfc(-a / SQRT2));
  return 1 - 0.5 * (erfc(-a / SQRT2) + erfc(b / SQRT2));
}

// Gauss–Legendre, 8 nodes on [−1, 1]
const GL_X = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363];
const GL_W = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];
// 3 nodes, for fine bins
const G3_X = [-0.7745966692414834, 0, 0.7745966692414834];
const G3_W = [5 / 9, 8 / 9, 5 / 9];

/** Gauss–Legendre nodes (x, w) on the panels between consecutive `breaks`. */
function glNodes(breaks: readonly number[]): { x: number; w: number }[] {
  const out: { x: number; w: number }[] = [];
  for (let p = 0; p + 1 < breaks.length; p++) {
    const a = breaks[p];
    const b = breaks[p + 1];
    if (!(b > a)) continue;
    const h = (b - a) / 2;
    for (let i = 0; i < GL_X.length; i++) out.push({ x: a + h * (1 + GL_X[i]), w: h * GL_W[i] });
  }
  return out;
}

/** Sorted, de-duplicated breakpoints inside [a, b], with the ends. */
function breaksIn(a: number, b: number, inner: readonly number[]): number[] {
  return [a, ...[...new Set(inner)].filter((x) => x > a && x < b).sort((x, y) => x - y), b];
}

/**
 * Nodes (u, weight) of ∫ du τ(u) g(u) over [uLo, uHi] for the track-length table:
 * Gauss–Legendre in w = 1/ln(1/u) for u ≤ 1/2 (τ du = ỹ(w) dw is smooth), in ln v beyond.
 */
function trackNodes(track: TrackLengthTable, uLo: number, uHi: number, kinks: readonly number[]): { u: number; w: number }[] {
  const out: { u: number; w: number }[] = [];
  const toW = (u: number) => (u <= 0 ? 0 : -1 / Math.log(u));
  const split = 0.5;
  if (uLo < split) {
    const hi = Math.min(uHi, split);
    for (const { x, w } of glNodes(breaksIn(toW(uLo), toW(hi), kinks.map(toW)))) {
      if (x <= 0) continue;
      const u = Math.exp(-1 / x);
      out.push({ u, w: (w * track.tau(u) * u) / (x * x) });
    }
  }
  if (uHi > split) {
    const lo = Math.max(uLo, split);
    const toL = (u: number) => Math.log(1 - u);
    for (const { x, w } of glNodes(breaksIn(toL(uHi), toL(lo), kinks.map(toL)))) {
      const v = Math.exp(x);
      out.push({ u: 1 - v, w: w * track.tau(1 - v) * v });
    }
  }
  return out;
}

/** A histogram on a uniform fine grid; values outside land in the end bins. */
class FineGrid {
  constructor(
    readonly lo: number,
    readonly step: number,
    readonly n: number,
  ) {}
  index(q: number): number {
    return Math.min(this.n - 1, Math.max(0, Math.floor((q - this.lo) / this.step)));
  }
  edge(j: number): number {
    return this.lo + j * this.step;
  }
  /** Adds `content(qa, qb)` for every fine bin overlapping [q1, q2]. */
  spread(h: Float64Array, q1: number, q2: number, weight: number, content: (qa: number, qb: number) => number): void {
    if (!(q2 > q1) || weight === 0) return;
    const j1 = this.index(q1);
    const j2 = this.index(q2);
    for (let j = j1; j <= j2; j++) {
      const qa = j === j1 ? q1 : this.edge(j);
      const qb = j === j2 ? q2 : this.edge(j + 1);
      if (qb > qa) h[j] += weight * content(qa, qb);
    }
  }
}

export interface SpectralSetup {
  /** What is binned: a collider's reconstructed missing energy, a fixed target's ECAL energy. */
  quantity: 'missingEnergy' | 'ecalEnergy';
  /** The analysis bins' edges, GeV (first and last bins open-ended). */
  edges: number[];
  /** After merging: the edges of the bins the likelihood uses (open-ended at both ends). */
  mergedEdges: number[];
  /** Expected background per merged bin. */
  background: number[];
  /** The kinematic range of the true quantity, GeV. */
  range: [number, number];
  /** Resolution σ_q (GeV) at q. */
  resolution(q: number): number;
  /** Signal per merged bin for each channel at one mass, each summing to its yield. */
  signal(mass: number, yields: { annihilation: number; bremsstrahlung: number; radiative: number }): {
    annihilation: number[];
    bremsstrahlung: number[];
    radiative: number[];
  };
  /** ε from the binned (Gaussian) statistic for a signal per merged bin at ε = 1. */
  epsilon(signal: readonly number[]): number;
}

function formatEdges(edges: readonly number[]): string {
  return `[${edges.map((e) => String(e)).join(', ')}]`;
}

function binsError(edges: readonly number[], why: string): ConfigError {
  return new ConfigError(`config field spectralBins = ${formatEdges(edges)} is not allowed (${why})`, 'spectralBins');
}

/** Checks bin edges against the quantity's range; returns them or throws a ConfigError naming spectralBins. */
export function checkBins(edges: readonly number[], lo: number, hi: number, unitText: string): number[] {
  if (edges.length < 2) throw binsError(edges, `give at least two edges, in GeV of ${unitText}`);
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) {
      throw binsError(edges, edges[i] === edges[i - 1] ? `edge ${edges[i]} is repeated: that bin is empty` : 'edges must increase');
    }
  }
  if (edges[0] < lo || edges[edges.length - 1] > hi) {
    throw binsError(edges, `edges must lie within ${unitText}'s range ${lo.toPrecision(4)}–${hi.toPrecision(4)} GeV (kinematic range ± ${EDGE_SIGMAS} σ resolution)`);
  }
  return [...edges];
}

/** The calorimeter's σ_E (GeV) at deposited energy E: E √(a²/E + b²). */
export function calorimeterSigma(config: AnyExperimentConfig, E: number): number {
  const a = config.resolutionStochastic;
  const b = config.resolutionConstant;
  return Math.sqrt(Math.max(E, 0) * a * a + E * E * b * b);
}

/** Builds the spectral analysis of a configuration (validating its bins). */
export function spectralSetup(ctx: YieldContext, background: BackgroundSummary | { total: number }): SpectralSetup {
  const config = ctx.config;
  if (config.kind === 'fixedTarget') return fixedTargetSetup(ctx, background.total);
  return colliderSetup(ctx, config, background as BackgroundSummary);
}

function fixedTargetSetup(ctx: YieldContext, totalBackground: number): SpectralSetup {
  const config = ctx.config;
  if (config.kind !== 'fixedTarget') throw new Error('unreachable');
  if (config.observedEvents !== 0) {
    throw new ConfigError(
      `config field analysis = "spectral" is not allowed with observedEvents = ${config.observedEvents} (the observed events' spectrum is not an input; with none observed the CLs limit does not depend on binning)`,
      'analysis',
    );
  }
  const E0 = ctx.spectrum.energyMax;
  const top = config.energyCut * E0;
  const resolution = (q: number) => Math.max(calorimeterSigma(config, q), calorimeterSigma(config, 1e-3 * E0));
  const lo = -EDGE_SIGMAS * resolution(0);
  const hi = top + EDGE_SIGMAS * resolution(top);
  const edges = config.spectralBins ? checkBins(config.spectralBins, lo, hi, 'the ECAL energy') : [0, top];
  const required = -Math.log(1 - config.confidenceLevel);
  return {
    quantity: 'ecalEnergy',
    edges,
    mergedEdges: [edges[0], edges[edges.length - 1]],
    background: [totalBackground],
    range: [0, top],
    resolution,
    signal: (_m, y) => ({ annihilation: [y.annihilation], bremsstrahlung: [y.bremsstrahlung], radiative: [y.radiative] }),
    // zero observed: CLs = e^{−Σs}, whatever the bins
    epsilon: (s) => {
      const total = s.reduce((a, b) => a + b, 0);
      return total > 0 ? Math.sqrt(required / total) : Infinity;
    },
  };
}

function colliderSetup(ctx: YieldContext, config: ExperimentConfig, bg: BackgroundSummary): SpectralSetup {
  const me = electronMass;
  const c = config.energyCut;
  const { spectrum } = ctx;
  const eMin = spectrum.energyMin;
  const eMax = spectrum.energyMax;
  const qLo = (1 - c) * eMin - me;
  const qHi = eMax;
  const resolution = (q: number) => {
    const E = q / (1 - c / 2);
    return Math.hypot(config.momentumResolution * q, calorimeterSigma(config, (c / 2) * E));
  };
  const lo = qLo - EDGE_SIGMAS * resolution(qLo);
  const hi = qHi + EDGE_SIGMAS * resolution(qHi);
  let edges: number[];
  if (config.spectralBins) edges = checkBins(config.spectralBins, lo, hi, 'the missing energy');
  else {
    // bins two resolution widths wide across the kinematic range
    const width = 2 * resolution((qLo + qHi) / 2);
    const n = Math.max(1, Math.round((qHi - qLo) / width));
    edges = Array.from({ length: n + 1 }, (_, i) => qLo + ((qHi - qLo) * i) / n);
  }
  const nReco = edges.length - 1;
  // fine grid over the kinematic range, σ/4 wide
  const step = Math.min(...[qLo, (qLo + qHi) / 2, qHi].map(resolution)) / FINE_PER_SIGMA;
  const fine = new FineGrid(qLo, step, Math.max(1, Math.ceil((qHi - qLo) / step)));
  // response: fine bin centre → analysis bin, Gaussian, open-ended outer bins
  const response = new Float64Array(fine.n * nReco);
  for (let j = 0; j < fine.n; j++) {
    const q = fine.edge(j) + step / 2;
    const s = resolution(q);
    for (let k = 0; k < nReco; k++) {
      const a = k === 0 ? -Infinity : (edges[k] - q) / s;
      const b = k === nReco - 1 ? Infinity : (edges[k + 1] - q) / s;
      response[j * nReco + k] = normalMass(a, b);
    }
  }
  const fold = (h: Float64Array): number[] => {
    const out = new Array<number>(nReco).fill(0);
    for (let j = 0; j < fine.n; j++) {
      const v = h[j];
      if (v === 0) continue;
      for (let k = 0; k < nReco; k++) out[k] += v * response[j * nReco + k];
    }
    return out;
  };
  const scaled = (h: number[], total: number): number[] => {
    const sum = h.reduce((a, b) => a + b, 0);
    return sum > 0 ? h.map((v) => (v * total) / sum) : h.map(() => 0);
  };
  // lepton-energy nodes (the continuum; or the lines)
  const energyNodes = (lo: number, hi: number, kinks: readonly number[]): { E: number; w: number }[] => {
    const nodes: { E: number; w: number }[] = [];
    if (spectrum.continuous && hi > lo) {
      const panels = breaksIn(lo, hi, [...kinks, (lo + hi) / 2]);
      for (const { x, w } of glNodes(panels)) nodes.push({ E: x, w: w * spectrum.dNdE(x) });
    }
    for (const line of spectrum.lines) if (line.energy >= lo && line.energy <= hi) nodes.push({ E: line.energy, w: line.count });
    return nodes;
  };

  // the lepton energies of the whole range (backgrounds, A′-strahlung), once
  const fullRange = energyNodes(eMin, eMax, []);
  // track-length nodes by their arguments: most masses share them (the range and kinks depend on
  // the lepton energy, and on the mass only near closures); at most TRACK_NODE_SETS kept
  const TRACK_NODE_SETS = 256;
  const trackNodeSets = new Map<string, { u: number; w: number }[]>();
  const keptTrackNodes = (which: 'bremsstrahlung' | 'annihilation', uHi: number, kinks: readonly number[]) => {
    const key = `${which}|${uHi}|${kinks.join(',')}`;
    let nodes = trackNodeSets.get(key);
    if (!nodes) {
      nodes = trackNodes(which === 'bremsstrahlung' ? ctx.bremsstrahlungTrack : ctx.annihilationTrack, 0, uHi, kinks);
      if (trackNodeSets.size < TRACK_NODE_SETS) trackNodeSets.set(key, nodes);
    }
    return nodes;
  };

  // ── backgrounds, once ──
  const photonH = new Float64Array(fine.n);
  const neutronH = new Float64Array(fine.n);
  for (const { E, w } of fullRange) {
    fine.spread(photonH, (1 - c) * E, E, w, (qa, qb) => {
      let sum = 0;
      const h = (qb - qa) / (2 * E);
      for (let i = 0; i < 3; i++) sum += G3_W[i] * photonSpectrum(config.calorimeterDepth, (qa + qb) / (2 * E) + h * G3_X[i]);
      return sum * h;
    });
    fine.spread(neutronH, (1 - c) * E, E, w, (qa, qb) => (qb - qa) / (c * E));
  }
  const photonReco = scaled(fold(photonH), bg.photon.events);
  const neutronReco = scaled(fold(neutronH), bg.neutron.events);
  const bReco = photonReco.map((v, k) => v + neutronReco[k]);
  const groups = mergeBins(bReco, MIN_BACKGROUND);
  const background = sumGroups(bReco, groups);
  const mergedEdges = [edges[0], ...groups.slice(1).map((g) => edges[g]), edges[edges.length - 1]];
  // the response summed over each merged group, so a signal is folded straight into the groups
  const nGroups = groups.length;
  const groupResponse = new Float64Array(fine.n * nGroups);
  for (let j = 0; j < fine.n; j++) {
    for (let g = 0; g < nGroups; g++) {
      const end = g + 1 < nGroups ? groups[g + 1] : nReco;
      let sum = 0;
      for (let k = groups[g]; k < end; k++) sum += response[j * nReco + k];
      groupResponse[j * nGroups + g] = sum;
    }
  }
  const toGroups = (h: Float64Array, total: number): number[] => {
    if (!(total > 0)) return groups.map(() => 0);
    const out = new Array<number>(nGroups).fill(0);
    for (let j = 0; j < fine.n; j++) {
      const v = h[j];
      if (v === 0) continue;
      for (let g = 0; g < nGroups; g++) out[g] += v * groupResponse[j * nGroups + g];
    }
    return scaled(out, total);
  };

  // ── signals, per mass ──
  const resonanceH = (mass: number): Float64Array => {
    const h = new Float64Array(fine.n);
    const model = darkPhotonFor(config, mass);
    const sigma = resonanceCrossSection(ctx, model);
    const twoMe = 2 * me;
    const qPole = (mass * mass) / twoMe - me;
    const halfWidth = (model.width * mass) / twoMe;
    let density: (q: number) => number;
    let kinks: number[] = [];
    if (spectrum.continuous) {
      const kernel = ctx.annihilationKernel();
      density = (q) => sigma(twoMe * (q + me)) * kernel.at(q + me);
      kinks = [kernel.start, kernel.cusp, kernel.kink, kernel.end, ...kernel.kinks].map((e) => e - me);
    } else {
      density = (q) => {
        let sum = 0;
        for (const line of spectrum.lines) {
          const u = 1 - q / line.energy;
          if (u > 0 && u <= c + me / line.energy) sum += (line.count * ctx.annihilationTrack.tau(u)) / line.energy;
        }
        return sum * sigma(twoMe * (q + me));
      };
      for (const line of spectrum.lines) kinks.push(line.energy, (1 - c) * line.energy - me);
    }
    for (let j = 0; j < fine.n; j++) {
      const qa = fine.edge(j);
      const qb = qa + step;
      const nearPole = qb > qPole - 50 * halfWidth && qa < qPole + 50 * halfWidth;
      const kinked = kinks.some((k) => k > qa && k < qb);
      if (nearPole || kinked) {
        const pts = [qPole, ...kinks, ...[1, 10].flatMap((n) => [qPole - n * halfWidth, qPole + n * halfWidth])];
        h[j] = integrate(density, qa, qb, { relTol: 1e-4, points: pts, maxIntervals: 500 }).value;
      } else {
        let sum = 0;
        const hh = step / 2;
        for (let i = 0; i < 3; i++) sum += G3_W[i] * density(qa + hh * (1 + G3_X[i]));
        h[j] = sum * hh;
      }
    }
    return h;
  };

  const bremsstrahlungH = (mass: number): Float64Array => {
    const h = new Float64Array(fine.n);
    const shape = shapeIntegralTable(mass, c);
    const zeta = zetaOfYFor(mass);
    const spline = shape.table.spline;
    const H = (y: number) => (y <= 0 ? 0 : spline.at(zeta(y)));
    // Φ(E′) from the table the yield integrates (yields/bremsstrahlung.ts: the same range and
    // intervals, its measured error ~1e−6), not evaluated at every node: E′ = vE ≥ max((1 − c)E_min, m)
    const lnEMin = Math.log(Math.max((1 - c) * eMin, mass));
    const phiTable = tabulate((l) => formulaUnitPhotonFlux(ctx, mass, Math.exp(l)), lnEMin, Math.log(eMax), PHI_TABLE_INTERVALS).spline;
    for (const { E, w } of fullRange) {
      // the yield's kinematics (yields/bremsstrahlung.ts): E_A′ ∈ [max((1 − c)E, m), E′ − m_e]
      if (!bremsstrahlungOpen(mass, c, E)) continue;
      const uKink = me / E;
      const threshold = c >= 1 - mass / E;
      const uMax = Math.min(c, 1 - mass / E);
      for (const { u, w: wu } of keptTrackNodes('bremsstrahlung', uMax, [uKink])) {
        const v = 1 - u;
        const eP = v * E;
        const yHi = threshold ? 1 - mass / eP : (c - u) / v;
        const yLo = Math.max(0, (uKink - u) / v);
        if (!(yHi > yLo)) continue;
        const phi = phiTable.at(Math.log(eP));
        // q = E_A′ = (1 − y)E′; adds weight·(C(q_b) − C(q_a)) to every fine bin [q_a, q_b] ∩ [q1, q2],
        // C(q) = −H(y(q)) evaluated once per edge (the hot loop, written out)
        const weight = w * wu * phi;
        const q1 = (1 - yHi) * eP;
        const q2 = (1 - yLo) * eP;
        if (!(q2 > q1) || weight === 0) continue;
        const j1 = fine.index(q1);
        const j2 = fine.index(q2);
        let prev = -H(Math.min(yHi, Math.max(yLo, 1 - q1 / eP)));
        for (let j = j1; j <= j2; j++) {
          const qb = j === j2 ? q2 : fine.edge(j + 1);
          const next = -H(Math.min(yHi, Math.max(yLo, 1 - qb / eP)));
          h[j] += weight * (next - prev);
          prev = next;
        }
      }
    }
    return h;
  };

  const radiativeH = (mass: number): Float64Array => {
    const h = new Float64Array(fine.n);
    const x0 = softPhotonCut(mass);
    const sMin = (mass * mass) / (1 - x0);
    const eThr = sMin / (2 * me) - me;
    const eMeet = (eThr + me) / (1 - c);
    // with moving electrons the leptons as the channel sees them: the Doppler-smeared source
    // (yields/dopplerSpectrum.ts). Its q = E′ − ω is the one in the electron's frame, off by
    // λ = 1 − p_z/m_e per electron: the shape misses a broadening of relative width ~ rms p_z/m_e
    // (its mean is right to first order), and is scaled to the channel's yield like every shape
    let nodes: { E: number; w: number }[];
    if (electronsMove(config)) {
      const src = ctx.dopplerSource();
      const lo = Math.max(src.energyMin, eThr);
      // the source's scale points, thinned to one per 10 % of the range (the shape is scaled to
      // the yield; more nodes cost more than they move it)
      const kept: number[] = [];
      for (const E of src.points) if (E > lo && (kept.length === 0 || E - kept[kept.length - 1] > 0.1 * (src.energyMax - lo))) kept.push(E);
      nodes = src.energyMax > lo ? glNodes(breaksIn(lo, src.energyMax, [eMeet, ...kept, (lo + src.energyMax) / 2])).map(({ x, w }) => ({ E: x, w: w * src.dNdE(x) })) : [];
    } else nodes = energyNodes(Math.max(eMin, eThr), eMax, [eMeet]);
    for (const { E, w } of nodes) {
      const uThr = 1 - eThr / E;
      const uCut = c + me / E;
      const uHi = Math.min(uThr, uCut);
      if (!(uHi > 0)) continue;
      for (const { u, w: wu } of keptTrackNodes('annihilation', uHi, [])) {
        const eP = (1 - u) * E;
        const k = radiativeKinematics(eP, mass);
        if (!k || k.s < sMin) continue;
        const omegaHi = Math.min(k.omegaMax, (c - u) * E + me);
        if (!(omegaHi > k.omegaMin)) continue;
        // q = E′ − ω
        // the same per fine bin with C(q) = −R(E′ − q), R the photon window's antiderivative
        const weight = w * wu;
        const q1 = eP - omegaHi;
        const q2 = eP - k.omegaMin;
        if (!(q2 > q1) || weight === 0) continue;
        const j1 = fine.index(q1);
        const j2 = fine.index(q2);
        let prev = -radiativeCumulative(k, mass, eP - q1);
        for (let j = j1; j <= j2; j++) {
          const qb = j === j2 ? q2 : fine.edge(j + 1);
          const next = -radiativeCumulative(k, mass, eP - qb);
          h[j] += weight * (next - prev);
          prev = next;
        }
      }
    }
    return h;
  };

  const stores = {
    annihilation: shapeStoreFor('annihilation', config),
    bremsstrahlung: shapeStoreFor('bremsstrahlung', config),
    radiative: shapeStoreFor('radiative', config),
  };
  return {
    quantity: 'missingEnergy',
    edges,
    mergedEdges,
    background,
    range: [qLo, qHi],
    resolution,
    signal(mass, y) {
      // one merged bin: the counting experiment, no shape needed
      if (groups.length === 1) return { annihilation: [y.annihilation], bremsstrahlung: [y.bremsstrahlung], radiative: [y.radiative] };
      const total = y.annihilation + y.bremsstrahlung + y.radiative;
      // a channel below 10⁻⁴ of the signal is given the others' shape (its own would change
      // Σs²/b by < 2·10⁻⁴); that keeps the binned limit never weaker than the count
      const needed = (n: number) => n > 1e-4 * total;
      const parts = {
        annihilation: needed(y.annihilation) ? toGroups(keptShape(stores.annihilation, mass, resonanceH), y.annihilation) : undefined,
        bremsstrahlung: needed(y.bremsstrahlung) ? toGroups(keptShape(stores.bremsstrahlung, mass, bremsstrahlungH), y.bremsstrahlung) : undefined,
        radiative: needed(y.radiative) ? toGroups(keptShape(stores.radiative, mass, radiativeH), y.radiative) : undefined,
      };
      const shaped = groups.map((_, g) => (parts.annihilation?.[g] ?? 0) + (parts.bremsstrahlung?.[g] ?? 0) + (parts.radiative?.[g] ?? 0));
      const shapedTotal = shaped.reduce((a, b) => a + b, 0);
      const like = (n: number) => shaped.map((v) => (shapedTotal > 0 ? (v * n) / shapedTotal : n / groups.length));
      return {
        annihilation: parts.annihilation ?? like(y.annihilation),
        bremsstrahlung: parts.bremsstrahlung ?? like(y.bremsstrahlung),
        radiative: parts.radiative ?? like(y.radiative),
      };
    },
    epsilon: config.statistics === 'cls' ? clsEpsilon(config, background) : (s) => gaussianEpsilon(s, background, config.deltaChi2),
  };
}

/**
 * `statistics: cls`: the counting experiment's median expected CLs limit times the gain of the
 * binned Poisson likelihood on Asimov data over its one-bin form (statistics/binnedLikelihood.ts,
 * q_A = z², z = Φ⁻¹(1 − (1 − CL)/2)). One bin: the ratio is 1, the counting limit exactly; more
 * bins: the ratio is ≤ 1 (the statistic is subadditive), never weaker.
 */
function clsEpsilon(config: ExperimentConfig, background: number[]): (s: readonly number[]) => number {
  const total = background.reduce((a, b) => a + b, 0);
  const required = requiredSignalFor(config, total);
  // z with P(|Z| > z) = 1 − CL, by bisection on erfc
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (erfc(mid / SQRT2) > 1 - config.confidenceLevel) lo = mid;
    else hi = mid;
  }
  const q = ((lo + hi) / 2) ** 2;
  return (s) => {
    const S = s.reduce((a, b) => a + b, 0);
    if (!(S > 0)) return Infinity;
    const ratio = asimovEpsilon(s, background, q) / asimovEpsilon([S], [total], q);
    return Math.sqrt(required / S) * Math.min(1, ratio); // min: rounding only (ratio ≤ 1 exactly)
  };
}
