import { belle2, belle2_paper, na64_2019, withOverrides, computeReach, logGrid } from './src/index.js';
const ms = [0.03, 0.04, 0.05, 0.055, 0.06, 0.062, 0.064, 0.0649];
const a = computeReach(belle2, ms, { includeEdges: false }), b = computeReach(belle2_paper, ms, { includeEdges: false });
console.log('Belle II gain'); a.points.forEach((p, i) => console.log((p.massGeV*1e3).toFixed(1), b.points[i].epsilon90.toExponential(2), p.epsilon90.toExponential(2), (b.points[i].epsilon90/p.epsilon90).toFixed(2)));
const na = withOverrides(na64_2019, { alphaD: 0.001 }); const nb = withOverrides(na, { radiativeAnnihilation: false });
const ms2 = [0.1, 0.15, 0.18, 0.2, 0.21, 0.22, 0.224];
const c = computeReach(na, ms2, { includeEdges: false }), d = computeReach(nb, ms2, { includeEdges: false });
console.log('NA64 gain a_D=1e-3'); c.points.forEach((p, i) => console.log((p.massGeV*1e3).toFixed(1), d.points[i].epsilon90.toExponential(2), p.epsilon90.toExponential(2), (d.points[i].epsilon90/p.epsilon90).toFixed(2)));
const c2 = computeReach(na64_2019, ms2, { includeEdges: false }), d2 = computeReach(withOverrides(na64_2019, { radiativeAnnihilation: false }), ms2, { includeEdges: false });
console.log('NA64 preset a_D=0.1'); c2.points.forEach((p, i) => console.log((p.massGeV*1e3).toFixed(1), (d2.points[i].epsilon90/p.epsilon90).toFixed(3)));
// dominance on the 200 grid
const g = computeReach(belle2, logGrid(1e-3, 1, 200));
let cur = ''; let start = 0;
for (const p of g.points) { const ch = [['ann', p.annihilation], ['bre', p.bremsstrahlung], ['rad', p.radiative]].sort((x: any, y: any) => y[1] - x[1])[0][0] as string;
  if (ch !== cur) { if (cur) console.log(cur, (start*1e3).toFixed(2), '→', (p.massGeV*1e3).toFixed(2)); cur = ch; start = p.massGeV; } }
console.log(cur, (start*1e3).toFixed(2), '→ 1000');
console.log('best 3ch', g.best);
const sp = computeReach(withOverrides(belle2, { analysis: 'spectral' }), logGrid(1e-3, 1, 200));
console.log('best spectral', sp.best, sp.spectral?.mergedEdges, sp.spectral?.background);
for (const m of [0.01, 0.06, 0.0667, 0.07, 0.075, 0.08, 0.3, 1]) { const p = sp.points.reduce((x, y) => Math.abs(y.massGeV - m) < Math.abs(x.massGeV - m) ? y : x); console.log((p.massGeV*1e3).toFixed(2), p.epsilon90Counting.toExponential(3), p.epsilon90.toExponential(3), (p.epsilon90Counting/p.epsilon90).toFixed(2)); }
