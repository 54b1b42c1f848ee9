/**
 * Where the CLI writes: stdout for results, stderr for warnings, progress and
 * errors. An interface so tests can run the program in-process.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  isTTY: boolean;
}

export const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

/** Prints the library's caveats as `vanish: warning: …` lines. */
export function printWarnings(io: Io, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr(`vanish: warning: ${w.replace(/\s*\n\s*/g, ' ')}\n`);
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
