/**
 * A worker thread of the build (scripts/build.mjs): computes the default curve of each preset it
 * is sent (its name; `name+spectral` with the spectral analysis), with the compiled library in
 * dist/src and no stored tables, and answers the yields that curve keeps, per channel key
 * (src/yields/curveYields.ts yieldsToStore), and its spectral shapes (spectral/spectrum.ts).
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { root, grid } = workerData;
const { computeReach, logGrid } = await import(path.join(root, 'dist/src/reach.js'));
const { clearCurveYields, yieldsToStore } = await import(path.join(root, 'dist/src/yields/curveYields.js'));
const { EXPERIMENTS } = await import(path.join(root, 'dist/src/config/presets.js'));
const { withOverrides } = await import(path.join(root, 'dist/src/config/schema.js'));
const { shapesToStore } = await import(path.join(root, 'dist/src/spectral/spectrum.js'));
const masses = logGrid(grid.min, grid.max, grid.points);

parentPort.on('message', (job) => {
  // a preset's name, or `name+spectral`: its default curve with the spectral analysis
  const [name, analysis] = job.split('+');
  const preset = EXPERIMENTS[name].config;
  clearCurveYields();
  computeReach(analysis ? withOverrides(preset, { analysis }) : preset, masses, { includeEdges: true });
  parentPort.postMessage({ name: job, kept: yieldsToStore(), shapes: shapesToStore() });
});
parentPort.postMessage({ ready: true });
