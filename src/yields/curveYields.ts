/**
 * The yields of a reach curve (src/reach.ts), with `massInterpolation: 'auto'`: each channel
 * interpolated in ln m from a grid of masses (yields/massGrid.ts) where it is smooth, and
 * kept for the next configuration that agrees on every field the channel reads.
 *
 * Tolerance. The interpolation error accepted is {@link CURVE_TOLERANCE} = 1e−4 in ln N,
 * i.e. relative on the yield, and it is added to the reported error. The yields' own
 * quadratures are asked 1e−5 (annihilation, A′-strahlung) and 1e−4 (e⁺e⁻ → γA′), the
 * moving-electron tables carry ~1.3e−4; since ε90 ∝ N^{−1/2} at fixed required signal, 1e−4
 * on N is 5e−5 on ε: below the fourth significant digit the table prints and far below a
 * line width of the log–log figure (~1e−3 of a decade).
 *
 * Breakpoints. A stencil never straddles a mass where a channel is not smooth or changes
 * scale: for A′-strahlung the masses where its kinks (E = m + m_e, E = m/(1 − c)) cross the
 * source's special energies (its ends, lines, the nodes of a smeared line), which include its
 * closure; for e⁺e⁻ → γA′ where the threshold, the selection's end and the hard photon's
 * pole (radiative.ts: eThr, eMeet, E_p) cross the special energies of the source the
 * electrons see (ends and the profile's scales, dopplerSpectrum.ts), which include its
 * closure; for the resonance where m² sits on a feature of F (the window's onset, edge,
 * kink and end, Doppler-shifted by each of the profile's scales with moving electrons), and
 * where the soft-photon kinks s = m²/(1 ± x₀), m²/2 or the pair threshold cross a
 * non-smooth s. Elsewhere the cubic's error estimate decides; where it cannot meet the
 * tolerance, or a node is zero, closed or failed, the yield is computed directly.
 *
 * Reuse. A channel's nodes and direct values are kept per key: the configuration without
 * the fields the channel does not read (`NOT_READ`; every other field, present or future,
 * is part of the key), without the signal efficiency, which multiplies every yield, and
 * without the source's normalisation (luminosity, particles on target), which every yield
 * is linear in (context.ts, REFERENCE_NORMALISATION). The values kept are computed on the
 * key's reference context (efficiency 1, reference normalisation) and multiplied by the
 * configuration's efficiency and normalisation, so they never depend on which configuration
 * asked first (a scan gives the same bytes on any number of workers). e⁺e⁻ → γA′ reads the
 * dark sector only through the soft-photon cut x₀(m), which tags its values and is passed
 * to it. So an α_D edit recomputes only the resonance, and a luminosity edit nothing.
 * test/physics/curveYields.test.ts checks that the fields left out do not change the
 * directly computed yields, and that the normalisation scales them.
 */
import { signalEfficiencyAt, type AnyExperimentConfig } from '../config/schema.js';
import { electronMass } from '../constants.js';
import { darkPhotonFor, pairThreshold } from '../models/darkPhoton.js';
import type { QuadratureResult } from '../numeric/gaussKronrod.js';
import { softPhotonCut } from '../processes/radiativeAnnihilation.js';
import { electronProfile, electronsMove } from '../target/comptonProfile.js';
import { annihilationYield, type YieldOptions } from './annihilation.js';
import { bremsstrahlungOpen, bremsstrahlungYield } from './bremsstrahlung.js';
import { BREMSSTRAHLUNG_ONLY, DARK_SECTOR, NOT_READ_BY_YIELDS, REFERENCE_NORMALISATION, tableScale, yieldContext, type YieldContext } from './context.js';
import { dopplerRange, dopplerSupport } from './dopplerSpectrum.js';
import { interpolatedInMass, nodesOf, seedNodes } from './massGrid.js';
import { storedTablesFor, type StoredYield, type StoredYields } from './storedTables.js';
import { radiativeSetup, radiativeYield } from './radiative.js';

/** Largest accepted interpolation error of a curve's yields, relative (module comment). */
export const CURVE_TOLERANCE = 1e-4;

export type Channel = 'annihilation' | 'bremsstrahlung' | 'radiative';


