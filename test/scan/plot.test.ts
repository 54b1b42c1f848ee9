/**
 * Numbers on the scan figures are short and distinct: varied values in the
 * legend and on the heat map's axes as 1e10, 8.0e-5, 14 (never
 * 10000000000 or 0.000080022573), cell and colour-bar labels of ε with at
 * least 3 significant digits and as many as tell two different values apart.
 * Inputs are hand-made results (test/fixtures/reach.ts), not physics.
 */
import { describe, expect, it } from 'vitest';
import { compact, distinctDigits, distinctLabels, exactDigits, sci } from '../../src/format/number.js';
import type { ReachResult } from '../../src/results.js';
import { scanCurvesPlot, scanHeatmapPlot } from '../../src/scan/plot.js';
import type { ScanResult } from '../../src/scan/result.js';
import { rangeValues, type VaryValue } from '../../src/scan/vary.js';
import { fixtureReach } from '../fixtures/reach.js';

/** A scan over the grid of `vary` (first field slowest), each run's best ε from `best`. */
function scan(vary: { field: string; values: VaryValue[] }[], best: (i: number) => number): ScanResult {
  const base = fixtureReach();
  const grid = vary.reduce<Record<string, VaryValue>[]>((acc, v) => acc.flatMap((a) => v.values.map((x) => ({ ...a, [v.field]: x }))), [{}]);
  const runs = grid.map((values, index) => {
    const k = best(index) / base.best.epsilon90;
    const reach: ReachResult = { ...base, points: base.points.map((p) => ({ ...p, epsilon90: p.epsilon90 * k })), best: { ...base.best, epsilon90: best(index) } };
    return { index, values, reach };
  });
  return {
    spec: { experiment: 'belle2', base: base.config, vary: vary.map((v) => ({ ...v, spec: 'test' })), masses: base.points.map((p) => p.massGeV), includeEdges: false },
    total: runs.length,
    runs,
  };
}

/** The texts of an SVG's <text> elements with a class or attribute matching `where` (tags stripped). */
const texts = (svg: string, where: RegExp): string[] =>
  [...svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)].filter((m) => where.test(m[1])).map((m) => m[2].replace(/<[^>]+>/g, ''));

describe('compact figure numbers (format/number.ts)', () => {
  it('writes exponents without + and plain numbers in [1e-3, 1e5)', () => {
    expect(compact(1e10, 1)).toBe('1e10');
    expect(compact(8.0022573e-5, 2)).toBe('8.0e-5');
    expect(compact(0.0203, 3)).toBe('0.0203');
    expect(compact(50, 1)).toBe('50');
    expect(compact(1234.5, 2)).toBe('1200');
    expect(compact(Infinity, 3)).toBe('—');
  });

  it('counts the digits a value needs', () => {
    expect([1e10, 0.0203, 14, 2.84e11, 1 / 3].map(exactDigits)).toEqual([1, 3, 2, 3, 8]);
  });

  it('labels a log: range with the fewest digits that keep it apart, round values exactly', () => {
    expect(distinctLabels([1e10, 1e11, 1e12])).toEqual(['1e10', '1e11', '1e12']);
    expect(distinctLabels(rangeValues(4.5e-5, 4.5e-4, 5, true))).toEqual(['4.5e-5', '8.0e-5', '1.4e-4', '2.5e-4', '4.5e-4']);
    expect(distinctLabels([14, 16])).toEqual(['14', '16']);
    expect(distinctLabels([1, 10, 50])).toEqual(['1', '10', '50']);
    // Neighbours close together need more digits (log:1:1.001:3; "1" and "1.0" read alike).
    expect(distinctLabels(rangeValues(1, 1.001, 3, true))).toEqual(['1', '1.0005', '1.001']);
    expect(distinctLabels(rangeValues(1e-4, 1.0001e-4, 3, true))).toEqual(['1e-4', '1.00005e-4', '1.0001e-4']);
  });

  it('gives ε labels the digits that tell every two different values apart', () => {
    expect(distinctDigits([1.857e-5, 1.886e-5, 1.892e-5, 1.916e-5], sci, 3, 6)).toBe(4);
    expect(distinctDigits([5.12e-5, 2.88e-5], sci, 3, 6)).toBe(3);
    expect(distinctDigits([1.857e-5, 1.857e-5], sci, 3, 6)).toBe(3);
  });
});

describe('scan figures', () => {
  it('the family legend writes 1e10, not 10000000000', () => {
    const svg = scanCurvesPlot(scan([{ field: 'particlesOnTarget', values: [1e10, 1e11, 1e12] }], (i) => 2e-5 / (i + 1)));
    expect(texts(svg, /fill=/).filter((t) => t.startsWith('particlesOnTarget'))).toEqual([
      'particlesOnTarget = 1e10',
      'particlesOnTarget = 1e11',
      'particlesOnTarget = 1e12',
    ]);
  });

  it('the heat map: short, distinct ticks and cell labels (1.857e-5 … 1.916e-5 all differ)', () => {
    const veto = rangeValues(4.5e-5, 4.5e-4, 5, true);
    const eps = [1.857e-5, 1.886e-5, 1.892e-5, 1.916e-5, 2.1e-5, 2.2e-5, 2.3e-5, 2.4e-5, 2.5e-5, 2.6e-5];
    const s = scan(
      [
        { field: 'photonVetoInefficiency', values: veto },
        { field: 'neutronPenetration', values: [null, 0.01] },
      ],
      (i) => eps[i],
    );
    const svg = scanHeatmapPlot(s);
    const ticks = texts(svg, /font-size="13"/).filter((t) => t !== 'best ε90');
    expect(ticks.slice(0, 7)).toEqual(['4.5e-5', '8.0e-5', '1.4e-4', '2.5e-4', '4.5e-4', 'null', '0.01']);
    const cells = texts(svg, /font-size="11"/);
    expect(cells).toEqual(eps.map((e) => e.toExponential(3)));
    expect(new Set(cells).size).toBe(cells.length);
    // The colour bar (less than a decade): its ends with the cells' digits.
    expect(ticks.slice(7)).toEqual(['1.857e-5', '2.600e-5']);
  });

  it('leaves the cell labels out where they would not fit their cells', () => {
    const grid = (n: number) =>
      scan(
        [
          { field: 'lumi', values: Array.from({ length: n }, (_, i) => i + 1) },
          { field: 'alphaD', values: [0.1, 0.5] },
        ],
        (i) => 1e-5 * (1 + i * 1e-3),
      );
    // 9 columns of 57.8 px: "1.017e-5" (4 digits to tell 1.000e-5 … 1.017e-5 apart, ≈ 55 px at 11 px) does not fit with its margin.
    expect(texts(scanHeatmapPlot(grid(9)), /font-size="11"/)).toEqual([]);
    expect(texts(scanHeatmapPlot(grid(5)), /font-size="11"/)).toEqual(Array.from({ length: 10 }, (_, i) => (1e-5 * (1 + i * 1e-3)).toExponential(3)));
  });
});
