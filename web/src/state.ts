/**
 * The page's state as text: what is typed in every control, the overlays and
 * the pinned configuration; read from and written to the URL's query string
 * (only what differs from the defaults), and resolved into a validated
 * configuration and mass grid by the library's own parsers. No DOM here, so
 * it is tested in Node.
 */
import { belle2 } from '../../src/config/presets.js';
import { parseMass } from '../../src/config/quantity.js';
import {
  ConfigError,
  FIELDS,
  experimentConfigSchema,
  withOverrides,
  type ConfigField,
  type ExperimentConfig,
} from '../../src/config/schema.js';
import { logGrid } from '../../src/reach.js';

export const CONFIG_FIELDS = Object.keys(FIELDS) as ConfigField[];
export const GRID_FIELDS = ['massMin', 'massMax', 'points'] as const;
export type GridField = (typeof GRID_FIELDS)[number];
export type InputName = ConfigField | GridField;
export const INPUT_NAMES: readonly InputName[] = [...CONFIG_FIELDS, ...GRID_FIELDS];

/** Most masses a page grid may have (the computation grows linearly with it). */
export const MAX_POINTS = 2000;

/** Label, unit and allowed values of the mass-grid controls, like {@link FIELDS}. */
export const GRID_INFO: Record<GridField, { label: string; unit: string; allowed: string }> = {
  massMin: { label: "Lightest m_A'", unit: 'GeV', allowed: 'a mass > 0, in GeV or with a unit (66MeV, 500keV)' },
  massMax: { label: "Heaviest m_A'", unit: 'GeV', allowed: 'a mass larger than massMin, in GeV or with a unit' },
  points: { label: 'Masses in the log grid', unit: '', allowed: `a whole number from 2 to ${MAX_POINTS}` },
};

const GRID_DEFAULTS: Record<GridField, string> = { massMin: '1MeV', massMax: '1GeV', points: '100' };

/** Every control's text. */
export type Inputs = Record<InputName, string>;

/** A published limit laid over the figure. */
export interface Overlay {
  label: string;
  points: [massGeV: number, epsilon: number][];
}

export interface PageState {
  inputs: Inputs;
  overlays: Overlay[];
  /** The pinned configuration's inputs, drawn as a comparison curve. */
  pin?: Inputs;
  /** The selected mass (GeV) of the read-out. */
  at?: number;
}

/** How a field's control reads its text: a number (maybe empty for null) or one of a few words. */
export interface FieldShape {
  kind: 'number' | 'choice';
  /** The allowed words of a choice field. */
  options?: readonly string[];
  /** An empty control means null. */
  nullable: boolean;
}

interface ZodDefLike {
  typeName?: string;
  schema?: { _def: ZodDefLike };
  innerType?: { _def: ZodDefLike };
  values?: readonly string[] | Record<string, string>;
  shape?: () => Record<string, { _def: ZodDefLike }>;
}

/** Reads a field's type from the library's zod schema (through effects, defaults, nullables). */
export function fieldShape(name: ConfigField): FieldShape {
  let def = (experimentConfigSchema as unknown as { _def: ZodDefLike })._def;
  while (def.typeName === 'ZodEffects' && def.schema) def = def.schema._def;
  let field = def.shape?.()[name]?._def;
  let nullable = false;
  while (field && ['ZodNullable', 'ZodOptional', 'ZodDefault'].includes(field.typeName ?? '') && field.innerType) {
    if (field.typeName === 'ZodNullable') nullable = true;
    field = field.innerType._def;
  }
  if (field?.typeName === 'ZodEnum' && field.values) {
    const options = Array.isArray(field.values) ? field.values : Object.values(field.values);
    return { kind: 'choice', options, nullable };
  }
  return { kind: 'number', nullable };
}

const isGrid = (name: string): name is GridField => (GRID_FIELDS as readonly string[]).includes(name);
const isInput = (name: string): name is InputName => (INPUT_NAMES as readonly string[]).includes(name);

/** The text a control shows for the preset's value (`''` for a null field). */
export function defaultText(name: InputName): string {
  if (isGrid(name)) return GRID_DEFAULTS[name];
  const v = belle2[name];
  return v === null ? '' : String(v);
}

export function defaultInputs(): Inputs {
  return Object.fromEntries(INPUT_NAMES.map((n) => [n, defaultText(n)])) as Inputs;
}

export function isDefault(name: InputName, text: string): boolean {
  return text.trim() === defaultText(name);
}

/** Label, unit and allowed range of a control. */
export function inputInfo(name: InputName): { label: string; unit: string; allowed: string } {
  return isGrid(name) ? GRID_INFO[name] : FIELDS[name];
}

// ── URL ──

const OVERLAY_POINT = '*';
const OVERLAY_PAIR = '_';

/** An overlay as one URL value: `label*m_e*m_e…`; numbers in the shortest form that reads back exactly. */
export function overlayToParam(o: Overlay): string {
  const label = o.label.replaceAll(OVERLAY_POINT, ' ');
  return [label, ...o.points.map(([m, e]) => `${m}${OVERLAY_PAIR}${e}`)].join(OVERLAY_POINT);
}

export function overlayFromParam(text: string): Overlay | undefined {
  const [label, ...pairs] = text.split(OVERLAY_POINT);
  const points: [number, number][] = [];
  for (const p of pairs) {
    const [m, e] = p.split(OVERLAY_PAIR).map(Number);
    if (!(m > 0 && e > 0 && Number.isFinite(m) && Number.isFinite(e))) return undefined;
    points.push([m, e]);
  }
  return points.length > 0 ? { label, points } : undefined;
}

function inputsToParams(inputs: Inputs, params: URLSearchParams): void {
  for (const n of INPUT_NAMES) if (!isDefault(n, inputs[n])) params.set(n, inputs[n].trim());
}

