/**
 * Units and physical constants. Natural units inside vanish: ħ = c = 1 and
 * energies in GeV, so a length is in GeV⁻¹ and an area in GeV⁻². A unit is a
 * multiplier (hepunits style): write `1.86 * cm`, read out with `x / cm`.
 * Every constant names its source.
 */

// ── energy ──────────────────────────────────────────────────────────────────
export const GeV = 1;
export const MeV = 1e-3 * GeV;
export const keV = 1e-6 * GeV;

// ── conversion constants (CODATA 2018, as quoted by PDG 2022 Table 1.1) ─────
/** ħc = 197.3269804 MeV fm (exact to the digits shown, CODATA 2018). */
export const hbarcGeVcm = 1.973269804e-14; // GeV·cm
/** (ħc)² = 0.389379372 GeV² mb (PDG 2022, Table 1.1). */
export const hbarc2GeV2mb = 0.3893793721; // GeV²·mb

// ── lengths, areas, luminosity ──────────────────────────────────────────────
/** One centimetre in GeV⁻¹. */
export const cm = 1 / hbarcGeVcm;
export const m = 100 * cm;
export const cm2 = cm * cm;
export const cm3 = cm2 * cm;
/** One barn = 1e−24 cm² (in GeV⁻²). */
export const barn = 1e-24 * cm2;
export const mb = 1e-3 * barn;
export const pb = 1e-12 * barn;
export const fb = 1e-15 * barn;
export const ab = 1e-18 * barn;
/** Integrated luminosity of 1 ab⁻¹ (in GeV²). */
export const invAb = 1 / ab;
export const invFb = 1 / fb;

// ── amounts ─────────────────────────────────────────────────────────────────
/** Avogadro constant, exact since the 2019 SI redefinition (CODATA 2018). */
export const avogadro = 6.02214076e23; // mol⁻¹
export const gram = 1; // mass density enters only as ρ·N_A/M, in g, cm, mol
export const degree = Math.PI / 180;

// ── particle properties ─────────────────────────────────────────────────────
/** Fine-structure constant α = 1/137.035999084 (CODATA 2018). */
export const alpha = 1 / 137.035999084;
/** Electron mass 0.51099895000 MeV (CODATA 2018). */
export const electronMass = 0.51099895 * MeV;
/** Elementary charge squared in natural units, e² = 4πα. */
export const e2 = 4 * Math.PI * alpha;

// ── heavier leptons and the pions (PDG 2022) ────────────────────────────────
/** Muon mass 105.6583755 MeV (CODATA 2018, PDG 2022). */
export const muonMass = 105.6583755 * MeV;
/** Charged-pion mass 139.57039 MeV (PDG 2022). */
export const chargedPionMass = 139.57039 * MeV;
/** Neutral-pion mass 134.9768 MeV (PDG 2022). */
export const neutralPionMass = 134.9768 * MeV;
