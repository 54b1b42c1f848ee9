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
