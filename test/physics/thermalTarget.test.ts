/**
 * Freeze-out and thermal targets (src/cosmology/): the plasma's degrees of
 * freedom against their textbook values, the freeze-out solver against
 * Steigman, Dasgupta & Beacom (2012), the thermal averages against their
 * non-relativistic closed forms, relations between the models' targets, and the
 * targets against a public tabulation of the LDMX plots' relic lines.
 */
import { describe, expect, it } from 'vitest';
import { alpha } from '../../src/constants.js';
import { degreesOfFreedom, plasma } from '../../src/cosmology/degreesOfFreedom.js';
import { freezeOut } from '../../src/cosmology/freezeOut.js';
import { relicAbundance, thermalAverage, thermalTargetRange, thermalTargetY } from '../../src/cosmology/thermalTarget.js';
import { besselKScaled, besselKScaledFast } from '../../src/numeric/bessel.js';
import type { DarkMatterModel } from '../../src/models/darkMatter.js';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
/** 1 cm³/s in GeV⁻²: (ħc)² c = 0.3893794 mb × 2.99792458e10 cm/s. */
const CM3_PER_S = 1 / (0.3893793721e-27 * 2.99792458e10);

describe('modified Bessel K (scaled)', () => {
  it('matches tabulated values (A&S Table 9.8): K₁(1), K₂(1), K₁(10), K₂(50)', () => {
    expect(rel(besselKScaled(1, 1) * Math.exp(-1), 0.6019072302)).toBeLessThan(1e-9);
    expect(rel(besselKScaled(2, 1) * Math.exp(-1), 1.6248388986)).toBeLessThan(1e-9);
    expect(rel(besselKScaled(1, 10) * Math.exp(-10), 1.864877345e-5)).toBeLessThan(1e-9);
    // K₂(z) = K₀(z) + (2/z) K₁(z) (DLMF 10.29.1) across the switch to the asymptotic series
    for (const z of [29.9, 30, 50]) {
      expect(rel(besselKScaled(2, z), besselKScaled(0, z) + (2 / z) * besselKScaled(1, z))).toBeLessThan(1e-12);
    }
  });

  it('the table agrees with the integral to 1e−7', () => {
    for (const z of [0.5, 0.77, 3.3, 12.1, 29.99]) for (const nu of [1, 2] as const) expect(rel(besselKScaledFast(nu, z), besselKScaled(nu, z))).toBeLessThan(1e-7);
  });
});

describe('degrees of freedom of the plasma', () => {
  it('g_eff = 10.75 between the e± and μ thresholds; 3.36 and h_eff = 3.91 after e± annihilation (Kolb & Turner)', () => {
    const mid = degreesOfFreedom(0.01);
    expect(rel(mid.gEff, 10.75)).toBeLessThan(2e-3);
    expect(rel(mid.hEff, 10.75)).toBeLessThan(2e-3);
    const late = degreesOfFreedom(1e-6);
    expect(rel(late.gEff, 2 + 6 * (7 / 8) * (4 / 11) ** (4 / 3))).toBeLessThan(5e-3);
    expect(rel(late.hEff, 2 + 6 * (7 / 8) * (4 / 11))).toBeLessThan(5e-3);
    // the table reproduces the function between its nodes
    for (const T of [3.3e-5, 7e-3, 0.08]) expect(rel(plasma(T).gEff, degreesOfFreedom(T).gEff)).toBeLessThan(1e-3);
  });
});

