import { describe, expect, it } from 'vitest';
import { REACH_CSV_HEADER, reachToCsv, sig } from '../../src/format/index.js';
import { fixtureReach } from '../fixtures/reach.js';

describe('sig', () => {
  it('writes 6 significant digits, exponent form for small and large values', () => {
    expect(sig(0.0666)).toBe('0.0666000');
    expect(sig(1.7e-5)).toBe('1.70000e-5');
    expect(sig(6.02e11)).toBe('6.02000e+11');
    expect(sig(123.456789)).toBe('123.457');
    expect(sig(0)).toBe('0');
    expect(sig(Infinity)).toBe('inf');
    expect(sig(NaN)).toBe('nan');
  });
});

describe('reachToCsv', () => {
  const r = fixtureReach();
  const lines = reachToCsv(r).trimEnd().split('\n');
  const comments = lines.filter((l) => l.startsWith('# '));
  const body = lines.filter((l) => !l.startsWith('#'));

  it('puts comment lines first, then the header with units', () => {
    expect(lines.findIndex((l) => !l.startsWith('# '))).toBe(comments.length);
    expect(body[0]).toBe(
      'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung,radiative_events_eps1,radiative_error,epsilon90_radiative,epsilon90_counting,valid,note',
    );
    expect(body[0]).toBe(REACH_CSV_HEADER);
  });

  it('records the configuration and the best point in comments', () => {
    const config = comments.find((l) => l.startsWith('# config '));
    expect(JSON.parse((config as string).slice('# config '.length))).toEqual(r.config);
    expect(comments).toContain(`# best mass_GeV=0.0666000 epsilon90=${sig(r.best.epsilon90)}`);
  });

  it('has one row per point whose numbers read back to 6 digits', () => {
    const rows = body.slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(r.points.length);
    rows.forEach((row, i) => {
      const p = r.points[i];
      expect(row).toHaveLength(14); // 12 numbers, then valid (1) and an empty note
      expect(row[12]).toBe(1);
      expect(Math.abs(row[0] / p.massGeV - 1)).toBeLessThan(5e-6);
      expect(Math.abs(row[3] / p.bremsstrahlung - 1)).toBeLessThan(5e-6);
      expect(Math.abs(row[5] / p.epsilon90 - 1)).toBeLessThan(5e-6);
    });
    expect(body[1].split(',')[6]).toBe('inf'); // no annihilation at 1 MeV
  });
});
