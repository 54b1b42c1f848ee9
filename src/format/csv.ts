/**
 * CSV outputs: `# ` comment lines first (configuration, background, best
 * point), then one header line whose column names carry their units, then
 * rows with 6 significant digits (`inf` where there is no reach). The last two
 * columns of a reach say whether ε90 is a meaningful limit (`valid`: 1 or 0) and,
 * when it is not, why (`note`, quoted).
 * Pure and browser-safe.
 */
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, ReachPoint, ReachResult, YieldResult } from '../results.js';
import { isFixedTargetBackground, type Comparison } from './json.js';
import { sig } from './number.js';

/** Column names of {@link reachToCsv}; events are expected counts at ε = 1. */
export const REACH_CSV_HEADER =
  'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung,radiative_events_eps1,radiative_error,epsilon90_radiative,epsilon90_counting,valid,note';

/** A CSV field in double quotes (RFC 4180: quotes doubled). */
const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/** The `valid,note` cells of a point or best point: `1,` when ε90 is a limit, else `0,"why"`. */
export const validityCells = (v: { valid: boolean; note?: string }): string => (v.valid ? '1,' : `0,${quoted(v.note ?? '')}`);

/** A reach point's numbers in the order of {@link REACH_CSV_HEADER} (before its `valid,note` cells). */
export function reachPointColumns(p: ReachPoint): number[] {
  return [
    p.massGeV,
    p.annihilation,
    p.annihilationError,
    p.bremsstrahlung,
    p.bremsstrahlungError,
    p.epsilon90,
    p.epsilon90Annihilation,
    p.epsilon90Bremsstrahlung,
    p.radiative,
    p.radiativeError,
    p.epsilon90Radiative,
    p.epsilon90Counting,
  ];
}

const row = (values: number[]): string => values.map((v) => sig(v)).join(',');

/** A reach point as one CSV row of {@link REACH_CSV_HEADER}: its numbers, then `valid,note`. */
export const reachPointRow = (p: ReachPoint): string => `${row(reachPointColumns(p))},${validityCells(p)}`;

const comment = (text: string): string => `# ${text.replace(/\s*\n\s*/g, ' ')}`;

/**
 * The reach curve as CSV, one row per mass, sorted by mass. Comparison curves, when
 * given, are comment lines: `# comparison "LABEL" file="FILE" points=N`, then
 * `# comparison "LABEL" mass_GeV,epsilon` per point.
 */
export function reachToCsv(r: ReachResult, comparisons: readonly Comparison[] = []): string {
  const lines = [
    comment('vanish reach: expected 90% CL upper limit on the kinetic mixing epsilon; event counts at epsilon = 1'),
    comment(`config ${JSON.stringify(r.config)}`),
    comment(`positrons ${sig(r.positrons)}`),
    comment(`background_events ${sig(r.background)}`),
    comment(`required_signal_events ${sig(r.requiredSignal)}`),
    comment(
      `best mass_GeV=${sig(r.best.massGeV)} epsilon90=${sig(r.best.epsilon90)}${r.best.valid ? '' : ` valid=0 note=${quoted(r.best.note ?? '')}`}`,
    ),
    ...r.edges.map((e) => comment(`edge mass_GeV=${sig(e.massGeV)} ${e.label}`)),
    ...r.warnings.map((w) => comment(`warning ${w}`)),
    ...(r.spectral
      ? [
          comment(`analysis spectral quantity=${r.spectral.quantity} merged_edges_GeV=${r.spectral.mergedEdges.map(sig).join(' ')}`),
          comment(`analysis spectral background_events=${r.spectral.background.map(sig).join(' ')}`),
        ]
      : []),
    ...comparisons.flatMap((c) => {
      const label = JSON.stringify(c.label);
      const file = c.file === undefined ? '' : ` file=${JSON.stringify(c.file)}`;
      return [comment(`comparison ${label}${file} points=${c.points.length}`), ...c.points.map(([m, e]) => comment(`comparison ${label} ${row([m, e])}`))];
    }),
    REACH_CSV_HEADER,
    ...r.points.map(reachPointRow),
  ];
  return `${lines.join('\n')}\n`;
}

/** The yields at one mass as CSV (columns as in {@link reachToCsv}, without the limits). */
export function yieldToCsv(y: YieldResult): string {
  return [
    'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,radiative_events_eps1,radiative_error',
    row([y.massGeV, y.annihilation, y.annihilationError, y.bremsstrahlung, y.bremsstrahlungError, y.radiative, y.radiativeError]),
    '',
  ].join('\n');
}

/**
 * The leptons entering the target as a one-row CSV: `positrons` counts them (the beam
 * particles for a fixed target, which has `nan` for the collider columns), `particle` says which.
 */
export function fluxToCsv(f: FluxSummary): string {
  return [
    'positrons,energy_min_GeV,energy_max_GeV,sqrt_s_GeV,beta,cross_section_pb,particle',
    `${row([f.positrons, f.energyMinGeV, f.energyMaxGeV, f.sqrtS ?? NaN, f.beta ?? NaN, f.crossSectionPb ?? NaN])},${f.particle}`,
    '',
  ].join('\n');
}

/**
 * The background as a one-row CSV; warnings as comment lines first. A fixed target's
 * columns are total_events, observed_events, confidence_level, upper_limit_events.
 */
export function backgroundToCsv(b: BackgroundSummary | FixedTargetBackground): string {
  if (isFixedTargetBackground(b)) {
    return [
      ...b.warnings.map((w) => comment(`warning ${w}`)),
      'total_events,observed_events,confidence_level,upper_limit_events',
      row([b.total, b.observedEvents, b.confidenceLevel, b.upperLimitEvents]),
      '',
    ].join('\n');
  }
  return [
    ...b.warnings.map((w) => comment(`warning ${w}`)),
    'photon_escape_probability,photon_veto_inefficiency,photon_events,neutron_penetration_probability,neutron_single_events,neutron_multi_events,neutron_events,total_events',
    row([
      b.photon.escapeProbability,
      b.photon.vetoInefficiency,
      b.photon.events,
      b.neutron.penetrationProbability,
      b.neutron.singleNeutronEvents,
      b.neutron.multiNeutronEvents,
      b.neutron.events,
      b.total,
    ]),
    '',
  ].join('\n');
}
