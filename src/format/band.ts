/**
 * The band of a reach (`vanish reach --band`, `--systematics`) in every output:
 * JSON gets a `band` key after the reach's keys, CSV five more columns (ε at
 * −2σ … +2σ) described in its sidecar, the table a second table, the HEPData
 * submission five more dependent variables (in hepdata.ts). Pure and browser-safe.
 */
import type { ReachResult } from '../results.js';
import type { ReachBand } from '../statistics/reachBand.js';
import { REACH_CSV_HEADER, type CsvColumn } from './csv.js';
import { reachToObject, type Comparison } from './json.js';
import { massMeV, sci, sig } from './number.js';
import { alignColumns } from './table.js';

const NAMES = ['minus2sigma', 'minus1sigma', 'median', 'plus1sigma', 'plus2sigma'] as const;

/**
 * `{kind, sigmas, quantiles, factors, requiredSignal?, counts?, uncertainties?, samples?, seed?,
 * points: [{massGeV, minus2sigma, minus1sigma, median, plus1sigma, plus2sigma}], best: {massGeV, …}, warnings}`.
 */
export function bandToObject(b: ReachBand) {
  const five = (e: number[]) => Object.fromEntries(NAMES.map((n, i) => [n, e[i]])) as Record<(typeof NAMES)[number], number>;
  return {
    kind: b.kind,
    sigmas: [...b.sigmas],
    quantiles: [...b.quantiles],
    factors: [...b.factors],
    ...(b.requiredSignal ? { requiredSignal: [...b.requiredSignal] } : {}),
    ...(b.counts ? { counts: [...b.counts] } : {}),
    ...(b.uncertainties ? { uncertainties: b.uncertainties.map((u) => ({ ...u })) } : {}),
    ...(b.samples !== undefined ? { samples: b.samples, seed: b.seed } : {}),
    points: b.points.map((p) => ({ massGeV: p.massGeV, ...five(p.epsilon90) })),
    best: { massGeV: b.best.massGeV, ...five(b.best.epsilon90) },
    warnings: [...b.warnings],
  };
}

/** The reach JSON (as `vanish reach --format json`) with the band added as `band`. */
export function reachWithBandToJson(r: ReachResult, band: ReachBand, comparisons?: readonly Comparison[]): string {
  return `${JSON.stringify({ ...reachToObject(r, comparisons), band: bandToObject(band) }, null, 2)}\n`;
}

/** What a band is, in one line. */
export function bandText(b: ReachBand): string {
  const what =
    b.kind === 'statistical'
      ? 'statistical fluctuations of the expected limit (background-only observation)'
      : b.kind === 'systematic'
        ? 'input uncertainties'
        : 'statistical fluctuations and input uncertainties';
  const inputs = b.uncertainties?.length ? `; inputs ${b.uncertainties.map((u) => (u.kind === 'poisson' ? `${u.field}=poisson` : `${u.field}=${u.relative}`)).join(' ')}` : '';
  const sampled = b.samples !== undefined ? `; ${b.samples} samples, seed ${b.seed}` : '';
  return `band from ${what}${inputs}${sampled}; factors to the curve ${b.factors.map((f) => sig(f)).join(' ')}`;
}

/** The reach CSV with the band's five ε columns appended (what the band is goes to the sidecar: {@link bandCsvMetadata}). */
export function addBandToCsv(csv: string, band: ReachBand): string {
  const lines = csv.replace(/\n$/, '').split('\n');
  if (lines[0] !== REACH_CSV_HEADER || lines.length - 1 !== band.points.length) throw new RangeError('the CSV and the band do not belong together');
  const rows = lines.slice(1).map((l, i) => `${l},${band.points[i].epsilon90.map((e) => sig(e)).join(',')}`);
  return `${[`${REACH_CSV_HEADER},${NAMES.map((n) => `epsilon90_${n}`).join(',')}`, ...rows].join('\n')}\n`;
}

/** The band's columns and description for the CSV sidecar ({@link reachCsvMetadata}'s `extra`). */
export function bandCsvMetadata(band: ReachBand): { columns: CsvColumn[]; vanish: Record<string, unknown> } {
  const what = (s: number) => (s === 0 ? 'the median' : `${s > 0 ? '+' : '-'}${Math.abs(s)} sigma`);
  return {
    columns: NAMES.map((n, i) => ({ name: `epsilon90_${n}`, title: `epsilon90 at ${what(band.sigmas[i])} of the band (${bandText(band)})`, unit: '1' })),
    vanish: { band: { ...bandToObject(band), description: bandText(band) } },
  };
}

/** The band as a table for people, to follow the reach table. */
export function bandToTable(band: ReachBand): string {
  const header = ["m_A' [MeV]", 'ε90 −2σ', '−1σ', 'median', '+1σ', '+2σ'];
  const rows = band.points.map((p) => [massMeV(p.massGeV), ...p.epsilon90.map((e) => sci(e))]);
  rows.push([`best ${massMeV(band.best.massGeV)}`, ...band.best.epsilon90.map((e) => sci(e))]);
  return ['', ...alignColumns([header, ...rows], ['r', 'r', 'r', 'r', 'r', 'r']), `${bandText(band)}.`, ...band.warnings.map((w) => `warning: ${w}`), ''].join('\n');
}
