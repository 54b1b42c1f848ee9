#!/usr/bin/env node
/**
 * The build: the library compiled by tsc to dist/src (with .d.ts, for
 * `import … from 'vanish'`), and the command line bundled by esbuild into
 * dist/bundle/: cli.cjs, one minified script with commander, zod, the library
 * and every command inside (loading one file instead of ~150 modules; the code
 * only some commands run — YAML, d3, HEPData — is initialised when asked for),
 * its V8 code cache cli.cache, the loader vanish.cjs that runs it with the cache
 * (scripts/cli-loader.cjs), and worker.js, the worker thread of `vanish scan`.
 * The PNG and PDF renderers and the fonts stay outside the bundle: they are
 * optional dependencies loaded only when a PNG or PDF is asked for.
 *
 * Run by `npm run build`, by `prepack` (so a tarball or a registry install
 * carries dist/) and by `prepare` in a development checkout (scripts/prepare.mjs).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true });

const { build } = await import('esbuild');

// The stored tables' digest: SHA-256 over the path and bytes of every source file the tables'
// code imports (src/yields/context.ts and what it reaches) and of the lock file (the dependencies'
// versions), as src/node/storedTables.ts digestFiles computes it.
const closure = await build({
  absWorkingDir: root,
  entryPoints: ['src/yields/context.ts'],
  bundle: true,
  write: false,
  metafile: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const tableSources = [...Object.keys(closure.metafile.inputs).filter((f) => !f.includes('node_modules')), 'package-lock.json'].sort();
const digestHash = createHash('sha256');
for (const f of tableSources) {
  digestHash.update(`${f}\0`);
  digestHash.update(readFileSync(path.join(root, f)));
  digestHash.update('\0');
}
const tablesDigest = digestHash.digest('hex');

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
  define: { __VANISH_TABLES_DIGEST__: JSON.stringify(tablesDigest) },
};
// The CLI: one CommonJS script, dist/bundle/cli.cjs (commander, zod, the library and the commands' code,
// minified: less to read), run by the loader dist/bundle/vanish.cjs (scripts/cli-loader.cjs) with a V8
// code cache made below. A script, not an ES module, because Node 20 caches compiled code only for
// scripts (vm.Script cachedData); code that only some commands run (YAML, d3, HEPData, PNG and PDF
// writers) is inside, initialised when a command first asks for it. import.meta.url is the script's own URL.
await build({
  ...common,
  format: 'cjs',
  banner: { js: '"use strict";' },
  define: { ...common.define, 'import.meta.url': '__vanishMetaUrl' },
  entryPoints: { cli: 'cli/main.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  minify: true,
});
{
  // In a script, import() would need a flag of Node's (--experimental-vm-modules): the optional packages are
  // loaded with require (cli/png.ts, cli/pdf.ts).
  const text = readFileSync(path.join(root, 'dist/bundle/cli.cjs'), 'utf8');
  if (/\bimport\s*\(/.test(text)) throw new Error('dist/bundle/cli.cjs calls import(), which a vm.Script cannot: load that module with require');
}
copyFileSync(path.join(root, 'scripts/cli-loader.cjs'), path.join(root, 'dist/bundle/vanish.cjs'));
// The worker thread of `vanish scan` and of long curves (cli/pool.ts finds it next to the CLI as worker.js).
await build({ ...common, entryPoints: { worker: 'cli/worker.ts' }, outdir: 'dist/bundle', minify: true });

// The mass-independent tables of every preset's configuration (yields/context.ts tablesToStore), one
// file per table key (presets that differ only in fields the tables do not read share one), read by
// the command line (src/node/storedTables.ts) and the web page instead of building them.
{
  const t0 = performance.now();
  const dir = path.join(root, 'dist', 'tables');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { tablesToStore } = await import(path.join(root, 'dist/src/yields/context.js'));
  const { encodeStoredTables } = await import(path.join(root, 'dist/src/yields/storedTables.js'));
  const { EXPERIMENTS } = await import(path.join(root, 'dist/src/config/presets.js'));
  const index = {};
  for (const [name, { config }] of Object.entries(EXPERIMENTS)) {
    const { key, tables } = tablesToStore(config);
    const file = `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`;
    (index[file] ??= []).push(name);
    writeFileSync(path.join(dir, file), encodeStoredTables(key, tablesDigest, tables));
  }
  writeFileSync(path.join(dir, 'sources.json'), `${JSON.stringify({ digest: tablesDigest, files: tableSources, presets: index }, null, 1)}\n`);
  console.error(`vanish build: stored tables of ${Object.keys(index).length} configurations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// The CLI's V8 code cache (dist/bundle/cli.cache, read by dist/bundle/vanish.cjs): the code compiled while this
// Node runs `vanish reach --format json` on the default curve, after the tables above exist (as an installed
// CLI runs it), with no NODE_OPTIONS: V8 takes the cache only with the flags it was made with, and `vanish` is
// run without any. Another Node version, or Node options, reject the cache: the CLI compiles from the source.
{
  const t0 = performance.now();
  const loader = path.join(root, 'dist/bundle/vanish.cjs');
  const warmUp = `const cli = require(${JSON.stringify(loader)}); cli.main(['reach', '--format', 'json']).then((status) => { if (status !== 0) process.exit(status); cli.writeCodeCache(); });`;
  execFileSync(process.execPath, ['-e', warmUp], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'inherit'] });
  console.error(`vanish build: the CLI's code cache in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
