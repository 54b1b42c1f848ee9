/**
 * Target materials: composition, density, radiation length X0 and nuclear
 * interaction length λ_I, with the number densities the yields need.
 *
 * Sources (each material also names its own):
 *  - PDG, "Atomic and Nuclear Properties of Materials" (pdg.lbl.gov/AtomicNuclearProperties):
 *    CsI ρ = 4.510 g/cm³, X0 = 8.39 g/cm² (1.860 cm, the paper's 1.86 cm [56]),
 *    λ_I = 171.5 g/cm² (38.04 cm); Pb ρ = 11.35, X0 = 6.37, λ_I = 199.6 g/cm²;
 *    W ρ = 19.30, X0 = 6.76, λ_I = 191.9 g/cm²; PbWO4 X0 = 7.39; BGO X0 = 7.97 g/cm².
 *  - PDG Review of Particle Physics, "Particle detectors at accelerators", table
 *    "Properties of several inorganic crystal scintillators": densities and λ_I (cm)
 *    of BGO (7.13 g/cm³, 22.8 cm), PbWO4 (8.30, 20.7 cm), LSO(Ce) (7.40, X0 1.14 cm, 20.9 cm).
 *  - Standard atomic weights: CIAAW/IUPAC 2021.
 * The yields need X0, n_e and the nuclei per formula unit; λ_I enters only the
 * neutron background (Eq. 7).
 */
import { avogadro, cm, cm3 } from '../constants.js';

export interface Element {
  symbol: string;
  /** Atomic number. */
  Z: number;
  /** Mass number used in the nuclear form factor of Eq. 14 (the paper: 127 for I, 133 for Cs). */
  A: number;
  /** Standard atomic weight, g/mol. */
  atomicWeight: number;
}

export interface MaterialSpec {
  name: string;
  /** Elements and how many atoms of each per formula unit. */
  composition: ReadonlyArray<{ element: Element; count: number }>;
  /** Mass density, g/cm³. */
  density: number;
  /** Radiation length, g/cm². */
  radiationLengthGcm2: number;
  /** Nuclear interaction length, g/cm². */
  interactionLengthGcm2: number;
  source: string;
}

/** A material with the derived quantities in natural units (GeV powers). */
export interface Material extends MaterialSpec {
  /** Radiation length X0 in GeV⁻¹. */
  X0: number;
  /** Nuclear interaction length λ_I in GeV⁻¹. */
  lambdaI: number;
  /** Electron number density n_e in GeV³. */
  electronDensity: number;
  /** Number density of formula units (e.g. CsI molecules) in GeV³; n_N of Eq. 12. */
  unitDensity: number;
}

export const ELEMENTS = {
  H: { symbol: 'H', Z: 1, A: 1, atomicWeight: 1.008 },
  C: { symbol: 'C', Z: 6, A: 12, atomicWeight: 12.011 },
  O: { symbol: 'O', Z: 8, A: 16, atomicWeight: 15.999 },
  Si: { symbol: 'Si', Z: 14, A: 28, atomicWeight: 28.085 },
  Ge: { symbol: 'Ge', Z: 32, A: 73, atomicWeight: 72.63 },
  Y: { symbol: 'Y', Z: 39, A: 89, atomicWeight: 88.90584 },
  I: { symbol: 'I', Z: 53, A: 127, atomicWeight: 126.90447 },
  Cs: { symbol: 'Cs', Z: 55, A: 133, atomicWeight: 132.90545196 },
  Lu: { symbol: 'Lu', Z: 71, A: 175, atomicWeight: 174.9668 },
  W: { symbol: 'W', Z: 74, A: 184, atomicWeight: 183.84 },
  Pb: { symbol: 'Pb', Z: 82, A: 207, atomicWeight: 207.2 },
  Bi: { symbol: 'Bi', Z: 83, A: 209, atomicWeight: 208.9804 },
} as const satisfies Record<string, Element>;

const E = ELEMENTS;
const one = (element: Element, count = 1) => ({ element, count });

/**
 * The NA64 ECAL as an effective medium: Shashlik modules of Pb and plastic
 * scintillator (Sc, polystyrene C8H8), ≈ 40 X0 (NA64, PRL 123 (2019) 121801; PRD 97
 * (2018) 072002). Assumed layer structure 1.5 mm Pb + 1.5 mm Sc (not confirmed
 * from a published table): Pb mass fraction 0.915, ρ = 6.20 g/cm³,
 * 1/X0 = Σ w_j/X0_j = 6.87 g/cm² (1.107 cm; 150 layers = 40.6 X0, matching ≈ 40 X0),
 * λ_I ≈ 175.7 g/cm². Per formula unit: 5.41 Pb atoms per C8H8 (mass ratio 0.915 : 0.085).
 */
