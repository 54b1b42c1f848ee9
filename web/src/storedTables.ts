/**
 * The web page's stored tables: the belle2 tables the build wrote (dist/tables, scripts/build.mjs),
 * loaded lazily (their own chunk, fetched when the worker starts) and handed to the library's
 * lookup (src/yields/storedTables.ts), so the page's first curve need not build them. Used only
 * when built by `vite build` from the sources that built the tables (vite.config.ts defines their
 * digest; the dev server defines none and always builds).
 */
import { EXPERIMENTS } from '../../src/config/presets.js';
import { tableKey } from '../../src/yields/context.js';
import { decodeStoredTables, setStoredTablesLookup } from '../../src/yields/storedTables.js';

/** The digest of the sources the page was built from ('' when the tables are not to be used). */
declare const __VANISH_TABLES_DIGEST__: string;

const files = import.meta.glob<string>('../../dist/tables/*.json', { query: '?raw', import: 'default' });

/** Installs the belle2 tables when they fit the page's code; resolves either way (building is the fallback). */
export async function loadStoredTables(): Promise<void> {
  try {
    const digest = typeof __VANISH_TABLES_DIGEST__ === 'string' ? __VANISH_TABLES_DIGEST__ : '';
    const sources = files['../../dist/tables/sources.json'];
    if (!digest || !sources) return;
    const index = JSON.parse(await sources()) as { digest: string; presets: Record<string, string[]> };
    if (index.digest !== digest) return;
    const name = Object.keys(index.presets).find((f) => index.presets[f].includes('belle2'));
    const load = name && files[`../../dist/tables/${name}`];
    if (!load) return;
    const file = decodeStoredTables(await load());
    const key = tableKey(EXPERIMENTS.belle2.config);
    if (file.sourceDigest !== digest || file.key !== key) return;
    setStoredTablesLookup((k) => (k === key ? file : undefined));
  } catch {
    // the tables are built instead
  }
}
