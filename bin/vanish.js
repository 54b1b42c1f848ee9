#!/usr/bin/env node
// The `vanish` command. The TypeScript sources are compiled to dist/ by
// `npm run build` (run by `npm install` through the prepare script).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli/main.js')) {
    process.stderr.write('vanish: internal error: dist/cli/main.js is missing; run `npm run build` first\n');
    process.exit(1);
  }
  throw e;
}
process.exitCode = await main(process.argv.slice(2));
