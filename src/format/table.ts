/**
 * Aligned plain-text tables for people (the CLI's default `--format table`).
 * Not a contract: use JSON or CSV in scripts. Pure and browser-safe.
 */
import { exposureText, statisticsText } from './exposure.js';
import { FIELDS, type ConfigField, type ExperimentConfig } from '../config/schema.js';
import type { BackgroundSummary, FluxSummary, ReachResult, YieldResult } from '../results.js';
import { massMeV, sameMass, sci, short } from './number.js';

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

/** The reach curve: one row per mass (MeV), yields at ε = 1, the limits, and a footer. */
export function reachToTable(r: ReachResult): string {
  const header = ["m_A' [MeV]", 'N_ann (ε=1)', 'N_brem (ε=1)', 'ε90', 'ε90 ann only', 'ε90 brem only', ''];
  const rows = r.points.map((p) => {
    const edge = r.edges.find((e) => sameMass(e.massGeV, p.massGeV));
    return [
      massMeV(p.massGeV),
      short(p.annihilation),
      short(p.bremsstrahlung),
      sci(p.epsilon90),
      sci(p.epsilon90Annihilation),
      sci(p.epsilon90Bremsstrahlung),
      edge ? `← ${edge.label}` : '',
    ];
  });
  const c = r.config;
  const footer = [
    `background N_b = ${short(r.background)} events, positrons = ${short(r.positrons)}`,
    `best: ε90 = ${sci(r.best.epsilon90)} at m_A' = ${massMeV(r.best.massGeV)} MeV`,
    `${exposureText(c)}, α_D = ${c.alphaD}, m_A'/m_χ = ${c.massRatio}, energy cut ${c.energyCut}, ${c.material} ${c.calorimeterDepth} X0, ${statisticsText(c)}`,
  ];
  const table = alignColumns([header, ...rows], ['r', 'r', 'r', 'r', 'r', 'r', 'l']);
  return `${[...table, '', ...footer].join('\n')}\n`;
}

/** Yields at one mass, at ε = 1, with their numerical errors. */
export function yieldToTable(y: YieldResult): string {
  return keyValue([
    ["m_A'", massMeV(y.massGeV), 'MeV'],
    ['annihilation events at ε = 1 (Eq. 11)', `${short(y.annihilation)} ± ${short(y.annihilationError, 2)}`],
    ['bremsstrahlung events at ε = 1 (Eq. 12)', `${short(y.bremsstrahlung)} ± ${short(y.bremsstrahlungError, 2)}`],
    ['total events at ε = 1', short(y.annihilation + y.bremsstrahlung)],
  ]);
}

/** The Bhabha positrons entering the barrel (Sec. III). */
export function fluxToTable(f: FluxSummary): string {
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

/** Photon and neutron backgrounds (Sec. IV). */
export function backgroundToTable(b: BackgroundSummary): string {
  return keyValue([
    ['photon escape probability (Eq. 6)', short(b.photon.escapeProbability)],
    ['photon KLM veto inefficiency', short(b.photon.vetoInefficiency)],
    ['photon events', short(b.photon.events)],
    [
      `neutron penetration probability (${b.neutron.penetrationFromConfig ? 'from config' : 'Eq. 7'})`,
      short(b.neutron.penetrationProbability),
    ],
    ['events with one neutron', short(b.neutron.singleNeutronEvents)],
    ['events with ≥ 2 neutrons', short(b.neutron.multiNeutronEvents)],
    ['neutron events', short(b.neutron.events)],
    ['total background events N_b', short(b.total)],
  ]);
}

/** Every configuration field with its value, unit and meaning. */
export function configToTable(c: ExperimentConfig): string {
  const rows = (Object.keys(FIELDS) as ConfigField[]).map((k) => [k, String(c[k]), FIELDS[k].unit, FIELDS[k].label]);
  return `${alignColumns(rows, ['l', 'r', 'l', 'l']).join('\n')}\n`;
}
