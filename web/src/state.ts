/**
 * The page's state as text: the built-in experiment, what is typed in each of
 * its controls, the overlays and the pinned configuration; read from and written to the URL's query string
 * (only what differs from the defaults), and resolved into a validated
 * configuration and mass grid by the library's own parsers. No DOM here, so
 * it is tested in Node.
 */
import {
  DEFAULT_EXPERIMENT,
  EXPERIMENT_NAMES,
  FIELDS,
  FIXED_TARGET_FIELDS,
  GRID,
  GRID_FIELDS,
  MAX_POINTS,
  NUMBER_PATTERN,
  allowedWithUnit,
  choiceProblem,
  fieldTable,
  fieldValueFromText,
  isExperiment,
  kindOf,
  presetValue,
  readGrid,
  type ColliderFieldName,
  type FieldInfo,
  type FixedTargetFieldName,
  type GridField,
  type Kind,
} from '../../src/config/fields.js';
import { EXPERIMENTS } from '../../src/config/presets.js';
import {
  ConfigError,
  withOverridesFromInput,
  type AnyExperimentConfig,
  type ConfigField,
  type ExperimentConfig,
  type FixedTargetConfig,
  type FixedTargetField,
} from '../../src/config/schema.js';
import { logGrid } from '../../src/reach.js';

export { DEFAULT_EXPERIMENT, EXPERIMENT_NAMES, GRID_FIELDS, MAX_POINTS, fieldTable, isExperiment, kindOf, type GridField, type Kind };

/** The collider fields (the controls of belle2, babar, besiii). */
export const CONFIG_FIELDS = Object.keys(FIELDS) as ConfigField[];
/** The fixed-target fields (the controls of the NA64 experiments). */
export const FIXED_TARGET_CONFIG_FIELDS = Object.keys(FIXED_TARGET_FIELDS) as FixedTargetField[];
/** The fields of each kind in the library's order (private copies: the exported lists may be sorted by a caller). */
const FIELDS_OF_KIND: Record<Kind, readonly FieldName[]> = {
  collider: Object.freeze([...CONFIG_FIELDS]),
  fixedTarget: Object.freeze([...FIXED_TARGET_CONFIG_FIELDS]),
};
export type FieldName = ColliderFieldName | FixedTargetFieldName;
export type InputName = FieldName | GridField;

/** Label, unit and allowed values of the mass-grid controls, like {@link FIELDS} (the library's grid, shared with the CLI). */
export const GRID_INFO: Record<GridField, { label: string; unit: string; allowed: string }> = GRID;

/** The config fields of an experiment's kind, in the library's order. */
export function configFields(experiment: string): readonly FieldName[] {
  return FIELDS_OF_KIND[kindOf(experiment)];
}

/** Every control of an experiment: its config fields, then the mass grid. */
export function inputNames(experiment: string): InputName[] {
  return [...configFields(experiment), ...GRID_FIELDS];
}

/**
 * The page's inputs: the experiment, and what is typed in each of its controls
 * (a control that is missing here shows the experiment's default).
 */
export type Inputs = { experiment: string } & Partial<Record<InputName, string>>;

/** A published limit laid over the figure. */
export interface Overlay {
  label: string;
  points: [massGeV: number, epsilon: number][];
  /** The unit the file's masses were read in (converted to GeV in `points`), and why (absent in a link). */
  unit?: 'GeV' | 'MeV';
  unitReason?: string;
}

/** How the figure is viewed: the mass unit of its axis and a zoomed (or set) mass and ε range. */
export interface View {
  unit?: 'GeV' | 'MeV';
  /** The plane: y = ε²α_D(m_χ/m_A′)⁴ against m_χ (absent: ε against m_A′); the ranges are in its units. */
  plane?: 'y';
  /** Mass range shown, GeV (absent: the grid's). */
  x?: [number, number];
  /** ε range shown (absent: fitted to the curves). */
  y?: [number, number];
}

export interface PageState {
  inputs: Inputs;
  overlays: Overlay[];
  /** The pinned configuration's inputs, drawn as a comparison curve. */
  pin?: Inputs;
  /** The selected mass (GeV) of the read-out. */
  at?: number;
  view?: View;
}

/** How a field's control reads its text: a number (maybe empty for null) or one of a few words. */
export interface FieldShape {
  kind: 'number' | 'choice' | 'list';
  /** The allowed words of a choice field. */
  options?: readonly string[];
  /** An empty control means null. */
  nullable: boolean;
}

