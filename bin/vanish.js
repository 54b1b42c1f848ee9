#!/usr/bin/env node
// The `vanish` command. The TypeScript sources are compiled to dist/ by
// `npm run build` (run by `npm install` through the prepare script).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  const missing = e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli/main.js');
  const why = missing ? 'dist/cli/main.js is missing; run `npm run build` first' : `vanish cannot start: ${String(e && e.message).split('\n')[0]}`;
  process.stderr.write(`vanish: internal error: ${why}\n`);
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
