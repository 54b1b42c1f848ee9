/**
 * Node only (the library's Node entry, src/node.ts, the command line and its workers): the
 * lookup of the tables the build stored (scripts/build.mjs writes
 * dist/tables/: one file per table key, named by its SHA-256, and sources.json, the
 * digest of the sources that built them and their list). A file is used only when its
 * digest is that of the running code: the bundle carries the digest of the sources it
 * was built from (esbuild `define`); run from the sources (tsx, vitest), the listed
 * files are hashed as they are now. Anything else — no file, another digest, a file
 * that does not parse — answers nothing, and the library builds the tables itself
 * (src/yields/storedTables.ts). VANISH_STORED_TABLES=off turns the lookup off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeStoredTables, setStoredTablesLookup, type StoredTablesFile } from '../yields/storedTables.js';

/** Set by the bundle's build to the digest of its sources; undeclared when run from the sources. */
declare const __VANISH_TABLES_DIGEST__: string | undefined;
const BUILT_DIGEST = typeof __VANISH_TABLES_DIGEST__ === 'string' ? __VANISH_TABLES_DIGEST__ : undefined;

/**
 * dist/tables/ of the package this module is in: from the bundle (dist/bundle/), from the
 * compiled library (dist/src/node/), or from the sources (src/node/, run through tsx or vitest).
 */
function tablesDir(): URL {
  const here = import.meta.url;
  if (/\/dist\/bundle\/[^/]+$/.test(here)) return new URL('../tables/', here);
  if (/\/dist\/src\/node\/[^/]+$/.test(here)) return new URL('../../tables/', here);
  return new URL('../../dist/tables/', here);
}

// node:crypto (≈ 5 ms to load) only when a table is looked up, not by every command of the CLI at start-up.
const require = createRequire(import.meta.url);
const createHash: typeof import('node:crypto').createHash = (algorithm) => (require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

/** The file name of a table key's tables. */
export function tableFileName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`;
}

/** SHA-256 over each file's path and bytes, in the order given (scripts/build.mjs computes the same). */
export function digestFiles(root: URL, files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(readFileSync(new URL(f, root)));
    h.update('\0');
  }
  return h.digest('hex');
}

const running = new Map<string, string>();
/** The digest of the running code's table sources (undefined when they cannot be read), once per directory. */
function runningDigest(dir: URL): string | undefined {
  if (BUILT_DIGEST) return BUILT_DIGEST;
  let digest = running.get(dir.href);
  if (digest === undefined) {
    try {
      const recorded = JSON.parse(readFileSync(new URL('sources.json', dir), 'utf8')) as { digest: string; files: string[] };
      const root = new URL('../../', dir);
      // An installed package carries dist/ without the sources: there the tables were built with
      // the compiled library they sit beside (`npm pack` runs the build), so their own digest
      // stands. With some sources present (a checkout), they must be the ones the tables came from.
      digest = recorded.files.every((f) => !existsSync(new URL(f, root))) ? recorded.digest : digestFiles(root, recorded.files);
    } catch {
      digest = '';
    }
    running.set(dir.href, digest);
  }
  return digest || undefined;
}

/** The stored file of a key in `dir`, when there is one built from the running sources. */
export function readStoredTables(key: string, dir: URL = tablesDir()): StoredTablesFile | undefined {
  const path = new URL(tableFileName(key), dir);
  if (!existsSync(path)) return undefined;
  const file = decodeStoredTables(readFileSync(path, 'utf8'));
  const digest = runningDigest(dir);
  return digest !== undefined && file.sourceDigest === digest ? file : undefined;
}

/** Installs the lookup (once per process or worker thread). */
export function installStoredTables(): void {
  if (process.env.VANISH_STORED_TABLES === 'off') return;
  setStoredTablesLookup((key) => readStoredTables(key));
}
