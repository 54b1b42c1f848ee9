/**
 * Configuration validation: the belle2 preset parses and matches the
 * published SuperKEKB kinematics; every rejected value gives a one-line
 * ConfigError naming the field and the value.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, FIELDS, parseConfig, withOverrides } from '../../src/config/schema.js';
import { PRESETS, belle2 } from '../../src/config/presets.js';

/** The ConfigError thrown by `withOverrides(belle2, overrides)`. */
function rejection(overrides: Record<string, unknown>): ConfigError {
  try {
    withOverrides(belle2, overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(overrides)} to be rejected`);
}

describe('belle2 preset', () => {
  it('parses unchanged', () => {
    expect(parseConfig(belle2)).toEqual(belle2);
    expect(PRESETS.belle2).toBe(belle2);
  });

  it('has √s = 2√(E₋E₊) = 2√28 = 10.583 GeV, at the Υ(4S) (PDG: 10.5794 GeV)', () => {
    const sqrtS = 2 * Math.sqrt(belle2.electronBeamEnergy * belle2.positronBeamEnergy);
    expect(Math.abs(sqrtS - 10.5794)).toBeLessThan(0.01);
  });

  it('has the SuperKEKB boost βγ = (E₋ − E₊)/√s = 3/10.583 = 0.283 (Belle II TDR: 0.28)', () => {
    const sqrtS = 2 * Math.sqrt(belle2.electronBeamEnergy * belle2.positronBeamEnergy);
    expect((belle2.electronBeamEnergy - belle2.positronBeamEnergy) / sqrtS).toBeCloseTo(0.28, 2);
  });

  it('keeps m_χ < m_A′/2 and 0 < θ_min < θ_max < 180°', () => {
    expect(belle2.massRatio).toBeGreaterThan(2);
    expect(0 < belle2.thetaMin && belle2.thetaMin < belle2.thetaMax && belle2.thetaMax < 180).toBe(true);
  });

  it('documents every field in FIELDS and nothing else', () => {
    expect(Object.keys(FIELDS).sort()).toEqual(Object.keys(belle2).filter((k) => k !== 'kind').sort());
  });
});

describe('rejections: one line, naming the field and the value', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['negative luminosity', { lumi: -50 }, 'lumi', /lumi = -50\b/],
    ['energyCut 0', { energyCut: 0 }, 'energyCut', /energyCut = 0\b/],
    ['energyCut 1', { energyCut: 1 }, 'energyCut', /energyCut = 1\b/],
    ["massRatio 2 (m_χ = m_A'/2: A' → χχ̄ closed)", { massRatio: 2 }, 'massRatio', /massRatio = 2\b/],
    ["massRatio 1.5 (m_χ > m_A'/2)", { massRatio: 1.5 }, 'massRatio', /massRatio = 1\.5\b/],
    ['alphaD 0', { alphaD: 0 }, 'alphaD', /alphaD = 0\b/],
    ['wrong type "fifty"', { lumi: 'fifty' }, 'lumi', /lumi = "fifty"/],
    ['thetaMax 180', { thetaMax: 180 }, 'thetaMax', /thetaMax = 180\b/],
    ['unknown material', { material: 'NaI' }, 'material', /material = "NaI"/],
    ['missing field', { deltaChi2: undefined }, 'deltaChi2', /deltaChi2 = missing/],
  ];
  for (const [what, overrides, field, pattern] of cases) {
    it(what, () => {
      const e = rejection(overrides);
      expect(e.field).toBe(field);
      expect(e.message).toMatch(pattern);
      expect(e.message).not.toMatch(/\n/);
    });
  }

  it('thetaMin ≥ thetaMax names both values, and the field the overrides set', () => {
    // both set: thetaMax (the first check)
    const both = rejection({ thetaMin: 50, thetaMax: 50 });
    expect(both.field).toBe('thetaMax');
    expect(both.message).toMatch(/thetaMax = 50\b.*thetaMin \(50\)/);
    // only thetaMin set (a new user's config file blamed the preset's thetaMax): thetaMin
    const min = rejection({ thetaMin: 130 });
    expect(min.field).toBe('thetaMin');
    expect(min.message).toMatch(/^config field thetaMin = 130 is not allowed \(.*must be smaller than thetaMax \(128\.7\)\)$/);
    const max = rejection({ thetaMax: 20 });
    expect(max.field).toBe('thetaMax');
    expect(max.message).toMatch(/thetaMax = 20\b.*must be larger than thetaMin \(32\.2\)/);
    for (const e of [both, min, max]) expect(e.message).not.toMatch(/\n/);
  });

  it('calorimeterDepth at or below neutronSimulatedDepth is reported on the field that was set', () => {
    const depth = rejection({ calorimeterDepth: 0.5 });
    expect(depth.field).toBe('calorimeterDepth');
    expect(depth.message).toMatch(/^config field calorimeterDepth = 0\.5 is not allowed \(.*must be larger than neutronSimulatedDepth \(1\)\)$/);
    const sim = rejection({ neutronSimulatedDepth: 20 });
    expect(sim.field).toBe('neutronSimulatedDepth');
    expect(sim.message).toMatch(/must be smaller than calorimeterDepth \(16\)/);
  });

  it("says what is allowed in the field's own words, never zod's stock wording", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ electronMotion: 'wiggly' }, `config field electronMotion = "wiggly" is not allowed (allowed: ${FIELDS.electronMotion.allowed})`],
      [{ lumi: -3 }, `config field lumi = -3 is not allowed (allowed: ${FIELDS.lumi.allowed} ${FIELDS.lumi.unit})`],
      [{ lumi: 'fifty' }, `config field lumi = "fifty" is not allowed (allowed: ${FIELDS.lumi.allowed} ${FIELDS.lumi.unit})`],
    ];
    for (const [overrides, message] of cases) {
      const e = rejection(overrides);
      expect(e.message).toBe(message);
      expect(e.message).not.toMatch(/Invalid enum|Expected|received|Number must/);
    }
  });

  it('an unknown key "lumen" is rejected by name, never dropped', () => {
    const e = rejection({ lumen: 50 });
    expect(e.field).toBe('lumen');
    expect(e.message).toMatch(/unknown config field lumen/);
    expect(e.message).toMatch(/\blumi\b/); // the list of allowed fields points at the right one
    expect(e.message).not.toMatch(/\n/);
  });
});

describe('withOverrides', () => {
  it('merges overrides into the base and validates the result', () => {
    const c = withOverrides(belle2, { lumi: 1, energyCut: 0.1 });
    expect(c.lumi).toBe(1);
    expect(c.energyCut).toBe(0.1);
    expect({ ...c, lumi: belle2.lumi, energyCut: belle2.energyCut }).toEqual(belle2);
    expect(belle2.lumi).toBe(50); // the base is not modified
  });

  it('accepts values just inside the open ranges', () => {
    expect(withOverrides(belle2, { massRatio: 2.000001 }).massRatio).toBe(2.000001);
    expect(withOverrides(belle2, { energyCut: 0.99 }).energyCut).toBe(0.99);
    expect(() => withOverrides(belle2, { energyCut: 0.991 })).toThrow(/energyCut = 0\.991 .*≤ 0\.99/);
    expect(withOverrides(belle2, { alphaD: 1 }).alphaD).toBe(1);
    expect(withOverrides(belle2, { neutronPenetration: 0.01 }).neutronPenetration).toBe(0.01);
  });

  it('with no overrides returns the base', () => {
    expect(withOverrides(belle2, {})).toEqual(belle2);
  });
});
