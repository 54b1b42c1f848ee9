/**
 * One home for every input: each configuration field is defined here once —
 * its zod schema (type and limits), label, unit, group, help text and, where it
 * has one, its CLI flag — and so are the mass grid (defaults and caps), the
 * default experiment and the readers of typed text (numbers, masses, grid
 * points). The CLI, the web page and the library's error messages all read
 * this module; `schema.ts` builds the experiment schemas from its definitions.
 *
 * Adding a config field is one entry in {@link COLLIDER_FIELD_DEFS} and/or
 * {@link FIXED_TARGET_FIELD_DEFS} (or {@link SHARED_FIELD_DEFS} for both
 * kinds); give it `flag` to get a CLI flag on every command that takes the
 * physics flags. What a field allows is never written by hand: the `allowed`
 * text and the `min`/`max`/`choices` of {@link FieldInfo} are read from the
 * schema through zod's public API (`minValue`, `maxValue`, `isInt`,
 * `options`, `isNullable()`, `safeParse` at the bounds for inclusivity).
 *
 * Units: energies in GeV, angles in degrees, luminosity in ab⁻¹, depths in
 * radiation lengths X0. Pure and browser-safe.
 */
import { z } from 'zod';
import { MATERIAL_NAMES } from '../materials/materials.js';
import { DARK_MATTER_MODELS, type DarkMatterModel } from '../models/darkMatter.js';
import { ConfigError, show } from './errors.js';
import { DEFAULT_EXPERIMENT } from './defaultExperiment.js';
import { EXPERIMENTS } from './presets.js';
import { NUMBER_PATTERN, parseDecimal, parseMass } from './quantity.js';

export { NUMBER_PATTERN, parseDecimal, parseMass, parseMassList, MASS_UNITS } from './quantity.js';

/** The groups of fields, as the paper presents its inputs. */
export type FieldGroup = 'collider' | 'beam' | 'calorimeter' | 'backgrounds' | 'darkSector' | 'statistics';
/** The kinds of experiment. */
export type Kind = 'collider' | 'fixedTarget';

/** A CLI flag that sets one config field (`--lumi 10`). */
export interface FieldFlag {
  /** The flag, e.g. `--alpha-d`. */
  flag: `--${string}`;
  /** The argument's placeholder in the help, e.g. `<value>`. */
  arg: string;
  /** What the value is, for the help and for messages (lower case). */
  what: string;
  /** On an experiment of a kind without this field: what to do instead (shown in the error). */
  otherKind?: string;
  /** For a field of a few values: the words the flag takes and the value each sets (`on` → true). */
  choices?: Readonly<Record<string, unknown>>;
}

/** What a field is, besides its schema. Never a restatement of the schema's limits. */
export interface FieldMeta {
  group: FieldGroup;
  /** A short label for forms and tables. */
  label: string;
  /** The unit ('' for a pure number). */
  unit: string;
  /** One or two sentences: what the field means, with the paper's equation. Also the schema's `.describe()`. */
  help: string;
  /** How the allowed range names the value (`0 < α_D ≤ 1`); the field name by default. */
  symbol?: string;
  /** A constraint between fields that the schema's refinement checks (`thetaMin < thetaMax`), added to `allowed`. */
  relation?: string;
  /** For a field of a few words, what some of them mean, shown beside the word in `allowed` (`ww` → `Eq. 13`). */
  notes?: Readonly<Record<string, string>>;
  /** For a field the schema allows in a second form (a union), what that form is, added to `allowed`. */
  alternative?: string;
  /** The CLI flag that sets this field, if any. */
  flag?: FieldFlag;
}

/** A field's schema with its metadata. */
export interface FieldDef<S extends z.ZodTypeAny = z.ZodTypeAny> {
  schema: S;
  meta: FieldMeta;
}

function def<S extends z.ZodTypeAny>(schema: S, meta: FieldMeta): FieldDef<S> {
  return { schema: schema.describe(meta.help) as S, meta };
}

const number = (what: string) => z.number({ invalid_type_error: `must be a number${what ? ` (${what})` : ''}` }).finite();
const positive = (what: string) => number(what).positive();

