/**
 * The main figure: the library's reach plot (src/plot) inlined as SVG, with
 * a marker and read-out of the computed point nearest the pointer (or chosen
 * by keyboard: ←/→ step, Home/End, PageUp/PageDown jump ten points).
 */
import { reachPlot, reachPlotLayout, type ComparisonCurve, type ReachPlotLayout, type ReachPlotOptions } from '../../src/plot/reachPlot.js';
import type { ReachPoint, ReachResult } from '../../src/results.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Below this container width (px) the figure is drawn at {@link SMALL}. */
const NARROW = 600;
const SMALL = { width: 520, height: 440 };

export interface FigureHandlers {
  /** The point under the pointer or selected changed (undefined: none). */
  onPoint(p: ReachPoint | undefined, index: number, selected: boolean): void;
  /** The selection was made by the user (click or keyboard). */
  onSelect(massGeV: number): void;
}

export class ReachFigure {
  private result: ReachResult | undefined;
  private layout: ReachPlotLayout | undefined;
  private comparisons: ComparisonCurve[] = [];
  private narrow = false;
  private selected = -1;
  private hovered = -1;
  private marker: SVGGElement | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: FigureHandlers,
  ) {
    container.tabIndex = 0;
    container.addEventListener('pointermove', (e) => this.pointer(e));
    container.addEventListener('pointerleave', () => {
      this.hovered = -1;
      this.show();
    });
    container.addEventListener('click', (e) => {
      this.pointer(e);
      if (this.hovered >= 0) this.select(this.hovered, true);
    });
    container.addEventListener('keydown', (e) => this.key(e));
    // On a phone the figure is drawn smaller in its own units, so its text stays readable when scaled down.
    new ResizeObserver(() => {
      if (this.result && this.isNarrow() !== this.narrow) this.render(this.result, this.comparisons, this.result.points[this.selected]?.massGeV);
    }).observe(container);
  }

  private isNarrow(): boolean {
    const w = this.container.clientWidth;
    return w > 0 && w < NARROW;
  }

  /** The figure as a standalone SVG document at the CLI's size (800 × 600), for downloads. */
  get svg(): string {
    return this.result ? reachPlot(this.result, { comparisons: this.comparisons }) : '';
  }

  /** Draws a result with comparison curves; keeps the selection near the same mass. */
  render(r: ReachResult, comparisons: ComparisonCurve[], selectMass?: number): void {
    this.narrow = this.isNarrow();
    const opts: ReachPlotOptions = { comparisons, idPrefix: 'page-reach', ...(this.narrow ? SMALL : {}) };
    this.layout = reachPlotLayout(r, opts);
    this.result = r;
    this.comparisons = comparisons;
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
    const target = selectMass ?? r.best.massGeV;
    this.selected = this.nearest(target);
    this.hovered = -1;
    this.show();
  }

  private nearest(massGeV: number): number {
    const pts = this.result?.points ?? [];
    let best = -1;
    let dist = Infinity;
    pts.forEach((p, i) => {
      const d = Math.abs(Math.log(p.massGeV / massGeV));
      if (d < dist) [best, dist] = [i, d];
    });
    return best;
  }

  private pointer(e: MouseEvent): void {
    const svg = this.container.querySelector('svg');
    if (!svg || !this.layout) return;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const { plot, x } = this.layout;
    if (pt.x < plot.left || pt.x > plot.right || pt.y < plot.top || pt.y > plot.bottom) {
      if (this.hovered !== -1) {
        this.hovered = -1;
        this.show();
      }
      return;
    }
    const i = this.nearest(x.invert(pt.x));
    if (i !== this.hovered) {
      this.hovered = i;
      this.show();
    }
  }

  private key(e: KeyboardEvent): void {
    const n = this.result?.points.length ?? 0;
    if (n === 0) return;
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
    let i = this.selected;
    if (e.key in steps) i = Math.min(n - 1, Math.max(0, (i < 0 ? 0 : i) + steps[e.key]));
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else return;
    e.preventDefault();
    this.hovered = -1;
    this.select(i, true);
  }

  private select(i: number, byUser: boolean): void {
    this.selected = i;
    this.show();
    const p = this.result?.points[i];
    if (byUser && p) this.handlers.onSelect(p.massGeV);
  }

  /** Draws the marker at the hovered (else selected) point and reports it. */
  private show(): void {
    const i = this.hovered >= 0 ? this.hovered : this.selected;
    const p = this.result?.points[i];
    if (this.marker) this.marker.replaceChildren();
    if (p && this.marker && this.layout) {
      const { x, y, plot } = this.layout;
      const X = x(p.massGeV);
      const line = document.createElementNS(SVG_NS, 'line');
      for (const [k, v] of Object.entries({ x1: X, x2: X, y1: plot.top, y2: plot.bottom })) line.setAttribute(k, String(v));
      line.setAttribute('stroke', '#444');
      line.setAttribute('stroke-dasharray', '4 3');
      this.marker.append(line);
      const dot = (eps: number, fill: string, r: number) => {
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
    this.handlers.onPoint(p, i, this.hovered < 0);
  }
}