describe('freeze-out', () => {
  it('s-wave ⟨σv⟩ = 5.2e−26 cm³/s gives Ω h² = 0.11 at 0.3 GeV (Steigman, Dasgupta & Beacom, PRD 86 (2012) 023506), to 5 %', () => {
    const m = 0.3;
    const r = freezeOut({
      mass: m,
      logEquilibriumDensity: (x) => Math.log((2 * x * x * besselKScaled(2, x)) / (2 * Math.PI * Math.PI)) - x,
      sigmaV: () => 5.2e-26 * CM3_PER_S,
    });
    expect(rel(r.omegaH2, 0.11)).toBeLessThan(0.05);
    expect(r.xFreezeOut).toBeGreaterThan(15);
    expect(r.xFreezeOut).toBeLessThan(25);
    expect(r.relError).toBeLessThan(1e-4);
  });

  it('Ω h² ∝ 1/⟨σv⟩ up to the logarithm of the freeze-out point', () => {
    const solve = (sv: number) =>
      freezeOut({ mass: 0.05, logEquilibriumDensity: (x) => Math.log((2 * x * x * besselKScaled(2, x)) / (2 * Math.PI * Math.PI)) - x, sigmaV: () => sv * CM3_PER_S }).omegaH2;
    const r = solve(3e-26) / solve(6e-26);
    expect(r).toBeGreaterThan(1.9);
    expect(r).toBeLessThan(2.1);
  });
});

describe('thermal averages of σ(χχ → A′* → ℓ⁺ℓ⁻)', () => {
  const m = 0.05;
  const y = 1e-10;
  const alphaD = 1e-3; // a narrow A′: the Breit–Wigner is (M² − 4m²)² at threshold
  const sector = (darkMatter: DarkMatterModel, massSplitting = 0.1) => ({ darkMatter, alphaD, massRatio: 3, massSplitting });
  const eps2 = (y * 81) / alphaD;
  const M = 3 * m;
  const D = (M * M - 4 * m * m) ** 2;

  it('Dirac: ⟨σ_eff v⟩ → σv/2 with σv = 16π αα_D ε² m²/(M² − 4m²)² (s-wave; ½ for χ and χ̄)', () => {
    const sv = (16 * Math.PI * alpha * alphaD * eps2 * m * m) / D;
    expect(rel(thermalAverage(sector('dirac'), m, y, 1e4).sigmaV, sv / 2)).toBeLessThan(1e-3);
  });

  it('complex scalar and Majorana: p-wave (8π/3) αα_D ε² m² ⟨v²⟩/(M² − 4m²)², ⟨v²⟩ = 6/x; ½ for φ and φ*', () => {
    const x = 1e4;
    const sv = ((8 * Math.PI) / 3) * alpha * alphaD * eps2 * m * m * (6 / x) / D;
    expect(rel(thermalAverage(sector('scalar'), m, y, x).sigmaV, sv / 2)).toBeLessThan(2e-3);
    expect(rel(thermalAverage(sector('majorana'), m, y, x).sigmaV, sv)).toBeLessThan(2e-3);
  });

  it('pseudo-Dirac: coannihilation, Dirac × 4r/(1 + r)², r = n₂/n₁ = (m₂/m₁)² K₂(m₂/T)/K₂(m₁/T) (Griest & Seckel)', () => {
    const d = 1e-4;
    const x = 2000;
    const T = m / x;
    const m2 = m * (1 + d);
    const r = ((m2 / m) ** 2 * besselKScaled(2, m2 / T) * Math.exp(-(m2 - m) / T)) / besselKScaled(2, m / T);
    const dirac = thermalAverage(sector('dirac'), m, y, x).sigmaV;
    expect(rel(thermalAverage(sector('pseudoDirac', d), m, y, x).sigmaV, (dirac * 4 * r) / (1 + r) ** 2)).toBeLessThan(2e-3);
  });
});

