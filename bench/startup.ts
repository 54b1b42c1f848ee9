/**
 * Benchmark (not a test) of issue 12's speed target: the whole `vanish reach`
 * (200 masses, JSON, through the installed bin — `node bin/vanish.js`, not
 * npx) at most 0.2 s median, and at least 50× faster than an independent
 * vectorised SciPy implementation of the same curve (bench/scipy_reach.py,
 * written from the paper's equations, run where SciPy imports).
 *
 * Prints medians of separate processes, run interleaved (one of each command
 * per round, so a change in the machine's load shows in every row alike), and
 * the breakdown: Node itself (`node -e 0`), loading the CLI (`vanish
 * --version`: Node + the bundle with its code cache + the program), the
 * computation inside one fresh process (with the tables the build stored, as
 * the command; and with them built), and the rest (parsing, validation,
 * formatting, writing). When the environment sets NODE_EXTRA_CA_CERTS (Node
 * then reads the certificates at every start, before any of vanish's code),
 * every process row is measured with it and without it.
 * Run with `npm run bench:startup` (also the end of `npm run bench`).
 * RUNS=N sets the runs per row (default 7).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/vanish.js', import.meta.url));
const LOADER = fileURLToPath(new URL('../dist/bundle/vanish.cjs', import.meta.url));
const RUNS = Math.max(1, Number(process.env.RUNS ?? 7));
const TARGET = 200;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Wall time of a process, ms (it must exit 0). */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

/** Medians of each process, the processes run interleaved, RUNS rounds. */
function interleaved(jobs: { args: string[]; env: NodeJS.ProcessEnv }[]): number[] {
  const times = jobs.map((): number[] => []);
  for (let round = 0; round < RUNS; round++) jobs.forEach((j, i) => times[i].push(timeProcess(j.args, j.env)));
  return times.map(median);
}

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

if (!existsSync(LOADER)) {
  console.log('dist/ is not built: run `npm run build` first');
  process.exit(1);
}
const { codeCache } = createRequire(import.meta.url)(LOADER) as { codeCache: string };

const CA = process.env.NODE_EXTRA_CA_CERTS;
const withoutCa = { ...process.env };
delete withoutCa.NODE_EXTRA_CA_CERTS;
// The environment as it is first (the target is measured there), then without the certificates.
const envs: [string, NodeJS.ProcessEnv][] = CA ? [['as set', process.env], ['without NODE_EXTRA_CA_CERTS', withoutCa]] : [['', process.env]];
const COMMANDS: [string, string[]][] = [
  ['node -e 0 (Node itself)', ['-e', '0']],
  ['vanish --version (Node + loading the CLI)', [BIN, '--version']],
  ['vanish reach --format json (belle2, 200 masses)', [BIN, 'reach', '--experiment', 'belle2', '--format', 'json']],
  ['vanish reach --experiment belle2-paper --format json', [BIN, 'reach', '--experiment', 'belle2-paper', '--format', 'json']],
];

console.log(`vanish startup — node ${process.version}, medians of ${RUNS} processes each, run interleaved; load average ${load()} (1, 5, 15 min)`);
console.log(`the CLI's code cache (dist/bundle/cli.cache): ${codeCache}${codeCache === 'used' ? '' : ' — the bundle is compiled at every start: rebuild with this Node (npm run build)'}`);
if (CA) {
  console.log(`NODE_EXTRA_CA_CERTS is set (${CA}): Node reads those certificates at every start, before any of vanish's code; every row is measured with it and without it.`);
}
const jobs = envs.flatMap(([, env]) => COMMANDS.map(([, args]) => ({ args, env })));
const medians = interleaved(jobs);
const at = (e: number, c: number) => medians[e * COMMANDS.length + c];
const results: Record<string, number> = {};
envs.forEach(([label], e) => {
  console.log(`\n${label ? `environment ${label}:` : ''}`);
  const node = at(e, 0);
  const version = at(e, 1);
  row(COMMANDS[0][0], node);
  row(COMMANDS[1][0], version, `CLI load ${(version - node).toFixed(0)} ms`);
  for (const c of [2, 3]) row(COMMANDS[c][0], at(e, c), `ratio to the ${TARGET} ms target: ${(at(e, c) / TARGET).toFixed(2)}`);
  if (e === 0) {
    results.belle2 = at(e, 2);
    results['belle2-paper'] = at(e, 3);
  }
});
if (CA) {
  const cost = at(0, 0) - at(1, 0);
  console.log(`\nNODE_EXTRA_CA_CERTS costs Node ${cost.toFixed(0)} ms at every start (node -e 0: ${at(0, 0).toFixed(0)} against ${at(1, 0).toFixed(0)} ms).`);
}

// The breakdown of the command, in the last environment (without the certificates when they are set).
const e = envs.length - 1;
const node = at(e, 0);
const cliLoad = at(e, 1) - node;
console.log(`\nbreakdown${CA ? ' (without NODE_EXTRA_CA_CERTS)' : ''}:`);
for (const [c, experiment] of [[2, 'belle2'], [3, 'belle2-paper']] as const) {
  const total = at(e, c);
  const compute = computeInFreshProcess(experiment, true);
  const built = computeInFreshProcess(experiment, false);
  row(`vanish reach --experiment ${experiment} --format json`, total, `ratio to the ${TARGET} ms target: ${(total / TARGET).toFixed(2)}`);
  row(`  of which computeReach in a fresh process (stored tables)`, compute, `${((100 * compute) / total).toFixed(0)} %; with the tables built: ${built.toFixed(0)} ms`);
  row(`  of which loading the CLI (--version - node -e 0)`, cliLoad, `${((100 * cliLoad) / total).toFixed(0)} %`);
  row(`  of which Node`, node, `${((100 * node) / total).toFixed(0)} %`);
  row(`  the rest (parse, validate, format, write)`, Math.max(0, total - compute - cliLoad - node), '');
}
console.log(`load average at the end: ${load()}`);

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
