/**
 * Aligned plain-text tables for people (the CLI's default `--format table`).
 * Not a contract: use JSON or CSV in scripts. Pure and browser-safe.
 */
import { electronMotionText, exposureText, statisticsText } from './exposure.js';
import { fieldTable } from '../config/fields.js';
import type { AnyExperimentConfig } from '../config/schema.js';
import type { BackgroundSummary, FixedTargetBackground, FluxSummary, ReachResult, YieldResult } from '../results.js';
import type { Comparison } from './json.js';
import { backgroundRows, lowerFirst } from './rows.js';
import { CHANNEL_NO_LIMIT, channelLimit, channelSetsNoLimit, massMeV, sameMass, sci, short } from './number.js';

type Align = 'l' | 'r';

/** Pads every cell of `rows` to its column's width; columns joined by two spaces. */
export function alignColumns(rows: string[][], align: Align[]): string[] {
  const widths = align.map((_, j) => Math.max(...rows.map((r) => [...(r[j] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((cell, j) => {
        const pad = ' '.repeat(widths[j] - [...cell].length);
        return align[j] === 'r' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** `label  value unit` lines, labels left-aligned, values right-aligned. */
function keyValue(rows: [label: string, value: string, unit?: string][]): string {
  return `${alignColumns(rows.map(([l, v, u]) => [l, v, u ?? '']), ['l', 'r', 'l']).join('\n')}\n`;
}

const PARTICLE = { 'e+': 'e⁺', 'e-': 'e⁻' } as const;

/** Footnote marks for limits that are not meaningful, one per distinct reason. */
const MARKS = ['†', '‡', '§', '¶'];

/** The reach curve: one row per mass (MeV), yields at ε = 1, the limits, a footer, and the comparison curves' names. */
export function reachToTable(r: ReachResult, comparisons: readonly Comparison[] = []): string {
  const header = ["m_A' [MeV]", 'N_ann (ε=1)', 'N_brem (ε=1)', 'N_γA′ (ε=1)', 'ε90', 'ε90 ann only', 'ε90 brem only', 'ε90 γA′ only', ''];
  const { mark, footnotes } = validityMarks(r);
  const rows = r.points.map((p) => {
    const edge = r.edges.find((e) => sameMass(e.massGeV, p.massGeV));
    return [
      massMeV(p.massGeV),
      short(p.annihilation),
      short(p.bremsstrahlung),
      short(p.radiative),
      `${sci(p.epsilon90)}${mark(p)}`,
      channelLimit(p.epsilon90Annihilation),
      channelLimit(p.epsilon90Bremsstrahlung),
      channelLimit(p.epsilon90Radiative),
      edge ? `← ${edge.label}` : '',
    ];
  });
  const c = r.config;
  const counts =
    c.kind === 'fixedTarget'
      ? `background N_b = ${short(r.background)} events, ${PARTICLE[c.beamParticle]} on target = ${short(r.positrons)}, signal excluded N_up = ${short(r.requiredSignal)} events`
      : `background N_b = ${short(r.background)} events, positrons = ${short(r.positrons)}`;
  const footer = [
    counts,
    `best: ε90 = ${sci(r.best.epsilon90)}${mark(r.best)} at m_A' = ${massMeV(r.best.massGeV)} MeV`,
    ...footnotes,
    `${exposureText(c)}, α_D = ${c.alphaD}, m_A'/m_χ = ${c.massRatio}, energy cut ${c.energyCut}, ${c.material} ${c.calorimeterDepth} X0, ${electronMotionText(c)}, ${statisticsText(c)}`,
    ...(r.spectral
      ? [
          `spectral analysis: ${r.spectral.background.length} bins in ${r.spectral.quantity === 'missingEnergy' ? 'the missing energy E − E_dep' : 'the ECAL energy'} ` +
            `(edges ${r.spectral.mergedEdges.map((e) => short(e)).join(', ')} GeV, outer bins open); ` +
            `counting would give ε90 = ${sci(Math.min(...r.points.map((p) => p.epsilon90Counting)))} at best on the grid`,
        ]
      : []),
    ...comparisons.map((k) => `compared with: ${k.label} (${k.points.length} points${k.file === undefined ? '' : ` from ${k.file}`})`),
  ];
  const table = alignColumns([header, ...rows], ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']);
  return `${[...table, '', ...footer].join('\n')}\n`;
}

/**
 * A limit that is not meaningful gets a mark and a footnote with the reason(s); a channel's
 * ε90 ≥ 1 is shown as `≥ 1` ({@link channelLimit}) and explained once. For the ε and y tables.
 */
export function validityMarks(r: ReachResult): { mark: (p: { valid: boolean; note?: string }) => string; footnotes: string[] } {
  const notes = [...new Set([...r.points, r.best].filter((p) => !p.valid).map((p) => p.note ?? ''))];
  const channels = r.points.some((p) => [p.epsilon90Annihilation, p.epsilon90Bremsstrahlung, p.epsilon90Radiative].some(channelSetsNoLimit));
  return {
    mark: (p) => (p.valid ? '' : ` ${MARKS[notes.indexOf(p.note ?? '') % MARKS.length]}`),
    footnotes: [
      ...notes.map((n, i) => `${MARKS[i % MARKS.length]} not a meaningful limit: ${n}`),
      ...(channels ? [`≥ 1 in a channel's column: ${CHANNEL_NO_LIMIT}`] : []),
    ],
  };
}

/** Yields at one mass, at ε = 1, with their numerical errors. */
export function yieldToTable(y: YieldResult): string {
  return keyValue([
    ["m_A'", massMeV(y.massGeV), 'MeV'],
    ['annihilation events at ε = 1 (Eq. 11)', `${short(y.annihilation)} ± ${short(y.annihilationError, 2)}`],
    ['bremsstrahlung events at ε = 1 (Eq. 12)', `${short(y.bremsstrahlung)} ± ${short(y.bremsstrahlungError, 2)}`],
    ['e⁺e⁻ → γA′ events at ε = 1', `${short(y.radiative)} ± ${short(y.radiativeError, 2)}`],
    ['total events at ε = 1', short(y.annihilation + y.bremsstrahlung + y.radiative)],
  ]);
}

/** The Bhabha positrons entering the barrel (Sec. III); or the beam of a fixed target (no √s). */
export function fluxToTable(f: FluxSummary): string {
  if (f.sqrtS === undefined) {
    return keyValue([
      [`beam particles on target (${PARTICLE[f.particle]})`, short(f.positrons)],
      ['beam energy', f.energyMinGeV === f.energyMaxGeV ? short(f.energyMinGeV) : `${short(f.energyMinGeV)}–${short(f.energyMaxGeV)}`, 'GeV'],
    ]);
  }
  return keyValue([
    ['positrons in the barrel acceptance', short(f.positrons)],
    ['lowest positron energy', short(f.energyMinGeV), 'GeV'],
    ['highest positron energy', short(f.energyMaxGeV), 'GeV'],
    ...(f.sqrtS === undefined
      ? []
      : ([
          ['√s', short(f.sqrtS), 'GeV'],
          ['β of the CM frame', short(f.beta ?? NaN)],
          ['Bhabha cross-section into the acceptance', short(f.crossSectionPb ?? NaN), 'pb'],
        ] as [string, string, string?][])),
  ]);
}

/** Photon and neutron backgrounds (Sec. IV); or a fixed target's given background and its Poisson limit. */
export function backgroundToTable(b: BackgroundSummary | FixedTargetBackground): string {
  return keyValue(backgroundRows(b).map(([label, value]) => [lowerFirst(label), value]));
}

/** Every configuration field of the experiment's kind, after its kind, with its value, unit and meaning. */
export function configToTable(c: AnyExperimentConfig): string {
  const fields = fieldTable(c.kind);
  const values = c as unknown as Record<string, unknown>;
  const rows = [
    ['kind', c.kind, '', c.kind === 'fixedTarget' ? 'Fixed-target beam' : 'e⁺e⁻ collider'],
    ...Object.keys(fields).map((k) => [k, String(values[k]), fields[k].unit, fields[k].label]),
  ];
  return `${alignColumns(rows, ['l', 'r', 'l', 'l']).join('\n')}\n`;
}
