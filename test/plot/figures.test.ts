/**
 * Golden files of every kind of figure vanish draws (test/output/*.svg,
 * compared as text; VANISH_UPDATE_SNAPSHOTS=1 rewrites them), and the
 * geometry every figure must have: no legend over a drawn curve or region,
 * the best point's label off the curves, the best point only at an interior
 * minimum. Inputs are hand-made results (test/fixtures/reach.ts), not physics.
 */
import { describe, expect, it } from 'vitest';
import { belle2, na64_2019 } from '../../src/config/presets.js';
import { labelWidth } from '../../src/plot/axes.js';
import { miniPlot } from '../../src/plot/miniPlot.js';
import { COMPARISON_STYLES, OWN_STYLES, bestIsInteriorMinimum, reachPlot, type ComparisonCurve, type ReachPlotOptions } from '../../src/plot/reachPlot.js';
import type { ReachResult } from '../../src/results.js';
import { scanCurvesPlot, scanHeatmapPlot } from '../../src/scan/plot.js';
import type { ScanResult } from '../../src/scan/result.js';
import { fixtureReach } from '../fixtures/reach.js';
import {
  bestLabelRect,
  dataLines,
  dataRegions,
  expectSnapshot,
  frameRect,
  legendRect,
  polylineHitsRect,
  regionHitsRect,
  type Rect,
} from './snapshot.js';

const monoPhoton: ComparisonCurve = { label: 'mono-photon (made up)', points: [[0.001, 3e-5], [0.1, 3.2e-5], [1, 6e-5]] };
const region: ComparisonCurve = { label: 'excluded (made up)', points: [[0.001, 1e-5], [0.05, 2e-5], [0.2, 1e-4], [1, 1e-3]], excluded: true };

/** The fixture with the third channel and the spectral analysis on: five curves of vanish's own. */
function components(): ReachResult {
  const r = fixtureReach();
  return {
    ...r,
    config: { ...r.config, radiativeAnnihilation: true, analysis: 'spectral' },
    points: r.points.map((p) => ({ ...p, epsilon90Radiative: 4e-5 * (p.massGeV / 0.01) ** 0.5, epsilon90Counting: p.epsilon90 * 1.3 })),
    spectral: { bins: [] } as unknown as ReachResult['spectral'],
  };
}

/** A curve falling all the way across the range: its "best" is the range's end. */
function monotonic(): ReachResult {
  const r = fixtureReach();
  const points = r.points.map((p) => ({ ...p, epsilon90: 1e-4 * (p.massGeV / 0.001) ** -0.3, epsilon90Annihilation: Infinity }));
  const last = points[points.length - 1];
  return { ...r, points, best: { massGeV: last.massGeV, epsilon90: last.epsilon90, valid: true } };
}

function scan(): ScanResult {
  const base = fixtureReach();
  const lumis = [1, 10, 50];
  const depths = [14, 16];
  const runs = lumis.flatMap((lumi, i) =>
    depths.map((d, j) => {
      const k = (50 / lumi) ** 0.25 * (16 / d);
      const reach: ReachResult = {
        ...base,
        config: { ...(base.config as typeof belle2), lumi, calorimeterDepth: d },
        points: base.points.map((p) => ({ ...p, epsilon90: p.epsilon90 * k })),
        best: { ...base.best, epsilon90: base.best.epsilon90 * k },
      };
      return { index: i * depths.length + j, values: { lumi, calorimeterDepth: d }, reach };
    }),
  );
  return {
    spec: {
      experiment: 'belle2-paper',
      base: base.config,
      vary: [
        { field: 'lumi', spec: '1,10,50', values: lumis },
        { field: 'calorimeterDepth', spec: '14,16', values: depths },
      ],
      masses: base.points.map((p) => p.massGeV),
      includeEdges: true,
    },
    total: runs.length,
    runs,
  };
}

function band(r: ReachResult): NonNullable<ReachPlotOptions['band']> {
  const f = [0.55, 0.75, 1, 1.4, 1.9];
  return { epsilon90: r.points.map((p) => f.map((k) => p.epsilon90 * k)), label: 'expected', best: f.map((k) => r.best.epsilon90 * k) };
}

