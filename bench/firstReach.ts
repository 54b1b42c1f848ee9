/**
 * One fresh process's first curve of a preset (the second argument, belle2 by default; 200 masses
 * + edges), timed in the process: with the tables and default-curve yields the build stored
 * (dist/tables, src/node/storedTables.ts) when the first argument is `stored`, computed otherwise.
 * Prints the milliseconds. Spawned by bench/run.ts.
 */
import { EXPERIMENTS, computeReach, logGrid } from '../dist/src/index.js';
import { installStoredTables } from '../dist/src/node/storedTables.js';
import { clearTableCache } from '../dist/src/yields/context.js';

if (process.argv[2] === 'stored') installStoredTables();
clearTableCache();
const masses = logGrid(1e-3, 1, 200);
const t0 = performance.now();
computeReach(EXPERIMENTS[process.argv[3] ?? 'belle2'].config, masses);
console.log((performance.now() - t0).toFixed(1));
