/**
 * Units and constants against literature values that are not the ones typed
 * into src/constants.ts: derived CODATA 2018 quantities (r_e, σ_T, a_0, ƛ_C,
 * Rydberg energy) tie α, m_e, ħc, cm and barn together; PDG Table 1.1 gives
 * (ħc)² in GeV² mb. Tolerances 1e−9: ħc is quoted to 10 digits.
 */
import { describe, expect, it } from 'vitest';
import {
  GeV,
  MeV,
  ab,
  alpha,
  avogadro,
  barn,
  cm,
  cm2,
  cm3,
  degree,
  e2,
  electronMass,
  fb,
  hbarc2GeV2mb,
  invAb,
  invFb,
  keV,
  m,
  mb,
  pb,
} from '../src/constants.js';

const rel = (x: number, y: number) => Math.abs(x / y - 1);

describe('units', () => {
  it('1 cm = 1/(ħc) GeV⁻¹ with ħc = 197.3269804 MeV fm (CODATA 2018): 5.0677307e13 GeV⁻¹', () => {
    // 1 cm = 1e13 fm; 1e13 fm / (0.1973269804 GeV fm) = 5.0677307177e13 GeV⁻¹ (bc)
    expect(rel(cm, 5.0677307177e13)).toBeLessThan(1e-9);
    expect(m / cm).toBeCloseTo(100, 12);
    expect(rel(cm3, cm ** 3)).toBeLessThan(1e-15);
  });

  it('(ħc)² = 0.3893793721 GeV² mb (PDG Table 1.1) is consistent with the barn and cm multipliers', () => {
    // 1 GeV⁻² = 0.3893793721 mb ⇔ mb · 0.3893793721 = 1
    expect(Math.abs(mb * hbarc2GeV2mb - 1)).toBeLessThan(1e-9);
    expect(rel(1 / GeV ** 2 / mb, 0.3893793721)).toBeLessThan(1e-9);
    expect(rel(barn / cm2, 1e-24)).toBeLessThan(1e-15);
    expect(rel(pb / fb, 1e3)).toBeLessThan(1e-15);
  });

  it('1 ab⁻¹ = 1e42 cm⁻², 1 fb⁻¹ = 1e39 cm⁻²', () => {
    expect(rel(invAb * cm2, 1e42)).toBeLessThan(1e-14);
    expect(rel(invFb * cm2, 1e39)).toBeLessThan(1e-14);
    expect(rel(invAb * ab, 1)).toBeLessThan(1e-15);
  });

  it('50 ab⁻¹ × 1 nb = 5e10 events (Belle II: ~5e10 of each 1-nb process)', () => {
    expect(rel(50 * invAb * 1e-9 * barn, 5e10)).toBeLessThan(1e-14);
  });

  it('MeV, keV and degrees', () => {
    expect(rel(GeV / MeV, 1e3)).toBeLessThan(1e-15);
    expect(rel(MeV / keV, 1e3)).toBeLessThan(1e-15);
    expect(rel(180 * degree, Math.PI)).toBeLessThan(1e-15);
  });
});

describe('particle constants', () => {
  it('α ≈ 1/137.036 and e² = 4πα', () => {
    expect(1 / alpha).toBeCloseTo(137.036, 3);
    expect(rel(e2 / (4 * Math.PI), alpha)).toBeLessThan(1e-15);
  });

  it('m_e ≈ 0.511 MeV', () => {
    expect(electronMass / MeV).toBeCloseTo(0.511, 3);
  });

  it('N_A = 6.02214076e23 mol⁻¹ (exact, SI 2019)', () => {
    expect(avogadro).toBe(6.02214076e23);
  });

  it('classical electron radius r_e = α ħc / m_e = 2.8179403262e−15 m (CODATA 2018)', () => {
    expect(rel(alpha / electronMass / m, 2.8179403262e-15)).toBeLessThan(1e-9);
  });

  it('Thomson cross-section 8π r_e²/3 = 0.66524587321 b (CODATA 2018)', () => {
    const re = alpha / electronMass;
    expect(rel(((8 * Math.PI) / 3) * re * re / barn, 0.66524587321)).toBeLessThan(2e-9);
  });

  it('Bohr radius ħc/(α m_e) = 0.529177210903e−10 m and reduced Compton wavelength 3.8615926796e−13 m (CODATA 2018)', () => {
    expect(rel(1 / (alpha * electronMass) / m, 0.529177210903e-10)).toBeLessThan(1e-9);
    expect(rel(1 / electronMass / m, 3.8615926796e-13)).toBeLessThan(1e-9);
  });

  it('Rydberg energy α² m_e / 2 = 13.605693122994 eV (CODATA 2018)', () => {
    expect(rel((alpha ** 2 * electronMass) / 2 / (1e-9 * GeV), 13.605693122994)).toBeLessThan(1e-9);
  });
});
