/** The page's state: URL round trips and validation through the library's parsers (no browser). */
import { describe, expect, it } from 'vitest';
import { EXPERIMENTS, belle2, na64_2019 } from '../../src/config/presets.js';
import { FIELDS, FIXED_TARGET_FIELDS, type ConfigField } from '../../src/config/schema.js';
import { logGrid } from '../../src/reach.js';
import { DEFAULT_POINTS } from '../../src/config/fields.js';
import {
  CONFIG_FIELDS,
  carryInputs,
  rangeFromParam,
  defaultInputs,
  describeChanges,
  inputNames,
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

  it('resolves the defaults to the belle2 preset and the library grid (200 masses, as the CLI) from 1 MeV to 1 GeV', () => {
    const r = resolveInputs(defaultInputs());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.config).toEqual(belle2);
    expect(r.value.masses).toEqual(logGrid(0.001, 1, DEFAULT_POINTS));
    expect(DEFAULT_POINTS).toBe(200);
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
    expect(by.alphaD).toContain('1e-8 ≤ α_D ≤ 1');
    expect(by.lumi).toBe('config field lumi = "abc" is not a number (allowed: 0 < lumi ≤ 1e12 ab⁻¹)');
    expect(by.thetaMax).toContain('thetaMax = 20');
    expect(by.points).toContain('from 2 to');
    expect(by.massMax).toContain('massMax = 0.5MeV');
    for (const m of Object.values(by)) expect(m).not.toContain('\n');
  });

  it('names a word that a drop-down does not have, once, with the words allowed (not the validator\'s wording)', () => {
    const r = resolveInputs(inputs({ darkMatter: 'wimp', radiativeAnnihilation: 'maybe', material: '' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: 'material', message: 'config field material = empty is not allowed (allowed: CsI, BGO, PbWO4, LYSO, Pb, W, NA64-ECAL)' },
      { field: 'radiativeAnnihilation', message: 'config field radiativeAnnihilation = "maybe" is not allowed (allowed: true, false)' },
      {
        field: 'darkMatter',
        message: `config field darkMatter = "wimp" is not allowed (allowed: ${FIELDS.darkMatter.allowed})`,
      },
    ]);
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

describe('web state of other experiments', () => {
  it('resolves each built-in experiment at its defaults to its preset', () => {
    for (const [name, e] of Object.entries(EXPERIMENTS)) {
      const r = resolveInputs(defaultInputs(name));
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(r.value.config, name).toEqual(e.config);
    }
  });

  it('has the fixed-target fields (and no collider-only ones) for na64-2019, with its values', () => {
    const d = defaultInputs('na64-2019');
    expect(inputNames('na64-2019')).toEqual([...Object.keys(FIXED_TARGET_FIELDS), 'massMin', 'massMax', 'points']);
    expect(d.experiment).toBe('na64-2019');
    expect(d.particlesOnTarget).toBe(String(na64_2019.particlesOnTarget));
    expect(d.beamParticle).toBe('e-');
    expect(d.lumi).toBeUndefined();
  });

  it('writes experiment=NAME and the fields changed from its defaults; a link without it is belle2', () => {
    const s = { inputs: { ...defaultInputs('na64-2019'), particlesOnTarget: '1e12', points: '20' }, overlays: [], pin: defaultInputs() };
    const q = stateToQuery(s);
    expect(q).toBe('experiment=na64-2019&particlesOnTarget=1e12&points=20&pin=');
    expect(stateFromQuery(q)).toEqual({ state: s, problems: [] });
    expect(stateToQuery({ inputs: defaultInputs('babar'), overlays: [], pin: defaultInputs('na64-2022') })).toBe(
      'experiment=babar&pin=experiment%3Dna64-2022',
    );
    expect(stateFromQuery('lumi=3').state.inputs.experiment).toBe('belle2');
  });

  it('reports a field of the other kind and an unknown experiment in a link', () => {
    const a = stateFromQuery('experiment=na64-2019&lumi=3&beamEnergy=50');
    expect(a.state.inputs.beamEnergy).toBe('50');
    expect(a.state.inputs.lumi).toBeUndefined();
    expect(a.problems).toEqual(['link parameter lumi does not apply to na64-2019 and was ignored']);
    const b = stateFromQuery('experiment=lhc&lumi=3');
    expect(b.state.inputs).toEqual({ ...defaultInputs(), lumi: '3' });
    expect(b.problems[0]).toContain('experiment=lhc');
  });

  it('names the fixed-target field, the value and the allowed range of every bad control', () => {
    const r = resolveInputs({ ...defaultInputs('na64-2019'), particlesOnTarget: '-1', observedEvents: '1.5', beamEnergy: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(Object.keys(by).sort()).toEqual(['beamEnergy', 'observedEvents', 'particlesOnTarget']);
    expect(by.particlesOnTarget).toContain('particlesOnTarget = -1');
    expect(by.particlesOnTarget).toContain('allowed: 0 < N ≤ 1e25');
    expect(by.observedEvents).toContain('a whole number ≥ 0');
    expect(by.beamEnergy).toBe('config field beamEnergy = "x" is not a number (allowed: ≥ 0.1 GeV)');
  });

  it('names the experiment in a legend unless it is the one shown', () => {
    const na64 = { ...defaultInputs('na64-2019'), alphaD: '0.01' };
    expect(describeChanges(na64)).toBe('na64-2019: alphaD 0.01');
    expect(describeChanges(na64, 'na64-2019')).toBe('alphaD 0.01');
    expect(describeChanges(defaultInputs('besiii'))).toBe('besiii defaults');
    expect(describeChanges({ ...defaultInputs(), lumi: '10' }, 'na64-2019')).toBe('belle2: lumi 10 ab⁻¹');
  });
});

describe('web state: conflicts, experiment switches, the view', () => {
  const problemsOf = (changes: Partial<Inputs>, edited: import('../../web/src/state.js').InputName[] = []) => {
    const r = resolveInputs(inputs(changes), edited);
    return r.ok ? [] : r.problems;
  };

  it('reports a conflict between two fields once, on the one edited last, else on the changed one', () => {
    // thetaMin raised above thetaMax: on thetaMin, once.
    let p = problemsOf({ thetaMin: '150' }, ['thetaMin']);
    expect(p.map((x) => x.field)).toEqual(['thetaMin']);
    expect(p[0].message).toContain('thetaMin = 150');
    expect(p[0].message).toContain('thetaMax = 128.7');
    // The same from a link (nothing edited): the changed field.
    expect(problemsOf({ thetaMin: '150' }).map((x) => x.field)).toEqual(['thetaMin']);
    expect(problemsOf({ thetaMax: '20' }).map((x) => x.field)).toEqual(['thetaMax']);
    // Both changed: the one edited last.
    expect(problemsOf({ thetaMin: '100', thetaMax: '90' }, ['thetaMax', 'thetaMin']).map((x) => x.field)).toEqual(['thetaMax']);
    expect(problemsOf({ thetaMin: '100', thetaMax: '90' }, ['thetaMin']).map((x) => x.field)).toEqual(['thetaMin']);
    // The simulated slab deeper than the calorimeter.
    p = problemsOf({ calorimeterDepth: '0.5' }, ['calorimeterDepth']);
    expect(p.map((x) => x.field)).toEqual(['calorimeterDepth']);
    expect(p[0].message).toContain('neutronSimulatedDepth');
    expect(problemsOf({ neutronSimulatedDepth: '30' }, ['neutronSimulatedDepth']).map((x) => x.field)).toEqual(['neutronSimulatedDepth']);
    // The mass range.
    expect(problemsOf({ massMin: '2GeV' }, ['massMin']).map((x) => x.field)).toEqual(['massMin']);
    expect(problemsOf({ massMax: '0.5MeV' }, ['massMax']).map((x) => x.field)).toEqual(['massMax']);
    // A conflict and another bad field: both, each once.
    expect(problemsOf({ thetaMin: '150', alphaD: '7' }, ['thetaMin']).map((x) => x.field).sort()).toEqual(['alphaD', 'thetaMin']);
  });

  it('keeps the edits that apply to another experiment and lists the dropped ones', () => {
    const from = inputs({ lumi: '10', alphaD: '0.05', massMin: '10MeV' });
    const { inputs: to, kept, dropped } = carryInputs(from, 'na64-2019');
    expect(to.experiment).toBe('na64-2019');
    expect(to.alphaD).toBe('0.05');
    expect(to.massMin).toBe('10MeV');
    expect(to.particlesOnTarget).toBe(String(na64_2019.particlesOnTarget));
    expect(kept.sort()).toEqual(['alphaD', 'massMin']);
    expect(dropped).toEqual(['lumi']);
  });

  it('keeps the view (mass unit, ranges) in the URL and refuses a bad range', () => {
    const s = { inputs: inputs(), overlays: [], view: { unit: 'MeV' as const, x: [0.01, 0.2] as [number, number], y: [1e-6, 0.01] as [number, number] } };
    const q = stateToQuery(s);
    expect(q).toBe('unit=MeV&x=0.01_0.2&y=0.000001_0.01');
    expect(stateFromQuery(q).state.view).toEqual(s.view);
    const bad = stateFromQuery('y=0.1_0.01&unit=keV');
    expect(bad.state.view).toBeUndefined();
    expect(bad.problems).toHaveLength(2);
    expect(rangeFromParam('1e-6_1e-2')).toEqual([1e-6, 1e-2]);
    expect(rangeFromParam('0_1')).toBeUndefined();
  });
});
