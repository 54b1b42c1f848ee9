/**
 * CSV outputs: the first line is the header (column names carry their
 * units), then rows with 6 significant digits (`inf` where there is no
 * reach, `nan` where a value does not apply), so `numpy.genfromtxt(f,
 * delimiter=',', names=True)` and `pandas.read_csv(f)` read them as they are.
 * What describes a reach curve (configuration, background, best point, the
 * kinematic edges inside the mass range, the spectral analysis's bins,
 * comparison curves' labels, a band, warnings) goes to a sidecar: a W3C "CSV on the
 * Web" metadata file, `FILE.csv-metadata.json` ({@link reachCsvMetadata}).
 * The last two columns of a reach say whether ε90 is a meaningful limit
 * (`valid`: 1 or 0) and, when it is not, why (`note`, quoted, without commas
 * so that readers that ignore quotes still see the same columns). Comparison
 * curves, when given, follow in two columns each ({@link addComparisonsToCsv}).
 * Pure and browser-safe.
 */
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, ReachPoint, ReachResult, YieldResult } from '../results.js';
import { isFixedTargetBackground, type Comparison } from './json.js';
import { sig } from './number.js';
import { yPlanePoint } from '../models/darkMatter.js';

/** Column names of {@link reachToCsv}; events are expected counts at ε = 1. */
export const REACH_CSV_HEADER =
  'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung,radiative_events_eps1,radiative_error,epsilon90_radiative,epsilon90_counting,mass_chi_GeV,y90,invisible_branching_ratio90,valid,note';

/** What each column of {@link REACH_CSV_HEADER} is, for the metadata sidecar. */
export const REACH_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'mass_GeV', title: "dark-photon mass m_A'", unit: 'GeV' },
  { name: 'annihilation_events_eps1', title: 'resonant annihilation events at epsilon = 1 (Eq. 11)', unit: 'events' },
  { name: 'annihilation_error', title: 'numerical error of annihilation_events_eps1', unit: 'events' },
  { name: 'bremsstrahlung_events_eps1', title: "A'-strahlung events at epsilon = 1 (Eq. 12)", unit: 'events' },
  { name: 'bremsstrahlung_error', title: 'numerical error of bremsstrahlung_events_eps1', unit: 'events' },
  { name: 'epsilon90', title: 'expected upper limit on the kinetic mixing epsilon (inf: no reach)', unit: '1' },
  { name: 'epsilon90_annihilation', title: 'the limit from annihilation alone (1 or more: none from this channel alone)', unit: '1' },
  { name: 'epsilon90_bremsstrahlung', title: "the limit from A'-strahlung alone (1 or more: none from this channel alone)", unit: '1' },
  { name: 'radiative_events_eps1', title: "e+e- -> gamma A' events on atomic electrons at epsilon = 1 (third channel)", unit: 'events' },
  { name: 'radiative_error', title: 'numerical error of radiative_events_eps1', unit: 'events' },
  { name: 'epsilon90_radiative', title: "the limit from e+e- -> gamma A' alone (1 or more: none from this channel alone)", unit: '1' },
  { name: 'epsilon90_counting', title: 'the limit from one count of the selected events (equals epsilon90 for the counting analysis)', unit: '1' },
  { name: 'mass_chi_GeV', title: "dark-matter mass m_chi = m_A'/massRatio (the lighter state for pseudo-Dirac)", unit: 'GeV' },
  { name: 'y90', title: "the limit in the light-dark-matter plane, y = epsilon90^2 alpha_D (m_chi/m_A')^4", unit: '1' },
  { name: 'invisible_branching_ratio90', title: "Gamma(A' -> dark matter)/Gamma_total at epsilon90, with A' -> e+e-, mu+mu- in the width", unit: '1' },
  { name: 'valid', title: 'whether epsilon90 is a meaningful limit (1) or not (0)', unit: '1' },
  { name: 'note', title: 'why epsilon90 is not a meaningful limit (empty when it is)', unit: '', datatype: 'string' },
];