/** Fields every kind of experiment has: the target, the selection, the signal model. */
export const SHARED_FIELD_DEFS = {
  material: def(z.enum(MATERIAL_NAMES as [string, ...string[]]), {
    group: 'calorimeter',
    label: 'Calorimeter material',
    unit: '',
    help: 'Calorimeter (target) material, a key of the material table (src/materials/materials.ts).',
  }),
  calorimeterDepth: def(positive('X0'), {
    group: 'calorimeter',
    label: 'Calorimeter depth',
    unit: 'X0',
    help: 'Calorimeter depth L_T in radiation lengths (Eq. 11).',
  }),
  bremsstrahlungDepth: def(positive('X0'), {
    group: 'calorimeter',
    label: 'Bremsstrahlung target depth (Eq. 12)',
    unit: 'X0',
    help: 'Target depth used for the bremsstrahlung track length in Eq. 12, in X0 (the paper: 1 X0).',
  }),
  energyCut: def(number('').gt(0).lte(0.99), {
    group: 'calorimeter',
    label: 'Largest deposited energy fraction',
    unit: '',
    symbol: 'energyCut',
    help:
      "Largest fraction of the incoming lepton's energy that may be deposited (Eqs. 6, 11, 12); for a fixed-target beam, " +
      '1 − the missing-energy threshold. At most 0.99: the track-length table covers v = E′/E ≥ 10⁻⁶ with margin.',
    flag: {
      flag: '--energy-cut',
      arg: '<fraction>',
      what: "largest fraction of the incoming lepton's energy deposited in the calorimeter (fixed target: 1 − the missing-energy threshold)",
    },
  }),
  bremsstrahlungTracks: def(z.enum(['positrons', 'allLeptons']), {
    group: 'calorimeter',
    label: 'Particles radiating A′ (Eq. 12)',
    unit: '',
    help: "Which shower particles radiate A′ in Eq. 12: the positrons (the paper's T_e) or all e±.",
  }),
  signalEfficiency: def(
    z.union([
      number('').gt(0).lte(1),
      z
        .array(z.tuple([z.number().finite().gt(0), z.number().finite().gt(0).lte(1)]))
        .min(2)
        .refine((rows) => rows.every((r, i) => i === 0 || r[0] > rows[i - 1][0]), { message: 'masses must increase' }),
    ]),
    {
      group: 'calorimeter',
      label: 'Signal efficiency',
      unit: '',
      symbol: 'efficiency',
      alternative: 'or a table [[mass GeV, efficiency], …] with increasing masses',
      help:
        'Signal efficiency of the selection, applied to every yield: a number, or a mass-dependent table [[m_A′ (GeV), efficiency], …] ' +
        '(masses increasing), interpolated linearly in ln m and held constant beyond its ends.',
    },
  ),
  radiativeAnnihilation: def(z.boolean(), {
    group: 'darkSector',
    label: 'e⁺e⁻ → γA′ on atomic electrons (third channel)',
    unit: '',
    help: "Include e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302) as a third channel; its soft and virtual part then corrects Eq. 11. Off reproduces the seed paper.",
    flag: { flag: '--radiative-annihilation', arg: '<on|off>', what: 'the third channel e⁺e⁻ → γA′ on atomic electrons (arXiv:2505.10302)', choices: { on: true, off: false } },
  }),
  analysis: def(z.enum(['counting', 'spectral']), {
    group: 'statistics',
    label: 'Analysis: one count, or a binned likelihood in the measured spectrum',
    unit: '',
    help: "How the limit is set: one count of the selected events (the seed's analysis), or a binned likelihood in the measured quantity (spectral/).",
    flag: {
      flag: '--analysis',
      arg: '<counting|spectral>',
      what: 'the limit from one count, or from a binned likelihood in the measured spectrum',
      choices: { counting: 'counting', spectral: 'spectral' },
    },
  }),
  spectralBins: def(z.array(z.number().finite()).nullable(), {
    group: 'statistics',
    label: 'Spectral bins: edges in the missing energy E − E_dep (null: automatic)',
    unit: 'GeV',
    relation: '≥ 2 increasing edges within the kinematic range',
    help:
      'Edges (GeV, increasing) of the spectral analysis\'s bins in the measured quantity (collider: reconstructed missing energy E − E_dep; ' +
      'fixed target: ECAL energy); the outer bins are open-ended. null: bins two resolution widths wide across the kinematic range.',
  }),
  resolutionStochastic: def(number('').gt(0), {
    group: 'calorimeter',
    label: 'Calorimeter resolution, stochastic term a (σ_E/E = a/√E ⊕ b)',
    unit: 'GeV^½',
    help: 'Calorimeter stochastic term a of σ_E/E = a/√E ⊕ b (E in GeV).',
  }),
  resolutionConstant: def(number('').gt(0), {
    group: 'calorimeter',
    label: 'Calorimeter resolution, constant term b',
    unit: '',
    help: 'Calorimeter constant term b of σ_E/E = a/√E ⊕ b.',
  }),
  alphaD: def(number('').gte(1e-8).lte(1), {
    group: 'darkSector',
    label: 'Dark coupling α_D',
    unit: '',
    symbol: 'α_D',
    help:
      'Dark coupling α_D = g_χ²/4π (Eqs. 9–10). At least 1e−8: the model takes the width as Γ(A′ → χχ̄) alone, which needs α_D ≫ α ε² ' +
      '(the visible width), and below Γ/m ≈ 1e−9 the resonance is narrower than double precision resolves s = 2 m_e E_A′ near its edges.',
    flag: { flag: '--alpha-d', arg: '<value>', what: 'dark coupling α_D = g_χ²/4π' },
  }),
  massRatio: def(number('').gt(2), {
    group: 'darkSector',
    label: "m_A' / m_χ",
    unit: '',
    relation: 'massRatio > 2 + massSplitting for pseudoDirac, and an A′ width Γ/m_A′ ≥ 3.3e-10 to resolve (α_D √(1 − 4/massRatio²) ≥ 1e-9 for dirac)',
    help: "m_A'/m_χ (m_χ the lighter dark state); above 2 so that A' → χχ̄ is open (Eq. 10), above 2 + massSplitting for pseudo-Dirac χ₁χ₂.",
    flag: { flag: '--mass-ratio', arg: '<ratio>', what: "m_A'/m_χ (A' → χχ̄ needs > 2, A' → χ₁χ₂ > 2 + massSplitting)" },
  }),
  darkMatter: def(z.enum(DARK_MATTER_MODELS as unknown as [DarkMatterModel, ...DarkMatterModel[]]), {
    group: 'darkSector',
    label: 'Dark matter the A′ decays to',
    unit: '',
    notes: { dirac: 'Eq. 8', majorana: 'axial coupling', scalar: 'complex', pseudoDirac: 'χ₁χ₂, split by massSplitting' },
    help: "The dark matter the A′ decays to (src/models/darkMatter.ts): the seed's Dirac χ (Eq. 8), a Majorana fermion (axial coupling), a complex scalar, or pseudo-Dirac χ₁χ₂.",
    flag: { flag: '--dark-matter', arg: '<model>', what: 'the dark matter the A′ decays to' },
  }),
  massSplitting: def(number('').gt(0).lt(1), {
    group: 'darkSector',
    label: 'Pseudo-Dirac splitting (m_χ₂ − m_χ₁)/m_χ₁ (χ₂ assumed invisible)',
    unit: '',
    symbol: 'δ',
    help:
      'Pseudo-Dirac splitting δ = (m_χ₂ − m_χ₁)/m_χ₁, a splitting between 0 and m_χ; used by darkMatter pseudoDirac only. ' +
      'χ₂ is assumed not to decay visibly inside the detector (a warning says where it would).',
    flag: { flag: '--mass-splitting', arg: '<fraction>', what: 'pseudo-Dirac splitting (m_χ₂ − m_χ₁)/m_χ₁' },
  }),
  visibleDecays: def(z.boolean(), {
    group: 'darkSector',
    label: 'A′ → e⁺e⁻, μ⁺μ⁻, hadrons in the width (invisible branching ratio)',
    unit: '',
    help:
      'Include A′ → e⁺e⁻, μ⁺μ⁻ and hadrons (through R = σ(e⁺e⁻ → hadrons)/σ_μμ) in the total width: the limit then counts invisible decays with their branching ratio ' +
      "(src/models/visibleDecays.ts). Off reproduces the seed's Γ = Γ(A′ → χχ̄).",
    flag: { flag: '--visible-decays', arg: '<on|off>', what: 'A′ → e⁺e⁻, μ⁺μ⁻, hadrons in the width, the limit counting invisible decays', choices: { on: true, off: false } },
  }),
  bremsstrahlungModel: def(z.enum(['ww', 'iww', 'etl']), {
    group: 'darkSector',
    label: 'A′-strahlung cross-section',
    unit: '',
    notes: { ww: 'Eq. 13', etl: 'exact tree level' },
    help: "A′-strahlung cross-section: ww, the paper's Weizsäcker–Williams form (Eq. 13); iww, the improved WW form (Liu & Miller 2017); etl, the exact tree level.",
  }),
  electronMotion: def(z.enum(['comptonProfile', 'comptonProfileLinear', 'atRest']), {
    group: 'calorimeter',
    label: 'Target electrons in annihilation (Eq. 9)',
    unit: '',
    notes: { comptonProfile: 'on shell', comptonProfileLinear: 'first order in p/mₑ', atRest: 'the paper' },
    help: "The target's electrons in resonant annihilation (Eq. 9) and e⁺e⁻ → γA′: moving with the material's Hartree–Fock Compton profile (impulse approximation, arXiv:2403.15387) with on-shell kinematics (comptonProfile) or to first order in p/mₑ (comptonProfileLinear), or at rest (atRest, the paper).",
    flag: {
      flag: '--electron-motion',
      arg: '<comptonProfile|comptonProfileLinear|atRest>',
      what: "the target's electrons: Compton profile on shell, or to first order, or at rest (the paper)",
      choices: { comptonProfile: 'comptonProfile', comptonProfileLinear: 'comptonProfileLinear', atRest: 'atRest' },
    },
  }),
  massInterpolation: def(z.enum(['auto', 'off']), {
    group: 'statistics',
    label: 'Yields of a curve interpolated in the A′ mass',
    unit: '',
    notes: { auto: 'within 1e-4, error added', off: 'every mass computed directly' },
    help:
      "How a reach curve gets its yields: auto interpolates each channel in ln m between shared grid masses where that meets 1e-4 " +
      '(the estimated interpolation error is added to the reported error; closures, edges and the best point are computed directly); ' +
      'off computes every mass directly (the seed paper\'s numbers exactly).',
    flag: {
      flag: '--mass-interpolation',
      arg: '<auto|off>',
      what: "the curve's yields interpolated in the A′ mass within 1e-4 (error added), or every mass computed directly",
      choices: { auto: 'auto', off: 'off' },
    },
  }),
} satisfies Record<string, FieldDef>;

