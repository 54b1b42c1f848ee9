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
 * now: the page uses those tables only when it equals theirs (web/src/storedTables.ts). '' without
 * tables, and for the dev server (sources edited while it runs would not change it).
 */
function tablesDigest(command: string): string {
  if (command !== 'build') return '';
  try {
    const { files } = JSON.parse(readFileSync(new URL('../dist/tables/sources.json', import.meta.url), 'utf8')) as { files: string[] };
    const h = createHash('sha256');
    for (const f of files) {
      h.update(`${f}\0`);
      h.update(readFileSync(new URL(`../${f}`, import.meta.url)));
      h.update('\0');
    }
    return h.digest('hex');
  } catch {
    return '';
  }
}

export default defineConfig(({ command }) => ({
  root,
  define: { __VANISH_TABLES_DIGEST__: JSON.stringify(tablesDigest(command)) },
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
}));
