/**
 * Cross-sections of one lepton on one target at one energy and A′ mass, at
 * ε = 1 (every cross-section here scales as ε²): what `vanish cross-section`
 * prints, for checking tools against each other.
 *
 *  - A′-strahlung ℓ N → ℓ N A′ with any model: `ww` (Eq. 13, the seed paper's
 *    Weizsäcker–Williams form with the flux of Eq. 14), `iww` (improved WW,
 *    Liu & Miller 2017) or `etl` (exact tree level, processes/etl.ts), counting
 *    A′ energies from `minEnergy` up to the kinematic end.
 *  - For a positron: resonant annihilation e⁺e⁻ → A′ on the target's atomic
 *    electrons (at rest), Eq. (9) with the width of Eq. (10), Z_eff = Σ ν Z per unit;
 *    and e⁺e⁻ → γA′ on the same electrons (tree level, closed form,
 *    processes/radiativeAnnihilation.ts), counting A′ energies E_A′ = E + m_e − ω ≥ `minEnergy`.
 *
 * The target is an element symbol (per atom) or a material name (per formula
 * unit, Σ over its elements by count). Kinematically closed → 0, not an error.
 */
import { electronMass, pb } from './constants.js';
import { ConfigError, InputLimitError } from './config/schema.js';
import { ELEMENTS, MATERIAL_NAMES, material, type Element } from './materials/materials.js';
import { PERIODIC_TABLE } from './materials/periodicTable.js';
import { annihilationCrossSection, darkPhoton } from './models/darkPhoton.js';
import { DARK_MATTER_MODELS, smallestMassRatio, type DarkMatterModel } from './models/darkMatter.js';
import { bremsstrahlungTotalCrossSection } from './processes/bremsstrahlung.js';
import { etlTotalCrossSection } from './processes/etl.js';
import { radiativeCrossSectionBetween, radiativeKinematics } from './processes/radiativeAnnihilation.js';

export type BremsstrahlungModel = 'ww' | 'iww' | 'etl';

export interface CrossSectionRequest {
  model: BremsstrahlungModel;
  /** An element symbol (Pb, W, …) or a material name (CsI, NA64-ECAL, …). */
  target: string;
  beamParticle: 'e-' | 'e+';
  /** Lepton energy, GeV. */
  beamEnergy: number;
  /** A′ mass, GeV. */
  mass: number;
  /** Smallest A′ energy counted, GeV (default: the mass). */
  minEnergy?: number;
  /** Dark coupling and m_A′/m_χ, for the annihilation width (Eq. 10); defaults 0.1 and 3 (NA64's benchmark). */
  alphaD?: number;
  massRatio?: number;
  /** The dark matter the A′ decays to (default dirac, Eq. 8) and the pseudo-Dirac splitting δ (default 0.1). */
  darkMatter?: DarkMatterModel;
  massSplitting?: number;
  /** Relative tolerance of the quadrature (default 1e−4). */
  relTol?: number;
}

export interface ChannelCrossSection {
  channel: 'bremsstrahlung' | 'annihilation' | 'radiative';
  description: string;
  crossSectionPb: number;
  crossSectionError: number;
}

export interface CrossSectionResult {
  model: BremsstrahlungModel;
  target: string;
  targetKind: 'element' | 'material';
  /** What the cross-section is per: one atom or one formula unit of the material. */
  per: string;
  beamParticle: 'e-' | 'e+';
  beamEnergyGeV: number;
  massGeV: number;
  minEnergyGeV: number;
  epsilon: 1;
  /** A′-strahlung cross-section, pb. */
  crossSectionPb: number;
  crossSectionError: number;
  /** Every channel that exists for this lepton (A′-strahlung first). */
  channels: ChannelCrossSection[];
}

/** Resolves a target name: an element symbol (case as written, e.g. Pb) or a material name. */
export function resolveTarget(name: string): {
  kind: 'element' | 'material';
  composition: ReadonlyArray<{ element: Element; count: number }>;
} {
  const known = (ELEMENTS as Record<string, Element>)[name] ?? PERIODIC_TABLE[name];
  if (known) return { kind: 'element', composition: [{ element: known, count: 1 }] };
  if (MATERIAL_NAMES.includes(name)) return { kind: 'material', composition: material(name).composition };
  throw new ConfigError(
    `target ${JSON.stringify(name)} is not allowed (allowed: an element symbol H … Cf, e.g. Pb, or a material: ${MATERIAL_NAMES.join(', ')})`,
    'target',
  );
}

const finitePositive = (x: number) => Number.isFinite(x) && x > 0;

