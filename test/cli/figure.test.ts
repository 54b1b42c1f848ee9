/**
 * The figure flags of the built command, end to end (`node bin/vanish.js`,
 * dist/ built by `npm test`): title, ranges, mass unit, comparison lines and
 * shaded regions, SVG and PDF output for reach and scan; bad values give one
 * line, status 2 and no file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'vanish.js');

function vanish(args: string[], cwd = ROOT): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

let dir = '';
const file = (name: string) => path.join(dir, name);
const FAST = ['reach', '--experiment', 'belle2-paper', '--points', '6'];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vanish-figure-'));
  // A made-up limit (not a published one): mass in GeV, ε.
  writeFileSync(file('region.txt'), '# mass_GeV epsilon\n0.001 1e-5\n0.01 2e-5\n0.1 1e-4\n1 1e-3\n');
  writeFileSync(file('line.txt'), '# mass_GeV epsilon\n0.001 3e-4\n1 3e-4\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('vanish reach --plot with the figure flags', () => {
  it('draws the title, the ranges in MeV, a grey line and a shaded region; JSON lists both', async () => {
    const r = await vanish([
      ...FAST,
      '--format', 'json',
      '--plot', file('f.svg'),
      '--title', 'Belle II & friends',
      '--x-range', '2,500',
      '--mass-unit', 'MeV',
      '--y-range', '1e-6,1e-1',
      '--compare', `line=${file('line.txt')}`,
      '--compare-region', `excluded=${file('region.txt')}`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const svg = readFileSync(file('f.svg'), 'utf8');
    expect(svg).toContain('<text class="title"');
    expect(svg).toContain('>Belle II &amp; friends</text>');
    expect(svg).toContain('[MeV]</tspan></text>');
    expect(svg).toMatch(/<path class="comparison-region" data-label="excluded"/);
    expect(svg).toMatch(/<path class="curve comparison" data-label="line"[^>]* stroke="#555555"/);
    expect(svg).toContain('>Belle II: disappearing positron track</text>');
    // The x range is 2–500 MeV exactly: the first and last x tick labels lie inside it.
    const o = JSON.parse(r.stdout);
    expect(o.comparisons.map((c: { label: string; excluded?: boolean }) => [c.label, c.excluded ?? false])).toEqual([
      ['line', false],
      ['excluded', true],
    ]);
  });

  it('--plane y: --x-range is the m_χ axis drawn (1–100 MeV of m_χ, not of m_A′)', async () => {
    const r = await vanish([...FAST, '--plane', 'y', '--plot', file('y.svg'), '--x-range', '1,100', '--mass-unit', 'MeV', '--y-range', '1e-14,1e-8']);
    expect(r.status).toBe(0);
    const svg = readFileSync(file('y.svg'), 'utf8');
    // the x tick labels 10⁰ and 10² MeV at the plot area's left and right ends (92 and 772 px)
    const ticks = [...svg.matchAll(/<text class="tick-label x" x="([\d.]+)"[^>]*>10<tspan[^>]*>(-?\d+)<\/tspan>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ticks[0]).toEqual([92, 0]);
    expect(ticks[ticks.length - 1]).toEqual([772, 2]);
  });

  it('writes a PDF with DejaVu Sans embedded', async () => {
    const r = await vanish([...FAST, '--plot', file('f.pdf'), '--title', 'PDF']);
    expect(r.status).toBe(0);
    const pdf = readFileSync(file('f.pdf')).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(pdf).toContain('/FontFile2');
  });

  it('draws a scan figure to PDF', async () => {
    const r = await vanish(['scan', '--experiment', 'belle2-paper', '--vary', 'lumi=1,50', '--points', '4', '--format', 'json', '-o', file('s.json'), '--plot', file('s.pdf')]);
    expect(r.status).toBe(0);
    expect(readFileSync(file('s.pdf')).toString('latin1').startsWith('%PDF-')).toBe(true);
  });

  const cases: [string, string[], RegExp][] = [
    ['x range reversed', ['--plot', 'a.svg', '--x-range', '1GeV,1MeV'], /^vanish: error: --x-range 1GeV,1MeV is not allowed: expected two masses MIN,MAX with MIN < MAX/],
    ['x range of one mass', ['--plot', 'a.svg', '--x-range', '1MeV'], /^vanish: error: --x-range 1MeV is not a range: expected two masses/],
    ['y range with zero', ['--plot', 'a.svg', '--y-range', '0,1e-3'], /^vanish: error: --y-range 0,1e-3 is not allowed: expected two numbers MIN,MAX with 0 < MIN < MAX/],
    ['unknown mass unit', ['--plot', 'a.svg', '--mass-unit', 'TeV'], /^vanish: error: --mass-unit TeV is not allowed: expected GeV, MeV/],
    ['title without --plot', ['--title', 'T'], /^vanish: error: --title draws on the figure: add --plot FILE\.svg\|png\|pdf, or leave --title out/],
    ['missing region file', ['--plot', 'a.svg', '--compare-region', 'nofile.txt'], /^vanish: error: --compare-region nofile\.txt cannot be read \(no such file or directory\)/],
    ['unsupported figure format', ['--plot', 'a.gif'], /^vanish: error: --plot a\.gif has an unsupported extension: allowed are \.svg, \.png, \.pdf/],
  ];
  it.each(cases)('%s: one line, status 2, no file', async (_, args, message) => {
    const clean = mkdtempSync(path.join(dir, 'clean-'));
    const r = await vanish([...FAST, ...args], clean);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(readdirSync(clean)).toEqual([]);
    expect(existsSync(path.join(clean, 'a.svg'))).toBe(false);
  });
});
