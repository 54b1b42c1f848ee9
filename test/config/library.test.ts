/**
 * The library validates at every entry point (issue 10, item 6): an object
 * that is not a valid configuration is rejected with a ConfigError naming the
 * field, never coerced or run; the presets are deeply frozen; typed overrides.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  EXPERIMENTS,
  PRESETS,
  belle2,
  computeBackground,
  computeFlux,
  computeReach,
  computeYield,
  na64_2019,
  positronSpectrum,
  trackLengthDistribution,
  withOverrides,
  withOverridesFromInput,
  yieldContext,
} from '../../src/index.js';

function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).not.toContain('\n');
    return (e as ConfigError).field;
  }
  throw new Error('expected a ConfigError');
}

const { alphaD: _dropped, ...missingAlphaD } = belle2;
const bad: [string, unknown][] = [
  ['alphaD', missingAlphaD],
  ['lumi', { ...belle2, lumi: '50' }],
  ['kind', { ...belle2, kind: 'spaceship' }],
  ['lumi', { ...belle2, lumi: -1 }],
  ['beamEnergy', { ...na64_2019, beamEnergy: Number.NaN }],
  ['observedEvents', { ...na64_2019, observedEvents: 1.5 }],
  ['extra', { ...belle2, extra: 1 }],
];

describe('entry points validate their configuration', () => {
  const entries: [string, (c: never) => unknown][] = [
    ['computeFlux', (c) => computeFlux(c)],
    ['computeBackground', (c) => computeBackground(c)],
    ['computeYield', (c) => computeYield(c, 0.01)],
    ['computeReach', (c) => computeReach(c, [0.01, 0.02])],
    ['yieldContext', (c) => yieldContext(c)],
    ['positronSpectrum', (c) => positronSpectrum(c, 10)],
    ['trackLengthDistribution', (c) => trackLengthDistribution(c, 10)],
  ];
  for (const [name, call] of entries) {
    it(`${name} rejects what the schema rejects, naming the field`, () => {
      for (const [field, config] of bad) expect(fieldOf(() => call(config as never))).toBe(field);
    });
  }

  it('computeYield rejects a mass that is not a positive finite number, naming it', () => {
    for (const m of [0, -1, Number.NaN, Infinity]) expect(fieldOf(() => computeYield(belle2, m))).toBe('mass');
    expect(fieldOf(() => computeReach(belle2, [0.01, Number.NaN]))).toBe('mass');
  });
});

describe('presets are deeply frozen', () => {
  it('assignment throws (ES modules are strict) and changes nothing', () => {
    expect(() => {
      (belle2 as { lumi: number }).lumi = -1;
    }).toThrow(TypeError);
    expect(belle2.lumi).toBe(50);
    expect(() => {
      (EXPERIMENTS as Record<string, unknown>).belle2 = {};
    }).toThrow(TypeError);
    expect(() => {
      (EXPERIMENTS.belle2.config as { lumi: number }).lumi = -1;
    }).toThrow(TypeError);
    expect(() => {
      (PRESETS as Record<string, unknown>).mine = belle2;
    }).toThrow(TypeError);
  });

  it('every preset and its entry are frozen', () => {
    for (const [name, e] of Object.entries(EXPERIMENTS)) {
      expect(Object.isFrozen(e), name).toBe(true);
      expect(Object.isFrozen(e.config), name).toBe(true);
    }
    for (const c of Object.values(PRESETS)) expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(EXPERIMENTS) && Object.isFrozen(PRESETS)).toBe(true);
  });
});

describe('typed overrides', () => {
  it('a misspelt field does not compile, and is rejected at run time', () => {
    // @ts-expect-error — `lumii` is not a field of a collider configuration
    expect(fieldOf(() => withOverrides(belle2, { lumii: 10 }))).toBe('lumii');
    // @ts-expect-error — lumi is a number
    expect(fieldOf(() => withOverrides(belle2, { lumi: '50' }))).toBe('lumi');
    expect(withOverrides(belle2, { lumi: 10 }).lumi).toBe(10);
    expect(withOverrides(na64_2019, { observedEvents: 3 }).observedEvents).toBe(3);
  });

  it('overrides of unknown shape are validated the same way', () => {
    expect(fieldOf(() => withOverridesFromInput(belle2, { lumi: '50' }))).toBe('lumi');
    expect(fieldOf(() => withOverridesFromInput(belle2, { kind: 'fixedTarget' }))).toBe('kind');
    expect(fieldOf(() => withOverridesFromInput(belle2, JSON.parse('{"constructor": 1}')))).toBe('constructor');
    expect(() => withOverridesFromInput(belle2, null)).toThrow(ConfigError);
    expect(() => withOverridesFromInput(belle2, [1])).toThrow(ConfigError);
  });
});
