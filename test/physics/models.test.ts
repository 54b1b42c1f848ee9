/**
 * Dark photon model (Eqs. 9–10) and the WW bremsstrahlung cross-section
 * (Eqs. 13–14) against closed forms and direct quadrature.
 */
import { describe, expect, it } from 'vitest';
import { annihilationCrossSection, darkPhoton, invisibleWidth } from '../../src/models/darkPhoton.js';
import { bremsstrahlungShape, effectivePhotonFlux, momentumTransferRange } from '../../src/processes/bremsstrahlung.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { alpha, electronMass } from '../../src/constants.js';

describe('dark photon (Eqs. 9–10)', () => {
  it('width: Γ = m α_D/3 (1 + 2r)√(1 − 4r), r = (m_χ/m)², = 0.001·0.066/3·(11/9)·√(5/9) for m_χ = m/3', () => {
    expect(invisibleWidth(0.066, 0.022, 1e-3)).toBeCloseTo(((1e-3 * 0.066) / 3) * (11 / 9) * Math.sqrt(5 / 9), 18);
    expect(invisibleWidth(0.066, 0.033, 1e-3)).toBe(0); // at threshold
  });

  it('σ at the pole equals (e²α_D/3)(m² + 2m_χ²)β/(Γ m)²; the ∫ds σ = 4π²α, independent of α_D', () => {
    for (const alphaD of [1e-3, 1e-1]) {
      const model = darkPhoton(0.07, alphaD, 3);
      const m2 = 0.07 ** 2;
      const e2 = 4 * Math.PI * alpha;
      const peak = ((e2 * alphaD) / 3) * (m2 + 2 * model.chiMass ** 2) * Math.sqrt(1 - (4 * model.chiMass ** 2) / m2);
      expect(annihilationCrossSection(model, m2)).toBeCloseTo(peak / (model.width * 0.07) ** 2, -2);
      // narrow width: in θ = atan((s − m²)/Γm) the pole is flat
      const gm = model.width * 0.07;
      const I = integrate(
        (th) => annihilationCrossSection(model, m2 + gm * Math.tan(th)) * gm * (1 + Math.tan(th) ** 2),
        Math.atan(-m2 / 2 / gm),
        Math.atan(m2 / 2 / gm),
        { relTol: 1e-10 },
      ).value;
      const tolerance = alphaD === 1e-3 ? 1e-3 : 0.1; // finite-width corrections grow with Γ/m ∝ α_D
      expect(Math.abs(I / (4 * Math.PI * Math.PI * alpha) - 1)).toBeLessThan(tolerance);
    }
  });

  it('vanishes below the χχ̄ threshold', () => {
    const model = darkPhoton(0.3, 1e-3, 3);
    expect(annihilationCrossSection(model, 4 * model.chiMass ** 2 * 0.999)).toBe(0);
  });
});

describe('A′-strahlung (Eqs. 13–14)', () => {
  const iodine = { Z: 53, A: 127 };

  it('φ in closed form equals Eq. (14) integrated numerically', () => {
    for (const m of [0.001, 0.066, 1]) for (const E of [4.35, 100]) {
      const { tmin, tmax } = momentumTransferRange(m, E);
      const a = 111 / (Math.cbrt(53) * electronMass);
      const d = 0.164 * Math.pow(127, -2 / 3);
      const G = (t: number) => (53 * a * a * t) / ((1 + a * a * t) * (1 + t / d));
      const numeric = integrate((l) => {
        const t = Math.exp(l);
        return ((t - tmin) / (t * t)) * G(t) ** 2 * t;
      }, Math.log(tmin), Math.log(tmax), { relTol: 1e-12 }).value;
      expect(effectivePhotonFlux(iodine, tmin, tmax) / numeric).toBeCloseTo(1, 9);
    }
  });

  it('φ/Z² approaches the logarithm of the screened flux for light A′: ln(a²m²)… of order 10', () => {
    const { tmin, tmax } = momentumTransferRange(0.01, 5);
    const phi = effectivePhotonFlux(iodine, tmin, tmax) / 53 ** 2;
    expect(phi).toBeGreaterThan(5);
    expect(phi).toBeLessThan(15);
  });

  it('the y-form of the Eq. (13) shape equals x(1 − x + x²/3)/(m²(1 − x) + m_e²x²)', () => {
    for (const m of [0.001, 0.1]) for (const x of [0.5, 0.95, 0.99999]) {
      const printed = (x * (1 - x + (x * x) / 3)) / (m * m * (1 - x) + electronMass ** 2 * x * x);
      expect(bremsstrahlungShape(m, 1 - x) / printed).toBeCloseTo(1, 8);
    }
  });
});
