#!/usr/bin/env node
/**
 * `prepare` (npm runs it after `npm ci`/`npm install` in a checkout, and when
 * it packs a git or directory dependency): builds dist/ when the build tools
 * (devDependencies) are installed, as in a development checkout, so `npx vanish`
 * works right after `npm ci`. Where they are not installed — vanish installed
 * as a dependency — it does nothing: a tarball carries dist/ (built by
 * `prepack`), so installing never needs tsc or esbuild.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const have = (m) => {
  try {
    require.resolve(m);
    return true;
  } catch {
    return false;
  }
};
if (have('typescript/bin/tsc') && have('esbuild')) await import('./build.mjs');
else console.error('vanish: build tools not installed, using the dist/ that came with the package');
