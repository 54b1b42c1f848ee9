/**
 * `vanish reach --band / --systematics`, built, end to end: the band in JSON
 * (median = the curve), CSV columns, the shaded figure; option mistakes give
 * one line, status 2, nothing written.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'vanish.js');
let dir = '';

function vanish(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(path.join(tmpdir(), 'vanish-band-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vanish reach --band / --systematics (built, end to end)', () => {
  it('JSON: the reach keys first, then band; its median is the curve; the figure is shaded', async () => {
    const r = await vanish(['reach', '--points', '8', '--band', '--format', 'json', '--plot', path.join(dir, 'b.svg')]);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['config', 'positrons', 'background', 'points', 'best', 'edges', 'requiredSignal', 'warnings', 'band']);
    expect(o.band.kind).toBe('statistical');
    o.band.points.forEach((p: { median: number; minus2sigma: number; plus2sigma: number }, i: number) => {
      expect(p.median).toBe(o.points[i].epsilon90);
      expect(p.minus2sigma).toBeLessThan(p.median);
      expect(p.plus2sigma).toBeGreaterThan(p.median);
    });
    expect(o.band.best.median).toBe(o.best.epsilon90);
    const svg = readFileSync(path.join(dir, 'b.svg'), 'utf8');
    expect(svg).toMatch(/class="band band-1sigma"/);
    expect(svg).toMatch(/class="band band-2sigma"/);
  }, 120_000);

  it('CSV: five more columns, described in the sidecar; --systematics with --band samples both, reproducibly', async () => {
    const args = ['reach', '--masses', '0.01,0.0667', '--band', '--systematics', '--uncertainty', 'lumi=2%', '--samples', '2000', '--format', 'csv'];
    const file = path.join(dir, 'band.csv');
    const [a, b] = await Promise.all([vanish(args), vanish([...args, '-o', file])]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(a.stdout);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines[0].split(',').slice(-5)).toEqual(['epsilon90_minus2sigma', 'epsilon90_minus1sigma', 'epsilon90_median', 'epsilon90_plus1sigma', 'epsilon90_plus2sigma']);
    expect(lines).toHaveLength(3);
    const meta = JSON.parse(readFileSync(`${file}-metadata.json`, 'utf8'));
    expect(meta.tableSchema.columns.map((c: { name: string }) => c.name)).toEqual(lines[0].split(','));
    expect(meta.vanish.band.description).toMatch(/^band from statistical fluctuations and input uncertainties; inputs neutronSingleEvents=poisson neutronMultiEvents=poisson photonVetoInefficiency=1 lumi=0.02; 2000 samples, seed 1/);
  }, 120_000);

  it('mistakes: one line, status 2, nothing written', async () => {
    const out = path.join(dir, 'never.json');
    const cases: [string[], RegExp][] = [
      [['--uncertainty', 'lumi=0.1'], /--uncertainty applies to --systematics/],
      [['--systematics', '--uncertainty', 'alphaD=0.1'], /alphaD cannot carry an uncertainty here/],
      [['--systematics', '--experiment', 'na64-2019'], /--systematics has no input uncertainty to propagate \(this experiment has no defaults\)/],
      [['--systematics', '--samples', '5'], /--samples "5" is not allowed/],
      [['--band', '--seed', '1'], /--seed applies to --systematics/],
    ];
    const results = await Promise.all(cases.map(([a]) => vanish(['reach', '--points', '4', ...a, '-o', out])));
    results.forEach((r, i) => {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('never') || f.startsWith('.vanish-tmp'))).toEqual([]);
  }, 120_000);
});
