/**
 * The one home of every input (src/config/fields.ts): the field tables come
 * from the same definitions as the schemas, what a field allows is read from
 * the schema (never restated), and the grid, number and mass readers are the
 * ones the CLI and the web page both use.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPERIMENT,
  DEFAULT_POINTS,
  EXPERIMENT_NAMES,
  FIELDS,
  FIELD_FLAGS,
  FIXED_TARGET_FIELDS,
  GRID,
  allowedWithUnit,
  MAX_POINTS,
  fieldTable,
  fieldValueFromText,
  kindOf,
  readGrid,
  type FieldInfo,
} from '../../src/config/fields.js';
import { EXPERIMENTS, belle2, na64_2019 } from '../../src/config/presets.js';
import { ConfigError, experimentConfigSchema, fixedTargetConfigSchema, withOverrides, withOverridesFromInput } from '../../src/config/schema.js';
import { logGrid } from '../../src/reach.js';
import { resolveMasses } from '../../cli/masses.js';
import { resolveInputs, defaultInputs } from '../../web/src/state.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Values just inside and just outside a field's range, built from the table (not from the schema). */
function probes(info: FieldInfo): { inside: number[]; outside: number[] } {
  const inside: number[] = [];
  const outside: number[] = [];
  const step = (x: number) => Math.max(Math.abs(x) * 1e-6, 1e-9);
  if (info.min !== undefined) {
    (info.minInclusive ? inside : outside).push(info.min);
    outside.push(info.min - step(info.min));
    inside.push(info.min + (info.type === 'integer' ? 1 : step(info.min)));
  }
  if (info.max !== undefined) {
    (info.maxInclusive ? inside : outside).push(info.max);
    outside.push(info.max + step(info.max));
    inside.push(info.max - step(info.max));
  }
  return { inside, outside };
}

describe('field tables', () => {
  it('have exactly the schema fields of each kind, in one order', () => {
    expect(['kind', ...Object.keys(FIELDS)]).toEqual(Object.keys(experimentConfigSchema.innerType().shape));
    expect(['kind', ...Object.keys(FIXED_TARGET_FIELDS)]).toEqual(Object.keys(fixedTargetConfigSchema.innerType().shape));
    expect(Object.keys(FIELDS).sort()).toEqual(Object.keys(belle2).filter((k) => k !== 'kind').sort());
    expect(Object.keys(FIXED_TARGET_FIELDS).sort()).toEqual(Object.keys(na64_2019).filter((k) => k !== 'kind').sort());
  });

  it('carry the help text as the schema description', () => {
    for (const [name, info] of Object.entries(FIELDS)) {
      const schema = experimentConfigSchema.innerType().shape[name as keyof typeof FIELDS];
      expect(schema.description, name).toBe(info.help);
      expect(info.help.length, name).toBeGreaterThan(10);
      expect(info.label, name).not.toBe('');
    }
  });

  it('state limits that the schema enforces, at both sides of every bound', () => {
    for (const [experiment, table] of [
      ['belle2', FIELDS],
      ['na64-2019', FIXED_TARGET_FIELDS],
    ] as const) {
      const base = EXPERIMENTS[experiment].config;
      for (const [name, info] of Object.entries(table) as [string, FieldInfo][]) {
        if (['thetaMin', 'thetaMax', 'neutronSimulatedDepth', 'calorimeterDepth'].includes(name)) continue; // bounded by other fields too (tested below)
        const { inside, outside } = probes(info);
        for (const v of inside) expect(() => withOverridesFromInput(base, { [name]: v }), `${name} = ${v}`).not.toThrow();
        for (const v of outside) {
          expect(() => withOverridesFromInput(base, { [name]: v }), `${name} = ${v}`).toThrow(ConfigError);
        }
        if (info.type === 'choice') {
          for (const c of info.choices ?? []) expect(() => withOverridesFromInput(base, { [name]: c }), `${name} = ${c}`).not.toThrow();
          expect(() => withOverridesFromInput(base, { [name]: 'nonsense' })).toThrow(ConfigError);
        }
        if (info.nullable) expect(() => withOverridesFromInput(base, { [name]: null })).not.toThrow();
        else expect(() => withOverridesFromInput(base, { [name]: null })).toThrow(ConfigError);
      }
    }
  });

  it('word the allowed range from the schema', () => {
    expect(FIELDS.lumi.allowed).toBe('0 < lumi ≤ 1e12');
    expect(FIELDS.alphaD.allowed).toBe('1e-8 ≤ α_D ≤ 1');
    expect(FIELDS.energyCut.allowed).toBe('0 < energyCut ≤ 0.99');
    expect(FIELDS.klmInteractionLengths.allowed).toBe('≥ 0');
    expect(FIELDS.neutronPenetration.allowed).toBe('null or 0 < P ≤ 1');
    expect(FIELDS.bremsstrahlungTracks).toMatchObject({ type: 'choice', choices: ['positrons', 'allLeptons'], allowed: 'positrons, allLeptons' });
    expect(FIXED_TARGET_FIELDS.observedEvents).toMatchObject({ type: 'integer', allowed: 'a whole number ≥ 0' });
    expect(FIELDS.thetaMax.allowed).toBe('0 < thetaMax ≤ 170, thetaMin < thetaMax');
    expect(allowedWithUnit(FIELDS.thetaMax)).toBe('0 < thetaMax ≤ 170 deg, thetaMin < thetaMax');
    expect(allowedWithUnit(FIELDS.lumi)).toBe('0 < lumi ≤ 1e12 ab⁻¹');
    expect(FIXED_TARGET_FIELDS.beamEnergy.allowed).toBe('≥ 0.1');
    expect(FIXED_TARGET_FIELDS.particlesOnTarget.allowed).toBe('0 < N ≤ 1e25');
    expect(FIELDS.massRatio.allowed).toBe('> 2, massRatio > 2 + massSplitting for pseudoDirac, and an A′ width Γ/m_A′ ≥ 3.3e-10 to resolve (α_D √(1 − 4/massRatio²) ≥ 1e-9 for dirac)');
    // the field the overrides set is the one reported (test/config/schema.test.ts)
    expect(() => withOverrides(belle2, { thetaMin: 130 })).toThrow(/thetaMin = 130 .*thetaMin < thetaMax/);
    expect(() => withOverrides(belle2, { neutronSimulatedDepth: 16 })).toThrow(/neutronSimulatedDepth = 16 .*neutronSimulatedDepth < calorimeterDepth/);
  });

  it('give each kind its table and every experiment a kind', () => {
    expect(fieldTable('collider')).toBe(FIELDS);
    expect(fieldTable('fixedTarget')).toBe(FIXED_TARGET_FIELDS);
    expect(EXPERIMENT_NAMES).toEqual(Object.keys(EXPERIMENTS));
    expect(DEFAULT_EXPERIMENT).toBe('belle2');
    for (const n of EXPERIMENT_NAMES) expect(kindOf(n)).toBe(EXPERIMENTS[n].config.kind);
  });

  it('define each CLI flag once, on a field of the table', () => {
    expect(Object.keys(FIELD_FLAGS).sort()).toEqual(['alphaD', 'analysis', 'darkMatter', 'electronMotion', 'energyCut', 'lumi', 'massInterpolation', 'massRatio', 'massSplitting', 'radiativeAnnihilation', 'statistics', 'visibleDecays']);
    const flags = Object.values(FIELD_FLAGS).map((f) => f.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const f of Object.keys(FIELD_FLAGS)) expect(Object.hasOwn(FIELDS, f) || Object.hasOwn(FIXED_TARGET_FIELDS, f)).toBe(true);
  });
});

