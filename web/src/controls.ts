/**
 * The form: the experiment selector, then one labelled control per
 * configuration field of that experiment's kind, grouped as its paper is
 * (collider: collider and acceptance, calorimeter, backgrounds, dark sector,
 * statistics; fixed target: beam, target, dark sector, statistics), then the
 * mass grid. Each control has the field's name, its unit, its default and a
 * reset button; an inline `role="alert"` message shows what is wrong with it.
 */
import { EXPERIMENTS } from '../../src/config/presets.js';
import type { FieldInfo } from '../../src/config/fields.js';
import {
  DEFAULT_EXPERIMENT,
  EXPERIMENT_NAMES,
  GRID_FIELDS,
  configFields,
  defaultText,
  fieldShape,
  fieldTable,
  inputInfo,
  inputNames,
  isDefault,
  isGrid,
  kindOf,
  type FieldProblem,
  type InputName,
  type Inputs,
  type Kind,
} from './state.js';

type GroupKey = FieldInfo['group'] | 'grid';
interface Group {
  key: GroupKey;
  title: string;
  note?: string;
}

const GRID_GROUP: Group = { key: 'grid', title: 'Mass grid', note: 'kinematic edges in range are added; kept when the experiment changes' };

/** The groups of each kind, in the order of its paper. */
const PAPER_GROUPS: Record<Kind, Group[]> = {
  collider: [
    { key: 'collider', title: 'Collider and acceptance', note: 'Sec. III: Bhabha positrons in the ECL barrel' },
    { key: 'calorimeter', title: 'Calorimeter', note: 'Eqs. 6, 11, 12' },
    { key: 'backgrounds', title: 'Backgrounds', note: 'Sec. IV: photons and neutrons' },
    { key: 'darkSector', title: 'Dark sector', note: 'Eqs. 8–10' },
    { key: 'statistics', title: 'Statistics', note: 'Sec. V' },
  ],
  fixedTarget: [
    { key: 'beam', title: 'Beam', note: 'a mono-energetic lepton beam on the active target' },
    { key: 'calorimeter', title: 'Target and selection', note: 'missing energy: at most energyCut of the beam energy deposited' },
    { key: 'darkSector', title: 'Dark sector' },
    { key: 'statistics', title: 'Background and statistics', note: 'Poisson (CLs) upper limit on the signal' },
  ],
};

/** The paper's groups of the kind, then any other group its fields have, then the mass grid. */
function groupsOf(kind: Kind): Group[] {
  const table = fieldTable(kind);
  const used = [...new Set(Object.values(table).map((f) => f.group))];
  const paper = PAPER_GROUPS[kind];
  return [
    ...paper.filter((g) => used.includes(g.key as FieldInfo['group'])),
    ...used.filter((k) => !paper.some((g) => g.key === k)).map((k) => ({ key: k, title: k })),
    GRID_GROUP,
  ];
}

/** Placeholder of a nullable field's empty control. */
const NULL_HINT: Partial<Record<InputName, string>> = { neutronPenetration: 'empty: computed (Eq. 7)' };

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const shownDefault = (experiment: string, name: InputName) => {
  const d = defaultText(experiment, name);
  return d === '' ? 'empty (null)' : d;
};

/**
 * Shows a word in a drop-down. A word that is not one of its options (a link's
 * `darkMatter=wimp`) is kept as one more option, marked as not allowed, so the
 * control reads back what the link said and its alert can name it; it goes
 * once another word is chosen.
 */
function setChoice(select: HTMLSelectElement, word: string): void {
  if (![...select.options].some((o) => o.value === word)) {
    select.append(h('option', { value: word, 'data-stray': '' }, `${word === '' ? 'empty' : word} (not allowed)`));
  }
  if (select.value !== word) select.value = word;
  dropStrayChoices(select);
}

/** Removes the options added for words that are not allowed, except the one shown. */
function dropStrayChoices(select: HTMLSelectElement): void {
  for (const o of [...select.options]) if (o.dataset.stray !== undefined && !o.selected) o.remove();
}

