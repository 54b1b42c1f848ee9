/**
 * A stand-in for the physics library, for running the CLI in-process: fast,
 * and its numbers depend on the configuration in simple known ways (yields
 * and background ∝ the exposure, as in the paper's Eqs. 11–12) so tests can see overrides take effect.
 * Exposure: lumi / 50 ab⁻¹ for a collider, particlesOnTarget / 2.84e11 for a fixed target.
 */
import type { Library } from '../../cli/library.js';
import type { AnyExperimentConfig } from '../../src/config/schema.js';
import type { ReachPoint } from '../../src/results.js';

const exposure = (c: AnyExperimentConfig) => (c.kind === 'fixedTarget' ? c.particlesOnTarget / 2.84e11 : c.lumi / 50);

const yieldAt = (c: AnyExperimentConfig, m: number) => {
  const scale = exposure(c);
  const annihilation = m > 0.066 && m < 0.082 ? 1e10 * scale : 0;
  const bremsstrahlung = (1e9 * scale * (0.066 / m) ** 2) / c.massRatio;
  return { massGeV: m, annihilation, annihilationError: 0, bremsstrahlung, bremsstrahlungError: 0, radiative: 0, radiativeError: 0 };
};

const background = (c: AnyExperimentConfig) => (c.kind === 'fixedTarget' ? c.backgroundEvents : 94 * exposure(c));
/** Signal events the limit needs: √(Δχ² N_b), or the zero-event Poisson limit −ln(1 − CL). */
const required = (c: AnyExperimentConfig) => (c.kind === 'fixedTarget' ? -Math.log(1 - c.confidenceLevel) : Math.sqrt(c.deltaChi2 * background(c)));

export const fakeLibrary: Library = {
  computeFlux: (c) =>
    c.kind === 'fixedTarget'
      ? { positrons: c.particlesOnTarget, particle: c.beamParticle, energyMinGeV: c.beamEnergy, energyMaxGeV: c.beamEnergy }
      : { positrons: 6e11 * exposure(c), particle: 'e+', energyMinGeV: 4.35, energyMaxGeV: 6.62, sqrtS: 10.58, beta: 3 / 11, crossSectionPb: 1.2e4 },
  computeBackground: (c) =>
    c.kind === 'fixedTarget'
      ? { total: c.backgroundEvents, observedEvents: c.observedEvents, confidenceLevel: c.confidenceLevel, upperLimitEvents: required(c), warnings: [] }
      : {
          photon: { escapeProbability: 4.7e-8, vetoInefficiency: c.photonVetoInefficiency, events: 13 * exposure(c) },
          neutron: { penetrationProbability: 0.01, penetrationFromConfig: false, singleNeutronEvents: 78, multiNeutronEvents: 3, events: 81 * exposure(c) },
          total: background(c),
          warnings: c.energyCut === c.neutronCutFlowEnergyCut ? [] : ['the neutron cut flow was made with another energy cut'],
        },
  computeYield: (c, m) => yieldAt(c, m),
  logGrid: (lo, hi, n) => Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1))),
  computeReach(c, masses, opts = {}) {
    const k = required(c);
    const grid = [...masses, ...(opts.includeEdges !== false ? [0.066, 0.082].filter((e) => e > masses[0] && e < masses[masses.length - 1]) : [])];
    grid.sort((a, b) => a - b);
    const points: ReachPoint[] = grid.map((m, i) => {
      opts.onProgress?.(i + 1, grid.length);
      const y = yieldAt(c, m);
      const eps = (n: number) => (n > 0 ? Math.sqrt(k / n) : Infinity);
      const total = eps(y.annihilation + y.bremsstrahlung + y.radiative);
      const validity = total < 1 ? { valid: true } : { valid: false, note: 'ε90 ≥ 1: not a limit' };
      return { ...y, ...validity, epsilon90: total, epsilon90Annihilation: eps(y.annihilation), epsilon90Bremsstrahlung: eps(y.bremsstrahlung), epsilon90Radiative: eps(y.radiative), epsilon90Counting: eps(y.annihilation + y.bremsstrahlung + y.radiative) };
    });
    const best = points.reduce((a, b) => (b.epsilon90 < a.epsilon90 ? b : a));
    return {
      config: c,
      positrons: c.kind === 'fixedTarget' ? c.particlesOnTarget : 6e11 * exposure(c),
      background: background(c),
      requiredSignal: k,
      points,
      best: { massGeV: best.massGeV, epsilon90: best.epsilon90, valid: best.valid, note: best.note },
      edges: [
        { massGeV: 0.066, label: 'window opens' },
        { massGeV: 0.082, label: 'window closes' },
      ],
      warnings: [],
    };
  },
};
