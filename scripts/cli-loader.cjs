/**
 * dist/bundle/vanish.cjs (copied there by scripts/build.mjs), required by
 * bin/vanish.js: loads the bundled command line, dist/bundle/cli.cjs, one
 * script, with the V8 code cache the build made for it (cli.cache), so that
 * Node deserialises the compiled code of what a command runs instead of
 * parsing and compiling the bundle at every start (about a third of
 * `vanish reach`'s start-up; Node 20 has no module compile cache). V8 checks
 * that the cache was made by this V8 with these flags for a source of this
 * length, and compiles from the source when it was not (another Node
 * version): the cache changes how fast, never what runs. The cache is written
 * only by the build (writeCodeCache), never at run time.
 *
 * CommonJS, like bin/vanish.js: a process that never imports an ES module
 * starts without Node's ES module loader (≈ 10 ms).
 */
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const source = path.join(__dirname, 'cli.cjs');
const cacheFile = path.join(__dirname, 'cli.cache');

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache (a build without one): compiled from the source
}
// The bundle as the body of a function given what a CommonJS module gets, and its own URL for import.meta.url;
// on the first line, so line numbers stay those of cli.cjs.
const script = new Script(`(function (exports, require, module, __vanishMetaUrl) {${readFileSync(source, 'utf8')}\n})`, {
  filename: source,
  cachedData,
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(source), cli, pathToFileURL(source).href);

/** Runs `vanish` with the given arguments and returns the exit status (cli/main.ts). */
exports.main = cli.exports.main;

/** Whether the code cache was used: 'used', 'rejected' (made by another V8 or for other flags) or 'none'. */
exports.codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';

/** For the build only: writes the code cache of everything compiled so far (after a warm-up run), whole or not at all. */
exports.writeCodeCache = () => {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, cacheFile);
};
