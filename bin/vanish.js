#!/usr/bin/env node
// The `vanish` command: the bundled CLI (dist/bundle/vanish.cjs, built by
// `npm run build`, which `npm ci` runs through the prepare script in a checkout
// and `npm pack` through prepack). CommonJS (bin/package.json): Node starts a
// CommonJS entry without its ES module loader, ≈ 10 ms of every command.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const loader = path.join(__dirname, '../dist/bundle/vanish.cjs');
if (!existsSync(loader)) {
  process.stderr.write('vanish: internal error: dist/bundle/vanish.cjs is missing; run `npm run build` first\n');
  process.exit(1);
}
require(loader)
  .main(process.argv.slice(2))
  .then((status) => {
    process.exitCode = status;
  });
