/**
 * What a scan varies: lists, linear and log ranges of any config field,
 * validated by the schema; the grid order; shards that partition the grid;
 * one-line errors for every malformed spec.
 */
import { describe, expect, it } from 'vitest';
import { belle2, na64_2019 } from '../../src/config/presets.js';
import { ConfigError } from '../../src/config/schema.js';
import { gridSize, inShard, parseShard, parseVary, rangeValues, scanGrid } from '../../src/scan/vary.js';

const err = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const m = (e as Error).message;
    expect(m).not.toContain('\n');
    return m;
  }
  throw new Error('expected an error');
};

describe('--vary', () => {
  it('reads lists of numbers, names and null', () => {
    expect(parseVary('lumi=1,10,50', belle2).values).toEqual([1, 10, 50]);
    expect(parseVary('material=CsI,BGO', belle2).values).toEqual(['CsI', 'BGO']);
    expect(parseVary('neutronPenetration=null,0.01', belle2).values).toEqual([null, 0.01]);
    expect(parseVary('beamEnergy=50,100', na64_2019).values).toEqual([50, 100]);
  });

  it('lin: and log: ranges include both ends exactly and are evenly spaced', () => {
    expect(parseVary('alphaD=lin:0.1:0.5:5', belle2).values.map((v) => Number((v as number).toFixed(12)))).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    const log = parseVary('photonVetoInefficiency=log:4.5e-5:4.5e-4:5', belle2).values as number[];
    expect(log[0]).toBe(4.5e-5);
    expect(log[4]).toBe(4.5e-4);
    const ratios = log.slice(1).map((v, i) => v / log[i]);
    for (const r of ratios) expect(r).toBeCloseTo(10 ** 0.25, 12);
    expect(rangeValues(2, 2, 1, false)).toEqual([2]);
  });

  it('rejects malformed specs, unknown fields, empty ranges and values the schema does not allow, naming them', () => {
    expect(err(() => parseVary('lumi', belle2))).toMatch(/--vary "lumi" is not allowed: expected FIELD=/);
    expect(err(() => parseVary('lumen=1,2', belle2))).toMatch(/unknown field lumen .*allowed fields are .*lumi/);
    expect(err(() => parseVary('lumi=1,10', na64_2019))).toMatch(/unknown field lumi for a fixed-target experiment/);
    expect(err(() => parseVary('lumi=', belle2))).toMatch(/lumi= is not allowed: no values/);
    expect(err(() => parseVary('lumi=1,,2', belle2))).toMatch(/empty value/);
    expect(err(() => parseVary('lumi=lin:1:10:0', belle2))).toMatch(/number of values must be a whole number from 1/);
    expect(err(() => parseVary('lumi=lin:1:10', belle2))).toMatch(/a range is lin:a:b:n/);
    expect(err(() => parseVary('lumi=log:0:10:3', belle2))).toMatch(/log range needs both ends > 0/);
    expect(err(() => parseVary('lumi=lin:1:x:3', belle2))).toMatch(/ends of a range must be numbers/);
    expect(err(() => parseVary('lumi=lin:1:10:1', belle2))).toMatch(/one value cannot span/);
    expect(err(() => parseVary('lumi=1,ten', belle2))).toMatch(/"ten" is not a number/);
    expect(err(() => parseVary('lumi=1,1', belle2))).toMatch(/appears twice/);
    expect(err(() => parseVary('lumi=-1,2', belle2))).toMatch(/lumi=-1,2 is not allowed: config field lumi = -1 is not allowed/);
    expect(err(() => parseVary('material=lin:1:2:3', belle2))).toMatch(/takes names, not a range/);
    expect(err(() => parseVary('material=CsI,Cheese', belle2))).toMatch(/material/);
  });

  it('builds the grid with the first field slowest; a combination the schema forbids is named', () => {
    const g = scanGrid(belle2, [parseVary('lumi=1,10', belle2), parseVary('alphaD=0.001,0.01,0.1', belle2)]);
    expect(g.map((p) => [p.values.lumi, p.values.alphaD])).toEqual([
      [1, 0.001], [1, 0.01], [1, 0.1], [10, 0.001], [10, 0.01], [10, 0.1],
    ]);
    expect(g[4].config).toEqual({ ...belle2, lumi: 10, alphaD: 0.01 });
    expect(gridSize([parseVary('lumi=1,10', belle2), parseVary('alphaD=0.001,0.01,0.1', belle2)])).toBe(6);
    const clash = err(() => scanGrid(belle2, [parseVary('thetaMin=30,100', belle2), parseVary('thetaMax=90,120', belle2)]));
    expect(clash).toMatch(/--vary combination thetaMin=100 thetaMax=90 is not allowed/);
    expect(err(() => scanGrid(belle2, [parseVary('lumi=1', belle2), parseVary('lumi=2', belle2)]))).toMatch(/given twice/);
  });

  it('shards K/N partition the grid, each configuration in exactly one shard', () => {
    for (const n of [1, 2, 3, 7]) {
      for (let i = 0; i < 20; i++) {
        const owners = Array.from({ length: n }, (_, k) => k + 1).filter((k) => inShard(i, { index: k, count: n }));
        expect(owners).toHaveLength(1);
      }
    }
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2', '-1/3', '1.5/3']) expect(err(() => parseShard(bad))).toMatch(/--shard .* is not allowed: expected K\/N/);
  });
});
