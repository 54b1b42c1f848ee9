/**
 * The main figure: the library's reach plot (src/plot) inlined as SVG, with
 * its legend beside it (outside the data), a marker and read-out of the
 * computed point nearest the pointer (or chosen by keyboard: ←/→ step,
 * Home/End, PageUp/PageDown jump ten points) — the best point among them —
 * and a view that zooms and pans: the wheel zooms about the pointer, a drag
 * pans, a double click (or `0`) resets; `+`/`-` zoom by keyboard. The mass
 * axis is labelled in GeV or MeV. In the y–m_χ plane the model's thermal-relic
 * target is drawn once the thermal-target worker has it (web/src/thermalTargets.ts);
 * until then the legend says it is being computed.
 */
import { reachPlot, reachPlotLayout, type ComparisonCurve, type ReachPlotLayout, type ReachPlotOptions } from '../../src/plot/reachPlot.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';
import { curveToYPlane, reachToYPlane } from '../../src/plot/yPlane.js';
import { yVariable } from '../../src/models/darkMatter.js';
import type { View } from './state.js';
import { thermalKey, ThermalTargets, type ThermalTarget } from './thermalTargets.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Below this container width (px) the figure is drawn at {@link SMALL}. */
const NARROW = 600;
const SMALL = { width: 520, height: 400 };
/** Wheel zoom: the range shrinks by exp(−deltaY × this) per wheel event. */
const WHEEL_RATE = 0.0015;
/** Zoom factor of one button press or key. */
const STEP = 1.6;
/** Pointer travel (px) before a press becomes a drag. */
const DRAG_START = 4;
/** Zoom limits: a view narrower than this factor, or a mass/ε outside these, is not allowed. */
const MIN_SPAN = 1.0005;
const LIMITS = { x: [1e-9, 1e4] as [number, number], y: [1e-14, 1e3] as [number, number] };

export interface FigureHandlers {
  /** The point under the pointer or selected changed (undefined: none). */
  onPoint(p: ReachPoint | undefined, index: number, selected: boolean, isBest: boolean): void;
  /** The selection was made by the user (click or keyboard). */
  onSelect(massGeV: number): void;
  /** The user zoomed, panned or reset the view. */
  onView(view: View): void;
  /** The figure was redrawn (a new view or plane, or its thermal target arrived): the ranges drawn may have changed. */
  onRedrawn(): void;
}

interface LegendItem {
  label: string;
  stroke: string;
  dash?: string;
  width: number;
  /** A shaded excluded region: its fill and opacity, drawn behind the boundary line. */
  region?: { fill: string; opacity: number };
  marker?: boolean;
  /** A line not drawn (yet): the thermal target being computed, or one that failed. */
  absent?: boolean;
  /** Why, when it failed. */
  title?: string;
}

