/**
 * The reach explorer page: reads the state from the URL, keeps the controls,
 * the URL (one history entry per settled change) and the figure in step, and
 * hands every computation to the worker. No physics here: inputs are parsed
 * and validated by the library, results are drawn by src/plot and written by
 * src/format.
 *
 * What the figure shows is always said: the current configuration ("Up to
 * date"), the previous one while an input is invalid or a computation failed
 * (marked stale), or nothing (with the reason in its place).
 */
import './style.css';
import { parseDecimal } from '../../src/config/fields.js';
import { reachCsvMetadataJson, reachToCsv } from '../../src/format/csv.js';
import type { Comparison } from '../../src/format/json.js';
import { reachToJson } from '../../src/format/json.js';
import { massMeV, sci } from '../../src/format/number.js';
import { yPlanePoint } from '../../src/models/darkMatter.js';
import type { ComparisonCurve } from '../../src/plot/reachPlot.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';
import { Controls } from './controls.js';
import { saveBlob, saveText, svgToPng } from './download.js';
import { ReachFigure } from './figure.js';
import { experimentIntro } from './intro.js';
import { readOverlayFile, referenceLimits, type ReferenceLimit } from './overlays.js';
import { PREVIEW_MASSES, type Steps } from './protocol.js';
import { ComputeError, Runner, type Computed } from './runner.js';
import {
  carryInputs,
  changedInputs,
  defaultText,
  describeChanges,
  fieldShape,
  inputInfo,
  inputNames,
  isGrid,
  kindOf,
  rangeFromParam,
  resolveInputs,
  stateFromQuery,
  stateToQuery,
  textOf,
  type FieldProblem,
  type InputName,
  type Inputs,
  type Overlay,
  type PageState,
  type View,
} from './state.js';
import { readoutText, renderSteps, renderYields } from './stepsView.js';

/** Wait after a keystroke before computing, ms (a change or Enter computes at once). */
const TYPING_DELAY = 150;
/** Wait before a zoom, pan or selection is written to the URL, ms (they replace the current history entry). */
const VIEW_URL_DELAY = 300;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
/** When the page's script started, ms after navigation. */
const scriptStartMs = performance.now();

const ui = {
  form: $<HTMLFormElement>('controls'),
  intro: $('intro'),
  plot: $('reach-plot'),
  legend: $('figure-legend'),
  readout: $('readout'),
  statusText: $('status-text'),
  progress: $<HTMLProgressElement>('progress'),
  timing: $('timing'),
  computeMs: $('compute-ms'),
  computeMasses: $('compute-masses'),
  reachMs: $('reach-ms'),
  stepsMs: $('steps-ms'),
  linkError: $('link-error'),
  computeError: $('compute-error'),
  warnings: $('warnings'),
  pin: $<HTMLButtonElement>('pin'),
  unpin: $<HTMLButtonElement>('unpin'),
  references: $('reference-buttons'),
  overlayFile: $<HTMLInputElement>('overlay-file'),
  overlayUnit: $<HTMLSelectElement>('overlay-unit'),
  overlayError: $('overlay-error'),
  comparisons: $('comparisons'),
  spectrum: $('spectrum-plot'),
  track: $('track-plot'),
  background: $('background-table'),
  yields: $('yields-table'),
  yRange: $<HTMLFormElement>('y-range'),
  yMin: $<HTMLInputElement>('y-min'),
  yMax: $<HTMLInputElement>('y-max'),
  yError: $('y-range-error'),
  downloads: ['download-csv', 'download-csv-metadata', 'download-json', 'download-svg', 'download-png'].map((id) => $<HTMLButtonElement>(id)),
};

// ── state ──

/** The inputs of the newest valid configuration (computed or being computed); the URL shows these. */
let requested: Inputs | undefined;
/** What the figure shows, and whether it is the requested configuration. */
let shown: { inputs: Inputs; reach: ReachResult; bestPoint?: ReachPoint; steps?: Steps } | undefined;
let pinned: { inputs: Inputs; reach?: ReachResult } | undefined;
let overlays: Overlay[] = [];
let selectedMass: number | undefined;
let view: View = {};
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let viewTimer: ReturnType<typeof setTimeout> | undefined;
/** The controls the user edited, newest first: a conflict between two fields is shown on the newer one. */
let edited: InputName[] = [];
/** Problems of the validation, and the one a failed computation put on a field. */
let inputProblems: FieldProblem[] = [];
let computeProblem: FieldProblem | undefined;
/** The last history entry pushed: which field was being typed in, and its text then. */
let lastPush: { field?: InputName; text?: string } = {};
/** Milliseconds from navigation to the first curve drawn (for the browser test and the timing read-out). */
let firstPlotMs: number | undefined;

