/**
 * The reach CSV is read as it is by numpy (`numpy.genfromtxt(f,
 * delimiter=',', names=True)`, the `python3` on PATH has numpy 2) and, where
 * a Python with pandas exists, by `pandas.read_csv(f)` (Debian's
 * python3-pandas for /usr/bin/python3, installed by scripts/ensure-system-deps.sh;
 * without it that part reports itself skipped).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REACH_CSV_HEADER, reachToCsv } from '../../src/format/index.js';
import { fixtureReach } from '../fixtures/reach.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vanish-py-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const r = fixtureReach();
const csv = path.join(dir, 'reach.csv');
writeFileSync(csv, reachToCsv(r));
// With two comparison curves: one longer than the reach (its extra rows have empty reach cells), one shorter.
const compared = path.join(dir, 'compared.csv');
const longCurve = Array.from({ length: r.points.length + 2 }, (_, i): [number, number] => [0.001 * 1.4 ** i, 2e-5 * 1.2 ** i]);
const shortCurve: [number, number][] = [[0.01, 3e-5], [0.1, 4e-4]];
writeFileSync(compared, reachToCsv(r, [{ label: 'long', points: longCurve }, { label: 'short', points: shortCurve }]));
const comparedNames = [...REACH_CSV_HEADER.split(','), 'compare1_mass_GeV', 'compare1_epsilon90', 'compare2_mass_GeV', 'compare2_epsilon90'];

const has = (python: string, module: string) => spawnSync(python, ['-c', `import ${module}`]).status === 0;
const pandasPython = ['python3', '/usr/bin/python3'].find((p) => has(p, 'pandas'));

describe('Python reads the reach CSV as it is', () => {
  it('numpy.genfromtxt(f, delimiter=",", names=True): the columns by name, inf where there is no reach', () => {
    const script = [
      'import json, sys, numpy as np',
      "a = np.genfromtxt(sys.argv[1], delimiter=',', names=True)",
      "print(json.dumps({'names': list(a.dtype.names), 'rows': int(a.shape[0]), 'mass0': float(a['mass_GeV'][0]), 'eps0': float(a['epsilon90'][0]), 'ann_inf': bool(np.isinf(a['epsilon90_annihilation'][0]))}))",
    ].join('\n');
    const out = JSON.parse(execFileSync('python3', ['-c', script, csv], { encoding: 'utf8' }));
    expect(out.names).toEqual(REACH_CSV_HEADER.split(','));
    expect(out.rows).toBe(r.points.length);
    expect(out.mass0).toBeCloseTo(r.points[0].massGeV, 9);
    expect(out.eps0 / r.points[0].epsilon90).toBeCloseTo(1, 5);
    expect(out.ann_inf).toBe(true);
  });

  it.skipIf(pandasPython === undefined)('pandas.read_csv(f): the columns by name, every one numeric', () => {
    const script = [
      'import json, sys, pandas as pd',
      'd = pd.read_csv(sys.argv[1])',
      "print(json.dumps({'names': list(d.columns), 'rows': len(d), 'dtypes': sorted(set(str(t) for t in d.dtypes))}))",
    ].join('\n');
    const out = JSON.parse(execFileSync(pandasPython as string, ['-c', script, csv], { encoding: 'utf8' }));
    expect(out.names).toEqual(REACH_CSV_HEADER.split(','));
    expect(out.rows).toBe(r.points.length);
    // a column of whole numbers (0 events where a channel is closed) is int64; none is text
    expect(out.dtypes.every((t: string) => t === 'float64' || t === 'int64')).toBe(true);
  });
});

describe('Python reads the reach CSV with comparison curves as it is', () => {
  // Rows and columns read: the names, the row count, a curve's points, NaN in the empty cells.
  const summary = (read: string) =>
    [
      'import json, sys, math',
      read,
      "col = lambda n: [float(v) for v in a[n]]",
      "nan = lambda xs: [i for i, v in enumerate(xs) if math.isnan(v)]",
      "print(json.dumps({'names': names, 'rows': len(col('mass_GeV')), 'm1': col('compare1_mass_GeV'), 'e1': col('compare1_epsilon90'),",
      "  'm2': col('compare2_mass_GeV')[:2], 'nan_m2': nan(col('compare2_mass_GeV')), 'nan_mass': nan(col('mass_GeV')), 'eps0': col('epsilon90')[0]}))",
    ].join('\n');
  const expectRead = (out: { names: string[]; rows: number; m1: number[]; e1: number[]; m2: number[]; nan_m2: number[]; nan_mass: number[]; eps0: number }) => {
    const n = longCurve.length;
    expect(out.names).toEqual(comparedNames);
    expect(out.rows).toBe(n);
    out.m1.forEach((m, i) => expect(m / longCurve[i][0]).toBeCloseTo(1, 5));
    out.e1.forEach((e, i) => expect(e / longCurve[i][1]).toBeCloseTo(1, 5));
    expect(out.m2).toEqual(shortCurve.map(([m]) => m));
    expect(out.nan_m2).toEqual(Array.from({ length: n - 2 }, (_, i) => i + 2));
    expect(out.nan_mass).toEqual([r.points.length, r.points.length + 1]);
    expect(out.eps0 / r.points[0].epsilon90).toBeCloseTo(1, 5);
  };

  it('numpy.genfromtxt(f, delimiter=",", names=True): every column by name, NaN where a curve has no point', () => {
    const script = summary("import numpy as np\na = np.genfromtxt(sys.argv[1], delimiter=',', names=True)\nnames = list(a.dtype.names)");
    expectRead(JSON.parse(execFileSync('python3', ['-c', script, compared], { encoding: 'utf8' })));
  });

  it.skipIf(pandasPython === undefined)('pandas.read_csv(f): every column by name and numeric, NaN where a curve has no point', () => {
    const script = summary("import pandas as pd\na = pd.read_csv(sys.argv[1])\nnames = list(a.columns)\nassert all(str(t) in ('float64', 'int64') for t in a.dtypes), a.dtypes");
    expectRead(JSON.parse(execFileSync(pandasPython as string, ['-c', script, compared], { encoding: 'utf8' })));
  });
});