const S = SHARED_FIELD_DEFS;

/**
 * The fields of an e⁺e⁻ collider, in the order the forms, help and tables
 * show them (collider and acceptance, calorimeter, backgrounds, dark sector,
 * statistics); a validated configuration's keys come in this order too.
 */
export const COLLIDER_FIELD_DEFS = {
  electronBeamEnergy: def(positive('GeV'), { group: 'collider', label: 'Electron beam energy', unit: 'GeV', help: 'Electron beam energy, GeV.' }),
  positronBeamEnergy: def(positive('GeV'), { group: 'collider', label: 'Positron beam energy', unit: 'GeV', help: 'Positron beam energy, GeV.' }),
  thetaMin: def(number('').gt(0).lt(180), {
    group: 'collider',
    label: 'Smallest polar angle',
    unit: 'deg',
    relation: 'thetaMin < thetaMax',
    help: 'Smallest lab polar angle of the accepted positron, degrees from the electron-beam axis.',
  }),
  thetaMax: def(number('').gt(0).lte(170), {
    group: 'collider',
    label: 'Largest polar angle',
    unit: 'deg',
    relation: 'thetaMin < thetaMax',
    help:
      'Largest lab polar angle of the accepted positron, degrees from the electron-beam axis. At most 170°: towards 180° the Bhabha ' +
      'forward peak makes dN/dE vary on an energy scale ∝ (180° − θ)², finer than the yields\' tables resolve (and every calorimeter\'s acceptance ends before it).',
  }),
  lumi: def(positive('ab^-1').max(1e12), {
    group: 'collider',
    label: 'Integrated luminosity',
    unit: 'ab⁻¹',
    help:
      'Integrated luminosity, ab⁻¹. At most 1e12 ab⁻¹ (10⁴⁵ cm⁻²): far beyond any collider, and safe from overflow in the yields\' ' +
      'integrands (events per GeV² at the resonance peak are ~10²⁰ times the positron count).',
    flag: { flag: '--lumi', arg: '<ab-1>', what: 'integrated luminosity in ab⁻¹', otherKind: 'set particlesOnTarget in a --config file' },
  }),
  material: S.material,
  calorimeterDepth: S.calorimeterDepth,
  bremsstrahlungDepth: S.bremsstrahlungDepth,
  energyCut: S.energyCut,
  bremsstrahlungTracks: S.bremsstrahlungTracks,
  signalEfficiency: S.signalEfficiency,
  radiativeAnnihilation: S.radiativeAnnihilation,
  analysis: S.analysis,
  spectralBins: S.spectralBins,
  resolutionStochastic: S.resolutionStochastic,
  resolutionConstant: S.resolutionConstant,
  momentumResolution: def(number('').gt(0), {
    group: 'collider',
    label: 'Track momentum resolution σ_p/p',
    unit: '',
    help: "Fractional momentum resolution σ_p/p of the drift chamber (the spectral analysis's E).",
  }),
  photonVetoInefficiency: def(number('').gt(0).lte(1), {
    group: 'backgrounds',
    label: 'KLM photon veto inefficiency',
    unit: '',
    help: 'Probability that the KLM misses a photon that left the ECL (Sec. IV).',
  }),
  klmInteractionLengths: def(number('').gte(0), {
    group: 'backgrounds',
    label: 'KLM depth',
    unit: 'λ₀',
    help: 'KLM thickness in hadronic interaction lengths (Eq. 7).',
  }),
  neutronSimulatedPositrons: def(positive('positrons'), {
    group: 'backgrounds',
    label: 'Simulated positrons (GEANT4)',
    unit: '',
    help: 'Positrons in the GEANT4 neutron sample (Sec. IV).',
  }),
  neutronSimulatedDepth: def(number('').gte(0), {
    group: 'backgrounds',
    label: 'Simulated CsI depth',
    unit: 'X0',
    relation: 'neutronSimulatedDepth < calorimeterDepth',
    help: 'Depth of the simulated CsI slab, X0; neutrons still cross the rest of the ECL.',
  }),
  neutronSingleEvents: def(number('').gte(0), {
    group: 'backgrounds',
    label: 'Events with one neutron > 280 MeV',
    unit: '',
    help: 'Events with exactly one neutron above 280 MeV after all cuts (Sec. IV).',
  }),
  neutronMultiEvents: def(number('').gte(0), {
    group: 'backgrounds',
    label: 'Events with ≥ 2 neutrons > 280 MeV',
    unit: '',
    help: 'Events with two or more neutrons above 280 MeV after all cuts (Sec. IV).',
  }),
  neutronCutFlowEnergyCut: def(number('').gt(0).lt(1), {
    group: 'backgrounds',
    label: 'Energy cut of the GEANT4 cut flow',
    unit: '',
    help: 'Energy cut the GEANT4 cut flow was made with; a different energyCut reuses it with a warning.',
  }),
  neutronPenetration: def(number('').gt(0).lte(1).nullable(), {
    group: 'backgrounds',
    label: 'Neutron penetration probability (null: Eq. 7)',
    unit: '',
    symbol: 'P',
    help: 'Neutron penetration probability P of Eq. 7; null computes it from the interaction lengths.',
  }),
  alphaD: S.alphaD,
  massRatio: S.massRatio,
  darkMatter: S.darkMatter,
  massSplitting: S.massSplitting,
  visibleDecays: S.visibleDecays,
  bremsstrahlungModel: S.bremsstrahlungModel,
  electronMotion: S.electronMotion,
  massInterpolation: S.massInterpolation,
  beamEnergySpread: def(number('').gte(0).lt(0.1), {
    group: 'collider',
    label: 'Beam energy spread σ_E/E (symmetric beams)',
    unit: '',
    help: 'Relative Gaussian spread σ_E/E of the beam energies; used where the positrons form a line (a symmetric collider), 0 for an exact energy.',
  }),
  statistics: def(z.enum(['cls', 'deltaChi2']), {
    group: 'statistics',
    label: 'Expected limit',
    unit: '',
    notes: { cls: 'median expected Poisson CLs', deltaChi2: 'N_s/√N_b = √Δχ²' },
    help: "The expected limit: cls, the median expected Poisson CLs limit for the expected background (valid for any N_b), or deltaChi2, the paper's N_s/√N_b = √Δχ² (Gaussian, N_b ≳ 10).",
    flag: {
      flag: '--statistics',
      arg: '<cls|deltaChi2>',
      what: 'the expected limit: the median expected Poisson CLs limit, or N_s/√N_b = √Δχ² (the paper)',
      choices: { cls: 'cls', deltaChi2: 'deltaChi2' },
      otherKind: 'fixed-target experiments use the Poisson CLs limit of their observedEvents and confidenceLevel (set them in a --config file)',
    },
  }),
  deltaChi2: def(positive(''), {
    group: 'statistics',
    label: 'Δχ² of the limit (2.71: 90% CL; statistics deltaChi2)',
    unit: '',
    help: 'Δχ² of the expected limit with statistics deltaChi2, N_s/√N_b = √Δχ² (2.71 for 90% CL).',
  }),
  confidenceLevel: def(number('').gt(0).lt(1), {
    group: 'statistics',
    label: 'Confidence level (statistics cls)',
    unit: '',
    symbol: 'CL',
    help: 'Confidence level of the limit with statistics cls.',
  }),
} satisfies Record<string, FieldDef>;