export interface ControlsHandlers {
  /** The experiment selector changed. */
  onExperiment(experiment: string): void;
  /** A control's text changed (`commit`: on change/Enter rather than while typing). */
  onInput(name: InputName, commit: boolean): void;
  /** A reset button (or "reset all") was used. */
  onReset(names: InputName[]): void;
}

export class Controls {
  private readonly inputs = new Map<InputName, HTMLInputElement | HTMLSelectElement>();
  private readonly errors = new Map<InputName, HTMLElement>();
  private readonly select: HTMLSelectElement;
  private readonly source: HTMLElement;
  private readonly note: HTMLElement;
  private readonly resetAll: HTMLButtonElement;
  /** The groups of the shown experiment's controls. */
  private readonly fields: HTMLElement;
  private experimentShown = '';

  constructor(
    private readonly form: HTMLFormElement,
    private readonly handlers: ControlsHandlers,
  ) {
    form.noValidate = true;
    form.addEventListener('submit', (e) => e.preventDefault());

    const chooser = h('div', { class: 'experiment-choice' });
    const label = h('label', { for: 'f-experiment' }, 'Experiment');
    this.select = h('select', { id: 'f-experiment', name: 'experiment', 'aria-describedby': 'f-experiment-source' });
    for (const name of EXPERIMENT_NAMES) this.select.append(h('option', { value: name }, EXPERIMENTS[name].title));
    this.select.addEventListener('change', () => handlers.onExperiment(this.select.value));
    this.source = h('div', { class: 'help', id: 'f-experiment-source' });
    this.note = h('p', { class: 'experiment-note', id: 'f-experiment-note', role: 'status', 'aria-live': 'polite' });
    this.note.hidden = true;
    chooser.append(label, this.select, this.source, this.note);

    const top = h('div', { class: 'form-actions' });
    this.resetAll = h('button', { type: 'button', class: 'reset-all' });
    this.resetAll.addEventListener('click', () => handlers.onReset(inputNames(this.experimentShown)));
    top.append(this.resetAll);
    this.fields = h('div', { class: 'experiment-fields' });
    form.append(chooser, top, this.fields);
    this.setExperiment(DEFAULT_EXPERIMENT);
  }

  /** The experiment whose controls are shown. */
  get experiment(): string {
    return this.experimentShown;
  }

  /**
   * Shows the controls of an experiment (each with its defaults); the
   * controls of the mass grid keep their text.
   */
  setExperiment(experiment: string): void {
    if (experiment === this.experimentShown) return;
    const grid = Object.fromEntries(GRID_FIELDS.map((n) => [n, this.inputs.get(n)?.value])) as Record<string, string | undefined>;
    this.experimentShown = experiment;
    this.select.value = experiment;
    this.source.textContent = `Values from ${EXPERIMENTS[experiment].source}`;
    this.resetAll.textContent = `Reset all to ${experiment}`;
    this.inputs.clear();
    this.errors.clear();
    const kind = kindOf(experiment);
    this.form.dataset.kind = kind;
    const groups: HTMLElement[] = [];
    for (const g of groupsOf(kind)) {
      const names: InputName[] = g.key === 'grid' ? [...GRID_FIELDS] : configFields(experiment).filter((f) => fieldTable(kind)[f].group === g.key);
      const fs = h('fieldset', { class: `group group-${g.key}` });
      fs.append(h('legend', {}, g.title));
      if (g.note) fs.append(h('p', { class: 'group-note' }, g.note));
      for (const name of names) fs.append(this.row(experiment, name));
      groups.push(fs);
    }
    this.fields.replaceChildren(...groups);
    for (const n of GRID_FIELDS) {
      const v = grid[n];
      const el = this.inputs.get(n);
      if (el && v !== undefined) el.value = v;
    }
    this.markChanged();
  }

