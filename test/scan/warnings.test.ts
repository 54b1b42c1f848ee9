/**
 * A scan prints each warning once, naming the varied values it applies to
 * (src/scan/warnings.ts), whatever the number of configurations.
 */
import { describe, expect, it } from 'vitest';
import type { ReachResult } from '../../src/results.js';
import type { ScanRun } from '../../src/scan/result.js';
import { rangeValues, type Vary } from '../../src/scan/vary.js';
import { describeValues, scanWarningLines } from '../../src/scan/warnings.js';

const cutWarning = (cut: number) =>
  `the neutron background reuses the GEANT4 cut flow made for energyCut = 0.05; with energyCut = ${cut} it is not recomputed (give neutronSingleEvents/neutronMultiEvents for the new cut)`;
const run = (index: number, values: ScanRun['values'], warnings: string[]): ScanRun => ({ index, values, reach: { warnings } as unknown as ReachResult });

describe('scan warnings', () => {
  it('a warning naming the varied value is printed once for all the configurations it comes from', () => {
    const cuts = rangeValues(0.03, 0.08, 32, false);
    const vary: Vary[] = [{ field: 'energyCut', spec: 'lin:0.03:0.08:32', values: cuts }];
    // as src/backgrounds/index.ts words it, at every cut but the cut flow's own (none here: 0.05 is not on this grid)
    const runs = cuts.map((c, i) => run(i, { energyCut: c }, c === 0.05 ? [] : [cutWarning(c)]));
    expect(scanWarningLines(runs, vary)).toEqual([
      'the neutron background reuses the GEANT4 cut flow made for energyCut = 0.05; with energyCut = 0.03 … 0.08 it is not recomputed ' +
        '(give neutronSingleEvents/neutronMultiEvents for the new cut) (for energyCut = 0.03 … 0.08; 32 of 32 configurations)',
    ]);
    // with the cut flow's own cut in the grid, that configuration has no warning and is not counted
    const withOwn = [0.03, 0.04, 0.05, 0.06, 0.07].map((c, i) => run(i, { energyCut: c }, c === 0.05 ? [] : [cutWarning(c)]));
    const [line] = scanWarningLines(withOwn, [{ field: 'energyCut', spec: '0.03,0.04,0.05,0.06,0.07', values: [0.03, 0.04, 0.05, 0.06, 0.07] }]);
    expect(line).toMatch(/with energyCut = 0\.03 … 0\.07 it is not recomputed .*\(for energyCut = 0\.03 … 0\.07; 4 of 5 configurations\)$/);
  });

  it('warnings that differ in other ways stay apart; a value is masked only whole (lumi = 1 is not lumi = 10)', () => {
    const vary: Vary[] = [
      { field: 'lumi', spec: '1,10', values: [1, 10] },
      { field: 'material', spec: 'CsI,BGO', values: ['CsI', 'BGO'] },
    ];
    const runs = [
      run(0, { lumi: 1, material: 'CsI' }, ['at lumi = 1 few events']),
      run(1, { lumi: 1, material: 'BGO' }, ['at lumi = 1 few events', 'the cut flow was simulated in CsI']),
      run(2, { lumi: 10, material: 'CsI' }, ['at lumi = 10 few events']),
      run(3, { lumi: 10, material: 'BGO' }, ['the cut flow was simulated in CsI', 'lumi = 100 is odd']),
    ];
    expect(scanWarningLines(runs, vary)).toEqual([
      'at lumi = 1, 10 few events (for lumi = 1, 10, material = CsI, BGO; 3 of 4 configurations)',
      'the cut flow was simulated in CsI (for lumi = 1, 10, material = BGO; 2 of 4 configurations)',
      'lumi = 100 is odd (for lumi = 10, material = BGO; 1 of 4 configurations)',
    ]);
  });

  it('one configuration: its warnings as they are; the values described briefly', () => {
    expect(scanWarningLines([run(0, { energyCut: 0.07 }, [cutWarning(0.07), cutWarning(0.07)])], [])).toEqual([cutWarning(0.07)]);
    expect(describeValues([3, 1, 2, 1])).toBe('1, 2, 3');
    expect(describeValues([5, 1, 2, 4])).toBe('1 … 5');
    expect(describeValues(['W', 'Pb', null, 'CsI'])).toBe('W, Pb, null … (4 values)');
  });
});