const runner = new Runner((done, total) => {
  ui.progress.hidden = false;
  ui.progress.max = total;
  ui.progress.value = done;
  ui.statusText.textContent = `Computing… ${done} of ${total} masses`;
});
const pinRunner = new Runner(() => {}, false);

const queryOf = (inputs: Inputs) => stateToQuery({ inputs, overlays: [] });

function pageState(): PageState {
  const s: PageState = { inputs: requested ?? controls.read(), overlays, pin: pinned?.inputs, at: selectedMass };
  if (view.unit || view.plane || view.x || view.y) s.view = view;
  return s;
}

function urlOf(s: PageState): string {
  const q = stateToQuery(s);
  return `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
}

const currentUrl = () => `${location.pathname}${location.search}${location.hash}`;

/**
 * Writes the state to the URL. A settled change of the configuration, the
 * overlays or the pin is a new history entry (Back returns to the state
 * before it); typing on in the same field (its text growing or shrinking)
 * updates the entry it made. The view and the selection only replace.
 */
function writeUrl(mode: 'push' | 'replace', field?: InputName): void {
  clearTimeout(viewTimer);
  viewTimer = undefined;
  const url = urlOf(pageState());
  if (url === currentUrl()) return;
  if (mode === 'replace') {
    history.replaceState(null, '', url);
    return;
  }
  const text = field && requested ? textOf(requested, field).trim() : undefined;
  const typingOn =
    field !== undefined &&
    lastPush.field === field &&
    lastPush.text !== undefined &&
    text !== undefined &&
    (text.startsWith(lastPush.text) || lastPush.text.startsWith(text));
  if (typingOn) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  lastPush = { field, text };
}

/** The URL after a zoom, pan or selection: replaced once the gesture settles. */
function writeViewUrl(): void {
  clearTimeout(viewTimer);
  viewTimer = setTimeout(() => writeUrl('replace'), VIEW_URL_DELAY);
}

/** The curves laid over the result: the pinned configuration first, then the published limits. */
function comparisons(): (ComparisonCurve & { file?: string })[] {
  const out: (ComparisonCurve & { file?: string })[] = [];
  if (pinned?.reach) {
    const r = pinned.reach;
    const pts: [number, number][] = r.points.map((p) => [p.massGeV, p.epsilon90]);
    if (Number.isFinite(r.best.epsilon90) && !pts.some(([m]) => m === r.best.massGeV)) pts.push([r.best.massGeV, r.best.epsilon90]);
    pts.sort((a, b) => a[0] - b[0]);
    out.push({ label: `pinned: ${shortLabel(describeChanges(pinned.inputs, requested?.experiment))}`, points: pts });
  }
  for (const o of overlays) out.push({ label: shortLabel(o.label), points: o.points });
  return out;
}

const shortLabel = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);

// ── figure ──

const figure = new ReachFigure(ui.plot, ui.legend, {
  onPoint(p, _i, selected, isBest) {
    const plane = p && view.plane === 'y' && shown ? yPlanePoint(p, shown.reach.config) : undefined;
    const yText = plane ? `m_χ = ${massMeV(plane.massChiGeV)} MeV · y90 = ${sci(plane.y90)} · ` : '';
    ui.readout.textContent = p ? `${yText}${readoutText(p)}${isBest ? ' · the best point' : ''}` : '';
    renderYields(ui.yields, p, !selected);
  },
  onSelect(massGeV) {
    selectedMass = massGeV;
    writeViewUrl();
  },
  onView(v) {
    view = v;
    showYRange();
    writeViewUrl();
  },
  onRedrawn() {
    showYRange();
  },
});

/** Puts the ε range drawn into the range fields (unless one is being typed in, or `force`: Fit was pressed), clearing an error. */
function showYRange(force = false): void {
  const d = figure.domains;
  if (!d || (!force && ui.yRange.contains(document.activeElement))) return;
  const fmt = (v: number) => (v < 1e-3 || v >= 1e4 ? v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e') : String(Number(v.toPrecision(3))));
  ui.yMin.value = fmt(d.y[0]);
  ui.yMax.value = fmt(d.y[1]);
  clearYError();
}

function draw(): void {
  ui.comparisons.replaceChildren(...comparisonItems());
  ui.unpin.hidden = !pinned;
  syncReferenceButtons();
  if (!shown) return;
  figure.render(shown.reach, shown.bestPoint, comparisons(), selectedMass);
  showYRange();
}

function comparisonItems(): HTMLLIElement[] {
  const items: HTMLLIElement[] = [];
  const item = (text: string, remove: () => void, what: string, extra?: HTMLElement) => {
    const li = document.createElement('li');
    const span = document.createElement('span');
    span.textContent = text;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Remove';
    b.setAttribute('aria-label', `Remove ${what}`);
    b.addEventListener('click', remove);
    li.append(span, ' ', ...(extra ? [extra, ' '] : []), b);
    items.push(li);
  };
  if (pinned) {
    const text = `Pinned: ${describeChanges(pinned.inputs, requested?.experiment)}${pinned.reach ? '' : ' (computing…)'}`;
    item(text, unpin, 'the pinned curve');
  }
  overlays.forEach((o, i) => {
    let flip: HTMLButtonElement | undefined;
    if (o.unit && o.unitReason) {
      flip = document.createElement('button');
      flip.type = 'button';
      const other = o.unit === 'MeV' ? 'GeV' : 'MeV';
      flip.textContent = `Read masses as ${other}`;
      flip.addEventListener('click', () => {
        const k = other === 'MeV' ? 1e-3 : 1e3;
        overlays[i] = { ...o, unit: other, unitReason: 'chosen', points: o.points.map(([m, e]) => [m * k, e]) };
        writeUrl('push');
        draw();
      });
    }
    const unit = o.unit ? ` · masses read as ${o.unit}${o.unitReason ? ` (${o.unitReason})` : ''}` : '';
    item(`${o.label} (${o.points.length} points${unit})`, () => removeOverlay(i), `published limit ${o.label}`, flip);
  });
  return items;
}

function removeOverlay(i: number): void {
  overlays.splice(i, 1);
  writeUrl('push');
  draw();
}

// ── what the figure shows ──

function setBusy(busy: boolean): void {
  ui.plot.setAttribute('aria-busy', String(busy));
}

/** Marks the figure as showing the current configuration, a previous one, or nothing. */
function setFigureState(state: 'current' | 'stale' | 'empty'): void {
  ui.plot.dataset.state = state;
  ui.plot.classList.toggle('stale', state === 'stale');
  for (const b of ui.downloads) b.disabled = state === 'empty' || !shown;
  ui.pin.disabled = !shown || state !== 'current';
}

/** The status line when the figure is not of the current inputs. */
function staleText(prefix: string): string {
  if (!shown) return `${prefix} Nothing is drawn.`;
  return `${prefix} The figure still shows the previous configuration (${describeChanges(shown.inputs, controls.experiment)}).`;
}

/**
 * The status while an input is invalid: nothing is computed for it, so the figure, if any, is of a
 * previous configuration — also when a computation started before the invalid edit ends after it.
 */
function showInvalid(experiment: string): void {
  const first = inputProblems[0];
  ui.statusText.textContent = staleText(`Invalid input (${inputInfo(first.field, kindOf(experiment)).label}).`);
  if (shown) setFigureState('stale');
}

function showProblems(): void {
  const all = [...inputProblems];
  if (computeProblem && !all.some((p) => p.field === computeProblem?.field)) all.push(computeProblem);
  controls.showProblems(all);
}

function showComputed(inputs: Inputs, c: Computed): void {
  shown = { inputs, reach: c.reach, bestPoint: c.bestPoint };
  ui.plot.dataset.query = queryOf(inputs);
  ui.computeMs.textContent = String(Math.round(c.timing.reachMs));
  ui.computeMasses.textContent = String(c.reach.points.length);
  ui.reachMs.textContent = String(Math.round(c.timing.reachMs));
  ui.stepsMs.textContent = '…';
  ui.timing.hidden = false;
  ui.plot.dataset.reachMs = c.timing.reachMs.toFixed(1);
  ui.plot.dataset.roundTripMs = c.roundTripMs.toFixed(1);
  if (c.timing.early) ui.plot.dataset.early = 'true';
  else delete ui.plot.dataset.early;
  ui.progress.hidden = true;
  ui.statusText.textContent = 'Up to date:';
  ui.computeError.hidden = true;
  ui.computeError.textContent = '';
  computeProblem = undefined;
  const skipped = c.reach.skipped ?? [];
  const total = c.reach.points.length + skipped.length;
  if (skipped.length * 2 >= total) {
    // Most of the curve is missing: say so at the input that caused it, besides the list below the figure.
    const field = culprit(inputs, new Error('skipped'));
    if (field) {
      const value = textOf(inputs, field).trim();
      computeProblem = {
        field,
        message: `With ${field} = ${value}, ${skipped.length} of ${total} masses cannot be computed (the numerical integration does not converge there); the figure leaves them out. Try a value nearer the default (${defaultText(inputs.experiment, field) || 'empty'}).`,
      };
    }
  }
  showProblems();
  const notes = [...c.reach.warnings];
  if (skipped.length > 0) {
    const list = skipped.slice(0, 6).map((s) => `${Number(s.massGeV.toPrecision(4))} GeV`).join(', ');
    notes.unshift(
      `${skipped.length} of ${total} masses could not be computed (the numerical integration does not converge there) and are left out: ${list}${skipped.length > 6 ? ', …' : ''}.`,
    );
  }
  ui.warnings.replaceChildren(
    ...notes.map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }),
  );
  ui.plot.dataset.skipped = String(skipped.length);
  // A new mass range resets a zoom that no longer overlaps it.
  if (view.x) {
    const ms = c.reach.points.map((p) => p.massGeV);
    if (view.x[1] < Math.min(...ms) || view.x[0] > Math.max(...ms)) {
      view = { ...view, x: undefined };
      delete view.x;
      figure.setView(view);
    }
  }
  setFigureState('current');
  draw();
  markFirstPlot();
  if (inputProblems.length > 0) showInvalid(controls.experiment);
}

function markFirstPlot(): void {
  if (firstPlotMs !== undefined) return;
  firstPlotMs = performance.now();
  ui.plot.dataset.firstPlotMs = firstPlotMs.toFixed(0);
  ui.plot.dataset.scriptStartMs = scriptStartMs.toFixed(0);
}

/** Plain words for a failure that names no field (never the raw numerical message). */
function plainReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/quadrature|integra|converge|panels|tolerance|relTol|finite|NaN|root|bracket/i.test(m)) return 'the numerical integration does not converge for it';
  if (/worker/i.test(m)) return 'the computation could not run in this browser';
  return 'the calculation fails for it';
}

/** Which control a failed computation is about: the field the library names, else the newest edit, else a changed one. */
function culprit(inputs: Inputs, e: ComputeError | Error): InputName | undefined {
  const names = inputNames(inputs.experiment) as string[];
  if (e instanceof ComputeError && e.field && names.includes(e.field)) return e.field as InputName;
  const changed = changedInputs(inputs);
  // A link: the first changed physics field, else the mass range, else the grid.
  return edited.find((n) => changed.includes(n)) ?? changed.find((n) => !['massMin', 'massMax', 'points'].includes(n)) ?? changed[0];
}

function showFailure(inputs: Inputs, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  const field = culprit(inputs, err);
  ui.progress.hidden = true;
  if (field) {
    const value = textOf(inputs, field).trim();
    const named = err instanceof ComputeError && err.field === field;
    const d = defaultText(inputs.experiment, field);
    computeProblem = {
      field,
      message: named
        ? err.message
        : `vanish cannot compute the reach with ${field} = ${value === '' ? 'empty' : value}: ${plainReason(err)}. Try a value nearer the default (${d === '' ? 'empty' : d}).`,
    };
    showProblems();
    ui.computeError.textContent = `No figure for this configuration: see the alert at “${inputInfo(field, kindOf(inputs.experiment)).label}”.`;
  } else {
    ui.computeError.textContent = `No figure for this configuration: ${plainReason(err)}.`;
  }
  ui.computeError.hidden = false;
  if (shown) setFigureState('stale');
  else {
    figure.clear('Nothing to show: this configuration could not be computed (see the alert).');
    setFigureState('empty');
  }
  ui.statusText.textContent = staleText('Failed.');
  if (inputProblems.length > 0) showInvalid(controls.experiment);
}

async function compute(inputs: Inputs): Promise<void> {
  const r = resolveInputs(inputs, edited);
  if (!r.ok) return;
  setBusy(true);
  try {
    const running = runner.run(r.value.config, r.value.masses, {
      onSteps(steps, stepsMs) {
        if (!shown || shown.inputs !== inputs) return;
        shown.steps = steps;
        ui.stepsMs.textContent = String(Math.round(stepsMs));
        ui.computeMs.textContent = String(Math.round(Number(ui.plot.dataset.reachMs) + stepsMs));
        renderSteps(ui, steps, shown.reach);
      },
      onStepsError() {
        if (shown?.inputs === inputs) ui.stepsMs.textContent = 'failed';
      },
    }, firstPlotMs === undefined && !shown ? {
      masses: PREVIEW_MASSES,
      onPreview(reach, ms) {
        ui.plot.dataset.previewMs = ms.toFixed(0);
        // A first look on fewer masses, drawn at once and said to be one; the full curve replaces it.
        if (shown || requested !== inputs) return;
        figure.render(reach, undefined, comparisons(), selectedMass);
        ui.plot.dataset.state = 'preview';
        ui.statusText.textContent = `First look (${reach.points.length} masses); computing all ${r.value.masses.length}…`;
        markFirstPlot();
      },
    } : undefined);
    ui.plot.dataset.cancelled = String(runner.cancelled);
    const c = await running;
    if (!c) return; // cancelled by a newer input
    showComputed(inputs, c);
    setBusy(false);
  } catch (e) {
    if (requested !== inputs) return;
    showFailure(inputs, e);
    setBusy(false);
  }
}

async function computePin(): Promise<void> {
  const p = pinned;
  if (!p || p.reach) return;
  const r = resolveInputs(p.inputs);
  if (!r.ok) {
    ui.overlayError.textContent = `The pinned configuration in the link is not valid and was removed: ${r.problems[0].message}`;
    ui.overlayError.hidden = false;
    pinned = undefined;
    writeUrl('replace');
    draw();
    return;
  }
  try {
    const c = await pinRunner.run(r.value.config, r.value.masses, false);
    if (c && pinned === p) {
      p.reach = c.reach;
      draw();
    }
  } catch (e) {
    ui.overlayError.textContent = `The pinned curve could not be computed: ${plainReason(e)}.`;
    ui.overlayError.hidden = false;
  }
}

/** Reads the controls; shows what is wrong, or makes the new configuration the requested one. */
function onControls(commit: boolean, field?: InputName): void {
  controls.markChanged();
  if (field) edited = [field, ...edited.filter((n) => n !== field)];
  const inputs = controls.read();
  const r = resolveInputs(inputs, edited);
  inputProblems = r.ok ? [] : r.problems;
  if (computeProblem && (field === computeProblem.field || !r.ok)) computeProblem = undefined;
  showProblems();
  if (!r.ok) {
    clearTimeout(typingTimer);
    typingTimer = undefined;
    showInvalid(inputs.experiment);
    setBusy(false);
    return;
  }
  const q = queryOf(inputs);
  if (requested && q === queryOf(requested) && typingTimer === undefined) {
    if (shown && queryOf(shown.inputs) === q && !computeProblem) {
      ui.statusText.textContent = 'Up to date:';
      setFigureState('current');
    }
    return;
  }
  clearTimeout(typingTimer);
  const go = () => {
    typingTimer = undefined;
    requested = inputs;
    ui.linkError.hidden = true;
    writeUrl('push', field);
    void compute(inputs);
  };
  setBusy(true);
  if (commit) go();
  else typingTimer = setTimeout(go, TYPING_DELAY);
}

/** Names the experiment in the header (and the page's title). */
function introduce(experiment: string): void {
  ui.intro.textContent = experimentIntro(experiment);
  document.title = `vanish — ${kindOf(experiment) === 'fixedTarget' ? 'missing-energy' : 'disappearing-track'} reach, ${experiment}`;
  ui.form.dataset.experiment = experiment;
}

const controls = new Controls(ui.form, {
  onExperiment(experiment) {
    // The edits that the new experiment has a control for are kept; the others are named.
    const before = controls.read();
    const { inputs, kept, dropped } = carryInputs(before, experiment);
    controls.setExperiment(experiment);
    controls.write(inputs);
    introduce(experiment);
    const say = (names: InputName[], from: Inputs) => names.map((n) => `${n} ${textOf(from, n).trim() || 'empty'}`).join(', ');
    const parts: string[] = [];
    if (kept.length) parts.push(`Kept your ${say(kept, inputs)}.`);
    if (dropped.length) parts.push(`Dropped ${say(dropped, before)}: ${experiment} has no such input.`);
    controls.setNote(parts.join(' '));
    edited = edited.filter((n) => (inputNames(experiment) as string[]).includes(n));
    computeProblem = undefined;
    onControls(true);
  },
  onInput: (name: InputName, commit: boolean) => onControls(commit, name),
  onReset(names) {
    const d = Object.fromEntries(names.map((n) => [n, defaultText(controls.experiment, n)]));
    controls.write(d);
    onControls(true, names.length === 1 ? names[0] : undefined);
  },
});

// ── view: zoom buttons, mass unit, ε range ──

$('zoom-in').addEventListener('click', () => figure.zoom(1.6));
$('zoom-out').addEventListener('click', () => figure.zoom(1 / 1.6));
$('reset-view').addEventListener('click', () => {
  figure.resetView();
  showYRange();
});
const unitRadios = [...document.querySelectorAll<HTMLInputElement>('input[name="mass-unit"]')];
for (const radio of unitRadios) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    figure.setView({ ...figure.currentView, unit: radio.value === 'MeV' ? 'MeV' : undefined }, true);
  });
}
function showUnit(): void {
  for (const r of unitRadios) r.checked = r.value === (view.unit ?? 'GeV');
  for (const r of planeRadios) r.checked = r.value === (view.plane ?? 'epsilon');
}
// The plane: ε against m_A′, or y = ε²α_D(m_χ/m_A′)⁴ against m_χ with the model's thermal target; its ranges start afresh.
const planeRadios = [...document.querySelectorAll<HTMLInputElement>('input[name="plane"]')];
for (const radio of planeRadios) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    figure.setView({ unit: figure.currentView.unit, plane: radio.value === 'y' ? 'y' : undefined }, true);
    showYRange();
  });
}

ui.yRange.addEventListener('submit', (e) => {
  e.preventDefault();
  applyYRange();
});
$('y-fit').addEventListener('click', () => {
  figure.setView({ ...figure.currentView, y: undefined }, true);
  showYRange(true);
});
/** The range field typed in last: the one a conflict (from ≥ to) is marked on. */
let yEdited: HTMLInputElement = ui.yMax;
for (const input of [ui.yMin, ui.yMax]) {
  input.addEventListener('input', () => {
    yEdited = input;
    // A range fixed by typing clears its error at once (Apply draws it).
    if (!ui.yError.hidden && rangeFromParam(`${ui.yMin.value.trim()}_${ui.yMax.value.trim()}`)) clearYError();
  });
}

function clearYError(): void {
  ui.yError.hidden = true;
  ui.yMin.removeAttribute('aria-invalid');
  ui.yMax.removeAttribute('aria-invalid');
}

function applyYRange(): void {
  const lo = ui.yMin.value.trim();
  const hi = ui.yMax.value.trim();
  const range = rangeFromParam(`${lo}_${hi}`);
  const bad = (input: HTMLInputElement, message: string) => {
    ui.yError.textContent = message;
    ui.yError.hidden = false;
    input.setAttribute('aria-invalid', 'true');
  };
  clearYError();
  if (!range) {
    const n = (t: string) => (parseDecimal(t) ?? 0) > 0;
    if (!n(lo)) bad(ui.yMin, `ε range: from = ${JSON.stringify(lo)} is not allowed (allowed: a number > 0, e.g. 1e-6)`);
    else if (!n(hi)) bad(ui.yMax, `ε range: to = ${JSON.stringify(hi)} is not allowed (allowed: a number > 0, e.g. 1e-2)`);
    else bad(yEdited, `ε range: from (${lo}) must be smaller than to (${hi})`);
    return;
  }
  figure.setView({ ...figure.currentView, y: range }, true);
}

// ── comparisons ──

function unpin(): void {
  pinned = undefined;
  writeUrl('push');
  draw();
}

ui.pin.addEventListener('click', () => {
  if (!shown) return;
  pinned = { inputs: { ...shown.inputs }, reach: shown.reach };
  writeUrl('push');
  draw();
  ui.unpin.focus();
});
ui.unpin.addEventListener('click', () => {
  unpin();
  ui.pin.focus();
});

function addOverlay(o: Overlay): void {
  overlays.push(o);
  ui.overlayError.hidden = true;
  ui.overlayError.textContent = '';
  writeUrl('push');
  draw();
}

ui.overlayFile.addEventListener('change', async () => {
  const file = ui.overlayFile.files?.[0];
  if (!file) return;
  try {
    const unit = ui.overlayUnit.value as 'auto' | 'GeV' | 'MeV';
    addOverlay(readOverlayFile(await file.text(), file.name.replace(/\.[^.]*$/, ''), unit));
  } catch (e) {
    ui.overlayError.textContent = `Published limit ${file.name} ${e instanceof Error ? e.message : String(e)}. Nothing was added.`;
    ui.overlayError.hidden = false;
  } finally {
    ui.overlayFile.value = '';
  }
});

/** The reference limits vanish ships, one button each (pressed while shown). */
const references: ReferenceLimit[] = referenceLimits();
const referenceButtons = new Map<ReferenceLimit, HTMLButtonElement>();
for (const ref of references) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = ref.label;
  b.title = ref.citation;
  b.setAttribute('aria-pressed', 'false');
  b.dataset.reference = ref.id;
  b.addEventListener('click', async () => {
    const i = overlays.findIndex((o) => o.label === ref.label);
    if (i >= 0) {
      removeOverlay(i);
      return;
    }
    try {
      addOverlay(readOverlayFile(await ref.load(), ref.label, 'auto'));
    } catch (e) {
      ui.overlayError.textContent = `Reference limit ${ref.label} cannot be read: ${e instanceof Error ? e.message : String(e)}.`;
      ui.overlayError.hidden = false;
    }
  });
  referenceButtons.set(ref, b);
}
ui.references.replaceChildren(...referenceButtons.values());
if (references.length === 0) ui.references.textContent = 'none shipped with this build';

function syncReferenceButtons(): void {
  for (const [ref, b] of referenceButtons) b.setAttribute('aria-pressed', String(overlays.some((o) => o.label === ref.label)));
}

// ── downloads ──

/** The shown curve with its best point as a row, and the comparison curves, as the exports write them. */
function exported(): { reach: ReachResult; comparisons: Comparison[] } | undefined {
  if (!shown) return undefined;
  const r = shown.reach;
  const b = shown.bestPoint;
  const points = b && !r.points.some((p) => p.massGeV === b.massGeV) ? [...r.points, b].sort((x, y) => x.massGeV - y.massGeV) : r.points;
  const { skipped: _skipped, ...rest } = r;
  return { reach: { ...rest, points }, comparisons: comparisons().map((c) => ({ label: c.label, points: c.points })) };
}

$('download-csv').addEventListener('click', () => {
  const x = exported();
  if (x) saveText(reachToCsv(x.reach, x.comparisons), 'vanish-reach.csv', 'text/csv');
});
// The CSV starts with its header (numpy and pandas read it as is), the pinned, overlaid and reference curves
// in two columns each after the curve's; what describes them goes beside it in its W3C CSVW sidecar, as the CLI writes it.
$('download-csv-metadata').addEventListener('click', () => {
  const x = exported();
  if (x) saveText(reachCsvMetadataJson(x.reach, x.comparisons, 'vanish-reach.csv'), 'vanish-reach.csv-metadata.json', 'application/json');
});
$('download-json').addEventListener('click', () => {
  const x = exported();
  if (x) saveText(reachToJson(x.reach, x.comparisons.length > 0 ? x.comparisons : undefined), 'vanish-reach.json', 'application/json');
});
$('download-svg').addEventListener('click', () => {
  if (shown) saveText(figure.svg, 'vanish-reach.svg', 'image/svg+xml');
});
$('download-png').addEventListener('click', async () => {
  if (!shown) return;
  try {
    saveBlob(await svgToPng(figure.svg, 2), 'vanish-reach.png');
  } catch (e) {
    ui.computeError.textContent = `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`;
    ui.computeError.hidden = false;
  }
});
$('copy-link').addEventListener('click', async () => {
  const b = $('copy-link');
  try {
    await navigator.clipboard.writeText(location.href);
    b.textContent = 'Link copied';
  } catch {
    b.textContent = 'Copy the address bar';
  }
  setTimeout(() => (b.textContent = 'Copy link'), 2000);
});

// ── start, and Back/Forward ──

/** Shows the state of a URL (on load, and on Back/Forward): controls, overlays, pin, view; computes it if it is valid. */
function applyUrl(): void {
  clearTimeout(typingTimer);
  typingTimer = undefined;
  const { state, problems } = stateFromQuery(location.search);
  overlays = state.overlays;
  selectedMass = state.at;
  view = state.view ?? {};
  pinned = state.pin ? { inputs: state.pin, reach: pinned && queryOf(pinned.inputs) === queryOf(state.pin) ? pinned.reach : undefined } : undefined;
  controls.setExperiment(state.inputs.experiment);
  introduce(state.inputs.experiment);
  controls.write(state.inputs);
  controls.setNote('');
  edited = [];
  computeProblem = undefined;
  lastPush = {};
  showUnit();
  figure.setView(view);
  const linkProblems = [...problems];
  const inputs = controls.read();
  const r = resolveInputs(inputs, edited);
  inputProblems = r.ok ? [] : r.problems;
  showProblems();
  if (r.ok) {
    requested = inputs;
    if (shown && queryOf(shown.inputs) === queryOf(inputs)) {
      // Back to what is drawn: nothing to compute.
      ui.statusText.textContent = 'Up to date:';
      setFigureState('current');
      setBusy(false);
      draw();
    } else {
      void compute(inputs);
    }
  } else {
    // Nothing stale is drawn as if it were this link's: the figure says why it is empty.
    requested = undefined;
    // A word of a drop-down is quoted as the library's messages quote it (`darkMatter = "wimp"`).
    const shownText = (n: InputName) => {
      const t = textOf(inputs, n).trim();
      if (t === '') return 'empty';
      return !isGrid(n) && fieldShape(n, kindOf(inputs.experiment)).kind === 'choice' ? JSON.stringify(t) : t;
    };
    const names = r.problems.map((p) => `${p.field} = ${shownText(p.field)}`);
    linkProblems.unshift(`this link's ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not allowed (see the marked input${names.length > 1 ? 's' : ''}); nothing is drawn until ${names.length > 1 ? 'they are' : 'it is'} fixed`);
    shown = undefined;
    figure.clear(`Nothing drawn: this link's ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not allowed. Fix or reset the marked input${names.length > 1 ? 's' : ''}.`);
    setFigureState('empty');
    setBusy(false);
    ui.statusText.textContent = 'Invalid link:';
    ui.timing.hidden = true;
    ui.warnings.replaceChildren();
    draw();
  }
  if (linkProblems.length > 0) {
    const t = linkProblems.join('; ');
    ui.linkError.textContent = `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
    ui.linkError.hidden = false;
  } else {
    ui.linkError.hidden = true;
  }
  void computePin();
}

window.addEventListener('popstate', () => applyUrl());

// On a phone the figure is sticky: focusing a control scrolls it below the figure (CSS scroll-padding).
const stage = $('figure');
new ResizeObserver(() => {
  const sticky = getComputedStyle(stage).position === 'sticky';
  document.documentElement.style.setProperty('--stage-height', `${sticky ? stage.offsetHeight : 0}px`);
}).observe(stage);

setFigureState('empty');
applyUrl();
// The link as the page reads it (bad parts left out), without a new history entry.
if (requested) writeUrl('replace');