/** Per channel, the fields its yield does not read (besides those of {@link NOT_READ_BY_YIELDS}). */
export const NOT_READ: Readonly<Record<Channel, ReadonlySet<string>>> = {
  // Eq. 12 reads the source, the material, the cut and its own track length; the dark sector enters only the limit
  bremsstrahlung: new Set([...NOT_READ_BY_YIELDS, ...DARK_SECTOR, 'electronMotion', 'radiativeAnnihilation', 'calorimeterDepth']),
  // the dark sector through x₀(m) only (the tag); it is computed only when radiativeAnnihilation is on
  radiative: new Set([...NOT_READ_BY_YIELDS, ...DARK_SECTOR, ...BREMSSTRAHLUNG_ONLY, 'radiativeAnnihilation']),
  annihilation: new Set([...NOT_READ_BY_YIELDS, ...BREMSSTRAHLUNG_ONLY]),
};

/** Keyed owners of kept yields, most recent last; at most {@link STORE_COUNT}. */
type Store = { key: string; channel: Channel; direct: Map<string, QuadratureResult>; reference: YieldContext };
const stores = new Map<string, Store>();
const STORE_COUNT = 12;
/** Direct values kept per key before the key's values are forgotten. */
const MAX_DIRECT = 20_000;

/** The configuration's fields that `skip` does not name, sorted by name, as JSON: the part of a key that says what its values read. */
export function fieldsKey(config: AnyExperimentConfig, skip: (field: string) => boolean): string {
  return JSON.stringify(Object.entries(config).filter(([k]) => !skip(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The value kept under `key` in `kept` (now the most recent), or `make()` kept there; the least
 * recent is forgotten beyond {@link STORE_COUNT} keys.
 */
export function keptUnder<V>(kept: Map<string, V>, key: string, make: () => V): V {
  let value = kept.get(key);
  if (value !== undefined) kept.delete(key);
  else value = make();
  kept.set(key, value);
  if (kept.size > STORE_COUNT) kept.delete(kept.keys().next().value as string);
  return value;
}

function storeFor(channel: Channel, config: AnyExperimentConfig, relTol: number | undefined): Store {
  const skip = NOT_READ[channel];
  const key = `${channel}|${relTol ?? ''}|${fieldsKey(config, (k) => skip.has(k) || k in REFERENCE_NORMALISATION)}`;
  return keptUnder(stores, key, () => seeded({ key, channel, direct: new Map(), reference: yieldContext(atReference(config)) }));
}

const asResult = (y: StoredYield): QuadratureResult => ({ value: y[1], error: y[2], evaluations: y[3], intervals: y[4], converged: y[5] });
const asStored = (id: string, r: QuadratureResult): StoredYield => [id, r.value, r.error, r.evaluations, r.intervals, r.converged];

/**
 * A new store with the yields stored for its key (storedTables.ts: the build keeps the presets'
 * default curves), when there are some: computed by the same code on the same key's reference
 * context, they are the values this store would compute.
 */
function seeded(store: Store): Store {
  const stored = storedTablesFor(store.key)?.yields;
  if (!stored || !Array.isArray(stored.nodes)) return store;
  seedNodes(
    store,
    stored.nodes.map((n) => [n[0], n.length === 1 ? null : asResult(n as StoredYield)] as const),
  );
  withDirect(stored, store.direct);
  return store;
}

/** Puts the direct yields of `stored` (if any) into `direct`; returns it. */
function withDirect(stored: StoredYields | undefined, direct: Map<string, QuadratureResult>): Map<string, QuadratureResult> {
  if (stored && Array.isArray(stored.direct)) for (const y of stored.direct) direct.set(y[0], asResult(y));
  return direct;
}

/**
 * Every kept yield, per channel key, as stored data (for the build, scripts/build.mjs, after it
 * computed the presets' default curves with no stored-tables lookup installed).
 */
export function yieldsToStore(): { key: string; yields: StoredYields }[] {
  const interpolated = [...stores.values()].map((store) => ({
    key: store.key,
    yields: {
      nodes: nodesOf(store).map(([id, r]): StoredYield | [string] => (r ? asStored(id, r) : [id])),
      direct: [...store.direct].map(([id, r]) => asStored(id, r)),
    },
  }));
  const exact = [...exactStores].map(([key, store]) => ({ key, yields: { nodes: [], direct: [...store].map(([id, r]) => asStored(id, r)) } }));
  return [...interpolated, ...exact];
}

/** The stores each context uses (per kind, channel and tolerance), looked up by key once per context. */
let contextStores = new WeakMap<YieldContext, Map<string, unknown>>();

/** The store `id` of a context, found by `find` (by key) the first time the context asks for it. */
function ofContext<S>(ctx: YieldContext, id: string, find: () => S): S {
  let byContext = contextStores.get(ctx);
  if (!byContext) contextStores.set(ctx, (byContext = new Map()));
  if (!byContext.has(id)) byContext.set(id, find());
  return byContext.get(id) as S;
}

/** What else clearCurveYields forgets (the spectral analysis's kept shapes, spectral/spectrum.ts). */
const clearHooks: (() => void)[] = [];
/** Registers `forget` to run on every {@link clearCurveYields}. */
export function onClearCurveYields(forget: () => void): void {
  clearHooks.push(forget);
}

/** Forgets every kept yield, and every kept spectral shape (benchmarks and tests time or compare with it). */
export function clearCurveYields(): void {
  stores.clear();
  contextStores = new WeakMap();
  for (const forget of clearHooks) forget();
}

/**
 * Yields computed directly on a configuration's own context (`massInterpolation: 'off'`, or a
 * direct yield asked of a reach point), kept per key: the configuration without the fields the
 * channel does not read, its normalisation and efficiency included (these values are not scaled,
 * so they are the direct numbers bit for bit), at most {@link STORE_COUNT} keys. The build stores
 * those of the presets' default curves like the others (`belle2-paper`'s among them).
 */
const exactStores = new Map<string, Map<string, QuadratureResult>>();
clearHooks.push(() => exactStores.clear());

/**
 * Per channel, the fields a direct yield does not read: those of {@link NOT_READ} but the signal
 * efficiency (a direct yield is multiplied by it) and, for e⁺e⁻ → γA′, the dark sector (its
 * soft-photon cut, not tagged here).
 */
const exactSkip = (channel: Channel) => new Set([...NOT_READ[channel]].filter((k) => k !== 'signalEfficiency' && !(channel === 'radiative' && DARK_SECTOR.includes(k))));
const EXACT_NOT_READ: Readonly<Record<Channel, ReadonlySet<string>>> = {
  annihilation: exactSkip('annihilation'),
  bremsstrahlung: exactSkip('bremsstrahlung'),
  radiative: exactSkip('radiative'),
};

function exactStoreFor(channel: Channel, config: AnyExperimentConfig, relTol: number | undefined): Map<string, QuadratureResult> {
  const skip = EXACT_NOT_READ[channel];
  const key = `exact|${channel}|${relTol ?? ''}|${fieldsKey(config, (k) => skip.has(k))}`;
  return keptUnder(exactStores, key, () => withDirect(storedTablesFor(key)?.yields, new Map()));
}

/**
 * A channel's yield at one mass (GeV) computed by `compute` on `ctx` itself (no interpolation, no
 * scaling: the direct number bit for bit), kept under the key of the fields the channel reads.
 */
export function exactYield(ctx: YieldContext, channel: Channel, mass: number, relTol: number | undefined, compute: () => QuadratureResult): QuadratureResult {
  const store = ofContext(ctx, `exact|${channel}|${relTol ?? ''}`, () => exactStoreFor(channel, ctx.config, relTol));
  const id = String(mass);
  let r = store.get(id);
  if (!r) {
    r = compute();
    if (store.size >= MAX_DIRECT) store.clear();
    store.set(id, r);
  }
  return r;
}

const scaled = (r: QuadratureResult, f: number): QuadratureResult => ({ ...r, value: r.value * f, error: r.error * f });

/** The channel's direct yield at one mass, at ε = 1. */
function directYield(ctx: YieldContext, channel: Channel, mass: number, options: YieldOptions & { softCut?: number }): QuadratureResult {
  if (channel === 'annihilation') return annihilationYield(ctx, mass, options);
  if (channel === 'radiative') return radiativeYield(ctx, mass, options);
  return bremsstrahlungYield(ctx, mass, { ...options, massGrid: false });
}

/**
 * A channel's yield at one mass (GeV) for a curve: interpolated in ln m within
 * {@link CURVE_TOLERANCE} (its error added to the reported one) or computed directly (always,
 * with `atMass`; kept either way), exactly 0 where kinematics closes the channel. The exact-tree-level A′-strahlung keeps the grid of
 * bremsstrahlung.ts (massGrid.ts's tolerance), here on the key's reference context like the others.
 */
export function curveYield(ctx: YieldContext, channel: Channel, mass: number, options: YieldOptions & { finestLevel?: number; atMass?: boolean } = {}): QuadratureResult {
  const { config } = ctx;
  const etl = channel === 'bremsstrahlung' && config.bremsstrahlungModel === 'etl';
  if (etl && !bremsstrahlungOpen(mass, config.energyCut, ctx.spectrum.energyMax)) return { value: 0, error: 0, evaluations: 0, intervals: 0, converged: true };
  const store = ofContext(ctx, `curve|${channel}|${options.relTol ?? ''}`, () => storeFor(channel, config, options.relTol));
  const efficiency = (m: number) => signalEfficiencyAt(config.signalEfficiency, m);
  const norm = tableScale(config);
  const softCut = (m: number) => radiativeSetup(ctx, m).x0;
  const tag = channel === 'radiative' ? (m: number) => String(softCut(m)) : undefined;
  // on the key's reference context (efficiency 1, reference normalisation): every yield of the
  // configuration is its efficiency × normalisation times that one
  const bare = (m: number): QuadratureResult => {
    const id = `${m}|${tag ? tag(m) : ''}`;
    let r = store.direct.get(id);
    if (!r) {
      r = directYield(store.reference, channel, m, { relTol: options.relTol, ...(channel === 'radiative' ? { softCut: softCut(m) } : {}) });
      if (store.direct.size >= MAX_DIRECT) store.direct.clear();
      store.direct.set(id, r);
    }
    return r;
  };
  if (options.atMass) return scaled(bare(mass), efficiency(mass) * norm);
  // e⁺e⁻ → γA′ costs ~10 ms a mass where it needs the finest level (its window): there nodes cost more than they save
  const maxLevel = options.finestLevel ?? (channel === 'radiative' ? 2 : 3);
  // the exact-tree-level A′-strahlung keeps the grid of bremsstrahlung.ts (its tolerance, no breakpoints)
  const r = etl
    ? interpolatedInMass(store, channel, mass, bare)
    : interpolatedInMass(store, channel, mass, bare, { tolerance: CURVE_TOLERANCE, breakpoints: breakpointsFor(ctx, channel), tag, maxLevel });
  return scaled(r, efficiency(mass) * norm);
}

/** The configuration at efficiency 1 and the reference normalisation (context.ts): the key's reference. */
function atReference(config: AnyExperimentConfig): AnyExperimentConfig {
  return config.kind === 'fixedTarget'
    ? { ...config, signalEfficiency: 1, particlesOnTarget: REFERENCE_NORMALISATION.particlesOnTarget }
    : { ...config, signalEfficiency: 1, lumi: REFERENCE_NORMALISATION.lumi };
}

/** Breakpoints per context and channel (they depend on the configuration only). */
const breakpointCache = new WeakMap<YieldContext, Map<Channel, number[]>>();

/** Masses (GeV, increasing) no stencil of the channel may straddle (module comment). */
export function breakpointsFor(ctx: YieldContext, channel: Channel): number[] {
  let byChannel = breakpointCache.get(ctx);
  if (!byChannel) {
    byChannel = new Map();
    breakpointCache.set(ctx, byChannel);
  }
  let list = byChannel.get(channel);
  if (!list) {
    const raw =
      channel === 'bremsstrahlung' ? bremsstrahlungBreakpoints(ctx) : channel === 'radiative' ? radiativeBreakpoints(ctx) : annihilationBreakpoints(ctx);
    list = [...new Set(raw.filter((m) => m > 0 && Number.isFinite(m)))].sort((a, b) => a - b);
    byChannel.set(channel, list);
  }
  return list;
}

/**
 * The momentum scales of a profile narrow enough to matter: a Doppler factor 1 ± p/m_e moves a mass
 * by ≈ p/2m_e in ln m, and below p/m_e = 0.07 that is less than the finest grid step (ln 10 / 64);
 * the structure of the broader scales spans several steps, where the error estimate sees it.
 */
function narrowScales(scales: readonly number[]): number[] {
  return scales.filter((p) => p / electronMass < 0.07);
}

/** The source's special energies, GeV: its ends, its lines, a smeared line's centre and Gauss–Hermite nodes E₀(1 ± √3 σ). */
function sourceEnergies(ctx: YieldContext): number[] {
  const s = ctx.spectrum;
  const energies = [s.energyMin, s.energyMax, ...s.lines.map((l) => l.energy)];
  if (s.spreadLine) {
    const { energy, sigma } = s.spreadLine;
    energies.push(energy, energy * (1 - Math.sqrt(3) * sigma), energy * (1 + Math.sqrt(3) * sigma));
  }
  return energies;
}

/** Eq. 12's kinks E = m + m_e and E = m/(1 − c) (bremsstrahlung.ts) at each special energy, and the closure among them. */
function bremsstrahlungBreakpoints(ctx: YieldContext): number[] {
  const keep = 1 - ctx.config.energyCut;
  return sourceEnergies(ctx).flatMap((E) => [E - electronMass, keep * E]);
}

/**
 * The mass at which s(M) = M²·k(x₀(M)) equals a target, for a k of the soft cut x₀(M), by
 * fixed-point iteration (x₀ varies slowly with M, if at all).
 */
function solveMass(target: number, k: (x0: number) => number, x0At: (m: number) => number): number {
  let m = Math.sqrt(target / k(x0At(Math.sqrt(target))));
  for (let i = 0; i < 4; i++) m = Math.sqrt(target / k(x0At(m)));
  return m;
}

/**
 * e⁺e⁻ → γA′ (radiative.ts): eThr = M²/(2m_e(1 − x₀)) − m_e, eMeet = (eThr + m_e)/(1 − c) and
 * E_p = M²/(2m_e(1 − c)) at each special energy of the source the electrons see; the closure is
 * eThr = E_max. (Where eMeet = E_min/2 the moving-electron integral changes its variable: the yield
 * is smooth there, and both ways agree far below the interpolation's tolerance, so no breakpoint.)
 */
function radiativeBreakpoints(ctx: YieldContext): number[] {
  const me = electronMass;
  const keep = 1 - ctx.config.energyCut;
  const x0At = (m: number) => radiativeSetup(ctx, m).x0;
  let energies: number[];
  if (electronsMove(ctx.config)) {
    // the smeared source's ends (ctx.dopplerSource(), without building it)
    const profile = electronProfile(ctx.target, ctx.config);
    const [lo, hi] = dopplerSupport(ctx.spectrum, profile);
    const lams = [1, ...dopplerRange(profile), ...narrowScales(profile.scales).flatMap((p) => [1 - p / electronMass, 1 + p / electronMass])];
    const ends = sourceEnergies(ctx).flatMap((E) => lams.map((l) => l * E));
    energies = [lo, hi, ...ends.filter((E) => E > lo && E < hi)];
  } else energies = sourceEnergies(ctx);
  return energies.flatMap((E) => [
    solveMass(2 * me * (E + me), (x0) => 1 / (1 - x0), x0At), // eThr = E
    solveMass(2 * me * keep * E, (x0) => 1 / (1 - x0), x0At), // eMeet = E
    Math.sqrt(2 * me * keep * E), // E_p = E
  ]);
}

/**
 * The resonance (annihilation.ts): m² on each s where F (at rest) has a feature — E_A′ = (1 − c)E,
 * E, E + m_e for each special energy E — mapped with moving electrons to
 * s = 2m_e² + 2(E_A′ − m_e)(m_e − p) for p = 0, ± each of the profile's scales and ± its end;
 * and, at the non-smooth s (at rest: all of them; moving: the profile's ends), the masses
 * where the soft-photon kinks m²/(1 ± x₀), m²/2 or the pair threshold sit on them.
 */
function annihilationBreakpoints(ctx: YieldContext): number[] {
  const me = electronMass;
  const { config } = ctx;
  const keep = 1 - config.energyCut;
  const features = sourceEnergies(ctx).flatMap((E) => [keep * E, E, E + me]);
  let smooth: number[] = [];
  let sharp: number[];
  if (electronsMove(config)) {
    const profile = electronProfile(ctx.target, ctx.config);
    const at = (eA: number, p: number) => 2 * me * me + 2 * (eA - me) * (me - p);
    const narrow = narrowScales(profile.scales);
    smooth = features.flatMap((eA) => [0, ...narrow, ...narrow.map((p) => -p)].map((p) => at(eA, p)));
    sharp = features.flatMap((eA) => [at(eA, profile.pMax), at(eA, -profile.pFar)]);
  } else sharp = features.map((eA) => 2 * me * eA);
  // pair threshold (m_χ₁ + m_χ₂)² = r m², the same r at every mass
  const r = pairThreshold(darkPhotonFor(config, 1));
  const x0At = (m: number) => softPhotonCut(m);
  const crossings = config.radiativeAnnihilation
    ? sharp.flatMap((s) => [solveMass(s, (x0) => 1 / (1 + x0), x0At), solveMass(s, (x0) => 1 / (1 - x0), x0At), Math.sqrt(2 * s)])
    : [];
  return [...smooth, ...sharp].map(Math.sqrt).concat(crossings, sharp.map((s) => Math.sqrt(s / r)));
}
