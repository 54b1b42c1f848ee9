import { FIRST_QUERY_NAME } from './protocol.js';

/**
 * Starts a computation worker (web/src/worker.ts); given the page's query, it computes that link's
 * curve at once, before the page asks for it (web/src/engine.ts).
 */
export function spawnWorker(firstQuery?: string): Worker {
  const name = firstQuery === undefined ? 'vanish-compute' : `${FIRST_QUERY_NAME}${firstQuery}`;
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
}

/** The worker the page's entry started (once; later calls start new ones). */
export function takeBootWorker(): Worker | undefined {
  const g = globalThis as { __vanishBootWorker?: Worker };
  const w = g.__vanishBootWorker;
  delete g.__vanishBootWorker;
  return w;
}
