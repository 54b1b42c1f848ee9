/**
 * Built-in experiment presets, each value with where it comes from.
 * `belle2-paper` is exactly the analysis of Liang, Liu & Yang, "A new channel to
 * search for dark matter at Belle II" (the seed paper); `belle2` is the same
 * analysis with the best physics vanish knows (moving atomic electrons,
 * Poisson CLs statistics, the third channel e⁺e⁻ → γA′).
 */
import type { AnyExperimentConfig, ExperimentConfig, FixedTargetConfig } from './schema.js';

/**
 * Freezes an object and everything reachable from it, so a preset shared by
 * every caller cannot be changed by one of them (`belle2.lumi = -1` throws in
 * strict mode and changes nothing otherwise).
 */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/**
 * The seed paper's exact model, kept reproducible whatever `belle2` becomes:
 * every value of the paper's analysis (free electrons at rest, N_s/√N_b = √2.71).
 */
export const belle2_paper: Readonly<ExperimentConfig> = deepFreeze({
  kind: 'collider',
  electronBeamEnergy: 7, // GeV, SuperKEKB HER (paper Sec. III, Belle II Physics Book [32])
  positronBeamEnergy: 4, // GeV, SuperKEKB LER (paper Sec. III)
  thetaMin: 32.2, // deg, ECL barrel (paper Sec. II)
  thetaMax: 128.7, // deg, ECL barrel (paper Sec. II)
  lumi: 50, // ab⁻¹ (paper Sec. V, Fig. 2)
  material: 'CsI', // Belle II ECL crystals (paper Sec. IV, [55])
  calorimeterDepth: 16, // X0, ECL crystal length (paper Sec. IV, [55]); L_T of Eq. 11
  bremsstrahlungDepth: 1, // X0: Eq. 12 uses T_e(E', E, X0)
  energyCut: 0.05, // at most 5% of the positron energy deposited (paper Sec. II, Eqs. 6, 11, 12)
  bremsstrahlungTracks: 'positrons', // Eq. 12 counts the positron track length T_e
  bremsstrahlungModel: 'ww', // Eq. 13, Weizsäcker–Williams with the elastic form factor (Eq. 14)
  electronMotion: 'atRest', // the paper's s = 2m_e E_A' (Eq. 9): free electrons at rest
  massInterpolation: 'off', // every mass computed directly, as the paper's numbers were
  signalEfficiency: 1, // the paper applies no further efficiency
  radiativeAnnihilation: false, // the paper's two channels; e⁺e⁻ → γA′ (arXiv:2505.10302) is on in belle2
  analysis: 'counting', // the paper's single count; 'spectral' bins the missing energy (arXiv:2505.10302's multi-bin analysis)
  spectralBins: null, // automatic: bins two resolution widths wide over the kinematic range
  // Belle ECL CsI(Tl), reused by Belle II: σ_E/E = 1.3%/√E (Belle, NIM A 479 (2002) 117, Table 1 — the paper's [51])
  // with the 1.34% constant term of its beam-test fit (ibid., ECL section)
  resolutionStochastic: 0.013,
  resolutionConstant: 0.0134,
  momentumResolution: 0.004, // δp_T/p_T ≃ 0.4% at p_T ≃ 3 GeV (paper Sec. II, [53])
  photonVetoInefficiency: 4.5e-4, // BaBar IFR veto inefficiency used for the KLM (paper Sec. IV, [58])
  klmInteractionLengths: 3.9, // λ0 of the KLM (paper Sec. IV, [32])
  neutronSimulatedPositrons: 1e9, // GEANT4 11.0 FTFP_BERT, 4.35 GeV e+ on 1 X0 CsI (paper Sec. IV)
  neutronSimulatedDepth: 1, // X0 of the simulated slab (paper Sec. IV)
  neutronSingleEvents: 13, // events with one neutron > 280 MeV after cuts (paper Sec. IV)
  neutronMultiEvents: 51, // events with ≥ 2 neutrons > 280 MeV after cuts (paper Sec. IV)
  neutronCutFlowEnergyCut: 0.05, // the cut flow above was made with the 5% cut (paper Sec. IV)
  neutronPenetration: null, // computed from Eq. 7; the paper rounds it to 0.01
  alphaD: 0.001, // paper Sec. V, Fig. 2
  massRatio: 3, // m_A' = 3 m_χ (paper Sec. V)
  darkMatter: 'dirac', // Dirac χ, Eq. (8)
  massSplitting: 0.1, // pseudo-Dirac only: δ = 0.1, the benchmark of Izaguirre et al. (arXiv:1505.00011) and LDMX (arXiv:1807.01730)
  visibleDecays: false, // Γ_A' ≃ Γ(A' → χχ̄) (paper Sec. V, below Eq. 10)
  beamEnergySpread: 0, // the Bhabha positrons of asymmetric beams form a continuum (no line to smear)
  statistics: 'deltaChi2', // N_s/√N_b = √2.71 (paper Sec. V, [45])
  deltaChi2: 2.71, // N_s/√N_b = √2.71, 90% CL (paper Sec. V, [45])
  confidenceLevel: 0.9, // 90% CL (paper Sec. V); used by statistics cls only
});

