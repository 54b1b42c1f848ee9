/**
 * The README's figure: the Belle II reach (the paper's Fig. 2) with vanish's
 * own NA64 2019 curve beside it, and the published NA64 2019 and BaBar 2017
 * limits from ../shared/data for comparison. Run with `npm run figures`;
 * writes docs/belle2-vs-na64.svg and docs/belle2-three-channels.svg (the three
 * channels of arXiv:2505.10302 with the spectral analysis, beside the seed's curve).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXPERIMENTS, belle2, belle2_paper, computeReach, logGrid, withOverrides } from '../src/index.js';
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
const write = (name: string, text: string) => {
  const out = here(`../docs/${name}`);
  writeFileSync(`${out}.tmp`, text);
  renameSync(`${out}.tmp`, out);
  console.log(`wrote ${out}`);
};
write('belle2-vs-na64.svg', svg);

// The three channels (arXiv:2505.10302) beside the seed's two-channel curve, counting and spectral
const paper = computeReach(belle2_paper, masses);
const spectral = computeReach(withOverrides(belle2, { analysis: 'spectral' }), masses);
write(
  'belle2-three-channels.svg',
  reachPlot(spectral, {
    comparisons: [{ label: 'seed paper: two channels, one count (belle2-paper)', points: paper.points.map((p) => [p.massGeV, p.epsilon90]) }],
    title: 'Belle II: resonance, A′-strahlung and e⁺e⁻ → γA′, spectral analysis',
    xDomain: [0.01, 0.3],
  }),
);
