/**
 * The reach as a table in the y–m_χ plane (`vanish reach --plane y`): per mass
 * m_χ and m_A′, y90 = ε90² α_D (m_χ/m_A′)⁴ in total and per process, and the
 * invisible branching ratio at the limit. For people; JSON and CSV carry
 * massChiGeV and y90 on every point whatever the plane. Pure and browser-safe.
 */
import { DARK_MATTER_LABELS, yPlanePoint, yVariable } from '../models/darkMatter.js';
import type { ReachResult } from '../results.js';
import { electronMotionText, exposureText, statisticsText } from './exposure.js';
import type { Comparison } from './json.js';
import { channelLimit, massMeV, sameMass, sci, short } from './number.js';
import { alignColumns, validityMarks } from './table.js';

/** The dark-matter model of a configuration in words (with the pseudo-Dirac splitting). */
export function darkMatterText(c: ReachResult['config']): string {
  return `${DARK_MATTER_LABELS[c.darkMatter]}${c.darkMatter === 'pseudoDirac' ? ` (δ = Δm/m_χ = ${c.massSplitting}; χ₂ assumed invisible)` : ''}`;
}

export function reachToYTable(r: ReachResult, comparisons: readonly Comparison[] = []): string {
  const c = r.config;
  const y = (e: number) => yVariable(e, c.alphaD, c.massRatio);
  const header = ['m_χ [MeV]', "m_A' [MeV]", 'y90', 'y90 ann only', 'y90 brem only', 'y90 γA′ only', 'B_inv at ε90', ''];
  const { mark, footnotes } = validityMarks(r);
  const rows = r.points.map((p) => {
    const edge = r.edges.find((e) => sameMass(e.massGeV, p.massGeV));
    return [
      massMeV(p.massGeV / c.massRatio),
      massMeV(p.massGeV),
      `${sci(y(p.epsilon90))}${mark(p)}`,
      channelLimit(p.epsilon90Annihilation, sci(y(p.epsilon90Annihilation))),
      channelLimit(p.epsilon90Bremsstrahlung, sci(y(p.epsilon90Bremsstrahlung))),
      channelLimit(p.epsilon90Radiative, sci(y(p.epsilon90Radiative))),
      p.invisibleBranchingRatio90 === undefined ? '' : short(p.invisibleBranchingRatio90, 4),
      edge ? `← ${edge.label}` : '',
    ];
  });
  const best = yPlanePoint(r.best, c);
  const footer = [
    `best: y90 = ${sci(best.y90)}${mark(r.best)} at m_χ = ${massMeV(best.massChiGeV)} MeV (ε90 = ${sci(r.best.epsilon90)} at m_A' = ${massMeV(r.best.massGeV)} MeV)`,
    ...footnotes,
    `y = ε² α_D (m_χ/m_A')⁴ with α_D = ${c.alphaD}, m_A'/m_χ = ${c.massRatio}; ${darkMatterText(c)}; visible decays ${c.visibleDecays ? 'in the width (B_inv applied)' : 'neglected (Γ = Γ(A′ → χχ̄), the seed)'}`,
    `${exposureText(c)}, energy cut ${c.energyCut}, ${c.material} ${c.calorimeterDepth} X0, ${electronMotionText(c)}, ${statisticsText(c)}`,
    ...comparisons.map((k) => `compared with: ${k.label} (${k.points.length} points${k.file === undefined ? '' : ` from ${k.file}`}; converted to y at the same α_D and m_A'/m_χ)`),
  ];
  return `${[...alignColumns([header, ...rows], ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']), '', ...footer].join('\n')}\n`;
}
