/**
 * The README's figures, run with `npm run figures`:
 *  - docs/belle2-fig2.svg: the paper's Fig. 2 redrawn — the disappearing
 *    positron track of `belle2-paper` (blue solid) over 1 MeV – 1 GeV in MeV,
 *    NA64 2019 as a shaded excluded region — plus what vanish adds: the two
 *    channels apart, the best point, `belle2` (best physics) beside it, and
 *    BaBar's published mono-photon limit (the Belle II 50 ab⁻¹ mono-photon
 *    projection of the paper's Fig. 2 exists as no published data file: see
 *    the README, Figures);
 *  - docs/belle2-vs-na64.svg: `belle2` with vanish's own NA64 2019 curve and
 *    the published NA64 2019 and BaBar 2017 limits;
 *  - docs/belle2-edge.svg: `belle2` and `belle2-paper` side by side, 1 MeV –
 *    1 GeV and the annihilation edge zoomed to 58–86 MeV (in MeV);
 *  - docs/belle2-three-channels.svg: the three channels of arXiv:2505.10302
 *    with the spectral analysis, beside the seed's curve.
 *
 * The published curves are read at drawing time from ../shared/data (their
 * README there allows figures, not copies in the project); without that
 * folder the figures are drawn without them, and a line says so.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXPERIMENTS, belle2, belle2_paper, computeReach, logGrid, withOverrides } from '../src/index.js';
import type { ReachResult } from '../src/index.js';
import { parseCurveText } from '../src/format/curveFile.js';
import { reachPlot, type ComparisonCurve } from '../src/plot/reachPlot.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** A published curve from ../shared/data, or none (with a note) when the folder is not beside the project. */
function shared(name: string, label: string, excluded = false): ComparisonCurve[] {
  const file = here(`../../shared/data/${name}`);
  if (!existsSync(file)) {
    console.warn(`figures: ${file} not found; drawn without "${label}"`);
    return [];
  }
  return [{ label, points: parseCurveText(readFileSync(file, 'utf8')), excluded }];
}
function write(name: string, svg: string): void {
  const out = here(`../docs/${name}`);
  writeFileSync(`${out}.tmp`, svg);
  renameSync(`${out}.tmp`, out);
  console.log(`wrote ${out}`);
}
const curve = (r: ReachResult): [number, number][] => r.points.map((p) => [p.massGeV, p.epsilon90]);

const NA64_PUBLISHED = shared('na64-2019-invisible-dark-photon.txt', 'NA64 2019, 2.84×10¹¹ EOT (PRL 123, 121801)', true);
const BABAR_PUBLISHED = shared('babar-2017-monophoton-invisible-dark-photon.txt', 'BaBar 2017 mono-photon, 53 fb⁻¹ (PRL 119, 131804)');

const masses = logGrid(1e-3, 1, 200);
const paper = computeReach(belle2_paper, masses);
const belle = computeReach(belle2, masses);

// The paper's Fig. 2, plus what vanish adds
write(
  'belle2-fig2.svg',
  reachPlot(paper, {
    comparisons: [{ label: 'vanish belle2: moving electrons, CLs, + e⁺e⁻ → γA′', points: curve(belle) }, ...BABAR_PUBLISHED, ...NA64_PUBLISHED],
    title: 'Belle II, 50 ab⁻¹: the paper’s Fig. 2 redrawn by vanish (belle2-paper)',
    massUnit: 'MeV',
    yDomain: [1e-6, 1e-2],
  }),
);

// belle2 with NA64, computed and published
const na64 = computeReach(EXPERIMENTS['na64-2019'].config, masses);
write(
  'belle2-vs-na64.svg',
  reachPlot(belle, {
    comparisons: [{ label: 'NA64 2019, computed by vanish (ETL, efficiency 1)', points: curve(na64) }, ...NA64_PUBLISHED, ...BABAR_PUBLISHED],
    title: 'Belle II disappearing positron track (50 ab⁻¹) and NA64',
    massUnit: 'MeV',
  }),
);

// belle2 against belle2-paper: the whole range, and the edge zoomed in MeV
const zoom = logGrid(0.058, 0.086, 141);
const bestZoom = computeReach(belle2, zoom);
const paperZoom = computeReach(belle2_paper, zoom);
const panel = (r: ReachResult, other: ReachResult, title: string, id: string, xDomain?: [number, number]) =>
  reachPlot(r, {
    comparisons: [{ label: "belle2-paper: the seed's model (electrons at rest, N_s/√N_b = √2.71)", points: curve(other) }],
    title,
    idPrefix: id,
    massUnit: 'MeV',
    legend: 'outside',
    ...(xDomain ? { xDomain } : {}),
  });
const left = panel(belle, paper, 'belle2 (γA′, moving electrons, Poisson CLs) and belle2-paper', 'full');
const right = panel(bestZoom, paperZoom, 'The annihilation edge, 58–86 MeV', 'edge', [0.058, 0.086]);
const heightOf = (svg: string) => Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)?.[1]);
const H = Math.max(heightOf(left), heightOf(right));
const inner = (svg: string, x: number) => svg.replace(/^<svg /, `<svg x="${x}" y="0" `);
write(
  'belle2-edge.svg',
  [
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="${H}" viewBox="0 0 1600 ${H}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="1600" height="${H}" fill="white"/>`,
    inner(left, 0),
    inner(right, 800),
    '</svg>',
    '',
  ].join('\n'),
);
console.log(`belle2 best ${belle.best.epsilon90.toExponential(3)} at ${(belle.best.massGeV * 1e3).toFixed(3)} MeV; belle2-paper best ${paper.best.epsilon90.toExponential(3)} at ${(paper.best.massGeV * 1e3).toFixed(3)} MeV`);

// The three channels (arXiv:2505.10302) beside the seed's two-channel curve, counting and spectral
const spectral = computeReach(withOverrides(belle2, { analysis: 'spectral' }), masses);
write(
  'belle2-three-channels.svg',
  reachPlot(spectral, {
    comparisons: [{ label: 'seed paper: two channels, one count (belle2-paper)', points: curve(paper) }],
    title: 'Belle II: resonance, A′-strahlung and e⁺e⁻ → γA′, spectral analysis',
    xDomain: [0.01, 0.3],
    massUnit: 'MeV',
  }),
);