/**
 * Belle II with the best physics vanish knows: the paper's analysis, with the
 * CsI electrons moving (Biggs–Mendelsohn–Mann Compton profiles, impulse
 * approximation, arXiv:2403.15387), the median expected Poisson CLs limit, and
 * the third channel e⁺e⁻ → γA′ of the seed authors' follow-up (arXiv:2505.10302).
 * The beam energy spread (SuperKEKB LER σ_E/E = 8.08e−4, HER 6.37e−4: Ohnishi et
 * al., PTEP 2013 03A011) is not applied: the asymmetric beams give a continuous
 * Bhabha spectrum whose ends it would move by < 0.1 %.
 */
export const belle2: Readonly<ExperimentConfig> = deepFreeze({
  ...belle2_paper,
  electronMotion: 'comptonProfile', // the CsI electrons' momenta (BMM HF profiles via xraylib)
  massInterpolation: 'auto', // yields interpolated in ln m within 1e-4 where smooth, error added (yields/curveYields.ts)
  statistics: 'cls', // median expected Poisson CLs at 90% CL: right at any background
  radiativeAnnihilation: true, // e⁺e⁻ → γA′, the seed authors' follow-up (arXiv:2505.10302)
  visibleDecays: true, // A′ → e⁺e⁻, μ⁺μ⁻, hadrons in the width; the limit counts invisible decays (models/visibleDecays.ts)
});

/**
 * BaBar at PEP-II, the same disappearing-positron-track selection in its
 * CsI(Tl) calorimeter. Background model: the paper's (photon punch-through with
 * BaBar's own IFR inefficiency; the Belle II GEANT4 neutron cut flow reused,
 * with a warning).
 */
export const babar: Readonly<ExperimentConfig> = deepFreeze({
  ...belle2,
  electronBeamEnergy: 9.0, // GeV, PEP-II HER (BaBar, NIM A 479 (2002) 1)
  positronBeamEnergy: 3.1, // GeV, PEP-II LER (ibid.)
  thetaMin: 26.8, // deg, EMC barrel forward edge (ibid.)
  thetaMax: 140.8, // deg, EMC barrel backward edge (ibid.)
  lumi: 0.4242, // ab⁻¹ at Υ(4S) on peak (BaBar, NIM A 726 (2013) 203)
  calorimeterDepth: 16, // X0, shortest (backward) EMC crystals, 16.0–17.5 X0 (NIM A 479)
  photonVetoInefficiency: 4.5e-4, // IFR veto inefficiency (BaBar, arXiv:0808.0017; the paper's [58])
});

/**
 * BESIII at BEPCII, symmetric beams: every Bhabha positron has the beam energy
 * (a line). Background model as for BaBar (the KLM values of Belle II are kept;
 * BESIII's muon counter is not modelled), with warnings.
 */
export const besiii: Readonly<ExperimentConfig> = deepFreeze({
  ...belle2,
  electronBeamEnergy: 1.8865, // GeV, √s = 3.773 GeV, the ψ(3770) data (BESIII)
  positronBeamEnergy: 1.8865, // GeV
  thetaMin: 33.9, // deg, EMC barrel |cos θ| < 0.83 (BESIII, NIM A 614 (2010) 345)
  thetaMax: 146.1, // deg
  lumi: 0.0203, // ab⁻¹ at √s = 3.773 GeV (BESIII's 20.3 fb⁻¹ ψ(3770) sample)
  calorimeterDepth: 15, // X0, 28 cm CsI(Tl) (NIM A 614)
  // BEPCII design σ_E/E = 5.16e−4 per beam (BESIII, NIM A 614 (2010) 345, Table 1 of BEPCII parameters)
  beamEnergySpread: 5.16e-4,
});

