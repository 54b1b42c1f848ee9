/**
 * `vanish scan` in-process with the stand-in library: the progress bar shows
 * only on a terminal and is erased; the table is keyed by the varied values.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { fakeLibrary } from './fakeLibrary.js';

async function vanish(args: string[], isTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY }, fakeLibrary);
  return { status, stdout, stderr };
}

describe('vanish scan (in-process)', () => {
  it('draws a progress bar on a terminal only, and erases it', async () => {
    const args = ['scan', '--vary', 'lumi=1,10,50', '--points', '4', '--jobs', '1'];
    const tty = await vanish(args, true);
    expect(tty.status).toBe(0);
    expect(tty.stderr).toMatch(/\rscan \[█+\] 3\/3 configurations · 1 job/);
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    const pipe = await vanish(args, false);
    expect(pipe.stderr).toBe('');
    expect(pipe.stdout).toBe(tty.stdout);
    expect(pipe.stdout.split('\n').slice(1, 4).map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['0', '1'],
      ['1', '10'],
      ['2', '50'],
    ]);
  });
});
