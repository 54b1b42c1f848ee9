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