/** A field's control type, from the library's field table (read from the schema through zod's public API). */
export function fieldShape(name: FieldName, kind: Kind = 'collider'): FieldShape {
  const info: FieldInfo | undefined = fieldTable(kind)[name];
  if (info?.type === 'choice' || info?.type === 'boolean') return { kind: 'choice', options: info.choices, nullable: info.nullable };
  if (info?.type === 'list') return { kind: 'list', nullable: info.nullable };
  return { kind: 'number', nullable: info?.nullable ?? false };
}

export const isGrid = (name: string): name is GridField => (GRID_FIELDS as readonly string[]).includes(name);
const isInputOf = (experiment: string, name: string): name is InputName => (inputNames(experiment) as string[]).includes(name);

/** The text a control shows for the experiment's value (`''` for a null field). */
export function defaultText(experiment: string, name: InputName): string {
  if (isGrid(name)) return GRID[name].default;
  const v = presetValue(experiment, name);
  return v === null || v === undefined ? '' : String(v);
}

/** Every control of an experiment at its default (belle2 unless named). */
export function defaultInputs(experiment = DEFAULT_EXPERIMENT): Inputs {
  return { experiment, ...Object.fromEntries(inputNames(experiment).map((n) => [n, defaultText(experiment, n)])) };
}

/** A control's text (its default when the inputs do not have it). */
export function textOf(inputs: Inputs, name: InputName): string {
  return inputs[name] ?? defaultText(inputs.experiment, name);
}

export function isDefault(experiment: string, name: InputName, text: string): boolean {
  return text.trim() === defaultText(experiment, name);
}

/** Label, unit and allowed range of a control (of an experiment of the given kind). */
export function inputInfo(name: InputName, kind: Kind = 'collider'): { label: string; unit: string; allowed: string; notes?: Readonly<Record<string, string>> } {
  return isGrid(name) ? GRID_INFO[name] : fieldTable(kind)[name];
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

/** `experiment` (unless it is the default one), then the controls that differ from its defaults. */
function inputsToParams(inputs: Inputs, params: URLSearchParams): void {
  const e = inputs.experiment;
  if (e !== DEFAULT_EXPERIMENT) params.set('experiment', e);
  for (const n of inputNames(e)) {
    const t = textOf(inputs, n);
    if (!isDefault(e, n, t)) params.set(n, t.trim());
  }
}

/** The query string (without `?`) of a state: the experiment and changed controls, then overlays, the pin and the selection. */
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
  if (s.view?.unit === 'MeV') p.set('unit', 'MeV');
  if (s.view?.plane === 'y') p.set('plane', 'y');
  if (s.view?.x) p.set('x', rangeToParam(s.view.x));
  if (s.view?.y) p.set('y', rangeToParam(s.view.y));
  return p.toString();
}

const rangeToParam = ([lo, hi]: [number, number]) => `${Number(lo.toPrecision(6))}_${Number(hi.toPrecision(6))}`;

/** A positive range `lo_hi` (lo < hi), or undefined. */
export function rangeFromParam(text: string): [number, number] | undefined {
  const parts = text.split('_');
  if (parts.length !== 2 || !parts.every((t) => NUMBER_PATTERN.test(t))) return undefined;
  const [lo, hi] = parts.map(Number);
  return lo > 0 && hi > lo && Number.isFinite(hi) ? [lo, hi] : undefined;
}

/**
 * Reads a state from a query string; what cannot be read is left at its
 * default and told in `problems`. A link without `experiment` is belle2's.
 */