/** The fields of a mono-energetic lepton beam on a thick active target (NA64-like). */
export const FIXED_TARGET_FIELD_DEFS = {
  beamParticle: def(z.enum(['e-', 'e+']), { group: 'beam', label: 'Beam particle', unit: '', help: 'The beam particle.' }),
  beamEnergy: def(positive('GeV').min(0.1), {
    group: 'beam',
    label: 'Beam energy',
    unit: 'GeV',
    help:
      'Beam energy, GeV. At least 0.1 GeV: the shower track lengths (App. A) hold far above the critical energy (~10 MeV here), and the ' +
      'annihilation window (1 − c)E₀ − m_e must stay above the lowest energy the track-length table covers.',
  }),
  particlesOnTarget: def(positive('particles').max(1e25), {
    group: 'beam',
    label: 'Particles on target',
    unit: '',
    symbol: 'N',
    help: 'Particles on target. At most 1e25 (see lumi: overflow in the yields\' integrands far beyond any beam).',
  }),
  beamEnergySpread: def(number('').gte(0).lt(0.1), {
    group: 'beam',
    label: 'Beam energy spread σ_E/E',
    unit: '',
    help: 'Relative Gaussian spread σ_E/E of the beam energy (0: one exact energy).',
  }),
  material: S.material,
  calorimeterDepth: { ...S.calorimeterDepth, meta: { ...S.calorimeterDepth.meta, label: 'Target (calorimeter) depth' } },
  bremsstrahlungDepth: S.bremsstrahlungDepth,
  energyCut: { ...S.energyCut, meta: { ...S.energyCut.meta, label: 'Largest deposited energy fraction (1 − missing-energy threshold)' } },
  bremsstrahlungTracks: S.bremsstrahlungTracks,
  bremsstrahlungModel: S.bremsstrahlungModel,
  electronMotion: S.electronMotion,
  massInterpolation: S.massInterpolation,
  signalEfficiency: S.signalEfficiency,
  radiativeAnnihilation: S.radiativeAnnihilation,
  analysis: S.analysis,
  spectralBins: { ...S.spectralBins, meta: { ...S.spectralBins.meta, label: 'Spectral bins: edges in the ECAL energy (null: one bin)' } },
  resolutionStochastic: S.resolutionStochastic,
  resolutionConstant: S.resolutionConstant,
  alphaD: S.alphaD,
  massRatio: S.massRatio,
  darkMatter: S.darkMatter,
  massSplitting: S.massSplitting,
  visibleDecays: S.visibleDecays,
  backgroundEvents: def(number('').gte(0), {
    group: 'statistics',
    label: 'Expected background events',
    unit: '',
    help: 'Expected background events after all cuts.',
  }),
  observedEvents: def(number('').int().gte(0), {
    group: 'statistics',
    label: 'Observed events',
    unit: '',
    help: 'Observed events (0 for a projected or zero-event limit).',
  }),
  confidenceLevel: def(number('').gt(0).lt(1), {
    group: 'statistics',
    label: 'Confidence level (CLs)',
    unit: '',
    symbol: 'CL',
    help: 'Confidence level of the Poisson (CLs) upper limit.',
  }),
} satisfies Record<string, FieldDef>;

