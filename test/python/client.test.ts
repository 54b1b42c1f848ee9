/**
 * The Python client (python/vanish_client.py) tested from Python: runs its
 * unittest suite with the machine's python3 against the built CLI (dist/ is
 * built by `npm test` first) and asserts that every test ran and passed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('python/vanish_client.py', () => {
  it('passes its unittest suite under python3 (reach/yield/flux/background equal the CLI JSON, errors, numpy, the notebook)', async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does)');
    // Asynchronous, so vitest's worker stays responsive while the suite runs.
    const r = await new Promise<{ status: number | null; stderr: string; error?: Error }>((resolve) => {
      execFile(
        'python3',
        ['-W', 'error::ResourceWarning', '-m', 'unittest', 'discover', '-v', '-s', 'python', '-p', 'test_*.py'],
        { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 24 },
        (err, _stdout, stderr) => {
          const code = err && typeof (err as NodeJS.ErrnoException).code === 'number' ? ((err as unknown as { code: number }).code) : err ? null : 0;
          resolve({ status: code, stderr, error: err && (err as NodeJS.ErrnoException).code === 'ENOENT' ? err : undefined });
        },
      );
    });
    if (r.error) throw new Error(`python3 could not be run: ${r.error.message}`);
    const report = r.stderr;
    expect(report, report).toMatch(/\nOK\s*$/);
    expect(r.status, report).toBe(0);
    const ran = Number(/Ran (\d+) tests?/.exec(report)?.[1]);
    expect(ran).toBeGreaterThanOrEqual(9);
    expect(report).not.toMatch(/skipped|FAIL|ERROR/);
  }, 600_000);
});