describe('thermal targets', () => {
  const sector = (darkMatter: DarkMatterModel) => ({ darkMatter, alphaD: 0.5, massRatio: 3, massSplitting: 0.1 });

  it('give Ω h² = 0.120 (Planck 2018)', () => {
    const t = thermalTargetY(sector('scalar'), 0.03);
    expect(rel(relicAbundance(sector('scalar'), 0.03, t.y).omegaH2, 0.12)).toBeLessThan(2e-3);
  });

  it('a complex scalar needs twice the y of a Majorana fermion (same σ off resonance, φ and φ* each annihilating half the time)', () => {
    // to 1 %: the widths in the Breit–Wigner differ (α_D m β³/12 and /6: 0.3 % in σ at α_D = 0.5). At small α_D the
    // Boltzmann tail reaching the narrow A′ pole (σ ∝ 3S/(g_i g_j) there: twice as large for the scalar) breaks the relation.
    for (const m of [0.01, 0.1]) {
      expect(rel(thermalTargetY(sector('scalar'), m).y, 2 * thermalTargetY(sector('majorana'), m).y)).toBeLessThan(1e-2);
    }
  });

  it('order: Dirac (s-wave) < pseudo-Dirac (s-wave, Boltzmann-suppressed partner) < Majorana < scalar (p-wave)', () => {
    const m = 0.02;
    const [d, p, mj, s] = (['dirac', 'pseudoDirac', 'majorana', 'scalar'] as const).map((k) => thermalTargetY(sector(k), m).y);
    expect(d).toBeLessThan(p);
    expect(p).toBeLessThan(mj);
    expect(mj).toBeLessThan(s);
  });

  it('pseudo-Dirac with a large splitting: ⟨σ_eff v⟩ ∝ e^{−δx} underflows long after freeze-out, and the target is still found, rising with δ', () => {
    // δ ≥ 0.25 used to stop the solver (⟨σv⟩ = 0 at x ≈ 1700); the coannihilating partner's density falls as e^{−δx}
    const ys = [0.1, 0.25, 0.4, 0.9].map((massSplitting) => thermalTargetY({ ...sector('pseudoDirac'), massSplitting }, 0.03));
    for (const t of ys) {
      expect(Number.isFinite(t.y) && t.y > 0).toBe(true);
      expect(t.xFreezeOut).toBeGreaterThan(10);
      expect(t.xFreezeOut).toBeLessThan(30);
    }
    for (let i = 1; i < ys.length; i++) expect(ys[i].y).toBeGreaterThan(ys[i - 1].y);
  });

  it('small α_D, where the visible width dominates the A′ (σ at the pole falls as ε grows): the target is still found, Ω h² = 0.120 at it', () => {
    // α_D = 1e-6 made rescaling y oscillate (the web page and --plane y failed for Majorana, scalar, pseudo-Dirac)
    for (const darkMatter of ['majorana', 'scalar'] as const) {
      const small = { ...sector(darkMatter), alphaD: 1e-6 };
      const t = thermalTargetY(small, 0.02015);
      expect(rel(relicAbundance(small, 0.02015, t.y).omegaH2, 0.12)).toBeLessThan(2e-3);
      expect(t.y).toBeLessThan(small.alphaD / small.massRatio ** 4); // ε < 1
    }
  });

  it('are drawn from 1 MeV to m_χ₁ + m_χ₂ = 2 GeV (hadrons included; the QCD continuum of R from √s = 2 GeV)', () => {
    expect(thermalTargetRange({ darkMatter: 'scalar', massSplitting: 0.1 })).toEqual([1e-3, 1]);
    expect(thermalTargetRange({ darkMatter: 'pseudoDirac', massSplitting: 0.2 })[1]).toBeCloseTo(2 / 2.2, 12);
  });

  it('do not depend on where the Boltzmann equation starts (x = max(3, m_χ/150 MeV) or later, in equilibrium)', () => {
    // the plasma table ends at T = 150 MeV, so a 1 GeV relic starts at x = 6.7: freeze-out (x ≈ 21) is far later
    for (const [m, starts] of [[0.3, [3, 5, 8]], [0.6, [4, 6, 9]], [1, [1 / 0.15, 8, 10]]] as const) {
      const y = thermalTargetY(sector('majorana'), m).y;
      const omegas = starts.map((x) => relicAbundance(sector('majorana'), m, y, x).omegaH2);
      for (const o of omegas) expect(rel(o, omegas[0]), `m_χ = ${m} GeV`).toBeLessThan(5e-4); // found ≤ 2.3e−4 (solver: 1e−4 each)
    }
    expect(() => relicAbundance(sector('majorana'), 0.3, 1e-9, 1.5)).toThrow(/start/);
  });
});

