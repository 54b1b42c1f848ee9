/**
 * `crossSection` (what `vanish cross-section` prints) against published numbers
 * and closed forms: DMG4's ETL reference on Pb (test/fixtures/dmg4-etl-pb.json,
 * Bondì et al., CPC 269 (2021) 108129), the Breit–Wigner peak of Eq. (9), and
 * the bad-input contract.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossSection } from '../../src/crossSection.js';
import { ConfigError } from '../../src/config/schema.js';
import { alpha, electronMass, pb } from '../../src/constants.js';

const dmg4 = JSON.parse(readFileSync(new URL('../fixtures/dmg4-etl-pb.json', import.meta.url), 'utf8')) as {
  epsilon: number;
  energiesGeV: number[];
  massesMeV: number[];
  crossSectionPb: number[][];
};

describe('crossSection', () => {
  it('ETL, e− on Pb, 100 GeV, m = 100 MeV, E_A′ ≥ 0.2 GeV: DMG4 within 5 % (at ε = 1)', () => {
    const r = crossSection({ model: 'etl', target: 'Pb', beamParticle: 'e-', beamEnergy: 100, mass: 0.1, minEnergy: 0.2, relTol: 1e-3 });
    const ref = dmg4.crossSectionPb[dmg4.energiesGeV.indexOf(100)][dmg4.massesMeV.indexOf(100)] / dmg4.epsilon ** 2;
    expect(Math.abs(r.crossSectionPb / ref - 1)).toBeLessThan(0.05);
    expect(r.crossSectionError).toBeGreaterThan(0);
    expect(r.crossSectionError / r.crossSectionPb).toBeLessThan(0.01);
    expect(r.channels.map((c) => c.channel)).toEqual(['bremsstrahlung']);
  }, 60_000);

  it('a material is the sum over its elements by count (WW: CsI = Cs + I)', () => {
    const one = (target: string) =>
      crossSection({ model: 'ww', target, beamParticle: 'e-', beamEnergy: 4, mass: 0.05 }).crossSectionPb;
    expect(one('CsI') / (one('Cs') + one('I'))).toBeCloseTo(1, 10);
  });

  it('a positron also has resonant annihilation on the Z electrons: at s = m², Z · 12πα/(α_D m²(1 + 2r)√(1 − 4r)), r = m_χ²/m²', () => {
    const E = 88;
    const m = Math.sqrt(2 * electronMass * (E + electronMass));
    const r = crossSection({ model: 'iww', target: 'W', beamParticle: 'e+', beamEnergy: E, mass: m, alphaD: 0.1, massRatio: 3 });
    const ann = r.channels.find((c) => c.channel === 'annihilation')!;
    // Γ = (m α_D/3)(1 + 2/9)√(1 − 4/9); σ_peak = (4πα α_D/3)(m² + 2m²/9)√(1 − 4/9)/(Γ² m²) = 12πα (1+2/9)^{-1}(1−4/9)^{-1/2}/(α_D m²)
    const peak = (12 * Math.PI * alpha) / (0.1 * m * m * (1 + 2 / 9) * Math.sqrt(1 - 4 / 9));
    expect((ann.crossSectionPb * pb) / (74 * peak)).toBeCloseTo(1, 6);
  });

  it('a positron also has e⁺e⁻ → γA′ on the Z electrons: over all photon energies, Z (4πα²/s)(ln(s/m_e²) − 1)(1 + M⁴/s²)/(1 − M²/s)', () => {
    const E = 100;
    const M = 0.1;
    const s = 2 * electronMass * (E + electronMass);
    const r = crossSection({ model: 'ww', target: 'W', beamParticle: 'e+', beamEnergy: E, mass: M });
    const rad = r.channels.find((c) => c.channel === 'radiative')!;
    const leadingLog = ((4 * Math.PI * alpha * alpha) / s) * (Math.log(s / (electronMass * electronMass)) - 1) * (1 + (M * M * M * M) / (s * s)) / (1 - (M * M) / s);
    expect((rad.crossSectionPb * pb) / (74 * leadingLog)).toBeCloseTo(1, 3);
    // the A′ takes E + m_e − ω: counting only A′ energies above E + 1 MeV leaves no photon energy: 0; below threshold (s < M²): 0
    const none = crossSection({ model: 'ww', target: 'W', beamParticle: 'e+', beamEnergy: E, mass: M, minEnergy: E + 0.001 });
    expect(none.channels.find((c) => c.channel === 'radiative')!.crossSectionPb).toBe(0);
    const closed = crossSection({ model: 'ww', target: 'W', beamParticle: 'e+', beamEnergy: 1, mass: 0.1 });
    expect(closed.channels.find((c) => c.channel === 'radiative')!.crossSectionPb).toBe(0);
  });

  it('is 0, not an error, where kinematics closes the channel', () => {
    const r = crossSection({ model: 'etl', target: 'Pb', beamParticle: 'e-', beamEnergy: 10, mass: 0.1, minEnergy: 20 });
    expect(r.crossSectionPb).toBe(0);
  });

  it('rejects unknown targets, energies below threshold and masses above the kinematic limit with a ConfigError', () => {
    const base = { model: 'ww' as const, target: 'Pb', beamParticle: 'e-' as const, beamEnergy: 10, mass: 0.1 };
    expect(() => crossSection({ ...base, target: 'Xx' })).toThrow(ConfigError);
    expect(() => crossSection({ ...base, target: 'Unobtainium' })).toThrow(/target "Unobtainium" is not allowed/);
    expect(() => crossSection({ ...base, beamEnergy: 1e-4 })).toThrow(ConfigError);
    expect(() => crossSection({ ...base, mass: 20 })).toThrow(/kinematic limit/);
    expect(() => crossSection({ ...base, mass: -1 })).toThrow(ConfigError);
  });
});