const NA64_PB_PER_STYRENE = (0.915 / 207.2) / (0.085 / 104.15);

const SPECS: Record<string, MaterialSpec> = {
  CsI: {
    name: 'CsI',
    composition: [
      { element: ELEMENTS.Cs, count: 1 },
      { element: ELEMENTS.I, count: 1 },
    ],
    density: 4.51,
    radiationLengthGcm2: 8.39,
    interactionLengthGcm2: 171.5,
    source: 'PDG Atomic and Nuclear Properties of Materials, "Cesium iodide (CsI)"',
  },
  BGO: {
    name: 'BGO',
    composition: [one(E.Bi, 4), one(E.Ge, 3), one(E.O, 12)],
    density: 7.13,
    radiationLengthGcm2: 7.97,
    interactionLengthGcm2: 22.8 * 7.13,
    source: 'PDG Atomic and Nuclear Properties ("Bismuth germanate (BGO)") for X0; PDG crystal-scintillator table for ρ and λ_I = 22.8 cm',
  },
  PbWO4: {
    name: 'PbWO4',
    composition: [one(E.Pb), one(E.W), one(E.O, 4)],
    density: 8.3,
    radiationLengthGcm2: 7.39,
    interactionLengthGcm2: 20.7 * 8.3,
    source: 'PDG Atomic and Nuclear Properties ("Lead tungstate") for X0; PDG crystal-scintillator table for ρ and λ_I = 20.7 cm',
  },
  LYSO: {
    name: 'LYSO',
    composition: [one(E.Lu, 1.8), one(E.Y, 0.2), one(E.Si), one(E.O, 5)],
    density: 7.1,
    radiationLengthGcm2: 8.67,
    interactionLengthGcm2: 20.9 * 7.1,
    source:
      'Lu1.8Y0.2SiO5 (commercial LYSO, ρ ≈ 7.1 g/cm³); X0 from the PDG formula for the compound; λ_I = 20.9 cm from the PDG LSO(Ce) column',
  },
  Pb: {
    name: 'Pb',
    composition: [one(E.Pb)],
    density: 11.35,
    radiationLengthGcm2: 6.37,
    interactionLengthGcm2: 199.6,
    source: 'PDG Atomic and Nuclear Properties of Materials, "Lead (Pb)"',
  },
  W: {
    name: 'W',
    composition: [one(E.W)],
    density: 19.3,
    radiationLengthGcm2: 6.76,
    interactionLengthGcm2: 191.9,
    source: 'PDG Atomic and Nuclear Properties of Materials, "Tungsten (W)"',
  },
  'NA64-ECAL': {
    name: 'NA64-ECAL',
    composition: [one(E.Pb, NA64_PB_PER_STYRENE), one(E.C, 8), one(E.H, 8)],
    density: 6.2,
    radiationLengthGcm2: 6.87,
    interactionLengthGcm2: 175.7,
    source: 'NA64 Shashlik Pb/Sc ECAL (≈ 40 X0, PRL 123 (2019) 121801) as an effective medium; 1.5 mm Pb + 1.5 mm Sc layers assumed',
  },
};

export const MATERIAL_NAMES: readonly string[] = Object.keys(SPECS);

/** Builds the derived quantities of a material specification. */
export function makeMaterial(spec: MaterialSpec): Material {
  const molarMass = spec.composition.reduce((s, c) => s + c.count * c.element.atomicWeight, 0); // g/mol
  const electronsPerUnit = spec.composition.reduce((s, c) => s + c.count * c.element.Z, 0);
  const unitsPerCm3 = (spec.density * avogadro) / molarMass;
  return {
    ...spec,
    X0: (spec.radiationLengthGcm2 / spec.density) * cm,
    lambdaI: (spec.interactionLengthGcm2 / spec.density) * cm,
    unitDensity: unitsPerCm3 / cm3,
    electronDensity: (unitsPerCm3 * electronsPerUnit) / cm3,
  };
}

const cache = new Map<string, Material>();

/** The material called `name` (see {@link MATERIAL_NAMES}). */
export function material(name: string): Material {
  let m = cache.get(name);
  if (!m) {
    const spec = SPECS[name];
    if (!spec) throw new Error(`unknown material "${name}" (known: ${MATERIAL_NAMES.join(', ')})`);
    m = makeMaterial(spec);
    cache.set(name, m);
  }
  return m;
}
