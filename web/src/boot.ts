/**
 * The page's entry: starts the computation worker at once — and has it compute the
 * curve of the link's configuration (the query is in its name) — while the rest of the
 * page (a larger bundle: the form, the figure, the library's validation) loads. The
 * first curve then waits for neither.
 */
import { spawnWorker } from './spawn.js';

(globalThis as { __vanishBootWorker?: Worker }).__vanishBootWorker = spawnWorker(location.search);
void import('./main.js');
