/** The page's state: URL round trips and validation through the library's parsers (no browser). */
import { describe, expect, it } from 'vitest';
import { belle2 } from '../../src/config/presets.js';
import { FIELDS, type ConfigField } from '../../src/config/schema.js';
import { logGrid } from '../../src/reach.js';
import {
  CONFIG_FIELDS,
  defaultInputs,
  describeChanges,
  overlayFromParam,
  overlayToParam,
  resolveInputs,
  stateFromQuery,
  stateToQuery,
  type Inputs,
} from '../../web/src/state.js';

const inputs = (changes: Partial<Inputs> = {}): Inputs => ({ ...defaultInputs(), ...changes });

describe('web state', () => {
  it('has a control for every configuration field, showing the preset value', () => {
    const d = defaultInputs();
    expect(CONFIG_FIELDS.sort()).toEqual((Object.keys(FIELDS) as ConfigField[]).sort());
    for (const f of CONFIG_FIELDS) expect(d[f]).toBe(belle2[f] === null ? '' : String(belle2[f]));
  });

  it('resolves the defaults to the belle2 preset and a 100-point grid from 1 MeV to 1 GeV', () => {
    const r = resolveInputs(defaultInputs());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.config).toEqual(belle2);
    expect(r.value.masses).toEqual(logGrid(0.001, 1, 100));
  });

  it('writes only the changed controls to the URL and reads them back', () => {
    const s = { inputs: inputs({ lumi: '10', alphaD: '0.01', points: '20', massMin: '10MeV', neutronPenetration: '0.01' }), overlays: [] };
    const q = stateToQuery(s);
    expect(q).toBe('lumi=10&neutronPenetration=0.01&alphaD=0.01&massMin=10MeV&points=20');
    expect(stateFromQuery(`?${q}`)).toEqual({ state: s, problems: [] });
    expect(stateToQuery({ inputs: defaultInputs(), overlays: [] })).toBe('');
  });

  it('keeps overlays, the pin and the selected mass in the URL exactly', () => {
    const overlay = { label: 'NA64 (2023)', points: [[0.001, 1.234567890123e-5], [0.5, 3e-3]] as [number, number][] };
    const s = { inputs: inputs({ lumi: '5' }), overlays: [overlay], pin: inputs({ alphaD: '0.1' }), at: 0.0667 };
    const back = stateFromQuery(stateToQuery(s));
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(s);
    expect(overlayFromParam(overlayToParam(overlay))).toEqual(overlay);
  });

  it('reports what it cannot read from a link and ignores it', () => {
    const { state, problems } = stateFromQuery('lumen=3&overlay=x*1_0&at=-1&lumi=7');
    expect(state.inputs.lumi).toBe('7');
    expect(state.overlays).toEqual([]);
    expect(state.at).toBeUndefined();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('lumen');
  });

  it('names the field, the value and the allowed range of every bad control', () => {
    const r = resolveInputs(inputs({ alphaD: '2', lumi: 'abc', thetaMax: '20', points: '1', massMax: '0.5MeV' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(Object.keys(by).sort()).toEqual(['alphaD', 'lumi', 'massMax', 'points', 'thetaMax']);
    expect(by.alphaD).toContain('alphaD = 2');
    expect(by.alphaD).toContain('0 < α_D ≤ 1');
    expect(by.lumi).toBe('config field lumi = "abc" is not a number (allowed: > 0 ab⁻¹)');
    expect(by.thetaMax).toContain('thetaMax = 20');
    expect(by.points).toContain('from 2 to');
    expect(by.massMax).toContain('massMax = 0.5MeV');
    for (const m of Object.values(by)) expect(m).not.toContain('\n');
  });

  it('reads an empty nullable field as null and other text through the mass parser', () => {
    const r = resolveInputs(inputs({ neutronPenetration: ' ', massMin: '500 keV', massMax: '0.1' }));
    expect(r.ok && r.value.config.neutronPenetration).toBe(null);
    expect(r.ok && r.value.masses[0]).toBeCloseTo(5e-4, 15);
  });

  it('describes the changes for a legend', () => {
    expect(describeChanges(defaultInputs())).toBe('belle2 defaults');
    expect(describeChanges(inputs({ lumi: '10', energyCut: '0.1' }))).toBe('lumi 10 ab⁻¹, energyCut 0.1');
  });
});
