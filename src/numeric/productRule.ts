/**
 * Product integration: ∫ p(t) W(t) dt for a cheap weight W with structure (kinks,
 * narrow peaks, breakpoints given) and many smooth factors p (interpolants of a
 * dear function on panels of the same range). W alone is integrated once by
 * adaptive G10/K21 panels (numeric/gaussKronrod.ts's rule) to a tight tolerance;
 * its nodes and W-weighted weights are then reused for every p. p's panels may end
 * anywhere: {@link WeightedRule.sum} integrates a W panel that straddles an end over its
 * part inside (a fresh K21 panel, for that sum only: the rule itself never changes, so a
 * kept rule gives the same sums whatever was asked of it before).
 *
 * Error of Σ wᵢ W(tᵢ) p(tᵢ) against ∫ p W: per W panel, the K21 − G10 difference
 * of ∫ W there (QUADPACK's estimate is of that kind) times max |p| on the panel's
 * nodes, summed ({@link WeightedRule.sum}'s `error`).
 */
import { KRONROD_21 } from './gaussKronrod.js';

interface WPanel {
  a: number;
  b: number;
  /** The 21 Kronrod nodes, and weight × W at each. */
  t: Float64Array;
  w: Float64Array;
  /** |K21 − G10| for ∫ W over the panel, and ∫ |W| (K21). */
  error: number;
  abs: number;
}

const { xgk, wgk, wg } = KRONROD_21;

function panel(W: (t: number) => number, a: number, b: number): WPanel {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const t = new Float64Array(21);
  const w = new Float64Array(21);
  let k21 = 0;
  let g10 = 0;
  let abs = 0;
  for (let j = 0; j < 11; j++) {
    const x = xgk[j];
    for (const sign of j === 10 ? [0] : [-1, 1]) {
      const idx = j === 10 ? 20 : 2 * j + (sign < 0 ? 0 : 1);
      const tt = c + sign * h * x;
      const f = W(tt);
      if (!Number.isFinite(f)) throw new RangeError(`product rule: weight is ${f} at t = ${tt}`);
      t[idx] = tt;
      w[idx] = wgk[j] * h * f;
      k21 += wgk[j] * f;
      abs += wgk[j] * Math.abs(f);
      if (j % 2 === 1) g10 += wg[(j - 1) / 2] * f;
    }
  }
  return { a, b, t, w, error: Math.abs((k21 - g10) * h), abs: abs * Math.abs(h) };
}

export interface WeightedRule {
  /**
   * Σ over the W panels inside [a, b] of wᵢ W(tᵢ) g(tᵢ) — for smooth g, ∫_a^b g W —
   * with `error` the bound of the module comment (g's largest |value| per panel).
   */
  sum(a: number, b: number, g: (t: number) => number): { value: number; error: number };
  /**
   * The sums of two functions in one pass: {@link WeightedRule.sum} for g and for h, with h
   * called right after g at the same node (so h may reuse what g computed).
   */
  sumPair(
    a: number,
    b: number,
    g: (t: number) => number,
    h: (t: number) => number,
  ): { value: number; error: number; value2: number; error2: number };
  /** Weight evaluations so far. */
  readonly evaluations: number;
}

/**
 * A rule for ∫ · W over [a, b]: W's panels refined (bisected, the worst first) until
 * Σ|K21 − G10| ≤ relTol ∫|W|, from [a, points…, b] (at most maxPanels panels; beyond,
 * it throws).
 */
export function weightedRule(
  W: (t: number) => number,
  a: number,
  b: number,
  options: { relTol: number; points?: readonly number[]; maxPanels?: number },
): WeightedRule {
  const maxPanels = options.maxPanels ?? 4000;
  let evaluations = 0;
  const make = (x: number, y: number) => {
    evaluations += 21;
    return panel(W, x, y);
  };
  const cuts = [a, ...[...new Set(options.points ?? [])].filter((p) => p > a && p < b).sort((x, y) => x - y), b];
  const panels: WPanel[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) panels.push(make(cuts[i], cuts[i + 1]));
  for (;;) {
    let err = 0;
    let abs = 0;
    let worst = 0;
    for (let i = 0; i < panels.length; i++) {
      err += panels[i].error;
      abs += panels[i].abs;
      if (panels[i].error > panels[worst].error) worst = i;
    }
    if (err <= options.relTol * abs) break;
    if (panels.length >= maxPanels) throw new RangeError(`product rule on [${a}, ${b}] needs more than ${maxPanels} panels for relTol ${options.relTol}`);
    const p = panels[worst];
    const m = 0.5 * (p.a + p.b);
    panels.splice(worst, 1, make(p.a, m), make(m, p.b));
  }
  const add = (p: WPanel, g: (t: number) => number, acc: { value: number; error: number }) => {
    let largest = 0;
    for (let k = 0; k < 21; k++) {
      const v = g(p.t[k]);
      acc.value += p.w[k] * v;
      largest = Math.max(largest, Math.abs(v));
    }
    acc.error += p.error * largest;
  };
  const addPair = (p: WPanel, g: (t: number) => number, h: (t: number) => number, acc: { value: number; error: number; value2: number; error2: number }) => {
    let largest = 0;
    let largest2 = 0;
    for (let k = 0; k < 21; k++) {
      const v = g(p.t[k]);
      const v2 = h(p.t[k]);
      acc.value += p.w[k] * v;
      acc.value2 += p.w[k] * v2;
      largest = Math.max(largest, Math.abs(v));
      largest2 = Math.max(largest2, Math.abs(v2));
    }
    acc.error += p.error * largest;
    acc.error2 += p.error * largest2;
  };
  return {
    get evaluations() {
      return evaluations;
    },
    sum(lo, hi, g) {
      // the rule is never changed here (a kept rule gives the same sums whatever was asked
      // before): a panel that straddles lo or hi is replaced, for this sum only, by its part inside
      const acc = { value: 0, error: 0 };
      for (const p of panels) {
        if (p.b <= lo || p.a >= hi) continue;
        if (p.a >= lo && p.b <= hi) add(p, g, acc);
        else add(make(Math.max(p.a, lo), Math.min(p.b, hi)), g, acc);
      }
      return acc;
    },
    sumPair(lo, hi, g, h) {
      const acc = { value: 0, error: 0, value2: 0, error2: 0 };
      for (const p of panels) {
        if (p.b <= lo || p.a >= hi) continue;
        if (p.a >= lo && p.b <= hi) addPair(p, g, h, acc);
        else addPair(make(Math.max(p.a, lo), Math.min(p.b, hi)), g, h, acc);
      }
      return acc;
    },
  };
}