/** The figures, by snapshot name. */
const FIGURES: Record<string, () => string> = {
  'reach.svg': () => reachPlot(fixtureReach()),
  'reach-components.svg': () => reachPlot(components(), { title: 'Components (fixture, not physics)' }),
  'reach-edge-zoom.svg': () => reachPlot(fixtureReach(), { xDomain: [0.058, 0.086], massUnit: 'MeV', title: 'The annihilation edge in MeV' }),
  'reach-comparison.svg': () => reachPlot(fixtureReach(), { comparisons: [monoPhoton, region], title: 'Comparison: a line and an excluded region' }),
  'reach-band.svg': () => {
    const r = fixtureReach();
    return reachPlot(r, { band: band(r), yDomain: [1e-6, 1e-2] });
  },
  'reach-fixed-target.svg': () => reachPlot({ ...fixtureReach(), config: { ...na64_2019 } }, { comparisons: [region] }),
  'reach-monotonic.svg': () => reachPlot(monotonic()),
  'reach-invalid.svg': () => {
    // The last four masses flagged as no meaningful limit (valid: false).
    const r = fixtureReach();
    r.points = r.points.map((p, i) => (i >= r.points.length - 4 ? { ...p, valid: false, note: 'ε90 ≥ 1: not a limit' } : p));
    return reachPlot(r);
  },
  'scan-family.svg': () => scanCurvesPlot(scan()),
  'scan-heatmap.svg': () => scanHeatmapPlot(scan()),
  'mini-track.svg': () =>
    miniPlot({
      title: 'Positron track length (fixture)',
      x: { label: 'v = E′/E', kind: 'logit' },
      y: { label: 'τ(v)', kind: 'log' },
      series: [
        { label: 'L_T = 16 X0', color: '#D55E00', points: [0.01, 0.1, 0.5, 0.9, 0.99, 0.999].map((v) => [v, 2 / (1 - v) ** 0.3]) },
        { label: '1 X0', color: '#009E73', dash: '6 4', points: [0.01, 0.1, 0.5, 0.9, 0.99, 0.999].map((v) => [v, 0.5 / (1 - v) ** 0.2]) },
      ],
      marks: [{ x: 0.95, label: 'energy cut' }],
    }),
  'mini-spectrum.svg': () =>
    miniPlot({
      title: 'Positrons entering the barrel (fixture)',
      x: { label: 'E [GeV]', kind: 'linear' },
      y: { label: 'dN/dE', kind: 'log' },
      series: [{ label: '50 ab⁻¹', color: '#0072B2', points: [1, 2, 3, 4, 5, 6].map((e) => [e, 1e11 * e ** -2]) }],
    }),
};

describe('figure snapshots (test/output)', () => {
  for (const [name, draw] of Object.entries(FIGURES)) {
    it(`${name} matches its snapshot`, () => {
      const svg = draw();
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expectSnapshot(name, svg);
    });
  }
});

function legendCoversNothing(svg: string): void {
  const box = legendRect(svg);
  expect(box, 'a legend').toBeDefined();
  const frame = frameRect(svg);
  for (const line of dataLines(svg)) expect(polylineHitsRect(line, box as Rect), `legend over a curve at ${JSON.stringify(line[0])}`).toBe(false);
  for (const poly of dataRegions(svg)) expect(regionHitsRect(poly, box as Rect, frame), 'legend over a shaded region').toBe(false);
}

describe('the legend never covers data', () => {
  for (const name of Object.keys(FIGURES).filter((n) => n !== 'scan-heatmap.svg')) {
    it(`in ${name}`, () => legendCoversNothing(FIGURES[name]()));
  }

  it('on random curves and comparisons, in any figure size', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 40; t++) {
      const r = fixtureReach();
      const tilt = (rand() - 0.5) * 2;
      r.points = r.points.map((p) => {
        const e = p.epsilon90 * (p.massGeV / 0.03) ** tilt * 10 ** (rand() * 0.3);
        return { ...p, epsilon90: e, epsilon90Bremsstrahlung: e * 1.5 };
      });
      r.best = { massGeV: r.points[9].massGeV, epsilon90: Math.min(...r.points.map((p) => p.epsilon90)) / 2, valid: true };
      const comparisons: ComparisonCurve[] = Array.from({ length: Math.floor(rand() * 4) }, (_, i) => ({
        label: `curve ${i} ${'x'.repeat(Math.floor(rand() * 30))}`,
        points: Array.from({ length: 12 }, (_, k) => [0.001 * 1000 ** (k / 11), 10 ** (-6 + rand() * 4)] as [number, number]),
        excluded: rand() < 0.4,
      }));
      const size = [
        [800, 600],
        [520, 400],
        [1000, 500],
      ][t % 3];
      legendCoversNothing(reachPlot(r, { comparisons, width: size[0], height: size[1] }));
    }
  });
});

