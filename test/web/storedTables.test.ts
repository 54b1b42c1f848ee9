/**
 * The web page's stored tables (web/src/storedTables.ts): with the digest `vite build` defines
 * (that of the sources, computed here as vite.config.ts does) the worker installs the belle2
 * tables of dist/tables and the kept yields of belle2's default curve, and the page's belle2
 * curve uses them; with another digest it does not.
 * Skipped when dist/tables is not built, or older than a source it lists.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { belle2, withOverrides, yieldContext } from '../../src/index.js';
import { clearTableCache, tableKey } from '../../src/yields/context.js';
import { decodeStoredTables, setStoredTablesLookup, storedTablesFor } from '../../src/yields/storedTables.js';
import { digestFiles } from '../../src/node/storedTables.js';
import { loadStoredTables } from '../../web/src/storedTables.js';

const SOURCES = new URL('../../dist/tables/sources.json', import.meta.url);
const g = globalThis as { __VANISH_TABLES_DIGEST__?: string };

afterEach(() => {
  delete g.__VANISH_TABLES_DIGEST__;
  setStoredTablesLookup(undefined);
  clearTableCache();
});

/** Whether dist/tables was built after the last edit of every source it lists (else the page would not use it). */
function fresh(): boolean {
  if (!existsSync(SOURCES)) return false;
  const { files } = JSON.parse(readFileSync(SOURCES, 'utf8')) as { files: string[] };
  return files.every((f) => statSync(new URL(`../../${f}`, import.meta.url)).mtimeMs <= statSync(SOURCES).mtimeMs);
}

describe.skipIf(!fresh())('web page: stored belle2 tables', () => {
  const index = JSON.parse(readFileSync(SOURCES, 'utf8')) as { files: string[]; presets: Record<string, string[]> };

  it('are installed for belle2 when the page was built from the tables’ sources', async () => {
    g.__VANISH_TABLES_DIGEST__ = digestFiles(new URL('../../', import.meta.url), index.files);
    await loadStoredTables();
    expect(storedTablesFor(tableKey(belle2))).toBeDefined();
    expect(storedTablesFor(tableKey(withOverrides(belle2, { energyCut: 0.1 })))).toBeUndefined();
    const belle2Files = Object.keys(index.presets)
      .filter((f) => index.presets[f].includes('belle2'))
      .map((name) => decodeStoredTables(readFileSync(new URL(`../../dist/tables/${name}`, import.meta.url), 'utf8')));
    const file = belle2Files.find((f) => f.key === tableKey(belle2))!;
    expect(file).toBeDefined();
    // and the kept yields of belle2's default curve, one file per channel key, each installed under its key
    const kept = belle2Files.filter((f) => f.tables.yields);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const f of kept) expect(storedTablesFor(f.key)?.yields).toEqual(f.tables.yields);
    clearTableCache();
    // the stored arrays themselves: same values, not a build
    const G = yieldContext(belle2).movingElectronKernel();
    expect(Array.from(G.data!.table!.coef)).toEqual(Array.from(file.tables.moving!.table!.coef));
    expect(G.at(0.005)).toBeGreaterThan(0);
    expect(yieldContext(withOverrides(belle2, { energyCut: 0.1 })).movingElectronKernel().data?.table?.coef).not.toEqual(G.data!.table!.coef);
  });

  it('are not installed under another digest', async () => {
    g.__VANISH_TABLES_DIGEST__ = 'another';
    await loadStoredTables();
    expect(storedTablesFor(tableKey(belle2))).toBeUndefined();
    delete g.__VANISH_TABLES_DIGEST__; // as the dev server: no digest, no tables
    await loadStoredTables();
    expect(storedTablesFor(tableKey(belle2))).toBeUndefined();
  });
});
