/**
 * What installing the library pulls in (issue 12): the library's required
 * dependencies are its own (no CLI parser, PNG renderer or fonts), the
 * library's sources import none of the CLI's packages nor Node, and
 * `prepare` needs no dev tools where vanish is installed as a dependency.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CLI_ONLY = ['commander', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'pdfkit', 'svg-to-pdfkit'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the library install', () => {
  it('requires none of the CLI-only packages: the PNG renderer and fonts are optional, commander is bundled into the CLI', () => {
    for (const name of CLI_ONLY) expect(Object.keys(pkg.dependencies), name).not.toContain(name);
    expect(Object.keys(pkg.optionalDependencies)).toEqual(expect.arrayContaining(['@resvg/resvg-js', 'dejavu-fonts-ttf', 'pdfkit', 'svg-to-pdfkit']));
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['commander', 'esbuild', 'typescript']));
  });

  it('src/ (the library) imports no CLI package, and no Node module outside its Node entry (src/node.ts, src/node/)', () => {
    for (const f of sources(path.join(ROOT, 'src'))) {
      const rel = path.relative(path.join(ROOT, 'src'), f).split(path.sep).join('/');
      const nodeOnly = rel === 'node.ts' || rel.startsWith('node/');
      const text = readFileSync(f, 'utf8');
      const imports = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const i of imports) {
        expect(CLI_ONLY.includes(i), `src/${rel} imports ${i}`).toBe(false);
        if (nodeOnly) continue;
        expect(i.startsWith('node:'), `src/${rel} imports ${i}`).toBe(false);
        // the browser-safe library never reaches the Node entry
        expect(/(^|\/)node(\.js|\/)/.test(i), `src/${rel} imports ${i}`).toBe(false);
      }
    }
  });

  it('exports the package root and deep paths of the built library; ships the bundled CLI', () => {
    expect(pkg.exports['.'].default).toBe('./dist/src/index.js');
    expect(pkg.exports['.'].node).toBe('./dist/src/node.js');
    expect(pkg.exports['./*'].default).toBe('./dist/src/*.js');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/src', 'dist/bundle', 'dist/tables', 'bin']));
    expect(pkg.scripts.prepack).toMatch(/build/);
  });

  it('prepare without the dev tools (an installed copy) builds nothing and succeeds', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vanish-prepare-'));
    try {
      copyFileSync(path.join(ROOT, 'scripts', 'prepare.mjs'), path.join(dir, 'prepare.mjs'));
      const out = execFileSync(process.execPath, [path.join(dir, 'prepare.mjs')], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toBe('');
      expect(readdirSync(dir)).toEqual(['prepare.mjs']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
