/**
 * Dark-matter models (models/darkMatter.ts), the off-shell lineshape of each
 * (models/darkPhoton.ts) and visible decays (models/visibleDecays.ts), against
 * closed forms written out here independently, threshold powers, the narrow-
 * width integral and the exact y ↔ ε conversion.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alpha, electronMass, muonMass } from '../../src/constants.js';
import {
  DARK_MATTER_MODELS,
  darkPairWidth,
  darkWidth,
  epsilonForY,
  yPlanePoint,
  yVariable,
  type DarkMatterModel,
} from '../../src/models/darkMatter.js';
import { annihilationCrossSection, darkPhoton, invisibleWidth, pairThreshold } from '../../src/models/darkPhoton.js';
import {
  epsilonInvisibleOnly,
  epsilonWithVisibleDecays,
  invisibleBranchingRatio,
  leptonPairWidth,
  hadronicWidth,
  visibleWidthAtUnitMixing,
} from '../../src/models/visibleDecays.js';
import { integrate } from '../../src/numeric/gaussKronrod.js';
import { belle2_paper, withOverrides, yieldContext } from '../../src/index.js';
import { annihilationYield, annihilationYieldNarrowWidth } from '../../src/yields/annihilation.js';

const e2 = 4 * Math.PI * alpha;
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('Γ(A′ → dark pair) of each model', () => {
  const Q = 0.09;
  const alphaD = 0.3;

  it('Dirac is Eq. (10), (α_D m/3)(1 + 2r)√(1 − 4r), and darkPhoton keeps the seed\'s width', () => {
    for (const m of [0.001, 0.02, 0.03, 0.0449]) {
      const r = (m / Q) ** 2;
      expect(rel(darkPairWidth('dirac', Q, m, m, alphaD), ((alphaD * Q) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r))).toBeLessThan(1e-14);
      expect(darkPhoton(Q, alphaD, Q / m).width).toBe(invisibleWidth(Q, Q / (Q / m), alphaD));
      expect(darkPhoton(Q, alphaD, Q / m, { darkMatter: 'dirac', massSplitting: 0.1 }).width).toBe(darkPhoton(Q, alphaD, Q / m).width);
    }
  });

  it('Majorana (axial coupling) is (α_D m/6) β³ and a complex scalar (α_D m/12) β³', () => {
    for (const m of [0.001, 0.02, 0.0449]) {
      const b = Math.sqrt(1 - (4 * m * m) / (Q * Q));
      expect(rel(darkPairWidth('majorana', Q, m, m, alphaD), ((alphaD * Q) / 6) * b ** 3)).toBeLessThan(1e-14);
      expect(rel(darkPairWidth('scalar', Q, m, m, alphaD), ((alphaD * Q) / 12) * b ** 3)).toBeLessThan(1e-14);
    }
  });

  it('Majorana normalisation against the LHC DM Working Group widths (Albert et al., arXiv:1703.05703, Sec. 2)', () => {
    // Published: a Dirac χ coupled axially, g_χ Z′_μ χ̄γ^μγ⁵χ, has Γ = g_χ² M β³/(12π); a massless neutrino coupled as
    // g_ν Z′_μ ν̄_Lγ^μν_L has Γ = g_ν² M/(24π). vanish's Majorana term (g_D/2) A′_μ χ̄γ^μγ⁵χ has the vertex g_D γ^μγ⁵ (a
    // Majorana bilinear's two contractions: Denner, Eck, Hahn & Küblbeck, Nucl. Phys. B 387 (1992) 467) and two
    // identical particles in the final state (½), so Γ = ½ · g_D² M β³/(12π). And ν̄_Lγ^μν_L = −½ ν̄_Mγ^μγ⁵ν_M for the
    // Majorana field ν_M = ν_L + ν_L^c: a massless Weyl neutrino is the m → 0 limit of this model with g_ν = g_D.
    const gD2 = 4 * Math.PI * alphaD;
    for (const m of [1e-9, 0.001, 0.02, 0.0449]) {
      const b = Math.sqrt(1 - (4 * m * m) / (Q * Q));
      expect(rel(darkPairWidth('majorana', Q, m, m, alphaD), 0.5 * ((gD2 * Q) / (12 * Math.PI)) * b ** 3)).toBeLessThan(1e-14);
      // and the Dirac vector width of the same report, g_χ² M (1 + 2m²/M²) β/(12π), is vanish's Eq. (10)
      expect(rel(darkPairWidth('dirac', Q, m, m, alphaD), ((gD2 * Q) / (12 * Math.PI)) * (1 + (2 * m * m) / (Q * Q)) * b)).toBeLessThan(1e-14);
    }
    expect(rel(darkPairWidth('majorana', Q, 1e-9, 1e-9, alphaD), (gD2 * Q) / (24 * Math.PI))).toBeLessThan(1e-12);
  });

  it('pseudo-Dirac equals the two-mass trace α_D T √λ /(12 Q³) and tends to Dirac as δ → 0', () => {
    // T = Σ|M|²/g² summed over spins, averaged ×3 over polarisations: 4Q² − 2(m₁² + m₂²) + 12 m₁m₂ − 2(m₁² − m₂²)²/Q²
    const trace = (m1: number, m2: number) => {
      const T = 4 * Q * Q - 2 * (m1 * m1 + m2 * m2) + 12 * m1 * m2 - (2 * (m1 * m1 - m2 * m2) ** 2) / (Q * Q);
      const lam = (Q * Q - (m1 + m2) ** 2) * (Q * Q - (m1 - m2) ** 2);
      return (alphaD * T * Math.sqrt(lam)) / (12 * Q ** 3);
    };
    for (const [m1, d] of [[0.01, 0.1], [0.03, 0.4], [0.02, 0.9]]) {
      expect(rel(darkPairWidth('pseudoDirac', Q, m1, m1 * (1 + d), alphaD), trace(m1, m1 * (1 + d)))).toBeLessThan(1e-12);
    }
    expect(rel(darkPairWidth('pseudoDirac', Q, 0.02, 0.02 * (1 + 1e-9), alphaD), darkPairWidth('dirac', Q, 0.02, 0.02, alphaD))).toBeLessThan(1e-8);
    expect(darkWidth(Q, { darkMatter: 'pseudoDirac', alphaD, massRatio: 3, massSplitting: 0.1 })).toBe(
      darkPairWidth('pseudoDirac', Q, Q / 3, (Q / 3) * 1.1, alphaD),
    );
  });

  it('is exactly 0 at and below threshold (Q ≤ m₁ + m₂), for every model', () => {
    for (const model of DARK_MATTER_MODELS) {
      expect(darkPairWidth(model, Q, Q / 2, Q / 2, alphaD)).toBe(0);
      expect(darkPairWidth(model, Q, 0.04, 0.05, alphaD)).toBe(0);
      expect(darkPairWidth(model, Q, 0.05, 0.05, alphaD)).toBe(0);
    }
  });
});

describe('σ(e⁺e⁻ → A′* → dark pair) through the resonance', () => {
  const mass = 0.07;
  const alphaD = 1e-3;
  const dm = (darkMatter: DarkMatterModel, massSplitting = 0.1) => ({ darkMatter, massSplitting });

  it('off the pole: Dirac ∝ β(3 − β²)/2 (Eq. 9), Majorana and scalar ∝ β³, normalised to e²α_D s/(3D), e²α_D s/(6D), e²α_D s/(12D)', () => {
    for (const s of [0.0045, 0.005, 0.02]) {
      for (const [model, norm, shape] of [
        ['dirac', 3, (b: number) => (b * (3 - b * b)) / 2],
        ['majorana', 6, (b: number) => b ** 3],
        ['scalar', 12, (b: number) => b ** 3],
      ] as const) {
        const p = darkPhoton(mass, alphaD, 3, dm(model));
        const D = (s - mass * mass) ** 2 + (p.width * mass) ** 2;
        const beta = Math.sqrt(1 - (4 * p.chiMass ** 2) / s);
        expect(rel((annihilationCrossSection(p, s) * D * norm) / (e2 * alphaD * s), shape(beta))).toBeLessThan(1e-12);
      }
    }
  });

  it('threshold powers: d ln σ / d ln β → 1 (Dirac), 3 (Majorana, scalar), 1 in the pair momentum (pseudo-Dirac)', () => {
    const slope = (model: DarkMatterModel, t: number) => {
      const p = darkPhoton(mass, alphaD, 2.5, dm(model));
      const th = pairThreshold(p);
      // β-like variable: the pair momentum over its value far away, p* ∝ √λ(s, m₁², m₂²)/√s
      const mom = (s: number) => Math.sqrt((s - th) * (s - (p.chiMass2 - p.chiMass) ** 2)) / Math.sqrt(s);
      const s1 = th * (1 + t);
      const s2 = th * (1 + 1.01 * t);
      return Math.log(annihilationCrossSection(p, s2) / annihilationCrossSection(p, s1)) / Math.log(mom(s2) / mom(s1));
    };
    expect(Math.abs(slope('dirac', 1e-8) - 1)).toBeLessThan(1e-4);
    expect(Math.abs(slope('majorana', 1e-8) - 3)).toBeLessThan(1e-4);
    expect(Math.abs(slope('scalar', 1e-8) - 3)).toBeLessThan(1e-4);
    expect(Math.abs(slope('pseudoDirac', 1e-8) - 1)).toBeLessThan(1e-4);
  });

  it('is exactly 0 below the pair threshold, (2m_χ)² or (m_χ₁ + m_χ₂)²', () => {
    for (const model of DARK_MATTER_MODELS) {
      const p = darkPhoton(0.3, alphaD, 3, dm(model, 0.5));
      expect(annihilationCrossSection(p, pairThreshold(p) * (1 - 1e-12))).toBe(0);
      expect(annihilationCrossSection(p, pairThreshold(p))).toBe(0);
    }
  });

  it('narrow width: ∫ds σ = 12π² Γ_ee(m) B/m = 4π²α B for every model — the yield depends on the model only through B', () => {
    for (const model of DARK_MATTER_MODELS) {
      const p = darkPhoton(mass, alphaD, 2.7, dm(model, 0.2));
      // B = 1 (the width is the pair width) and B = 1/3 (a visible width twice the invisible one)
      for (const B of [1, 1 / 3]) {
        const q = { ...p, width: p.width / B };
        const gm = q.width * mass;
        const I = integrate(
          (th) => annihilationCrossSection(q, mass * mass + gm * Math.tan(th)) * gm * (1 + Math.tan(th) ** 2),
          Math.atan((pairThreshold(q) - mass * mass) / gm),
          Math.atan((mass * mass) / gm),
          { relTol: 1e-10, points: [0] },
        ).value;
        expect(rel(I, 4 * Math.PI * Math.PI * alpha * B)).toBeLessThan(2e-3);
      }
    }
  });

  it('the Eq. (11) yield of every model approaches the same narrow-width limit n_e (2π²α/m_e) F(m²/2m_e)', () => {
    const ctx = yieldContext(belle2_paper);
    const mass2 = 0.075;
    const limit = annihilationYieldNarrowWidth(ctx, mass2);
    for (const darkMatter of DARK_MATTER_MODELS) {
      const c = yieldContext(withOverrides(belle2_paper, { alphaD: 1e-7, darkMatter, massSplitting: 0.3 }));
      expect(rel(annihilationYield(c, mass2, { relTol: 1e-7 }).value, limit)).toBeLessThan(2e-4);
    }
  });
});

describe('visible decays and the invisible branching ratio', () => {
  it('Γ(A′ → ℓ⁺ℓ⁻) = (αm/3)(1 + 2r)√(1 − 4r) at ε = 1, exactly 0 below 2m_ℓ; e and μ add up', () => {
    const m = 0.5;
    for (const ml of [electronMass, muonMass]) {
      const r = (ml / m) ** 2;
      expect(rel(leptonPairWidth(m, ml), ((alpha * m) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r))).toBeLessThan(1e-14);
    }
    expect(leptonPairWidth(0.2, muonMass)).toBe(0);
    expect(leptonPairWidth(2 * electronMass, electronMass)).toBe(0);
    // hadrons (models/hadronicR.ts, test/physics/hadronicR.test.ts) add (αm/3)R above m_π⁰
    expect(visibleWidthAtUnitMixing(0.13)).toBe(leptonPairWidth(0.13, electronMass));
    expect(visibleWidthAtUnitMixing(0.2)).toBe(leptonPairWidth(0.2, electronMass) + hadronicWidth(0.2));
    expect(visibleWidthAtUnitMixing(m)).toBe(leptonPairWidth(m, electronMass) + leptonPairWidth(m, muonMass) + hadronicWidth(m));
    // far above threshold both leptons approach αm/3 and hadrons (αm/3)R, R → N_cΣQ_q² = 11/3 (u, d, s, c, b) up to α_s/π
    expect(rel(visibleWidthAtUnitMixing(100) - hadronicWidth(100), (2 * alpha * 100) / 3)).toBeLessThan(1e-5);
    expect(rel(hadronicWidth(100), ((alpha * 100) / 3) * (11 / 3))).toBeLessThan(0.05);
  });

  it('the corrected limit solves ε² B(ε) = ε₀² exactly, and there is no limit once kε₀² ≥ 1', () => {
    const mass = 0.3;
    const inv = darkWidth(mass, { darkMatter: 'scalar', alphaD: 1e-6, massRatio: 3, massSplitting: 0.1 });
    const k = visibleWidthAtUnitMixing(mass) / inv;
    for (const eps0 of [1e-6, 1e-4, 0.5 / Math.sqrt(k), 0.99 / Math.sqrt(k)]) {
      const eps = epsilonWithVisibleDecays(eps0, k);
      expect(rel(eps * eps * invisibleBranchingRatio(mass, eps, inv), eps0 * eps0)).toBeLessThan(1e-12);
      expect(rel(epsilonInvisibleOnly(eps, k), eps0)).toBeLessThan(1e-12);
      expect(eps).toBeGreaterThanOrEqual(eps0);
    }
    expect(epsilonWithVisibleDecays(1 / Math.sqrt(k), k)).toBe(Infinity);
    expect(epsilonWithVisibleDecays(2 / Math.sqrt(k), k)).toBe(Infinity);
    expect(epsilonWithVisibleDecays(Infinity, k)).toBe(Infinity);
    // B at the corrected limit reaches ½ exactly where kε₀² = ½
    const half = epsilonWithVisibleDecays(Math.sqrt(0.5 / k), k);
    expect(rel(invisibleBranchingRatio(mass, half, inv), 0.5)).toBeLessThan(1e-12);
  });
});

describe('the y–m_χ plane', () => {
  it('y = ε² α_D (m_χ/m_A′)⁴ and its exact inverse', () => {
    expect(yVariable(1e-4, 0.5, 3)).toBe((1e-8 * 0.5) / 81);
    expect(rel(epsilonForY(yVariable(3e-5, 0.1, 2.5), 0.1, 2.5), 3e-5)).toBeLessThan(1e-14);
    expect(yPlanePoint({ massGeV: 0.3, epsilon90: 1e-3 }, { alphaD: 0.1, massRatio: 3 })).toEqual({ massChiGeV: 0.3 / 3, y90: (1e-6 * 0.1) / 81 });
    expect(yPlanePoint({ massGeV: 0.3, epsilon90: Infinity }, { alphaD: 0.1, massRatio: 3 }).y90).toBe(Infinity);
  });

  it("NA64's published ε-curve (PRL 123 (2019) 121801) in the y plane for α_D = 0.1, m_A′ = 3m_χ: y = ε² × 0.1/81 at m_χ = m_A′/3", () => {
    const file = new URL('../../../shared/data/na64-2019-invisible-dark-photon.txt', import.meta.url);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // the shared data folder is not part of a fresh clone
    }
    const rows = text
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/).map(Number));
    expect(rows.length).toBeGreaterThan(10);
    for (const [m, eps] of rows) {
      const p = yPlanePoint({ massGeV: m, epsilon90: eps }, { alphaD: 0.1, massRatio: 3 });
      expect(p.massChiGeV).toBe(m / 3);
      expect(rel(p.y90, (eps * eps * 0.1) / 81)).toBeLessThan(1e-14);
      expect(rel(epsilonForY(p.y90, 0.1, 3), eps)).toBeLessThan(1e-14);
    }
  });
});

describe('the reach with each model and with visible decays', () => {
  const masses = [0.02, 0.07, 0.3];

  it('the limit is the same for every model where the A′ is (nearly) on shell: A′-strahlung exactly, the resonance in the narrow-width limit', async () => {
    const { computeReach } = await import('../../src/index.js');
    const base = withOverrides(belle2_paper, { alphaD: 1e-6 });
    const dirac = computeReach(base, masses, { includeEdges: false });
    for (const darkMatter of ['majorana', 'scalar', 'pseudoDirac'] as const) {
      const r = computeReach(withOverrides(base, { darkMatter }), masses, { includeEdges: false });
      r.points.forEach((p, i) => {
        expect(p.bremsstrahlung).toBe(dirac.points[i].bremsstrahlung);
        // inside the resonance window (66–82 MeV) the yield is the resonance's; off it, the tail, which does depend on the model
        if (p.massGeV === 0.07) expect(rel(p.annihilation, dirac.points[i].annihilation)).toBeLessThan(1e-3);
      });
    }
  });

  it('visibleDecays turns each limit ε₀ into ε₀/√(1 − kε₀²), k = Γ̂(A′ → e⁺e⁻, μ⁺μ⁻)/Γ(A′ → pair), and reports B(ε90)', async () => {
    const { computeReach } = await import('../../src/index.js');
    for (const darkMatter of DARK_MATTER_MODELS) {
      // α_D small enough that the visible width matters at the limit
      const base = withOverrides(belle2_paper, { alphaD: 1e-7, darkMatter, massRatio: 2.5 });
      const off = computeReach(base, masses, { includeEdges: false });
      const on = computeReach(withOverrides(base, { visibleDecays: true }), masses, { includeEdges: false });
      on.points.forEach((p, i) => {
        const inv = darkWidth(p.massGeV, { ...base });
        const k = visibleWidthAtUnitMixing(p.massGeV) / inv;
        const eps0 = off.points[i].epsilon90;
        const expected = k * eps0 * eps0 >= 1 ? Infinity : eps0 / Math.sqrt(1 - k * eps0 * eps0);
        if (expected === Infinity) expect(p.epsilon90).toBe(Infinity);
        else expect(rel(p.epsilon90, expected)).toBeLessThan(1e-12);
        if (Number.isFinite(p.epsilon90)) {
          expect(rel(p.invisibleBranchingRatio90!, inv / (inv + p.epsilon90 ** 2 * visibleWidthAtUnitMixing(p.massGeV)))).toBeLessThan(1e-12);
        } else expect(p.invisibleBranchingRatio90).toBeNaN(); // no limit, no branching ratio at it (null in JSON)
      });
      // the visible width matters somewhere in this set-up
      expect(on.points.some((p, i) => p.epsilon90 > 1.01 * off.points[i].epsilon90)).toBe(true);
      // the region where the A′ would mostly decay visibly is flagged (statistics/validity.ts), and so is no limit at all
      on.points.forEach((p, i) => {
        if (Number.isFinite(p.epsilon90) && p.epsilon90 < 1 && p.invisibleBranchingRatio90! <= 0.5) {
          expect(p.valid).toBe(false);
          expect(p.note).toMatch(/mostly decays visibly/);
        }
        if (!Number.isFinite(p.epsilon90) && off.points[i].epsilon90 < 1) expect(p.note).toMatch(/A′ → e⁺e⁻, μ⁺μ⁻, hadrons win: at no ε/);
      });
    }
  });
});

describe('bad dark-sector input: one-line errors naming the field', () => {
  const err = (o: object) => {
    try {
      withOverrides(belle2_paper, o as never);
    } catch (e) {
      return e as Error & { field?: string };
    }
    throw new Error('no error');
  };

  it('an unknown model names darkMatter and lists the models', () => {
    const e = err({ darkMatter: 'wimp' });
    expect(e.field).toBe('darkMatter');
    expect(e.message).toMatch(/darkMatter = "wimp".*dirac.*majorana.*scalar.*pseudoDirac/);
    expect(e.message).not.toMatch(/\n/);
  });

  it('a splitting outside (0, m_χ) names massSplitting', () => {
    for (const massSplitting of [0, -0.1, 1, 1.5, Number.NaN]) {
      const e = err({ darkMatter: 'pseudoDirac', massSplitting });
      expect(e.field).toBe('massSplitting');
      expect(e.message).toMatch(/0 < δ < 1/);
    }
  });

  it('a mass ratio that closes the channel for the model names massRatio', () => {
    const e = err({ darkMatter: 'pseudoDirac', massSplitting: 0.2, massRatio: 2.1 });
    expect(e.field).toBe('massRatio');
    expect(e.message).toMatch(/2\.2/);
    expect(err({ darkMatter: 'scalar', massRatio: 2 }).field).toBe('massRatio');
    expect(() => withOverrides(belle2_paper, { darkMatter: 'pseudoDirac', massSplitting: 0.2, massRatio: 2.21 })).not.toThrow();
  });
});

describe('the pseudo-Dirac excited state', () => {
  it('decays over γβ ħc/Γ with Γ = 4ε²αα_D Δ⁵/(15π m_A′⁴); never for the elastic models or below 2m_e', async () => {
    const { excitedStateDecayLength } = await import('../../src/models/darkMatter.js');
    const sector = { darkMatter: 'pseudoDirac' as const, alphaD: 0.1, massRatio: 3, massSplitting: 0.5 };
    const m = 0.9;
    const delta = 0.15;
    const width = (4 * 1e-6 * alpha * 0.1 * delta ** 5) / (15 * Math.PI * m ** 4);
    const m2 = 0.45;
    const L = excitedStateDecayLength(m, 1e-3, sector, 5);
    expect(rel(L, (Math.sqrt(25 - m2 * m2) / m2) * (1.973269804e-16 / width))).toBeLessThan(1e-9);
    // ∝ 1/ε²
    expect(rel(excitedStateDecayLength(m, 2e-3, sector, 5), L / 4)).toBeLessThan(1e-12);
    expect(excitedStateDecayLength(m, 1e-3, { ...sector, darkMatter: 'dirac' }, 5)).toBe(Infinity);
    expect(excitedStateDecayLength(0.003, 1e-3, { ...sector, massSplitting: 0.9 }, 5)).toBe(Infinity); // Δ = 0.9 MeV < 2m_e
  });

  it('the reach warns where, at the limit, χ₂ would decay inside the detector', async () => {
    const { computeReach } = await import('../../src/index.js');
    const r = computeReach(withOverrides(belle2_paper, { darkMatter: 'pseudoDirac', massSplitting: 0.9, massRatio: 3, alphaD: 0.5 }), [0.5, 0.9], { includeEdges: false });
    expect(r.warnings.join('\n')).toMatch(/pseudo-Dirac: at the limit χ₂ → χ₁e⁺e⁻ would decay within 3 m/);
    const small = computeReach(withOverrides(belle2_paper, { darkMatter: 'pseudoDirac', massSplitting: 0.01 }), [0.02], { includeEdges: false });
    expect(small.warnings.join('\n')).not.toMatch(/pseudo-Dirac/);
  });
});

describe('every preset takes every model', () => {
  it('validates each model on each preset, and a fixed target and a collider compute with pseudo-Dirac DM', async () => {
    const { EXPERIMENTS, computeReach } = await import('../../src/index.js');
    for (const p of Object.values(EXPERIMENTS)) {
      for (const darkMatter of DARK_MATTER_MODELS) {
        const c = withOverrides(p.config, { darkMatter, massSplitting: 0.2 } as never);
        expect(c.darkMatter).toBe(darkMatter);
      }
    }
    for (const name of ['belle2-paper', 'na64-2019']) {
      const r = computeReach(withOverrides(EXPERIMENTS[name].config, { darkMatter: 'pseudoDirac', massSplitting: 0.2 } as never), [0.05], {
        includeEdges: false,
      });
      expect(Number.isFinite(r.points[0].epsilon90) && r.points[0].epsilon90 > 0).toBe(true);
    }
  });
});

describe('validity with visible decays (statistics/validity.ts, reused)', () => {
  it('flags where Γ(A′ → e⁺e⁻, μ⁺μ⁻, hadrons) ≥ Γ(A′ → pair) at ε90 for the chosen model, with the branching ratio applied or not', async () => {
    const { limitValidity } = await import('../../src/statistics/validity.js');
    const m = 0.3; // above 2m_μ and 2m_π: both lepton channels and hadrons
    const sector = { darkMatter: 'majorana' as const, massSplitting: 0.1, alphaD: 1e-6, massRatio: 3 };
    const inv = darkWidth(m, sector);
    const edge = Math.sqrt(inv / visibleWidthAtUnitMixing(m)); // Γ_vis(ε) = Γ_inv
    for (const visibleDecays of [true, false]) {
      const model = { ...sector, visibleDecays };
      expect(limitValidity(m, edge * 0.99, 1e-6, 3, model).valid).toBe(true);
      const out = limitValidity(m, edge * 1.01, 1e-6, 3, model);
      expect(out.valid).toBe(false);
      expect(out.note).toMatch(visibleDecays ? /e⁺e⁻, μ⁺μ⁻, hadrons\) is 1 × Γ\(A′→χχ̄\).*mostly decays visibly/ : /invisible-decay model \(Eq. 10\) does not hold/);
    }
    expect(limitValidity(m, Infinity, 1e-6, 3, { ...sector, visibleDecays: true }, true).note).toMatch(/A′ → e⁺e⁻, μ⁺μ⁻, hadrons win: at no ε/);
  });
});
