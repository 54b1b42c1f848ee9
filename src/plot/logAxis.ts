/**
 * Ticks of a base-10 logarithmic axis: major ticks at powers of ten (labelled
 * 10ⁿ) and minor ticks at 2…9 × 10ⁿ, from d3-scale's log ticks.
 */
import type { ScaleLogarithmic } from 'd3-scale';

export interface LogTick {
  value: number;
  /** A power of ten. */
  major: boolean;
  /** Exponent n for major ticks, else undefined. */
  exponent?: number;
  /** Whether to write a label (every major tick unless there are many; every k-th tick on a short axis). */
  labelled: boolean;
}

/** The ticks of a log scale inside its domain, at most about 8 labels. */
export function logTicks(scale: ScaleLogarithmic<number, number>): LogTick[] {
  const [lo, hi] = scale.domain();
  const inside = scale.ticks().filter((t) => t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9));
  const ticks = inside.map((value) => {
    const l = Math.log10(value);
    const major = Math.abs(l - Math.round(l)) < 1e-9;
    return { value, major, exponent: major ? Math.round(l) : undefined, labelled: false };
  });
  const majors = ticks.filter((t) => t.major);
  if (majors.length >= 2) {
    const step = Math.ceil(majors.length / 8);
    for (const t of majors) t.labelled = (t.exponent as number) % step === 0;
  } else {
    // A short axis (less than a decade): label every k-th tick, at most 6 labels.
    const step = Math.ceil(ticks.length / 6);
    ticks.forEach((t, i) => (t.labelled = i % step === 0));
  }
  return ticks;
}
