/**
 * Golden-file snapshots of figures, compared as text (as Observable Plot's
 * tests do): test/output/NAME holds the committed figure; a figure that
 * differs fails the test and is written beside it as NAME-changed.ext for
 * review. VANISH_UPDATE_SNAPSHOTS=1 rewrites the snapshots; a missing one is
 * written on a developer's machine and fails under CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = fileURLToPath(new URL('../output/', import.meta.url));

export function expectSnapshot(name: string, actual: string): void {
  const file = `${DIR}${name}`;
  const changed = file.replace(/(\.[^.]+)$/, '-changed$1');
  mkdirSync(DIR, { recursive: true });
  if (process.env.VANISH_UPDATE_SNAPSHOTS || (!existsSync(file) && !process.env.CI)) writeFileSync(file, actual);
  expect(existsSync(file), `snapshot ${name} missing: run VANISH_UPDATE_SNAPSHOTS=1 npx vitest run test/plot`).toBe(true);
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `${name} differs from its snapshot (written to ${changed}); VANISH_UPDATE_SNAPSHOTS=1 accepts it`).toBe(expected);
}

/** Polylines of an SVG path's M/L (and l0,0) commands, in px. */
export function pathPolylines(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  for (const m of d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)) {
    const p: [number, number] = [Number(m[2]), Number(m[3])];
    if (m[1] === 'M' || out.length === 0) out.push([p]);
    else out[out.length - 1].push(p);
  }
  return out;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Whether a drawn polyline passes through a rectangle: every segment is
 * sampled every 0.5 px (independent of the figure code's own geometry).
 */
export function polylineHitsRect(line: [number, number][], r: Rect): boolean {
  const inside = (x: number, y: number) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
  if (line.length === 1) return inside(line[0][0], line[0][1]);
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1];
    const [x1, y1] = line[i];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 0.5));
    for (let k = 0; k <= n; k++) if (inside(x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n)) return true;
  }
  return false;
}

/** The legend's box in a figure. */
export function legendRect(svg: string): Rect | undefined {
  const m = /<g class="legend"[^>]*><rect class="legend-box" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return m ? { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) } : undefined;
}

/** Every drawn data line (curves and series) of a figure, as polylines in px. */
export function dataLines(svg: string): [number, number][][] {
  return [...svg.matchAll(/<path class="(?:curve|series)[^"]*"[^>]* d="([^"]*)"/g)].flatMap((m) => pathPolylines(m[1]));
}

/** Shaded regions (excluded regions, bands) as polygons in px. */
export function dataRegions(svg: string): [number, number][][] {
  return [...svg.matchAll(/<path class="(?:comparison-region|band)[^"]*"[^>]* d="([^"]*)"/g)].flatMap((m) => pathPolylines(m[1]));
}

/** Even–odd test whether a point is inside a polygon. */
export function insidePolygon(x: number, y: number, poly: [number, number][]): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Whether a rectangle covers any of a region drawn clipped to `clip`: sampled on a 2 px grid. */
export function regionHitsRect(poly: [number, number][], r: Rect, clip: Rect): boolean {
  for (let x = r.x; x <= r.x + r.w; x += 2) {
    for (let y = r.y; y <= r.y + r.h; y += 2) {
      const shown = x >= clip.x && x <= clip.x + clip.w && y >= clip.y && y <= clip.y + clip.h;
      if (shown && insidePolygon(x, y, poly)) return true;
    }
  }
  return false;
}

/** The plot area (the frame) of a figure. */
export function frameRect(svg: string): Rect {
  const m = /<rect class="frame" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no frame');
  return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
}

/** The best point's label as a box (DejaVu Sans at 14 px: 0.62 em a character on average), or undefined. */
export function bestLabelRect(svg: string): Rect | undefined {
  const m = /<text class="best-label" x="([\d.-]+)" y="([\d.-]+)"[^>]*>(.*?)<\/text>/.exec(svg);
  if (!m) return undefined;
  const chars = m[3].replace(/<[^>]+>/g, '').length;
  const w = chars * 14 * 0.62;
  return { x: Number(m[1]) - w / 2, y: Number(m[2]) - 14, w, h: 17 };
}