export type ColliderFieldName = keyof typeof COLLIDER_FIELD_DEFS;
export type FixedTargetFieldName = keyof typeof FIXED_TARGET_FIELD_DEFS;

// ── what a field allows, read from its schema ──

/** Everything the shells need about a field: its metadata and what the schema allows. */
export interface FieldInfo {
  group: FieldGroup;
  label: string;
  unit: string;
  help: string;
  /** What the schema allows, in words: `> 0`, `0 < α_D ≤ 1`, `positrons, allLeptons`, `null or 0 < P ≤ 1`, then any relation to other fields. */
  allowed: string;
  /** The field's own range (`allowed` without the relation). */
  range: string;
  /** A constraint between fields (`thetaMin < thetaMax`). */
  relation?: string;
  /** How a control reads the field: a number, a whole number, one of a few words, true/false, or a list of numbers. */
  type: 'number' | 'integer' | 'choice' | 'boolean' | 'list';
  /** The allowed words of a choice field. */
  choices?: readonly string[];
  /** What some of a choice field's words mean (`comptonProfile` → `on shell`), for labels beside them. */
  notes?: Readonly<Record<string, string>>;
  /** Whether `null` is allowed (an empty control). */
  nullable: boolean;
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  flag?: FieldFlag;
}

/** Number formatting for ranges: the shortest text that reads back, powers of ten as `1e12`, `1e-8`. */
const num = (x: number): string => {
  const plain = String(x);
  const exp = x.toExponential().replace('e+', 'e');
  return exp.length < plain.length ? exp : plain;
};

