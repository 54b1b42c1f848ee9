/**
 * Limits that mean nothing are marked (issue 10, item 2): ε90 ≥ 1, no signal,
 * or a visible width that breaks the invisible-decay model, in the library's
 * result and in every format (JSON, CSV, table, figure), the best point too.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXPERIMENTS, belle2, computeReach, withOverrides } from '../../src/index.js';
import { reachToYTable } from '../../src/format/yPlane.js';
import { reachToHepDataSubmission } from '../../src/format/hepdata.js';
import { alpha, electronMass } from '../../src/constants.js';
import { limitValidity, visibleWidth, VISIBLE_WIDTH_TOLERANCE } from '../../src/statistics/validity.js';
import { reachToJson } from '../../src/format/json.js';
import { reachCsvMetadata, reachToCsv } from '../../src/format/csv.js';
import { reachToTable } from '../../src/format/table.js';
import { reachPlot } from '../../src/plot/reachPlot.js';
import { scanToTable } from '../../src/scan/format.js';
import type { ScanResult } from '../../src/scan/result.js';
import { fixtureReach } from '../fixtures/reach.js';

describe('limitValidity', () => {
  it('ε90 ≥ 1 and no signal are not limits', () => {
    expect(limitValidity(0.05, 1, 1e-3, 3).valid).toBe(false);
    expect(limitValidity(0.05, 3.2, 1e-3, 3).note).toMatch(/ε90 ≥ 1/);
    expect(limitValidity(0.05, Infinity, 1e-3, 3).note).toMatch(/no signal/);
    expect(limitValidity(0.05, 1e-4, 1e-3, 3)).toEqual({ valid: true });
  });

  it('Γ(A′→e⁺e⁻) = α ε² m/3 (1 + 2r)√(1 − 4r); the model fails where it reaches Γ(A′→χχ̄)', () => {
    const m = 0.1;
    const r = (electronMass / m) ** 2;
    expect(visibleWidth(m, 1e-3)).toBeCloseTo(((alpha * 1e-6 * m) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r), 18);
    expect(visibleWidth(0.001, 1)).toBe(0); // below 2 m_e
    // α_D = 1e−8, m_χ = m/3: Γ_inv = (m α_D/3)(11/9)√(5/9); the boundary ε solves Γ_vis = Γ_inv
    const inv = ((m * 1e-8) / 3) * (11 / 9) * Math.sqrt(5 / 9);
    const edge = Math.sqrt((VISIBLE_WIDTH_TOLERANCE * inv) / (((alpha * m) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r)));
    expect(limitValidity(m, edge * 0.99, 1e-8, 3).valid).toBe(true);
    const out = limitValidity(m, edge * 1.01, 1e-8, 3);
    expect(out.valid).toBe(false);
    expect(out.note).toMatch(/invisible-decay model/);
  });
});

describe('a reach with meaningless limits (lumi 1e−30 ab⁻¹; masses above the kinematic limit)', () => {
  const tiny = computeReach(withOverrides(belle2, { lumi: 1e-30 }), [0.01, 0.07, 0.3]);
  const heavy = computeReach(belle2, [5, 8, 10]);

  it('marks every point and the best one, and says so in the warnings', () => {
    for (const r of [tiny, heavy]) {
      for (const p of r.points) {
        expect(p.valid).toBe(false);
        expect(p.note).toBeTruthy();
      }
      expect(r.best.valid).toBe(false);
      expect(r.warnings.some((w) => /no meaningful limit at \d+ of \d+ masses/.test(w))).toBe(true);
    }
    expect(heavy.points.find((p) => p.massGeV === 10)?.note).toMatch(/no signal/);
  });

  it('one warning line names each reason once: the visible-width ratio, different at every mass, as its range', () => {
    // with α_D = 1e−6 heavy masses have ε90 < 1 where A′ → e⁺e⁻ already beats A′ → χχ̄
    // the seed's invisible-only width (visibleDecays off): with the branching ratio applied these masses have no limit at all
    const r = computeReach(withOverrides(belle2, { lumi: 1, alphaD: 1e-6, visibleDecays: false }), [0.3, 0.6, 1], { includeEdges: false });
    // above 2m_μ the visible width is A′ → e⁺e⁻ and μ⁺μ⁻ (issue 11: models/visibleDecays.ts)
    const ratios = r.points.filter((p) => /Γ\(A′→e⁺e⁻, μ⁺μ⁻(, hadrons)?\)/.test(p.note ?? '')).map((p) => Number(/is ([0-9.e+-]+) ×/.exec(p.note!)![1]));
    expect(ratios.length).toBeGreaterThan(1);
    const w = r.warnings.find((x) => /no meaningful limit/.test(x))!;
    expect(w.match(/Γ\(A′→e⁺e⁻, μ⁺μ⁻(, hadrons)?\)/g)).toHaveLength(1);
    expect(w).toContain(`is ${Math.min(...ratios)} to ${Math.max(...ratios)} × Γ(A′→χχ̄)`);
  });

  it('belle2 itself has only meaningful limits between 1 MeV and 1 GeV', () => {
    const r = computeReach(belle2, [0.001, 0.01, 0.1, 1], { includeEdges: false });
    expect(r.points.every((p) => p.valid && p.note === undefined)).toBe(true);
    expect(r.best.valid).toBe(true);
    expect(r.warnings.some((w) => /meaningful/.test(w))).toBe(false);
  });

  it('JSON: valid: false and a note on each point and on best', () => {
    const o = JSON.parse(reachToJson(tiny));
    for (const p of o.points) {
      expect(p.valid).toBe(false);
      expect(p.note).toMatch(/ε90 ≥ 1/);
    }
    expect(o.best.valid).toBe(false);
    expect(o.best.note).toMatch(/ε90 ≥ 1/);
    expect(JSON.parse(reachToJson(computeReach(belle2, [0.07], { includeEdges: false }))).points[0]).toMatchObject({ valid: true });
  });

  it('CSV: valid and note columns (the note without commas, so every row has the header\'s columns); the sidecar\'s best says valid: false', () => {
    const lines = reachToCsv(tiny).trim().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(-2)).toEqual(['valid', 'note']);
    const rows = lines.filter((l) => /^\d/.test(l));
    expect(rows).toHaveLength(tiny.points.length);
    for (const row of rows) expect(row).toMatch(/,0,"ε90 ≥ 1[^",]*"$/);
    for (const row of rows) expect(row.split(',')).toHaveLength(header.length);
    const best = reachCsvMetadata(tiny).vanish.best;
    expect(best.valid).toBe(false);
    expect(best.note).toMatch(/ε90 ≥ 1/);
  });

  it('table: a mark after each such ε90 and a footnote with the reason', () => {
    const t = reachToTable(heavy);
    expect(t).toMatch(/†/);
    expect(t).toMatch(/\n† not a meaningful limit: /);
    expect(t).toMatch(/best: ε90 = .*[†‡]/);
    expect(reachToTable(computeReach(belle2, [0.07], { includeEdges: false }))).not.toMatch(/[†‡]/);
  });

  it('figure: a shaded band with a legend entry, and a hollow best point', () => {
    const svg = reachPlot(computeReach(withOverrides(belle2, { lumi: 1e-12 }), [0.001, 0.01, 0.07, 0.3, 1]));
    expect(svg).toMatch(/class="invalid-region"/);
    expect(svg).toMatch(/no meaningful limit \(valid: false\)/);
    const ok = reachPlot(computeReach(belle2, [0.01, 0.07], { includeEdges: false }));
    expect(ok).not.toMatch(/invalid-region/);
  });
});

describe('a scan of configurations', () => {
  it('marks a best ε90 that is no limit in its table, with the reason in a footnote', () => {
    const good = fixtureReach();
    const bad = { ...good, best: { ...good.best, epsilon90: 3, valid: false, note: 'ε90 ≥ 1: not a limit (the kinetic mixing is at most 1)' } };
    const scan: ScanResult = {
      spec: { experiment: 'belle2', base: good.config, vary: [{ field: 'lumi', spec: '1e-30,50', values: [1e-30, 50] }], masses: [0.01], includeEdges: false },
      total: 2,
      runs: [
        { index: 0, values: { lumi: 1e-30 }, reach: bad },
        { index: 1, values: { lumi: 50 }, reach: good },
      ],
    } as ScanResult;
    const lines = scanToTable(scan).split('\n');
    expect(lines[1]).toMatch(/3\.000e\+0 †$/);
    expect(lines[2]).not.toMatch(/†/);
    expect(lines).toContain('† not a meaningful limit: ε90 ≥ 1: not a limit (the kinetic mixing is at most 1)');
    expect(scanToTable({ ...scan, runs: [scan.runs[1]] }).includes('†')).toBe(false);
  });
});

describe('a channel whose ε90 alone is 1 or more (NA64 2019 near 1 GeV: annihilation, e⁺e⁻ → γA′)', () => {
  const r = computeReach(EXPERIMENTS['na64-2019'].config, [0.85, 0.93, 1]);
  const channels = (p: (typeof r.points)[number]) => [p.epsilon90Annihilation, p.epsilon90Bremsstrahlung, p.epsilon90Radiative];

  it('is shown as "≥ 1", never as a plain number, in the ε and y tables, with the reason once', () => {
    expect(r.points.some((p) => channels(p).some((e) => Number.isFinite(e) && e >= 1))).toBe(true);
    // the first channel column: m, N_ann, N_brem, N_γA′, ε90 | m_χ, m, y90
    for (const [text, first] of [
      [reachToTable(r), 5],
      [reachToYTable(r), 3],
    ] as const) {
      const rows = text.split('\n').slice(1, 1 + r.points.length);
      r.points.forEach((p, i) => {
        const shown = rows[i].trim().split(/\s{2,}/).slice(first, first + 3);
        channels(p).forEach((e, k) => {
          if (Number.isFinite(e) && e >= 1) expect(shown[k], `${p.massGeV} GeV, channel ${k}`).toBe('≥ 1');
          else expect(shown[k]).not.toBe('≥ 1');
        });
      });
      expect(text.match(/≥ 1 in a channel's column: .*sets no limit/g)).toHaveLength(1);
    }
  });

  it('is marked valid 0 with the note in that channel’s HEPData table', () => {
    const files = reachToHepDataSubmission(r);
    const ann = parse(files.find((f) => f.name.endsWith('epsilon90_annihilation.yaml'))!.text);
    const valid = ann.dependent_variables.find((v: { header: { name: string } }) => v.header.name === 'valid');
    const masses = ann.independent_variables[0].values.map((v: { value: number }) => v.value);
    masses.forEach((m: number, i: number) => {
      const p = r.points.find((q) => Math.abs(q.massGeV - m) < 1e-9 * m)!;
      expect(valid.values[i].value, `${m} GeV`).toBe(p.epsilon90Annihilation >= 1 ? 0 : 1);
    });
    // a channel that is a limit everywhere has no validity columns
    const brem = parse(files.find((f) => f.name.endsWith('epsilon90_bremsstrahlung.yaml'))!.text);
    expect(brem.dependent_variables.map((v: { header: { name: string } }) => v.header.name)).not.toContain('valid');
  });
});