/** The query string (without `?`) of a state: changed controls, then overlays, the pin and the selection. */
export function stateToQuery(s: PageState): string {
  const p = new URLSearchParams();
  inputsToParams(s.inputs, p);
  for (const o of s.overlays) p.append('overlay', overlayToParam(o));
  if (s.pin) {
    const pin = new URLSearchParams();
    inputsToParams(s.pin, pin);
    p.set('pin', pin.toString());
  }
  if (s.at !== undefined) p.set('at', String(s.at));
  return p.toString();
}

/** Reads a state from a query string; what cannot be read is left at its default and told in `problems`. */
export function stateFromQuery(query: string): { state: PageState; problems: string[] } {
  const p = new URLSearchParams(query);
  const problems: string[] = [];
  const readInputs = (q: URLSearchParams, where: string): Inputs => {
    const inputs = defaultInputs();
    for (const [k, v] of q) {
      if (isInput(k)) inputs[k] = v;
      else if (where === '' && ['overlay', 'pin', 'at'].includes(k)) continue;
      else problems.push(`unknown link parameter ${where}${k} was ignored`);
    }
    return inputs;
  };
  const state: PageState = { inputs: readInputs(p, ''), overlays: [] };
  for (const v of p.getAll('overlay')) {
    const o = overlayFromParam(v);
    if (o) state.overlays.push(o);
    else problems.push(`overlay "${v.slice(0, 30)}" in the link is not a list of positive mass_epsilon pairs and was ignored`);
  }
  const pin = p.get('pin');
  if (pin !== null) state.pin = readInputs(new URLSearchParams(pin), 'pin.');
  const at = p.get('at');
  if (at !== null) {
    const m = Number(at);
    if (m > 0 && Number.isFinite(m)) state.at = m;
    else problems.push(`at=${at} in the link is not a mass in GeV and was ignored`);
  }
  return { state, problems };
}

// ── validation ──

export interface FieldProblem {
  field: InputName;
  message: string;
}

export interface Resolved {
  config: ExperimentConfig;
  /** The grid masses (GeV) handed to computeReach, which adds the kinematic edges in range. */
  masses: number[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const allowedText = (name: InputName) => {
  const i = inputInfo(name);
  return `allowed: ${i.allowed}${i.unit ? ` ${i.unit}` : ''}`;
};

/** A control's text as the value of its config field, or a problem. */
function fieldValue(name: ConfigField, text: string): { value: unknown } | { problem: string } {
  const t = text.trim();
  const shape = fieldShape(name);
  if (shape.nullable && t === '') return { value: null };
  if (shape.kind === 'choice') return { value: t };
  if (!NUMBER.test(t)) {
    const shown = t === '' ? 'empty' : JSON.stringify(t);
    return { problem: `config field ${name} = ${shown} is not a number (${allowedText(name)})` };
  }
  return { value: Number(t) };
}

/**
 * Validates every control with the library's parsers ({@link withOverrides},
 * {@link parseMass}) and returns the configuration and masses, or one problem
 * per field that is wrong (each message names the field, its value and what
 * is allowed).
 */
export function resolveInputs(inputs: Inputs): { ok: true; value: Resolved } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const overrides: Record<string, unknown> = {};
  for (const name of CONFIG_FIELDS) {
    const r = fieldValue(name, inputs[name]);
    if ('problem' in r) problems.push({ field: name, message: r.problem });
    else overrides[name] = r.value;
  }
  // The schema reports one problem at a time: take it, fall back to the preset for that field, ask again.
  let config: ExperimentConfig | undefined;
  for (let round = 0; round <= CONFIG_FIELDS.length; round++) {
    try {
      config = withOverrides(belle2, overrides);
      break;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const field = e.field as ConfigField | undefined;
      if (!field || !(field in overrides) || problems.some((p) => p.field === field)) {
        problems.push({ field: field && isInput(field) ? field : 'lumi', message: e.message });
        break;
      }
      problems.push({ field, message: e.message });
      delete overrides[field];
    }
  }

  const mass = (name: 'massMin' | 'massMax'): number | undefined => {
    try {
      return parseMass(inputs[name], name);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push({ field: name, message: e.message });
      return undefined;
    }
  };
  const min = mass('massMin');
  const max = mass('massMax');
  if (min !== undefined && max !== undefined && !(max > min)) {
    problems.push({ field: 'massMax', message: `massMax = ${inputs.massMax.trim()} is not allowed (${allowedText('massMax')}; massMin is ${inputs.massMin.trim()})` });
  }
  const pt = inputs.points.trim();
  const n = /^\d+$/.test(pt) ? Number(pt) : NaN;
  if (!(Number.isSafeInteger(n) && n >= 2 && n <= MAX_POINTS)) {
    problems.push({ field: 'points', message: `points = ${JSON.stringify(pt)} is not allowed (${allowedText('points')})` });
  }
  if (problems.length > 0 || !config || min === undefined || max === undefined) return { ok: false, problems };
  return { ok: true, value: { config, masses: logGrid(min, max, n) } };
}

/** A short description of the controls that differ from the defaults, for legends: `lumi 10 ab⁻¹, alphaD 0.01`. */
export function describeChanges(inputs: Inputs): string {
  const parts = INPUT_NAMES.filter((n) => !isDefault(n, inputs[n])).map((n) => {
    const unit = inputInfo(n).unit;
    const text = inputs[n].trim() === '' ? 'null' : inputs[n].trim();
    return `${n} ${text}${unit && NUMBER.test(text) ? ` ${unit}` : ''}`;
  });
  return parts.length === 0 ? 'belle2 defaults' : parts.join(', ');
}