/** The cross-sections of a request; throws {@link ConfigError} for values that are not allowed. */
export function crossSection(req: CrossSectionRequest): CrossSectionResult {
  const { model, beamParticle, beamEnergy: E, mass: m } = req;
  if (!['ww', 'iww', 'etl'].includes(model)) {
    throw new ConfigError(`model ${JSON.stringify(model)} is not allowed (allowed: ww, iww, etl)`, 'model');
  }
  if (beamParticle !== 'e-' && beamParticle !== 'e+') {
    throw new ConfigError(`beam particle ${JSON.stringify(beamParticle)} is not allowed (allowed: e-, e+)`, 'beamParticle');
  }
  if (!finitePositive(m)) throw new ConfigError(`mass ${m} is not allowed (allowed: > 0 GeV)`, 'mass');
  if (!finitePositive(E) || !(E > electronMass)) {
    throw new ConfigError(`beam energy ${E} is not allowed (allowed: above the electron mass, ${electronMass} GeV)`, 'beamEnergy');
  }
  if (!(E - electronMass > m)) {
    throw new ConfigError(
      `mass ${m} is not allowed at beam energy ${E} GeV (allowed: below the kinematic limit E − m_e = ${E - electronMass} GeV)`,
      'mass',
    );
  }
  const minEnergy = req.minEnergy ?? m;
  if (!(Number.isFinite(minEnergy) && minEnergy >= 0)) {
    throw new ConfigError(`minimum A′ energy ${minEnergy} is not allowed (allowed: ≥ 0 GeV)`, 'minEnergy');
  }
  const alphaD = req.alphaD ?? 0.1;
  const massRatio = req.massRatio ?? 3;
  if (!(alphaD > 0 && alphaD <= 1)) throw new ConfigError(`alphaD ${alphaD} is not allowed (allowed: 0 < α_D ≤ 1)`, 'alphaD');
  const darkMatter = req.darkMatter ?? 'dirac';
  const massSplitting = req.massSplitting ?? 0.1;
  if (!DARK_MATTER_MODELS.includes(darkMatter)) {
    throw new ConfigError(`darkMatter ${JSON.stringify(darkMatter)} is not allowed (allowed: ${DARK_MATTER_MODELS.join(', ')})`, 'darkMatter');
  }
  if (!(massSplitting > 0 && massSplitting < 1)) {
    throw new ConfigError(`massSplitting ${massSplitting} is not allowed (allowed: 0 < δ < 1, a splitting between 0 and m_χ)`, 'massSplitting');
  }
  const least = smallestMassRatio({ darkMatter, massSplitting });
  if (!(massRatio > least && Number.isFinite(massRatio))) {
    throw new ConfigError(`massRatio ${massRatio} is not allowed for darkMatter ${darkMatter} (allowed: > ${least}, A′ → dark pair open)`, 'massRatio');
  }
  const relTol = req.relTol ?? 1e-4;
  const target = resolveTarget(req.target);

  // A′-strahlung, per formula unit
  let value = 0;
  let error = 0;
  const eMin = Math.max(minEnergy, m);
  if (model === 'etl') {
    const r = etlTotalCrossSection(target.composition, E, m, eMin, { relTol });
    // open kinematics with a positive integrand: a zero is the numerics failing (A′ near the beam energy), not σ
    if (E - electronMass > eMin && !(r.value > 0)) {
      throw new InputLimitError(
        `mass ${m} GeV is not allowed for the etl model at ${E} GeV: its phase-space integral cannot resolve the allowed region (it vanished although kinematics allows E_A′ from ${eMin} GeV); iww serves it`,
        'mass',
      );
    }
    value = r.value;
    error = r.error + relTol * Math.abs(r.value);
  } else {
    for (const { element, count } of target.composition) {
      const xMin = eMin / E;
      value += count * (xMin < 1 ? bremsstrahlungTotalCrossSection(element, m, E, model, xMin, relTol) : 0);
    }
    error = relTol * value;
  }
  const channels: ChannelCrossSection[] = [
    {
      channel: 'bremsstrahlung',
      description: `A′-strahlung ${beamParticle} N → ${beamParticle} N A′ (${model}), E_A′ ≥ ${eMin} GeV`,
      crossSectionPb: value / pb,
      crossSectionError: error / pb,
    },
  ];
  if (beamParticle === 'e+') {
    // resonant annihilation on the electrons at rest: s = 2m_e(E + m_e), Z electrons per atom
    const electrons = target.composition.reduce((s, c) => s + c.count * c.element.Z, 0);
    const s = 2 * electronMass * (E + electronMass);
    // the A′ takes the whole energy E + m_e: counted unless E_A′ ≥ eMin excludes it
    const sigma = eMin <= E + electronMass ? electrons * annihilationCrossSection(darkPhoton(m, alphaD, massRatio, { darkMatter, massSplitting }), s) : 0;
    const count = Number(electrons.toPrecision(6));
    channels.push({
      channel: 'annihilation',
      description: `resonant annihilation e+ e− → A′ on the target's ${count} electrons at rest (Eq. 9, ${darkMatter} χ, α_D = ${alphaD}, m_A′/m_χ = ${massRatio})`,
      crossSectionPb: sigma / pb,
      crossSectionError: 0,
    });
    // e⁺e⁻ → γA′ on the same electrons: the A′ takes E + m_e − ω, so E_A′ ≥ eMin is ω ≤ E + m_e − eMin
    const k = radiativeKinematics(E, m);
    const radiative = k ? electrons * radiativeCrossSectionBetween(k, m, k.omegaMin, E + electronMass - eMin) : 0;
    channels.push({
      channel: 'radiative',
      description: `e+ e− → γ A′ on the target's ${count} electrons at rest (tree level), E_A′ ≥ ${eMin} GeV`,
      crossSectionPb: radiative / pb,
      crossSectionError: 0, // closed form
    });
  }
  return {
    model,
    target: req.target,
    targetKind: target.kind,
    per: target.kind === 'element' ? 'atom' : 'formula unit',
    beamParticle,
    beamEnergyGeV: E,
    massGeV: m,
    minEnergyGeV: minEnergy,
    epsilon: 1,
    crossSectionPb: value / pb,
    crossSectionError: error / pb,
    channels,
  };
}
