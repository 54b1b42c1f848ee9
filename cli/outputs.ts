/**
 * The outputs of a command: checked before anything is computed (a path that
 * cannot be written, two outputs naming one file), then written together or
 * not at all ({@link writeFilesAtomic}), stdout included in the same step.
 */
import { accessSync, constants, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sameFile, writeFilesAtomic, type OutputFile } from './atomicWrite.js';
import { SystemError, UsageError, describeFsError, isSystemFsError, quote } from './errors.js';
import type { Io } from './io.js';

/** An output the user named: the flag (`--output`, `--plot`) and the path. */
export interface NamedOutput {
  flag: string;
  path: string;
}

/** Whether `-o` means stdout. */
export const isStdout = (file: string | undefined): boolean => file === undefined || file === '-';

/** Checks one output path: a file name, in an existing, writable directory, not a directory itself. */
function checkOne({ flag, path: file }: NamedOutput): void {
  if (file === '') throw new UsageError(`${flag} "" is empty: give a file name`);
  if (file.includes('\0')) throw new UsageError(`${flag} ${quote(file)} holds a NUL character: give a file name`);
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new UsageError(`${flag} ${quote(file)} cannot be written (${describeFsError(e)}): give a writable path`);
  }
  if (st?.isDirectory() || /[/\\]$/.test(file)) throw new UsageError(`${flag} ${quote(file)} is a directory: give a file name`);
  if (st !== undefined && !st.isFile()) return; // a device or FIFO is written in place
  const dir = path.dirname(path.resolve(file));
  let dirStats;
  try {
    dirStats = statSync(dir);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `no such directory ${quote(dir)}` : describeFsError(e);
    throw new UsageError(`${flag} ${quote(file)} cannot be written (${why}): give a path in an existing directory`);
  }
  if (!dirStats.isDirectory()) throw new UsageError(`${flag} ${quote(file)} cannot be written (${quote(dir)} is not a directory): give a path in an existing directory`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`${flag} ${quote(file)} cannot be written (${describeFsError(e)} in ${quote(dir)}): give a writable path`);
  }
}

/**
 * Checks the outputs before computing: each can be written, and no two name
 * the same file (through different spellings, symlinks or hard links).
 * @throws UsageError naming the flag and the path
 */
export function checkOutputs(outputs: readonly NamedOutput[]): void {
  const files = outputs.filter((o) => !(o.flag === '--output' && o.path === '-'));
  for (const o of files) checkOne(o);
  const clash = sameFile(files.map((o) => o.path));
  if (clash) {
    const [a, b] = clash.map((i) => files[i]);
    const spelled = a.path === b.path ? ` ${quote(a.path)}` : `: ${quote(a.path)} and ${quote(b.path)} are one file`;
    throw new UsageError(`${a.flag} and ${b.flag} name the same file${spelled}: give different files`);
  }
}

/** Checks one output before anything is computed (see {@link checkOutputs} for several). */
export function checkOutputPath(flag: string, file: string): void {
  checkOutputs([{ flag, path: file }]);
}

/** The `--output` of a command's options as an output to check (none for stdout). */
export function outputOf(opts: Record<string, unknown>): NamedOutput[] {
  return typeof opts.output === 'string' ? [{ flag: '--output', path: opts.output }] : [];
}

/**
 * Writes a command's results: the text to the `--output` file or to stdout,
 * and the `extra` files (a figure), all together or none.
 * @throws UsageError for a path that cannot be written, SystemError for a full disk or an I/O error
 */
export async function deliver(io: Io, output: string | undefined, text: string, extra: (OutputFile & { flag?: string })[] = []): Promise<void> {
  const named = [...(isStdout(output) ? [] : [{ path: output as string, data: text, flag: '--output' }]), ...extra];
  try {
    await writeFilesAtomic(named, isStdout(output) ? () => io.stdout(text) : undefined);
  } catch (e) {
    const dest = (e as NodeJS.ErrnoException).path;
    const errno = (e as NodeJS.ErrnoException).code;
    if (dest === undefined || errno === undefined) throw e; // stdout, or not the file system
    const flag = named.find((n) => n.path === dest)?.flag ?? (dest === output ? '--output' : '--plot');
    if (errno === 'ESAMEFILE') throw new UsageError(`--output and --plot name the same file ${quote(dest)}: give different files`);
    const message = `${flag} ${quote(dest)} cannot be written (${describeFsError(e)})`;
    if (isSystemFsError(e)) throw new SystemError(`${message}; nothing was written`);
    throw new UsageError(`${message}: give a writable path`);
  }
}

/**
 * Checks the directory of `--format hepdata -o DIR` before anything is
 * computed: given, and an existing directory or a new name in an existing,
 * writable one.
 * @returns the directory
 */
export function checkHepDataDir(dir: string | undefined): string {
  if (isStdout(dir)) {
    throw new UsageError('--format hepdata writes a submission directory (submission.yaml and one data file per curve): give it with -o DIR');
  }
  const d = dir as string;
  let st;
  try {
    st = statSync(d);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`--output ${quote(d)} cannot be used (${describeFsError(e)}): give a new or existing directory`);
  }
  if (st !== undefined && !st.isDirectory()) throw new UsageError(`--output ${quote(d)} is a file: --format hepdata writes a directory, give a new or existing directory`);
  const parent = path.dirname(path.resolve(d));
  try {
    if (!statSync(parent).isDirectory()) throw new Error('not a directory');
    accessSync(st ? d : parent, constants.W_OK);
  } catch (e) {
    throw new UsageError(`--output ${quote(d)} cannot be written (${describeFsError(e)}): give a directory in an existing, writable one`);
  }
  return d;
}

/**
 * Writes files into a directory, creating it if it is new; all or none (a
 * directory this call created is removed again when the files cannot be written).
 */
export async function deliverToDirectory(io: Io, dir: string, files: (OutputFile & { flag?: string })[]): Promise<void> {
  let created = false;
  try {
    created = mkdirSync(dir) === undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`--output ${quote(dir)} cannot be created (${describeFsError(e)}): give a new or existing directory`);
  }
  try {
    await deliver(io, undefined, '', files);
  } catch (e) {
    if (created) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
