/**
 * Uncertainties of the inputs and their effect on the expected limit, by
 * sampling (a fixed seed, so results are reproducible).
 *
 * Why sampling, not profiling: the question a projection's band answers is "how
 * far could this curve move if the inputs are what we think within their
 * uncertainties" — the spread of the expected limit over the inputs — which a
 * profile likelihood folds into one, wider, median instead. The inputs that carry
 * uncertainties act on the limit in closed form: the background-side fields
 * change N_b (recomputed per sample, Eqs. 6–7; microseconds), and the exposure
 * and efficiency scale every yield by one factor (Eqs. 11–12 are linear in the
 * lepton count and the efficiency). So each sample moves ε(m) by one factor
 * f = √(s_i / (s₀ · k_i)), whatever the mass (s the required signal, k the yield
 * scale), and the band is the quantiles of f times the curve — exact, not an
 * interpolation. Fields that would change the shape of the yields (α_D, depths,
 * cuts) are left to `vanish scan`.
 *
 * Input models: `poisson` for a count of simulated events k (the neutron cut
 * flow's 13 and 51): the true rate is Gamma(k) distributed (the Poisson posterior
 * for a 1/μ prior: mean k, variance k); `relative r`: log-normal around the value
 * with σ_ln = ln(1 + r), i.e. ±1σ multiplies or divides by 1 + r (stays positive),
 * capped at the field's physical maximum (an efficiency or probability ≤ 1; a mass-dependent
 * efficiency table is scaled as a whole, uncapped).
 * Pure and browser-safe.
 */
import { ConfigError, type AnyExperimentConfig, type ExperimentConfig, type FixedTargetConfig } from '../config/schema.js';
import { neutronBackground } from '../backgrounds/neutron.js';
import { backgroundFor } from '../backgrounds/index.js';
import { material } from '../materials/materials.js';
import { leptonSource } from '../yields/context.js';
import { BAND_QUANTILES, colliderSignalAt, poissonQuantile, quantileSorted } from './bands.js';
import { requiredSignalFor } from './expectedLimit.js';
import { poissonUpperLimit } from './poisson.js';
import { seededRandom } from './random.js';

export type UncertaintyKind = 'poisson' | 'relative';

export interface InputUncertainty {
  field: string;
  kind: UncertaintyKind;
  /** The relative uncertainty r of a `relative` input. */
  relative?: number;
}

interface Uncertain {
  /** What the field acts on. */
  role: 'background' | 'exposure' | 'efficiency';
  /** A count of simulated events (may be `poisson`). */
  count?: boolean;
  /** The largest value the field may take. */
  max?: number;
}

/** The fields that may carry an uncertainty, per kind of experiment. */
export const UNCERTAIN_FIELDS: Record<AnyExperimentConfig['kind'], Record<string, Uncertain>> = {
  collider: {
    lumi: { role: 'exposure' },
    signalEfficiency: { role: 'efficiency', max: 1 },
    photonVetoInefficiency: { role: 'background', max: 1 },
    neutronSingleEvents: { role: 'background', count: true },
    neutronMultiEvents: { role: 'background', count: true },
    neutronSimulatedPositrons: { role: 'background' },
    neutronPenetration: { role: 'background', max: 1 },
    klmInteractionLengths: { role: 'background' },
  },
  fixedTarget: {
    particlesOnTarget: { role: 'exposure' },
    signalEfficiency: { role: 'efficiency', max: 1 },
    backgroundEvents: { role: 'background' },
  },
};

/**
 * The uncertainties used when none are given: for a collider, the two GEANT4
 * neutron counts are Poisson counts (13 and 51 events in the paper, Sec. IV) and
 * the photon veto inefficiency is the BaBar IFR value, which the paper calls a
 * conservative estimate of the KLM's (better by up to a factor 10, Sec. IV): a
 * factor 2 (r = 1) either way. A fixed target has none by default (give them).
 */