/**
 * The thermal-target lines drawn on LDMX's y–m_χ projections (α_D = 0.5, m_A′ = 3m_χ,
 * the plot's own label), as tabulated in the public repository therwig/ldmx-helpers,
 * files simple-reach/majorana.txt, scalar.txt, pseudo.txt at commit
 * ed3af2e246b002703f392831c1ded9fa7b2d5ce3 (columns m_χ [GeV], y). The repository states
 * no licence and not which calculation the lines come from (the LDMX papers take theirs
 * from Berlin et al., PRD 99 (2019) 075001, arXiv:1807.01730); a few values are quoted
 * here as reference numbers, the files are not copied. Its scalar line is twice its
 * Majorana line to 0.3 %, the relation vanish's targets obey (test above); above
 * m_χ ≈ 140 MeV it includes hadrons, as vanish does (models/hadronicR.ts): see LDMX_HADRONIC.
 */
const LDMX_TABLE: { mass: number; majorana: number; scalar: number; pseudo: number }[] = [
  { mass: 0.001, majorana: 5.823577019104814e-14, scalar: 1.1624526215397256e-13, pseudo: 8.042858957950856e-15 },
  { mass: 0.0018913186539746855, majorana: 2.1860603745642724e-13, scalar: 4.3759199992998257e-13, pseudo: 2.8260290955537656e-14 },
  { mass: 0.0035770862508726162, majorana: 7.365020572571949e-13, scalar: 1.4727072933669024e-12, pseudo: 9.269529879135865e-14 },
  { mass: 0.010346749196978026, majorana: 6.599922614992433e-12, scalar: 1.3199852993557314e-11, pseudo: 7.01140617025022e-13 },
  { mass: 0.0299280507756976, majorana: 6.591282886069352e-11, scalar: 1.317900889057147e-10, pseudo: 5.9959306356318544e-12 },
  { mass: 0.07000000000000002, majorana: 4.154471024952769e-10, scalar: 8.309326876170143e-10, pseudo: 3.475528541196919e-11 },
  { mass: 0.1065293684285713, majorana: 6.998553641810968e-10, scalar: 1.399583770579172e-9, pseudo: 6.108080223558451e-11 },
  { mass: 0.12596336275524284, majorana: 8.170490048822527e-10, scalar: 1.6337892018768655e-9, pseudo: 6.657552202195221e-11 },
];

/**
 * The thermal-target lines of the European Strategy 2026 physics-preparatory-group plots for
 * this model (α_D = 0.5, m_A′ = 3m_χ; "thermal target lines: provided by Paolo Crivelli", NA64):
 * repository ESPP2026-PPG/Quasi-elastic-DM, files relic-target-majorana.csv and
 * relic-target-scalar.csv at commit 25d2883c0f223accd7156e19fa7650d4bfa7db67 (columns m_χ [GeV],
 * y). No licence stated; a few values quoted. The points look digitised from a figure (unsorted,
 * scattered by ~5 % about a smooth line) and lie 5–15 % below the LDMX table above.
 */
const ESPP_TABLE: { model: 'majorana' | 'scalar'; mass: number; y: number }[] = [
  { model: 'majorana', mass: 0.0036776317599065416, y: 7.116265200302944e-13 },
  { model: 'majorana', mass: 0.01019723294989618, y: 5.750363206548422e-12 },
  { model: 'majorana', mass: 0.030457360214796544, y: 6.375450501675918e-11 },
  { model: 'majorana', mass: 0.07099854460883798, y: 4.124780315034254e-10 },
  { model: 'majorana', mass: 0.12335627601490175, y: 7.516505583572757e-10 },
  { model: 'scalar', mass: 0.0036776317599065416, y: 1.4349159717416114e-12 },
  { model: 'scalar', mass: 0.01005381190687574, y: 1.1679105015305955e-11 },
  { model: 'scalar', mass: 0.03034969727237914, y: 1.325653356286174e-10 },
  { model: 'scalar', mass: 0.07201136297216638, y: 7.964078241828445e-10 },
  { model: 'scalar', mass: 0.12511599520728836, y: 1.5714119016683764e-9 },
];

