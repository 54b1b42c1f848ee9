import { describe, expect, it } from 'vitest';
import { YAML } from './yaml.js';
import { alignColumns, configToTable, reachToHepDataSubmission, reachToTable } from '../../src/format/index.js';
import { belle2_paper as belle2 } from '../../src/config/presets.js';
import { fixtureReach } from '../fixtures/reach.js';

describe('alignColumns', () => {
  it('pads cells so columns line up', () => {
    const out = alignColumns([['a', '1'], ['bbb', '100']], ['l', 'r']);
    expect(out).toEqual(['a      1', 'bbb  100']);
  });
});

describe('reachToTable', () => {
  const r = fixtureReach();
  const text = reachToTable(r);
  const lines = text.split('\n');

  it('has a header in MeV, one row per point, aligned ε90 column', () => {
    expect(lines[0]).toMatch(/^m_A' \[MeV\]/);
    const rows = lines.slice(1, 1 + r.points.length);
    expect(rows[0].trimStart().startsWith('1.000')).toBe(true);
    const end = lines[0].indexOf('ε90') + 3;
    for (const row of rows) expect(row.slice(0, end)).toMatch(/\S$/); // right-aligned: column ends at the header's end
  });

  it('marks the edges and has a footer with background, positrons and the best point', () => {
    expect(text).toContain('← annihilation window opens');
    expect(text).toMatch(/background N_b = 94\.10 events, positrons = 6\.020e\+11/);
    expect(text).toMatch(/best: ε90 = 1\.6\d\de-5 at m_A' = 66\.60 MeV/);
  });
});

describe('configToTable', () => {
  it('lists every field with its unit', () => {
    const t = configToTable(belle2);
    expect(t).toMatch(/^kind +collider +e⁺e⁻ collider$/m);
    expect(t).toMatch(/^lumi +50 +ab⁻¹ +Integrated luminosity$/m);
    expect(t.trimEnd().split('\n')).toHaveLength(Object.keys(belle2).length);
  });
});

describe('reachToHepDataSubmission', () => {
  const r = fixtureReach();
  const files = reachToHepDataSubmission(r, '0.1.0');
  const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));

  it('is submission.yaml plus one data file per curve, each named by the submission', () => {
    expect(files.map((f) => f.name)).toEqual(['submission.yaml', 'epsilon90_total.yaml', 'epsilon90_annihilation.yaml', 'epsilon90_bremsstrahlung.yaml', 'y90_total.yaml']);
    const docs = YAML.parseAllDocuments(byName['submission.yaml']).map((d) => d.toJS());
    expect(docs[0].comment).toMatch(/vanish 0\.1\.0/);
    const tables = docs.slice(1);
    expect(tables.map((t) => t.data_file)).toEqual(files.slice(1).map((f) => f.name));
    for (const t of tables) {
      expect(t.name.length).toBeLessThanOrEqual(64);
      expect(typeof t.description).toBe('string');
      expect(t.keywords.map((k: { name: string }) => k.name)).toEqual(expect.arrayContaining(['observables', 'reactions', 'phrases', 'cmenergies']));
    }
  });

  it("has m_A' in GeV against epsilon with LaTeX names, units and qualifiers; masses without reach left out", () => {
    const total = YAML.parse(byName['epsilon90_total.yaml']);
    expect(total.independent_variables[0].header).toEqual({ name: "$m_{A'}$", units: 'GeV' });
    const dep = total.dependent_variables[0];
    expect(dep.header.name).toMatch(/^\$\\varepsilon\$/);
    const q = Object.fromEntries(dep.qualifiers.map((x: { name: string; value: unknown }) => [x.name, x.value]));
    expect(q).toMatchObject({ 'Exclusion type': 'Expected', CL: '90%', Luminosity: 50, '$\\alpha_D$': 0.001, "$m_{A'}/m_{\\chi}$": 3 });
    expect(q['SQRT(S)']).toBeCloseTo(2 * Math.sqrt(28), 4);
    expect(dep.values).toHaveLength(total.independent_variables[0].values.length);
    expect(dep.values[0].value).toBeCloseTo(r.points[0].epsilon90, 10);
    const ann = YAML.parse(byName['epsilon90_annihilation.yaml']);
    const withReach = r.points.filter((p) => Number.isFinite(p.epsilon90Annihilation));
    expect(ann.independent_variables[0].values).toHaveLength(withReach.length);
    expect(ann.dependent_variables[0].values.every((v: { value: unknown }) => typeof v.value === 'number')).toBe(true);
  });
  it('says per mass in the total curve whether ε90 is a meaningful limit, and why not (issue 10)', () => {
    const total = YAML.parse(byName['epsilon90_total.yaml']);
    const shown = r.points.filter((p) => Number.isFinite(p.epsilon90) && p.epsilon90 > 0);
    const valid = total.dependent_variables.find((d: { header: { name: string } }) => d.header.name === 'valid');
    expect(valid.values.map((v: { value: number }) => v.value)).toEqual(shown.map((p) => (p.valid ? 1 : 0)));
    const flaggedFiles = reachToHepDataSubmission({ ...r, points: r.points.map((p, i) => (i === 0 ? { ...p, valid: false, note: 'ε90 ≥ 1: not a limit' } : p)) });
    const flagged = YAML.parse(flaggedFiles.find((f) => f.name === 'epsilon90_total.yaml')!.text);
    const note = flagged.dependent_variables.find((d: { header: { name: string } }) => d.header.name === 'note');
    expect(note.values[0].value).toBe('ε90 ≥ 1: not a limit');
    expect(note.values[1].value).toBe(r.points[1].valid ? '-' : r.points[1].note);
    const ann = YAML.parse(byName['epsilon90_annihilation.yaml']);
    expect(ann.dependent_variables.some((d: { header: { name: string } }) => d.header.name === 'valid')).toBe(false);
  });

  it('gives the total curve in the y–m_χ plane: m_χ = m_A′/3, y90 = ε90² α_D/3⁴ at the same masses, model and validity (issue 11)', () => {
    const eps = YAML.parse(byName['epsilon90_total.yaml']);
    const yFile = YAML.parse(byName['y90_total.yaml']);
    expect(yFile.independent_variables[0].header).toEqual({ name: '$m_{\\chi}$', units: 'GeV' });
    const masses = eps.independent_variables[0].values.map((v: { value: number }) => v.value);
    const chi = yFile.independent_variables[0].values.map((v: { value: number }) => v.value);
    expect(chi).toHaveLength(masses.length);
    chi.forEach((m: number, i: number) => expect(Math.abs(m / (masses[i] / 3) - 1)).toBeLessThan(1e-5)); // both rounded to 6 digits
    const dep = yFile.dependent_variables[0];
    expect(dep.header.name).toMatch(/^\$y = \\varepsilon\^2 \\alpha_D/);
    const shown = r.points.filter((p) => Number.isFinite(p.epsilon90) && p.epsilon90 > 0);
    dep.values.forEach((v: { value: number }, i: number) => expect(Math.abs(v.value / ((shown[i].epsilon90 ** 2 * 0.001) / 81) - 1)).toBeLessThan(1e-5));
    const q = Object.fromEntries(dep.qualifiers.map((x: { name: string; value: unknown }) => [x.name, x.value]));
    expect(q).toMatchObject({ 'Exclusion type': 'Expected', CL: '90%', '$\\alpha_D$': 0.001, "$m_{A'}/m_{\\chi}$": 3, 'Dark matter': 'Dirac fermion' });
    const valid = yFile.dependent_variables.find((d: { header: { name: string } }) => d.header.name === 'valid');
    expect(valid.values.map((v: { value: number }) => v.value)).toEqual(shown.map((p) => (p.valid ? 1 : 0)));
    const table = YAML.parseAllDocuments(byName['submission.yaml']).map((d) => d.toJS()).find((t) => t.data_file === 'y90_total.yaml');
    expect(table.name).toBe('Expected limit on y, total');
    expect(table.keywords.find((k: { name: string }) => k.name === 'observables').values).toEqual(['LIMIT']);
  });

  it('carries a band into the y table as y at each quantile (y ∝ ε²)', () => {
    const factors = [0.5, 0.7, 1, 1.4, 2];
    const band = { kind: 'statistical' as const, sigmas: [-2, -1, 0, 1, 2], quantiles: [0.023, 0.16, 0.5, 0.84, 0.977], factors, points: r.points.map((p) => ({ massGeV: p.massGeV, epsilon90: factors.map((f) => f * p.epsilon90) })) };
    const withBand = reachToHepDataSubmission(r, '', band as never);
    const yFile = YAML.parse(withBand.find((f) => f.name === 'y90_total.yaml')!.text);
    const central = yFile.dependent_variables[0].values[0].value;
    const plus2 = yFile.dependent_variables.find((d: { header: { name: string } }) => /band \+2/.test(d.header.name));
    expect(plus2.values[0].value / (4 * central)).toBeCloseTo(1, 5);
  });
});