/**
 * NA64 with 100 GeV electrons on its active Pb/Sc ECAL (Banerjee et al., PRL 123
 * (2019) 121801, 2016–2018 data). A′ production is exact tree level (ETL), as in
 * NA64's own analysis (Gninenko et al., PLB 782 (2018) 406; DMG4, Bondì et al.,
 * CPC 269 (2021) 108129); vanish's ETL reproduces DMG4's reference cross-sections on
 * Pb within 3 % over NA64's 1 MeV – 1 GeV at 100 GeV (test/physics/etl.test.ts, README).
 */
export const na64_2019: Readonly<FixedTargetConfig> = deepFreeze({
  kind: 'fixedTarget',
  beamParticle: 'e-', // (PRL 123 (2019) 121801)
  beamEnergy: 100, // GeV (ibid.)
  particlesOnTarget: 2.84e11, // electrons on target (ibid.)
  material: 'NA64-ECAL', // Shashlik Pb/Sc active target (ibid.), effective medium
  calorimeterDepth: 40, // X0, "≈ 40 radiation lengths" (ibid.)
  bremsstrahlungDepth: 40, // X0, A′ emitted anywhere in the ECAL
  energyCut: 0.5, // missing-energy threshold: signal box E_ECAL < 50 GeV, i.e. E_miss > 50 GeV (ibid.)
  bremsstrahlungTracks: 'allLeptons', // every e± of the shower radiates (as in NA64's GEANT4/DMG4 simulation)
  bremsstrahlungModel: 'etl', // exact tree level, as NA64 (PLB 782 (2018) 406; DMG4)
  // Pb and plastic electrons move (BMM Compton profiles, impulse approximation, arXiv:2403.15387);
  // NA64's own DMG4 simulation includes atomic effects since v2.4
  electronMotion: 'comptonProfile',
  massInterpolation: 'auto', // yields interpolated in ln m within 1e-4 where smooth, error added (yields/curveYields.ts)
  // Signal efficiency: not applied. No value of the PRL's efficiency could be read from a citable
  // public source in this work (no number is invented; see the README); ε scales as
  // efficiency^(−1/2). A mass-dependent table [[m GeV, eff], …] is accepted here.
  signalEfficiency: 1,
  radiativeAnnihilation: true, // e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302, which studies NA64e)
  analysis: 'counting', // with no observed events the spectral limit is the same (CLs e^{−Σs} does not depend on bins)
  spectralBins: null,
  // NA64 Shashlik ECAL: σ_E/E ≃ 10%/√E ⊕ 4% (NA64, D. Banerjee et al., PRD 97 (2018) 072002, detector section)
  resolutionStochastic: 0.1,
  resolutionConstant: 0.04,
  alphaD: 0.1, // NA64's benchmark (ibid.); the ε limit does not depend on it while Γ_inv dominates
  // The H4 beam's ≈ 1 % momentum spread (NA64, PRD 97 (2018) 072002) matters only where the beam's own
  // positrons resonate (na64-eplus-2022); for an e− beam it moves the smooth yields by O(σ²) ≈ 1e−4: not applied
  beamEnergySpread: 0,
  massRatio: 3, // m_A' = 3 m_χ (ibid.)
  darkMatter: 'dirac', // NA64's benchmark Dirac χ (ibid.); any model of models/darkMatter.ts may be chosen
  massSplitting: 0.1, // pseudo-Dirac only: δ = 0.1 (Izaguirre et al., arXiv:1505.00011)
  visibleDecays: true, // A′ → e⁺e⁻, μ⁺μ⁻, hadrons in the width; the limit counts invisible decays (models/visibleDecays.ts)
  backgroundEvents: 0.53, // expected background (ibid.); no effect on the CLs limit with 0 observed
  observedEvents: 0, // no events in the signal box (ibid.)
  confidenceLevel: 0.9, // 90% CL, CLs (ibid.): N_up = 2.3
});

