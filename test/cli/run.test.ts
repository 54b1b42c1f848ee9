/**
 * The CLI run in-process with a stand-in library: argument handling, error
 * lines and exit statuses, progress on a terminal. The real program is
 * exercised end to end in cli.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { FIELDS } from '../../src/config/schema.js';
import { fakeLibrary } from './fakeLibrary.js';

/** The schema's allowed range of a field as a regex fragment (the schema owns the wording). */
const allowed = (f: keyof typeof FIELDS) => FIELDS[f].allowed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function vanish(args: string[], isTTY = false) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY }, fakeLibrary);
  return { status, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'vanish-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vanish (in-process)', () => {
  it('prints the reach table', async () => {
    const r = await vanish(['reach', '--points', '5']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^m_A' \[MeV\]/);
    expect(r.stdout.split('\n').filter((l) => /^\s+\d/.test(l))).toHaveLength(7); // 5 grid points + 2 edges
    expect(r.stderr).toBe('');
  });

  it('shows a single updating progress line only on a terminal, and erases it', async () => {
    const tty = await vanish(['reach', '--points', '4'], true);
    expect(tty.stderr).toContain('\rreach 6/6');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(tty.stderr).not.toContain('\n');
    const pipe = await vanish(['reach', '--points', '4'], false);
    expect(pipe.stderr).toBe('');
  });

  it('prints warnings from the background as vanish: warning lines', async () => {
    const r = await vanish(['background', '--energy-cut', '0.1', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('vanish: warning: the neutron cut flow was made with another energy cut\n');
  });

  it.each([
    [['yield', '--mass', '-5MeV'], /^vanish: error: --mass -5MeV is not allowed: expected a positive number/],
    [['reach', '--energy-cut', '1.5'], new RegExp(`^vanish: error: --energy-cut 1\\.5 is not allowed: largest deposited energy fraction, allowed ${allowed('energyCut')}$`)],
    [['reach', '--lumi', '0'], new RegExp(`^vanish: error: --lumi 0 is not allowed: integrated luminosity, allowed ${allowed('lumi')} ab⁻¹$`)],
    [['reach', '--lumi', 'ten'], /^vanish: error: --lumi "ten" is not a number/],
    [['reach', '--mass-ratio', '1.5'], new RegExp(`^vanish: error: --mass-ratio 1\\.5 is not allowed: m_A' / m_χ, allowed ${allowed('massRatio')}$`)],
    [['reach', '--preset', 'lhc'], /^vanish: error: --preset lhc is not a preset: allowed presets are belle2$/],
    [['reach', '--points', '1'], /^vanish: error: --points "1" is not allowed/],
    [['reach', '--mass-min', '1GeV', '--mass-max', '1MeV'], /^vanish: error: --mass-max 1MeV is not allowed: it must be larger than --mass-min 1GeV$/],
    [['reach', '--masses', '1MeV', '--points', '9'], /^vanish: error: --masses cannot be combined with --points/],
    [['reach', '--format', 'xml'], /^vanish: error: option '--format <format>' argument 'xml' is invalid\. Allowed choices are table, csv, json, hepdata\.$/],
    [['reach', '--bogus'], /^vanish: error: unknown option '--bogus'/],
    [['reach', '--plot', 'out.pdf'], /^vanish: error: --plot out\.pdf has an unsupported extension: allowed are \.svg and \.png$/],
    [['frobnicate'], /^vanish: error: unknown command 'frobnicate'/],
    [['yield'], /^vanish: error: required option '--mass <mass>' not specified$/],
    [['reach', '--config', '/nonexistent/c.yaml'], /^vanish: error: --config \/nonexistent\/c\.yaml cannot be read \(no such file or directory\)/],
    [['reach', '--output', '/nonexistent/out.csv'], /^vanish: error: --output \/nonexistent\/out\.csv cannot be written \(no such directory/],
  ])('%j is a user error: one line, status 2', async (args, message) => {
    const r = await vanish(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message as RegExp);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('without a command prints the help on stderr with status 2', async () => {
    const r = await vanish([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: vanish');
  });

  it('lists units and defaults in the help', async () => {
    const root = await vanish(['--help']);
    expect(root.status).toBe(0);
    expect(root.stdout).toContain('ab⁻¹');
    expect(root.stdout).toContain('66MeV');
    const reach = await vanish(['reach', '--help']);
    expect(reach.stdout).toMatch(/--mass-min <mass>.*\(default: "1MeV"\)/s);
    expect(reach.stdout).toMatch(/--points <n>.*\(default: "200"\)/s);
    expect(reach.stdout).toContain(`integrated luminosity in ab⁻¹, ${FIELDS.lumi.allowed} ab⁻¹ (belle2: 50)`);
    expect(reach.stdout).toMatch(/--preset <name>.*\(default: "belle2"\)/s);
    const config = await vanish(['config', '--help']);
    expect(config.stdout).toMatch(/^ {2}calorimeterDepth +16 +X0 +Calorimeter depth; > 0$/m);
  });

  it('leaves no file and no temporary file when it fails', async () => {
    const out = path.join(dir, 'partial.csv');
    const r = await vanish(['reach', '--points', '4', '--output', out, '--plot', path.join(dir, 'x.pdf')]);
    expect(r.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes --output and --plot files and nothing on stdout', async () => {
    const out = path.join(dir, 'r.json');
    const plot = path.join(dir, 'r.svg');
    const r = await vanish(['reach', '--points', '4', '--format', 'json', '--output', out, '--plot', plot]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.svg']);
  });
});

describe('--compare', () => {
  it('draws comparison curves from LABEL=FILE in the figure', async () => {
    const cmp = path.join(dir, 'na64.csv');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(cmp, '# digitised\nmass_GeV,epsilon\n0.001,1e-5\n0.1 3e-5\n1,1e-3\n');
    const plot = path.join(dir, 'cmp.svg');
    const r = await vanish(['reach', '--points', '4', '--plot', plot, '--compare', `NA64=${cmp}`, '--compare', cmp, '-o', path.join(dir, 'cmp.txt')]);
    expect(r.status).toBe(0);
    const svg = readFileSync(plot, 'utf8');
    expect(svg).toContain('data-label="NA64"');
    expect(svg).toContain('data-label="na64"');
    rmSync(plot);
    rmSync(path.join(dir, 'cmp.txt'));
    writeFileSync(cmp, '0.001,1e-5\n0.1,oops\n');
    const bad = await vanish(['reach', '--points', '4', '--plot', plot, '--compare', cmp]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^vanish: error: --compare .*na64\.csv line 2 "0\.1,oops" is not allowed/);
    const noPlot = await vanish(['reach', '--points', '4', '--compare', cmp]);
    expect(noPlot.stderr).toMatch(/--compare needs --plot/);
    rmSync(cmp);
  });
});