/** A CSV field in double quotes (RFC 4180: quotes doubled). */
const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/** The `valid,note` cells of a point or best point: `1,` when ε90 is a limit, else `0,"why"`. */
export const validityCells = (v: { valid: boolean; note?: string }): string => (v.valid ? '1,' : `0,${quoted((v.note ?? '').replace(/,/g, ';'))}`);

/**
 * A reach point's numbers in the order of {@link REACH_CSV_HEADER} (before its `valid,note` cells); m_χ and
 * y90 = ε90² α_D (m_χ/m_A′)⁴ from the configuration's α_D and mass ratio.
 */
export function reachPointColumns(p: ReachPoint, config: Readonly<{ alphaD: number; massRatio: number }>): number[] {
  const plane = yPlanePoint(p, config);
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
    plane.massChiGeV,
    plane.y90,
    p.invisibleBranchingRatio90 ?? NaN,
  ];
}

const row = (values: number[]): string => values.map((v) => sig(v)).join(',');

/** A reach point as one CSV row of {@link REACH_CSV_HEADER}: its numbers, then `valid,note`. */
export const reachPointRow = (p: ReachPoint, config: Readonly<{ alphaD: number; massRatio: number }>): string =>
  `${row(reachPointColumns(p, config))},${validityCells(p)}`;

/** The kinematic edges of a reach that lie inside its mass range (the grid's first to last mass). */
export function edgesInRange(r: ReachResult): ReachResult['edges'] {
  if (r.points.length === 0) return [];
  const lo = r.points[0].massGeV;
  const hi = r.points[r.points.length - 1].massGeV;
  return r.edges.filter((e) => e.massGeV >= lo * (1 - 1e-12) && e.massGeV <= hi * (1 + 1e-12));
}

/**
 * The reach curve as CSV: the header line, then one row per mass, sorted by
 * mass; with `comparisons` (pinned, published or reference curves), their
 * points in two more columns each ({@link addComparisonsToCsv}). Without
 * them the text is the same as it always was.
 */
export function reachToCsv(r: ReachResult, comparisons: readonly Comparison[] = []): string {
  return addComparisonsToCsv(`${[REACH_CSV_HEADER, ...r.points.map((p) => reachPointRow(p, r.config))].join('\n')}\n`, comparisons);
}

/** The two column names of comparison curve k (1, 2, …) in a CSV. */
export const comparisonCsvNames = (k: number): [string, string] => [`compare${k}_mass_GeV`, `compare${k}_epsilon90`];

/**
 * A CSV (header first, no commas inside its cells) with comparison curves
 * appended: curve k gets the columns `compare{k}_mass_GeV,compare{k}_epsilon90`,
 * its i-th point in row i; a row beyond the CSV's own gets empty cells for
 * its columns, a curve shorter than the rows empty cells for its own, so
 * numpy and pandas read the missing values as NaN. What each curve is (its
 * label) is in the sidecar ({@link reachCsvMetadata}).
 */
export function addComparisonsToCsv(csv: string, comparisons: readonly Comparison[]): string {
  if (comparisons.length === 0) return csv;
  const lines = csv.replace(/\n$/, '').split('\n');
  const [header, ...rows] = lines;
  const blank = ','.repeat(header.split(',').length - 1);
  const n = Math.max(rows.length, ...comparisons.map((c) => c.points.length));
  const out = [[header, ...comparisons.flatMap((_, k) => comparisonCsvNames(k + 1))].join(',')];
  for (let i = 0; i < n; i++) {
    const cells = comparisons.map((c) => (i < c.points.length ? `${sig(c.points[i][0])},${sig(c.points[i][1])}` : ','));
    out.push([i < rows.length ? rows[i] : blank, ...cells].join(','));
  }
  return `${out.join('\n')}\n`;
}

/** The sidecar's columns of comparison curves (see {@link addComparisonsToCsv}), each named with its curve's label. */
export function comparisonCsvColumns(comparisons: readonly Comparison[]): CsvColumn[] {
  return comparisons.flatMap((c, i) => {
    const [mass, eps] = comparisonCsvNames(i + 1);
    return [
      { name: mass, title: `comparison curve ${i + 1}, ${c.label}: dark-photon mass m_A' of its points (empty below its last point)`, unit: 'GeV' },
      { name: eps, title: `comparison curve ${i + 1}, ${c.label}: its limit on the kinetic mixing epsilon at that mass`, unit: '1' },
    ];
  });
}

