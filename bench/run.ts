/**
 * Benchmarks (not tests): the default 200-point Belle II reach curve inside
 * one process, the per-mass cost of each yield, and the whole `vanish reach`
 * command. Prints medians and their ratio to the targets of the core issue
 * (200 ms in process, 1 s for the command). Run with `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { belle2, belle2_paper, computeReach, logGrid } from '../src/index.js';
import { yieldContext } from '../src/yields/context.js';
import { annihilationYield } from '../src/yields/annihilation.js';
import { bremsstrahlungYield } from '../src/yields/bremsstrahlung.js';

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
  console.log(`${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms${target ? `   ratio to target ${target} ms: ${(ms / target).toFixed(2)}` : ''}`);

const masses = logGrid(1e-3, 1, 200);
console.log(`vanish benchmarks — node ${process.version}, 200 masses 1 MeV–1 GeV (+4 edge points)\n`);

row('first reach in a fresh process (builds tables)', time(() => computeReach(belle2, masses)));
const runs = Array.from({ length: 11 }, () => time(() => computeReach(belle2, masses)));
row('reach curve, median of 11', median(runs), 200);

// Issue 7: the belle2 curve with moving electrons (a new configuration each time, so the
// Compton-folded kernel G(s) is rebuilt) against belle2-paper (electrons at rest), same process.
const fresh = (c: typeof belle2) => () => computeReach({ ...c }, masses);
computeReach(belle2_paper, masses); // warm the shared track-length tables
const paper = median(Array.from({ length: 5 }, () => time(fresh(belle2_paper))));
const moving = median(Array.from({ length: 5 }, () => time(fresh(belle2))));
row('belle2-paper curve (electrons at rest), median of 5', paper);
row('belle2 curve (Compton-profile electrons), median of 5', moving);
console.log(`${'belle2 / belle2-paper (target < 2)'.padEnd(48)} ${(moving / paper).toFixed(2).padStart(8)}`);

const ctx = yieldContext(belle2);
ctx.annihilationKernel();
const perMass = (f: (m: number) => void) => median(masses.map((m) => time(() => f(m))));
row('annihilation yield per mass, median', perMass((m) => annihilationYield(ctx, m)));
row('bremsstrahlung yield per mass, median', perMass((m) => bremsstrahlungYield(ctx, m)));
row('annihilation kernel table (once per configuration)', median(Array.from({ length: 5 }, () => time(() => yieldContext(belle2).annihilationKernel()))));

const bin = new URL('../bin/vanish.js', import.meta.url).pathname;
if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  const cli = Array.from({ length: 5 }, () =>
    time(() => {
      const r = spawnSync(process.execPath, [bin, 'reach', '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error(`vanish reach exited with ${r.status}`);
    }),
  );
  row('`vanish reach --format json` command, median of 5', median(cli), 1000);
} else {
  console.log('(dist/ not built: run `npm run build` to time the command)');
}