  private row(experiment: string, name: InputName): HTMLElement {
    const handlers = this.handlers;
    const kind = kindOf(experiment);
    const info = inputInfo(name, kind);
    const id = `f-${name}`;
    const row = h('div', { class: 'field', 'data-field': name });
    const label = h('label', { for: id });
    label.append(info.label);
    if (info.unit) label.append(' ', h('span', { class: 'unit' }, `[${info.unit}]`));
    const line = h('div', { class: 'input-line' });
    let input: HTMLInputElement | HTMLSelectElement;
    const shape = isGrid(name) ? undefined : fieldShape(name, kind);
    const dflt = shownDefault(experiment, name);
    if (shape?.kind === 'choice') {
      input = h('select', { id, name });
      // each word with what it means where the field says (`comptonProfile (on shell)`)
      for (const m of shape.options ?? []) input.append(h('option', { value: m }, info.notes?.[m] ? `${m} (${info.notes[m]})` : m));
    } else {
      input = h('input', {
        id,
        name,
        type: 'text',
        // A full keyboard: numbers here take signs, exponents (1e-5) and, for masses, units.
        inputmode: 'text',
        enterkeyhint: 'done',
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: NULL_HINT[name] ?? dflt,
      });
    }
    input.value = defaultText(experiment, name);
    const help = h('div', { class: 'help', id: `${id}-help` });
    help.append(`default ${dflt} · allowed ${info.allowed}`);
    const error = h('div', { class: 'error', id: `${id}-error`, role: 'alert' });
    error.hidden = true;
    input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
    // A control removed by a switch of experiment may still fire (a focused input's change): only shown ones count.
    const live = () => this.inputs.get(name) === input;
    input.addEventListener('input', () => live() && handlers.onInput(name, false));
    input.addEventListener('change', () => {
      if (input instanceof HTMLSelectElement) dropStrayChoices(input);
      if (live()) handlers.onInput(name, true);
    });
    input.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter' && live()) handlers.onInput(name, true);
    });
    const reset = h('button', {
      type: 'button',
      class: 'reset',
      'aria-label': `Reset ${info.label} to its default, ${dflt}`,
      title: `Reset to default (${dflt})`,
    }, '↺');
    reset.addEventListener('click', () => handlers.onReset([name]));
    line.append(input, reset);
    row.append(label, line, help, error);
    this.inputs.set(name, input);
    this.errors.set(name, error);
    return row;
  }

  /** Says what a switch of experiment kept and dropped (empty: nothing). */
  setNote(text: string): void {
    this.note.textContent = text;
    this.note.hidden = text === '';
  }

  /** The experiment and every control's current text. */
  read(): Inputs {
    const e = this.experimentShown;
    return { experiment: e, ...Object.fromEntries(inputNames(e).map((n) => [n, this.inputs.get(n)?.value ?? defaultText(e, n)])) };
  }

  /** Sets the controls' text (and marks the ones that differ from the defaults). */
  write(inputs: Partial<Inputs>): void {
    for (const [n, v] of Object.entries(inputs)) {
      const el = this.inputs.get(n as InputName);
      if (!el || v === undefined) continue;
      if (el instanceof HTMLSelectElement) setChoice(el, v);
      else if (el.value !== v) el.value = v;
    }
    this.markChanged();
  }

  markChanged(): void {
    for (const [n, el] of this.inputs) el.closest('.field')?.classList.toggle('changed', !isDefault(this.experimentShown, n, el.value));
  }

  /** Shows each problem under its control, clears the others. */
  showProblems(problems: FieldProblem[]): void {
    for (const [n, box] of this.errors) {
      const mine = problems.filter((p) => p.field === n).map((p) => p.message);
      const text = mine.join(' ');
      if (box.textContent !== text) box.textContent = text;
      box.hidden = mine.length === 0;
      const input = this.inputs.get(n);
      if (mine.length > 0) input?.setAttribute('aria-invalid', 'true');
      else input?.removeAttribute('aria-invalid');
    }
  }
}
