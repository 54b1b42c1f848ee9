/**
 * `vanish cross-section` in-process: the JSON/CSV/table contract, a published
 * reference (DMG4's ETL cross-section on Pb, test/fixtures/dmg4-etl-pb.json),
 * zero for a closed channel, and one-line errors with exit 2 and nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { fakeLibrary } from './fakeLibrary.js';

async function vanish(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(['cross-section', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false }, fakeLibrary);
  return { status, stdout, stderr };
}
const dir = mkdtempSync(path.join(tmpdir(), 'vanish-xs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dmg4 = JSON.parse(readFileSync(new URL('../fixtures/dmg4-etl-pb.json', import.meta.url), 'utf8'));

describe('vanish cross-section', () => {
  it('--model etl --target Pb --beam-energy 100 --mass 0.1 --min-energy 0.2 --format json: DMG4 within 5 % at ε = 1', async () => {
    const r = await vanish(['--model', 'etl', '--target', 'Pb', '--beam-particle', 'e-', '--beam-energy', '100', '--mass', '0.1', '--min-energy', '0.2', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const o = JSON.parse(r.stdout);
    const ref = dmg4.crossSectionPb[dmg4.energiesGeV.indexOf(100)][dmg4.massesMeV.indexOf(100)] / dmg4.epsilon ** 2;
    expect(Math.abs(o.crossSectionPb / ref - 1)).toBeLessThan(0.05);
    expect(o.crossSectionError).toBeGreaterThan(0);
    expect(o).toMatchObject({ model: 'etl', target: 'Pb', beamParticle: 'e-', beamEnergyGeV: 100, massGeV: 0.1, minEnergyGeV: 0.2, epsilon: 1, unit: 'pb' });
  }, 60_000);

  it('a positron on a material lists its three channels, as CSV whose first line is the header (the request in columns)', async () => {
    const r = await vanish(['--model', 'ww', '--target', 'CsI', '--beam-particle', 'e+', '--beam-energy', '4', '--mass', '20MeV', '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('channel,crossSectionPb,crossSectionError,beamParticle,beamEnergyGeV,target,per,massGeV,minEnergyGeV,model');
    expect(rows.slice(1).map((l) => l.split(',')[0])).toEqual(['bremsstrahlung', 'annihilation', 'radiative']);
    expect(rows[1].split(',').slice(3)).toEqual(['e+', '4', 'CsI', 'formula unit', '0.02', '0.02', 'ww']);
  });

  it('takes --min-energy with a unit, and warns (σ = 0, exit 0) when it is not below the beam energy', async () => {
    const unit = await vanish(['--model', 'ww', '--target', 'Pb', '--beam-energy', '100GeV', '--mass', '10MeV', '--min-energy', '50GeV', '--format', 'json']);
    const bare = await vanish(['--model', 'ww', '--target', 'Pb', '--beam-energy', '100', '--mass', '0.01', '--min-energy', '50', '--format', 'json']);
    expect(unit.status).toBe(0);
    expect(unit.stdout).toBe(bare.stdout);
    expect(unit.stderr).toBe('');
    const above = await vanish(['--model', 'ww', '--target', 'Pb', '--beam-energy', '100', '--mass', '0.01', '--min-energy', '200', '--format', 'json']);
    expect(above.status).toBe(0);
    expect(JSON.parse(above.stdout).crossSectionPb).toBe(0);
    expect(above.stderr).toBe('vanish: warning: --min-energy 200 is not below the beam energy (100 GeV): no A′ carries that much, every cross-section is 0\n');
    // zero counts every A′ energy (the mass is the floor), with a unit or without
    const zeros = await Promise.all(['0', '0GeV', '0 MeV', '0.0'].map((z) => vanish(['--model', 'ww', '--target', 'Pb', '--beam-energy', '100', '--mass', '0.01', '--min-energy', z, '--format', 'json'])));
    const none = await vanish(['--model', 'ww', '--target', 'Pb', '--beam-energy', '100', '--mass', '0.01', '--format', 'json']);
    for (const z of zeros) expect([z.status, z.stdout]).toEqual([0, none.stdout.replace('"minEnergyGeV": 0.01', '"minEnergyGeV": 0')]);
  });

  it('a kinematically closed channel is 0, not an error', async () => {
    const r = await vanish(['--model', 'iww', '--target', 'W', '--beam-energy', '1', '--mass', '0.1', '--min-energy', '5', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).crossSectionPb).toBe(0);
  });

  it.each([
    [['--target', 'Xx', '--beam-energy', '100', '--mass', '0.1'], /^vanish: error: --target "Xx" is not allowed \(allowed: an element symbol/],
    [['--target', 'Pb', '--beam-energy', '0.0001', '--mass', '0.1'], /^vanish: error: --beam-energy 0\.0001 is not allowed/],
    [['--target', 'Pb', '--beam-energy', '1', '--mass', '2'], /^vanish: error: --mass 2 is not allowed at beam energy 1 GeV \(allowed: below the kinematic limit/],
    [['--target', 'Pb', '--beam-energy', 'abc', '--mass', '0.1'], /^vanish: error: --beam-energy abc is not an energy/],
    [['--target', 'Pb', '--beam-energy', '10', '--mass', '0.1', '--model', 'xx'], /^vanish: error: option '--model <model>' argument 'xx' is invalid/],
  ])('%j: one line, exit 2, nothing written', async (args, message) => {
    const out = path.join(dir, 'x.json');
    const r = await vanish([...args, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