export function stateFromQuery(query: string): { state: PageState; problems: string[] } {
  const p = new URLSearchParams(query);
  const problems: string[] = [];
  const readInputs = (q: URLSearchParams, where: string): Inputs => {
    let experiment = q.get('experiment') ?? DEFAULT_EXPERIMENT;
    if (!isExperiment(experiment)) {
      problems.push(`${where}experiment=${experiment} in the link is not a built-in experiment (allowed: ${EXPERIMENT_NAMES.join(', ')}); ${DEFAULT_EXPERIMENT} is shown`);
      experiment = DEFAULT_EXPERIMENT;
    }
    const inputs = defaultInputs(experiment);
    const other = kindOf(experiment) === 'fixedTarget' ? FIELDS : FIXED_TARGET_FIELDS;
    for (const [k, v] of q) {
      if (k === 'experiment') continue;
      if (isInputOf(experiment, k)) inputs[k] = v;
      else if (where === '' && ['overlay', 'pin', 'at', 'unit', 'plane', 'x', 'y'].includes(k)) continue;
      else if (Object.hasOwn(other, k)) problems.push(`link parameter ${where}${k} does not apply to ${experiment} and was ignored`);
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
  const view: View = {};
  const unit = p.get('unit');
  if (unit === 'MeV' || unit === 'GeV') view.unit = unit;
  else if (unit !== null) problems.push(`unit=${unit} in the link is not MeV or GeV and was ignored`);
  const plane = p.get('plane');
  if (plane === 'y') view.plane = 'y';
  else if (plane !== null && plane !== 'epsilon') problems.push(`plane=${plane} in the link is not y or epsilon and was ignored`);
  for (const axis of ['x', 'y'] as const) {
    const v = p.get(axis);
    if (v === null) continue;
    const r = rangeFromParam(v);
    if (r) view[axis] = r;
    else problems.push(`${axis}=${v} in the link is not a range lo_hi with 0 < lo < hi and was ignored`);
  }
  if (Object.keys(view).length > 0) state.view = view;
  return { state, problems };
}

// ── validation ──

export interface FieldProblem {
  field: InputName;
  message: string;
}

/** A configuration of either kind, whose fields of the other kind read as undefined. */
export type PageConfig = AnyExperimentConfig &
  Partial<Omit<ExperimentConfig, 'kind'>> &
  Partial<Omit<FixedTargetConfig, 'kind'>>;

export interface Resolved {
  config: PageConfig;
  /** The grid masses (GeV) handed to computeReach, which adds the kinematic edges in range. */
  masses: number[];
}

const allowedText = (name: InputName, kind: Kind) => `allowed: ${allowedWithUnit(inputInfo(name, kind))}`;

/** A control's text as the value of its config field (the library's reader), or a problem. */
function fieldValue(name: FieldName, kind: Kind, text: string): { value: unknown } | { problem: string } {
  const info = fieldTable(kind)[name];
  const notChoice = choiceProblem(name, info, text);
  if (notChoice !== undefined) return { problem: notChoice };
  const r = fieldValueFromText(info, text);
  if (r !== undefined) return r;
  const t = text.trim();
  if (info.type === 'list') return { problem: `config field ${name} = ${JSON.stringify(t)} is not a list of numbers (${allowedText(name, kind)})` };
  const shown = t === '' ? 'empty' : JSON.stringify(t);
  return { problem: `config field ${name} = ${shown} is not a number (${allowedText(name, kind)})` };
}

/** The controls that differ from the experiment's defaults, in the form's order. */
export function changedInputs(inputs: Inputs): InputName[] {
  return inputNames(inputs.experiment).filter((n) => !isDefault(inputs.experiment, n, textOf(inputs, n)));
}

/**
 * Of two fields whose values conflict, the one to mark: the one edited most
 * recently (`edited`, newest first), else the one that differs from its
 * default, else `fallback`.
 */
function blame(pair: readonly [InputName, InputName], inputs: Inputs, edited: readonly InputName[], fallback: InputName): InputName {
  for (const e of edited) if (pair.includes(e)) return e;
  const changed = pair.filter((n) => !isDefault(inputs.experiment, n, textOf(inputs, n)));
  return changed.length === 1 ? changed[0] : fallback;
}

/** The reason of a schema message (`… (allowed: …; must be larger than thetaMin (150))` → `must be larger than thetaMin (150)`). */
function reasonOf(message: string): string {
  const m = /;\s*([^;]*)\)\s*$/.exec(message);
  return m ? m[1] : message;
}

/**
 * Validates every control with the library's parsers ({@link withOverridesFromInput}
 * on the experiment's preset, {@link parseMass}) and returns the
 * configuration and masses, or one problem per field that is wrong (each
 * message names the field, its value and what is allowed).
 *
 * A conflict between two fields (thetaMin ≥ thetaMax, massMin ≥ massMax,
 * neutronSimulatedDepth ≥ calorimeterDepth, …) is reported once, on the field
 * the user edited last (`edited`, newest first), else on the one that differs
 * from its default.
 */
export function resolveInputs(
  inputs: Inputs,
  edited: readonly InputName[] = [],
): { ok: true; value: Resolved } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const experiment = inputs.experiment;
  if (!isExperiment(experiment)) {
    return { ok: false, problems: [{ field: 'massMin', message: `experiment ${experiment} is not a built-in experiment (allowed: ${EXPERIMENT_NAMES.join(', ')})` }] };
  }
  const base = EXPERIMENTS[experiment].config;
  const kind = base.kind;
  const fields = configFields(experiment);
  const text = (n: InputName) => textOf(inputs, n).trim();
  const overrides: Record<string, unknown> = {};
  for (const name of fields) {
    const r = fieldValue(name, kind, text(name));
    if ('problem' in r) problems.push({ field: name, message: r.problem });
    else overrides[name] = r.value;
  }
  const accepts = (o: Record<string, unknown>) => {
    try {
      withOverridesFromInput(base, o);
      return true;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return false;
    }
  };
  // The schema reports one problem at a time: take it, fall back to the preset for that field
  // (for a conflict between two fields, for both), ask again.
  let config: PageConfig | undefined;
  for (let round = 0; round <= fields.length; round++) {
    try {
      config = withOverridesFromInput(base, overrides);
      break;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const field = e.field as FieldName | undefined;
      if (!field || !(field in overrides) || problems.some((p) => p.field === field)) {
        problems.push({ field: field && isInputOf(experiment, field) ? field : fields[0], message: e.message });
        break;
      }
      // A value that is fine on its own conflicts with another field: find which.
      const partner = accepts({ [field]: overrides[field] })
        ? fields.find((g) => g !== field && g in overrides && !accepts({ [field]: overrides[field], [g]: overrides[g] }))
        : undefined;
      if (partner === undefined) {
        problems.push({ field, message: e.message });
        delete overrides[field];
        continue;
      }
      const who = blame([field, partner], inputs, edited, field) as FieldName;
      const other = who === field ? partner : field;
      const message =
        who === field
          ? e.message
          : `config field ${who} = ${text(who)} is not allowed with ${other} = ${text(other)} (${other} ${reasonOf(e.message)}; ${allowedText(who, kind)})`;
      problems.push({ field: who, message });
      delete overrides[field];
      delete overrides[partner];
    }
  }

  const grid = readGrid({ massMin: text('massMin'), massMax: text('massMax'), points: text('points') }, (f) => `${f} =`);
  if (!grid.ok) {
    for (const p of grid.problems) {
      if (p.field === 'massMax' && grid.conflict && blame(['massMin', 'massMax'], inputs, edited, 'massMax') === 'massMin') {
        // the two masses conflict and the lightest was edited last: mark it
        problems.push({ field: 'massMin', message: `massMin = ${text('massMin')} is not allowed: it must be smaller than massMax (${text('massMax')})` });
      } else problems.push({ field: p.field as GridField, message: p.message });
    }
  }
  if (problems.length > 0 || !config || !grid.ok) return { ok: false, problems };
  return { ok: true, value: { config, masses: logGrid(grid.min, grid.max, grid.points) } };
}

