/**
 * CsI against the PDG table "Atomic and Nuclear Properties of Materials",
 * entry Cesium iodide (CsI): ρ = 4.510 g/cm³, ⟨Z/A⟩ = 0.41569 mol/g,
 * X0 = 8.39 g/cm² = 1.860 cm, λ_I = 171.5 g/cm² = 38.04 cm, plasma energy
 * ħω_p = 28.816 √(ρ⟨Z/A⟩) eV = 39.455 eV; and the seed paper's X0 = 1.86 cm and
 * "the ECL is ~0.8 λ0 thick".
 */
import { describe, expect, it } from 'vitest';
import { alpha, avogadro, cm, cm3, electronMass, GeV } from '../../src/constants.js';
import { MATERIAL_NAMES, material } from '../../src/materials/materials.js';

const rel = (x: number, y: number) => Math.abs(x / y - 1);
const csi = material('CsI');

describe('CsI', () => {
  it('electron density n_e = ρ N_A ⟨Z/A⟩ = 4.510 × 6.02214076e23 × 0.41569 = 1.12901e24 cm⁻³', () => {
    const ne = 4.51 * 6.02214076e23 * 0.41569; // cm⁻³, from the PDG numbers (N_A typed here, not imported)
    expect(ne).toBeCloseTo(1.12901e24, -19);
    // PDG rounds ⟨Z/A⟩ to 5 digits: ±5e−6/0.41569 = 1.2e−5 relative
    expect(rel(csi.electronDensity * cm3, ne)).toBeLessThan(2e-5);
  });

  it('molecule density ρ N_A / M(CsI) ≈ 1.045e22 cm⁻³, and n_e = 108 n_CsI (Z = 55 + 53)', () => {
    // M = 132.905 + 126.904 = 259.810 g/mol; 4.51 × 6.022e23 / 259.81 = 1.0454e22 cm⁻³
    expect(rel(csi.unitDensity * cm3, 1.0454e22)).toBeLessThan(1e-4);
    expect(rel(csi.electronDensity / csi.unitDensity, 108)).toBeLessThan(1e-14);
    expect(rel(csi.unitDensity * cm3, (4.51 * avogadro) / 259.81)).toBeLessThan(1e-5);
  });

  it('plasma energy √(4πα n_e / m_e) = 39.455 eV (PDG), tying n_e to α, m_e and cm', () => {
    const wp = Math.sqrt((4 * Math.PI * alpha * csi.electronDensity) / electronMass);
    expect(rel(wp / (1e-9 * GeV), 39.455)).toBeLessThan(2e-5);
  });

  it('radiation length X0 = 1.86 cm (the paper; PDG 8.39 g/cm² / 4.51 g/cm³)', () => {
    expect(csi.X0 / cm).toBeCloseTo(1.86, 2);
  });

  it('nuclear interaction length λ_I ≈ 38.0 cm (PDG 38.04 cm)', () => {
    expect(Math.abs(csi.lambdaI / cm - 38.04)).toBeLessThan(0.05);
  });

  it("the ECL's 16 X0 is 16 × 1.860 / 38.04 = 0.782 λ_I (paper: ~0.8 λ0)", () => {
    const depth = (16 * csi.X0) / csi.lambdaI;
    expect(depth).toBeCloseTo(0.782, 2);
    expect(Math.abs(depth - 0.8)).toBeLessThan(0.05);
  });

  it('composition: Cs (Z = 55) and I (Z = 53), one each; A = 133 and 127 as in the paper', () => {
    const byZ = csi.composition.map((c) => [c.element.symbol, c.element.Z, c.element.A, c.count]);
    expect(byZ).toEqual([
      ['Cs', 55, 133, 1],
      ['I', 53, 127, 1],
    ]);
  });

  it('lists CsI and rejects an unknown material by name', () => {
    expect(MATERIAL_NAMES).toContain('CsI');
    expect(() => material('Unobtainium')).toThrow(/unknown material "Unobtainium"/);
    expect(material('CsI')).toBe(csi);
  });
});