/** Reads a field schema's type and limits through zod's public API. */
export function describeSchema(schema: z.ZodTypeAny): Pick<FieldInfo, 'type' | 'choices' | 'nullable' | 'min' | 'minInclusive' | 'max' | 'maxInclusive'> {
  let s: z.ZodTypeAny = schema;
  let nullable = false;
  for (;;) {
    if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodNullable) {
      nullable = true;
      s = s.unwrap();
    } else if (s instanceof z.ZodOptional) s = s.unwrap();
    else break;
  }
  if (s instanceof z.ZodUnion) {
    // The first form is the one a control or flag types (signalEfficiency: a number; its table goes in a --config file).
    const first = describeSchema((s.options as z.ZodTypeAny[])[0]);
    return { ...first, nullable: nullable || first.nullable };
  }
  if (s instanceof z.ZodBoolean) return { type: 'boolean', choices: ['true', 'false'], nullable };
  if (s instanceof z.ZodArray) return { type: 'list', nullable };
  if (s instanceof z.ZodEnum) return { type: 'choice', choices: [...(s.options as string[])], nullable };
  if (s instanceof z.ZodLiteral) return { type: 'choice', choices: [String(s.value)], nullable };
  if (s instanceof z.ZodNumber) {
    const out: ReturnType<typeof describeSchema> = { type: s.isInt ? 'integer' : 'number', nullable };
    if (s.minValue !== null) {
      out.min = s.minValue;
      out.minInclusive = s.safeParse(s.minValue).success;
    }
    if (s.maxValue !== null) {
      out.max = s.maxValue;
      out.maxInclusive = s.safeParse(s.maxValue).success;
    }
    return out;
  }
  return { type: 'number', nullable };
}

/** The allowed range in words, from the schema's limits. */
function rangeText(d: ReturnType<typeof describeSchema>, symbol: string): string {
  let text: string;
  if (d.type === 'choice' || d.type === 'boolean') text = (d.choices ?? []).join(', ');
  else if (d.type === 'list') text = 'a list of numbers';
  else {
    const lo = d.min === undefined ? undefined : `${num(d.min)} ${d.minInclusive ? '≤' : '<'}`;
    const hi = d.max === undefined ? undefined : `${d.maxInclusive ? '≤' : '<'} ${num(d.max)}`;
    if (lo && hi) text = `${lo} ${symbol} ${hi}`;
    else if (lo) text = `${d.minInclusive ? '≥' : '>'} ${num(d.min as number)}`;
    else if (hi) text = hi;
    else text = 'any number';
    if (d.type === 'integer') text = `a whole number ${text}`;
  }
  return d.nullable ? `null or ${text}` : text;
}

function infoOf(name: string, d: FieldDef): FieldInfo {
  const shape = describeSchema(d.schema);
  const { group, label, unit, help, flag, relation } = d.meta;
  const notes = d.meta.notes;
  const noted = notes && shape.choices ? { ...shape, choices: shape.choices.map((c) => (notes[c] ? `${c} (${notes[c]})` : c)) } : shape;
  const own = rangeText(noted, d.meta.symbol ?? name);
  const range = d.meta.alternative ? `${own}, ${d.meta.alternative}` : own;
  return {
    group,
    label,
    unit,
    help,
    ...shape,
    allowed: relation ? `${range}, ${relation}` : range,
    range,
    ...(relation ? { relation } : {}),
    ...(flag ? { flag } : {}),
    ...(notes ? { notes } : {}),
  };
}

function infoTable<T extends Record<string, FieldDef>>(defs: T): Readonly<Record<keyof T, FieldInfo>> {
  return Object.freeze(Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, Object.freeze(infoOf(k, d))]))) as Record<keyof T, FieldInfo>;
}

/** Every field of a collider: label, unit, group, help, and what the schema allows. */
export const FIELDS = infoTable(COLLIDER_FIELD_DEFS);
/** Every field of a fixed-target experiment (shared ones as in {@link FIELDS}, some relabelled). */
export const FIXED_TARGET_FIELDS = infoTable(FIXED_TARGET_FIELD_DEFS);

