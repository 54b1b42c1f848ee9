/**
 * The kept yields of the presets' default curves (interpolated, or with massInterpolation 'off' as
 * in belle2-paper computed at each mass), and the spectral shapes of belle2's with the
 * spectral analysis, stored by the build (scripts/build.mjs, dist/tables; yieldsToStore,
 * shapesToStore): a stored key holds exactly the values a fresh computation of that curve keeps,
 * and a curve read from them is the freshly computed one byte for byte; a file of another key is
 * never used. Needs
 * dist/tables built from the current sources (`npm test` builds first).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EXPERIMENTS, computeReach, logGrid, withOverrides, type AnyExperimentConfig } from '../../src/index.js';
import { DEFAULT_POINTS, GRID, readGrid } from '../../src/config/fields.js';
import { clearTableCache } from '../../src/yields/context.js';
import { clearCurveYields, yieldsToStore } from '../../src/yields/curveYields.js';
import { setStoredTablesLookup, type StoredTablesFile } from '../../src/yields/storedTables.js';
import { readStoredTables } from '../../src/node/storedTables.js';
import { shapesToStore } from '../../src/spectral/spectrum.js';

afterEach(() => {
  setStoredTablesLookup(undefined);
  clearTableCache();
  clearCurveYields();
});

/** The default grid of `vanish reach` and of the web page. */
function defaultGrid(): number[] {
  const g = readGrid({ massMin: GRID.massMin.default, massMax: GRID.massMax.default, points: GRID.points.default });
  if (!g.ok) throw g.problems[0];
  expect(g.points).toBe(DEFAULT_POINTS);
  return logGrid(g.min, g.max, g.points);
}

/** Forgets every kept table and yield, so the next curve computes (or reads) everything. */
function fresh(): void {
  clearTableCache();
  clearCurveYields();
}

/** Installs the build's stored files as the lookup; returns the keys of the kept-yields files it answered. */
function useStored(): string[] {
  const answered: string[] = [];
  setStoredTablesLookup((key) => {
    const file = readStoredTables(key);
    if (file?.tables.yields) answered.push(key);
    return file;
  });
  return answered;
}

describe('stored yields of the presets’ default curves', () => {
  for (const name of ['belle2', 'besiii', 'belle2-paper']) {
    it(`${name}: the stored channel keys hold what a fresh default curve keeps, and the curve read from them is the same bytes`, () => {
      const config = EXPERIMENTS[name].config;
      const masses = defaultGrid();
      fresh();
      const want = JSON.stringify(computeReach(config, masses, { includeEdges: true }));
      const kept = yieldsToStore();
      expect(kept.length).toBeGreaterThan(0);
      for (const { key, yields } of kept) {
        const file = readStoredTables(key);
        expect(file, `a stored file for ${key.slice(0, 60)}…: run npm run build`).toBeDefined();
        const stored = (file as StoredTablesFile).tables.yields;
        // every value kept now is stored, equal to the last bit (the file may hold more: presets sharing the key)
        const byId = new Map([...(stored?.nodes ?? []), ...(stored?.direct ?? [])].map((y) => [y[0], y]));
        for (const y of [...yields.nodes, ...yields.direct]) expect(byId.get(y[0]), y[0]).toEqual(y);
      }
      fresh();
      const answered = useStored();
      const got = JSON.stringify(computeReach(config, masses, { includeEdges: true }));
      expect(answered.length).toBe(kept.length);
      expect(got).toBe(want);
    }, 120_000);
  }

  it('belle2 with the spectral analysis: the stored shapes are those a fresh curve keeps, and the curve read from them is the same bytes', () => {
    const config = withOverrides(EXPERIMENTS.belle2.config, { analysis: 'spectral' });
    const masses = defaultGrid();
    fresh();
    const want = JSON.stringify(computeReach(config, masses, { includeEdges: true }));
    const shapes = shapesToStore();
    expect(shapes.length).toBe(3);
    for (const { key, shapes: kept } of shapes) {
      const stored = readStoredTables(key)?.tables.shapes;
      expect(stored, `stored shapes for ${key.slice(0, 60)}…: run npm run build`).toBeDefined();
      const byMass = new Map(stored);
      expect(byMass.size).toBe(kept.length);
      for (const [m, h] of kept) expect(Array.from(byMass.get(m) ?? []), `${m} GeV`).toEqual(Array.from(h));
    }
    fresh();
    const answered: string[] = [];
    setStoredTablesLookup((key) => {
      const file = readStoredTables(key);
      if (file?.tables.shapes) answered.push(key);
      return file;
    });
    const got = JSON.stringify(computeReach(config, masses, { includeEdges: true }));
    expect(answered.length).toBe(3);
    expect(got).toBe(want);
  }, 120_000);

  it('na64-2019 (exact tree-level A′-strahlung): a few masses read from the stored nodes equal a fresh computation', () => {
    const config = EXPERIMENTS['na64-2019'].config;
    const masses = [0.002, 0.05, 0.4];
    fresh();
    const answered = useStored();
    const got = JSON.stringify(computeReach(config, masses, { includeEdges: false }));
    expect(answered.length).toBeGreaterThan(0);
    setStoredTablesLookup(undefined);
    fresh();
    const want = JSON.stringify(computeReach(config, masses, { includeEdges: false }));
    expect(got).toBe(want);
  }, 300_000);

  it('a configuration of another channel key never reads a stored file that is not its own', () => {
    const config: AnyExperimentConfig = withOverrides(EXPERIMENTS.belle2.config, { energyCut: 0.1 });
    const masses = logGrid(0.01, 0.2, 12);
    fresh();
    const want = JSON.stringify(computeReach(config, masses, { includeEdges: false }));
    // a lookup that answers belle2's stored yields for every key
    const belle2Keys: string[] = [];
    fresh();
    useStored();
    computeReach(EXPERIMENTS.belle2.config, masses, { includeEdges: false });
    for (const { key } of yieldsToStore()) belle2Keys.push(key);
    const files = belle2Keys.map((k) => readStoredTables(k)).filter((f): f is StoredTablesFile => f !== undefined);
    expect(files.length).toBeGreaterThan(0);
    fresh();
    let i = 0;
    setStoredTablesLookup(() => files[i++ % files.length]);
    const got = JSON.stringify(computeReach(config, masses, { includeEdges: false }));
    expect(i).toBeGreaterThan(0);
    expect(got).toBe(want);
  }, 120_000);
});
