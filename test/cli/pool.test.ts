/**
 * The worker pool (cli/pool.ts) both ways: worker threads of this process, and worker threads in a
 * process of their own started with V8's helper threads off (cli/poolHost.ts, what `--jobs N`
 * uses when N fills the cores). Both give what the library gives in this process, in task order;
 * a worker's error keeps its class and field.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WorkerTask } from '../../cli/worker.js';
import type { AnyExperimentConfig } from '../../src/config/schema.js';

// The pool runs compiled scripts (dist/cli/worker.js, poolHost.js): the built modules, as the CLI does.
const dist = new URL('../../dist/', import.meta.url);
if (!existsSync(new URL('cli/poolHost.js', dist))) throw new Error('dist/cli/poolHost.js is missing: run `npm run build` (npm test does)');
const { WorkerPool, reviveError } = (await import(new URL('cli/pool.js', dist).href)) as typeof import('../../cli/pool.js');
const { ConfigError, InputLimitError } = (await import(new URL('src/config/schema.js', dist).href)) as typeof import('../../src/config/schema.js');
const { EXPERIMENTS } = (await import(new URL('src/config/presets.js', dist).href)) as typeof import('../../src/config/presets.js');
const { reachPoints } = (await import(new URL('src/scan/points.js', dist).href)) as typeof import('../../src/scan/points.js');

const config = EXPERIMENTS['belle2-paper'].config;
const tasks: WorkerTask[] = [
  { kind: 'points', config, masses: [0.02, 0.06] },
  { kind: 'points', config: { ...config, energyCut: 0.04 }, masses: [0.03] },
  { kind: 'points', config: { ...config, lumi: 5 } as AnyExperimentConfig, masses: [0.07, 0.2] },
];

describe('WorkerPool', () => {
  it.each([
    ['worker threads of this process', false],
    ['worker threads in a process of their own', true],
  ])('%s: the results of the library, in task order', async (_, host) => {
    const expected = tasks.map((t) => JSON.parse(JSON.stringify(reachPoints(t.config, t.masses))));
    const done: number[] = [];
    const got = await new WorkerPool(2, host).run(tasks, (n) => done.push(n));
    expect(JSON.parse(JSON.stringify(got))).toEqual(expected);
    expect(done).toEqual([1, 2, 3]);
  }, 120_000);

  it('a configuration error in a worker of the host process comes back as a ConfigError naming its field', async () => {
    const bad: WorkerTask[] = [{ kind: 'points', config: { ...config, energyCut: -1 }, masses: [0.05] }, tasks[0]];
    const run = new WorkerPool(2, true).run(bad);
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(run).rejects.toMatchObject({ field: 'energyCut' });
  }, 120_000);
});

describe('reviveError (an error a worker sent)', () => {
  it("the user's errors keep their class and field (one line, status 2, as with --jobs 1); others are internal", () => {
    const limit = reviveError({ name: 'InputLimitError', message: 'A′ mass = 0.07 GeV: …', field: 'mass', user: true });
    expect(limit).toBeInstanceOf(InputLimitError);
    expect(limit).toBeInstanceOf(ConfigError);
    expect(limit).toMatchObject({ field: 'mass', message: 'A′ mass = 0.07 GeV: …' });
    expect(reviveError({ name: 'ConfigError', message: 'm', field: 'lumi', user: true })).toBeInstanceOf(ConfigError);
    const bug = reviveError({ name: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at f' });
    expect(bug).not.toBeInstanceOf(ConfigError);
    expect(bug.stack).toContain('at f');
  });
});

describe('automaticJobs (a long vanish reach without --jobs)', () => {
  it('one worker per 1000 masses, at most one per core, at least one', async () => {
    const { automaticJobs } = await import('../../cli/parallelReach.js');
    expect([automaticJobs(200, 2), automaticJobs(1999, 2), automaticJobs(2000, 2), automaticJobs(10_000, 2)]).toEqual([1, 1, 2, 2]);
    expect([automaticJobs(2000, 16), automaticJobs(5500, 16), automaticJobs(50_000, 16), automaticJobs(50_000, 1)]).toEqual([2, 5, 16, 1]);
  });
});
