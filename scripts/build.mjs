#!/usr/bin/env node
/**
 * The build: the library compiled by tsc to dist/src (with .d.ts, for
 * `import … from 'vanish'`), and the command line bundled by esbuild into
 * dist/bundle/: cli.cjs, one minified script with commander, zod, the library
 * and every command inside (loading one file instead of ~150 modules; the code
 * only some commands run — YAML, d3, HEPData — is initialised when asked for),
 * its V8 code cache cli.cache, the loader vanish.cjs that runs it with the cache
 * (scripts/cli-loader.cjs), and worker.js, the worker thread of `vanish scan`, with poolHost.js,
 * the process that holds the workers when they fill every core.
 * The PNG and PDF renderers and the fonts stay outside the bundle: they are
 * optional dependencies loaded only when a PNG or PDF is asked for.
 *
 * Run by `npm run build`, by `prepack` (so a tarball or a registry install
 * carries dist/) and by `prepare` in a development checkout (scripts/prepare.mjs).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Nothing to do when dist/ was built from exactly these inputs: every file of src/, cli/, scripts/ and bin/,
// the package and lock files, the TypeScript configurations, and this Node (the code cache is V8's). npm runs
// `prepare` again when `npx vanish` first links the checkout into its cache, right after `npm ci` built it
// (≈ 20 s for nothing). dist/build-inputs.json holds the digest, written last; VANISH_BUILD=force builds anyway.
const BUILD_STAMP = path.join(root, 'dist', 'build-inputs.json');
const BUILD_OUTPUTS = ['src/index.js', 'src/node.js', 'bundle/cli.cjs', 'bundle/cli.cache', 'bundle/vanish.cjs', 'bundle/worker.js', 'bundle/poolHost.js', 'tables/sources.json'];
const buildInputs = (() => {
  const { createHash } = require('node:crypto');
  const files = (dir) =>
    readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`]))
      .sort();
  const h = createHash('sha256').update(`${process.version} ${process.arch} ${process.platform}\n`);
  for (const f of [...['src', 'cli', 'scripts', 'bin'].flatMap(files), 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    h.update(`${f}\n`).update(readFileSync(path.join(root, f)));
  }
  return h.digest('hex');
})();
{
  const stamp = (() => {
    try {
      return JSON.parse(readFileSync(BUILD_STAMP, 'utf8')).inputs;
    } catch {
      return undefined;
    }
  })();
  const force = process.env.VANISH_BUILD === 'force' || process.env.VANISH_REBUILD_TABLES === '1';
  if (!force && stamp === buildInputs && BUILD_OUTPUTS.every((f) => existsSync(path.join(root, 'dist', f)))) {
    console.error(`vanish build: dist/ is up to date (inputs ${buildInputs.slice(0, 12)}), kept; VANISH_BUILD=force rebuilds`);
    process.exit(0);
  }
  rmSync(BUILD_STAMP, { force: true });
}

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true });

const { build } = await import('esbuild');

// The stored tables' digest: SHA-256 over the path and bytes of every source file the tables'
// and the kept yields' and shapes' code imports (src/yields/context.ts, src/yields/curveYields.ts, src/spectral/spectrum.ts and what they
// reach) and of the lock file (the dependencies' versions), as src/node/storedTables.ts digestFiles
// computes it.
const closure = await build({
  absWorkingDir: root,
  entryPoints: ['src/yields/context.ts', 'src/yields/curveYields.ts', 'src/spectral/spectrum.ts'],
  bundle: true,
  write: false,
  outdir: 'dist/closure',
  metafile: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const tableSources = [...Object.keys(closure.metafile.inputs).filter((f) => !f.includes('node_modules')), 'package-lock.json'].sort();
// the stored files' digest and names, as the command line computes them when it reads them (tsc built it above)
const { digestFiles, tableFileName } = await import(path.join(root, 'dist/src/node/storedTables.js'));
const tablesDigest = digestFiles(pathToFileURL(`${root}/`), tableSources);

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
// The process that holds the workers when they fill every core (cli/poolHost.ts; cli/pool.ts finds it next to the CLI).
await build({ ...common, entryPoints: { poolHost: 'cli/poolHost.ts' }, outdir: 'dist/bundle', minify: true });

// The mass-independent tables of every preset's configuration (yields/context.ts tablesToStore), one
// file per table key (presets that differ only in fields the tables do not read share one), read by
// the command line (src/node/storedTables.ts) and the web page instead of building them.
//
// The files depend only on the tables' digest (the code that computes them), the presets'
// configurations, the default grid and this script with its worker: when dist/tables holds files
// made from exactly those (its sources.json says so, and every file it lists is there), they are
// kept, not computed again (≈ 30 s; `npm test` builds after `npm ci` has built). VANISH_REBUILD_TABLES=1
// computes them anyway.
{
  const t0 = performance.now();
  const dir = path.join(root, 'dist', 'tables');
  const { tablesToStore } = await import(path.join(root, 'dist/src/yields/context.js'));
  const { encodeStoredTables } = await import(path.join(root, 'dist/src/yields/storedTables.js'));
  const { EXPERIMENTS } = await import(path.join(root, 'dist/src/config/presets.js'));
  const { GRID } = await import(path.join(root, 'dist/src/config/fields.js'));
  const { createHash } = await import('node:crypto');
  const inputsDigest = createHash('sha256')
    .update(JSON.stringify({ digest: tablesDigest, experiments: EXPERIMENTS, grid: GRID }))
    .update(readFileSync(path.join(root, 'scripts', 'build.mjs')))
    .update(readFileSync(path.join(root, 'scripts', 'keptYields.mjs')))
    .digest('hex');
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'sources.json'), 'utf8'));
    } catch {
      return undefined;
    }
  })();
  const upToDate =
    process.env.VANISH_REBUILD_TABLES !== '1' &&
    previous?.digest === tablesDigest &&
    previous?.inputs === inputsDigest &&
    Object.keys(previous.presets ?? {}).length > 0 &&
    Object.keys(previous.presets).every((file) => existsSync(path.join(dir, file)));
  if (upToDate) {
    console.error(`vanish build: stored tables and kept yields up to date (digest ${tablesDigest.slice(0, 12)}), kept`);
  } else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const index = {};
    for (const [name, { config }] of Object.entries(EXPERIMENTS)) {
      const { key, tables } = tablesToStore(config);
      const file = tableFileName(key);
      (index[file] ??= []).push(name);
      writeFileSync(path.join(dir, file), encodeStoredTables(key, tablesDigest, tables));
    }
    // The yields of every preset's default curve (the grid `vanish reach` and the web page draw
    // without options, with its edges and best point), per channel key (yields/curveYields.ts
    // yieldsToStore): that curve then computes no yield. Presets sharing a key add to one file.
    // Computed on worker threads (scripts/keptYields.mjs), the slow fixed-target presets first;
    // each file's values are sorted by id, so the bytes do not depend on the threads' order.
    const t1 = performance.now();
    const { readGrid } = await import(path.join(root, 'dist/src/config/fields.js'));
    const grid = readGrid({ massMin: GRID.massMin.default, massMax: GRID.massMax.default, points: GRID.points.default }, (f) => f);
    if (!grid.ok) throw grid.problems[0];
    // and belle2's with the spectral analysis (issue 8), whose shapes are stored too
    const names = [
      ...Object.keys(EXPERIMENTS).sort((a, b) => Number(EXPERIMENTS[b].config.kind === 'fixedTarget') - Number(EXPERIMENTS[a].config.kind === 'fixedTarget')),
      'belle2+spectral',
    ];
    // per file: its key, the presets whose curves kept it, and its values by id (yields) or by mass (shapes)
    const kept = new Map();
    const keptIn = (key, name) => {
      const file = tableFileName(key);
      const k = kept.get(file) ?? { key, presets: new Set(), nodes: new Map(), direct: new Map(), shapes: new Map() };
      k.presets.add(name);
      kept.set(file, k);
      return k;
    };
    const threads = Math.max(1, Math.min(names.length, availableParallelism()));
    const queue = [...names];
    await Promise.all(
      Array.from({ length: threads }, () => new Promise((resolve, reject) => {
        const worker = new Worker(path.join(root, 'scripts', 'keptYields.mjs'), { workerData: { root, grid: { min: grid.min, max: grid.max, points: grid.points } } });
        const next = () => {
          const name = queue.shift();
          if (name === undefined) worker.terminate().then(() => resolve());
          else worker.postMessage(name);
        };
        worker.on('message', (m) => {
          if (!m.ready) {
            for (const { key, yields } of m.kept) {
              const k = keptIn(key, m.name);
              for (const n of yields.nodes) k.nodes.set(n[0], n);
              for (const d of yields.direct) k.direct.set(d[0], d);
            }
            for (const { key, shapes } of m.shapes) {
              const k = keptIn(key, m.name);
              for (const [mass, h] of shapes) k.shapes.set(mass, h);
            }
          }
          next();
        });
        worker.on('error', reject);
      })),
    );
    const byId = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    let shapeKeys = 0;
    for (const [file, k] of [...kept].sort(byId)) {
      (index[file] ??= []).push(...[...k.presets].sort());
      // a key holds yields or shapes (a shape key starts with `shape|`, spectral/spectrum.ts)
      const stored =
        k.shapes.size > 0
          ? { shapes: [...k.shapes].sort((a, b) => a[0] - b[0]) }
          : { yields: { nodes: [...k.nodes.values()].sort(byId), direct: [...k.direct.values()].sort(byId) } };
      if (k.shapes.size > 0) shapeKeys++;
      writeFileSync(path.join(dir, file), encodeStoredTables(k.key, tablesDigest, stored));
    }
    console.error(`vanish build: kept yields of the presets' default curves (${kept.size - shapeKeys} channel keys, ${shapeKeys} of spectral shapes, ${threads} threads) in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    writeFileSync(path.join(dir, 'sources.json'), `${JSON.stringify({ digest: tablesDigest, inputs: inputsDigest, files: tableSources, presets: index }, null, 1)}\n`);
    console.error(`vanish build: stored tables of ${Object.keys(index).length} configurations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
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

// Built: the inputs' digest, read by the next build (above).
writeFileSync(BUILD_STAMP, `${JSON.stringify({ inputs: buildInputs, node: process.version })}\n`);
