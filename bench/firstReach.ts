/**
 * One fresh process's first belle2 curve (200 masses + edges), timed in the process: with the
 * tables the build stored (dist/tables, src/node/storedTables.ts) when the first argument is
 * `stored`, built otherwise. Prints the milliseconds. Spawned by bench/run.ts.
 */
import { belle2, computeReach, logGrid } from '../src/index.js';
import { installStoredTables } from '../src/node/storedTables.js';
import { clearTableCache } from '../src/yields/context.js';

if (process.argv[2] === 'stored') installStoredTables();
clearTableCache();
const masses = logGrid(1e-3, 1, 200);
const t0 = performance.now();
computeReach(belle2, masses);
console.log((performance.now() - t0).toFixed(1));
