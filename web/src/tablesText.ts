/**
 * The text of the stored belle2 tables (dist/tables, scripts/build.mjs), each file its own lazy
 * chunk. No library code here: the worker's entry starts this fetch at once, beside the fetch of
 * the computation code, and web/src/storedTables.ts decodes and checks what arrives.
 */

/** The digest of the sources the page was built from ('' when the tables are not to be used). */
declare const __VANISH_TABLES_DIGEST__: string;
/**
 * The belle2 tables' file name when `vite build` found dist/tables built from the page's sources
 * (sources.json's digest that of the sources; vite.config.ts), else ''. Undeclared outside the build
 * (tests): then sources.json is read to find the file.
 */
declare const __VANISH_TABLES_FILE__: string | undefined;

const files = import.meta.glob<string>('../../dist/tables/*.json', { query: '?raw', import: 'default' });

/** The digest the tables must carry, '' when none are to be used. */
export function tablesDigest(): string {
  return typeof __VANISH_TABLES_DIGEST__ === 'string' ? __VANISH_TABLES_DIGEST__ : '';
}

/** The stored belle2 tables' text when the build has them for the page's sources; undefined otherwise. */
export async function belle2TablesText(): Promise<string | undefined> {
  const digest = tablesDigest();
  if (!digest) return undefined;
  let name = typeof __VANISH_TABLES_FILE__ === 'string' ? __VANISH_TABLES_FILE__ : undefined;
  if (name === undefined) {
    const sources = files['../../dist/tables/sources.json'];
    if (!sources) return undefined;
    const index = JSON.parse(await sources()) as { digest: string; presets: Record<string, string[]> };
    if (index.digest !== digest) return undefined;
    name = Object.keys(index.presets).find((f) => index.presets[f].includes('belle2'));
  }
  const load = name && files[`../../dist/tables/${name}`];
  return load ? load() : undefined;
}
