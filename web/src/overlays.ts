/**
 * Published limit curves laid over the figure: read from a file the user
 * gives (two columns, m_A′ and ε, through the library's curve parser), with
 * the mass unit declared by the user or read from the file's header or
 * comments (GeV unless it says MeV; masses above 20 with no unit are flagged
 * as probably MeV), and the reference limits that vanish ships — the same
 * files its figures use — one click away.
 */
import { CurveFileError, parseCurveText } from '../../src/format/curveFile.js';
import type { Overlay } from './state.js';

/** Above this, a mass "in GeV" of a dark-photon limit is probably MeV. */
const SUSPECT_GEV = 20;

/** The unit a file's header or comment lines name for its masses, if any. */
export function declaredMassUnit(text: string): 'GeV' | 'MeV' | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const isNote = line.startsWith('#') || !/^[+-]?[\d.]/.test(line);
    if (!isNote) continue;
    const m = /(?:^|[^A-Za-z])(MeV|GeV)(?![A-Za-z])/.exec(line);
    if (m) return m[1] as 'GeV' | 'MeV';
  }
  return undefined;
}

/**
 * Reads a limit curve's text as an overlay.
 * @param unit the user's choice: `auto` reads the file's own unit (GeV when it names none)
 * @throws Error whose message says which line is wrong and what is expected
 */
export function readOverlayFile(text: string, label: string, unit: 'auto' | 'GeV' | 'MeV'): Overlay {
  let points: [number, number][];
  try {
    points = parseCurveText(text);
  } catch (e) {
    if (e instanceof CurveFileError) throw new Error(e.message);
    throw new Error(`cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  let use: 'GeV' | 'MeV';
  let reason: string | undefined;
  if (unit !== 'auto') {
    use = unit;
    reason = 'chosen';
  } else {
    const said = declaredMassUnit(text);
    if (said) {
      use = said;
      reason = `the file says ${said}`;
    } else {
      use = 'GeV';
      const max = Math.max(...points.map(([m]) => m));
      if (max > SUSPECT_GEV) reason = `no unit in the file; masses up to ${Number(max.toPrecision(3))} look like MeV`;
    }
  }
  const k = use === 'MeV' ? 1e-3 : 1;
  return { label, points: points.map(([m, e]) => [m * k, e]), unit: use, ...(reason ? { unitReason: reason } : {}) };
}

/** A limit curve shipped with vanish. */
export interface ReferenceLimit {
  id: string;
  label: string;
  /** Where it comes from (the file, and its citation when the file names one). */
  citation: string;
  load(): Promise<string>;
}

// The project's own reference curves (data/), and, when the project has none, the
// published curves that vanish's figures read beside the project (../shared/data).
const PROJECT = import.meta.glob(['../../data/**/*.txt', '../../data/**/*.dat', '../../data/**/*.csv'], { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;
const SHARED = import.meta.glob('../../../shared/data/*.txt', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** A file name as a label: `na64-2019-invisible-dark-photon.txt` → `NA64 2019 invisible dark photon`. */
export function labelOfFile(path: string): string {
  const base = path.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  return base
    .split(/[-_]+/)
    .map((w) => (/^(na64|babar|besiii|belle|padme|lhcb|cms|atlas|bes|kloe|e137|e141|e774|nu|ii)$/i.test(w) ? w.toUpperCase().replace('BELLE', 'Belle').replace('BABAR', 'BaBar') : w))
    .join(' ');
}

/** The shipped reference limits, in file-name order. */
export function referenceLimits(): ReferenceLimit[] {
  const files = Object.keys(PROJECT).length > 0 ? PROJECT : SHARED;
  return Object.keys(files)
    .sort()
    .map((path) => ({
      id: path.replace(/^.*\//, '').replace(/\.[^.]*$/, ''),
      label: labelOfFile(path),
      citation: path.replace(/^(\.\.\/)+/, ''),
      load: files[path],
    }));
}
