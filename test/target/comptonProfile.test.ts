/**
 * Compton profiles (Biggs–Mendelsohn–Mann through xraylib, committed in
 * src/target/comptonProfileData.ts) against what the data file did not
 * produce: the electron count of each atom, hydrogen's exact 1s profile, and
 * the closed-form fold of the hydrogenic profile.
 */
import { describe, expect, it } from 'vitest';
import { MATERIAL_NAMES, material, makeMaterial, ELEMENTS } from '../../src/materials/materials.js';
import {
  ATOMIC_MOMENTUM,
  elementProfile,
  foldOverProfile,
  hydrogenicCdf,
  hydrogenicProfile,
  materialProfile,
  positronEnergyAt,
  resonanceS,
  electronMomentumAt,
} from '../../src/target/comptonProfile.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { adaptiveTable } from '../../src/numeric/adaptiveTable.js';
import { ConfigError } from '../../src/config/schema.js';
import { electronMass } from '../../src/constants.js';

const symbolsInMaterials = [...new Set(MATERIAL_NAMES.flatMap((n) => material(n).composition.map((c) => c.element.symbol)))];

describe('Compton profiles J(p_z)', () => {
  it('every element of every material has a profile', () => {
    for (const s of symbolsInMaterials) expect(elementProfile(s), s).toBeDefined();
  });

  it('∫ J dp_z = Z per atom (to the BMM tables’ own 0.2 %)', () => {
    for (const s of symbolsInMaterials) {
      const el = elementProfile(s)!;
      const inside = 2 * integrate((p) => el.J(p), 0, 100, { relTol: 1e-10, points: [0.5, 2, 5, 15, 40] }).value;
      // hydrogenic tail beyond the table, A/(p0² + p²)³ integrated in closed form
      const { tailA, tailP0 } = el.data;
      const tail = ((2 * tailA) / tailP0 ** 5) * ((3 * Math.PI) / 16 - (3 * Math.PI * hydrogenicCdf(100, tailP0)) / 8);
      expect(Math.abs((inside + tail) / el.Z - 1), s).toBeLessThan(2e-3);
    }
  });

  it('hydrogen’s tabulated profile is the exact 1s profile 8/(3π(1 + q²)³) (p₀ = 1 a.u.)', () => {
    const H = elementProfile('H')!;
    for (const q of [0, 0.1, 0.3, 0.7, 1, 1.5, 2.5, 4, 7, 12]) {
      const exact = 8 / (3 * Math.PI * (1 + q * q) ** 3);
      expect(Math.abs(H.J(q) / exact - 1), `q = ${q}`).toBeLessThan(2e-3);
    }
  });

  it('each material profile is normalised per electron (≤ 0.4 % beyond 100 a.u. or missing from the tables)', () => {
    for (const name of MATERIAL_NAMES) {
      const p = materialProfile(material(name));
      expect(p.norm, name).toBeLessThanOrEqual(1.0015);
      expect(p.norm, name).toBeGreaterThan(0.996); // Pb: the tables hold 81.75 of 82 electrons below 100 a.u.
    }
  });

  it('a material with an element without a profile is a ConfigError naming the field', () => {
    const fe = { symbol: 'Fe', Z: 26, A: 56, atomicWeight: 55.845 };
    const steel = makeMaterial({
      name: 'steel',
      composition: [{ element: fe, count: 1 }, { element: ELEMENTS.C, count: 0.01 }],
      density: 7.87,
      radiationLengthGcm2: 13.84,
      interactionLengthGcm2: 132.1,
      source: 'test',
    });
    expect(() => materialProfile(steel)).toThrowError(ConfigError);
    expect(() => materialProfile(steel)).toThrowError(/material.*no Compton profile for Fe/);
  });
});

describe('folding over p_z', () => {
  const p0 = 20 * ATOMIC_MOMENTUM; // a K shell of Z ≈ 20
  const hydro = hydrogenicProfile(p0);

  it('the hydrogenic profile integrates to one electron', () => {
    expect(Math.abs(foldOverProfile(hydro, () => 1, { relTol: 1e-12 }).value - 1)).toBeLessThan(1e-9);
  });

  it('a free-electron window folded over the hydrogenic profile equals the closed-form CDF', () => {
    // the electrons whose p_z brings a resonance at s into positron energies [E1, E2]
    const s = 0.07 ** 2;
    const [e1, e2] = [4.4, 4.9];
    const pA = electronMomentumAt(s, e1);
    const pB = electronMomentumAt(s, e2);
    const folded = foldOverProfile(hydro, (p) => {
      const e = positronEnergyAt(s, p);
      return e >= e1 && e <= e2 ? 1 : 0;
    }, { points: [pA, pB], relTol: 1e-12 }).value;
    const cdf = (q: number) => Math.sign(q) * hydrogenicCdf(Math.abs(q), p0);
    const exact = cdf(Math.max(pA, pB)) - cdf(Math.min(pA, pB));
    expect(exact).toBeGreaterThan(0.01);
    expect(Math.abs(folded / exact - 1)).toBeLessThan(1e-10);
  });

  it('the impulse-approximation kinematics reduce to Eq. 9’s s = 2m_e E_A′ at p_z = 0 and invert', () => {
    const e = 4.7;
    expect(resonanceS(e, 0)).toBeCloseTo(2 * electronMass * (e + electronMass), 15);
    expect(positronEnergyAt(resonanceS(e, 1e-4), 1e-4)).toBeCloseTo(e, 12);
    expect(electronMomentumAt(resonanceS(e, -3e-4), e)).toBeCloseTo(-3e-4, 15);
  });
});

describe('adaptive table', () => {
  it('meets its stated bound on a function with a narrow peak over a broad background', () => {
    const f = (x: number) => 1 / (1 + ((x - 0.3) / 1e-3) ** 2) + Math.exp(-x) + 0.1 / (1 + ((x - 0.7) / 0.05) ** 2);
    const t = adaptiveTable(f, 0, 1, { relTol: 1e-7 });
    let worst = 0;
    for (let i = 0; i <= 20000; i++) {
      const x = i / 20000 + 1.3e-6 * Math.sin(i);
      if (x < 0 || x > 1) continue;
      worst = Math.max(worst, Math.abs(t.at(x) - f(x)) / (t.relError * Math.abs(f(x)) + t.absError));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(t.panels).toBeLessThan(10000);
  });
});
