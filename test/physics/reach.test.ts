/** (Oracle-level: against the seed paper's model, preset belle2-paper.)
 *
 * The reach (Sec. V, Fig. 2) against the paper's statements, the edge, and
 * the scaling laws of the expected limit.
 *
 * These check the seed paper's model (two channels): the preset belle2-paper.
 */
import { describe, expect, it } from 'vitest';
import { belle2_paper as belle2, computeFlux, computeReach, epsilonLimit, logGrid, withOverrides } from '../../src/index.js';
import { electronMass } from '../../src/constants.js';

const reach = computeReach(belle2, logGrid(1e-3, 1, 200));
const point = (m: number) => reach.points.reduce((a, b) => (Math.abs(b.massGeV - m) < Math.abs(a.massGeV - m) ? b : a));

describe('Belle II reach (Fig. 2)', () => {
  it('beats the paper’s ≈ 1.7e−5 near 66 MeV, at a mass just above the edge', () => {
    const mEdge = Math.sqrt(2 * electronMass * (computeFlux(belle2).energyMinGeV + electronMass));
    expect(reach.best.epsilon90).toBeLessThan(1.7e-5);
    expect(reach.best.epsilon90).toBeGreaterThan(1e-5);
    expect(reach.best.massGeV).toBeGreaterThan(mEdge);
    expect(reach.best.massGeV - mEdge).toBeLessThan(2e-4); // within 0.2 MeV
    // and better than every grid point
    expect(Math.min(...reach.points.map((p) => p.epsilon90))).toBeGreaterThanOrEqual(reach.best.epsilon90);
  });

  it('puts grid points on the four edges of the annihilation window', () => {
    expect(reach.points.length).toBe(204);
    for (const e of reach.edges) expect(reach.points.some((p) => p.massGeV === e.massGeV)).toBe(true);
    expect(reach.edges.map((e) => +(e.massGeV * 1e3).toFixed(2))).toEqual([64.98, 66.67, 80.16, 82.25]);
  });

  it('annihilation dominates only in a narrow window ≈ 63–82 MeV (paper: ≈ 66–82 MeV)', () => {
    const dominated = reach.points.filter((p) => p.annihilation > p.bremsstrahlung).map((p) => p.massGeV);
    expect(Math.min(...dominated)).toBeGreaterThan(0.06);
    expect(Math.min(...dominated)).toBeLessThan(0.066);
    expect(Math.max(...dominated)).toBeGreaterThan(0.082);
    expect(Math.max(...dominated)).toBeLessThan(0.0825);
    // contiguous: every grid mass between the extremes is annihilation-dominated
    const inside = reach.points.filter((p) => p.massGeV >= Math.min(...dominated) && p.massGeV <= Math.max(...dominated));
    expect(inside.every((p) => p.annihilation > p.bremsstrahlung)).toBe(true);
  });

  it('uses the paper’s criterion N_s/√N_b = √2.71 with N_s ∝ ε²', () => {
    for (const p of [point(0.001), point(0.07), point(0.5)]) {
      const ns = p.epsilon90 ** 2 * (p.annihilation + p.bremsstrahlung);
      expect(ns / Math.sqrt(reach.background)).toBeCloseTo(Math.sqrt(2.71), 10);
    }
    expect(epsilonLimit(0, 94, 2.71)).toBe(Infinity);
  });

  it('bremsstrahlung alone reaches ε ≈ 6e−5 at 1 MeV and weakens to ≈ 0.1 at 1 GeV (Fig. 2’s shape)', () => {
    expect(point(0.001).epsilon90).toBeGreaterThan(4e-5);
    expect(point(0.001).epsilon90).toBeLessThan(1e-4);
    expect(point(1).epsilon90).toBeGreaterThan(0.03);
    expect(point(1).epsilon90).toBeLessThan(0.3);
  });
});

describe('scaling laws', () => {
  const masses = [0.003, 0.0667, 0.075, 0.4];
  it('the limit scales as L^(−1/4) when the background grows with the luminosity', () => {
    const a = computeReach(belle2, masses, { includeEdges: false });
    const b = computeReach(withOverrides(belle2, { lumi: 5 }), masses, { includeEdges: false });
    expect(b.background / a.background).toBeCloseTo(0.1, 10);
    a.points.forEach((p, i) => expect(b.points[i].epsilon90 / p.epsilon90).toBeCloseTo(10 ** 0.25, 8));
  });

  it('the limit scales as N_b^(1/4) at fixed signal', () => {
    const a = computeReach(belle2, masses, { includeEdges: false });
    const b = computeReach(withOverrides(belle2, { neutronPenetration: 1e-6, photonVetoInefficiency: 4.5e-6 }), masses, {
      includeEdges: false,
    });
    a.points.forEach((p, i) => {
      expect(b.points[i].annihilation).toBe(p.annihilation);
      expect(b.points[i].epsilon90 / p.epsilon90).toBeCloseTo((b.background / a.background) ** 0.25, 10);
    });
  });

  it('off the resonance window the annihilation yield grows with α_D through the width; on it, it does not', () => {
    const lo = computeReach(withOverrides(belle2, { alphaD: 1e-4 }), [0.03, 0.075], { includeEdges: false });
    const hi = computeReach(belle2, [0.03, 0.075], { includeEdges: false });
    // tails ∝ α_D (σ ∝ α_D away from the pole); the narrow-width peak does not depend on α_D
    expect(hi.points[0].annihilation / lo.points[0].annihilation).toBeCloseTo(10, 0);
    expect(hi.points[1].annihilation / lo.points[1].annihilation).toBeCloseTo(1, 1);
  });
});
