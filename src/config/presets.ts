/**
 * Built-in experiment presets. `belle2` is the analysis of Liang, Liu & Yang,
 * "A new channel to search for dark matter at Belle II" (the seed paper), each
 * value with where it comes from.
 */
import type { ExperimentConfig } from './schema.js';

export const belle2: ExperimentConfig = {
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
  signalEfficiency: 1, // the paper applies no further efficiency
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
  deltaChi2: 2.71, // N_s/√N_b = √2.71, 90% CL (paper Sec. V, [45])
};

export const PRESETS: Record<string, ExperimentConfig> = { belle2 };
