/**
 * Benchmarks of issue 14 (not tests; `npm run bench:scan`, after `npm run build`):
 *  1. a large grid scan with --jobs 1 and --jobs 2 in the same run, and their ratio
 *     (the target: two workers at least 1.7× faster on a 2-core machine), then grids whose
 *     configurations share yields (luminosity, statistics, the dark sector);
 *  2. a long single `vanish reach` (10000 masses) with --jobs 1 and --jobs 2;
 *  3. 1000 requests through `vanish serve` from Python against CLI calls (bench/serve_vs_cli.py).
 * Each CLI run is timed as a whole process (wall clock), alternating the job counts so a
 * change in the machine's load hits both alike; medians of REPEAT runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

const bin = new URL('../bin/vanish.js', import.meta.url).pathname;
if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  console.error('dist/ is not built: run `npm run build` first');
  process.exit(1);
}
const REPEAT = Number(process.env.REPEAT ?? 3);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = (args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`vanish ${args.join(' ')} exited with ${r.status}`);
  return (performance.now() - t0) / 1000;
};
const compare = (label: string, args: string[]) => {
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    one.push(time([...args, '--jobs', '1']));
    two.push(time([...args, '--jobs', '2']));
  }
  const [a, b] = [median(one), median(two)];
  console.log(`${label}\n  --jobs 1: ${a.toFixed(2)} s   --jobs 2: ${b.toFixed(2)} s   speed-up ${(a / b).toFixed(2)}× (median of ${REPEAT})`);
};

console.log(`vanish issue-14 benchmarks — node ${process.version}, ${cpus().length} cores\n`);
// The large scan: every configuration has its own tables and every channel its own yields (the
// energy cut enters all of them), so the work is the computation itself, not what one process
// keeps between configurations (a depth scan, say, shares the A′-strahlung yields, which do not
// read the calorimeter depth, within a worker only).
compare('scan: 32 configurations (energyCut), each its own tables and yields, 200 masses each', [
  'scan', '--vary', 'energyCut=lin:0.03:0.08:32', '--format', 'json', '-o', '/dev/null',
]);
// Luminosity and veto inefficiency change no yield at unit luminosity: each worker computes the
// curve's yields once and scales them (yields/curveYields.ts), so this grid is fast on any number of workers.
compare('scan: 64 configurations (lumi × photonVetoInefficiency, 8 × 8), 200 masses each', [
  'scan', '--vary', 'lumi=log:1:50:8', '--vary', 'photonVetoInefficiency=log:4.5e-5:4.5e-4:8', '--format', 'json', '-o', '/dev/null',
]);
compare('scan: 16 configurations (alphaD × massRatio, 4 × 4), 200 masses each', [
  'scan', '--vary', 'alphaD=log:1e-4:0.5:4', '--vary', 'massRatio=lin:2.1:5:4', '--format', 'json', '-o', '/dev/null',
]);
compare('reach: 10000 masses', ['reach', '--points', '10000', '--format', 'json', '-o', '/dev/null']);
compare('reach: 2000 masses', ['reach', '--points', '2000', '--format', 'json', '-o', '/dev/null']);
console.log('');
const py = spawnSync('python3', [new URL('./serve_vs_cli.py', import.meta.url).pathname], { stdio: 'inherit' });
if (py.status !== 0) console.error('bench/serve_vs_cli.py failed');
