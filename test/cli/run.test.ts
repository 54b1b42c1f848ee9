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
    [['reach', '--analysis', 'binned'], /^vanish: error: --analysis "binned" is not allowed: the limit from one count, or from a binned likelihood in the measured spectrum, allowed counting, spectral$/],
    [['reach', '--radiative-annihilation', 'maybe'], /^vanish: error: --radiative-annihilation "maybe" is not allowed: the third channel e⁺e⁻ → γA′ on atomic electrons \(arXiv:2505\.10302\), allowed on, off$/],
    [['reach', '--mass-ratio', '1.5'], new RegExp(`^vanish: error: --mass-ratio 1\\.5 is not allowed: m_A' / m_χ, allowed ${allowed('massRatio')}$`)],
    // a relation to other fields refused the value: the flag's message gives the schema's reason first
    [['reach', '--masses', '67MeV', '--dark-matter', 'scalar', '--mass-ratio', '2.0000001'], /^vanish: error: --mass-ratio 2\.0000001 is not allowed: too close to threshold for alphaD = 0\.001 and darkMatter scalar: the A′ width Γ\/m_A′ must be ≥ 3\.3e-10 to be resolved \(m_A' \/ m_χ, allowed /],
    [['reach', '--masses', '67MeV', '--dark-matter', 'pseudoDirac', '--mass-splitting', '0.5', '--mass-ratio', '2.4'], /^vanish: error: --mass-ratio 2\.4 is not allowed: A′ → χ₁χ₂ is closed for darkMatter pseudoDirac with massSplitting 0\.5: massRatio must be above 2 \+ massSplitting = 2\.5 \(/],
    // options that would change nothing, or be overridden silently
    [['reach', '--points', '3', '--dark-matter', 'dirac', '--mass-splitting', '0.5'], /^vanish: error: --mass-splitting 0\.5 does not apply to darkMatter dirac: the splitting is that of --dark-matter pseudoDirac$/],
    [['scan', '--points', '3', '--vary', 'lumi=1,2', '--lumi', '5'], /^vanish: error: --lumi 5 and --vary lumi=… both set lumi: give one of them$/],
    [['scan', '--points', '3', '--vary', 'lumi=1,2', '--plot-kind', 'curves'], /^vanish: error: --plot-kind curves needs --plot FILE/],
    [['reach', '--points', '3', '--systematics', '--uncertainty', 'lumi=0.1', '--uncertainty', 'lumi=0.2'], /^vanish: error: --uncertainty lumi=… is given twice: give each field's uncertainty once$/],
    [['reach', '--preset', 'lhc'], /^vanish: error: --preset lhc is not a built-in experiment: allowed are belle2, belle2-paper, babar, besiii, na64-2019, na64-2022, na64-eplus-2022$/],
    [['reach', '--experiment', 'lhc'], /^vanish: error: --experiment lhc is not a built-in experiment: allowed are belle2, belle2-paper, babar, .*na64-2019/],
    [['reach', '--experiment', 'babar', '--preset', 'belle2'], /^vanish: error: --experiment babar and --preset belle2 disagree/],
    [['flux', '--experiment', 'na64-2019', '--lumi', '5'], /^vanish: error: --lumi does not apply to na64-2019, a fixed-target experiment: set particlesOnTarget in a --config file$/],
    [['reach', '--experiment', 'na64-2022', '--energy-cut', '1.5'], /^vanish: error: --energy-cut 1\.5 is not allowed: largest deposited energy fraction \(1 − missing-energy threshold\), allowed /],
    [['reach', '--points', '1'], /^vanish: error: --points "1" is not allowed/],
    [['reach', '--mass-min', '1GeV', '--mass-max', '1MeV'], /^vanish: error: --mass-max 1MeV is not allowed: it must be larger than --mass-min 1GeV$/],
    [['reach', '--masses', '1MeV', '--points', '9'], /^vanish: error: --masses cannot be combined with --points/],
    [['reach', '--format', 'xml'], /^vanish: error: option '--format <format>' argument 'xml' is invalid\. Allowed choices are table, csv, json, hepdata\.$/],
    [['reach', '--bogus'], /^vanish: error: unknown option '--bogus'/],
    [['reach', '--plot', 'out.gif'], /^vanish: error: --plot out\.gif has an unsupported extension: allowed are \.svg, \.png, \.pdf$/],
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
    // help text wraps at the terminal width: compare with the line breaks folded
    const folded = reach.stdout.replace(/\s+/g, ' ');
    expect(folded).toContain(`integrated luminosity in ab⁻¹, ${FIELDS.lumi.allowed} ab⁻¹ (belle2: 50)`);
    expect(folded).toContain('--radiative-annihilation <on|off> the third channel e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302), on or off (belle2: on)');
    expect(reach.stdout).toMatch(/--experiment <name>.*na64-2019.*\(default: "belle2"\)/s);
    expect(reach.stdout).not.toContain('--preset'); // a hidden alias
    const config = await vanish(['config', '--help']);
    expect(config.stdout).toMatch(/^ {2}calorimeterDepth +16 +X0 +Calorimeter depth; > 0$/m);
    expect(config.stdout).toMatch(/^ {2}particlesOnTarget +284000000000 +Particles on target; 0 < N ≤ 1e25$/m);
  });

  it('leaves no file and no temporary file when it fails', async () => {
    const out = path.join(dir, 'partial.csv');
    const r = await vanish(['reach', '--points', '4', '--output', out, '--plot', path.join(dir, 'x.gif')]);
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
    rmSync(cmp);
  });

  it('puts the curves in the JSON, the CSV sidecar and the table without --plot', async () => {
    const cmp = path.join(dir, 'pub.txt');
    const csvFile = path.join(dir, 'cmp.csv');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(cmp, '# m_GeV eps\n0.001 1e-5\n0.1 3e-5\n');
    const [json, csv, table] = await Promise.all(
      ['json', 'csv', 'table'].map((f) =>
        vanish(['reach', '--points', '3', '--format', f, '--compare', `Pub=${cmp}`, '--compare', cmp, ...(f === 'csv' ? ['-o', csvFile] : [])]),
      ),
    );
    rmSync(cmp);
    expect(json.status).toBe(0);
    const o = JSON.parse(json.stdout);
    expect(Object.keys(o)).toEqual(['config', 'positrons', 'background', 'points', 'best', 'edges', 'requiredSignal', 'warnings', 'comparisons']);
    expect(o.comparisons).toEqual([
      { label: 'Pub', file: cmp, points: [[0.001, 1e-5], [0.1, 3e-5]] },
      { label: 'pub', file: cmp, points: [[0.001, 1e-5], [0.1, 3e-5]] },
    ]);
    expect(csv.status).toBe(0);
    expect(readFileSync(csvFile, 'utf8').split('\n')[0]).toMatch(/^mass_GeV,/);
    const meta = JSON.parse(readFileSync(`${csvFile}-metadata.json`, 'utf8'));
    expect(meta.url).toBe('cmp.csv');
    expect(meta.vanish.comparisons).toEqual(o.comparisons);
    rmSync(csvFile);
    rmSync(`${csvFile}-metadata.json`);
    expect(table.stdout).toContain(`compared with: Pub (2 points from ${cmp})`);
  });

  it('leaves comparisons out of the JSON when none are asked for', async () => {
    const o = JSON.parse((await vanish(['reach', '--points', '3', '--format', 'json'])).stdout);
    expect(o).not.toHaveProperty('comparisons');
  });
});

