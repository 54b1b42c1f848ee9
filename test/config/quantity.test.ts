import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/schema.js';
import { parseMass, parseMassList } from '../../src/config/quantity.js';

describe('parseMass', () => {
  it.each([
    ['0.066', 0.066],
    ['66MeV', 0.066],
    ['66 MeV', 0.066],
    ['  66 MeV ', 0.066],
    ['500keV', 5e-4],
    ['1GeV', 1],
    ['1e-3', 1e-3],
    ['1.5e2 MeV', 0.15],
    ['.5', 0.5],
    ['2000000eV', 2e-3],
  ])('reads %s as %f GeV', (text, gev) => {
    expect(parseMass(text)).toBeCloseTo(gev, 15);
    expect(parseMass(text) / gev).toBeCloseTo(1, 14);
  });

  it.each(['-5MeV', '0', '0 MeV', 'NaN', 'abc', '', '66 meV', '66 mev', '66MeV!', '1e999', 'Infinity', '66 kg', '1,5'])(
    'rejects %j with a one-line ConfigError naming the field and what is allowed',
    (text) => {
      let err: unknown;
      try {
        parseMass(text, '--mass');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as ConfigError).message;
      expect(msg.startsWith('--mass ')).toBe(true);
      expect(msg).not.toContain('\n');
      expect(msg).toContain('MeV');
      expect((err as ConfigError).field).toBe('--mass');
    },
  );

  it('names the unknown unit', () => {
    expect(() => parseMass('66 meV')).toThrow(/unknown unit "meV"/);
  });
});

describe('parseMass with zero allowed (a smallest energy counted)', () => {
  it('reads 0 with or without a unit, and still refuses negatives, saying ≥ 0', () => {
    for (const z of ['0', '0.0', '0GeV', '0 MeV', '0eV']) expect(parseMass(z, '--min-energy', true), z).toBe(0);
    expect(parseMass('5MeV', '--min-energy', true)).toBeCloseTo(0.005, 15);
    expect(() => parseMass('-1MeV', '--min-energy', true)).toThrow(/^--min-energy -1MeV is not allowed: expected a number ≥ 0 in GeV/);
    expect(() => parseMass('0', '--mass')).toThrow(/^--mass 0 is not allowed: expected a positive number/);
  });
});

describe('parseMassList', () => {
  it('reads a comma-separated list in order', () => {
    const m = parseMassList('1MeV,66MeV,0.5');
    expect(m).toHaveLength(3);
    expect(m[0]).toBeCloseTo(1e-3, 15);
    expect(m[1]).toBeCloseTo(0.066, 15);
    expect(m[2]).toBe(0.5);
  });
  it('rejects empty items and bad members', () => {
    expect(() => parseMassList('1MeV,,2MeV', '--masses')).toThrow(/^--masses "1MeV,,2MeV" is not a list/);
    expect(() => parseMassList('', '--masses')).toThrow(ConfigError);
    expect(() => parseMassList('1MeV,-2MeV', '--masses')).toThrow(/^--masses -2MeV is not allowed/);
  });
});
