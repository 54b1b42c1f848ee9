/**
 * The web page's stored tables: the belle2 tables and kept yields the build wrote (dist/tables, scripts/build.mjs),
 * loaded lazily (their own chunk, fetched as the worker starts: web/src/tablesText.ts) and handed to
 * the library's lookup (src/yields/storedTables.ts), so the page's first curve need not build them.
 * Used only when built by `vite build` from the sources that built the tables (vite.config.ts
 * defines their digest; the dev server defines none and always builds).
 */
import { EXPERIMENTS } from '../../src/config/presets.js';
import { tableKey } from '../../src/yields/context.js';
import { decodeStoredTables, setStoredTablesLookup, type StoredTablesFile } from '../../src/yields/storedTables.js';
import { belle2TablesTexts, tablesDigest } from './tablesText.js';

/**
 * Installs belle2's stored files when they fit the page's code (their digest; the tables' file
 * its table key, each kept-yields file the channel key it names, which the library checks
 * against the key it asks for); resolves either way (computing is the fallback). `texts` are
 * their texts when already being fetched.
 */
export async function loadStoredTables(texts: Promise<string[] | undefined> = belle2TablesTexts()): Promise<void> {
  try {
    const digest = tablesDigest();
    const all = await texts;
    if (!digest || all === undefined) return;
    const byKey = new Map<string, StoredTablesFile>();
    for (const text of all) {
      const file = decodeStoredTables(text);
      if (file.sourceDigest !== digest) return;
      byKey.set(file.key, file);
    }
    if (!byKey.has(tableKey(EXPERIMENTS.belle2.config))) return;
    setStoredTablesLookup((k) => byKey.get(k));
  } catch {
    // the tables are built instead
  }
}