describe('--experiment', () => {
  it('lists the built-in experiments with kind, title and source', async () => {
    const [table, json] = await Promise.all([vanish(['experiments']), vanish(['experiments', '--format', 'json'])]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^na64-2019 +fixedTarget +NA64, .*PRL 123 \(2019\) 121801$/m);
    const list = JSON.parse(json.stdout);
    expect(list.map((e: { name: string }) => e.name)).toEqual(['belle2', 'belle2-paper', 'babar', 'besiii', 'na64-2019', 'na64-2022', 'na64-eplus-2022']);
    for (const e of list) expect(Object.keys(e)).toEqual(['name', 'kind', 'title', 'source', 'config']);
  });

  it('runs a fixed-target experiment: its beam, its Poisson limit, its fields', async () => {
    const flux = JSON.parse((await vanish(['flux', '--experiment', 'na64-2019', '--format', 'json'])).stdout);
    expect(flux).toEqual({ positrons: 2.84e11, energyMinGeV: 100, energyMaxGeV: 100, particle: 'e-' });
    const bg = JSON.parse((await vanish(['background', '--experiment', 'na64-2019', '--format', 'json'])).stdout);
    expect(Object.keys(bg)).toEqual(['total', 'observedEvents', 'confidenceLevel', 'upperLimitEvents', 'warnings']);
    const reach = JSON.parse((await vanish(['reach', '--preset', 'na64-2019', '--masses', '10MeV', '--alpha-d', '0.05', '--format', 'json'])).stdout);
    expect(reach.config).toMatchObject({ kind: 'fixedTarget', alphaD: 0.05 });
    expect(reach.requiredSignal).toBeCloseTo(Math.log(10), 12);
    const config = await vanish(['config', '--experiment', 'na64-2019']);
    expect(config.stdout).toMatch(/^kind +fixedTarget/);
    expect(config.stdout).toMatch(/^particlesOnTarget +284000000000 +Particles on target$/m);
    expect(config.stdout).not.toMatch(/^lumi/m);
  });

  it('tells a --config field of the other kind, or a change of kind, in one line', async () => {
    const { writeFileSync } = await import('node:fs');
    const lumi = path.join(dir, 'lumi.yaml');
    const kind = path.join(dir, 'kind.yaml');
    writeFileSync(lumi, 'lumi: 3\n');
    writeFileSync(kind, 'kind: fixedTarget\n');
    const [a, b] = await Promise.all([vanish(['flux', '--experiment', 'na64-2019', '--config', lumi]), vanish(['flux', '--config', kind])]);
    rmSync(lumi);
    rmSync(kind);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(`vanish: error: --config ${lumi}: field lumi is for colliders, and na64-2019 is a fixed-target experiment (its fields: vanish config --experiment na64-2019)\n`);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/^vanish: error: --config .*kind\.yaml: kind fixedTarget does not match belle2 \(collider\): choose an experiment of that kind with --experiment \(na64-2019, na64-2022, na64-eplus-2022\)\n$/);
  });
});
