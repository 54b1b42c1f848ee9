/**
 * `vanish scan` and `vanish merge`, built, end to end with the real library:
 * results identical byte for byte across --jobs 1, --jobs 2 and sharded-then-
 * merged runs, in every format (a HEPData submission directory too); the table keyed by the varied values; the
 * figures; bad input gives one line, status 2 and no file; Ctrl-C stops the
 * workers and writes nothing.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { nextTask } from '../../cli/pool.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'vanish.js');

function vanish(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

let dir = '';
const file = (name: string) => path.join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');
const GRID = ['--vary', 'lumi=1,50', '--vary', 'photonVetoInefficiency=log:4.5e-5:4.5e-4:3', '--points', '8'];

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(path.join(tmpdir(), 'vanish-scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vanish scan / merge (built, end to end)', () => {
  it('--jobs 1, --jobs 2 and three shards merged give the same bytes (json, csv, figure)', async () => {
    const [one, two, s1, s2, s3] = await Promise.all([
      vanish(['scan', ...GRID, '--jobs', '1', '--format', 'json', '-o', file('j1.json')]),
      vanish(['scan', ...GRID, '--jobs', '2', '--format', 'json', '-o', file('j2.json'), '--plot', file('j2.svg')]),
      vanish(['scan', ...GRID, '--shard', '1/3', '--jobs', '2', '-o', file('s1.json')]),
      vanish(['scan', ...GRID, '--shard', '2/3', '--jobs', '1', '-o', file('s2.json')]),
      vanish(['scan', ...GRID, '--shard', '3/3', '-o', file('s3.json')]),
    ]);
    // at 1 ab⁻¹ the 1 GeV limit is where A′ → e⁺e⁻ competes with A′ → χχ̄: flagged (issue 10), nothing else said
    for (const r of [one, two, s1, s2, s3]) expect(r.stderr).toMatch(/^(vanish: warning: no meaningful limit at [^\n]*\n)*$/);
    expect(one.stderr).toMatch(/no meaningful limit/);
    for (const r of [one, two, s1, s2, s3]) expect(r.status).toBe(0);
    expect(read('j2.json')).toBe(read('j1.json'));
    const merged = await vanish(['merge', file('s3.json'), file('s1.json'), file('s2.json'), '--format', 'json', '--plot', file('m.svg')]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(read('j1.json'));
    expect(merged.stderr).toBe(one.stderr); // the whole scan's warnings, as the scan printed them
    expect(read('m.svg')).toBe(read('j2.svg'));
    for (const format of ['csv']) {
      const [whole, m] = await Promise.all([
        vanish(['scan', ...GRID, '--jobs', '2', '--format', format, '-o', file(`whole.${format}`)]),
        vanish(['merge', file('s1.json'), file('s2.json'), file('s3.json'), '--format', format, '-o', file(`merged.${format}`)]),
      ]);
      expect(whole.status).toBe(0);
      expect(m.status).toBe(0);
      expect(read(`merged.${format}`)).toBe(read(`whole.${format}`));
      // the CSVW sidecars agree too, but for the CSV file each names
      const sidecar = (name: string) => ({ ...JSON.parse(read(`${name}-metadata.json`)), url: undefined });
      expect(sidecar(`merged.${format}`)).toEqual(sidecar(`whole.${format}`));
    }
    // HEPData: a submission directory, the merged shards' equal file for file, byte for byte
    const [wholeHep, mergedHep] = await Promise.all([
      vanish(['scan', ...GRID, '--jobs', '2', '--format', 'hepdata', '-o', file('whole-hep')]),
      vanish(['merge', file('s2.json'), file('s3.json'), file('s1.json'), '--format', 'hepdata', '-o', file('merged-hep')]),
    ]);
    expect(wholeHep.status).toBe(0);
    expect(mergedHep.status).toBe(0);
    expect(wholeHep.stdout + mergedHep.stdout).toBe('');
    const names = readdirSync(file('whole-hep')).sort();
    expect(readdirSync(file('merged-hep')).sort()).toEqual(names);
    for (const n of names) expect(read(`merged-hep/${n}`), n).toBe(read(`whole-hep/${n}`));
  }, 400_000);

  it('--format hepdata writes a HEPData submission: submission.yaml lists every table file, each exists and parses', () => {
    const names = readdirSync(file('whole-hep')).sort();
    const docs = parseAllDocuments(read('whole-hep/submission.yaml')).map((d) => d.toJS());
    expect(docs[0].comment).toMatch(/6 configurations of belle2 \(vanish scan --experiment belle2 --vary lumi=1,50 --vary photonVetoInefficiency=log:4\.5e-5:4\.5e-4:3/);
    const tables = docs.slice(1) as { name: string; data_file: string }[];
    const listed = tables.map((t) => t.data_file);
    // every file but submission.yaml is a listed table, once; every table's file exists
    expect([...listed].sort()).toEqual(names.filter((n) => n !== 'submission.yaml'));
    expect(new Set(tables.map((t) => t.name)).size).toBe(tables.length);
    expect(listed[0]).toBe('best_epsilon90.yaml');
    // best table: the varied fields as independent variables, one value per configuration
    const best = parse(read('whole-hep/best_epsilon90.yaml'));
    expect(best.independent_variables.map((v: { header: { name: string } }) => v.header.name)).toEqual(['lumi', 'photonVetoInefficiency']);
    expect(best.independent_variables[0].values.map((v: { value: number }) => v.value)).toEqual([1, 1, 1, 50, 50, 50]);
    // each configuration: the reach's tables, named and qualified by its varied values
    for (let k = 0; k < 6; k++) {
      const own = tables.filter((t) => t.data_file.startsWith(`run${k}_`));
      expect(own.map((t) => t.data_file.slice(`run${k}_`.length))).toEqual([
        'epsilon90_total.yaml',
        'epsilon90_annihilation.yaml',
        'epsilon90_bremsstrahlung.yaml',
        'epsilon90_radiative.yaml',
        'y90_total.yaml',
      ]);
      for (const t of own) {
        const data = parse(read(`whole-hep/${t.data_file}`));
        expect(data.independent_variables).toHaveLength(1);
        const q = data.dependent_variables[0].qualifiers as { name: string; value: unknown }[];
        expect(q.find((x) => x.name === 'lumi')?.value).toBe(k < 3 ? 1 : 50);
        expect(q.find((x) => x.name === 'photonVetoInefficiency')?.value).toBe(best.independent_variables[1].values[k].value);
      }
    }
    expect(tables[1].name).toBe('Expected limit on epsilon, total (lumi = 1, photonVetoInefficiency = 4.5e-5)');
    // the last configuration is belle2 itself: its total curve is vanish reach's, value for value
    const lastTotal = parse(read('whole-hep/run5_epsilon90_total.yaml'));
    const j = JSON.parse(read('j1.json'));
    const finite = j.runs[5].points.filter((p: { epsilon90: number | null }) => p.epsilon90 !== null && p.epsilon90 > 0);
    expect(lastTotal.dependent_variables[0].values.map((v: { value: number }) => v.value)).toEqual(finite.map((p: { epsilon90: number }) => Number(p.epsilon90.toPrecision(6))));
  });

  it('--format hepdata needs a directory: no -o, or -o naming a file, is one line, status 2, nothing written', async () => {
    writeFileSync(file('a-file.yaml'), 'x');
    const before = new Set(readdirSync(dir));
    const runs = await Promise.all([
      vanish(['scan', '--vary', 'lumi=1,2', '--format', 'hepdata']),
      vanish(['scan', '--vary', 'lumi=1,2', '--format', 'hepdata', '-o', file('a-file.yaml')]),
      vanish(['merge', file('s1.json'), file('s2.json'), file('s3.json'), '--format', 'hepdata']),
      vanish(['merge', file('s1.json'), file('s2.json'), file('s3.json'), '--format', 'hepdata', '-o', file('a-file.yaml')]),
    ]);
    // a figure that cannot be written: the new directory is not made either
    runs.push(await vanish(['scan', '--vary', 'lumi=1,2', '--points', '3', '--format', 'hepdata', '-o', file('new-hep'), '--plot', file('no-dir/x.svg')]));
    runs.forEach((r, i) => {
      expect(r.status, String(i)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        i === 4
          ? /^vanish: error: --plot \S*x\.svg cannot be written \(no such directory/
          : i % 2 === 0
            ? /^vanish: error: --format hepdata writes a submission directory .*: give it with -o DIR\n$/
            : /^vanish: error: --output \S*a-file\.yaml is a file: --format hepdata writes a directory/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
    expect(new Set(readdirSync(dir))).toEqual(before);
    expect(read('a-file.yaml')).toBe('x');
  }, 120_000);

  it('hands a worker the tasks of the tables it holds first, then tables no other worker holds', () => {
    const keys = ['a', 'a', 'b', 'b', 'c', 'a'];
    const pending = [0, 1, 2, 3, 4, 5];
    expect(nextTask(pending, keys, undefined, new Set())).toBe(0); // first worker: the first task
    expect(nextTask(pending, keys, undefined, new Set(['a']))).toBe(2); // second: tables nobody holds
    expect(nextTask(pending, keys, 'a', new Set(['b']))).toBe(1);
    expect(nextTask(pending, keys, 'a', new Set(['b']))).toBe(5);
    expect(nextTask(pending, keys, 'a', new Set(['b']))).toBe(4); // no more 'a': 'c' is free
    expect(nextTask(pending, keys, 'c', new Set(['b']))).toBe(3); // only 'b' left: taken anyway
    expect(nextTask(pending, keys, 'b', new Set())).toBeUndefined();
  });

  it('a scan over a field the tables read (the workers prefer configurations of the tables they hold) gives the same bytes with --jobs 1 and 2', async () => {
    const grid = ['--vary', 'energyCut=0.04,0.05', '--vary', 'alphaD=0.001,0.01,0.1', '--vary', 'lumi=5,50', '--points', '4', '--format', 'json'];
    const [one, two] = await Promise.all([vanish(['scan', ...grid, '--jobs', '1']), vanish(['scan', ...grid, '--jobs', '2'])]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(JSON.parse(one.stdout).runs).toHaveLength(12);
    expect(two.stdout).toBe(one.stdout);
  }, 400_000);

  it('the JSON holds one reach per configuration keyed by its values, as vanish reach computes it', async () => {
    const scan = JSON.parse(read('j1.json'));
    expect(scan.scan.vary.map((v: { field: string }) => v.field)).toEqual(['lumi', 'photonVetoInefficiency']);
    expect(scan.runs).toHaveLength(6);
    expect(scan.runs[4].values).toEqual({ lumi: 50, photonVetoInefficiency: scan.scan.vary[1].values[1] });
    const reach = await vanish(['reach', '--points', '8', '--format', 'json', '--lumi', '50']);
    const r = JSON.parse(reach.stdout);
    const last = scan.runs[5]; // lumi 50, 4.5e-4: belle2 itself
    expect(last.values).toEqual({ lumi: 50, photonVetoInefficiency: 4.5e-4 });
    expect(last.points).toEqual(r.points);
    expect(last.best).toEqual(r.best);
    // More luminosity, stronger reach; a leakier veto, weaker where the background is large (at
    // 1 ab⁻¹, N_b ≈ 2, the median expected CLs limit steps with the integer median count and need not be monotonic in N_b).
    const best = scan.runs.map((x: { best: { epsilon90: number } }) => x.best.epsilon90);
    expect(best[3]).toBeLessThan(best[0]);
    expect(best[3]).toBeLessThan(best[4]);
    expect(best[4]).toBeLessThan(best[5]);
  }, 120_000);

  it('the CSV is one table: a row per mass and a best row per configuration, keyed by the varied values', () => {
    return vanish(['scan', '--vary', 'material=CsI,BGO', '--masses', '10MeV,70MeV', '--format', 'csv', '--jobs', '1']).then((r) => {
      expect(r.status).toBe(0);
      // header first, no comment lines: numpy.genfromtxt(names=True) and pandas.read_csv read it as it is
      const lines = r.stdout.split('\n').filter((l) => l);
      expect(lines.some((l) => l.startsWith('#'))).toBe(false);
      expect(lines[0]).toBe(
        'run,material,background_events,required_signal_events,point,mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung,radiative_events_eps1,radiative_error,epsilon90_radiative,epsilon90_counting,mass_chi_GeV,y90,invisible_branching_ratio90,valid,note',
      );
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).concat(l.split(',')[4]).join(','))).toEqual([
        '0,CsI,grid', '0,CsI,grid', '0,CsI,best', '1,BGO,grid', '1,BGO,grid', '1,BGO,best',
      ]);
      expect(r.stderr).toMatch(/warning: the neutron cut flow was simulated in CsI/);
    });
  }, 120_000);

  it('a scan CSV written to a file gets a CSVW sidecar describing every column, the scan and its warnings', async () => {
    const r = await vanish(['scan', '--vary', 'material=CsI,BGO', '--masses', '10MeV,70MeV', '--format', 'csv', '--jobs', '1', '-o', file('mat.csv')]);
    expect(r.status).toBe(0);
    const header = read('mat.csv').split('\n')[0].split(',');
    const meta = JSON.parse(read('mat.csv-metadata.json'));
    expect(meta['@context']).toBe('http://www.w3.org/ns/csvw');
    expect(meta.url).toBe('mat.csv');
    expect(meta.tableSchema.columns.map((c: { name: string }) => c.name)).toEqual(header);
    const col = (name: string) => meta.tableSchema.columns.find((c: { name: string }) => c.name === name);
    expect(col('material').datatype).toBe('string');
    expect(col('mass_GeV').unit).toBe('GeV');
    expect(meta.vanish.experiment).toBe('belle2');
    expect(meta.vanish.vary).toEqual([{ field: 'material', spec: 'CsI,BGO', values: ['CsI', 'BGO'] }]);
    expect(meta.vanish.configurations).toBe(2);
    expect(meta.vanish.warnings.some((w: { run: number; warning: string }) => w.run === 1 && /simulated in CsI/.test(w.warning))).toBe(true);
  }, 120_000);

  it('merge of one whole scan JSON writes it again: the CSV and the figure of the scan itself', async () => {
    const r = await vanish(['merge', file('j1.json'), '--format', 'csv', '-o', file('again.csv'), '--plot', file('again.svg')]);
    expect(r.status).toBe(0);
    expect(read('again.csv')).toBe(read('whole.csv'));
    expect(read('again.svg')).toBe(read('j2.svg'));
  }, 120_000);

  it('draws a heat map for two fields and a family of curves otherwise', async () => {
    const heat = read('j2.svg');
    expect(heat).toMatch(/<svg /);
    expect(heat.match(/class="cell"/g)).toHaveLength(6);
    const r = await vanish(['scan', '--vary', 'alphaD=0.001,0.1', '--points', '6', '--plot', file('c.svg')]);
    expect(r.status).toBe(0);
    expect(read('c.svg').match(/class="curve scan"/g)).toHaveLength(2);
  }, 120_000);

  it('bad input: one line, status 2, nothing written', async () => {
    const cases: [string[], RegExp][] = [
      [['scan', '--vary', 'lumi'], /--vary "lumi" is not allowed/],
      [['scan', '--vary', 'lumen=1,2'], /unknown field lumen/],
      [['scan', '--vary', 'lumi=lin:1:5:0'], /number of values/],
      [['scan', '--vary', 'lumi=1', '--shard', '4/3'], /--shard "4\/3" is not allowed/],
      [['scan', '--vary', 'lumi=1', '--shard', '1/2', '--format', 'csv'], /--shard writes scan JSON/],
      [['scan', '--vary', 'lumi=1', '--jobs', '0'], /--jobs "0" is not allowed/],
      [['scan'], /--vary is missing/],
      [['scan', '--vary', 'lumi=1,2', '--vary', 'alphaD=0.1', '--vary', 'massRatio=3', '--plot-kind', 'heatmap', '--plot', 'x.svg'], /heatmap needs exactly two/],
      [['merge', file('s1.json'), file('s2.json')], /shard 3 of 3 missing/],
      [['merge', file('s1.json'), file('s1.json'), file('s2.json')], /both shard 1\/3/],
      [['merge', file('j1.json'), file('s1.json')], /is a whole scan, not a shard .*give a whole scan alone/],
      [['merge', file('nope.json')], /cannot be read \(no such file/],
    ];
    writeFileSync(file('other.json'), read('s1.json').replace('"experiment":"belle2"', '"experiment":"belle2-paper"'));
    cases.push([['merge', file('other.json'), file('s2.json'), file('s3.json')], /shard of a different scan/]);
    writeFileSync(file('cut.json'), read('s1.json').slice(0, 200));
    cases.push([['merge', file('cut.json'), file('s2.json'), file('s3.json')], /not a vanish scan JSON file/]);
    const lines = read('s2.json').split('\n');
    writeFileSync(file('short.json'), [...lines.slice(0, 4), lines[4].replace(/,$/, ''), ...lines.slice(-3)].join('\n'));
    cases.push([['merge', file('s1.json'), file('short.json'), file('s3.json')], /holds 1 of the 2 configurations of shard 2\/3: the file is incomplete/]);
    const before = new Set(readdirSync(dir));
    const results = await Promise.all(cases.map(([args]) => vanish([...args, '-o', file('out.txt')])));
    results.forEach((r, i) => {
      expect(r.stderr, cases[i][0].join(' ')).toMatch(cases[i][1]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^vanish: error: /);
    });
    expect(new Set(readdirSync(dir))).toEqual(before);
  }, 300_000);

  it('vanish reach split over worker threads (--jobs 2) equals one thread byte for byte, edges and best point included', async () => {
    const args = ['reach', '--points', '60', '--format', 'json'];
    const [one, two] = await Promise.all([vanish([...args, '--jobs', '1']), vanish([...args, '--jobs', '2'])]);
    expect(one.status).toBe(0);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).points).toHaveLength(64);
  }, 120_000);

  it('Ctrl-C stops the workers: status 130, one line, no output and no stray file', async () => {
    const sub = path.join(dir, 'interrupt');
    rmSync(sub, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    // every energy cut needs its own tables and yields (≈ 1 s each): the scan takes far longer than the wait below
    const child = spawn(process.execPath, [BIN, 'scan', '--vary', 'energyCut=lin:0.03:0.08:40', '--jobs', '2', '-o', path.join(sub, 'scan.csv'), '--format', 'csv'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Long enough for the command to have started its workers even on a busy machine; the scan itself takes far longer.
    await new Promise((r) => setTimeout(r, 8000));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    expect(child.exitCode, 'the scan ended before it could be interrupted').toBeNull();
    child.kill('SIGINT');
    const status = await exited;
    expect(status).toBe(130);
    expect(stderr).toBe('vanish: interrupted: stopped the workers, nothing written\n');
    expect(readdirSync(sub)).toEqual([]);
  }, 120_000);

  it('Ctrl-C on a terminal (SIGINT to the whole process group) stops the workers and their process: the same one line, nothing left running', async () => {
    const sub = path.join(dir, 'interrupt-group');
    rmSync(sub, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    // --jobs 2 on this 2-core machine fills the cores: the workers run in a process of their own (cli/poolHost.ts)
    const child = spawn(process.execPath, [BIN, 'scan', '--vary', 'energyCut=lin:0.03:0.08:40', '--jobs', String(Math.max(2, availableParallelism())), '-o', path.join(sub, 'scan.csv'), '--format', 'csv'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as a terminal's foreground job
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 8000));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    expect(child.exitCode, 'the scan ended before it could be interrupted').toBeNull();
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('vanish: interrupted: stopped the workers, nothing written\n');
    expect(readdirSync(sub)).toEqual([]);
    // no process of the group is left (the workers' process ends with the command)
    const alive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  }, 120_000);
});
