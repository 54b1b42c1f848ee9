/**
 * Plane geometry in figure pixels, for placing a legend or a label where it
 * covers no data: what a figure has drawn (polylines, filled polygons, other
 * labels) is collected as {@link Obstacles}, and a candidate box is scored by
 * how much of it it would hide.
 */

/** An axis-aligned box: top-left corner (x, y), width and height, in px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Point = [x: number, y: number];

/** Whether two boxes overlap (touching edges do not). */
export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** `b` grown by `pad` on every side. */
export const inflate = (b: Box, pad: number): Box => ({ x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad });

export const inside = ([x, y]: Point, b: Box): boolean => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;

/** Whether segments p1p2 and q1q2 intersect (collinear overlaps included). */
function segmentsCross(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (a: Point, b: Point, c: Point) =>
    Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);
  return (d1 === 0 && on(q1, q2, p1)) || (d2 === 0 && on(q1, q2, p2)) || (d3 === 0 && on(p1, p2, q1)) || (d4 === 0 && on(p1, p2, q2));
}

/** Whether the segment ab passes through box `b` (an end inside counts). */
export function segmentHitsBox(a: Point, b2: Point, b: Box): boolean {
  if (inside(a, b) || inside(b2, b)) return true;
  if (Math.max(a[0], b2[0]) < b.x || Math.min(a[0], b2[0]) > b.x + b.w || Math.max(a[1], b2[1]) < b.y || Math.min(a[1], b2[1]) > b.y + b.h) return false;
  const c: Point[] = [
    [b.x, b.y],
    [b.x + b.w, b.y],
    [b.x + b.w, b.y + b.h],
    [b.x, b.y + b.h],
  ];
  return c.some((p, i) => segmentsCross(a, b2, p, c[(i + 1) % 4]));
}

/** Even–odd point-in-polygon test. */
export function pointInPolygon([x, y]: Point, poly: Point[]): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Whether a filled polygon and a box share any area. */
export function polygonHitsBox(poly: Point[], b: Box): boolean {
  if (poly.length === 0) return false;
  if (poly.some((p) => inside(p, b))) return true;
  if (pointInPolygon([b.x + b.w / 2, b.y + b.h / 2], poly) || pointInPolygon([b.x, b.y], poly)) return true;
  return poly.some((p, i) => segmentHitsBox(p, poly[(i + 1) % poly.length], b));
}

/** What a figure has drawn, in px: polylines (curves), filled polygons (regions, bands) and boxes (labels, markers). */
export class Obstacles {
  readonly lines: Point[][] = [];
  readonly polygons: Point[][] = [];
  readonly boxes: Box[] = [];

  /** The lines cut into runs of at most 32 segments, each with its bounding box (a 100 000-point curve is tested in few steps). */
  private runs: { box: Box; pts: Point[] }[] = [];
  private indexed = 0;

  private index(): void {
    for (; this.indexed < this.lines.length; this.indexed++) {
      const line = this.lines[this.indexed];
      for (let start = 0; start < line.length; start += 32) {
        const pts = line.slice(start, Math.min(line.length, start + 33));
        let x0 = Infinity;
        let y0 = Infinity;
        let x1 = -Infinity;
        let y1 = -Infinity;
        for (const [x, y] of pts) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
        this.runs.push({ box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, pts });
        if (start + 33 >= line.length) break;
      }
    }
  }

  /** How much of the drawing a box would hide: segments crossed, plus 1000 per region or label it overlaps. */
  cost(b: Box): number {
    this.index();
    let n = 0;
    const touches = (r: Box) => r.x <= b.x + b.w && b.x <= r.x + r.w && r.y <= b.y + b.h && b.y <= r.y + r.h;
    for (const run of this.runs) {
      if (!touches(run.box)) continue;
      const line = run.pts;
      if (line.length === 1 && inside(line[0], b)) n++;
      for (let i = 1; i < line.length; i++) if (segmentHitsBox(line[i - 1], line[i], b)) n++;
    }
    for (const p of this.polygons) if (polygonHitsBox(p, b)) n += 1000;
    for (const o of this.boxes) if (overlaps(o, b)) n += 1000;
    return n;
  }
}
