/**
 * The form: one labelled control per configuration field, grouped as the
 * paper is (collider and acceptance, calorimeter, backgrounds, dark sector,
 * statistics), then the mass grid. Each control has the field's name, its
 * unit, its default and a reset button; an inline `role="alert"` message
 * shows what is wrong with it.
 */
import { FIELDS, type FieldInfo } from '../../src/config/schema.js';
import {
  CONFIG_FIELDS,
  GRID_FIELDS,
  INPUT_NAMES,
  defaultText,
  fieldShape,
  inputInfo,
  isDefault,
  type FieldProblem,
  type InputName,
  type Inputs,
} from './state.js';

const PAPER_GROUPS: { key: FieldInfo['group'] | 'grid'; title: string; note?: string }[] = [
  { key: 'collider', title: 'Collider and acceptance', note: 'Sec. III: Bhabha positrons in the ECL barrel' },
  { key: 'calorimeter', title: 'Calorimeter', note: 'Eqs. 6, 11, 12' },
  { key: 'backgrounds', title: 'Backgrounds', note: 'Sec. IV: photons and neutrons' },
  { key: 'darkSector', title: 'Dark sector', note: 'Eqs. 8–10' },
  { key: 'statistics', title: 'Statistics', note: 'Sec. V' },
  { key: 'grid', title: 'Mass grid', note: 'kinematic edges in range are added' },
];

/** The paper's groups, then any other group the schema has, then the mass grid. */
const GROUPS = [
  ...PAPER_GROUPS.filter((g) => g.key !== 'grid'),
  ...[...new Set(CONFIG_FIELDS.map((f) => FIELDS[f].group))]
    .filter((k) => !PAPER_GROUPS.some((g) => g.key === k))
    .map((k) => ({ key: k, title: k, note: undefined })),
  ...PAPER_GROUPS.filter((g) => g.key === 'grid'),
].filter((g) => g.key === 'grid' || CONFIG_FIELDS.some((f) => FIELDS[f].group === g.key));

/** Placeholder of a nullable field's empty control. */
const NULL_HINT: Partial<Record<InputName, string>> = { neutronPenetration: 'empty: computed (Eq. 7)' };

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const shownDefault = (name: InputName) => {
  const d = defaultText(name);
  return d === '' ? 'empty (null)' : d;
};

export interface ControlsHandlers {
  /** A control's text changed (`commit`: on change/Enter rather than while typing). */
  onInput(name: InputName, commit: boolean): void;
  /** A reset button (or "reset all") was used. */
  onReset(names: InputName[]): void;
}

export class Controls {
  private readonly inputs = new Map<InputName, HTMLInputElement | HTMLSelectElement>();
  private readonly errors = new Map<InputName, HTMLElement>();

  constructor(
    private readonly form: HTMLFormElement,
    handlers: ControlsHandlers,
  ) {
    form.noValidate = true;
    form.addEventListener('submit', (e) => e.preventDefault());
    const top = h('div', { class: 'form-actions' });
    const resetAll = h('button', { type: 'button', class: 'reset-all' }, 'Reset all to belle2');
    resetAll.addEventListener('click', () => handlers.onReset([...INPUT_NAMES]));
    top.append(resetAll);
    form.append(top);

    for (const g of GROUPS) {
      const names: InputName[] = g.key === 'grid' ? [...GRID_FIELDS] : CONFIG_FIELDS.filter((f) => FIELDS[f].group === g.key);
      const fs = h('fieldset', { class: `group group-${g.key}` });
      const legend = h('legend', {}, g.title);
      fs.append(legend);
      if (g.note) fs.append(h('p', { class: 'group-note' }, g.note));
      for (const name of names) fs.append(this.row(name, handlers));
      form.append(fs);
    }
  }

  private row(name: InputName, handlers: ControlsHandlers): HTMLElement {
    const info = inputInfo(name);
    const id = `f-${name}`;
    const row = h('div', { class: 'field', 'data-field': name });
    const label = h('label', { for: id });
    label.append(info.label);
    if (info.unit) label.append(' ', h('span', { class: 'unit' }, `[${info.unit}]`));
    const line = h('div', { class: 'input-line' });
    let input: HTMLInputElement | HTMLSelectElement;
    const shape = name === 'massMin' || name === 'massMax' || name === 'points' ? undefined : fieldShape(name);
    if (shape?.kind === 'choice') {
      input = h('select', { id, name });
      for (const m of shape.options ?? []) input.append(h('option', { value: m }, m));
    } else {
      input = h('input', {
        id,
        name,
        type: 'text',
        inputmode: name === 'massMin' || name === 'massMax' ? 'text' : 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: NULL_HINT[name] ?? shownDefault(name),
      });
    }
    const help = h('div', { class: 'help', id: `${id}-help` });
    help.append(`default ${shownDefault(name)} · allowed ${info.allowed}`);
    const error = h('div', { class: 'error', id: `${id}-error`, role: 'alert' });
    error.hidden = true;
    input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
    input.addEventListener('input', () => handlers.onInput(name, false));
    input.addEventListener('change', () => handlers.onInput(name, true));
    input.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') handlers.onInput(name, true);
    });
    const reset = h('button', {
      type: 'button',
      class: 'reset',
      'aria-label': `Reset ${info.label} to its default, ${shownDefault(name)}`,
      title: `Reset to default (${shownDefault(name)})`,
    }, '↺');
    reset.addEventListener('click', () => handlers.onReset([name]));
    line.append(input, reset);
    row.append(label, line, help, error);
    this.inputs.set(name, input);
    this.errors.set(name, error);
    return row;
  }

  /** Every control's current text. */
  read(): Inputs {
    return Object.fromEntries(INPUT_NAMES.map((n) => [n, this.inputs.get(n)?.value ?? defaultText(n)])) as Inputs;
  }

  /** Sets the controls' text (and marks the ones that differ from the defaults). */
  write(inputs: Partial<Inputs>): void {
    for (const [n, v] of Object.entries(inputs) as [InputName, string][]) {
      const el = this.inputs.get(n);
      if (el && el.value !== v) el.value = v;
    }
    this.markChanged();
  }

  markChanged(): void {
    for (const [n, el] of this.inputs) el.closest('.field')?.classList.toggle('changed', !isDefault(n, el.value));
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