export function defaultUncertainties(config: AnyExperimentConfig): InputUncertainty[] {
  if (config.kind === 'fixedTarget') return [];
  return [
    { field: 'neutronSingleEvents', kind: 'poisson' },
    { field: 'neutronMultiEvents', kind: 'poisson' },
    { field: 'photonVetoInefficiency', kind: 'relative', relative: 1 },
  ];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads `FIELD=poisson`, `FIELD=R` (relative, e.g. 0.3 or 30%) or `FIELD=none`
 * (drops a default) for an experiment; `flag` names the option in messages.
 */
export function parseUncertainty(text: string, config: AnyExperimentConfig, flag = '--uncertainty'): InputUncertainty | { field: string; kind: 'none' } {
  const allowed = UNCERTAIN_FIELDS[config.kind];
  const eq = text.indexOf('=');
  const help = `expected FIELD=poisson, FIELD=R (a relative uncertainty such as 0.3 or 30%) or FIELD=none, FIELD one of ${Object.keys(allowed).join(', ')}`;
  if (eq <= 0) throw new ConfigError(`${flag} ${JSON.stringify(text)} is not allowed: ${help}`);
  const field = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const info = Object.hasOwn(allowed, field) ? allowed[field] : undefined;
  if (!info) {
    throw new ConfigError(
      `${flag} ${text} is not allowed: ${field} cannot carry an uncertainty here (allowed: ${Object.keys(allowed).join(', ')}; fields that change the shape of the yields are varied with vanish scan)`,
      field,
    );
  }
  if (spec === 'none') return { field, kind: 'none' };
  if (spec === 'poisson') {
    if (!info.count) throw new ConfigError(`${flag} ${text} is not allowed: poisson is for counts of simulated events (neutronSingleEvents, neutronMultiEvents); give ${field} a relative uncertainty`, field);
    return { field, kind: 'poisson' };
  }
  const pct = spec.endsWith('%');
  const num = pct ? spec.slice(0, -1).trim() : spec;
  const r = NUMBER.test(num) ? Number(num) / (pct ? 100 : 1) : NaN;
  if (!(Number.isFinite(r) && r > 0 && r <= 10)) throw new ConfigError(`${flag} ${text} is not allowed: ${help} (a relative uncertainty lies in (0, 10])`, field);
  if (field === 'neutronPenetration' && config.kind === 'collider' && config.neutronPenetration === null) {
    throw new ConfigError(`${flag} ${text} is not allowed: neutronPenetration is computed from Eq. 7 here (null); set it in the configuration first, or give klmInteractionLengths an uncertainty`, field);
  }
  return { field, kind: 'relative', relative: r };
}

/** The defaults of an experiment changed by the given specs (one per field: a field given twice is a ConfigError). */
export function resolveUncertainties(config: AnyExperimentConfig, given: readonly (InputUncertainty | { field: string; kind: 'none' })[], flag = '--uncertainty'): InputUncertainty[] {
  const map = new Map<string, InputUncertainty | { field: string; kind: 'none' }>();
  for (const u of defaultUncertainties(config)) map.set(u.field, u);
  const seen = new Set<string>();
  for (const u of given) {
    if (seen.has(u.field)) throw new ConfigError(`${flag} ${u.field}=… is given twice: give each field's uncertainty once`, u.field);
    seen.add(u.field);
    map.set(u.field, u);
  }
  return [...map.values()].filter((u): u is InputUncertainty => u.kind !== 'none');
}

export interface SystematicsOptions {
  uncertainties: readonly InputUncertainty[];
  /** Number of samples (default 4000). */
  samples?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Also fluctuate the observation (the statistical band), sample by sample. */
  statistical?: boolean;
}

export interface SystematicsBand {
  /** f at −2σ, −1σ, median, +1σ, +2σ: ε_N(m) = f_N ε(m). */
  factors: number[];
  samples: number;
  seed: number;
}

/**
 * N_b of a configuration that differs from `config` only in fields that may carry
 * an uncertainty, without redoing Eq. 6's integral: the photon escape probability
 * depends on none of them, and the neutron term is Eq. 7's closed form
 * (src/backgrounds/neutron.ts) with the interaction lengths shifted by the KLM's change.
 */
function fastBackground(config: AnyExperimentConfig, leptons0: number, energyMin: number): (c: AnyExperimentConfig, leptons: number) => number {
  const base = backgroundFor(config, leptons0, material(config.material), energyMin);
  if (config.kind === 'fixedTarget' || !('photon' in base)) return (c) => (c as FixedTargetConfig).backgroundEvents;
  const escape = base.photon.escapeProbability;
  // Eq. 7 lengths of the base (the rest of the ECL plus the KLM), recovered from its P when P was computed.
  const lengths0 = config.neutronPenetration === null ? -Math.log(base.neutron.penetrationProbability) : 0;
  return (c, leptons) => {
    const k = c as ExperimentConfig;
    const lengths = config.neutronPenetration === null ? lengths0 + (k.klmInteractionLengths - config.klmInteractionLengths) : 0;
    const n = neutronBackground(leptons, k.neutronSimulatedPositrons, k.neutronSingleEvents, k.neutronMultiEvents, lengths, k.neutronPenetration);
    return leptons * escape * k.photonVetoInefficiency + n.events;
  };
}

/** The quantiles of the factor by which the limit moves when the inputs (and, if asked, the observation) fluctuate. */
export function systematicsBand(config: AnyExperimentConfig, opts: SystematicsOptions): SystematicsBand {
  const samples = opts.samples ?? 4000;
  const seed = opts.seed ?? 1;
  if (!(Number.isSafeInteger(samples) && samples >= 10)) throw new RangeError(`samples must be a whole number ≥ 10, got ${samples}`);
  const table = UNCERTAIN_FIELDS[config.kind];
  for (const u of opts.uncertainties) {
    if (!Object.hasOwn(table, u.field)) throw new ConfigError(`${u.field} cannot carry an uncertainty for a ${config.kind}`, u.field);
  }
  const rng = seededRandom(seed);
  const source = leptonSource(config);
  const values = config as unknown as Record<string, number>;
  const background = fastBackground(config, source.total, source.energyMin);
  const s0 = requiredSignalFor(config, background(config, source.total));
  const exposureField = config.kind === 'fixedTarget' ? 'particlesOnTarget' : 'lumi';
  const f: number[] = [];
  for (let i = 0; i < samples; i++) {
    const changed: Record<string, number> = {};
    // The efficiency multiplies every yield (a number, or a table over the mass scaled as a whole).
    let efficiency = 1;
    for (const u of opts.uncertainties) {
      const k = u.kind === 'relative' ? Math.exp(Math.log(1 + (u.relative as number)) * rng.normal()) : 1;
      if (u.field === 'signalEfficiency') {
        const e = config.signalEfficiency;
        efficiency = typeof e === 'number' ? Math.min(e * k, 1) / e : k;
        continue;
      }
      const v = values[u.field];
      const x = u.kind === 'poisson' ? (v > 0 ? rng.gamma(v) : 0) : v * k;
      const max = table[u.field].max;
      changed[u.field] = max !== undefined ? Math.min(x, max) : x;
    }
    const c = { ...config, ...changed } as AnyExperimentConfig;
    // Yields and the lepton count scale with the exposure (Eqs. 3–4, 11–12).
    const exposure = exposureField in changed ? changed[exposureField] / values[exposureField] : 1;
    const leptons = source.total * exposure;
    const b = background(c, leptons);
    const scale = exposure * efficiency;
    let s: number;
    if (!opts.statistical) s = requiredSignalFor(c, b);
    else if (c.kind === 'fixedTarget' || c.statistics === 'cls') s = poissonUpperLimit(poissonQuantile(rng.uniform(), b), b, c.confidenceLevel);
    else s = colliderSignalAt(b, c.deltaChi2, rng.normal());
    f.push(Math.sqrt(s / (s0 * scale)));
  }
  f.sort((a, b) => a - b);
  return { factors: BAND_QUANTILES.map((q) => quantileSorted(f, q)), samples, seed };
}