/**
 * The inputs of another experiment that keep the edits that apply to it: a
 * control changed from its default on `from` keeps its text where the new
 * experiment has that control; the others are `dropped`. The rest are the new
 * experiment's defaults.
 */
export function carryInputs(from: Inputs, experiment: string): { inputs: Inputs; kept: InputName[]; dropped: InputName[] } {
  const inputs = defaultInputs(experiment);
  const names = new Set<string>(inputNames(experiment));
  const kept: InputName[] = [];
  const dropped: InputName[] = [];
  for (const n of changedInputs(from)) {
    if (names.has(n)) {
      inputs[n] = textOf(from, n);
      if (!isDefault(experiment, n, textOf(from, n))) kept.push(n);
    } else {
      dropped.push(n);
    }
  }
  return { inputs, kept, dropped };
}

/**
 * A short description of the controls that differ from the defaults, for
 * legends: `lumi 10 ab⁻¹, alphaD 0.01`; named after the experiment
 * (`na64-2019: alphaD 0.01`, `na64-2019 defaults`) unless it is `shownWith`.
 */
export function describeChanges(inputs: Inputs, shownWith = DEFAULT_EXPERIMENT): string {
  const e = inputs.experiment;
  const kind = kindOf(e);
  const parts = inputNames(e)
    .filter((n) => !isDefault(e, n, textOf(inputs, n)))
    .map((n) => {
      const unit = inputInfo(n, kind).unit;
      const text = textOf(inputs, n).trim() === '' ? 'null' : textOf(inputs, n).trim();
      return `${n} ${text}${unit && NUMBER_PATTERN.test(text) ? ` ${unit}` : ''}`;
    });
  if (parts.length === 0) return `${e} defaults`;
  return e === shownWith ? parts.join(', ') : `${e}: ${parts.join(', ')}`;
}
