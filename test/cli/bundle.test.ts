/**
 * The built command line's loader (scripts/cli-loader.cjs, as
 * dist/bundle/vanish.cjs): the V8 code cache the build made is used by the
 * Node that built it, and a cache V8 refuses (garbage, cut short, empty,
 * another Node) changes nothing but the speed: the same output, no file
 * written at run time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Node options (NODE_OPTIONS) change V8's flags, for which V8 refuses a cache made without them.
const ENV = { ...process.env, NODE_OPTIONS: '' };

const node = (args: string[], cwd = ROOT) => execFileSync(process.execPath, args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const cacheState = (root: string) => node(['-e', `process.stdout.write(require(${JSON.stringify(path.join(root, 'dist/bundle/vanish.cjs'))}).codeCache)`]);

const tmp = mkdtempSync(path.join(tmpdir(), 'vanish-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the installed layout (bin/, dist/bundle/, dist/tables/, package.json) whose cache is `cache`. */
function copyWithCache(name: string, cache: Buffer | undefined): string {
  const root = path.join(tmp, name);
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  for (const d of ['bin', 'dist/bundle', 'dist/tables']) cpSync(path.join(ROOT, d), path.join(root, d), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  const file = path.join(root, 'dist/bundle/cli.cache');
  if (cache === undefined) rmSync(file);
  else writeFileSync(file, cache);
  return root;
}

const COMMANDS = [['--version'], ['experiments'], ['reach', '--points', '3', '--format', 'json']];

describe('the bundled CLI and its code cache', () => {
  it('the cache the build made is used by this Node', () => {
    expect(cacheState(ROOT)).toBe('used');
  });

  const good = readFileSync(path.join(ROOT, 'dist/bundle/cli.cache'));
  const cases: [string, Buffer | undefined, string][] = [
    ['garbage', Buffer.from(Array.from({ length: good.length }, (_, i) => (i * 7919) % 251)), 'rejected'],
    ['cut short', good.subarray(0, 100), 'rejected'],
    ['empty', Buffer.alloc(0), 'rejected'],
    ['absent', undefined, 'none'],
  ];
  it.each(cases)('a cache that is %s: the same output, and nothing written beside the bundle', (name, cache, state) => {
    const root = copyWithCache(name.replace(/\s/g, '-'), cache);
    const files = readdirSync(path.join(root, 'dist/bundle')).sort();
    expect(cacheState(root)).toBe(state);
    for (const args of COMMANDS) {
      expect(node([path.join(root, 'bin/vanish.js'), ...args], root)).toBe(node([path.join(ROOT, 'bin/vanish.js'), ...args]));
    }
    expect(readdirSync(path.join(root, 'dist/bundle')).sort()).toEqual(files);
  }, 60_000);
});
