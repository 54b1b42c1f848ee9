/**
 * Benchmarks (not tests): the default 200-point Belle II reach curve inside
 * one process, the per-mass cost of each yield, and the whole `vanish reach`
 * command. Prints medians and their ratio to the targets of the core issue
 * (200 ms in process, 1 s for the command). Run with `npm run bench`, which builds first: the
 * library is imported from dist/src, the JavaScript users run (tsx's on-the-fly transform of src/
 * wraps every closure in a naming helper, ≈ 20 % slower on the moving-electron tables).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { belle2, belle2_paper, computeReach, logGrid, withOverrides } from '../dist/src/index.js';
import { radiativeYield } from '../dist/src/yields/radiative.js';
import { clearTableCache, yieldContext } from '../dist/src/yields/context.js';
import { clearCurveYields } from '../dist/src/yields/curveYields.js';
import { loadavg } from 'node:os';
import { annihilationYield } from '../dist/src/yields/annihilation.js';
import { bremsstrahlungYield } from '../dist/src/yields/bremsstrahlung.js';
import { setStoredTablesLookup } from '../dist/src/yields/storedTables.js';
import { installStoredTables } from '../dist/src/node/storedTables.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
};
const time = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const row = (name: string, ms: number, target?: number) =>
  console.log(`${name.padEnd(62)} ${ms.toFixed(1).padStart(8)} ms${target ? `   ratio to target ${target} ms: ${(ms / target).toFixed(2)}` : ''}`);

const masses = logGrid(1e-3, 1, 200);
/** `BENCH=etl npm run bench` runs only the exact-tree-level rows (issue 9). */
const onlyEtl = process.env.BENCH === 'etl';
if (!onlyEtl) {
console.log(`vanish benchmarks — node ${process.version}, 200 masses 1 MeV–1 GeV (+4 edge points), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);

// Mass-independent tables (F, the moving-electron G, the Doppler-smeared source) are kept per
// configuration (src/yields/context.ts), and so are a curve's yields (src/yields/curveYields.ts):
// "warm" curves reuse both, "cold" ones build them first (clearTableCache and clearCurveYields
// before each run; the track-length tables stay, they are per process).
const cold = (c: typeof belle2, grid = masses) => () => {
  clearTableCache();
  clearCurveYields();
  computeReach(c, grid);
};
const warm = (c: typeof belle2, grid = masses) => () => computeReach(c, grid);
row('first reach in a fresh process (builds tables)', time(() => computeReach(belle2, masses)));
// the same in child processes, with the tables the build stored (dist/tables) and without
const firstReach = (mode: string, preset = 'belle2') =>
  median(
    Array.from({ length: 3 }, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('./firstReach.ts', import.meta.url).pathname, mode, preset], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`bench/firstReach.ts exited with ${r.status}: ${r.stderr}`);
      return Number(r.stdout.trim());
    }),
  );
const firstStored = firstReach('stored');
row('first reach in a fresh process, shipped tables and default-curve yields, median of 3', firstStored);
const firstBuilt = firstReach('built');
row('first reach in a fresh process, tables built, median of 3', firstBuilt);
const paperStored = firstReach('stored', 'belle2-paper');
row('belle2-paper: first reach in a fresh process, shipped tables and yields, median of 3', paperStored);
const paperBuilt = firstReach('built', 'belle2-paper');
row('belle2-paper: first reach in a fresh process, tables built, median of 3', paperBuilt);
console.log(`  belle2 / belle2-paper (issue 7: < 2), first curve in a fresh process: all computed ×${(firstBuilt / paperBuilt).toFixed(2)}, shipped ×${(firstStored / paperStored).toFixed(2)}`);
const runs = Array.from({ length: 11 }, () => time(warm(belle2)));
row('belle2 curve (three channels, moving e-), warm, median of 11', median(runs), 200);
// massInterpolation 'auto' keeps a curve's yields (src/yields/curveYields.ts): a warm rerun reuses them; this
// row forgets them first, so it times a first curve on built tables
const fresh = Array.from({ length: 11 }, () => time(() => (clearCurveYields(), computeReach(belle2, masses))));
row('belle2 curve, warm tables, yields not kept, median of 11', median(fresh), 200);
const off = withOverrides(belle2, { massInterpolation: 'off' });
row('belle2 curve, massInterpolation off, warm tables, yields not kept, median of 5', median(Array.from({ length: 5 }, () => time(() => (clearCurveYields(), computeReach(off, masses))))));
const coldRuns = Array.from({ length: 5 }, () => time(cold(belle2)));
row('belle2 curve, cold (tables built), median of 5', median(coldRuns));
// belle2-paper (massInterpolation 'off') keeps its yields computed at each mass too (exactYield): forgotten
// first, like belle2's in the row above, so the two rows time the same work
const paperRuns = Array.from({ length: 5 }, () => time(() => (clearCurveYields(), computeReach(belle2_paper, masses))));
row('belle2-paper curve (two channels, at rest), warm tables, yields not kept, median of 5', median(paperRuns));
const paperCold = Array.from({ length: 5 }, () => time(cold(belle2_paper)));
row('belle2-paper curve, cold, median of 5', median(paperCold));
// the cost of electron motion alone: the paper's channels and statistic, its electrons moving (on-shell profile)
const motion = withOverrides(belle2_paper, { electronMotion: 'comptonProfile' });
const motionCold = Array.from({ length: 5 }, () => time(cold(motion)));
row('belle2-paper with electron motion, cold, median of 5', median(motionCold));
const motionRuns = Array.from({ length: 5 }, () => time(() => (clearCurveYields(), computeReach(motion, masses))));
row('belle2-paper with electron motion, warm tables, yields not kept, median of 5', median(motionRuns));
console.log(
  `  electron motion alone (issue 7: < 2): both cold ×${(median(motionCold) / median(paperCold)).toFixed(2)}, on built tables ×${(median(motionRuns) / median(paperRuns)).toFixed(2)}`,
);
// the cost of electron motion within belle2's own physics (three channels, cls): belle2 against belle2 with its
// electrons at rest (belle2-paper also lacks the γA′ channel, which is most of belle2's time either way)
const rest = withOverrides(belle2, { electronMotion: 'atRest' });
const restRuns = Array.from({ length: 5 }, () => time(() => (clearCurveYields(), computeReach(rest, masses))));
row('belle2 with electrons at rest, warm tables, yields not kept, median of 5', median(restRuns));
const restCold = Array.from({ length: 5 }, () => time(cold(rest)));
row('belle2 with electrons at rest, cold, median of 5', median(restCold));
console.log(
  `  electron motion in belle2's physics (issue 7: < 2): on built tables ×${(median(fresh) / median(restRuns)).toFixed(2)}, both cold ×${(median(coldRuns) / median(restCold)).toFixed(2)}`,
);
const spectral = withOverrides(belle2, { analysis: 'spectral' });
const spectralRuns = Array.from({ length: 5 }, () => time(warm(spectral)));
row('belle2 + spectral, warm, median of 5', median(spectralRuns), 1000);
const spectralFresh = Array.from({ length: 5 }, () => time(() => (clearCurveYields(), computeReach(spectral, masses))));
row('belle2 + spectral, warm tables, yields not kept, median of 5', median(spectralFresh), 1000);
console.log(
  `  belle2 / belle2-paper (issue 7: < 2): first curve on built tables ×${(median(fresh) / median(paperRuns)).toFixed(2)}, cold with the tables built ×${(median(coldRuns) / median(paperCold)).toFixed(2)}; spectral on top of belle2 (yields not kept): ×${(median(spectralFresh) / median(fresh)).toFixed(2)}`,
);
// cold again, the tables (and the presets' default-curve yields and belle2's spectral shapes) read from the
// files the build stored (dist/tables) as the command reads them
installStoredTables();
const coldStored = Array.from({ length: 5 }, () => time(cold(belle2)));
row('belle2 curve, cold, stored tables and yields read, median of 5', median(coldStored));
const paperColdStored = Array.from({ length: 5 }, () => time(cold(belle2_paper)));
row('belle2-paper curve, cold, stored tables and yields read, median of 5', median(paperColdStored));
console.log(`  belle2 / belle2-paper, cold with stored tables and yields: ×${(median(coldStored) / median(paperColdStored)).toFixed(2)}`);
const spectralColdStored = Array.from({ length: 5 }, () => time(cold(spectral)));
row('belle2 + spectral, cold, stored tables, yields and shapes read, median of 5', median(spectralColdStored), 1000);
setStoredTablesLookup(undefined);
// issue 13: a recompute of 100 masses after an edit that leaves the tables (α_D here)
const grid100 = logGrid(1e-3, 1, 100);
const edits = Array.from({ length: 11 }, (_, i) => withOverrides(belle2, { alphaD: 0.1 * (1 + i / 11) }));
computeReach(edits[0], grid100);
row('belle2, 100 masses after an α_D edit, median of 11', median(edits.map((c) => time(() => computeReach(c, grid100)))), 100);

const ctx = yieldContext(belle2);
ctx.annihilationKernel();
const perMass = (f: (m: number) => void) => median(masses.map((m) => time(() => f(m))));
row('annihilation yield per mass, median', perMass((m) => annihilationYield(ctx, m)));
row('bremsstrahlung yield per mass, median', perMass((m) => bremsstrahlungYield(ctx, m)));
row('e+e- -> gamma A\' yield per mass (moving e-), median', perMass((m) => radiativeYield(ctx, m)));
const window = masses.filter((m) => m > 0.065 && m < 0.0823);
row('e+e- -> gamma A\' per mass in 65–82 MeV (moving e-), median', median(window.map((m) => time(() => radiativeYield(ctx, m)))));
const restCtx = yieldContext(withOverrides(belle2, { electronMotion: 'atRest' }));
row('e+e- -> gamma A\' per mass in 65–82 MeV (at rest), median', median(window.map((m) => time(() => radiativeYield(restCtx, m)))));
const build = (f: (c: ReturnType<typeof yieldContext>) => unknown) =>
  median(Array.from({ length: 5 }, () => time(() => (clearTableCache(), f(yieldContext(belle2))))));
row('table: annihilation kernel F (once per configuration)', build((c) => c.annihilationKernel()));
row('table: moving-electron kernel G(s), incl. F', build((c) => c.movingElectronKernel()));
row('table: Doppler-smeared source', build((c) => c.dopplerSource()));

const bin = new URL('../bin/vanish.js', import.meta.url).pathname;
if (existsSync(new URL('../dist/bundle/vanish.cjs', import.meta.url))) {
  const cli = Array.from({ length: 5 }, () =>
    time(() => {
      const r = spawnSync(process.execPath, [bin, 'reach', '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error(`vanish reach exited with ${r.status}`);
    }),
  );
  row('`vanish reach --format json` command, median of 5', median(cli), 1000);
  const cliBuilt = Array.from({ length: 5 }, () =>
    time(() => {
      const r = spawnSync(process.execPath, [bin, 'reach', '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, VANISH_STORED_TABLES: 'off' } });
      if (r.status !== 0) throw new Error(`vanish reach exited with ${r.status}`);
    }),
  );
  row('`vanish reach --format json`, stored tables off, median of 5', median(cliBuilt), 1000);
} else {
  console.log('(dist/ not built: run `npm run build` to time the command)');
}

}

// ── exact tree-level A′-strahlung (issue 9) ──
{
  const { etlTotalCrossSection, etlDSigmaDEk } = await import('../src/processes/etl.js');
  const { etlCumulativeTable } = await import('../src/yields/etlTable.js');
  const { material } = await import('../src/materials/materials.js');
  const { EXPERIMENTS, withOverrides } = await import('../src/index.js');
  const Pb = { Z: 82, A: 207, atomicWeight: 207.2 };
  console.log('\nexact tree-level (ETL) A′-strahlung, e− on Pb at 100 GeV');
  for (const m of [0.001, 0.01, 0.1, 1]) {
    row(`ETL dσ/dx at x = 0.9, m = ${m * 1000} MeV, median of 5`, median(Array.from({ length: 5 }, () => time(() => etlDSigmaDEk(Pb, 100, m, 90, { relTol: 1e-3 })))));
    row(`ETL total σ (E_A′ ≥ 2m), m = ${m * 1000} MeV`, time(() => etlTotalCrossSection(Pb, 100, m, Math.max(0.01, 2 * m), { relTol: 1e-3 })));
  }
  const ecal = material('NA64-ECAL');
  for (const m of [0.001, 0.01, 0.1, 1]) {
    row(`ETL table for one mass (NA64 ECAL, 50–100 GeV), m = ${m * 1000} MeV`, time(() => etlCumulativeTable(ecal, m, 50, 100, 0.5, { relTol: 1e-3 })));
  }
  const na64 = EXPERIMENTS['na64-2019'].config;
  const grid = logGrid(1e-3, 1, 20);
  for (const model of ['iww', 'etl'] as const) {
    const cfg = withOverrides(na64, { bremsstrahlungModel: model });
    row(`NA64 2019 reach, 20 masses, ${model}`, time(() => computeReach(cfg, grid, { includeEdges: false })));
  }
  // the curve's ETL yields straight from one table per mass (massGrid off) against the shared mass grid
  row('NA64 2019 reach, 20 masses, etl, a table per mass', time(() => computeReach(na64, grid, { includeEdges: false, massGrid: false })));
  row('NA64 2019 reach, 200 masses + edges, etl (mass grid)', time(() => computeReach(na64, masses)));
}
