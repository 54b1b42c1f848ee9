/**
 * Reading a file the user named (`--config`, `--compare`) with a bound on
 * its size: a regular file larger than the bound is refused before it is
 * read, and anything else (/dev/zero, a FIFO whose writer never stops) is
 * read only up to the bound, so memory never grows with the input. The text
 * must be UTF-8 without NUL characters (a binary file is refused).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError, describeFsError, quote } from './errors.js';

/** Sizes in words for messages: 1 MiB, 16 MiB, 512 KiB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KiB`;
  return `${bytes} bytes`;
}

/**
 * A whole number with thousands separated by commas (10,000), as
 * `toLocaleString('en-US')` writes it, without loading ICU's locale data
 * (≈ 25 ms at the first call, paid by every command when it ran at import).
 */
export function groupedInteger(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The text of `file`, at most `limit` bytes.
 * @param flag the option that named the file, for messages
 * @param hint what to give instead, the end of every message
 * @throws UsageError for a file that cannot be read, a directory, more than `limit` bytes, or not UTF-8 text
 */
export function readTextFile(file: string, limit: number, flag: string, hint: string): string {
  const fail = (why: string) => new UsageError(`${flag} ${quote(file)} ${why}: ${hint}`);
  if (file === '') throw fail('is empty');
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw fail(`cannot be read (${describeFsError(e)})`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw fail('cannot be read (is a directory)');
    const tooLarge = () => fail(`is larger than the limit of ${sizeText(limit)}`);
    if (st.isFile() && st.size > limit) throw tooLarge();
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 16, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 10);
          continue;
        }
        throw fail(`cannot be read (${describeFsError(e)})`);
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge();
    }
  } finally {
    closeSync(fd);
  }
  const bytes = Buffer.concat(chunks, total);
  if (bytes.includes(0)) throw fail('is not a text file (it holds NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('is not UTF-8 text');
  }
  return text.replace(/^\ufeff/, '');
}
