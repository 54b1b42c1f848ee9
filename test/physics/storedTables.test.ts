/**
 * Stored mass-independent tables (src/yields/storedTables.ts, cli/storedTables.ts): a table
 * rebuilt from its stored data is the freshly built one (every value and error figure, bit
 * for bit, and so every yield); a configuration that differs in any field the tables read
 * never uses another's; a stored file that is corrupt, of another format or of other
 * sources is not used (the tables are built, as without one).
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPERIMENTS, belle2, withOverrides, yieldContext, type AnyExperimentConfig } from '../../src/index.js';
import type { YieldContext } from '../../src/yields/context.js';
import { clearTableCache, tableKey, tablesToStore } from '../../src/yields/context.js';
import {
  TABLES_FORMAT,
  decodeStoredTables,
  encodeStoredTables,
  setStoredTablesLookup,
  type StoredTablesFile,
} from '../../src/yields/storedTables.js';
import { annihilationYield } from '../../src/yields/annihilation.js';
import { radiativeYield } from '../../src/yields/radiative.js';
import { digestFiles, readStoredTables, tableFileName } from '../../src/node/storedTables.js';

afterEach(() => {
  setStoredTablesLookup(undefined);
  clearTableCache();
});

/** The stored file of a configuration's tables, built now, through its text. */
function storedFile(config: AnyExperimentConfig, digest = 'test'): StoredTablesFile {
  setStoredTablesLookup(undefined);
  clearTableCache();
  const { key, tables } = tablesToStore(config);
  clearTableCache();
  return decodeStoredTables(encodeStoredTables(key, digest, tables));
}

/** Every value and error figure of the three tables, on a fine grid of each one's range. */
function sample(ctx: YieldContext): number[] {
  const out: number[] = [];
  const F = ctx.annihilationKernel();
  if (ctx.spectrum.continuous) {
    out.push(F.start, F.end, F.absError);
    for (let i = 0; i <= 400; i++) {
      const eA = F.start + ((F.end - F.start) * i) / 400;
      out.push(F.at(eA), F.errorAt(eA), F.nearStart.at(eA), F.nearStart.errorAt(eA));
    }
  }
  const G = ctx.movingElectronKernel();
  out.push(G.sLo, G.sHi, G.relError);
  for (let i = 0; i <= 400; i++) {
    const s = G.sLo * (G.sHi / G.sLo) ** (i / 400);
    out.push(G.at(s), G.absErrorAt(s));
  }
  const D = ctx.dopplerSource();
  out.push(D.energyMin, D.energyMax, D.total, ...D.points);
  for (let i = 0; i <= 2000; i++) {
    const E = D.energyMin + ((D.energyMax - D.energyMin) * i) / 2000;
    out.push(D.dNdE(E), D.errorAt(E));
  }
  return out;
}

const configs: [string, AnyExperimentConfig][] = [
  ['belle2', belle2],
  ['na64-2019 (a line)', EXPERIMENTS['na64-2019'].config],
  ['na64-eplus-2022 (a spread line)', EXPERIMENTS['na64-eplus-2022'].config],
];

