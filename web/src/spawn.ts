import { FIRST_QUERY_NAME, THERMAL_WORKER_NAME } from './protocol.js';

/** Starts a worker of the workers' bundle (web/src/worker.ts); its name says which. */
function startWorker(name: string): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
}

/**
 * Starts a computation worker (web/src/worker.ts); given the page's query, it computes that link's
 * curve at once, before the page asks for it (web/src/engine.ts).
 */
export function spawnWorker(firstQuery?: string): Worker {
  return startWorker(firstQuery === undefined ? 'vanish-compute' : `${FIRST_QUERY_NAME}${firstQuery}`);
}

/** Starts the thermal-target worker (web/src/thermalEngine.ts). */
export function spawnThermalWorker(): Worker {
  return startWorker(THERMAL_WORKER_NAME);
}

/** The worker the page's entry started (once; later calls start new ones). */
export function takeBootWorker(): Worker | undefined {
  const g = globalThis as { __vanishBootWorker?: Worker };
  const w = g.__vanishBootWorker;
  delete g.__vanishBootWorker;
  return w;
}
