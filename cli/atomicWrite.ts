/**
 * Writes the output files of one command all together or not at all.
 *
 * Each file goes to a temporary file `.vanish-tmp-*` in its destination's
 * directory (the same file system, so `rename` is atomic), flushed to disk;
 * only when every one is complete are they renamed over their destinations,
 * each previous destination kept as a hard link until all renames are done,
 * so that a failing rename restores the files renamed before it (outputs on
 * different devices included). The temporary files are removed on every exit
 * path the process survives: an error (a full disk), SIGINT, SIGTERM or SIGHUP
 * (the writes are synchronous, so a signal is handled once they are done or
 * undone, then re-raised), or an uncaught error ({@link removeTempFiles} runs
 * at exit).
 *
 * A symlink is followed (the link stays); a destination that is not a regular
 * file (/dev/null, /dev/stdout, a FIFO) is written in place, last.
 */
import { closeSync, fsyncSync, fchmodSync, linkSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeAll } from './io.js';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/** Prefix of temporary files (ignored by git, see .gitignore). */
export const TEMP_PREFIX = '.vanish-tmp-';

/** Temporary files this process has created and not yet renamed or removed. */
const live = new Set<string>();

/** Removes every temporary file this process still has (at exit, on a signal, after an error). */
export function removeTempFiles(): void {
  for (const p of live) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  live.clear();
}

// node:crypto and node:fs/promises are loaded when a file is first written, not by every command at start-up.
const require = createRequire(import.meta.url);

function tempPath(dest: string, what = ''): string {
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}${what}`;
  return path.join(path.dirname(dest), `${TEMP_PREFIX}${tag}-${path.basename(dest)}`.slice(0, 255));
}

const withPath = (e: unknown, p: string): never => {
  if (e && typeof e === 'object') (e as NodeJS.ErrnoException).path = p;
  throw e;
};

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The file a dangling symlink would create (`echo > link` creates its target), or the path itself. */
function danglingTarget(p: string): string {
  let cur = path.resolve(p);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(cur);
    } catch {
      return cur;
    }
    if (!st.isSymbolicLink()) return cur;
    cur = path.resolve(path.dirname(cur), readlinkSync(cur));
  }
  return cur;
}

const system = (p: string) => /^\/(?:dev|proc|sys)\//.test(p);

/**
 * Where to write for a destination path: the file a symlink points to (so the
 * link survives), and whether it is not a regular file (a device such as
 * /dev/null, a FIFO): those are written in place, never renamed over.
 * @throws an EISDIR error for a directory
 */
function target(dest: string): { path: string; special: boolean; stats?: Stats } {
  const st = statOrUndefined(dest);
  if (st === undefined) return { path: danglingTarget(dest), special: false };
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${dest}'`), { code: 'EISDIR', path: dest });
  if (!st.isFile()) return { path: dest, special: true };
  // /dev/stdout → /proc/self/fd/1 may lead to a regular file the shell opened: write into it, never rename.
  let real: string | undefined;
  try {
    real = realpathSync(dest);
  } catch {
    real = undefined;
  }
  if (real === undefined || system(real) || system(path.resolve(dest))) return { path: dest, special: true };
  return { path: real, special: false, stats: st };
}

/**
 * What a destination path names, so that two spellings of one file compare
 * equal: device and inode of an existing file (symlinks and hard links
 * included), else the real path of its directory with its name.
 */
export function outputIdentity(file: string): string {
  const st = statOrUndefined(file);
  if (st !== undefined) return `inode ${st.dev}:${st.ino}`;
  const t = danglingTarget(file);
  let dir = path.dirname(t);
  try {
    dir = realpathSync(dir);
  } catch {
    // a missing directory is reported when writing
  }
  return `path ${path.join(dir, path.basename(t))}`;
}

/** The indices of the first two of `files` that name the same file, if any. */
export function sameFile(files: readonly string[]): [number, number] | undefined {
  const seen = new Map<string, number>();
  for (const [i, f] of files.entries()) {
    const id = outputIdentity(f);
    const other = seen.get(id);
    if (other !== undefined) return [other, i];
    seen.set(id, i);
  }
  return undefined;
}

