/**
 * JSON outputs of the CLI. The leading keys of each object are a contract
 * that scripts rely on; later keys may be added, never
 * renamed or reordered. Non-finite numbers (ε90 where a yield is zero) become
 * `null`, as JSON has no Infinity. Pure and browser-safe.
 */
import type { AnyExperimentConfig } from '../config/schema.js';
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, ReachPoint, ReachResult, YieldResult } from '../results.js';
import { yPlanePoint } from '../models/darkMatter.js';

/** Another experiment's limit curve put beside a reach (`vanish reach --compare`). */
export interface Comparison {
  label: string;
  /** The file it was read from, as given. */
  file?: string;
  /** [m_A' in GeV, ε] pairs. */
  points: [massGeV: number, epsilon: number][];
  /** An excluded region (drawn shaded above the curve), not a line. */
  excluded?: boolean;
}

/**
 * `{positrons, energyMinGeV, energyMaxGeV, sqrtS, beta, crossSectionPb, particle}`: energies in GeV, σ in pb.
 * `positrons` counts the leptons entering the target (the beam particles for a fixed target,
 * whose `sqrtS`, `beta` and `crossSectionPb` are left out); `particle` says which ('e+' or 'e-').
 */
export function fluxToObject(f: FluxSummary) {
  return {
    positrons: f.positrons,
    energyMinGeV: f.energyMinGeV,
    energyMaxGeV: f.energyMaxGeV,
    sqrtS: f.sqrtS,
    beta: f.beta,
    crossSectionPb: f.crossSectionPb,
    particle: f.particle,
  };
}

/** Whether a background is a fixed target's (given, with its Poisson limit) rather than a collider's. */
export function isFixedTargetBackground(b: BackgroundSummary | FixedTargetBackground): b is FixedTargetBackground {
  return !('photon' in b);
}

/**
 * A collider: `{photon: {escapeProbability, events, …}, neutron: {penetrationProbability, events, …}, total, warnings}`.
 * A fixed target: `{total, observedEvents, confidenceLevel, upperLimitEvents, warnings}`.
 * Events are expected counts; `upperLimitEvents` is the signal excluded at the confidence level.
 */
export function backgroundToObject(b: BackgroundSummary | FixedTargetBackground) {
  if (isFixedTargetBackground(b)) {
    return {
      total: b.total,
      observedEvents: b.observedEvents,
      confidenceLevel: b.confidenceLevel,
      upperLimitEvents: b.upperLimitEvents,
      warnings: [...b.warnings],
    };
  }
  return {
    photon: {
      escapeProbability: b.photon.escapeProbability,
      events: b.photon.events,
      vetoInefficiency: b.photon.vetoInefficiency,
    },
    neutron: {
      penetrationProbability: b.neutron.penetrationProbability,
      events: b.neutron.events,
      penetrationFromConfig: b.neutron.penetrationFromConfig,
      singleNeutronEvents: b.neutron.singleNeutronEvents,
      multiNeutronEvents: b.neutron.multiNeutronEvents,
    },
    total: b.total,
    warnings: [...b.warnings],
  };
}

/** `{massGeV, annihilation, bremsstrahlung, annihilationError, bremsstrahlungError, radiative, radiativeError}`: events at ε = 1. */
export function yieldToObject(y: YieldResult) {
  return {
    massGeV: y.massGeV,
    annihilation: y.annihilation,
    bremsstrahlung: y.bremsstrahlung,
    annihilationError: y.annihilationError,
    bremsstrahlungError: y.bremsstrahlungError,
    radiative: y.radiative,
    radiativeError: y.radiativeError,
  };
}

/** `valid` (is ε90 a meaningful limit) and, when it is not, `note` (why). */
function validity(v: { valid: boolean; note?: string }) {
  return v.valid ? { valid: true } : { valid: false, note: v.note };
}

function pointToObject(p: ReachPoint, config: Readonly<{ alphaD: number; massRatio: number }>) {
  const plane = yPlanePoint(p, config);
  return {
    ...yieldToObject(p),
    epsilon90: p.epsilon90,
    epsilon90Annihilation: p.epsilon90Annihilation,
    epsilon90Bremsstrahlung: p.epsilon90Bremsstrahlung,
    epsilon90Radiative: p.epsilon90Radiative,
    epsilon90Counting: p.epsilon90Counting,
    ...validity(p),
    massChiGeV: plane.massChiGeV,
    y90: plane.y90,
    ...(p.invisibleBranchingRatio90 === undefined ? {} : { invisibleBranchingRatio90: p.invisibleBranchingRatio90 }),
  };
}

/**
 * `{config, positrons, background, points: [{massGeV, annihilation, bremsstrahlung, epsilon90, …, valid, note}], best: {massGeV, epsilon90, valid, note},
 * edges, requiredSignal, warnings, comparisons}`, for any kind of experiment (`config.kind`).
 * `valid: false` marks an ε90 that is not a meaningful limit (ε90 ≥ 1, no signal, or outside the model), and `note` says why;
 * `warnings` then has a line about it too.
 * Points are sorted by mass as the library returns them; `comparisons` (`[{label, file, points: [[massGeV, ε], …]}]`)
 * is there only when comparison curves are given.
 */
export function reachToObject(r: ReachResult, comparisons?: readonly Comparison[]) {
  return {
    config: { ...r.config },
    positrons: r.positrons,
    background: r.background,
    points: r.points.map((p) => {
      const { massGeV, annihilation, bremsstrahlung, epsilon90, ...rest } = pointToObject(p, r.config);
      return { massGeV, annihilation, bremsstrahlung, epsilon90, ...rest };
    }),
    best: { massGeV: r.best.massGeV, epsilon90: r.best.epsilon90, ...validity(r.best), ...yPlanePoint(r.best, r.config) },
    edges: r.edges.map((e) => ({ massGeV: e.massGeV, label: e.label })),
    requiredSignal: r.requiredSignal,
    warnings: [...r.warnings],
    ...(r.spectral === undefined
      ? {}
      : {
          spectral: {
            quantity: r.spectral.quantity,
            edges: [...r.spectral.edges],
            mergedEdges: [...r.spectral.mergedEdges],
            background: [...r.spectral.background],
          },
        }),
    ...(comparisons === undefined
      ? {}
      : { comparisons: comparisons.map((c) => ({ label: c.label, file: c.file, ...(c.excluded ? { excluded: true } : {}), points: c.points.map(([m, e]) => [m, e]) })) }),
  };
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The flux as JSON text (see {@link fluxToObject}). */
export const fluxToJson = (f: FluxSummary): string => stringify(fluxToObject(f));
/** The background as JSON text (see {@link backgroundToObject}). */
export const backgroundToJson = (b: BackgroundSummary | FixedTargetBackground): string => stringify(backgroundToObject(b));
/** One mass's yields as JSON text (see {@link yieldToObject}). */
export const yieldToJson = (y: YieldResult): string => stringify(yieldToObject(y));
/** The reach as JSON text (see {@link reachToObject}). */
export const reachToJson = (r: ReachResult, comparisons?: readonly Comparison[]): string => stringify(reachToObject(r, comparisons));
/** A configuration as JSON text, every field (`kind` first). */
export const configToJson = (c: AnyExperimentConfig): string => stringify(c);
