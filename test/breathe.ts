/**
 * Lets the test runner's messages through between long synchronous computations: vitest's worker
 * RPC times out after 60 s, and a loaded machine can keep one test that long without a pause.
 */
export const breathe = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
