/**
 * Reading a limit curve from text: two columns, m_A' in GeV and ε, separated
 * by a comma, semicolon or spaces; blank lines and `#` comment lines are
 * skipped, and so is a header line of column names before the first point.
 * A reach CSV written by vanish itself (`vanish reach --format csv`) is read
 * too: its header names the columns `mass_GeV` and `epsilon90`, and rows
 * without reach (`inf`) are left out.
 * Used by the web page's "published limits" overlay and the CLI's
 * `--compare`; pure and browser-safe.
 */

/** A limit-curve text that cannot be read; the message is one line and says what is expected. */
export class CurveFileError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem, when there is one. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CurveFileError';
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** How a vanish CSV writes a value that is not finite (no reach). */
const NOT_FINITE = /^[+-]?(?:inf|nan)$/i;

/** The columns of a vanish reach CSV header, or undefined for any other header. */
function reachCsvColumns(cells: string[]): { mass: number; epsilon: number; count: number } | undefined {
  const mass = cells.indexOf('mass_GeV');
  const epsilon = cells.indexOf('epsilon90');
  return mass >= 0 && epsilon >= 0 ? { mass, epsilon, count: cells.length } : undefined;
}

/**
 * Parses a limit curve.
 * @param text the file's content
 * @returns [m_A' in GeV, ε] pairs in the order of the file (every value finite and > 0)
 * @throws CurveFileError naming the first line that is neither a comment, a header nor two positive numbers
 * @example parseCurveText('# m_GeV eps\n0.01 1e-4\n0.1, 3e-4\n') // [[0.01, 1e-4], [0.1, 3e-4]]
 */
export function parseCurveText(text: string): [massGeV: number, epsilon: number][] {
  const points: [number, number][] = [];
  let columns: ReturnType<typeof reachCsvColumns>;
  let rows = 0;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/[\s,;]+/);
    const [mCell, eCell, count] = columns ? [cells[columns.mass], cells[columns.epsilon], columns.count] : [cells[0], cells[1], 2];
    if (cells.length === count && NUMBER.test(mCell) && NUMBER.test(eCell)) {
      const m = Number(mCell);
      const e = Number(eCell);
      if (m > 0 && e > 0 && Number.isFinite(m) && Number.isFinite(e)) {
        points.push([m, e]);
        rows++;
        continue;
      }
    }
    if (columns && cells.length === count && NUMBER.test(mCell) && Number(mCell) > 0 && NOT_FINITE.test(eCell)) {
      rows++; // no reach at this mass
      continue;
    }
    if (rows === 0 && cells.every((c) => !NUMBER.test(c))) {
      columns = reachCsvColumns(cells); // a header line
      continue;
    }
    const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
    const expected = columns
      ? `expected ${columns.count} columns with a positive mass_GeV and epsilon90 (a vanish reach CSV)`
      : 'expected two positive numbers, mass_GeV and epsilon (# starts a comment)';
    throw new CurveFileError(`line ${i + 1} "${shown}" is not allowed: ${expected}`, i + 1);
  }
  if (points.length === 0) throw new CurveFileError('has no points: expected lines of two positive numbers, mass_GeV and epsilon');
  return points;
}
