import { describe, expect, it } from 'vitest';
import { YAML } from './yaml.js';
import { alignColumns, configToTable, reachToHepData, reachToTable } from '../../src/format/index.js';
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

describe('reachToHepData', () => {
  const r = fixtureReach();
  const doc = YAML.parse(reachToHepData(r));
  it('has m_A\' in GeV as the independent variable', () => {
    expect(doc.independent_variables[0].header).toEqual({ name: "m_A'", units: 'GeV' });
    expect(doc.independent_variables[0].values).toHaveLength(r.points.length);
    expect(doc.independent_variables[0].values[0].value).toBe(0.001);
  });
  it('has epsilon90 with CL, luminosity, alphaD and massRatio qualifiers; no reach as "-"', () => {
    const [total, ann] = doc.dependent_variables;
    expect(total.header.name).toBe('epsilon90');
    const q = Object.fromEntries(total.qualifiers.map((x: { name: string; value: unknown }) => [x.name, x.value]));
    expect(q).toMatchObject({ CL: '90%', LUMINOSITY: 50, alphaD: 0.001, massRatio: 3 });
    expect(total.values[0].value).toBeCloseTo(r.points[0].epsilon90, 10);
    expect(ann.values[0].value).toBe('-');
  });
  it('says per mass whether ε90 is a meaningful limit, and why not (issue 10)', () => {
    const valid = doc.dependent_variables.find((d: { header: { name: string } }) => d.header.name === 'valid');
    expect(valid.values.map((v: { value: number }) => v.value)).toEqual(r.points.map((p) => (p.valid ? 1 : 0)));
    const flagged = YAML.parse(reachToHepData({ ...r, points: r.points.map((p, i) => (i === 0 ? { ...p, valid: false, note: 'ε90 ≥ 1: not a limit' } : p)) }));
    const note = flagged.dependent_variables.find((d: { header: { name: string } }) => d.header.name === 'note');
    expect(note.values[0].value).toBe('ε90 ≥ 1: not a limit');
    expect(note.values[1].value).toBe(r.points[1].valid ? '-' : r.points[1].note);
  });
});
