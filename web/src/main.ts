/**
 * The reach explorer page: reads the state from the URL, keeps the controls,
 * the URL and the figure in step, and hands every computation to the worker.
 * No physics here: inputs are parsed and validated by the library, results
 * are drawn by src/plot and written by src/format.
 */
import './style.css';
import { parseCurveText, CurveFileError } from '../../src/format/curveFile.js';
import { reachToCsv } from '../../src/format/csv.js';
import { reachToJson } from '../../src/format/json.js';
import type { ComparisonCurve } from '../../src/plot/reachPlot.js';
import type { ReachResult } from '../../src/results.js';
import { Controls } from './controls.js';
import { saveBlob, saveText, svgToPng } from './download.js';
import { ReachFigure } from './figure.js';
import { loadFigureFont } from './font.js';
import { experimentIntro } from './intro.js';
import type { Steps } from './protocol.js';
import { Runner, type Computed } from './runner.js';
import {
  defaultInputs,
  describeChanges,
  kindOf,
  resolveInputs,
  stateFromQuery,
  stateToQuery,
  type InputName,
  type Inputs,
  type Overlay,
  type PageState,
} from './state.js';
import { readoutText, renderSteps, renderYields } from './stepsView.js';

/** Wait after a keystroke before computing, ms (a change or Enter computes at once). */
const TYPING_DELAY = 150;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  form: $<HTMLFormElement>('controls'),
  intro: $('intro'),
  plot: $('reach-plot'),
  readout: $('readout'),
  statusText: $('status-text'),
  progress: $<HTMLProgressElement>('progress'),
  timing: $('timing'),
  computeMs: $('compute-ms'),
  computeMasses: $('compute-masses'),
  reachMs: $('reach-ms'),
  stepsMs: $('steps-ms'),
  computeError: $('compute-error'),
  warnings: $('warnings'),
  pin: $<HTMLButtonElement>('pin'),
  unpin: $<HTMLButtonElement>('unpin'),
  overlayFile: $<HTMLInputElement>('overlay-file'),
  overlayError: $('overlay-error'),
  comparisons: $('comparisons'),
  spectrum: $('spectrum-plot'),
  track: $('track-plot'),
  background: $('background-table'),
  yields: $('yields-table'),
};

// ── state ──

/** The inputs of the newest valid configuration (computed or being computed); the URL shows these. */
let requested: Inputs = defaultInputs();
/** What the figure shows. */
let shown: { inputs: Inputs; reach: ReachResult; steps?: Steps } | undefined;
let pinned: { inputs: Inputs; reach?: ReachResult } | undefined;
let overlays: Overlay[] = [];
let selectedMass: number | undefined;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

const runner = new Runner((done, total) => {
  ui.progress.hidden = false;
  ui.progress.max = total;
  ui.progress.value = done;
  ui.statusText.textContent = `Computing… ${done} of ${total} masses`;
});
const pinRunner = new Runner(() => {}, false);

const queryOf = (inputs: Inputs) => stateToQuery({ inputs, overlays: [] });

function pageState(): PageState {
  return { inputs: requested, overlays, pin: pinned?.inputs, at: selectedMass };
}

