/**
 * Target materials: composition, density, radiation length X0 and nuclear
 * interaction length λ_I, with the number densities the yields need.
 *
 * Source for the bulk values: PDG, "Atomic and Nuclear Properties of Materials"
 * (pdg.lbl.gov/AtomicNuclearProperties), entry "Cesium iodide (CsI)":
 * ρ = 4.510 g/cm³, X0 = 8.39 g/cm² (1.860 cm, the paper's 1.86 cm [56]),
 * λ_I = 171.5 g/cm² (38.04 cm). Atomic weights: CIAAW 2021 standard atomic
 * weights (Cs 132.90545196, I 126.90447).
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
  Cs: { symbol: 'Cs', Z: 55, A: 133, atomicWeight: 132.90545196 },
  I: { symbol: 'I', Z: 53, A: 127, atomicWeight: 126.90447 },
} as const satisfies Record<string, Element>;

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
