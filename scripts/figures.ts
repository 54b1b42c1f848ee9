/**
 * The README's figure: the Belle II reach (the paper's Fig. 2) with vanish's
 * own NA64 2019 curve beside it, and the published NA64 2019 and BaBar 2017
 * limits from ../shared/data for comparison. Run with `npm run figures`;
 * writes docs/belle2-vs-na64.svg.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXPERIMENTS, belle2, computeReach, logGrid } from '../src/index.js';
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
