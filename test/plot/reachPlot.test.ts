import { describe, expect, it } from 'vitest';
import { reachPlot, reachPlotLayout, type ComparisonCurve } from '../../src/plot/reachPlot.js';
import { na64_2019 } from '../../src/config/presets.js';
import { fixtureReach } from '../fixtures/reach.js';
import { expectSnapshot } from './snapshot.js';

const comparisons: ComparisonCurve[] = [
  { label: 'Belle II mono-photon', points: [[0.001, 3e-5], [0.1, 3.2e-5], [1, 6e-5]] },
  { label: 'NA64', points: [[0.001, 1e-5], [0.05, 2e-5], [0.2, 1e-4], [1, 1e-3]], excluded: true },
];

const paths = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<path class="${cls}"[^>]* d="([^"]*)"`, 'g'))].map((m) => m[1]);
const vertices = (d: string) => d.match(/[ML][^ML]+/g) ?? [];

describe('reachPlot', () => {
  const r = fixtureReach();
  const svg = reachPlot(r);

  it('is one SVG document with the default size, DejaVu Sans, and no NaN', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('draws the total, annihilation-only and bremsstrahlung-only curves', () => {
    expect(svg.match(/<path class="curve /g)).toHaveLength(3);
    const [total] = paths(svg, 'curve total');
    const [ann] = paths(svg, 'curve annihilation');
    const [brem] = paths(svg, 'curve bremsstrahlung');
    expect(vertices(total)).toHaveLength(r.points.length);
    expect(vertices(brem)).toHaveLength(r.points.length);
    // Annihilation-only is finite at the three masses in the window; the rest are skipped.
    expect(vertices(ann)).toHaveLength(3);
  });

  it('draws a third component curve, e⁺e⁻ → γA′ only, when the channel is on', () => {
    const base = fixtureReach();
    const three = {
      ...base,
      config: { ...base.config, radiativeAnnihilation: true },
      points: base.points.map((p) => ({ ...p, radiative: 1e9, epsilon90Radiative: 2e-5 })),
    };
    const out = reachPlot(three);
    expect(out.match(/<path class="curve /g)).toHaveLength(4);
    expect(vertices(paths(out, 'curve radiative')[0])).toHaveLength(base.points.length);
    expect(out).toContain('e⁺e⁻ → γA′ only');
  });

  it('labels decades as 10ⁿ with a raised exponent, with minor ticks between', () => {
    for (const n of ['−3', '−2', '−1', '0']) expect(svg).toContain(`>10<tspan dy="-6" font-size="11">${n}</tspan></text>`);
    expect(svg).toContain('>10<tspan dy="-6" font-size="11">−5</tspan></text>');
    const minorX = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="\1" y2="([\d.]+)"\/>/g)].filter(
      (m) => Math.abs(Number(m[2]) - Number(m[3])) === 4,
    );
    expect(minorX.length).toBeGreaterThanOrEqual(2 * 8 * 3); // 2…9 in three decades, bottom and top
  });

  it('has axis labels, a legend and the best point', () => {
    expect(svg).toContain('[GeV]</tspan></text>');
    expect(svg).toContain('ε (90% CL)');
    expect(svg).toContain('<g class="legend"');
    expect(svg).toMatch(/<g class="best"><circle cx="[\d.]+" cy="[\d.]+" r="5"/);
    expect(svg).toContain('at 66.6 MeV');
  });

  it('writes text at 14 px or more', () => {
    const sizes = [...svg.matchAll(/<(?:text|g)[^>]* font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });

  it('draws comparison curves in grey and excluded regions shaded, with legend entries', () => {
    const withComparisons = reachPlot(r, { comparisons });
    expect(paths(withComparisons, 'curve comparison')).toHaveLength(1);
    expect(paths(withComparisons, 'curve comparison region-edge')).toHaveLength(1);
    expect(withComparisons).toContain('data-label="NA64"');
    expect(withComparisons).toContain('<path class="comparison-region" data-label="NA64"');
    expect(withComparisons).toContain('>Belle II mono-photon</text>');
    expect(withComparisons).toMatch(/<path class="curve comparison"[^>]* stroke="#555555"[^>]* stroke-dasharray="10 5"/);
  });

  it('names the total by the signature: a disappearing positron track, or missing energy for a fixed target', () => {
    expect(svg).toContain('>Belle II: disappearing positron track</text>');
    const fixed = reachPlot({ ...r, config: { ...na64_2019 } });
    expect(fixed).toContain('>NA64: missing energy (total)</text>');
    expect(fixed).not.toContain('positron');
    expect(fixed).toContain('2.84e11 e⁻ of 100 GeV on target');
  });

  it('draws the total curve through the best point when it lies between grid masses', () => {
    const between = fixtureReach();
    between.best = { massGeV: 0.067, epsilon90: 1.5e-5, valid: true };
    const L = reachPlotLayout(between);
    const [d] = paths(reachPlot(between), 'curve total');
    expect(vertices(d)).toHaveLength(r.points.length + 1);
    expect(d).toContain(`L${Math.round(L.x(0.067) * 100) / 100},${Math.round(L.y(1.5e-5) * 100) / 100}L`);
  });

  it('skips masses with ε = 0 or Infinity and breaks the line there', () => {
    const broken = fixtureReach();
    broken.points[4] = { ...broken.points[4], epsilon90: Infinity };
    broken.points[8] = { ...broken.points[8], epsilon90: 0 };
    const [d] = paths(reachPlot(broken), 'curve total');
    expect(vertices(d)).toHaveLength(r.points.length - 2);
    expect(d.match(/M/g)).toHaveLength(3);
  });

  it('is deterministic', () => {
    expect(reachPlot(fixtureReach(), { comparisons })).toBe(reachPlot(fixtureReach(), { comparisons }));
  });

  it('matches the golden file test/output/reachPlot.svg', () => {
    expectSnapshot('reachPlot.svg', reachPlot(r, { comparisons, title: 'Fixture reach (not physics)' }));
  });
});

describe('reachPlotLayout', () => {
  it('returns log scales over decades that map the plot area', () => {
    const L = reachPlotLayout(fixtureReach());
    expect(L.x.domain()).toEqual([0.001, 1]);
    expect(L.x(0.001)).toBe(L.plot.left);
    expect(L.x(1)).toBe(L.plot.right);
    expect(L.y.domain()[0]).toBeCloseTo(1e-6, 18);
    expect(L.y.domain()[1]).toBeCloseTo(1e-2, 16);
    expect(L.y(1e-6)).toBe(L.plot.bottom);
    expect(L.x.invert(L.x(0.0666))).toBeCloseTo(0.0666, 12);
    expect(L.plot.left).toBe(L.margin.left);
    expect(L.width - L.plot.right).toBe(L.margin.right);
  });
  it('shows exactly the masses computed, not widened to decades', () => {
    const r = fixtureReach();
    r.points = r.points.filter((p) => p.massGeV > 0.003 && p.massGeV < 0.3);
    const L = reachPlotLayout(r);
    expect(L.x.domain()).toEqual([r.points[0].massGeV, r.points[r.points.length - 1].massGeV]);
  });

  it('labels at most 6 ticks on an axis shorter than a decade', () => {
    const r = fixtureReach();
    r.points = r.points.filter((p) => p.massGeV >= 0.06 && p.massGeV <= 0.09);
    const svg = reachPlot(r, { xDomain: [0.06, 0.09] });
    const labels = [...svg.matchAll(/class="tick-label x"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels[0]).toBe('0.06');
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(6);
  });

  it('respects given domains and sizes', () => {
    const L = reachPlotLayout(fixtureReach(), { width: 400, height: 300, xDomain: [0.05, 0.1], yDomain: [1e-5, 1e-3] });
    expect(L.x.domain()).toEqual([0.05, 0.1]);
    expect(L.y.domain()).toEqual([1e-5, 1e-3]);
    expect(L.plot.bottom).toBe(300 - L.margin.bottom);
  });
});