/** The sidecar's name for a CSV file (W3C CSVW: `{url}-metadata.json`). */
export const csvMetadataName = (csvFile: string): string => `${csvFile}-metadata.json`;

/** A column the sidecar describes. */
export interface CsvColumn {
  name: string;
  title: string;
  unit: string;
  /** CSVW datatype (default double). */
  datatype?: string;
}

/** A column as the sidecar's `tableSchema` lists it. */
export const csvwColumn = (c: CsvColumn) => ({ name: c.name, titles: c.name, 'dc:description': c.title, datatype: c.datatype ?? 'double', unit: c.unit });

/**
 * The description of a reach CSV as W3C "CSV on the Web" metadata
 * (https://www.w3.org/TR/tabular-metadata/): the table's columns with
 * descriptions and units, and under `vanish` the configuration, positrons (or
 * particles on target), background, the signal the limit needs, the best
 * point, the kinematic edges inside the mass range, warnings, the spectral
 * analysis's bins and any comparison curves (whose points the CSV has in
 * two columns each, after the others: {@link reachToCsv}).
 * @param csvName the CSV file's name, relative to the sidecar (its `url`)
 * @param extra more columns after the reach's (a band's) and more entries under `vanish`
 */
export function reachCsvMetadata(
  r: ReachResult,
  comparisons: readonly Comparison[] = [],
  csvName = 'reach.csv',
  extra: { columns?: readonly CsvColumn[]; vanish?: Record<string, unknown> } = {},
) {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: csvName,
    'dc:title': 'vanish reach: expected upper limit on the kinetic mixing epsilon; event counts at epsilon = 1',
    tableSchema: {
      columns: [...REACH_CSV_COLUMNS, ...(extra.columns ?? []), ...comparisonCsvColumns(comparisons)].map(csvwColumn),
    },
    vanish: {
      config: { ...r.config },
      positrons: r.positrons,
      backgroundEvents: r.background,
      requiredSignalEvents: r.requiredSignal,
      best: {
        massGeV: r.best.massGeV,
        epsilon90: finite(r.best.epsilon90),
        valid: r.best.valid,
        ...(r.best.note !== undefined ? { note: r.best.note } : {}),
        massChiGeV: yPlanePoint(r.best, r.config).massChiGeV,
        y90: finite(yPlanePoint(r.best, r.config).y90),
      },
      edges: edgesInRange(r).map((e) => ({ massGeV: e.massGeV, label: e.label })),
      warnings: [...r.warnings],
      ...(r.spectral
        ? { analysis: { kind: 'spectral', quantity: r.spectral.quantity, mergedEdgesGeV: [...r.spectral.mergedEdges], backgroundEvents: [...r.spectral.background] } }
        : {}),
      comparisons: comparisons.map((c) => ({ label: c.label, ...(c.file === undefined ? {} : { file: c.file }), points: c.points.map(([m, e]) => [m, e]) })),
      ...(extra.vanish ?? {}),
    },
  };
}

/** {@link reachCsvMetadata} as JSON text. */
export const reachCsvMetadataJson = (...args: Parameters<typeof reachCsvMetadata>): string => `${JSON.stringify(reachCsvMetadata(...args), null, 2)}\n`;

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
 * The background as a one-row CSV, header first (warnings go to stderr and
 * into the JSON). A fixed target's columns are total_events, observed_events,
 * confidence_level, upper_limit_events.
 */
export function backgroundToCsv(b: BackgroundSummary | FixedTargetBackground): string {
  if (isFixedTargetBackground(b)) {
    return [
      'total_events,observed_events,confidence_level,upper_limit_events',
      row([b.total, b.observedEvents, b.confidenceLevel, b.upperLimitEvents]),
      '',
    ].join('\n');
  }
  return [
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
