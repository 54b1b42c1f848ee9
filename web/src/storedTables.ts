/**
 * The web page's stored tables: the belle2 tables the build wrote (dist/tables, scripts/build.mjs),
 * loaded lazily (their own chunk, fetched as the worker starts: web/src/tablesText.ts) and handed to
 * the library's lookup (src/yields/storedTables.ts), so the page's first curve need not build them.
 * Used only when built by `vite build` from the sources that built the tables (vite.config.ts
 * defines their digest; the dev server defines none and always builds).
 */
import { EXPERIMENTS } from '../../src/config/presets.js';
import { tableKey } from '../../src/yields/context.js';
import { decodeStoredTables, setStoredTablesLookup } from '../../src/yields/storedTables.js';
import { belle2TablesText, tablesDigest } from './tablesText.js';

/**
 * Installs the belle2 tables when they fit the page's code (their digest and table key); resolves
 * either way (building is the fallback). `text` is their text when already being fetched.
 */
export async function loadStoredTables(text: Promise<string | undefined> = belle2TablesText()): Promise<void> {
  try {
    const digest = tablesDigest();
    const t = await text;
    if (!digest || t === undefined) return;
    const file = decodeStoredTables(t);
    const key = tableKey(EXPERIMENTS.belle2.config);
    if (file.sourceDigest !== digest || file.key !== key) return;
    setStoredTablesLookup((k) => (k === key ? file : undefined));
  } catch {
    // the tables are built instead
  }
}
