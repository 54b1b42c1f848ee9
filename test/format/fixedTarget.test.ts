/**
 * Outputs for a fixed-target experiment (NA64-like) and comparison curves:
 * the JSON contract keys stay, the background is the given one with its
 * Poisson limit, and tables name the beam instead of Bhabha positrons.
 */
import { describe, expect, it } from 'vitest';
import { na64_2019 } from '../../src/config/presets.js';
import {
  backgroundToCsv,
  backgroundToJson,
  backgroundToTable,
  configToTable,
  fluxToCsv,
  fluxToJson,
  fluxToTable,
  reachToCsv,
  reachCsvMetadata,
  reachToJson,
  reachToTable,
  type Comparison,
} from '../../src/format/index.js';
import type { FixedTargetBackground, FluxSummary, ReachResult } from '../../src/results.js';
import { fixtureReach } from '../fixtures/reach.js';

const N_UP = -Math.log(0.1); // zero observed events at 90% CL

/** The fixture's curve, relabelled as a fixed-target result (the numbers need not be NA64's). */
function fixedTargetReach(): ReachResult {
  return { ...fixtureReach(), config: { ...na64_2019 }, positrons: 2.84e11, background: 0.53, requiredSignal: N_UP };
}

const beam: FluxSummary = { positrons: 2.84e11, particle: 'e-', energyMinGeV: 100, energyMaxGeV: 100 };
const given: FixedTargetBackground = { total: 0.53, observedEvents: 0, confidenceLevel: 0.9, upperLimitEvents: N_UP, warnings: [] };
const published: Comparison = { label: 'NA64 2019', file: 'na64.txt', points: [[0.001, 7.5e-6], [0.1, 1e-4]] };

describe('fixed-target JSON', () => {
  it('reach keeps the contract keys, then edges, requiredSignal, warnings', () => {
    const o = JSON.parse(reachToJson(fixedTargetReach()));
    expect(Object.keys(o)).toEqual(['config', 'positrons', 'background', 'points', 'best', 'edges', 'requiredSignal', 'warnings']);
    expect(o.config).toEqual(na64_2019);
    expect(o.requiredSignal).toBe(N_UP);
  });

  it('reach adds comparisons last when given', () => {
    const o = JSON.parse(reachToJson(fixedTargetReach(), [published]));
    expect(Object.keys(o).at(-1)).toBe('comparisons');
    expect(o.comparisons).toEqual([{ label: 'NA64 2019', file: 'na64.txt', points: [[0.001, 7.5e-6], [0.1, 1e-4]] }]);
  });

  it('flux keeps positrons, energyMinGeV, energyMaxGeV first and adds particle', () => {
    expect(JSON.parse(fluxToJson(beam))).toEqual({ positrons: 2.84e11, energyMinGeV: 100, energyMaxGeV: 100, particle: 'e-' });
    expect(Object.keys(JSON.parse(fluxToJson(beam)))).toEqual(['positrons', 'energyMinGeV', 'energyMaxGeV', 'particle']);
  });

  it('background is {total, observedEvents, confidenceLevel, upperLimitEvents, warnings}', () => {
    const o = JSON.parse(backgroundToJson(given));
    expect(Object.keys(o)).toEqual(['total', 'observedEvents', 'confidenceLevel', 'upperLimitEvents', 'warnings']);
    expect(o.upperLimitEvents).toBeCloseTo(2.302585, 6);
  });
});

describe('fixed-target CSV', () => {
  it('background has its own columns', () => {
    expect(backgroundToCsv(given)).toBe('total_events,observed_events,confidence_level,upper_limit_events\n0.530000,0,0.900000,2.30259\n');
  });

  it('flux leaves the collider columns nan and names the particle', () => {
    expect(fluxToCsv(beam).split('\n')[1]).toBe('2.84000e+11,100.000,100.000,nan,nan,nan,e-');
  });

  it('reach has the required signal and comparison curves in the CSVW sidecar, the CSV starts with its header', () => {
    const r = fixedTargetReach();
    expect(reachToCsv(r).split('\n')[0]).toMatch(/^mass_GeV,/);
    const meta = reachCsvMetadata(r, [published]);
    expect(meta.vanish.requiredSignalEvents).toBeCloseTo(2.30259, 5);
    expect(meta.vanish.comparisons).toEqual([{ label: 'NA64 2019', file: 'na64.txt', points: [[0.001, 7.5e-6], [0.1, 1e-4]] }]);
  });
});

describe('fixed-target tables', () => {
  it('reach names the beam, N_up and the comparison curves in the footer', () => {
    const t = reachToTable(fixedTargetReach(), [published]);
    expect(t).toContain('background N_b = 0.5300 events, e⁻ on target = 2.840e+11, signal excluded N_up = 2.303 events');
    expect(t).toContain('2.84e11 e⁻ of 100 GeV on target');
    expect(t).toContain('compared with: NA64 2019 (2 points from na64.txt)');
    expect(t).not.toContain('positrons');
  });

  it('flux, background and config speak of the beam and its fields', () => {
    expect(fluxToTable(beam)).toMatch(/^beam particles on target \(e⁻\) +2\.840e\+11\nbeam energy +100\.0 +GeV\n$/);
    expect(backgroundToTable(given)).toMatch(/^signal events excluded N_up +2\.303$/m);
    const c = configToTable(na64_2019);
    expect(c).toMatch(/^kind +fixedTarget +Fixed-target beam$/m);
    expect(c).toMatch(/^particlesOnTarget +284000000000 +Particles on target$/m);
    expect(c.trimEnd().split('\n')).toHaveLength(Object.keys(na64_2019).length);
  });
});
