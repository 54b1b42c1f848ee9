/**
 * The reach as a HEPData table file (YAML): the mass m_A' (GeV) is the
 * independent variable; ε at 90% CL (total, annihilation only,
 * bremsstrahlung only) are the dependent variables, each with qualifiers for
 * the CL, luminosity, α_D and m_A'/m_χ; then `valid` (1 where the total ε is a
 * meaningful limit, 0 where not) and, when any is 0, a `note` saying why. A submission also needs a
 * `submission.yaml` naming this file; that is left to the author.
 * Format: hepdata.net "HEPData submission format" (data file schema 1.0).
 */
import { stringify } from 'yaml';
import type { ReachResult } from '../results.js';

/** HEPData marks a missing value with '-'; Infinity (no reach) is written so. */
const value = (x: number): { value: number | string } => ({ value: Number.isFinite(x) ? Number(x.toPrecision(6)) : '-' });

/** The reach curve as HEPData YAML text. */
export function reachToHepData(r: ReachResult): string {
  const c = r.config;
  const exposure =
    c.kind === 'fixedTarget'
      ? [
          { name: 'BEAM', value: c.beamParticle },
          { name: 'E(beam)', units: 'GeV', value: c.beamEnergy },
          { name: 'particles on target', value: c.particlesOnTarget },
        ]
      : [
          { name: 'LUMINOSITY', units: 'ab$^{-1}$', value: c.lumi },
          { name: 'E(e-) beam', units: 'GeV', value: c.electronBeamEnergy },
          { name: 'E(e+) beam', units: 'GeV', value: c.positronBeamEnergy },
        ];
  const qualifiers = (process: string) => [
    { name: 'CL', value: c.kind === 'fixedTarget' ? `${Math.round(c.confidenceLevel * 100)}%` : '90%' },
    { name: 'PROCESS', value: process },
    ...exposure,
    { name: 'alphaD', value: c.alphaD },
    { name: 'massRatio', value: c.massRatio, units: "$m_{A'}/m_{\\chi}$" },
    { name: 'energyCut', value: c.energyCut },
    { name: 'background events', value: Number(r.background.toPrecision(6)) },
  ];
  const dependent = (name: string, process: string, pick: (p: ReachResult['points'][number]) => number) => ({
    header: { name },
    qualifiers: qualifiers(process),
    values: r.points.map((p) => value(pick(p))),
  });
  const doc = {
    independent_variables: [
      { header: { name: "m_A'", units: 'GeV' }, values: r.points.map((p) => value(p.massGeV)) },
    ],
    dependent_variables: [
      dependent('epsilon90', r.config.radiativeAnnihilation ? 'annihilation + bremsstrahlung + e+e- -> gamma A\'' : 'annihilation + bremsstrahlung', (p) => p.epsilon90),
      dependent('epsilon90', 'annihilation only', (p) => p.epsilon90Annihilation),
      dependent('epsilon90', 'bremsstrahlung only', (p) => p.epsilon90Bremsstrahlung),
      ...(r.config.radiativeAnnihilation ? [dependent('epsilon90', "e+e- -> gamma A' only", (p) => p.epsilon90Radiative)] : []),
      // whether the total epsilon90 is a meaningful limit (issue 10): 1, or 0 with the reason beside it
      {
        header: { name: 'valid' },
        qualifiers: [{ name: 'MEANING', value: '1: epsilon90 is a meaningful limit; 0: it is not (see note)' }],
        values: r.points.map((p) => ({ value: p.valid ? 1 : 0 })),
      },
      ...(r.points.some((p) => !p.valid)
        ? [{ header: { name: 'note' }, values: r.points.map((p) => ({ value: p.valid ? '-' : (p.note ?? '-') })) }]
        : []),
    ],
  };
  return stringify(doc, { lineWidth: 0 });
}
