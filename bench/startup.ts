/**
 * Benchmark (not a test) of issue 12's speed target: the whole `vanish reach`
 * (200 masses, JSON, through the installed bin — `node bin/vanish.js`, not
 * npx) at most 0.2 s median, and at least 50× faster than an independent
 * vectorised SciPy implementation of the same curve (bench/scipy_reach.py,
 * written from the paper's equations, run where SciPy imports).
 *
 * Prints medians of separate processes and the breakdown: Node itself, loading
 * the CLI (`vanish --version`), the computation inside one fresh process
 * (with the tables the build stored, as the command; and with them built), and the rest (parsing, validation, formatting, writing).
 * Run with `npm run bench:startup` (also the end of `npm run bench`).
 * RUNS=N sets the runs per row (default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/vanish.js', import.meta.url));
const RUNS = Math.max(1, Number(process.env.RUNS ?? 5));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
};

/** Wall time of a process, ms (it must exit 0). */
function timeProcess(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

const runs = (cmd: string, args: string[]) => median(Array.from({ length: RUNS }, () => timeProcess(cmd, args)));

/** The computation alone inside a fresh process, ms, median: with the stored tables as the command reads them, or built. */
function computeInFreshProcess(experiment: string, stored: boolean): number {
  const script = `
    ${stored ? "(await import('./dist/src/node/storedTables.js')).installStoredTables();" : ''}
    const { EXPERIMENTS } = await import('./dist/src/config/presets.js');
    const { computeReach, logGrid } = await import('./dist/src/reach.js');
    const t0 = performance.now();
    computeReach(EXPERIMENTS[${JSON.stringify(experiment)}].config, logGrid(1e-3, 1, 200));
    process.stdout.write(String(performance.now() - t0));`;
  const one = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout);
  };
  return median(Array.from({ length: RUNS }, one));
}

const row = (name: string, ms: number, note = '') => console.log(`${name.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms${note ? `   ${note}` : ''}`);

if (!existsSync(new URL('../dist/bundle/vanish.cjs', import.meta.url))) {
  console.log('dist/ is not built: run `npm run build` first');
  process.exit(1);
}

const TARGET = 200;
console.log(`vanish startup — node ${process.version}, medians of ${RUNS} processes each; the machine's load shows in every row\n`);
const node = runs(process.execPath, ['-e', '0']);
const load = runs(process.execPath, [BIN, '--version']);
row('node -e 0 (Node itself)', node);
row('vanish --version (Node + loading the CLI)', load, `CLI load ${(load - node).toFixed(0)} ms`);

const results: Record<string, number> = {};
for (const experiment of ['belle2', 'belle2-paper']) {
  const total = runs(process.execPath, [BIN, 'reach', '--experiment', experiment, '--format', 'json']);
  const compute = computeInFreshProcess(experiment, true);
  const built = computeInFreshProcess(experiment, false);
  results[experiment] = total;
  row(`vanish reach --experiment ${experiment} --format json (200 masses)`, total, `ratio to the ${TARGET} ms target: ${(total / TARGET).toFixed(2)}`);
  row(`  of which computeReach in a fresh process (stored tables)`, compute, `${((100 * compute) / total).toFixed(0)} %; with the tables built: ${built.toFixed(0)} ms`);
  row(`  of which loading the CLI`, load - node, `${((100 * (load - node)) / total).toFixed(0)} %`);
  row(`  of which Node`, node, `${((100 * node) / total).toFixed(0)} %`);
  row(`  the rest (parse, validate, format, write)`, Math.max(0, total - compute - load), '');
}

// ── an independent vectorised SciPy implementation of the paper's curve ──
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0);
if (python === undefined) {
  console.log('\nSciPy is not importable by python3 here: no comparison with an independent implementation.');
} else {
  const script = fileURLToPath(new URL('./scipy_reach.py', import.meta.url));
  const t0 = performance.now();
  const r = spawnSync(python, ['-W', 'ignore', script, '--json'], { cwd: ROOT, encoding: 'utf8' });
  const pyMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`scipy_reach.py failed: ${r.stderr}`);
  const py = JSON.parse(r.stdout) as { seconds: number; curveSeconds: number; best: { massGeV: number; epsilon90: number }; scipy: string; numpy: string };
  console.log(`\nindependent SciPy implementation (bench/scipy_reach.py; ${python}, numpy ${py.numpy}, scipy ${py.scipy}), one run:`);
  row('  the paper\'s curve, 200 masses, whole Python process', pyMs, `after imports ${(1000 * py.seconds).toFixed(0)} ms, the curve alone ${(1000 * py.curveSeconds).toFixed(0)} ms`);
  console.log(`  its best point: ε90 = ${py.best.epsilon90.toExponential(3)} at ${(1000 * py.best.massGeV).toFixed(2)} MeV (the paper: ≈ 1.7e-5 near 66 MeV)`);
  console.log(`${'  ratio SciPy / vanish reach --experiment belle2-paper'.padEnd(58)} ${(pyMs / results['belle2-paper']).toFixed(1).padStart(7)} ×   target ≥ 50`);
  console.log(`${'  ratio SciPy / vanish reach (belle2: more physics)'.padEnd(58)} ${(pyMs / results.belle2).toFixed(1).padStart(7)} ×`);
}
