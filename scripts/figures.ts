/**
 * The README's figures, run with `npm run figures`:
 *  - docs/belle2-vs-na64.svg: the Belle II reach (the paper's Fig. 2) with
 *    vanish's own NA64 2019 curve beside it, and the published NA64 2019 and
 *    BaBar 2017 limits from ../shared/data for comparison;
 *  - docs/belle2-edge.svg: `belle2` (γA′, moving electrons, Poisson CLs) and
 *    `belle2-paper` (the seed's model) side by side, 1 MeV – 1 GeV and the
 *    annihilation edge zoomed to 58–86 MeV;
 *  - docs/belle2-three-channels.svg: the three channels of arXiv:2505.10302
 *    with the spectral analysis, beside the seed's curve.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXPERIMENTS, belle2, belle2_paper, computeReach, logGrid, withOverrides } from '../src/index.js';
import type { ReachResult } from '../src/index.js';
import { parseCurveText } from '../src/format/curveFile.js';
import { reachPlot } from '../src/plot/reachPlot.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const shared = (name: string) => parseCurveText(readFileSync(here(`../../shared/data/${name}`), 'utf8'));

const masses = logGrid(1e-3, 1, 200);
const belle = computeReach(belle2, masses);
const na64 = computeReach(EXPERIMENTS['na64-2019'].config, masses);
const svg = reachPlot(belle, {
  comparisons: [
    { label: 'NA64 2019, computed by vanish (ETL, efficiency 1)', points: na64.points.map((p) => [p.massGeV, p.epsilon90]) },
    { label: 'NA64 2019, published (PRL 123, 121801)', points: shared('na64-2019-invisible-dark-photon.txt'), excluded: true },
    { label: 'BaBar 2017 mono-photon (PRL 119, 131804)', points: shared('babar-2017-monophoton-invisible-dark-photon.txt') },
  ],
  title: 'Belle II disappearing positron track (50 ab⁻¹) and NA64',
});
const out = here('../docs/belle2-vs-na64.svg');
writeFileSync(`${out}.tmp`, svg);
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}`);

// belle2 against belle2-paper: the whole range, and the edge zoomed in MeV
const paper = computeReach(belle2_paper, masses);
const zoom = logGrid(0.058, 0.086, 141);
const bestZoom = computeReach(belle2, zoom);
const paperZoom = computeReach(belle2_paper, zoom);
const curve = (r: ReachResult): [number, number][] => r.points.map((p) => [p.massGeV, p.epsilon90]);
const panel = (r: ReachResult, other: ReachResult, title: string, id: string, xDomain?: [number, number]) =>
  reachPlot(r, {
    comparisons: [{ label: "belle2-paper: the seed's model (electrons at rest, N_s/√N_b = √2.71)", points: curve(other) }],
    title,
    idPrefix: id,
    ...(xDomain ? { xDomain } : {}),
  });
const left = panel(belle, paper, 'belle2 (γA′, moving electrons, Poisson CLs) and belle2-paper', 'full');
const right = panel(bestZoom, paperZoom, 'The annihilation edge, 58–86 MeV', 'edge', [0.058, 0.086]);
const inner = (svg: string, x: number) => svg.replace(/^<svg /, `<svg x="${x}" y="0" `);
const both = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="600" viewBox="0 0 1600 600" font-family="DejaVu Sans, sans-serif">',
  inner(left, 0),
  inner(right, 800),
  '</svg>',
  '',
].join('\n');
const edgeOut = here('../docs/belle2-edge.svg');
writeFileSync(`${edgeOut}.tmp`, both);
renameSync(`${edgeOut}.tmp`, edgeOut);
console.log(`wrote ${edgeOut}`);
console.log(`belle2 best ${belle.best.epsilon90.toExponential(3)} at ${(belle.best.massGeV * 1e3).toFixed(3)} MeV; belle2-paper best ${paper.best.epsilon90.toExponential(3)} at ${(paper.best.massGeV * 1e3).toFixed(3)} MeV`);

// The three channels (arXiv:2505.10302) beside the seed's two-channel curve, counting and spectral
const spectral = computeReach(withOverrides(belle2, { analysis: 'spectral' }), masses);
const threeOut = here('../docs/belle2-three-channels.svg');
writeFileSync(
  `${threeOut}.tmp`,
  reachPlot(spectral, {
    comparisons: [{ label: 'seed paper: two channels, one count (belle2-paper)', points: curve(paper) }],
    title: 'Belle II: resonance, A′-strahlung and e⁺e⁻ → γA′, spectral analysis',
    xDomain: [0.01, 0.3],
  }),
);
renameSync(`${threeOut}.tmp`, threeOut);
console.log(`wrote ${threeOut}`);
