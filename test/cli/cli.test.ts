/**
 * The built command, end to end: spawns `node bin/vanish.js` (dist/ is built
 * by `npm test` before vitest runs) with the real physics library. Checks
 * the JSON/CSV contracts, config precedence, output files, and that user
 * mistakes give one line, status 2, no stack and no file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS, belle2, na64_2019 } from '../../src/config/presets.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'vanish.js');
/** NA64's published 2019 limit (89 points), kept outside the project. */
const NA64_2019 = path.resolve(ROOT, '../shared/data/na64-2019-invisible-dark-photon.txt');

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

function vanish(args: string[], cwd = ROOT): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

let dir = '';
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(path.join(tmpdir(), 'vanish-cli-'));
  writeFileSync(file('lumi5.yaml'), '# a tenth of the preset luminosity\nlumi: 5\n');
  writeFileSync(file('unknown.yaml'), 'lumi: 5\nlumen: 3\n');
  writeFileSync(file('bad.yaml'), 'lumi: [5\n');
  writeFileSync(file('lumi25.json'), '{"lumi": 25}');
  writeFileSync(file('curve-bad.txt'), '# mass epsilon\n0.001 7.5e-6\n0.002 1e-5 3\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('vanish (built, end to end)', () => {
  it('flux --format json has the contract keys', async () => {
    const r = await vanish(['flux', '--format', 'json']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o).slice(0, 3)).toEqual(['positrons', 'energyMinGeV', 'energyMaxGeV']);
    expect(o.energyMinGeV).toBeLessThan(o.energyMaxGeV);
    expect(o.positrons).toBeGreaterThan(0);
  });

  it('background --format json has the contract keys; total is photons + neutrons', async () => {
    const r = await vanish(['background', '--format', 'json']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o).slice(0, 3)).toEqual(['photon', 'neutron', 'total']);
    expect(o.photon).toEqual(expect.objectContaining({ escapeProbability: expect.any(Number), events: expect.any(Number) }));
    expect(o.neutron).toEqual(expect.objectContaining({ penetrationProbability: expect.any(Number), events: expect.any(Number) }));
    expect(o.total).toBeCloseTo(o.photon.events + o.neutron.events, 9);
  });

  it('reach --format json on a log grid: sorted points with the contract keys, edges added, best below the grid', async () => {
    const r = await vanish(['reach', '--points', '8', '--format', 'json']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o).slice(0, 6)).toEqual(['config', 'positrons', 'background', 'points', 'best', 'edges']);
    expect(o.config).toEqual(belle2);
    const masses: number[] = o.points.map((p: { massGeV: number }) => p.massGeV);
    expect(masses).toEqual([...masses].sort((a, b) => a - b));
    expect(masses[0]).toBeCloseTo(1e-3, 12);
    expect(masses[masses.length - 1]).toBeCloseTo(1, 12);
    const inRange = o.edges.filter((e: { massGeV: number }) => e.massGeV > 1e-3 && e.massGeV < 1);
    expect(masses.length).toBe(8 + inRange.length);
    for (const p of o.points) expect(Object.keys(p).slice(0, 4)).toEqual(['massGeV', 'annihilation', 'bremsstrahlung', 'epsilon90']);
    const finite = o.points.map((p: { epsilon90: number | null }) => p.epsilon90).filter((e: number | null) => e !== null);
    expect(o.best.epsilon90).toBeLessThanOrEqual(Math.min(...finite) * (1 + 1e-9));
  });

  it('reach --masses computes exactly those masses (no edges)', async () => {
    const r = await vanish(['reach', '--masses', '60MeV,66MeV,0.07', '--format', 'json']);
    expect(r.status).toBe(0);
    const masses = JSON.parse(r.stdout).points.map((p: { massGeV: number }) => p.massGeV);
    expect(masses).toHaveLength(3);
    [0.06, 0.066, 0.07].forEach((m, i) => expect(masses[i]).toBeCloseTo(m, 12));
  });

  it('reach --format csv starts with the header with units', async () => {
    const r = await vanish(['reach', '--masses', '10MeV,100MeV', '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const header = 0;
    expect(lines[header]).toBe(
      'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung,radiative_events_eps1,radiative_error,epsilon90_radiative,epsilon90_counting,mass_chi_GeV,y90,invisible_branching_ratio90,valid,note',
    );
    expect(lines.slice(header + 1)).toHaveLength(2);
    expect(Number(lines[header + 1].split(',')[0])).toBe(0.01);
    // both are meaningful limits at 50 ab⁻¹ (ε90 ≪ 1): valid = 1, no note
    for (const l of lines.slice(header + 1)) expect(l.endsWith(',1,')).toBe(true);
  });

  it('a YAML config file overrides the preset and flags override the file', async () => {
    const [base, tenth, cfg] = await Promise.all([
      vanish(['flux', '--format', 'json']),
      vanish(['flux', '--format', 'json', '--config', file('lumi5.yaml')]),
      vanish(['config', '--format', 'json', '--config', file('lumi5.yaml'), '--lumi', '20', '--alpha-d', '0.002']),
    ]);
    expect(tenth.status).toBe(0);
    expect(JSON.parse(tenth.stdout).positrons / JSON.parse(base.stdout).positrons).toBeCloseTo(0.1, 12);
    expect(JSON.parse(cfg.stdout)).toEqual({ ...belle2, lumi: 20, alphaD: 0.002 });
  });

  it('a JSON config file changes the yields (Eqs. 11–12 are proportional to the luminosity)', async () => {
    const [base, half] = await Promise.all([
      vanish(['yield', '--mass', '70MeV', '--format', 'json']),
      vanish(['yield', '--mass', '70MeV', '--format', 'json', '--config', file('lumi25.json')]),
    ]);
    expect(half.status).toBe(0);
    const [b, h] = [JSON.parse(base.stdout), JSON.parse(half.stdout)];
    expect(b.bremsstrahlung).toBeGreaterThan(0);
    expect(h.bremsstrahlung / b.bremsstrahlung).toBeCloseTo(0.5, 9);
    expect(h.annihilation / b.annihilation).toBeCloseTo(0.5, 9);
  });

  it('--plot x.svg writes an SVG figure and --output the table', async () => {
    const r = await vanish(['reach', '--points', '8', '--plot', file('x.svg'), '--output', file('x.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const svg = readFileSync(file('x.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<path class="curve total"');
    expect(readFileSync(file('x.txt'), 'utf8')).toMatch(/^m_A' \[MeV\]/);
  });

  it('--plot x.png writes a PNG at twice the figure size', async () => {
    const r = await vanish(['reach', '--points', '8', '--format', 'json', '--plot', file('x.png')]);
    expect(r.status).toBe(0);
    const png = readFileSync(file('x.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1200]);
  });

  it('--help lists the commands and units; reach --help the defaults', async () => {
    const [root, reach] = await Promise.all([vanish(['--help']), vanish(['reach', '--help'])]);
    expect(root.status).toBe(0);
    for (const c of ['flux', 'background', 'yield', 'reach']) expect(root.stdout).toContain(`  ${c} [options]`);
    expect(root.stdout).toContain('ab⁻¹');
    expect(reach.stdout).toContain('(default: "1MeV")');
    expect(reach.stdout).toContain('(default: "200")');
  });
});

describe.concurrent('other experiments and comparisons (built, end to end)', () => {
  it('experiments lists all seven with kind and source', async () => {
    const [table, json] = await Promise.all([vanish(['experiments']), vanish(['experiments', '--format', 'json'])]);
    expect(table.status).toBe(0);
    const list = JSON.parse(json.stdout);
    expect(list.map((e: { name: string }) => e.name).sort()).toEqual(Object.keys(EXPERIMENTS).sort());
    expect(list).toHaveLength(7);
    for (const e of list) {
      expect(e).toEqual({ name: e.name, kind: EXPERIMENTS[e.name].config.kind, title: EXPERIMENTS[e.name].title, source: EXPERIMENTS[e.name].source, config: EXPERIMENTS[e.name].config });
      expect(table.stdout).toContain(e.source);
    }
  });

  it('reach --experiment na64-2019 --format json keeps the contract, with config.kind fixedTarget', { timeout: 180_000 }, async () => {
    const r = await vanish(['reach', '--experiment', 'na64-2019', '--masses', '1MeV,10MeV,0.1', '--format', 'json']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['config', 'positrons', 'background', 'points', 'best', 'edges', 'requiredSignal', 'warnings']);
    expect(o.config).toEqual(na64_2019);
    expect(o.config.kind).toBe('fixedTarget');
    expect(o.positrons).toBe(2.84e11);
    expect(o.background).toBe(0.53);
    expect(o.requiredSignal).toBeCloseTo(Math.log(10), 9); // zero observed events at 90% CL
    expect(o.points).toHaveLength(3);
    for (const p of o.points) expect(Object.keys(p).slice(0, 4)).toEqual(['massGeV', 'annihilation', 'bremsstrahlung', 'epsilon90']);
    for (const p of o.points) expect(p.epsilon90).toBeCloseTo(Math.sqrt(o.requiredSignal / (p.annihilation + p.bremsstrahlung + p.radiative)), 12);
    // valid (issue 10), then the y–m_χ plane (issue 11): m_χ = m_A′/massRatio and y = ε² α_D (m_χ/m_A′)⁴ beside ε
    expect(Object.keys(o.best)).toEqual(['massGeV', 'epsilon90', 'valid', 'massChiGeV', 'y90']);
    expect(o.best.valid).toBe(true);
    expect(o.best.y90).toBeCloseTo((o.best.epsilon90 ** 2 * o.config.alphaD) / o.config.massRatio ** 4, 20);
    for (const p of o.points) expect(p.valid).toBe(p.epsilon90 < 1);
  });

  it('flux, background, yield and hepdata work for a fixed target', async () => {
    const [flux, bg, bgCsv, yieldR, hep] = await Promise.all([
      vanish(['flux', '--experiment', 'na64-2019', '--format', 'json']),
      vanish(['background', '--experiment', 'na64-2019', '--format', 'json']),
      vanish(['background', '--experiment', 'na64-2019', '--format', 'csv']),
      vanish(['yield', '--experiment', 'na64-eplus-2022', '--mass', '0.25', '--format', 'csv']),
      vanish(['reach', '--experiment', 'na64-2019', '--masses', '10MeV', '--format', 'hepdata', '-o', file('hep-na64')]),
    ]);
    expect([flux.status, bg.status, bgCsv.status, yieldR.status, hep.status]).toEqual([0, 0, 0, 0, 0]);
    const f = JSON.parse(flux.stdout);
    expect(Object.keys(f).slice(0, 3)).toEqual(['positrons', 'energyMinGeV', 'energyMaxGeV']);
    expect(f).toEqual({ positrons: 2.84e11, energyMinGeV: 100, energyMaxGeV: 100, particle: 'e-' });
    const b = JSON.parse(bg.stdout);
    expect(Object.keys(b)).toEqual(['total', 'observedEvents', 'confidenceLevel', 'upperLimitEvents', 'warnings']);
    expect(b).toMatchObject({ total: 0.53, observedEvents: 0, confidenceLevel: 0.9, warnings: [] });
    expect(b.upperLimitEvents).toBeCloseTo(2.3026, 4);
    expect(bgCsv.stdout).toMatch(/^total_events,observed_events,confidence_level,upper_limit_events\n0\.530000,0,0\.900000,2\.30259\n$/);
    expect(yieldR.stdout.split('\n')[1].split(',')).toHaveLength(7);
    expect(hep.stdout).toBe('');
    expect(readFileSync(file('hep-na64/epsilon90_total.yaml'), 'utf8')).toContain('Particles on target');
  });

  it('--compare puts a published curve into the JSON (without --plot)', async () => {
    const r = await vanish(['reach', '--masses', '10MeV', '--format', 'json', '--compare', NA64_2019, '--compare', `NA64=${NA64_2019}`]);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o).at(-1)).toBe('comparisons');
    expect(o.comparisons.map((c: { label: string }) => c.label)).toEqual(['na64-2019-invisible-dark-photon', 'NA64']);
    const [c] = o.comparisons;
    expect(c.file).toBe(NA64_2019);
    expect(c.points).toHaveLength(89);
    expect(c.points[0]).toEqual([1e-3, 7.544e-6]);
  });

  it('--compare with --format csv: two columns per curve after the reach\'s, named in the sidecar; none without --compare', async () => {
    const out = file('compared.csv');
    const [plain, r] = await Promise.all([
      vanish(['reach', '--masses', '10MeV,20MeV', '--format', 'csv']),
      vanish(['reach', '--masses', '10MeV,20MeV', '--format', 'csv', '--compare', `NA64=${NA64_2019}`, '-o', out]),
    ]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const plainLines = plain.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${plainLines[0]},compare1_mass_GeV,compare1_epsilon90`);
    expect(lines).toHaveLength(1 + 89); // the curve's 89 points; the reach's 2 rows first
    expect(lines[1]).toBe(`${plainLines[1]},0.00100000,7.54400e-6`);
    expect(lines[3]).toMatch(/^,{16},[\d.e+-]+,[\d.e+-]+$/);
    const meta = JSON.parse(readFileSync(`${out}-metadata.json`, 'utf8'));
    expect(meta.tableSchema.columns.map((c: { name: string }) => c.name).join(',')).toBe(lines[0]);
    expect(meta.tableSchema.columns.at(-1)['dc:description']).toContain('NA64');
  });

  it('config --experiment na64-2019 --format yaml is a --config file for that experiment', async () => {
    const yaml = await vanish(['config', '--experiment', 'na64-2019', '--format', 'yaml', '--alpha-d', '0.02', '--energy-cut', '0.4']);
    expect(yaml.status).toBe(0);
    writeFileSync(file('na64.yaml'), yaml.stdout);
    const back = await vanish(['config', '--experiment', 'na64-2019', '--config', file('na64.yaml'), '--format', 'json']);
    expect(back.status).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ ...na64_2019, alphaD: 0.02, energyCut: 0.4 });
  });
});

describe.concurrent('user mistakes: one line, status 2, no stack', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['negative mass', () => ['yield', '--mass', '-5MeV'], /^vanish: error: --mass -5MeV is not allowed/],
    ['energy cut above 1', () => ['reach', '--energy-cut', '1.5'], /^vanish: error: --energy-cut 1\.5 is not allowed: .*, allowed \S/],
    ['zero luminosity', () => ['flux', '--lumi', '0'], /^vanish: error: --lumi 0 is not allowed: .*, allowed .* ab⁻¹\n/],
    ['mass ratio below 2', () => ['reach', '--mass-ratio', '1.5'], /^vanish: error: --mass-ratio 1\.5 is not allowed: .*, allowed .*2/],
    ['unknown config key', () => ['reach', '--config', file('unknown.yaml')], /^vanish: error: --config .*unknown\.yaml: unknown config field lumen/],
    ['invalid YAML', () => ['flux', '--config', file('bad.yaml')], /^vanish: error: --config .*bad\.yaml is not valid YAML/],
    ['unknown preset', () => ['background', '--preset', 'lhc'], /^vanish: error: --preset lhc is not a built-in experiment: allowed are belle2, belle2-paper, babar, besiii, na64-2019/],
    ['unknown experiment', () => ['reach', '--experiment', 'foo'], /^vanish: error: --experiment foo is not a built-in experiment: allowed are belle2, .*na64-eplus-2022\n/],
    ['--lumi on a fixed target', () => ['reach', '--lumi', '5', '--experiment', 'na64-2019'], /^vanish: error: --lumi does not apply to na64-2019, a fixed-target experiment: set particlesOnTarget in a --config file\n/],
    ['malformed --compare file', () => ['reach', '--masses', '10MeV', '--compare', file('curve-bad.txt')], /^vanish: error: --compare .*curve-bad\.txt line 3 "0\.002 1e-5 3" is not allowed/],
    ['unreadable config', () => ['reach', '--config', file('missing.yaml')], /^vanish: error: --config .*missing\.yaml cannot be read \(no such file or directory\)/],
    ['config that is a directory', () => ['reach', '--config', dir], /^vanish: error: --config .* cannot be read \(is a directory\)/],
    ['unknown option', () => ['reach', '--lumii', '3'], /^vanish: error: unknown option '--lumii'/],
    ['bad plot extension', () => ['reach', '--plot', file('out.gif')], /^vanish: error: --plot .*out\.gif has an unsupported extension: allowed are \.svg, \.png, \.pdf\n$/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const r = await vanish(args());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('an output file named *.csv or *.json', () => {
  it('implies its format when no --format is given, and contradicts another one in one line, writing nothing', async () => {
    const out = mkdtempSync(path.join(dir, 'implied-'));
    const csv = await vanish(['reach', '--points', '4', '-o', 'r.csv'], out);
    const json = await vanish(['reach', '--points', '4', '-o', 'r.JSON'], out);
    expect([csv.status, json.status]).toEqual([0, 0]);
    expect(readFileSync(path.join(out, 'r.csv'), 'utf8')).toBe((await vanish(['reach', '--points', '4', '--format', 'csv'])).stdout);
    expect(readFileSync(path.join(out, 'r.JSON'), 'utf8')).toBe((await vanish(['reach', '--points', '4', '--format', 'json'])).stdout);
    expect(readdirSync(out).sort()).toEqual(['r.JSON', 'r.csv', 'r.csv-metadata.json']);
    const clean = mkdtempSync(path.join(dir, 'contradicts-'));
    const bad = await vanish(['reach', '--points', '4', '--format', 'json', '-o', 'r.csv'], clean);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('vanish: error: --format json does not match --output r.csv: a .csv file holds csv; give --format csv, or another file name\n');
    expect(readdirSync(clean)).toEqual([]);
  });

  it('named *.png, *.svg or *.pdf is refused in one line (a figure is --plot\'s), writing nothing', async () => {
    const clean = mkdtempSync(path.join(dir, 'figure-output-'));
    const png = await vanish(['reach', '--points', '4', '-o', 'fig.png'], clean);
    expect(png.status).toBe(2);
    expect(png.stderr).toBe('vanish: error: --output fig.png would hold the table text, not an image: a figure is written with --plot fig.png (png, svg or pdf)\n');
    const pdf = await vanish(['flux', '-o', 'f.PDF'], clean);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toMatch(/^vanish: error: --output f\.PDF would hold the table text, not an image: vanish flux draws no figure/);
    expect(readdirSync(clean)).toEqual([]);
  });
});

describe('no partial output file on error', () => {
  it('leaves nothing behind for a bad --plot extension or a bad option with --output', async () => {
    const clean = mkdtempSync(path.join(dir, 'clean-'));
    const a = await vanish(['reach', '--points', '8', '--output', 'out.csv', '--format', 'csv', '--plot', 'out.gif'], clean);
    const b = await vanish(['reach', '--points', '8', '--output', 'out.csv', '--lumi', '-1'], clean);
    const c = await vanish(['reach', '--output', 'out.csv', '--masses', '1MeV,oops'], clean);
    expect([a.status, b.status, c.status]).toEqual([2, 2, 2]);
    expect(readdirSync(clean)).toEqual([]);
  });
});