/**
 * The same LDMX table (therwig/ldmx-helpers simple-reach/{majorana,scalar}.txt @ ed3af2e) through
 * the hadronic region: π⁺π⁻ from m_χ ≈ 140 MeV, the ρ/ω dip (lowest y at m_χ ≈ 0.37 GeV, where
 * thermal √s ≈ 2m_χ(1 + 3/2x) sits on the ρ and ω), the φ (m_χ ≈ 0.48 GeV) and the rise beyond.
 */
const LDMX_HADRONIC: { mass: number; majorana: number; scalar: number }[] = [
  { mass: 0.14894267177832451, majorana: 1.0827557103881237e-9, scalar: 2.1649599865154807e-9 },
  { mass: 0.20824228852290788, majorana: 1.885748855985499e-9, scalar: 3.771488920729027e-9 },
  { mass: 0.2677511031104347, majorana: 2.4661305182087895e-9, scalar: 4.9318780771376625e-9 },
  { mass: 0.31659653883924227, majorana: 2.0350381476623697e-9, scalar: 4.070076822857117e-9 },
  { mass: 0.34426558469639684, majorana: 1.4830608906467443e-9, scalar: 2.966142979098644e-9 },
  { mass: 0.37435277479938617, majorana: 1.3178881881096614e-9, scalar: 2.635821496946105e-9 },
  { mass: 0.40706944356226477, majorana: 3.3132225680296007e-9, scalar: 6.6264410186669436e-9 },
  { mass: 0.4426453950311777, majorana: 5.6721647441520074e-9, scalar: 1.1344313044687645e-8 },
  { mass: 0.48133051704318713, majorana: 4.430412317725565e-9, scalar: 8.857220969637143e-9 },
  { mass: 0.5233965364549734, majorana: 9.640623173711122e-9, scalar: 1.928112656151557e-8 },
  { mass: 0.6188789885722565, majorana: 1.2773981725112244e-8, scalar: 2.5550065749530778e-8 },
  { mass: 0.7317801624947681, majorana: 1.3926147415911698e-8, scalar: 2.785234266833842e-8 },
  { mass: 0.8652777297485313, majorana: 1.8921010436739225e-8, scalar: 3.784192509811736e-8 },
  { mass: 0.9408989265922004, majorana: 2.4116153205340286e-8, scalar: 4.8223995555937076e-8 },
];

/** ESPP 2026 lines (ESPP2026-PPG/Quasi-elastic-DM relic-target-{majorana,scalar}.csv @ 25d2883) in the hadronic region. */
const ESPP_HADRONIC: { model: 'majorana' | 'scalar'; mass: number; y: number }[] = [
  { model: 'majorana', mass: 0.24346543696042344, y: 2.038580846212151e-9 },
  { model: 'majorana', mass: 0.3568864863232698, y: 1.2927412655580003e-9 },
  { model: 'majorana', mass: 0.6378889465982609, y: 1.0909237947598287e-8 },
  { model: 'majorana', mass: 0.8961549537578021, y: 1.8227632983728615e-8 },
  { model: 'scalar', mass: 0.24693855414539992, y: 4.386940659736564e-9 },
  { model: 'scalar', mass: 0.34691807994371804, y: 2.7026242286247315e-9 },
  { model: 'scalar', mass: 0.6289172286330191, y: 2.215688488717861e-8 },
  { model: 'scalar', mass: 0.9219052310554149, y: 3.702069454586686e-8 },
];
/** ESPP points on the steep rise through the φ, where the two public tables disagree (below). */
const ESPP_PHI: { model: 'majorana' | 'scalar'; mass: number; y: number }[] = [
  { model: 'majorana', mass: 0.45405351662231547, y: 4.261887613377246e-9 },
  { model: 'scalar', mass: 0.45405351662231547, y: 9.105333807174707e-9 },
];

