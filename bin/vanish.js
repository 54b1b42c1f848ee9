#!/usr/bin/env node
// The `vanish` command: the bundled CLI (dist/bundle/vanish.js, built by
// `npm run build`, which `npm ci` runs through the prepare script in a checkout
// and `npm pack` through prepack).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/vanish.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('vanish: internal error: dist/bundle/vanish.js is missing; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
