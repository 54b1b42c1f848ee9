/**
 * Property-based tests over the configuration space and the mass range
 * (issue 10, item 7), with fast-check and a fixed seed so CI is reproducible:
 *  - for random valid configurations (every built-in experiment as the base,
 *    fields drawn across the schema's allowed ranges) and random masses, every
 *    output is finite, non-negative and deterministic, every error estimate is at
 *    most its value (or the value is exactly 0 ± 0), ε90 is ≥ 0 and marked when it
 *    means nothing — or the library throws one ConfigError line naming the input;
 *  - for random invalid configurations, the one-line error names the field;
 *  - the Poisson CLs limit solves its defining equation for any count.
 * Runs are few and ranges wide: the point is to find any corner, not to time it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breathe } from '../breathe.js';
import {
  ConfigError,
  EXPERIMENTS,
  computeBackground,
  computeFlux,
  computeReach,
  parseAnyConfig,
  withOverridesFromInput,
  type AnyExperimentConfig,
} from '../../src/index.js';
import { logCls, poissonUpperLimit } from '../../src/statistics/poisson.js';

const SEED = 20261201;
const NAMES = Object.keys(EXPERIMENTS);

/** A number spread evenly in log between lo and hi. */
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((l) => Math.min(hi, Math.max(lo, Math.exp(l))));

/** Overrides within the schema's ranges, for either kind (fields of the other kind are dropped per base). */
const common = {
  energyCut: logUniform(1e-6, 0.99),
  alphaD: logUniform(1e-8, 1),
  massRatio: fc.oneof(logUniform(2.001, 1e3), fc.constant(3)),
  calorimeterDepth: logUniform(2, 60),
  bremsstrahlungDepth: logUniform(0.05, 60),
  bremsstrahlungTracks: fc.constantFrom('positrons', 'allLeptons'),
  bremsstrahlungModel: fc.constantFrom('ww', 'iww'),
  signalEfficiency: logUniform(1e-3, 1),
};
const colliderFields = {
  ...common,
  electronBeamEnergy: logUniform(1, 20),
  positronBeamEnergy: logUniform(1, 20),
  lumi: logUniform(1e-9, 1e12),
  thetaMin: fc.double({ min: 10, max: 60, noNaN: true }),
  thetaMax: fc.double({ min: 100, max: 170, noNaN: true }),
  photonVetoInefficiency: logUniform(1e-6, 1),
  klmInteractionLengths: fc.double({ min: 0, max: 10, noNaN: true }),
  neutronPenetration: fc.oneof(fc.constant(null), logUniform(1e-4, 1)),
  deltaChi2: logUniform(0.1, 10),
};
const fixedFields = {
  ...common,
  beamEnergy: logUniform(0.1, 1000),
  particlesOnTarget: logUniform(1, 1e25),
  backgroundEvents: logUniform(1e-3, 1e6),
  observedEvents: fc.integer({ min: 0, max: 1000 }),
  confidenceLevel: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  beamParticle: fc.constantFrom('e-', 'e+'),
};

const validConfig = fc
  .record({
    name: fc.constantFrom(...NAMES),
    collider: fc.record(colliderFields, { requiredKeys: [] }),
    fixed: fc.record(fixedFields, { requiredKeys: [] }),
  })
  .map(({ name, collider, fixed }) => {
    const base = EXPERIMENTS[name].config;
    const overrides = base.kind === 'fixedTarget' ? fixed : collider;
    return { name, overrides };
  });

function userError(e: unknown): ConfigError {
  expect(e).toBeInstanceOf(ConfigError);
  const message = (e as Error).message;
  expect(message).not.toMatch(/\n/);
  expect((e as ConfigError).field).toBeTruthy();
  return e as ConfigError;
}