/**
 * NA64 with 9.37e11 electrons on target, 2016–2022 data (Andreev et al., PRL 131 (2023) 161801).
 * Selection and efficiency as for na64-2019: the 2023 letter's signal box and efficiency were not
 * checked against its text in this work (the 50 GeV box of 2016–2018 is kept, no efficiency applied).
 * Against NA64's published curve vanish/published is 0.57–0.65 in ε from 1 MeV to 0.9 GeV, flat in
 * mass: an overall factor ≈ 2.5 in yield, the size of a selection efficiency (README, "NA64 recomputed").
 */
export const na64_2022: Readonly<FixedTargetConfig> = deepFreeze({
  ...na64_2019,
  particlesOnTarget: 9.37e11, // electrons on target (PRL 131 (2023) 161801)
  backgroundEvents: 0, // the paper's estimate is not used: no effect on the CLs limit with 0 observed
  observedEvents: 0, // no events in the signal box (ibid.)
});

/**
 * NA64's 100 GeV positron-beam run (Andreev et al., PRD 109 (2024) L031103, 2022
 * data): resonant annihilation of the beam positrons themselves. Against NA64's published curve
 * (1–150 MeV) vanish/published A′-strahlung is 0.60–0.65 in ε, as for the 2022 electron run (README).
 */
export const na64_eplus_2022: Readonly<FixedTargetConfig> = deepFreeze({
  ...na64_2019,
  beamParticle: 'e+', // (PRD 109 (2024) L031103)
  // H4 beam momentum spread ≈ 1 % (NA64, PRD 97 (2018) 072002), taken as a Gaussian σ_E/E: it smears the
  // resonance of the beam positrons themselves at √(2m_e E0) ≈ 0.32 GeV
  beamEnergySpread: 0.01,
  particlesOnTarget: 1.01e10, // (10.1 ± 0.1) × 10⁹ positrons on target (ibid.)
  energyCut: 0.5, // the electron runs' 50 GeV signal box, assumed for this run (not checked against the paper)
  backgroundEvents: 0, // not used: no effect on the CLs limit with 0 observed
  observedEvents: 0, // no events in the signal region (ibid.)
});

export interface ExperimentPreset {
  readonly config: Readonly<AnyExperimentConfig>;
  readonly title: string;
  readonly source: string;
}

/** Every built-in experiment, with where it comes from. */
export const EXPERIMENTS: Readonly<Record<string, ExperimentPreset>> = deepFreeze({
  belle2: {
    config: belle2,
    title: 'Belle II, disappearing positron track, 50 ab⁻¹ (moving atomic electrons, Poisson CLs)',
    source:
      'J. Liang, Z. Liu, L. Yang, "A new channel to search for dark matter at Belle II" (the seed paper), with the CsI Compton profiles (Biggs, Mendelsohn, Mann, ADNDT 16 (1975) 201; arXiv:2403.15387) and median expected CLs',
  },
  'belle2-paper': {
    config: belle2_paper,
    title: 'Belle II, disappearing positron track, 50 ab⁻¹ (the seed paper\'s model)',
    source: 'J. Liang, Z. Liu, L. Yang, "A new channel to search for dark matter at Belle II" (the seed paper), exactly as published',
  },
  babar: {
    config: babar,
    title: 'BaBar, disappearing positron track, 424 fb⁻¹ at Υ(4S)',
    source: 'BaBar NIM A 479 (2002) 1; NIM A 726 (2013) 203; arXiv:0808.0017',
  },
  besiii: {
    config: besiii,
    title: 'BESIII, disappearing positron track, 20.3 fb⁻¹ at ψ(3770)',
    source: 'BESIII NIM A 614 (2010) 345',
  },
  'na64-2019': {
    config: na64_2019,
    title: 'NA64, 2.84e11 electrons of 100 GeV',
    source: 'D. Banerjee et al. (NA64), PRL 123 (2019) 121801',
  },
  'na64-2022': {
    config: na64_2022,
    title: 'NA64, 9.37e11 electrons of 100 GeV',
    source: 'Yu. M. Andreev et al. (NA64), PRL 131 (2023) 161801',
  },
  'na64-eplus-2022': {
    config: na64_eplus_2022,
    title: 'NA64, 1.01e10 positrons of 100 GeV',
    source: 'Yu. M. Andreev et al. (NA64), PRD 109 (2024) L031103',
  },
});

/** The collider presets, by name (the CLI's --preset). */
export const PRESETS: Readonly<Record<string, Readonly<ExperimentConfig>>> = deepFreeze({ belle2, 'belle2-paper': belle2_paper, babar, besiii });
