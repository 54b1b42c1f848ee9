import { describe, expect, it } from 'vitest';
import { CurveFileError, parseCurveText } from '../../src/format/curveFile.js';

describe('parseCurveText', () => {
  it('reads two columns separated by spaces, tabs, commas or semicolons; skips comments, blank lines and a header', () => {
    const text = '# NA64 2023, 90% CL\nmass_GeV epsilon\n\n0.001 1e-5\n0.01,\t2E-5\n  0.1 ; 3.5e-4  \r\n# end\n';
    expect(parseCurveText(text)).toEqual([
      [0.001, 1e-5],
      [0.01, 2e-5],
      [0.1, 3.5e-4],
    ]);
  });

  it('keeps the order of the file', () => {
    expect(parseCurveText('0.1 1\n0.01 2\n')).toEqual([
      [0.1, 1],
      [0.01, 2],
    ]);
  });

  it.each([
    ['a third column', '0.01 1e-5 7\n', 1],
    ['a single column', '0.01\n', 1],
    ['a zero epsilon', '0.01 0\n', 1],
    ['a negative mass', '-0.01 1e-5\n', 1],
    ['text after the first point', '0.01 1e-5\nfoo bar\n', 2],
    ['a number with a unit', '# c\n10MeV 1e-5\n', 2],
  ])('names the line of %s', (_what, text, line) => {
    let err: unknown;
    try {
      parseCurveText(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CurveFileError);
    expect((err as CurveFileError).line).toBe(line);
    expect((err as Error).message).toMatch(new RegExp(`^line ${line} ".*" is not allowed: expected two positive numbers, mass_GeV and epsilon`));
    expect((err as Error).message).not.toContain('\n');
  });

  it('says when there are no points', () => {
    expect(() => parseCurveText('# only a comment\n\n')).toThrow(/^has no points: expected/);
    expect(() => parseCurveText('')).toThrow(CurveFileError);
  });
});

describe('parseCurveText on a reach CSV of vanish', () => {
  const csv = [
    '# vanish reach: expected 90% CL upper limit on the kinetic mixing epsilon; event counts at epsilon = 1',
    'mass_GeV,annihilation_events_eps1,annihilation_error,bremsstrahlung_events_eps1,bremsstrahlung_error,epsilon90,epsilon90_annihilation,epsilon90_bremsstrahlung',
    '0.00100000,0,0,1.0e+9,1,2.0e-5,inf,2.0e-5',
    '0.0100000,0,0,1.0e+8,1,6.0e-5,inf,6.0e-5',
    '1.00000,0,0,0,0,inf,inf,inf',
    '',
  ].join('\n');

  it('takes mass_GeV and epsilon90 and leaves out masses without reach', () => {
    expect(parseCurveText(csv)).toEqual([
      [0.001, 2e-5],
      [0.01, 6e-5],
    ]);
  });

  it('names a row with the wrong number of columns', () => {
    expect(() => parseCurveText(`${csv}0.5,1,2\n`)).toThrow(/^line 6 "0\.5,1,2" is not allowed: expected 8 columns with a positive mass_GeV and epsilon90/);
  });
});
