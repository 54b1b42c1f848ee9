/**
 * A worker thread of the build (scripts/build.mjs): computes the default curve of each preset it
 * is sent (its name), with the compiled library in dist/src and no stored tables, and answers the
 * yields that curve keeps, per channel key (src/yields/curveYields.ts yieldsToStore).
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { root, grid } = workerData;
const { computeReach, logGrid } = await import(path.join(root, 'dist/src/reach.js'));
const { clearCurveYields, yieldsToStore } = await import(path.join(root, 'dist/src/yields/curveYields.js'));
const { EXPERIMENTS } = await import(path.join(root, 'dist/src/config/presets.js'));
const masses = logGrid(grid.min, grid.max, grid.points);

parentPort.on('message', (name) => {
  clearCurveYields();
  computeReach(EXPERIMENTS[name].config, masses, { includeEdges: true });
  parentPort.postMessage({ name, kept: yieldsToStore() });
});
parentPort.postMessage({ ready: true });
