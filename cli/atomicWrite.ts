/**
 * Writes output files whole or not at all: each goes to a temporary file in
 * the destination's directory (same file system, so `rename` is atomic),
 * flushed to disk, then renamed over the destination. On any failure the
 * temporary files are removed and no destination is touched (unless a
 * rename itself fails halfway, which leaves earlier files complete).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
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

/** Writes all files atomically; throws the first file-system error, with `path` set to the destination. */
export async function writeFilesAtomic(files: OutputFile[]): Promise<void> {
  const staged: { tmp: string; dest: string }[] = [];
  try {
    for (const f of files) {
      const tmp = tempPath(f.path);
      try {
        await writeSynced(tmp, f.data);
      } catch (e) {
        (e as NodeJS.ErrnoException).path = f.path;
        throw e;
      }
      staged.push({ tmp, dest: f.path });
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
