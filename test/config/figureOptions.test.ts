import { describe, expect, it } from 'vitest';
import { parseEpsilonRange, parseMassRange, parseMassUnit } from '../../src/config/figureOptions.js';
import { ConfigError } from '../../src/config/schema.js';

describe('figure option readers', () => {
  it('read mass ranges with units, bare numbers in the axis unit', () => {
    const [a, b] = parseMassRange('58MeV,86MeV');
    expect(a).toBeCloseTo(0.058, 15);
    expect(b).toBeCloseTo(0.086, 15);
    expect(parseMassRange('0.001, 1')).toEqual([0.001, 1]);
    const [lo, hi] = parseMassRange('58,86', '--x-range', 'MeV');
    expect(lo).toBeCloseTo(0.058, 15);
    expect(hi).toBeCloseTo(0.086, 15);
    expect(parseMassRange('500keV,1GeV')).toEqual([0.0005, 1]);
  });

  it('refuse a bad range in one line naming the flag, the value and what is allowed', () => {
    for (const bad of ['1', '1,2,3', '2,1', '1MeV,1MeV', 'a,b', '1meV,2', '-1,2', '0,1', ',1']) {
      const e = (() => {
        try {
          parseMassRange(bad, '--x-range');
        } catch (err) {
          return err;
        }
      })();
      expect(e, bad).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(/^--x-range .* expected two masses MIN,MAX with MIN < MAX/);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('read ε ranges: two numbers, 0 < MIN < MAX', () => {
    expect(parseEpsilonRange('1e-6,1e-3')).toEqual([1e-6, 1e-3]);
    for (const bad of ['0,1', '1e-3,1e-6', '1e-6', 'x,1', '1e-6,Infinity', '-1,1']) {
      expect(() => parseEpsilonRange(bad, '--y-range'), bad).toThrow(/^--y-range .* expected two numbers MIN,MAX with 0 < MIN < MAX$/);
    }
  });

  it('read the mass unit: GeV or MeV exactly', () => {
    expect(parseMassUnit('MeV')).toBe('MeV');
    expect(parseMassUnit('GeV')).toBe('GeV');
    expect(() => parseMassUnit('mev', '--mass-unit')).toThrow('--mass-unit mev is not allowed: expected GeV, MeV');
    expect(() => parseMassUnit('keV', '--mass-unit')).toThrow(ConfigError);
  });
});
