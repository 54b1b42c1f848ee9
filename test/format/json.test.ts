import { describe, expect, it } from 'vitest';
import { backgroundToJson, fluxToJson, reachToJson, yieldToJson } from '../../src/format/index.js';
import type { BackgroundSummary, FluxSummary } from '../../src/results.js';
import { fixtureReach } from '../fixtures/reach.js';

const flux: FluxSummary = { positrons: 6e11, particle: 'e+', energyMinGeV: 4.35, energyMaxGeV: 6.62, sqrtS: 10.58, beta: 3 / 11, crossSectionPb: 1.2e4 };
const background: BackgroundSummary = {
  photon: { escapeProbability: 4.7e-8, vetoInefficiency: 4.5e-4, events: 12.7 },
  neutron: { penetrationProbability: 0.0101, penetrationFromConfig: false, singleNeutronEvents: 78, multiNeutronEvents: 3, events: 81 },
  total: 93.7,
  warnings: ['cut flow reused'],
};

describe('JSON contract', () => {
  it('flux leads with positrons, energyMinGeV, energyMaxGeV', () => {
    const o = JSON.parse(fluxToJson(flux));
    expect(Object.keys(o).slice(0, 3)).toEqual(['positrons', 'energyMinGeV', 'energyMaxGeV']);
    expect(o).toMatchObject({ positrons: 6e11, energyMinGeV: 4.35, energyMaxGeV: 6.62, sqrtS: 10.58 });
  });

  it('background has photon, neutron, total with the contract keys first', () => {
    const o = JSON.parse(backgroundToJson(background));
    expect(Object.keys(o).slice(0, 3)).toEqual(['photon', 'neutron', 'total']);
    expect(Object.keys(o.photon).slice(0, 2)).toEqual(['escapeProbability', 'events']);
    expect(Object.keys(o.neutron).slice(0, 2)).toEqual(['penetrationProbability', 'events']);
    expect(o.total).toBe(93.7);
    expect(o.neutron.events).toBe(81);
    expect(o.warnings).toEqual(['cut flow reused']);
  });

  it('reach has config, positrons, background, points, best, edges; Infinity becomes null', () => {
    const r = fixtureReach();
    const o = JSON.parse(reachToJson(r));
    expect(Object.keys(o).slice(0, 6)).toEqual(['config', 'positrons', 'background', 'points', 'best', 'edges']);
    expect(o.config).toEqual(r.config);
    expect(o.points).toHaveLength(r.points.length);
    expect(Object.keys(o.points[0]).slice(0, 4)).toEqual(['massGeV', 'annihilation', 'bremsstrahlung', 'epsilon90']);
    expect(o.points[0].epsilon90Annihilation).toBeNull(); // no annihilation at 1 MeV
    const i = r.points.findIndex((p) => p.massGeV === 0.0666);
    expect(o.points[i].epsilon90).toBe(r.points[i].epsilon90);
    expect(o.best).toEqual({
      massGeV: r.best.massGeV,
      epsilon90: r.best.epsilon90,
      valid: true,
      // the y–m_χ plane: m_χ = m_A′/massRatio, y = ε² α_D (m_χ/m_A′)⁴
      massChiGeV: r.best.massGeV / r.config.massRatio,
      y90: (r.best.epsilon90 ** 2 * r.config.alphaD) / r.config.massRatio ** 4,
    });
    expect(o.edges.map((e: { massGeV: number }) => e.massGeV)).toEqual([0.0666, 0.0822]);
  });

  it('yield leads with massGeV, annihilation, bremsstrahlung; the third channel follows', () => {
    const p = fixtureReach().points[5];
    const o = JSON.parse(yieldToJson(p));
    expect(Object.keys(o)).toEqual(['massGeV', 'annihilation', 'bremsstrahlung', 'annihilationError', 'bremsstrahlungError', 'radiative', 'radiativeError']);
    expect(o.bremsstrahlung).toBe(p.bremsstrahlung);
  });
});