describe('the best point', () => {
  it('is marked at an interior minimum, its label clear of every curve', () => {
    for (const name of ['reach.svg', 'reach-components.svg', 'reach-edge-zoom.svg', 'reach-comparison.svg', 'reach-band.svg']) {
      const svg = FIGURES[name]();
      const label = bestLabelRect(svg);
      expect(label, `${name}: best label`).toBeDefined();
      for (const line of dataLines(svg)) expect(polylineHitsRect(line, label as Rect), `${name}: label on a curve`).toBe(false);
    }
  });

  it('is not marked where the curve is monotonic (the best is the range end)', () => {
    expect(bestIsInteriorMinimum(monotonic())).toBe(false);
    expect(FIGURES['reach-monotonic.svg']()).not.toContain('class="best"');
    expect(bestIsInteriorMinimum(fixtureReach())).toBe(true);
  });

  it('is labelled off the dip even when the curves crowd below it', () => {
    const r = fixtureReach();
    // A comparison passing just under the dip: the label must find another side.
    const under: ComparisonCurve = { label: 'under the dip', points: [[0.04, 1.2e-5], [0.1, 1.2e-5]] };
    const svg = reachPlot(r, { comparisons: [under] });
    const label = bestLabelRect(svg) as Rect;
    for (const line of dataLines(svg)) expect(polylineHitsRect(line, label)).toBe(false);
  });
});

describe('styles and names', () => {
  it('never draws a comparison like one of vanish’s own curves: greys against colours, dash patterns of their own', () => {
    const grey = (c: string) => c.slice(1, 3) === c.slice(3, 5) && c.slice(3, 5) === c.slice(5, 7);
    const ownDashes = new Set<string>(Object.values(OWN_STYLES).map((s) => s.dash ?? 'solid'));
    for (const s of Object.values(OWN_STYLES)) expect(grey(s.stroke)).toBe(false);
    for (const s of COMPARISON_STYLES) {
      expect(grey(s.stroke)).toBe(true);
      if (s.dash) expect(ownDashes.has(s.dash)).toBe(false);
      else expect(s.width).toBeLessThan(OWN_STYLES.total.width); // the solid comparison is thinner than the total
    }
  });

  it('names the experiment in the legend', () => {
    expect(reachPlot(fixtureReach())).toContain('>Belle II: disappearing positron track</text>');
    expect(reachPlot({ ...fixtureReach(), config: { ...belle2, lumi: 1 } })).toContain('>Belle II: disappearing positron track</text>');
    expect(FIGURES['reach-fixed-target.svg']()).toContain('>NA64: missing energy (total)</text>');
    expect(reachPlot({ ...fixtureReach(), config: { ...belle2, electronBeamEnergy: 8 } })).toContain('8 GeV e⁻ × 4 GeV e⁺ on CsI: disappearing positron track');
    expect(reachPlot(fixtureReach(), { experiment: 'My collider' })).toContain('>My collider: disappearing positron track</text>');
  });

  it('labels the mass axis in MeV with plain numbers on a zoom', () => {
    const svg = FIGURES['reach-edge-zoom.svg']();
    expect(svg).toContain('[MeV]</tspan></text>');
    const labels = [...svg.matchAll(/class="tick-label x"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels).toContain('70');
    expect(labels.every((l) => /^\d+$/.test(l))).toBe(true);
  });

  it('puts the legend below the axes when no corner is free, the figure growing by its height', () => {
    const svg = FIGURES['reach-comparison.svg']();
    const box = legendRect(svg) as Rect;
    const frame = frameRect(svg);
    expect(box.y).toBeGreaterThan(frame.y + frame.h);
    const height = Number(/<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    expect(height).toBeGreaterThanOrEqual(box.y + box.h);
    expect(reachPlot(fixtureReach(), { legend: 'inside' })).toMatch(/<svg[^>]* height="600"/);
  });
});

describe('tick labels of a small figure', () => {
  it('stay inside it: a logit axis ending at 1 − 10⁻⁶ ends its last label at the edge', () => {
    const width = 440;
    const vs = [1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999];
    const svg = miniPlot({
      title: 'Track length out to 1 − 10⁻⁶',
      x: { label: 'v', kind: 'logit' },
      y: { label: 'τ', kind: 'log' },
      series: [{ label: 'τ', color: '#D55E00', points: vs.map((v) => [v, 1 / (1 - v) ** 0.3]) }],
      width,
    });
    const labels = [...svg.matchAll(/<text class="tick-label x" x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      anchor: m[2],
      markup: m[3],
    }));
    expect(labels.map((l) => l.markup).pop()).toMatch(/^1−10<tspan[^>]*>−6<\/tspan>$/);
    expect(labels.at(-1)?.anchor).toBe('end');
    for (const l of labels) {
      const w = labelWidth(l.markup, 12);
      const [from, to] = l.anchor === 'end' ? [l.x - w, l.x] : [l.x - w / 2, l.x + w / 2];
      expect(from, l.markup).toBeGreaterThanOrEqual(0);
      expect(to, l.markup).toBeLessThanOrEqual(width);
    }
  });
});