describe('reading typed text', () => {
  it('reads numbers, null and words for a field', () => {
    expect(fieldValueFromText(FIELDS.lumi, ' 10 ')).toEqual({ value: 10 });
    expect(fieldValueFromText(FIELDS.lumi, '2.5e-3')).toEqual({ value: 2.5e-3 });
    for (const bad of ['', 'ten', '0x10', 'Infinity', '1e999', '1,5']) expect(fieldValueFromText(FIELDS.lumi, bad), bad).toBeUndefined();
    expect(fieldValueFromText(FIELDS.neutronPenetration, ' ')).toEqual({ value: null });
    expect(fieldValueFromText(FIELDS.material, 'BGO')).toEqual({ value: 'BGO' });
  });

  it('has one grid for the CLI and the page: default, cap and messages', () => {
    expect(GRID.points.default).toBe(String(DEFAULT_POINTS));
    expect(MAX_POINTS).toBe(10_000);
    const ok = readGrid({ massMin: '1MeV', massMax: '1GeV', points: String(MAX_POINTS) });
    expect(ok).toEqual({ ok: true, min: 0.001, max: 1, points: MAX_POINTS });
    const bad = readGrid({ massMin: 'x', massMax: '1GeV', points: String(MAX_POINTS + 1) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.field)).toEqual(['massMin', 'points']);

    // The CLI and the page accept and refuse the same grids.
    const cli = (points: string) =>
      resolveMasses({ massMin: '1MeV', massMax: '1GeV', points, given: { massMin: false, massMax: false, points: true } }, logGrid);
    const page = (points: string) => resolveInputs({ ...defaultInputs(), points });
    expect(cli(String(MAX_POINTS)).masses).toHaveLength(MAX_POINTS);
    expect(page(String(MAX_POINTS)).ok).toBe(true);
    expect(() => cli(String(MAX_POINTS + 1))).toThrow(`from 2 to ${MAX_POINTS}`);
    const refused = page(String(MAX_POINTS + 1));
    expect(!refused.ok && refused.problems[0].message).toContain(`from 2 to ${MAX_POINTS}`);
    expect(defaultInputs().points).toBe(GRID.points.default);
  });
});

describe('the shells hold no copy of what the library owns', () => {
  const files = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? files(path.join(dir, d.name)) : /\.ts$/.test(d.name) ? [path.join(dir, d.name)] : [],
    );
  const shells = [...files('cli'), ...files('web/src')];

  it("reads no zod internals (`_def`) and states no number pattern or grid cap of its own", () => {
    for (const f of shells) {
      const text = readFileSync(path.join(ROOT, f), 'utf8');
      expect(text, f).not.toMatch(/_def\b/);
      expect(text, f).not.toMatch(/\\d\+\\\.\?\\d\*/); // the decimal-number regex
      expect(text, f).not.toMatch(/(MAX_POINTS|points)\D{0,20}\b(2000|10000|10_000)\b/);
      expect(text, f).not.toMatch(/DEFAULT_EXPERIMENT\s*=/);
    }
  });

  it('has one file per CLI subcommand', () => {
    const commands = readdirSync(path.join(ROOT, 'cli', 'commands')).filter((f) => !['index.ts', 'shared.ts'].includes(f));
    expect(commands.sort()).toEqual(['background.ts', 'config.ts', 'crossSection.ts', 'experiments.ts', 'flux.ts', 'merge.ts', 'reach.ts', 'scan.ts', 'serve.ts', 'yield.ts']);
  });
});
