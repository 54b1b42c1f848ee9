/**
 * JSON outputs of the CLI. The leading keys of each object are a contract
 * that scripts rely on; later keys may be added, never
 * renamed or reordered. Non-finite numbers (ε90 where a yield is zero) become
 * `null`, as JSON has no Infinity. Pure and browser-safe.
 */
import type { ExperimentConfig } from '../config/schema.js';
import type { BackgroundSummary, FluxSummary, ReachPoint, ReachResult, YieldResult } from '../results.js';

/** `{positrons, energyMinGeV, energyMaxGeV, sqrtS, beta, crossSectionPb}`: energies in GeV, σ in pb. */
export function fluxToObject(f: FluxSummary) {
  return {
    positrons: f.positrons,
    energyMinGeV: f.energyMinGeV,
    energyMaxGeV: f.energyMaxGeV,
    sqrtS: f.sqrtS,
    beta: f.beta,
    crossSectionPb: f.crossSectionPb,
  };
}

/** `{photon: {escapeProbability, events, …}, neutron: {penetrationProbability, events, …}, total, warnings}`; events are expected counts. */
export function backgroundToObject(b: BackgroundSummary) {
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

/** `{massGeV, annihilation, bremsstrahlung, annihilationError, bremsstrahlungError}`: events at ε = 1. */
export function yieldToObject(y: YieldResult) {
  return {
    massGeV: y.massGeV,
    annihilation: y.annihilation,
    bremsstrahlung: y.bremsstrahlung,
    annihilationError: y.annihilationError,
    bremsstrahlungError: y.bremsstrahlungError,
  };
}

function pointToObject(p: ReachPoint) {
  return {
    ...yieldToObject(p),
    epsilon90: p.epsilon90,
    epsilon90Annihilation: p.epsilon90Annihilation,
    epsilon90Bremsstrahlung: p.epsilon90Bremsstrahlung,
  };
}

/**
 * `{config, positrons, background, points: [{massGeV, annihilation, bremsstrahlung, epsilon90, …}], best: {massGeV, epsilon90}, edges, warnings}`.
 * Points are sorted by mass as the library returns them.
 */
export function reachToObject(r: ReachResult) {
  return {
    config: { ...r.config },
    positrons: r.positrons,
    background: r.background,
    points: r.points.map((p) => {
      const { massGeV, annihilation, bremsstrahlung, epsilon90, ...rest } = pointToObject(p);
      return { massGeV, annihilation, bremsstrahlung, epsilon90, ...rest };
    }),
    best: { massGeV: r.best.massGeV, epsilon90: r.best.epsilon90 },
    edges: r.edges.map((e) => ({ massGeV: e.massGeV, label: e.label })),
    warnings: [...r.warnings],
  };
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The flux as JSON text (see {@link fluxToObject}). */
export const fluxToJson = (f: FluxSummary): string => stringify(fluxToObject(f));
/** The background as JSON text (see {@link backgroundToObject}). */
export const backgroundToJson = (b: BackgroundSummary): string => stringify(backgroundToObject(b));
/** One mass's yields as JSON text (see {@link yieldToObject}). */
export const yieldToJson = (y: YieldResult): string => stringify(yieldToObject(y));
/** The reach as JSON text (see {@link reachToObject}). */
export const reachToJson = (r: ReachResult): string => stringify(reachToObject(r));
/** A configuration as JSON text, every field. */
export const configToJson = (c: ExperimentConfig): string => stringify(c);
