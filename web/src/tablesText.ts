/**
 * The text of belle2's stored files (dist/tables, scripts/build.mjs: its tables and the kept
 * yields of its default curve), each file its own lazy chunk. No library code here: the worker's entry starts this fetch at once, beside the fetch of
 * the computation code, and web/src/storedTables.ts decodes and checks what arrives.
 */

/** The digest of the sources the page was built from ('' when the tables are not to be used). */
declare const __VANISH_TABLES_DIGEST__: string;
/**
 * The names of belle2's stored files (its tables and the kept yields of its default curve) when
 * `vite build` found dist/tables built from the page's sources (sources.json's digest that of the
 * sources; vite.config.ts), else []. Undeclared outside the build (tests): then sources.json is
 * read to find them.
 */
declare const __VANISH_TABLES_FILES__: string[] | undefined;

const files = import.meta.glob<string>('../../dist/tables/*.json', { query: '?raw', import: 'default' });

/** The digest the tables must carry, '' when none are to be used. */
export function tablesDigest(): string {
  return typeof __VANISH_TABLES_DIGEST__ === 'string' ? __VANISH_TABLES_DIGEST__ : '';
}

/** The texts of belle2's stored files when the build has them for the page's sources; undefined otherwise. */
export async function belle2TablesTexts(): Promise<string[] | undefined> {
  const digest = tablesDigest();
  if (!digest) return undefined;
  let names = typeof __VANISH_TABLES_FILES__ === 'object' && Array.isArray(__VANISH_TABLES_FILES__) ? __VANISH_TABLES_FILES__ : undefined;
  if (names === undefined) {
    const sources = files['../../dist/tables/sources.json'];
    if (!sources) return undefined;
    const index = JSON.parse(await sources()) as { digest: string; presets: Record<string, string[]> };
    if (index.digest !== digest) return undefined;
    names = Object.keys(index.presets).filter((f) => index.presets[f].includes('belle2'));
  }
  const loads = names.map((name) => files[`../../dist/tables/${name}`]);
  if (loads.length === 0 || loads.some((load) => !load)) return undefined;
  return Promise.all(loads.map((load) => load()));
}
