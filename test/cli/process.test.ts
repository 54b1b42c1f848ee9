/**
 * The built command as a process, where only a process will do: a full disk
 * (/dev/full, and a small tmpfs when we may mount one), a reader that goes
 * away, SIGINT and SIGTERM during the computation and during the write, two
 * writers of one file, a comparison curve of 130 000 lines. Every case ends in
 * one line and the right status, with all outputs or none and no temporary file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'vanish.js');

interface Result {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs vanish; `stdout` may be a file descriptor to write to instead of a pipe. */
function vanish(args: string[], opts: { stdout?: number; cwd?: string } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

function expectOneLine(r: Result, message: RegExp, status: number) {
  expect(r.stderr).toMatch(message);
  expect(r.status).toBe(status);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

let dir = '';
const temps = (d: string) => readdirSync(d).filter((f) => f.startsWith('.vanish-tmp-'));

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(path.join(tmpdir(), 'vanish-process-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fresh(name: string): string {
  const d = path.join(dir, name);
  mkdirSync(d);
  return d;
}

/** Mounts a tmpfs of `size` at a new directory (root only); undefined where we may not. */
function tmpfs(name: string, options: string): string | undefined {
  const d = fresh(name);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', d], { stdio: 'ignore' });
    return d;
  } catch {
    return undefined;
  }
}
const unmount = (d: string | undefined) => d && execFileSync('umount', [d], { stdio: 'ignore' });

describe.concurrent('stdout', () => {
  it('on a full device: one line, status 1, and the figure is not written either', async () => {
    const out = fresh('full-stdout');
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await vanish(['reach', '--points', '20', '--format', 'json', '--plot', path.join(out, 'fig.svg')], { stdout: fd });
      expectOneLine(r, /^vanish: error: standard output cannot be written \(no space left on the device\)$/m, 1);
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('closed by its reader (`| head`): status 0, nothing on stderr', async () => {
    const r = await new Promise<Result>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'reach', '--points', '400', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (status, signal) => resolve({ status, signal, stdout: '', stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe.concurrent('signals', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s during the computation: the process ends by the signal, no file', async (signal) => {
    const out = fresh(`compute-${signal}`);
    const child = spawn(process.execPath, [BIN, 'reach', '--points', '10000', '-o', path.join(out, 'r.csv'), '--plot', path.join(out, 'r.svg')], {
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill(signal);
    const [status, sig] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    // Killed by the signal, or (when the workers' handler heard it first) the shell's 128 + its number.
    expect([signal, { SIGINT: 130, SIGTERM: 143 }[signal]]).toContain(sig ?? status);
    expect(readdirSync(out)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s during the write: the figure staged, stdout blocked: no file, no temporary file, ends by the signal', async (signal) => {
    const out = fresh(`write-${signal}`);
    // stdout is a pipe nobody reads: the JSON (≈ 1.5 MB with a 20 000-point comparison) fills it while the figure's temporary file exists.
    const curve = path.join(out, '..', `curve-${signal}.txt`);
    writeFileSync(curve, Array.from({ length: 20_000 }, (_, i) => `${(1e-3 * 10 ** (i / 10_000)).toPrecision(8)} 1e-4`).join('\n'));
    const child = spawn(process.execPath, [BIN, 'reach', '--masses', '10MeV,20MeV', '--compare', curve, '--format', 'json', '--plot', path.join(out, 'fig.svg')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pause();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const closed = new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    const start = Date.now();
    while (temps(out).length === 0 && Date.now() - start < 50_000) await new Promise((r) => setTimeout(r, 20));
    expect(temps(out)).toHaveLength(1);
    child.kill(signal);
    await new Promise((r) => setTimeout(r, 300));
    child.stdout.destroy(); // the write fails (EPIPE), the handler runs
    const [status, sig] = await closed;
    expect(sig ?? status).toBe(signal);
    expect(stderr).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('files', () => {
  it('two writers of one file: both succeed and the file is one of them, whole', async () => {
    const out = fresh('concurrent');
    const f = path.join(out, 'r.csv');
    const [a, b] = await Promise.all([
      vanish(['reach', '--points', '50', '--format', 'csv', '-o', f]),
      vanish(['reach', '--points', '60', '--format', 'csv', '-o', f]),
    ]);
    expect([a.status, b.status, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const text = readFileSync(f, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').filter((l) => !l.startsWith('#'));
    const columns = lines[0].split(',').length;
    expect(lines.every((l) => l.split(',').length === columns)).toBe(true);
    expect(lines.length).toBeGreaterThan(50);
    // the CSV and its W3C CSVW sidecar (the curve's description)
    expect(readdirSync(out).sort()).toEqual(['r.csv', 'r.csv-metadata.json']);
  });

  it('a comparison curve of 130 000 lines with --plot: a valid figure', async () => {
    const out = fresh('big-curve');
    const lines = Array.from({ length: 130_000 }, (_, i) => `${(1e-3 * 10 ** ((3 * i) / 130_000)).toPrecision(8)} 1e-4`);
    writeFileSync(path.join(out, 'big.txt'), `${lines.join('\n')}\n`);
    const r = await vanish(['reach', '--points', '5', '--compare', `big=${path.join(out, 'big.txt')}`, '--plot', path.join(out, 'fig.svg'), '-o', path.join(out, 'r.csv'), '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(() => new Resvg(readFileSync(path.join(out, 'fig.svg'), 'utf8'))).not.toThrow();
  });

  it('a full disk (tmpfs of 64 KiB): one line, status 1, neither output, no temporary file, on either device', async () => {
    const full = tmpfs('tmpfs-full', 'size=64k');
    if (full === undefined) return; // not root: /dev/full above covers stdout
    try {
      writeFileSync(path.join(full, 'filler'), Buffer.alloc(40 << 10));
      const disk = fresh('disk-side');
      const a = await vanish(['reach', '--points', '100', '--format', 'json', '-o', path.join(full, 'r.json'), '--plot', path.join(disk, 'fig.svg')]);
      expectOneLine(a, /^vanish: error: --output .*r\.json cannot be written \(no space left on the device\); nothing was written$/m, 1);
      const b = await vanish(['reach', '--points', '100', '--format', 'json', '-o', path.join(disk, 'r.json'), '--plot', path.join(full, 'fig.png')]);
      expectOneLine(b, /^vanish: error: --plot .*fig\.png cannot be written \(no space left on the device\); nothing was written$/m, 1);
      expect(readdirSync(full)).toEqual(['filler']);
      expect(readdirSync(disk)).toEqual([]);
      const fd = openSync(path.join(full, 'stdout.json'), 'w');
      try {
        const c = await vanish(['reach', '--points', '100', '--format', 'json'], { stdout: fd });
        expectOneLine(c, /^vanish: error: standard output cannot be written \(no space left on the device\)$/m, 1);
      } finally {
        closeSync(fd);
      }
    } finally {
      unmount(full);
    }
  });

  it('a read-only file system: one line, status 2', async () => {
    const ro = tmpfs('tmpfs-ro', 'ro,size=64k');
    if (ro === undefined) return;
    try {
      const r = await vanish(['reach', '--points', '3', '-o', path.join(ro, 'r.csv')]);
      expectOneLine(r, /^vanish: error: --output .*r\.csv cannot be written \(read-only file system in .*\): give a writable path$/m, 2);
    } finally {
      unmount(ro);
    }
  });
});