export class ReachFigure {
  private result: ReachResult | undefined;
  private bestPoint: ReachPoint | undefined;
  /** The computed points and the best point, by mass. */
  private points: ReachPoint[] = [];
  private bestIndex = -1;
  private layout: ReachPlotLayout | undefined;
  private comparisons: ComparisonCurve[] = [];
  private narrow = false;
  private selected = -1;
  private hovered = -1;
  private marker: SVGGElement | undefined;
  private view: View = {};
  private drag: { x: number; y: number; x0: [number, number]; y0: [number, number]; moved: boolean } | undefined;
  private suppressClick = false;
  private frame = 0;
  /** The thermal-relic targets of the y plane, computed off the page's thread; a target that arrives redraws the figure if it is the one drawn. */
  private readonly thermal = new ThermalTargets((key) => this.thermalArrived(key));
  /** Targets that arrived for a configuration no longer drawn (kept, not drawn). */
  private thermalStale = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly legendBox: HTMLElement,
    private readonly handlers: FigureHandlers,
  ) {
    container.tabIndex = 0;
    container.addEventListener('pointermove', (e) => this.pointerMove(e));
    container.addEventListener('pointerleave', () => {
      if (this.drag) return;
      this.hovered = -1;
      this.show();
    });
    container.addEventListener('pointerdown', (e) => this.pointerDown(e));
    container.addEventListener('pointerup', (e) => this.pointerUp(e));
    container.addEventListener('pointercancel', () => (this.drag = undefined));
    container.addEventListener('click', (e) => {
      if (this.suppressClick) {
        this.suppressClick = false;
        return;
      }
      this.hover(e);
      if (this.hovered >= 0) this.select(this.hovered, true);
    });
    container.addEventListener('dblclick', (e) => {
      e.preventDefault();
      this.resetView();
    });
    container.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
    container.addEventListener('keydown', (e) => this.key(e));
    // On a phone the figure is drawn smaller in its own units, so its text stays readable when scaled down.
    new ResizeObserver(() => {
      if (this.result && this.isNarrow() !== this.narrow) this.draw();
    }).observe(container);
  }

  private isNarrow(): boolean {
    const w = this.container.clientWidth;
    return w > 0 && w < NARROW;
  }

  /** The figure as a standalone SVG document at the CLI's size (800 × 600), with its legend, in the view shown, for downloads. */
  get svg(): string {
    const shown = this.shown;
    return shown ? reachPlot(shown, this.options(false)) : '';
  }

  get currentView(): View {
    return { ...this.view };
  }

  /** The ranges drawn now (the view's, or fitted). */
  get domains(): { x: [number, number]; y: [number, number] } | undefined {
    if (!this.layout) return undefined;
    return { x: this.layout.x.domain() as [number, number], y: this.layout.y.domain() as [number, number] };
  }

  /** The plane drawn: ε against m_A′, or y = ε²α_D(m_χ/m_A′)⁴ against m_χ (the view's `plane`). */
  private get yPlane(): boolean {
    return this.view.plane === 'y' && this.result !== undefined;
  }

  /** A point's mass on the figure's axis (m_χ in the y plane). */
  private xOf(massGeV: number): number {
    return this.yPlane ? massGeV / (this.result as ReachResult).config.massRatio : massGeV;
  }

  /** A limit on the figure's axis (y in the y plane). */
  private yOf(epsilon: number): number {
    if (!this.yPlane) return epsilon;
    const c = (this.result as ReachResult).config;
    return yVariable(epsilon, c.alphaD, c.massRatio);
  }

  /** The thermal target of the configuration drawn (in the y plane; asked of its worker when not there yet). */
  private get target(): ThermalTarget | undefined {
    return this.result && this.yPlane ? this.thermal.get(this.result.config) : undefined;
  }

  private thermalArrived(key: string): void {
    if (this.result && thermalKey(this.result.config) === key) {
      if (this.yPlane) this.redraw();
      return;
    }
    this.thermalStale++;
    this.container.dataset.thermalStale = String(this.thermalStale);
  }

  /** The result as drawn (moved to the y plane there). */
  private get shown(): ReachResult | undefined {
    return this.result && this.yPlane ? reachToYPlane(this.result) : this.result;
  }

  private options(page: boolean): ReachPlotOptions {
    const r = this.result;
    const target = this.target;
    if (r && this.yPlane) {
      return {
        plane: 'y',
        comparisons: this.comparisons.map((c) => curveToYPlane(c, r.config)),
        targets: target?.status === 'ready' ? [target.line] : [],
        ...(this.view.unit ? { massUnit: this.view.unit } : {}),
        ...(this.view.x ? { xDomain: this.view.x } : {}),
        ...(this.view.y ? { yDomain: this.view.y } : {}),
        ...(page ? { idPrefix: 'page-reach', legend: false, ...(this.narrow ? SMALL : {}) } : {}),
      };
    }
    return {
      comparisons: this.comparisons,
      ...(this.view.unit ? { massUnit: this.view.unit } : {}),
      ...(this.view.x ? { xDomain: this.view.x } : {}),
      ...(this.view.y ? { yDomain: this.view.y } : {}),
      ...(page ? { idPrefix: 'page-reach', legend: false, ...(this.narrow ? SMALL : {}) } : {}),
    };
  }

  /** Draws a result (with the yields at its best mass) and comparison curves; keeps the selection near the same mass. */
  render(r: ReachResult, bestPoint: ReachPoint | undefined, comparisons: ComparisonCurve[], selectMass?: number): void {
    const keep = selectMass ?? this.points[this.selected]?.massGeV;
    this.result = r;
    this.bestPoint = bestPoint;
    this.comparisons = comparisons;
    this.points = [...r.points];
    this.bestIndex = -1;
    if (bestPoint) {
      const at = this.points.findIndex((p) => p.massGeV === bestPoint.massGeV);
      if (at >= 0) this.bestIndex = at;
      else {
        this.points.push(bestPoint);
        this.points.sort((a, b) => a.massGeV - b.massGeV);
        this.bestIndex = this.points.indexOf(bestPoint);
      }
    }
    this.draw();
    this.selected = this.nearest(keep ?? r.best.massGeV);
    this.hovered = -1;
    this.show();
  }

  /** Removes the figure (nothing to show), leaving `message` in its place. */
  clear(message: string): void {
    this.result = undefined;
    this.points = [];
    this.layout = undefined;
    this.marker = undefined;
    const p = document.createElement('p');
    p.className = 'figure-empty';
    p.textContent = message;
    this.container.replaceChildren(p);
    this.legendBox.replaceChildren();
    this.container.dataset.xDomain = '';
    this.container.dataset.yDomain = '';
    delete this.container.dataset.thermalTarget;
  }

  get hasFigure(): boolean {
    return this.result !== undefined;
  }

  /** Sets the view (unit, ranges) and redraws. */
  setView(view: View, byUser = false): void {
    this.view = { ...view };
    if (!this.view.x) delete this.view.x;
    if (!this.view.y) delete this.view.y;
    if (!this.view.unit) delete this.view.unit;
    if (!this.view.plane) delete this.view.plane;
    this.redraw();
    if (byUser) this.handlers.onView(this.currentView);
  }

  resetView(): void {
    this.setView({ unit: this.view.unit, plane: this.view.plane }, true);
  }

  /** Zooms both axes by `factor` (> 1 zooms in) about the centre of the plot. */
  zoom(factor: number): void {
    const d = this.domains;
    if (!d) return;
    const mid = (r: [number, number]) => Math.sqrt(r[0] * r[1]);
    this.zoomAbout(mid(d.x), mid(d.y), 1 / factor);
  }

  private zoomAbout(mx: number, my: number, scale: number): void {
    const d = this.domains;
    if (!d) return;
    const about = (r: [number, number], c: number, lim: [number, number]): [number, number] | undefined => {
      const lc = Math.log(c);
      let lo = lc - (lc - Math.log(r[0])) * scale;
      let hi = lc + (Math.log(r[1]) - lc) * scale;
      if (hi - lo < Math.log(MIN_SPAN)) return undefined;
      lo = Math.max(lo, Math.log(lim[0]));
      hi = Math.min(hi, Math.log(lim[1]));
      return hi > lo ? [Math.exp(lo), Math.exp(hi)] : undefined;
    };
    const x = about(d.x, mx, LIMITS.x);
    const y = about(d.y, my, LIMITS.y);
    if (!x || !y) return;
    this.setView({ ...this.view, x, y }, true);
  }

  private redraw(): void {
    if (!this.result || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
      this.show();
      // the range fields show what is drawn: a plane switch or a zoom is drawn a frame later than it is asked for
      this.handlers.onRedrawn();
    });
  }

  private draw(): void {
    const r = this.shown;
    if (!r) return;
    this.narrow = this.isNarrow();
    const opts = this.options(true);
    this.layout = reachPlotLayout(r, opts);
    this.container.innerHTML = reachPlot(r, opts);
    const svg = this.container.querySelector('svg');
    if (svg) {
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.setAttribute('focusable', 'false');
      this.marker = document.createElementNS(SVG_NS, 'g');
      this.marker.setAttribute('class', 'hover-marker');
      this.marker.setAttribute('pointer-events', 'none');
      svg.append(this.marker);
    }
    const fmt = (d: number[]) => d.map((v) => Number(v.toPrecision(4))).join(' ');
    this.container.dataset.xDomain = fmt(this.layout.x.domain());
    this.container.dataset.yDomain = fmt(this.layout.y.domain());
    this.container.dataset.zoomed = String(!!(this.view.x || this.view.y));
    const target = this.target;
    if (target) this.container.dataset.thermalTarget = target.status === 'ready' ? 'drawn' : target.status;
    else delete this.container.dataset.thermalTarget;
    this.renderLegend(svg, target);
  }

  /** The legend as HTML beside the figure, its samples copied from the drawn curves. */
  private renderLegend(svg: SVGSVGElement | null, target: ThermalTarget | undefined): void {
    const r = this.result;
    if (!r || !svg) return;
    const items: LegendItem[] = [];
    const from = (sel: string, label: string) => {
      const p = svg.querySelector(sel);
      if (!p) return;
      items.push({
        label,
        stroke: p.getAttribute('stroke') ?? '#000',
        dash: p.getAttribute('stroke-dasharray') ?? undefined,
        width: Number(p.getAttribute('stroke-width') ?? 2),
      });
    };
    // The total first, then the figure's other curves in its order (each path carries its legend label).
    from('path.curve.total', svg.querySelector('path.curve.total')?.getAttribute('data-label') ?? 'total');
    svg.querySelectorAll('path.curve:not(.total):not(.comparison)').forEach((p) => {
      const name = [...p.classList].find((c) => c !== 'curve') ?? '';
      from(`path.curve.${name}`, p.getAttribute('data-label') ?? name);
    });
    // The thermal target while it is not drawn, where its entry goes when it is (its line is the figure's first, so after the total).
    if (target && target.status !== 'ready') {
      const label = target.status === 'computing' ? 'thermal relic (computing…)' : 'thermal relic (could not be computed)';
      const at = svg.querySelector('path.curve.total') ? 1 : 0;
      items.splice(at, 0, { label, stroke: '#767676', dash: '2 3', width: 2, absent: true, ...(target.status === 'failed' ? { title: target.message } : {}) });
    }
    const regions = [...svg.querySelectorAll('path.comparison-region')];
    svg.querySelectorAll('path.curve.comparison').forEach((p) => {
      const label = p.getAttribute('data-label') ?? '';
      const shade = p.classList.contains('region-edge') ? regions.find((q) => q.getAttribute('data-label') === label) : undefined;
      items.push({
        label,
        stroke: p.getAttribute('stroke') ?? '#555',
        dash: p.getAttribute('stroke-dasharray') ?? undefined,
        width: Number(p.getAttribute('stroke-width') ?? 2),
        ...(shade ? { region: { fill: shade.getAttribute('fill') ?? '#808080', opacity: Number(shade.getAttribute('fill-opacity') ?? 0.25) } } : {}),
      });
    });
    if (svg.querySelector('g.best')) items.push({ label: 'best point (hover or select it for its yields)', stroke: '#0072B2', width: 0, marker: true });
    const lis = items.map((it) => {
      const li = document.createElement('li');
      const sample = document.createElementNS(SVG_NS, 'svg');
      sample.setAttribute('width', '36');
      sample.setAttribute('height', '12');
      sample.setAttribute('aria-hidden', 'true');
      if (it.marker) {
        const c = document.createElementNS(SVG_NS, 'circle');
        for (const [k, v] of Object.entries({ cx: 18, cy: 6, r: 5, fill: it.stroke, stroke: 'white', 'stroke-width': 1.5 })) c.setAttribute(k, String(v));
        sample.append(c);
      } else {
        if (it.region) {
          const box = document.createElementNS(SVG_NS, 'rect');
          for (const [k, v] of Object.entries({ x: 1, y: 0, width: 34, height: 12, fill: it.region.fill, 'fill-opacity': it.region.opacity })) box.setAttribute(k, String(v));
          sample.append(box);
        }
        const l = document.createElementNS(SVG_NS, 'line');
        for (const [k, v] of Object.entries({ x1: 1, y1: 6, x2: 35, y2: 6, stroke: it.stroke, 'stroke-width': it.width })) l.setAttribute(k, String(v));
        if (it.dash) l.setAttribute('stroke-dasharray', it.dash);
        sample.append(l);
      }
      const span = document.createElement('span');
      span.textContent = it.label;
      if (it.absent) li.className = 'legend-absent';
      if (it.title) li.title = it.title;
      li.append(sample, span);
      return li;
    });
    const cfg = r.config;
    const head = document.createElement('li');
    head.className = 'legend-head';
    const sub = (t: string) => {
      const e = document.createElement('sub');
      e.textContent = t;
      return e;
    };
    const text = document.createElement('span');
    text.append('α', sub('D'), ` = ${cfg.alphaD}, m`, sub('A′'), ` = ${cfg.massRatio} m`, sub('χ'), cfg.kind === 'fixedTarget' ? '' : `, ${cfg.lumi} ab⁻¹`);
    head.append(text);
    this.legendBox.replaceChildren(head, ...lis);
  }

  private nearest(massGeV: number): number {
    let best = -1;
    let dist = Infinity;
    this.points.forEach((p, i) => {
      const d = Math.abs(Math.log(p.massGeV / massGeV));
      if (d < dist) [best, dist] = [i, d];
    });
    return best;
  }

  /** The pointer in the SVG's units, or undefined. */
  private local(e: MouseEvent): DOMPoint | undefined {
    const svg = this.container.querySelector('svg');
    const ctm = svg?.getScreenCTM();
    if (!ctm) return undefined;
    return new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
  }

  private inPlot(pt: DOMPoint): boolean {
    const plot = this.layout?.plot;
    return !!plot && pt.x >= plot.left && pt.x <= plot.right && pt.y >= plot.top && pt.y <= plot.bottom;
  }

  private hover(e: MouseEvent): void {
    const pt = this.local(e);
    if (!pt || !this.layout) return;
    if (!this.inPlot(pt)) {
      if (this.hovered !== -1) {
        this.hovered = -1;
        this.show();
      }
      return;
    }
    const m = this.layout.x.invert(pt.x);
    let i = this.nearest(this.yPlane ? m * (this.result as ReachResult).config.massRatio : m);
    // The best point wins when the pointer is near it on screen (it sits between grid points at the dip).
    const b = this.points[this.bestIndex];
    if (b && Math.abs(this.layout.x(this.xOf(b.massGeV)) - pt.x) <= 6) i = this.bestIndex;
    if (i !== this.hovered) {
      this.hovered = i;
      this.show();
    }
  }

  private pointerDown(e: PointerEvent): void {
    // Touch scrolls the page; zoom on a phone is by the buttons.
    if (e.pointerType === 'touch' || e.button !== 0 || !this.layout) return;
    const pt = this.local(e);
    if (!pt || !this.inPlot(pt)) return;
    const d = this.domains as { x: [number, number]; y: [number, number] };
    this.drag = { x: pt.x, y: pt.y, x0: d.x, y0: d.y, moved: false };
  }

  private pointerMove(e: PointerEvent): void {
    const g = this.drag;
    if (!g || !this.layout) {
      this.hover(e);
      return;
    }
    const pt = this.local(e);
    if (!pt) return;
    const dx = pt.x - g.x;
    const dy = pt.y - g.y;
    if (!g.moved && Math.hypot(dx, dy) < DRAG_START) return;
    if (!g.moved) {
      g.moved = true;
      this.container.setPointerCapture?.(e.pointerId);
      this.container.classList.add('panning');
    }
    const { plot } = this.layout;
    const shift = (r: [number, number], pixels: number, span: number, lim: [number, number]): [number, number] => {
      const k = (Math.log(r[1]) - Math.log(r[0])) / span;
      let s = -pixels * k;
      s = Math.max(s, Math.log(lim[0]) - Math.log(r[0]));
      s = Math.min(s, Math.log(lim[1]) - Math.log(r[1]));
      return [r[0] * Math.exp(s), r[1] * Math.exp(s)];
    };
    const x = shift(g.x0, dx, plot.right - plot.left, LIMITS.x);
    const y = shift(g.y0, -dy, plot.bottom - plot.top, LIMITS.y);
    this.setView({ ...this.view, x, y }, true);
  }

  private pointerUp(e: PointerEvent): void {
    const g = this.drag;
    this.drag = undefined;
    this.container.classList.remove('panning');
    if (g?.moved) {
      this.suppressClick = true;
      this.container.releasePointerCapture?.(e.pointerId);
    }
  }

  private wheel(e: WheelEvent): void {
    if (!this.layout) return;
    const pt = this.local(e);
    if (!pt || !this.inPlot(pt)) return;
    e.preventDefault();
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    const scale = Math.exp(Math.max(-1, Math.min(1, dy * WHEEL_RATE)));
    this.zoomAbout(this.layout.x.invert(pt.x), this.layout.y.invert(pt.y), scale);
  }

  private key(e: KeyboardEvent): void {
    if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.zoom(STEP);
      return;
    }
    if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      this.zoom(1 / STEP);
      return;
    }
    if (e.key === '0') {
      e.preventDefault();
      this.resetView();
      return;
    }
    const n = this.points.length;
    if (n === 0) return;
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
    let i = this.selected;
    if (e.key in steps) i = Math.min(n - 1, Math.max(0, (i < 0 ? 0 : i) + steps[e.key]));
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else if (e.key === 'b' || e.key === 'B') i = this.bestIndex;
    else return;
    if (i < 0) return;
    e.preventDefault();
    this.hovered = -1;
    this.select(i, true);
  }

  private select(i: number, byUser: boolean): void {
    this.selected = i;
    this.show();
    const p = this.points[i];
    if (byUser && p) this.handlers.onSelect(p.massGeV);
  }

  /** Draws the marker at the hovered (else selected) point and reports it. */
  private show(): void {
    const i = this.hovered >= 0 ? this.hovered : this.selected;
    const p = this.points[i];
    if (this.marker) this.marker.replaceChildren();
    if (p && this.marker && this.layout) {
      const { x, y, plot } = this.layout;
      const [xlo, xhi] = x.domain();
      if (this.xOf(p.massGeV) >= xlo && this.xOf(p.massGeV) <= xhi) {
        const X = x(this.xOf(p.massGeV));
        const line = document.createElementNS(SVG_NS, 'line');
        for (const [k, v] of Object.entries({ x1: X, x2: X, y1: plot.top, y2: plot.bottom })) line.setAttribute(k, String(v));
        line.setAttribute('stroke', '#444');
        line.setAttribute('stroke-dasharray', '4 3');
        this.marker.append(line);
        const dot = (limit: number, fill: string, r: number) => {
          const eps = this.yOf(limit);
          const [lo, hi] = y.domain();
          if (!(Number.isFinite(eps) && eps >= lo && eps <= hi)) return;
          const c = document.createElementNS(SVG_NS, 'circle');
          c.setAttribute('cx', String(X));
          c.setAttribute('cy', String(y(eps)));
          c.setAttribute('r', String(r));
          c.setAttribute('fill', fill);
          c.setAttribute('stroke', '#222');
          c.setAttribute('stroke-width', '1.2');
          this.marker?.append(c);
        };
        dot(p.epsilon90Annihilation, '#D55E00', 4);
        dot(p.epsilon90Bremsstrahlung, '#009E73', 4);
        dot(p.epsilon90, '#ffffff', 5.5);
      }
    }
    this.container.dataset.hoveredBest = String(i >= 0 && i === this.bestIndex);
    this.handlers.onPoint(p, i, this.hovered < 0, i >= 0 && i === this.bestIndex);
  }
}
