/**
 * Text forms of a scan besides its JSON (src/scan/result.ts): one CSV table of
 * every curve and best point keyed by the varied values, a HEPData submission
 * (the best points, then each configuration's reach tables), and an aligned
 * table for people.
 * Pure and browser-safe.
 */
import { stringify } from 'yaml';
import { PAPER_TEXT, reachHepDataTables, submissionText, type SubmissionFile } from '../format/hepdata.js';
import { REACH_CSV_COLUMNS, REACH_CSV_HEADER, csvwColumn, reachPointRow, validityCells, type CsvColumn } from '../format/csv.js';
import { yPlanePoint } from '../models/darkMatter.js';
import { alignColumns } from '../format/table.js';
import { distinctLabels, massMeV, sci, sig, short } from '../format/number.js';
import type { ScanResult, ScanRun } from './result.js';
import type { VaryValue } from './vary.js';
import { oneLine } from './warnings.js';

/** A varied value in a table: numbers to 8 significant digits, shortest form (keys stay distinct), names as they are. */
export function valueText(v: VaryValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(Number(v.toPrecision(8)));
  return v;
}

/**
 * A varied field's values as short labels (figures, HEPData table names): numbers
 * short and distinct (1e10, 8.0e-5, 14; format/number.ts distinctLabels), names
 * and null as they are.
 */
export function valueLabeller(values: readonly VaryValue[]): (v: VaryValue) => string {
  const key = (x: number) => Number(x.toPrecision(8));
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const labels = new Map(distinctLabels(numbers).map((text, i) => [key(numbers[i]), text]));
  return (v) => (typeof v === 'number' ? (labels.get(key(v)) ?? valueText(v)) : valueText(v));
}

/** A configuration's varied values as one label (`lumi = 1, photonVetoInefficiency = 4.5e-5`), each field's values by {@link valueLabeller}. */
export function runLabeller(s: ScanResult): (values: Readonly<Record<string, unknown>>) => string {
  const fields = s.spec.vary.map((v) => ({ field: v.field, label: valueLabeller(v.values) }));
  return (values) => fields.map(({ field, label }) => `${field} = ${label(values[field] as VaryValue)}`).join(', ');
}

function massesText(s: ScanResult): string {
  const m = s.spec.masses;
  const range = m.length > 0 ? ` from ${sig(Math.min(...m))} to ${sig(Math.max(...m))} GeV` : '';
  return `${m.length} masses${range}${s.spec.includeEdges ? ', plus the kinematic edges in range' : ''}`;
}

/** Columns of {@link scanToCsv} before the reach's own, for the sidecar (the varied fields come between `run` and these). */
const SCAN_KEY_COLUMNS: readonly CsvColumn[] = [
  { name: 'background_events', title: 'expected background events of the configuration', unit: 'events' },
  { name: 'required_signal_events', title: 'signal events the expected 90% CL limit needs', unit: 'events' },
  { name: 'point', title: 'grid: a requested mass (or a kinematic edge); best: the strongest reach, located beyond the grid (its yields are nan)', unit: '', datatype: 'string' },
];

/**
 * The scan as one CSV table, header first (numpy and pandas read it as it is):
 * per configuration, one `grid` row per mass and one `best` row (the strongest
 * reach located beyond the grid; its yields are `nan`), each keyed by the run
 * index and the varied values, with the run's background and required signal.
 * Columns after `point` are those of `vanish reach --format csv`. What the scan
 * is (experiment, base configuration, varied fields, warnings) goes to the
 * sidecar, {@link scanCsvMetadata}.
 */
