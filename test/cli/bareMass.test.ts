/**
 * A mass typed without a unit is GeV; a bare number above 20 where the
 * experiment cannot make an A′ that heavy is probably MeV, and the CLI says so
 * on stderr (the result is still computed as asked).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { bareMassWarning } from '../../src/config/fields.js';
import { fakeLibrary } from './fakeLibrary.js';

async function vanish(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false }, fakeLibrary);
  return { status, stdout, stderr };
}

describe('bare masses above the reach', () => {
  it('warns for --mass 66.7 on belle2 (reach ends at 6.62 GeV), not for 66.7MeV or 0.0667', async () => {
    const bare = await vanish(['yield', '--mass', '66.7']);
    expect(bare.status).toBe(0);
    expect(bare.stderr).toMatch(/^vanish: warning: --mass 66\.7 is read as 66\.7 GeV, above the heaviest A′ belle2 can make \(6\.62 GeV.*did you mean 66\.7MeV\?\n$/);
    for (const ok of ['66.7MeV', '0.0667', '66.7 GeV', '5']) expect((await vanish(['yield', '--mass', ok])).stderr, ok).toBe('');
  });

  it('warns for each such item of --masses and for a bare --mass-max', async () => {
    const r = await vanish(['reach', '--masses', '30,0.07,45', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr.match(/vanish: warning: --masses (30|45) is read as/g)).toHaveLength(2);
    const grid = await vanish(['reach', '--mass-max', '100', '--points', '3', '--format', 'csv']);
    expect(grid.stderr).toMatch(/--mass-max 100 is read as 100 GeV/);
  });

  it('does not warn where the experiment reaches the mass (NA64: 100 GeV beam)', async () => {
    expect((await vanish(['yield', '--experiment', 'na64-2019', '--mass', '66.7'])).stderr).toBe('');
  });

  it('is a pure function of the text, the mass and the reach', () => {
    expect(bareMassWarning('21', '--mass', 6.6, 'belle2')).toContain('did you mean 21MeV?');
    expect(bareMassWarning('20', '--mass', 6.6, 'belle2')).toBeUndefined();
    expect(bareMassWarning('21', '--mass', 50, 'x')).toBeUndefined();
    expect(bareMassWarning('21GeV', '--mass', 6.6, 'belle2')).toBeUndefined();
    expect(bareMassWarning('2.1e1', '--mass', 6.6, 'belle2')).toContain('did you mean 2.1e1MeV?');
  });
});

describe('bare masses above the reach, through vanish serve', () => {
  it('answers with the CLI result and the CLI warning beside it ("warnings"), none for a mass with its unit', async () => {
    const { respond } = await import('../../cli/commands/serve.js');
    const bare = JSON.parse(await respond(fakeLibrary, '{"id": 1, "command": "yield", "mass": 66.7}'));
    expect(bare.id).toBe(1);
    expect(bare.result.massGeV).toBe(66.7);
    expect(bare.warnings).toHaveLength(1);
    expect(bare.warnings[0]).toMatch(/^mass 66\.7 is read as 66\.7 GeV, above the heaviest A′ belle2 can make \(6\.62 GeV.*did you mean 66\.7MeV\?$/);
    const list = JSON.parse(await respond(fakeLibrary, '{"id": 2, "command": "reach", "masses": [30, 0.07, "45"]}'));
    expect(list.warnings.map((w: string) => w.split(' ')[0])).toEqual(['masses[0]', 'masses[2]']);
    for (const ok of ['"66.7MeV"', '0.0667', '5']) {
      const r = JSON.parse(await respond(fakeLibrary, `{"id": 3, "command": "yield", "mass": ${ok}}`));
      expect(Object.keys(r), ok).toEqual(['id', 'result']);
    }
  });
});
