/** Starts a computation worker (web/src/worker.ts). */
export function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'vanish-compute' });
}

/** The worker the page's entry started (once; later calls start new ones). */
export function takeBootWorker(): Worker | undefined {
  const g = globalThis as { __vanishBootWorker?: Worker };
  const w = g.__vanishBootWorker;
  delete g.__vanishBootWorker;
  return w;
}