export function scanToCsv(s: ScanResult): string {
  const fields = s.spec.vary.map((v) => v.field);
  const lines = [['run', ...fields, 'background_events', 'required_signal_events', 'point', REACH_CSV_HEADER].join(',')];
  for (const r of s.runs) {
    const key = [String(r.index), ...fields.map((f) => csvCell(valueText(r.values[f]))), sig(r.reach.background), sig(r.reach.requiredSignal)].join(',');
    for (const p of r.reach.points) lines.push(`${key},grid,${reachPointRow(p, r.reach.config)}`);
    const b = r.reach.best;
    const plane = yPlanePoint(b, r.reach.config);
    const nums = [b.massGeV, NaN, NaN, NaN, NaN, b.epsilon90, NaN, NaN, NaN, NaN, NaN, NaN, plane.massChiGeV, plane.y90, NaN];
    lines.push(`${key},best,${nums.map((x) => sig(x)).join(',')},${validityCells(b)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A varied value as a CSV cell: quoted when it holds a comma or a quote (names never do today). */
function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The description of {@link scanToCsv} as W3C "CSV on the Web" metadata
 * (https://www.w3.org/TR/tabular-metadata/), written beside a CSV file as
 * `FILE.csv-metadata.json`: every column with its description and unit, and
 * under `vanish` the experiment, the base configuration, the varied fields
 * with their specs and values, the number of configurations (and the shard),
 * the masses and every run's warnings.
 * @param csvName the CSV file's name, relative to the sidecar (its `url`)
 */
export function scanCsvMetadata(s: ScanResult, csvName = 'scan.csv') {
  const varied: CsvColumn[] = s.spec.vary.map((v) => ({
    name: v.field,
    title: `varied config field ${v.field} (${v.spec})`,
    unit: '',
    datatype: v.values.every((x) => typeof x === 'number') ? 'double' : 'string',
  }));
  const run: CsvColumn = { name: 'run', title: 'index of the configuration in the whole grid (the first --vary varies slowest)', unit: '', datatype: 'integer' };
  const columns = [run, ...varied, ...SCAN_KEY_COLUMNS, ...REACH_CSV_COLUMNS].map(csvwColumn);
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: csvName,
    'dc:title': `vanish scan: expected 90% CL upper limit on epsilon for each configuration; event counts at epsilon = 1`,
    tableSchema: { columns },
    vanish: {
      experiment: s.spec.experiment,
      baseConfig: { ...s.spec.base },
      vary: s.spec.vary.map((v) => ({ field: v.field, spec: v.spec, values: [...v.values] })),
      configurations: s.total,
      ...(s.shard ? { shard: { ...s.shard } } : {}),
      masses: massesText(s),
      warnings: s.runs.flatMap((r) => r.reach.warnings.map((w) => ({ run: r.index, warning: w }))),
    },
  };
}

/** {@link scanCsvMetadata} as JSON text. */
export const scanCsvMetadataJson = (s: ScanResult, csvName?: string): string => `${JSON.stringify(scanCsvMetadata(s, csvName), null, 2)}\n`;

/** The best point of every configuration, for people: varied values, N_b, best mass and ε. */
export function scanToTable(s: ScanResult): string {
  const fields = s.spec.vary.map((v) => v.field);
  const header = ['#', ...fields, 'N_b', "best m_A' [MeV]", 'best ε90'];
  const rows = s.runs.map((r) => [
    String(r.index),
    ...fields.map((f) => valueText(r.values[f])),
    short(r.reach.background),
    Number.isFinite(r.reach.best.epsilon90) ? massMeV(r.reach.best.massGeV) : '—',
    `${sci(r.reach.best.epsilon90)}${r.reach.best.valid ? '' : ' †'}`,
  ]);
  const notes = [...new Set(s.runs.filter((r) => !r.reach.best.valid).map((r) => r.reach.best.note ?? ''))];
  const align = header.map((_, j) => (j > 0 && j <= fields.length && typeof s.runs[0]?.values[fields[j - 1]] === 'string' ? 'l' : 'r')) as ('l' | 'r')[];
  const lines = alignColumns([header, ...rows], align);
  const shard = s.shard ? `, shard ${s.shard.index}/${s.shard.count}` : '';
  return [
    ...lines,
    ...(notes.length ? ['', `† not a meaningful limit: ${notes.join('; ')}`] : []),
    '',
    `${s.spec.experiment}: ${s.runs.length} of ${s.total} configurations${shard}; ${massesText(s)}.`,
    ...s.spec.vary.map((v) => `vary ${v.field}=${v.spec}`),
    '',
  ].join('\n');
}

const hep = (x: number): { value: number | string } => ({ value: Number.isFinite(x) ? Number(x.toPrecision(6)) : '-' });
const hepKey = (v: VaryValue): { value: number | string } => ({ value: typeof v === 'number' ? Number(v.toPrecision(8)) : String(v) });

/** The file of the best reach per configuration in a scan's submission. */
const BEST_FILE = 'best_epsilon90.yaml';

/**
 * The scan as a HEPData submission: `submission.yaml`, a table of the best
 * reach over the varied fields (`best_epsilon90.yaml`; independent variables
 * the varied fields), then per configuration the tables of `vanish reach
 * --format hepdata` (src/format/hepdata.ts), their files prefixed `runK_`,
 * their names ending in the varied values, which every dependent variable
 * also carries as qualifiers. Missing ε is '-'.
 * @param version the vanish version, for the submission's comment
 */
export function scanToHepDataSubmission(s: ScanResult, version = ''): SubmissionFile[] {
  const fields = s.spec.vary.map((v) => v.field);
  const qualifiers = [
    { name: 'experiment', value: s.spec.experiment },
    { name: 'CL', value: s.spec.base.kind === 'fixedTarget' ? `${Math.round(s.spec.base.confidenceLevel * 100)}%` : '90%' },
  ];
  const best = {
    independent_variables: fields.map((f) => ({ header: { name: f }, values: s.runs.map((r) => hepKey(r.values[f])) })),
    dependent_variables: [
      { header: { name: "best m_A'", units: 'GeV' }, qualifiers, values: s.runs.map((r) => hep(r.reach.best.massGeV)) },
      { header: { name: 'best epsilon90' }, qualifiers, values: s.runs.map((r) => hep(r.reach.best.epsilon90)) },
      { header: { name: 'background events' }, qualifiers, values: s.runs.map((r) => hep(r.reach.background)) },
    ],
  };
  const varyFlags = s.spec.vary.map((v) => `--vary ${v.field}=${v.spec}`).join(' ');
  const width = String(Math.max(0, s.total - 1)).length;
  const runLabel = runLabeller(s);
  const perRun = s.runs.map((r) =>
    reachHepDataTables(r.reach, undefined, {
      prefix: `run${String(r.index).padStart(width, '0')}_`,
      suffix: ` (${runLabel(r.values)})`,
      qualifiers: fields.map((f) => ({ name: f, value: hepKey(r.values[f]).value })),
      location: `vanish scan, configuration ${r.index}`,
    }),
  );
  const warnings = s.runs.flatMap((r) => r.reach.warnings.map((w) => `configuration ${r.index}: ${oneLine(w)}`));
  const header = {
    comment:
      `Expected upper limits on the kinetic mixing epsilon of an invisibly decaying dark photon A' (A' -> chi chibar), computed with vanish${version ? ` ${version}` : ''} ` +
      `for ${s.runs.length} configurations of ${s.spec.experiment} (vanish scan --experiment ${s.spec.experiment} ${varyFlags}; ${massesText(s)}), ` +
      `by resonant annihilation on atomic electrons (Eq. 11) and A'-strahlung on nuclei (Eq. 12) of ${PAPER_TEXT}. ` +
      `The first table is the best reach of each configuration (${BEST_FILE}); then each configuration's tables, as vanish reach --format hepdata writes them, ` +
      `their files named runK_ for configuration K and qualified by the varied values.` +
      (warnings.length > 0 ? ` Caveats: ${warnings.join(' ')}` : ''),
  };
  const bestTable = {
    name: 'Best expected limit on epsilon per configuration',
    location: 'vanish scan',
    description: `The strongest expected upper limit on the kinetic mixing $\\varepsilon$ of each configuration (over m_A'), its mass and background, against the varied fields ${fields.join(', ')}.`,
    keywords: [
      { name: 'observables', values: ['LIMIT'] },
      { name: 'phrases', values: ['Dark photon', 'Invisible decay', 'Exclusion limit', 'Expected limit'] },
    ],
    data_file: BEST_FILE,
  };
  return [
    { name: 'submission.yaml', text: submissionText([header, bestTable, ...perRun.flatMap((t) => t.tables)]) },
    { name: BEST_FILE, text: stringify(best, { lineWidth: 0, aliasDuplicateObjects: false }) },
    ...perRun.flatMap((t) => t.files),
  ];
}
