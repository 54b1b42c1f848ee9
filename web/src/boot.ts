/**
 * The page's entry: starts the computation worker at once — and has it build
 * the tables of the experiment in the link — while the rest of the page (a
 * larger bundle: the form, the figure, the library's validation) loads. The
 * first curve then waits for neither.
 */
import { DEFAULT_EXPERIMENT } from '../../src/config/defaultExperiment.js';
import { spawnWorker } from './spawn.js';

const experiment = new URLSearchParams(location.search).get('experiment') ?? DEFAULT_EXPERIMENT;
const worker = spawnWorker();
worker.postMessage({ type: 'warmPreset', experiment });
(globalThis as { __vanishBootWorker?: Worker }).__vanishBootWorker = worker;
void import('./main.js');
