/**
 * The process that holds the worker threads of a {@link WorkerPool} whose workers fill every
 * core (cli/pool.ts). It is started with V8's helper threads off (`HOST_V8_FLAGS`: garbage
 * collection on the allocating thread, optimizing compilation on the computing thread), flags V8
 * reads only when a process starts. With as many computing threads as cores, those helpers have
 * no idle core to run on: they only take time from the workers.
 *
 * It relays messages and nothing else: `{ start: { workers, script } }` starts the
 * workers, `{ to: k, message }` goes to worker k; worker k's messages come back as
 * `{ from: k, message }`, its failures as `{ from: k, error }` and `{ from: k, exit }`. It ends
 * when its parent disconnects (the pool is done, or the parent died) and ignores SIGINT and
 * SIGTERM sent to the terminal's whole process group: the parent stops it (Ctrl-C is the parent's
 * to report).
 */
import { Worker } from 'node:worker_threads';

export type HostRequest =
  | { start: { workers: number; script: string } }
  | { to: number; message: unknown };

export type HostReply =
  | { from: number; message: unknown }
  | { from: number; error: { name: string; message: string; stack?: string } }
  | { from: number; exit: number };

const send = (reply: HostReply) => process.send?.(reply);
const workers: Worker[] = [];

process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.on('disconnect', () => process.exit(0));
process.on('message', (request: HostRequest) => {
  if ('start' in request) {
    const { workers: n, script } = request.start;
    for (let k = 0; k < n; k++) {
      const w = new Worker(new URL(script), { stdout: false, stderr: false });
      w.on('message', (message: unknown) => send({ from: k, message }));
      w.on('error', (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        send({ from: k, error: { name: err.name, message: err.message, stack: err.stack } });
      });
      w.on('exit', (exit) => send({ from: k, exit }));
      workers.push(w);
    }
  } else workers[request.to]?.postMessage(request.message);
});