function writeUrl(): void {
  const q = stateToQuery(pageState());
  const url = `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}

/** The curves laid over the result: the pinned configuration first, then the published limits. */
function comparisons(): ComparisonCurve[] {
  const out: ComparisonCurve[] = [];
  if (pinned?.reach) {
    const r = pinned.reach;
    const pts: [number, number][] = r.points.map((p) => [p.massGeV, p.epsilon90]);
    if (Number.isFinite(r.best.epsilon90) && !pts.some(([m]) => m === r.best.massGeV)) pts.push([r.best.massGeV, r.best.epsilon90]);
    pts.sort((a, b) => a[0] - b[0]);
    out.push({ label: `pinned: ${shortLabel(describeChanges(pinned.inputs, requested.experiment))}`, points: pts });
  }
  for (const o of overlays) out.push({ label: shortLabel(o.label), points: o.points });
  return out;
}

const shortLabel = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);

// ── figure ──

const figure = new ReachFigure(ui.plot, {
  onPoint(p, _i, selected) {
    ui.readout.textContent = readoutText(p);
    renderYields(ui.yields, p, !selected);
  },
  onSelect(massGeV) {
    selectedMass = massGeV;
    writeUrl();
  },
});

function draw(): void {
  if (!shown) return;
  figure.render(shown.reach, comparisons(), selectedMass);
  ui.comparisons.replaceChildren(...comparisonItems());
  ui.pin.disabled = false;
  ui.unpin.hidden = !pinned;
}

function comparisonItems(): HTMLLIElement[] {
  const items: HTMLLIElement[] = [];
  const item = (text: string, remove: () => void, what: string) => {
    const li = document.createElement('li');
    const span = document.createElement('span');
    span.textContent = text;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Remove';
    b.setAttribute('aria-label', `Remove ${what}`);
    b.addEventListener('click', remove);
    li.append(span, ' ', b);
    items.push(li);
  };
  if (pinned) {
    const text = `Pinned: ${describeChanges(pinned.inputs, requested.experiment)}${pinned.reach ? '' : ' (computing…)'}`;
    item(text, unpin, 'the pinned curve');
  }
  overlays.forEach((o, i) =>
    item(`${o.label} (${o.points.length} points)`, () => {
      overlays.splice(i, 1);
      writeUrl();
      draw();
    }, `published limit ${o.label}`),
  );
  return items;
}

// ── computing ──

function setBusy(busy: boolean): void {
  ui.plot.setAttribute('aria-busy', String(busy));
}

function showComputed(inputs: Inputs, c: Computed): void {
  shown = { inputs, reach: c.reach, steps: c.steps };
  ui.plot.dataset.query = queryOf(inputs);
  const total = c.timing.reachMs + c.timing.stepsMs;
  ui.computeMs.textContent = String(Math.round(total));
  ui.computeMasses.textContent = String(c.reach.points.length);
  ui.reachMs.textContent = String(Math.round(c.timing.reachMs));
  ui.stepsMs.textContent = String(Math.round(c.timing.stepsMs));
  ui.timing.hidden = false;
  ui.plot.dataset.reachMs = c.timing.reachMs.toFixed(1);
  ui.plot.dataset.roundTripMs = c.roundTripMs.toFixed(1);
  ui.progress.hidden = true;
  ui.statusText.textContent = 'Up to date:';
  ui.computeError.hidden = true;
  ui.warnings.replaceChildren(
    ...c.reach.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }),
  );
  draw();
  if (c.steps) renderSteps(ui, c.steps, c.reach);
}

async function compute(inputs: Inputs): Promise<void> {
  const r = resolveInputs(inputs);
  if (!r.ok) return;
  setBusy(true);
  try {
    const running = runner.run(r.value.config, r.value.masses, true);
    ui.plot.dataset.cancelled = String(runner.cancelled);
    const c = await running;
    if (!c) return; // cancelled by a newer input
    showComputed(inputs, c);
    setBusy(false);
  } catch (e) {
    ui.computeError.textContent = `The computation failed: ${e instanceof Error ? e.message : String(e)}. The figure shows the last result.`;
    ui.computeError.hidden = false;
    ui.progress.hidden = true;
    ui.statusText.textContent = 'Failed:';
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
    writeUrl();
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
    ui.overlayError.textContent = `The pinned curve could not be computed: ${e instanceof Error ? e.message : String(e)}`;
    ui.overlayError.hidden = false;
  }
}

/** Reads the controls; shows what is wrong, or makes the new configuration the requested one. */
function onControls(commit: boolean): void {
  controls.markChanged();
  const inputs = controls.read();
  const r = resolveInputs(inputs);
  controls.showProblems(r.ok ? [] : r.problems);
  if (!r.ok) {
    ui.statusText.textContent = shown ? 'Invalid input; the figure shows the last valid configuration.' : 'Invalid input.';
    return;
  }
  const q = queryOf(inputs);
  if (q === queryOf(requested) && typingTimer === undefined) {
    if (shown && queryOf(shown.inputs) === q) ui.statusText.textContent = 'Up to date:';
    return;
  }
  requested = inputs;
  writeUrl();
  setBusy(true);
  clearTimeout(typingTimer);
  const go = () => {
    typingTimer = undefined;
    void compute(requested);
  };
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
    // A new experiment starts from its own defaults; the mass grid is kept.
    controls.setExperiment(experiment);
    introduce(experiment);
    onControls(true);
  },
  onInput: (_name: InputName, commit: boolean) => onControls(commit),
  onReset(names) {
    const d = defaultInputs(controls.experiment);
    controls.write(Object.fromEntries(names.map((n) => [n, d[n]])));
    onControls(true);
  },
});

// ── comparisons ──

function unpin(): void {
  pinned = undefined;
  writeUrl();
  draw();
}

ui.pin.addEventListener('click', () => {
  if (!shown) return;
  pinned = { inputs: { ...shown.inputs }, reach: shown.reach };
  writeUrl();
  draw();
  ui.unpin.focus();
});
ui.unpin.addEventListener('click', () => {
  unpin();
  ui.pin.focus();
});

ui.overlayFile.addEventListener('change', async () => {
  const file = ui.overlayFile.files?.[0];
  if (!file) return;
  try {
    const points = parseCurveText(await file.text());
    overlays.push({ label: file.name.replace(/\.[^.]*$/, ''), points });
    ui.overlayError.hidden = true;
    ui.overlayError.textContent = '';
    writeUrl();
    draw();
  } catch (e) {
    const why = e instanceof CurveFileError ? e.message : `cannot be read (${e instanceof Error ? e.message : String(e)})`;
    ui.overlayError.textContent = `Published limit ${file.name} ${why}. Nothing was added.`;
    ui.overlayError.hidden = false;
  } finally {
    ui.overlayFile.value = '';
  }
});

// ── downloads ──

function need(): ReachResult | undefined {
  return shown?.reach;
}

$('download-csv').addEventListener('click', () => {
  const r = need();
  if (r) saveText(reachToCsv(r), 'vanish-reach.csv', 'text/csv');
});
$('download-json').addEventListener('click', () => {
  const r = need();
  if (r) saveText(reachToJson(r), 'vanish-reach.json', 'application/json');
});
$('download-svg').addEventListener('click', () => {
  if (need()) saveText(figure.svg, 'vanish-reach.svg', 'image/svg+xml');
});
$('download-png').addEventListener('click', async () => {
  if (!need()) return;
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

// ── start ──

function start(): void {
  const { state, problems } = stateFromQuery(location.search);
  overlays = state.overlays;
  selectedMass = state.at;
  if (state.pin) pinned = { inputs: state.pin };
  controls.setExperiment(state.inputs.experiment);
  introduce(state.inputs.experiment);
  controls.write(state.inputs);
  if (problems.length > 0) {
    ui.overlayError.textContent = `${problems.join('; ')}.`;
    ui.overlayError.hidden = false;
  }
  ui.pin.disabled = true;
  const inputs = controls.read();
  const r = resolveInputs(inputs);
  controls.showProblems(r.ok ? [] : r.problems);
  if (r.ok) {
    requested = inputs;
    void compute(inputs);
  } else {
    // Draw the link without its bad values (those at their defaults); the controls keep the link's text so it can be fixed.
    ui.statusText.textContent = 'The link has an invalid value; it is drawn with the default there until it is fixed.';
    const d = defaultInputs(inputs.experiment);
    const fallback = { ...inputs, ...Object.fromEntries(r.problems.map((p) => [p.field, d[p.field]])) };
    requested = resolveInputs(fallback).ok ? fallback : d;
    void compute(requested);
  }
  void computePin();
  void loadFigureFont();
}

start();
