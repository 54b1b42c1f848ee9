#!/usr/bin/env node
/**
 * The build: the library compiled by tsc to dist/src (with .d.ts, for
 * `import … from 'vanish'`), and the command line bundled by esbuild into
 * dist/bundle/ (commander, zod and the library inside; loading one file
 * instead of ~150 modules is most of the CLI's start-up): vanish.js, the scan
 * worker worker.js, and chunks that only some commands load (YAML for config
 * files and HEPData, d3 for figures, the scan's formats). The PNG renderer and
 * its fonts stay outside the bundle: they are optional dependencies loaded
 * only when a PNG is asked for.
 *
 * Run by `npm run build`, by `prepack` (so a tarball or a registry install
 * carries dist/) and by `prepare` in a development checkout (scripts/prepare.mjs).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true });

const { build } = await import('esbuild');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Optional: loaded with import() for PNG (and PDF) output only.
  external: ['@resvg/resvg-js', 'dejavu-fonts-ttf', 'pdfkit', 'svg-to-pdfkit'],
  // CommonJS dependencies bundled into an ES module may call require().
  banner: { js: "import { createRequire as __vanishRequire } from 'node:module'; const require = __vanishRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
};
// The CLI and the worker thread of `vanish scan` (cli/pool.ts finds it next to the CLI as worker.js),
// with their shared and lazily loaded code in chunks beside them.
await build({
  ...common,
  entryPoints: { vanish: 'cli/main.ts', worker: 'cli/worker.ts' },
  outdir: 'dist/bundle',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  metafile: false,
});
