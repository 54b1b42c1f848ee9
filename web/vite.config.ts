/**
 * Vite configuration of the reach explorer (`npm run build:web`, `npm run web`).
 * The page lives in web/, imports the library from ../src, and is built into
 * dist/web/ with relative URLs so any static file server can host it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
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
});