describe('thermal targets against the LDMX and ESPP relic lines (α_D = 0.5, m_A′ = 3m_χ)', () => {
  const sector = (darkMatter: DarkMatterModel, massSplitting = 0.1) => ({ darkMatter, alphaD: 0.5, massRatio: 3, massSplitting });
  const heavy = LDMX_TABLE.filter((r) => r.mass > 3e-3);

  it('Majorana and complex scalar agree to 12 % from 3.6 to 126 MeV (through the μ⁺μ⁻ threshold)', () => {
    // Found: vanish is 4–10 % above the table (Majorana 1.04–1.10, scalar 1.04–1.09). Inputs that differ or are not
    // stated for the table: Ω h² (0.120 here), the g_eff/h_eff table, vanish's relativistic thermal average over the
    // full Breit–Wigner (relativistic terms and the A′ pole at √s = 3m_χ add 40 % to ⟨σv⟩ at x = 18 over the leading
    // p-wave term b⟨v²⟩; a table built on b⟨v²⟩ alone would differ by more than is seen).
    for (const r of heavy) {
      for (const model of ['majorana', 'scalar'] as const) {
        expect(rel(thermalTargetY(sector(model), r.mass).y, r[model]), `${model} at ${r.mass} GeV`).toBeLessThan(0.12);
      }
    }
  });

  it('below 2 MeV vanish needs a larger y (×1.17 at 1.9 MeV, ×1.40 at 1 MeV): g_*^{1/2} falls as e± annihilate', () => {
    // Freeze-out of a 1 MeV relic is at T ≈ 65 keV, where e± annihilation has lowered g_*^{1/2} from 3.28 to 2.29
    // (degreesOfFreedom.ts, Gondolo–Gelmini); a target computed with the e±-plasma value 3.28 is lower by about
    // 3.28/2.29 = 1.43 — the size of the difference seen, so the table most likely keeps the e± in the plasma longer.
    const [m1, m2] = LDMX_TABLE;
    for (const [r, lo, hi] of [[m1, 1.3, 1.5], [m2, 1.1, 1.25]] as const) {
      for (const model of ['majorana', 'scalar'] as const) {
        const ratio = thermalTargetY(sector(model), r.mass).y / r[model];
        expect(ratio, `${model} at ${r.mass} GeV`).toBeGreaterThan(lo);
        expect(ratio, `${model} at ${r.mass} GeV`).toBeLessThan(hi);
      }
    }
    expect(plasma(0.001 / 15.5).gStarHalf).toBeCloseTo(2.29, 1);
  });

  it('the Majorana normalisation: the table’s scalar/Majorana ratio (2.00) is vanish’s to 1.5 % (Ω h², g_* and x_f cancel)', () => {
    // A Majorana coupling written without vanish's ½, g_D χ̄γ^μγ⁵χ, would give 4× the width and σ, and a ratio of 8.
    for (const r of heavy) {
      const ours = thermalTargetY(sector('scalar'), r.mass).y / thermalTargetY(sector('majorana'), r.mass).y;
      expect(rel(ours, r.scalar / r.majorana), `at ${r.mass} GeV`).toBeLessThan(0.015);
    }
  });

  it('Majorana and complex scalar agree with the ESPP 2026 lines to 25 % from 3.7 to 125 MeV (digitised points)', () => {
    // Found: vanish is 6–22 % above these points; 5–15 % of it is the spread between the two public tabulations.
    for (const r of ESPP_TABLE) {
      expect(rel(thermalTargetY(sector(r.model), r.mass).y, r.y), `${r.model} at ${r.mass} GeV`).toBeLessThan(0.25);
    }
  });

  it('with hadrons, Majorana and scalar agree with the LDMX table to 20 % from 0.15 to 0.5 GeV and 40 % to 0.94 GeV', () => {
    // Tolerance: the 12 % of the leptonic range above (an offset the table does not explain) plus the accuracy of R:
    // ≈ 10 % for π⁺π⁻, the ρ and ω below 0.5 GeV (m_χ; thermal √s ≤ 1.1 GeV), ≈ 30 % in the 1.05–2 GeV join
    // of R beyond (models/hadronicR.ts). Found: 0.99–1.05 below 0.5 GeV, 0.91–1.10 above.
    for (const r of LDMX_HADRONIC) {
      for (const model of ['majorana', 'scalar'] as const) {
        const tol = r.mass < 0.5 ? 0.2 : 0.4;
        expect(rel(thermalTargetY(sector(model), r.mass).y, r[model]), `${model} at ${r.mass} GeV`).toBeLessThan(tol);
      }
    }
  });

  it('the ρ/ω dip and the φ: the depth of each against the LDMX table, to 10 % (normalisation offsets cancel)', () => {
    // y(dip)/y(max before it) and y(φ)/y(before the φ): found 0.956 and 1.017 of the table's ratios
    const y = (m: number) => thermalTargetY(sector('majorana'), m).y;
    const at = (m: number) => LDMX_HADRONIC.find((r) => r.mass === m)!.majorana;
    const [top, dip, prePhi, phi] = [0.2677511031104347, 0.37435277479938617, 0.4426453950311777, 0.48133051704318713];
    expect(rel(y(dip) / y(top), at(dip) / at(top))).toBeLessThan(0.1);
    expect(at(dip) / at(top)).toBeLessThan(0.6); // a deep dip: ×0.53 in the table
    expect(rel(y(phi) / y(prePhi), at(phi) / at(prePhi))).toBeLessThan(0.1);
  });

  it('scalar = 2 × Majorana holds through the hadronic region too (table: 2.000; vanish: 1.99)', () => {
    for (const r of LDMX_HADRONIC.filter((_, i) => i % 3 === 0)) {
      const ours = thermalTargetY(sector('scalar'), r.mass).y / thermalTargetY(sector('majorana'), r.mass).y;
      expect(rel(ours, r.scalar / r.majorana), `at ${r.mass} GeV`).toBeLessThan(0.015);
    }
  });

  it('with hadrons, the ESPP 2026 lines: 35 % below 0.5 GeV, 45 % above (their 25 % plus R)', () => {
    // Found: 1.04–1.19 below 0.5 GeV, 1.10–1.15 above.
    for (const r of ESPP_HADRONIC) {
      const tol = r.mass < 0.5 ? 0.35 : 0.45;
      expect(rel(thermalTargetY(sector(r.model), r.mass).y, r.y), `${r.model} at ${r.mass} GeV`).toBeLessThan(tol);
    }
  });

  it('through the φ (m_χ = 0.454 GeV) the two public tables differ by 16–23 %; vanish is within 20 % of LDMX there', () => {
    // Found: LDMX interpolated in ln–ln between its nodes at 0.443 and 0.481 GeV is 1.23 (Majorana) and 1.16 (scalar)
    // × ESPP; vanish is 1.15 and 1.14 × that interpolation (1.42 and 1.32 × ESPP). The φ makes y vary fast here
    // (y falls by 22 % from 0.443 to 0.481 GeV and doubles by 0.52 GeV in the LDMX table), so an interpolation between
    // nodes and a digitised point are both uncertain by ≈ 10–20 %; the tolerance is the 20 % used below 0.5 GeV.
    const [a, b] = [LDMX_HADRONIC[7], LDMX_HADRONIC[8]];
    for (const r of ESPP_PHI) {
      const t = Math.log(r.mass / a.mass) / Math.log(b.mass / a.mass);
      const ldmx = a[r.model] * (b[r.model] / a[r.model]) ** t;
      expect(ldmx / r.y).toBeGreaterThan(1.15);
      expect(rel(thermalTargetY(sector(r.model), r.mass).y, ldmx), `${r.model}`).toBeLessThan(0.2);
    }
  });

  it('the pseudo-Dirac line (splitting not stated) lies between vanish’s δ → 0 limit (Dirac) and δ = 0.1', () => {
    // Dirac is 0.85–0.92 of the table and δ = 0.1 is 2.2–3.8 × it (coannihilation suppressed by e^{−δx}).
    for (const r of heavy) {
      expect(thermalTargetY(sector('dirac'), r.mass).y).toBeLessThan(r.pseudo);
      expect(thermalTargetY(sector('pseudoDirac', 0.1), r.mass).y).toBeGreaterThan(r.pseudo);
    }
  });
});

