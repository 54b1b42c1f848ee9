/**
 * Where the CLI writes: stdout for results, stderr for warnings, progress and
 * errors. An interface so tests can run the program in-process.
 *
 * The process's streams are written with blocking `write(2)` calls on the
 * file descriptors, every byte accounted for: Node's stdout stream ignores a
 * short write to a full disk (the output would end early with status 0) and
 * reports other errors asynchronously, after the command has finished.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { SystemError, describeFsError, visible } from './errors.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  isTTY: boolean;
}

/** Thrown when the reader of stdout has gone (`vanish reach | head`): not an error, the command just stops. */
export class StdoutClosed extends Error {
  constructor() {
    super('standard output was closed by its reader');
    this.name = 'StdoutClosed';
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to a file descriptor, waiting out EAGAIN (a non-blocking pipe that is full). */
export function writeAll(fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let done = 0;
  let waited = 0;
  while (done < bytes.length) {
    try {
      const n = writeSync(fd, bytes, done, bytes.length - done);
      done += n;
      waited = 0;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      waited = Math.min(waited * 2 + 1, 50);
      Atomics.wait(pause, 0, 0, waited);
    }
  }
}

export const processIo: Io = {
  stdout(t) {
    try {
      writeAll(1, t);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') throw new StdoutClosed();
      throw new SystemError(`standard output cannot be written (${describeFsError(e)})`);
    }
  },
  stderr(t) {
    try {
      writeAll(2, t);
    } catch {
      // Nowhere left to say anything.
    }
  },
  get isTTY() {
    return isatty(2);
  },
};

/** Prints the library's caveats as `vanish: warning: …` lines (control characters shown as escapes). */
export function printWarnings(io: Io, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr(`vanish: warning: ${visible(w.replace(/\s*\n\s*/g, ' '))}\n`);
}

/**
 * A single updating progress line on a terminal (`reach 57/204`), at most
 * every 100 ms, erased at the end; nothing at all when stderr is not a terminal.
 */
export function progressLine(io: Io, label: string): { update(done: number, total: number): void; end(): void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!io.isTTY) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      io.stderr(`\r${label} ${done}/${total}\x1b[K`);
    },
    end() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
