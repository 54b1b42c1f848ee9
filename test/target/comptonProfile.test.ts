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
  relativisticProfile,
  positronEnergyAt,
  resonanceS,
  electronMomentumAt,
} from '../../src/target/comptonProfile.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { adaptiveTable, adaptiveTableFromData } from '../../src/numeric/adaptiveTable.js';
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

  it('each material profile: ∫ ρ (1 − π/m_e) dπ = 1 and ∫ ρ dπ = ⟨m_e/E⟩ = 2∫ J m_e³/E³ dp, from J alone (to the tables’ 0.3 %)', () => {
    for (const name of MATERIAL_NAMES) {
      const mat = material(name);
      const p = materialProfile(mat);
      // per-electron J from the elements' own profiles (tables and tails), not the material's ρ table
      const electrons = mat.composition.reduce((s, c) => s + c.count * c.element.Z, 0);
      const J = (q: number) => mat.composition.reduce((s, c) => s + c.count * elementProfile(c.element.symbol)!.J(q / ATOMIC_MOMENTUM), 0) / (electrons * ATOMIC_MOMENTUM);
      const E = (q: number) => Math.sqrt(electronMass ** 2 + q * q);
      const points = [0.5, 2, 5, 15, 40, 100, 300, 1000].map((x) => x * ATOMIC_MOMENTUM);
      const all = 2 * integrate(J, 0, 100 * electronMass, { relTol: 1e-10, points }).value;
      const meanMOverE = 2 * integrate((q) => (J(q) * electronMass ** 3) / E(q) ** 3, 0, 100 * electronMass, { relTol: 1e-10, points }).value;
      expect(Math.abs(p.fluxNorm / all - 1), name).toBeLessThan(1e-4);
      expect(Math.abs(p.norm / meanMOverE - 1), name).toBeLessThan(1e-4);
      expect(all, name).toBeGreaterThan(0.997); // Pb: the tables hold 81.75 of 82 electrons below 100 a.u.
      expect(p.norm, name).toBeLessThan(0.995); // fast inner electrons: ⟨m_e/E⟩ < 1
    }
  });

  it('the relativistic density of a hydrogenic 1s profile (p₀ = 0.3 m_e) has the moments of its 3-D momentum density', () => {
    const p0 = 0.3 * electronMass;
    const c = (8 * p0 ** 5) / (3 * Math.PI);
    const J = (q: number) => c / (p0 * p0 + q * q) ** 3;
    const rho = relativisticProfile('1s', J);
    const me = electronMass;
    const E = (q: number) => Math.sqrt(me * me + q * q);
    // ⟨f(p)⟩ over the electrons: 4πp² n(p) = −2p J′(p) = 12 c p² / (p0² + p²)⁴
    const mean = (f: (q: number) => number) => integrate((q) => ((12 * c * q * q) / (p0 * p0 + q * q) ** 4) * f(q), 0, 200 * p0, { relTol: 1e-11, points: [p0, 3 * p0, 10 * p0] }).value;
    const moment = (f: (pi: number) => number) => integrate((pi) => rho.density(pi) * f(pi), -rho.pFar, rho.pMax, { relTol: 1e-11, points: [0, ...[0.1, 0.3, 1, 3].flatMap((k) => [k * p0, -k * p0])] }).value;
    expect(mean(() => 1)).toBeCloseTo(1, 8);
    // w = m_e − π = E − p_z; weight m_e/E; ⟨p_z²⟩ = p²/3 over directions
    expect(moment((pi) => 1 - pi / me)).toBeCloseTo(1, 6);
    expect(moment(() => 1) / mean((q) => me / E(q))).toBeCloseTo(1, 6);
    expect(moment((pi) => ((me - pi) / me) ** 2) / mean((q) => (E(q) + (q * q) / (3 * E(q))) / me)).toBeCloseTo(1, 6);
    // and the first-order limit: a narrow profile (p₀ = 10⁻³ m_e) is J itself to O(p₀/m_e)
    const n0 = 1e-3 * me;
    const cn = (8 * n0 ** 5) / (3 * Math.PI);
    const Jn = (q: number) => cn / (n0 * n0 + q * q) ** 3;
    const narrow = relativisticProfile('narrow 1s', Jn);
    for (const k of [-2, -0.5, 0, 0.5, 2]) expect(Math.abs(narrow.density(k * n0) / Jn(k * n0) - 1), `π = ${k} p₀`).toBeLessThan(2e-2 * Math.max(Math.abs(k), 0.1));
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

  it('in ln f with stretched ends and off-node checks, meets its bound on a function falling over 12 decades that vanishes like powers at both ends, with fewer panels', () => {
    // x²(1 − x)^1.1 e^(−27.6x), a narrow bump and a knee 3·10⁻⁴ wide at a given point on it: the shape
    // of G(s) in ln(s − 2m_e²) (yields/movingElectrons.ts)
    const f = (x: number) =>
      x * x * (1 - x) ** 1.1 * Math.exp(-27.6 * x) * (1 + 0.5 / (1 + ((x - 0.4) / 0.01) ** 2)) * (1 + 0.05 / (1 + Math.exp(-(x - 0.6) / 3e-4)));
    const options = { relTol: 1e-4, absFloor: 1e-14, initialPanels: 48, points: [0.6] };
    const plain = adaptiveTable(f, 0, 1, options);
    const t = adaptiveTable(f, 0, 1, { ...options, logValues: true, stretchEnds: 1e-9, offNodeCheck: true });
    const xs: number[] = [];
    for (let i = 0; i <= 20000; i++) xs.push(i / 20000 + 1.3e-6 * Math.sin(i));
    for (let i = -1000; i <= 1000; i++) xs.push(0.6 + i * 3e-6);
    for (let k = 1; k <= 16; k++) xs.push(10 ** -k, 1 - 10 ** -k); // into the cut ends
    let worst = 0;
    for (const x of xs) {
      if (x < 0 || x > 1) continue;
      worst = Math.max(worst, Math.abs(t.at(x) - f(x)) / (t.relError * Math.abs(f(x)) + t.absError));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(t.absError).toBeLessThan(1e-14 * f(2 / 27.6)); // with the cut ends' f, still below 10⁻¹⁴ of the peak
    expect(t.panels).toBeLessThan(0.5 * plain.panels);
    expect(t.evaluations).toBeLessThan(0.5 * plain.evaluations);
    // its data gives back the same interpolant, bit for bit
    const again = adaptiveTableFromData(t.data);
    for (const x of [1e-12, 1e-9 + 1e-12, 0.01, 0.4, 0.400001, 0.9, 1 - 1e-8]) expect(again.at(x)).toBe(t.at(x));
  });
});
