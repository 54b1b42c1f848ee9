/**
 * Writes output files whole or not at all: each goes to a temporary file in
 * the destination's directory (same file system, so `rename` is atomic),
 * flushed to disk, then renamed over the destination. On any failure the
 * temporary files are removed and no destination is touched (unless a
 * rename itself fails halfway, which leaves earlier files complete).
 * A symlink is followed (the link stays); a destination that is not a regular
 * file (/dev/null, /dev/stdout, a FIFO) is written in place, last.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/** Prefix of temporary files (ignored by git, see .gitignore). */
export const TEMP_PREFIX = '.vanish-tmp-';

function tempPath(dest: string): string {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(dest), `${TEMP_PREFIX}${tag}-${path.basename(dest)}`);
}

async function writeSynced(file: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(file, 'wx', 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Where to write for a destination path: the file a symlink points to (so the
 * link survives), and whether it is not a regular file (a device such as
 * /dev/null, a FIFO): those are written in place, never renamed over.
 */
async function target(dest: string): Promise<{ path: string; special: boolean }> {
  let isFile: boolean;
  try {
    isFile = (await stat(dest)).isFile();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: dest, special: false };
    throw e;
  }
  // /dev/stdout → /proc/self/fd/1 may lead to a regular file the shell opened: write into it, never rename.
  const real = isFile ? await realpath(dest).catch(() => undefined) : undefined;
  const system = (p: string) => /^\/(?:dev|proc)\//.test(p);
  if (real === undefined || system(real) || system(path.resolve(dest))) return { path: dest, special: true };
  return { path: real, special: false };
}

/** Writes all files atomically; throws the first file-system error, with `path` set to the destination. */
export async function writeFilesAtomic(files: OutputFile[]): Promise<void> {
  const staged: { tmp: string; dest: string }[] = [];
  const special: OutputFile[] = [];
  try {
    for (const f of files) {
      const t = await target(f.path).catch((e: NodeJS.ErrnoException) => {
        e.path = f.path;
        throw e;
      });
      if (t.special) {
        special.push({ path: t.path, data: f.data });
        continue;
      }
      const tmp = tempPath(t.path);
      try {
        await writeSynced(tmp, f.data);
      } catch (e) {
        (e as NodeJS.ErrnoException).path = f.path;
        throw e;
      }
      staged.push({ tmp, dest: t.path });
    }
    while (staged.length > 0) {
      const s = staged[0];
      try {
        await rename(s.tmp, s.dest);
      } catch (e) {
        (e as NodeJS.ErrnoException).path = s.dest;
        throw e;
      }
      staged.shift();
    }
    for (const f of special) {
      try {
        await writeFile(f.path, f.data);
      } catch (e) {
        (e as NodeJS.ErrnoException).path = f.path;
        throw e;
      }
    }
  } finally {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
  }
}

/** Writes one file atomically. */
export function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  return writeFilesAtomic([{ path: file, data }]);
}

/** Whether `dir` exists and is a directory (to reject an output path before computing). */
export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
