/**
 * The y–m_χ plane: the figure and table of `vanish reach --plane y` are the
 * reach moved by the exact conversion y = ε² α_D (m_χ/m_A′)⁴, m_χ = m_A′/massRatio,
 * with the model's computed thermal target.
 */
import { describe, expect, it } from 'vitest';
import { fixtureReach } from '../fixtures/reach.js';
import { curveToYPlane, reachToYPlane, thermalTargetLine, yPlanePlot } from '../../src/plot/yPlane.js';
import { reachToYTable } from '../../src/format/yPlane.js';
import { withOverrides } from '../../src/config/schema.js';
import { belle2_paper } from '../../src/config/presets.js';

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('the reach in the y–m_χ plane', () => {
  const r = fixtureReach();
  const { alphaD, massRatio } = r.config;

  it('moves every point and the best one by y = ε² α_D / R⁴, m_χ = m_A′/R', () => {
    const y = reachToYPlane(r);
    y.points.forEach((p, i) => {
      expect(p.massGeV).toBe(r.points[i].massGeV / massRatio);
      expect(rel(p.epsilon90, (r.points[i].epsilon90 ** 2 * alphaD) / massRatio ** 4)).toBeLessThan(1e-15);
      if (Number.isFinite(r.points[i].epsilon90Annihilation)) {
        expect(rel(p.epsilon90Annihilation, (r.points[i].epsilon90Annihilation ** 2 * alphaD) / massRatio ** 4)).toBeLessThan(1e-15);
      } else expect(p.epsilon90Annihilation).toBe(Infinity);
    });
    expect(y.best.massGeV).toBe(r.best.massGeV / massRatio);
  });

  it('draws y against m_χ with the model\'s thermal target and converted comparison curves', () => {
    const target = { label: 'thermal relic (test line)', points: [[0.001, 1e-14], [0.1, 1e-10]] as [number, number][] };
    const svg = yPlanePlot(r, { thermalTarget: target, comparisons: [{ label: 'NA64 2019', points: [[0.003, 1e-4], [0.3, 1e-3]] }] });
    expect(svg).toContain('m<tspan dy="5" font-size="13">χ</tspan>');
    expect(svg).toContain('(90% CL)');
    expect(svg).toContain('class="curve target" data-label="thermal relic (test line)"');
    expect(svg).toContain('data-label="NA64 2019"');
    expect(svg).toContain('best y = ');
    const c = curveToYPlane({ label: 'x', points: [[0.3, 1e-3]] }, r.config);
    expect(c.points[0][0]).toBe(0.3 / massRatio);
    expect(rel(c.points[0][1], (1e-6 * alphaD) / massRatio ** 4)).toBeLessThan(1e-15);
  });

  it('reads xDomain as the m_χ axis drawn (--x-range 1,100 --mass-unit MeV spans 1–100 MeV of m_χ)', () => {
    // The x tick labels at the plot area's ends (left 92 px, right 800 − 28 px): 10⁰ and 10² MeV.
    const svg = yPlanePlot(r, { thermalTarget: false, xDomain: [0.001, 0.1], massUnit: 'MeV' });
    const ticks = [...svg.matchAll(/<text class="tick-label x" x="([\d.]+)"[^>]*>10<tspan[^>]*>(-?\d+)<\/tspan>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ticks).toEqual([[92, 0], [432, 1], [772, 2]]);
  });

  it('tabulates m_χ, m_A′ and y90 per mass, and the best y', () => {
    const t = reachToYTable(r);
    const lines = t.split('\n');
    expect(lines[0]).toMatch(/m_χ \[MeV\]\s+m_A' \[MeV\]\s+y90/);
    const bestY = (r.best.epsilon90 ** 2 * alphaD) / massRatio ** 4;
    expect(t).toContain(`best: y90 = ${bestY.toExponential(3)} at m_χ = ${((r.best.massGeV / massRatio) * 1000).toPrecision(4)} MeV`);
    expect(t).toContain('Dirac fermion');
    expect(lines.indexOf('')).toBe(r.points.length + 1);
  });

  it('the computed thermal target is labelled with the model and its final states, and spans 1 MeV to 1 GeV (hadrons included)', () => {
    const c = withOverrides(belle2_paper, { darkMatter: 'scalar', alphaD: 0.5 });
    const line = thermalTargetLine(c, 4);
    expect(line.label).toMatch(/thermal relic, complex scalar .*e, μ, hadrons/);
    // 4 points evenly in ln m_χ and 6 through the ρ/ω dip and the φ (m_χ = 0.30–0.48 GeV)
    expect(line.points).toHaveLength(10);
    expect(line.points[0][0]).toBeCloseTo(0.001, 12);
    expect(line.points[9][0]).toBeCloseTo(1, 12);
    for (const [, y] of line.points) expect(y).toBeGreaterThan(0);
    for (let i = 1; i < 10; i++) expect(line.points[i][0]).toBeGreaterThan(line.points[i - 1][0]);
    // y rises with m_χ (σ ∝ y/m_χ², Ω ∝ 1/⟨σv⟩) except through the ρ/ω dip, where hadrons make it fall by ×2
    const y = (m: number) => line.points.find(([x]) => Math.abs(x - m) < 1e-9)![1];
    expect(y(0.001)).toBeLessThan(y(0.01));
    expect(y(0.01)).toBeLessThan(y(0.1));
    expect(y(0.375)).toBeLessThan(0.6 * y(0.3));
    expect(y(0.48)).toBeLessThan(y(1));
  });

  it('a thermal-target mass without a target (y NaN: no coupling with ε ≤ 1 reaches Ω h² = 0.120) breaks the line: a gap, not a straight segment across it', () => {
    const target = { label: 'thermal relic (test)', points: [[0.01, 1e-12], [0.02, 2e-12], [0.03, NaN], [0.04, 4e-12], [0.05, 5e-12]] as [number, number][] };
    const svg = yPlanePlot(r, { thermalTarget: target });
    const d = /<path class="curve target"[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(2);
  });
});
