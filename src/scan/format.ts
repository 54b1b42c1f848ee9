/**
 * Text forms of a scan besides its JSON (src/scan/result.ts): one CSV table of
 * every curve and best point keyed by the varied values, a HEPData-style YAML
 * (the best points, then the curves), and an aligned table for people.
 * Pure and browser-safe.
 */
import { stringify } from 'yaml';
import { REACH_CSV_COLUMNS, REACH_CSV_HEADER, csvwColumn, reachPointRow, validityCells, type CsvColumn } from '../format/csv.js';
import { yPlanePoint } from '../models/darkMatter.js';
import { alignColumns } from '../format/table.js';
import { massMeV, sci, sig, short } from '../format/number.js';
import type { ScanResult, ScanRun } from './result.js';
import type { VaryValue } from './vary.js';

/** A varied value in a table: numbers to 8 significant digits, shortest form (keys stay distinct), names as they are. */
export function valueText(v: VaryValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(Number(v.toPrecision(8)));
  return v;
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

/**
 * HEPData-style YAML, two table documents: the best reach per configuration
 * (independent variables: the varied fields), then every curve in long form
 * (independent variables: the varied fields and m_A'). Missing ε is '-'.
 */
export function scanToHepData(s: ScanResult): string {
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
  const rows: { run: ScanRun; p: ScanRun['reach']['points'][number] }[] = s.runs.flatMap((run) => run.reach.points.map((p) => ({ run, p })));
  const curves = {
    independent_variables: [
      ...fields.map((f) => ({ header: { name: f }, values: rows.map(({ run }) => hepKey(run.values[f])) })),
      { header: { name: "m_A'", units: 'GeV' }, values: rows.map(({ p }) => hep(p.massGeV)) },
    ],
    dependent_variables: [
      { header: { name: 'epsilon90' }, qualifiers: [...qualifiers, { name: 'PROCESS', value: 'annihilation + bremsstrahlung' }], values: rows.map(({ p }) => hep(p.epsilon90)) },
      { header: { name: 'epsilon90' }, qualifiers: [...qualifiers, { name: 'PROCESS', value: 'annihilation only' }], values: rows.map(({ p }) => hep(p.epsilon90Annihilation)) },
      { header: { name: 'epsilon90' }, qualifiers: [...qualifiers, { name: 'PROCESS', value: 'bremsstrahlung only' }], values: rows.map(({ p }) => hep(p.epsilon90Bremsstrahlung)) },
    ],
  };
  const vary = s.spec.vary.map((v) => `${v.field}=${v.spec}`).join(' ');
  return [
    `# vanish scan ${s.spec.experiment} ${vary}: best reach per configuration`,
    stringify(best, { lineWidth: 0 }).trimEnd(),
    '---',
    `# vanish scan ${s.spec.experiment} ${vary}: the curves`,
    stringify(curves, { lineWidth: 0 }),
  ].join('\n');
}