/** Creates `file` (which must not exist) with `data`, flushed to disk. */
function writeNew(file: string, data: string | Uint8Array, mode: number | undefined): void {
  live.add(file);
  const fd = openSync(file, 'wx', 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * While output files are being written, a signal removes the temporary files
 * and is then re-raised (the process ends as the signal says, 130 for SIGINT).
 */
function signalGuard(): { release(): void } {
  const handler = (sig: NodeJS.Signals) => {
    removeTempFiles();
    for (const s of SIGNALS) process.removeListener(s, handler);
    process.kill(process.pid, sig);
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[sig]);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    release() {
      for (const s of SIGNALS) process.removeListener(s, handler);
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes all files together or none; throws the first file-system error, with
 * `path` set to the destination as the user gave it.
 * @param beforeCommit runs when every file is staged and before any is renamed
 *   into place (the CLI writes stdout there, so a failure of either leaves nothing)
 */
export async function writeFilesAtomic(files: OutputFile[], beforeCommit?: () => void): Promise<void> {
  const clash = sameFile(files.map((f) => f.path));
  if (clash) {
    const [a, b] = clash.map((i) => files[i].path);
    throw Object.assign(new Error(`${a} and ${b} are the same file`), { code: 'ESAMEFILE', path: b });
  }
  const regular: { given: string; dest: string; data: string | Uint8Array; mode?: number }[] = [];
  const special: OutputFile[] = [];
  for (const f of files) {
    let t: ReturnType<typeof target>;
    try {
      t = target(f.path);
    } catch (e) {
      withPath(e, f.path);
      throw e;
    }
    if (t.special) special.push({ path: t.path, data: f.data });
    else regular.push({ given: f.path, dest: t.path, data: f.data, mode: t.stats ? t.stats.mode & 0o7777 : undefined });
  }

  const guard = signalGuard();
  const ours: string[] = [];
  try {
    // Stage: every file complete on its own device before any destination changes.
    const staged: { given: string; dest: string; tmp: string }[] = [];
    for (const r of regular) {
      const tmp = tempPath(r.dest);
      ours.push(tmp);
      try {
        writeNew(tmp, r.data, r.mode);
      } catch (e) {
        withPath(e, r.given);
      }
      staged.push({ given: r.given, dest: r.dest, tmp });
    }
    beforeCommit?.();
    // Commit: rename each into place, keeping the previous file as a hard link until all are in.
    const done: { dest: string; backup?: string }[] = [];
    try {
      for (const s of staged) {
        let backup: string | undefined;
        if (statOrUndefined(s.dest) !== undefined) {
          backup = tempPath(s.dest, '-old');
          ours.push(backup);
          live.add(backup);
          try {
            linkSync(s.dest, backup);
          } catch {
            live.delete(backup);
            backup = undefined; // a file system without hard links: no way back for this one
          }
        }
        try {
          renameSync(s.tmp, s.dest);
        } catch (e) {
          withPath(e, s.given);
        }
        live.delete(s.tmp);
        done.push({ dest: s.dest, backup });
      }
    } catch (e) {
      for (const d of done.reverse()) {
        try {
          if (d.backup !== undefined) {
            renameSync(d.backup, d.dest);
            live.delete(d.backup);
          } else unlinkSync(d.dest);
        } catch {
          // leave what cannot be undone
        }
      }
      throw e;
    }
  } finally {
    for (const p of ours) {
      if (!live.has(p)) continue;
      try {
        unlinkSync(p);
      } catch {
        // already gone
      }
      live.delete(p);
    }
    // A signal that came during the writes is handled now, while the guard still holds.
    await nextTurn();
    await nextTurn();
    guard.release();
  }
  for (const f of special) {
    try {
      await (require('node:fs/promises') as typeof import('node:fs/promises')).writeFile(f.path, f.data);
    } catch (e) {
      withPath(e, f.path);
    }
  }
}

/** Writes one file atomically. */
export function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  return writeFilesAtomic([{ path: file, data }]);
}

/** Whether `dir` exists and is a directory (to reject an output path before computing). */
export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