/** The `kind` field, which every configuration has (collider by default). */
export const KIND_FIELD: FieldInfo = Object.freeze({
  group: 'collider',
  label: 'Kind of experiment',
  unit: '',
  help: 'collider: an e⁺e⁻ collider whose Bhabha positrons hit the calorimeter (the default); fixedTarget: a lepton beam on a thick active target.',
  allowed: 'collider, fixedTarget',
  range: 'collider, fixedTarget',
  type: 'choice',
  choices: ['collider', 'fixedTarget'],
  nullable: false,
});

/** The field table of a kind of experiment. */
export function fieldTable(kind: Kind): Readonly<Record<string, FieldInfo>> {
  return kind === 'fixedTarget' ? FIXED_TARGET_FIELDS : FIELDS;
}

/** The field names of a kind, in the table's order. */
export function fieldNames(kind: Kind): readonly string[] {
  return kind === 'fixedTarget' ? FIXED_TARGET_FIELD_NAMES : COLLIDER_FIELD_NAMES;
}
const COLLIDER_FIELD_NAMES = Object.freeze(Object.keys(FIELDS));
const FIXED_TARGET_FIELD_NAMES = Object.freeze(Object.keys(FIXED_TARGET_FIELDS));

/** `> 0 ab⁻¹`, `0 < thetaMax < 180 deg, thetaMin < thetaMax`: what a field allows, with its unit. */
export function allowedWithUnit(info: Pick<FieldInfo, 'allowed' | 'unit'> & Partial<Pick<FieldInfo, 'range' | 'relation'>>): string {
  const unit = info.unit ? ` ${info.unit}` : '';
  if (info.range !== undefined && info.relation) return `${info.range}${unit}, ${info.relation}`;
  return `${info.allowed}${unit}`;
}

/**
 * Reads what a user typed for a field (a CLI flag, a form control): an empty
 * nullable field is `null`, a choice is its word (checked later by the
 * schema), anything else must be a plain decimal number.
 * @returns the value, or `undefined` when the text is not a number
 */
export function fieldValueFromText(info: FieldInfo, text: string): { value: unknown } | undefined {
  const t = text.trim();
  if (info.nullable && (t === '' || t === 'null')) return { value: null };
  if (info.type === 'choice') return { value: t };
  if (info.type === 'boolean') return { value: t === 'true' ? true : t === 'false' ? false : t };
  if (info.type === 'list') {
    // comma- or space-separated numbers (bin edges); the schema checks them
    const items = t.split(/[\s,]+/).filter((x) => x !== '').map(parseDecimal);
    return items.some((v) => v === undefined) ? undefined : { value: items };
  }
  const v = parseDecimal(t);
  return v === undefined ? undefined : { value: v };
}

/**
 * What is wrong with a word typed for a field of a few words (a choice or a
 * boolean) that is not one of them, in the schema's one-line form
 * (`config field darkMatter = "wimp" is not allowed (allowed: dirac, …)`);
 * `undefined` when the word is allowed or the field takes no words.
 */
export function choiceProblem(name: string, info: FieldInfo, text: string): string | undefined {
  if (info.type !== 'choice' && info.type !== 'boolean') return undefined;
  const t = text.trim();
  if ((info.nullable && (t === '' || t === 'null')) || (info.choices ?? []).includes(t)) return undefined;
  return `config field ${name} = ${t === '' ? 'empty' : show(t)} is not allowed (allowed: ${allowedWithUnit(info)})`;
}

// ── experiments ──

export { DEFAULT_EXPERIMENT } from './defaultExperiment.js';
/** The built-in experiments, in the library's order. */
export const EXPERIMENT_NAMES: readonly string[] = Object.freeze(Object.keys(EXPERIMENTS));

export const isExperiment = (name: string): boolean => Object.hasOwn(EXPERIMENTS, name);

/** The kind of a built-in experiment (an unknown name is the default experiment's). */
export function kindOf(experiment: string): Kind {
  return (isExperiment(experiment) ? EXPERIMENTS[experiment] : EXPERIMENTS[DEFAULT_EXPERIMENT]).config.kind;
}

/** A field's value in a built-in experiment (undefined when that kind has no such field). */
export function presetValue(experiment: string, field: string): unknown {
  const config = (isExperiment(experiment) ? EXPERIMENTS[experiment] : EXPERIMENTS[DEFAULT_EXPERIMENT]).config as unknown as Record<string, unknown>;
  return config[field];
}

// ── CLI flags of fields ──

/** Every field that has a CLI flag (of either kind), with its flag, in table order. */
export const FIELD_FLAGS: Readonly<Record<string, FieldFlag>> = Object.freeze(
  Object.fromEntries(
    [...Object.entries(FIELDS), ...Object.entries(FIXED_TARGET_FIELDS)].flatMap(([k, f]) => (f.flag ? [[k, f.flag] as const] : [])),
  ),
);
/** The fields with a CLI flag. */
export const FLAG_FIELDS: readonly string[] = Object.freeze(Object.keys(FIELD_FLAGS));

// ── the mass grid ──

/** The log grid's controls (CLI: `--mass-min`, `--mass-max`, `--points`; web: `massMin`, `massMax`, `points`). */
export type GridField = 'massMin' | 'massMax' | 'points';
export const GRID_FIELDS: readonly GridField[] = Object.freeze(['massMin', 'massMax', 'points'] as const);

/**
 * Masses in the default grid: 200, as the CLI always had (Fig. 2 at a
 * resolution that shows its kinks). The web page uses the same default, so a
 * link without `points=` draws the curve `vanish reach` prints.
 */
