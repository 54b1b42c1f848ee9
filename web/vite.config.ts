/**
 * Vite configuration of the reach explorer (`npm run build:web`, `npm run web`).
 * The page lives in web/, imports the library from ../src, and is built into
 * dist/web/ with relative URLs so any static file server can host it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The digest of the sources the stored tables (dist/tables, scripts/build.mjs) list, as they are
 * now, and the names of belle2's files (its tables and the kept yields of its default curve): the
 * page uses them only when the digest equals theirs (web/src/storedTables.ts). Both '' without tables, when the tables were built from
 * other sources, and for the dev server (sources edited while it runs would not change the digest).
 */
function storedTables(command: string): { digest: string; belle2Files: string[] } {
  const none = { digest: '', belle2Files: [] };
  if (command !== 'build') return none;
  try {
    const index = JSON.parse(readFileSync(new URL('../dist/tables/sources.json', import.meta.url), 'utf8')) as {
      digest: string;
      files: string[];
      presets: Record<string, string[]>;
    };
    const h = createHash('sha256');
    for (const f of index.files) {
      h.update(`${f}\0`);
      h.update(readFileSync(new URL(`../${f}`, import.meta.url)));
      h.update('\0');
    }
    const digest = h.digest('hex');
    if (index.digest !== digest) return none;
    const belle2Files = Object.keys(index.presets).filter((f) => index.presets[f].includes('belle2'));
    return { digest, belle2Files };
  } catch {
    return none;
  }
}

export default defineConfig(({ command }) => {
  const tables = storedTables(command);
  return {
    root,
    define: { __VANISH_TABLES_DIGEST__: JSON.stringify(tables.digest), __VANISH_TABLES_FILES__: JSON.stringify(tables.belle2Files) },
    base: './',
    // No public/ folder: everything the page needs is imported and bundled.
    publicDir: false,
    build: {
      outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
      emptyOutDir: true,
      // The font is an asset file, never inlined.
      assetsInlineLimit: 0,
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
    },
    worker: { format: 'es' },
    server: { host: '127.0.0.1', strictPort: false, fs: { allow: [repo] } },
    preview: { host: '127.0.0.1' },
  };
});
