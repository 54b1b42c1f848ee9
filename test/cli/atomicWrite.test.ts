import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../../cli/atomicWrite.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vanish-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFilesAtomic', () => {
  it('writes and replaces files whole', async () => {
    const f = path.join(dir, 'a.txt');
    writeFileSync(f, 'old contents that are longer');
    await writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('touches no destination when one of the files cannot be written, and removes its temporary files', async () => {
    const sub = mkdtempSync(path.join(dir, 'b-'));
    const good = path.join(sub, 'good.txt');
    const bad = path.join(sub, 'missing', 'bad.txt');
    const err = await writeFilesAtomic([
      { path: good, data: 'x' },
      { path: bad, data: 'y' },
    ]).catch((e: NodeJS.ErrnoException) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect((err as NodeJS.ErrnoException).path).toBe(bad);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('writes bytes as given', async () => {
    const f = path.join(dir, 'c.bin');
    await writeFileAtomic(f, new Uint8Array([0, 255, 10]));
    expect([...readFileSync(f)]).toEqual([0, 255, 10]);
  });
});

describe('writeFilesAtomic on links and special files', () => {
  it('follows a symlink and keeps it', async () => {
    const { lstatSync, symlinkSync } = await import('node:fs');
    const real = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('writes into a FIFO in place instead of renaming over it', async () => {
    const { createReadStream, statSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<string>((resolve, reject) => {
      createReadStream(fifo)
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        .on('error', reject);
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await read).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
    rmSync(fifo);
  });
});

describe('writeFilesAtomic, all or nothing', () => {
  it('restores the files already renamed when a later rename fails', async () => {
    const { mkdirSync } = await import('node:fs');
    const sub = mkdtempSync(path.join(dir, 'rollback-'));
    const a = path.join(sub, 'a.csv');
    const b = path.join(sub, 'b.svg');
    const c = path.join(sub, 'c.txt');
    writeFileSync(a, 'old a');
    // b becomes a directory once everything is staged: renaming a file over it fails.
    const err = await writeFilesAtomic(
      [
        { path: a, data: 'new a' },
        { path: c, data: 'new c' },
        { path: b, data: 'new b' },
      ],
      () => mkdirSync(b),
    ).catch((e: NodeJS.ErrnoException) => e);
    expect((err as NodeJS.ErrnoException).path).toBe(b);
    expect(readFileSync(a, 'utf8')).toBe('old a');
    expect(readdirSync(sub).sort()).toEqual(['a.csv', 'b.svg']);
  });

  it('writes nothing when the step before the renames (stdout) fails', async () => {
    const sub = mkdtempSync(path.join(dir, 'stdout-fails-'));
    const err = await writeFilesAtomic([{ path: path.join(sub, 'fig.svg'), data: '<svg/>' }], () => {
      throw new Error('stdout is full');
    }).catch((e: Error) => e);
    expect((err as Error).message).toBe('stdout is full');
    expect(readdirSync(sub)).toEqual([]);
  });

  it('keeps the mode of a file it replaces', async () => {
    const { chmodSync, statSync } = await import('node:fs');
    const f = path.join(dir, 'mode.txt');
    writeFileSync(f, 'old');
    chmodSync(f, 0o600);
    await writeFileAtomic(f, 'new');
    expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('refuses two outputs that are one file', async () => {
    const f = path.join(dir, 'twice.txt');
    const err = await writeFilesAtomic([
      { path: f, data: '1' },
      { path: path.join(dir, '.', 'twice.txt'), data: '2' },
    ]).catch((e: NodeJS.ErrnoException) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ESAMEFILE');
  });
});