describe('stored tables', () => {
  for (const [name, config] of configs) {
    it(`${name}: a loaded table is the freshly built one, every value and error figure`, () => {
      const file = storedFile(config);
      clearTableCache();
      const fresh = yieldContext(config);
      const want = sample(fresh);
      const masses = [0.005, 0.05, 0.0667, 0.075, 0.2];
      const wantYields = masses.flatMap((m) => [annihilationYield(fresh, m), radiativeYield(fresh, m)]);
      clearTableCache();
      const asked: string[] = [];
      setStoredTablesLookup((key) => (asked.push(key), file));
      const loaded = yieldContext(config);
      const got = sample(loaded);
      expect(asked).toEqual([tableKey(config)]);
      // the tables come from the file (its very arrays), not from a build: at the reference normalisation, unscaled
      const ref = yieldContext(config.kind === 'fixedTarget' ? withOverrides(config, { particlesOnTarget: 1 }) : withOverrides(config, { lumi: 50 }));
      if (file.tables.doppler?.grid) expect(ref.dopplerSource().data?.grid?.v).toBe(file.tables.doppler.grid.v);
      if (file.tables.doppler?.spread) expect(ref.dopplerSource().data?.spread?.coef).toBe(file.tables.doppler.spread.coef);
      expect(ref.movingElectronKernel().data?.table?.coef).toBe(file.tables.moving?.table?.coef);
      expect(asked.length).toBe(1);
      expect(got.length).toBe(want.length);
      got.forEach((x, i) => expect(x, `sample ${i}`).toBe(want[i]));
      const gotYields = masses.flatMap((m) => [annihilationYield(loaded, m), radiativeYield(loaded, m)]);
      expect(gotYields).toEqual(wantYields);
    });
  }

  it('a configuration differing in any field the tables read does not use another’s file', () => {
    const file = storedFile(belle2);
    const changes: Partial<AnyExperimentConfig>[] = [
      { energyCut: 0.1 },
      { calorimeterDepth: 12 },
      { material: 'LYSO' },
      { thetaMin: 30 },
      { thetaMax: 130 },
      { electronBeamEnergy: 7.1 },
      { positronBeamEnergy: 4.1 },
      { beamEnergySpread: 1e-3 },
    ];
    for (const change of changes) {
      const config = withOverrides(belle2, change as never);
      expect(tableKey(config), JSON.stringify(change)).not.toBe(file.key);
      clearTableCache();
      setStoredTablesLookup(() => file); // a lookup that answers the wrong file
      const ctx = yieldContext(config);
      expect(ctx.movingElectronKernel().data?.table?.coef, JSON.stringify(change)).not.toBe(file.tables.moving?.table?.coef);
      const [mine, theirs] = [ctx.annihilationKernel().data, file.tables.kernel];
      if (mine?.kind === 'segments' && theirs?.kind === 'segments') expect(mine.segments[0].y, JSON.stringify(change)).not.toBe(theirs.segments[0].y);
    }
    // …while one differing only in fields the tables do not read (or in the normalisation) uses it
    clearTableCache();
    setStoredTablesLookup(() => file);
    const same = yieldContext(withOverrides(belle2, { alphaD: 0.2, lumi: 3, statistics: 'deltaChi2', visibleDecays: false }));
    expect(tableKey(same.config)).toBe(file.key);
    expect(same.movingElectronKernel().sHi).toBe(yieldContext(belle2).movingElectronKernel().sHi);
  });

  it('a file of another format, or whose arrays do not fit, is not used: the tables are built', () => {
    const file = storedFile(belle2);
    clearTableCache();
    const want = sample(yieldContext(belle2));
    const broken: StoredTablesFile[] = [
      { ...file, format: TABLES_FORMAT + 1 },
      { ...file, key: `${file.key} ` },
      {
        ...file,
        tables: {
          kernel: file.tables.kernel?.kind === 'segments' ? { kind: 'segments', segments: file.tables.kernel.segments.slice(1) } : undefined,
          moving: { table: { ...file.tables.moving!.table!, coef: file.tables.moving!.table!.coef.subarray(5) } },
          doppler: { grid: { ...file.tables.doppler!.grid!, v: file.tables.doppler!.grid!.v.subarray(1) } },
        },
      },
    ];
    for (const b of broken) {
      clearTableCache();
      setStoredTablesLookup(() => b);
      const ctx = yieldContext(belle2);
      expect(sample(ctx)).toEqual(want);
      expect(ctx.movingElectronKernel().data?.table?.coef).not.toBe(file.tables.moving?.table?.coef);
    }
    // a lookup that throws (a file that does not parse) answers nothing
    clearTableCache();
    setStoredTablesLookup(() => decodeStoredTables('{"format": 1, "key": '));
    expect(sample(yieldContext(belle2))).toEqual(want);
  });

  it('the command line reads a file only when its digest is the running sources’ and it parses', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vanish-tables-'));
    const url = pathToFileURL(`${dir}/`);
    const root = new URL('../../', import.meta.url);
    // as the build writes it: the listed sources relative to the checkout (here dir/../../)
    const files = ['src/yields/context.ts', 'src/yields/storedTables.ts'].map((f) => path.relative(path.join(dir, '../..'), new URL(f, root).pathname));
    writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ files }));
    const digest = digestFiles(new URL('../../', url), files);
    const key = tableKey(belle2);
    expect(readStoredTables(key, url)).toBeUndefined(); // no file
    const { tables } = tablesToStore(belle2);
    writeFileSync(path.join(dir, tableFileName(key)), encodeStoredTables(key, 'another digest', tables));
    expect(readStoredTables(key, url)).toBeUndefined();
    writeFileSync(path.join(dir, tableFileName(key)), encodeStoredTables(key, digest, tables));
    expect(readStoredTables(key, url)?.key).toBe(key);
    writeFileSync(path.join(dir, tableFileName(key)), encodeStoredTables(key, digest, tables).slice(0, 5000));
    expect(() => readStoredTables(key, url)).toThrow();
  });

  it('the build’s digest is that of the sources it listed (dist/tables/sources.json, when built after their last edit)', () => {
    const index = new URL('../../dist/tables/sources.json', import.meta.url);
    if (!existsSync(index)) return;
    const sources = JSON.parse(readFileSync(index, 'utf8')) as { digest: string; files: string[] };
    const root = new URL('../../', import.meta.url);
    // a source edited since the build: the command line builds its tables (another digest); nothing to check here
    if (sources.files.some((f) => statSync(new URL(f, root)).mtimeMs > statSync(index).mtimeMs)) return;
    expect(digestFiles(root, sources.files)).toBe(sources.digest);
  });
});
