/**
 * Where the time of a scan goes, per thread (not a test; `node --import tsx bench/scanThreads.ts`
 * after `npm run build`; Linux, it reads /proc): the energyCut scan of bench/scan.ts (N
 * configurations, default 32) computed alternately, REPEAT times (default 1), each in a fresh process:
 * on the process's own thread, as `--jobs 1` does, and on two worker threads of the built CLI
 * (dist/bundle/worker.js, the messages of cli/pool.ts, in grid order) in a process started with
 * the flags the CLI's pool gives the process of workers that fill the cores (HOST_V8_FLAGS;
 * HOST_FLAGS=off: V8's defaults). For each it prints the
 * wall time and the CPU time of the computing threads and of V8's helper threads (concurrent
 * compilation and garbage collection, which one computing thread runs on the idle core for free
 * and two must share the cores with), each worker's busy time and when it fell idle.
 *
 * With one thread the wall time is at least that thread's CPU time; with two it is at least half
 * of all the CPU time (helpers included) plus the tail (one worker idle while the other finishes).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const dist = new URL('../dist/', import.meta.url);
const N = Number(process.env.N ?? 32);
const REPEAT = Number(process.env.REPEAT ?? 1);

const { computeReach, logGrid } = (await import(new URL('src/reach.js', dist).href)) as typeof import('../src/reach.js');
const { EXPERIMENTS } = (await import(new URL('src/config/presets.js', dist).href)) as typeof import('../src/config/presets.js');
const { GRID, readGrid } = (await import(new URL('src/config/fields.js', dist).href)) as typeof import('../src/config/fields.js');
const { installStoredTables } = (await import(new URL('src/node/storedTables.js', dist).href)) as typeof import('../src/node/storedTables.js');
const { rangeValues } = (await import(new URL('src/scan/vary.js', dist).href)) as typeof import('../src/scan/vary.js');
const { HOST_V8_FLAGS } = (await import(new URL('cli/pool.js', dist).href)) as typeof import('../cli/pool.js');
installStoredTables();

const grid = readGrid({ massMin: GRID.massMin.default, massMax: GRID.massMax.default, points: GRID.points.default }, (f) => f);
if (!grid.ok) throw grid.problems[0];
const masses = logGrid(grid.min, grid.max, grid.points);
const base = EXPERIMENTS.belle2.config;
const configs = rangeValues(0.03, 0.08, N, false).map((energyCut) => ({ ...base, energyCut }));

/** CPU milliseconds (user + system) of every thread of this process, by thread id. */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10); // clock ticks of 10 ms
    } catch {
      // a thread that ended meanwhile
    }
  }
  return out;
}
const diff = (a: Map<string, number>, b: Map<string, number>) => new Map([...b].map(([t, v]) => [t, v - (a.get(t) ?? 0)]));
const sum = (xs: Iterable<number>) => [...xs].reduce((s, x) => s + x, 0);
const s = (ms: number) => (ms / 1000).toFixed(2);
const me = String(process.pid);

function inProcess() {
  const before = threadCpu();
  const t0 = performance.now();
  for (const c of configs) computeReach(c, masses, { includeEdges: true });
  const wall = performance.now() - t0;
  const d = diff(before, threadCpu());
  const main = d.get(me) ?? 0;
  console.log(`  one thread:  wall ${s(wall)} s; CPU: computing thread ${s(main)} s, V8 helpers ${s(sum(d.values()) - main)} s`);
}

async function twoWorkers() {
  const before = threadCpu();
  const t0 = performance.now();
  const pending = configs.map((_, i) => i);
  const busy = [0, 0];
  const idleAt = [0, 0];
  const workers: Worker[] = [];
  await Promise.all(
    [0, 1].map(
      (k) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(new URL('bundle/worker.js', dist), { stdout: false, stderr: false });
          workers.push(w);
          let start = 0;
          const feed = () => {
            const id = pending.shift();
            if (id === undefined) {
              idleAt[k] = performance.now() - t0;
              return resolve();
            }
            start = performance.now();
            w.postMessage({ id, task: { kind: 'reach', config: configs[id], masses, includeEdges: true } });
          };
          w.on('message', (reply: { error?: { message: string } }) => {
            if (reply.error) return reject(new Error(reply.error.message));
            busy[k] += performance.now() - start;
            feed();
          });
          w.on('error', reject);
          feed();
        }),
    ),
  );
  const wall = performance.now() - t0;
  const d = diff(before, threadCpu()); // read before the workers end, while their threads are listed
  await Promise.all(workers.map((w) => w.terminate()));
  const fresh = [...d].filter(([t]) => !before.has(t) && t !== me).map(([, v]) => v);
  const workersCpu = sum(fresh);
  const total = sum(d.values());
  console.log(
    `  two workers: wall ${s(wall)} s; CPU: workers ${s(workersCpu)} s, V8 helpers ${s(total - workersCpu - (d.get(me) ?? 0))} s, ` +
      `main thread ${s(d.get(me) ?? 0)} s; busy ${busy.map(s).join(' + ')} s; idle from ${idleAt.map(s).join(', ')} s`,
  );
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
if (process.env.SCAN_THREADS_MODE === 'one') inProcess();
else if (process.env.SCAN_THREADS_MODE === 'two') await twoWorkers();
else {
  console.log(`${N} configurations (energyCut = 0.03 … 0.08), ${masses.length} masses each; load average ${load()}`);
  for (let r = 0; r < REPEAT; r++) {
    for (const mode of ['one', 'two']) {
      const flags = mode === 'two' && process.env.HOST_FLAGS !== 'off' ? HOST_V8_FLAGS : [];
      const child = spawnSync(process.execPath, [...process.execArgv, ...flags, new URL(import.meta.url).pathname], {
        env: { ...process.env, SCAN_THREADS_MODE: mode },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
  }
  console.log(`load average after: ${load()}`);
}
