/**
 * A progress bar on a terminal's stderr (`scan [██████······] 12/40 · 2 jobs · 8 s left`),
 * redrawn at most every 100 ms and erased at the end; nothing when stderr is
 * not a terminal (logs of batch jobs stay clean).
 */
import type { Io } from './io.js';

export function progressBar(io: Io, label: string, detail = ''): { update(done: number, total: number): void; end(): void } {
  const start = Date.now();
  let last = 0;
  let shown = false;
  const width = 24;
  return {
    update(done, total) {
      if (!io.isTTY) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      const full = total > 0 ? Math.round((width * done) / total) : width;
      const bar = '█'.repeat(full) + '·'.repeat(width - full);
      const elapsed = (now - start) / 1000;
      const left = done > 0 && done < total ? ` · ${Math.ceil((elapsed * (total - done)) / done)} s left` : '';
      io.stderr(`\r${label} [${bar}] ${done}/${total}${detail}${left}\x1b[K`);
    },
    end() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