export const DEFAULT_POINTS = 200;
/** Fewest masses of a grid. */
export const MIN_POINTS = 2;
/**
 * Most masses of a grid, for the CLI and the web page alike: 10 000 (the scan
 * grows linearly, ≈ 0.7 ms per mass, so ≈ 7 s; the page computes in a
 * cancellable worker).
 */
export const MAX_POINTS = 10_000;

/** Label, unit, allowed values and default text of each grid control. */
export const GRID: Readonly<Record<GridField, { label: string; unit: string; allowed: string; default: string; help: string }>> = Object.freeze({
  massMin: {
    label: "Lightest m_A'",
    unit: 'GeV',
    allowed: 'a mass > 0, in GeV or with a unit (66MeV, 500keV)',
    default: '1MeV',
    help: "lightest m_A' of the log grid, GeV or with a unit",
  },
  massMax: {
    label: "Heaviest m_A'",
    unit: 'GeV',
    allowed: 'a mass larger than massMin, in GeV or with a unit',
    default: '1GeV',
    help: "heaviest m_A' of the log grid, GeV or with a unit",
  },
  points: {
    label: 'Masses in the log grid',
    unit: '',
    allowed: `a whole number from ${MIN_POINTS} to ${MAX_POINTS}`,
    default: String(DEFAULT_POINTS),
    help: 'masses in the log grid (the kinematic edges in range are added)',
  },
});

/** Reads a whole number of grid points ({@link MIN_POINTS}…{@link MAX_POINTS}); `param` names it in the error (`--points`, `points`). */
export function parsePoints(text: string, param = 'points'): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(n) && n >= MIN_POINTS && n <= MAX_POINTS)) {
    throw new ConfigError(`${param} ${JSON.stringify(text)} is not allowed: expected a whole number of masses from ${MIN_POINTS} to ${MAX_POINTS}`, 'points');
  }
  return n;
}

/** A log grid as typed: its three texts. */
export type GridText = Record<GridField, string>;

/**
 * Reads a log grid's three texts. Every problem is returned (one per
 * control), each a {@link ConfigError} whose `field` is the grid field;
 * `conflict` says that both masses read but massMax ≤ massMin (told on massMax).
 * @param param how messages name a control (`--mass-min` on the CLI, `massMin` on the page)
 */
export function readGrid(
  text: GridText,
  param: (field: GridField) => string = (f) => f,
): { ok: true; min: number; max: number; points: number } | { ok: false; problems: ConfigError[]; conflict: boolean } {
  const problems: ConfigError[] = [];
  const attempt = <T>(f: GridField, read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(new ConfigError(e.message, f));
      return undefined;
    }
  };
  const min = attempt('massMin', () => parseMass(text.massMin, param('massMin')));
  const max = attempt('massMax', () => parseMass(text.massMax, param('massMax')));
  const conflict = min !== undefined && max !== undefined && !(max > min);
  if (conflict) {
    problems.push(
      new ConfigError(
        `${param('massMax')} ${text.massMax.trim()} is not allowed: it must be larger than ${param('massMin')} ${text.massMin.trim()}`,
        'massMax',
      ),
    );
  }
  const points = attempt('points', () => parsePoints(text.points, param('points')));
  if (problems.length > 0 || min === undefined || max === undefined || points === undefined) return { ok: false, problems, conflict };
  return { ok: true, min, max, points };
}

/** The help line on mass units, for every command and control that takes a mass. */
export const MASS_UNITS_HELP = 'Masses are in GeV, or a number with a unit: 66MeV, 66 MeV, 500keV, 1GeV.';

// ── masses typed without a unit ──

/** A bare number above this (read as GeV) is suspicious where the experiment's reach ends below it: probably MeV. */
export const BARE_MASS_SUSPICIOUS_ABOVE = 20;

/**
 * Whether a mass's text is a bare number (no unit, so GeV) above
 * {@link BARE_MASS_SUSPICIOUS_ABOVE}: the only texts {@link bareMassWarning} may warn about.
 */
export function isSuspiciousBareMass(text: string): boolean {
  const v = parseDecimal(text);
  return v !== undefined && v > BARE_MASS_SUSPICIOUS_ABOVE;
}

/**
 * The warning for a mass typed as a bare number (so read as GeV) above
 * {@link BARE_MASS_SUSPICIOUS_ABOVE} where the experiment cannot make an A′
 * that heavy (its reach ends at `reachEndGeV`, the largest lepton energy in
 * the target): the user probably meant MeV. Otherwise undefined.
 * @param text what the user typed, e.g. `66.7`
 * @param param the parameter's name for the message (`--mass`)
 * @param reachEndGeV the heaviest A′ the experiment can produce, GeV
 * @param experiment the experiment's name for the message
 */
export function bareMassWarning(text: string, param: string, reachEndGeV: number, experiment: string): string | undefined {
  const t = text.trim();
  if (!isSuspiciousBareMass(t) || !(Number(t) > reachEndGeV)) return undefined;
  return (
    `${param} ${t} is read as ${t} GeV, above the heaviest A′ ${experiment} can make (${Number(reachEndGeV.toPrecision(4))} GeV, ` +
    `the largest lepton energy in its target); masses without a unit are GeV: did you mean ${t}MeV?`
  );
}
