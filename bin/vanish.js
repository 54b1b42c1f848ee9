#!/usr/bin/env node
// The `vanish` command: the bundled CLI (dist/cli/vanish.mjs, built by
// `npm run build`, which `npm ci` runs through the prepare script in a checkout
// and `npm pack` through prepack).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/vanish.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('vanish: internal error: dist/cli/vanish.mjs is missing; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