function checkReach(config: AnyExperimentConfig, masses: number[]) {
  let r;
  try {
    r = computeReach(config, masses, { includeEdges: false });
  } catch (e) {
    userError(e); // a one-line error naming the input is an allowed outcome
    return;
  }
  for (const x of [r.positrons, r.background, r.requiredSignal]) expect(Number.isFinite(x) && x >= 0).toBe(true);
  for (const p of r.points) {
    for (const [v, err] of [
      [p.annihilation, p.annihilationError],
      [p.bremsstrahlung, p.bremsstrahlungError],
    ]) {
      expect(Number.isFinite(v) && v >= 0, `yield ${v} at ${p.massGeV}`).toBe(true);
      expect(Number.isFinite(err) && err >= 0, `error ${err} at ${p.massGeV}`).toBe(true);
      if (v === 0) expect(err).toBe(0);
      else expect(err, `error ${err} > value ${v} at ${p.massGeV} GeV`).toBeLessThanOrEqual(v);
    }
    for (const e of [p.epsilon90, p.epsilon90Annihilation, p.epsilon90Bremsstrahlung]) expect(e >= 0).toBe(true);
    if (!Number.isFinite(p.epsilon90) || p.epsilon90 >= 1) expect(p.valid).toBe(false);
    if (!p.valid) expect(p.note).toBeTruthy();
  }
  expect(r.best.epsilon90 >= 0).toBe(true);
  if (!(r.best.epsilon90 < 1)) expect(r.best.valid).toBe(false);
  // deterministic: the same inputs give the same numbers, bit for bit
  expect(computeReach(config, masses, { includeEdges: false }).points).toEqual(r.points);
}

describe('random valid configurations and masses', () => {
  it('every output is finite, ≥ 0, deterministic, with error ≤ value, or a one-line error naming the input', async () => {
    // asynchronous only to let the test runner's messages through between runs (test/breathe.ts)
    await fc.assert(
      fc.asyncProperty(validConfig, fc.array(logUniform(1e-9, 200), { minLength: 1, maxLength: 3 }), async ({ name, overrides }, masses) => {
        await breathe();
        let config: AnyExperimentConfig;
        try {
          config = withOverridesFromInput(EXPERIMENTS[name].config, overrides);
        } catch (e) {
          userError(e); // cross-field rules (thetaMin < thetaMax, the width floor) may refuse a draw
          return;
        }
        const flux = computeFlux(config);
        for (const x of Object.values(flux)) if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
        for (const x of [flux.positrons, flux.energyMinGeV, flux.energyMaxGeV]) expect(x > 0).toBe(true);
        expect(Number.isFinite(computeBackground(config).total)).toBe(true);
        checkReach(config, masses);
      }),
      { seed: SEED, numRuns: 12 },
    );
  }, 120_000);
});

/** An invalid value for a field: the wrong type, not finite, or outside the allowed range. */
const badValue = fc.constantFrom<unknown>('50', '', null, true, [], {}, Number.NaN, Infinity, -Infinity, -1, 0, 1e300, -1e-300, 'collider');

describe('random invalid configurations', () => {
  it('the one-line error names the field that is wrong', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.nat(), badValue, (name, pick, value) => {
        const base = EXPERIMENTS[name].config as Record<string, unknown>;
        const fields = Object.keys(base).filter((k) => k !== 'kind');
        const field = fields[pick % fields.length];
        const input = { ...base, [field]: value };
        let parsed: unknown;
        try {
          parsed = parseAnyConfig(input);
        } catch (e) {
          const err = userError(e);
          expect(err.field).toBe(field);
          expect(err.message).toContain(field);
          return;
        }
        // a value that happens to be allowed for this field (e.g. 0 background events, null penetration)
        expect((parsed as Record<string, unknown>)[field]).toEqual(value);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a missing field or an unknown one is named too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), (name, pick, extra) => {
        const base = EXPERIMENTS[name].config as Record<string, unknown>;
        const fields = Object.keys(base).filter((k) => k !== 'kind');
        const field = fields[pick % fields.length];
        const { [field]: _gone, ...missing } = base;
        expect(() => parseAnyConfig(missing)).toThrow(ConfigError);
        try {
          parseAnyConfig(missing);
        } catch (e) {
          expect(userError(e).field).toBe(field);
        }
        if (Object.hasOwn(base, extra) || extra === 'kind') return;
        try {
          parseAnyConfig({ ...base, [extra]: 1 });
          expect.unreachable(`unknown field ${JSON.stringify(extra)} accepted`);
        } catch (e) {
          expect(userError(e).field).toBe(extra);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('Poisson CLs for any count', () => {
  it('N_up solves CLs = 1 − CL, grows with the observed count, and n = 0 gives −ln(1 − CL)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.oneof(fc.constant(0), logUniform(1e-6, 2e9)),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, b, cl) => {
          const s = poissonUpperLimit(n, b, cl);
          expect(Number.isFinite(s) && s > 0).toBe(true);
          if (n === 0) expect(s).toBeCloseTo(-Math.log(1 - cl), 10);
          else expect(logCls(n, b, s)).toBeCloseTo(Math.log(1 - cl), 5);
          if (n < 1_000_000_000) expect(poissonUpperLimit(n + 1, b, cl)).toBeGreaterThanOrEqual(s * (1 - 1e-9));
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
